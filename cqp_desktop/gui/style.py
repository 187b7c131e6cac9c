"""Shared look of the jury screens: readable at arm's length, good contrast, never colour alone.

The one home of every style sheet and colour the GUI applies (tests/gui/test_style_home.py fails on a CSS
literal anywhere else). Constants are named for their role (a title, a hint, a notice, the clock's buttons…),
so two screens showing the same kind of thing look the same and a change of look is one line here.
"""

from __future__ import annotations

from typing import NamedTuple

from cqp_desktop.core.model.rules import Decision

# -------------------------------------------------------------------------------------------------
# Palette: every colour, named once.

# text on the window's own background
TEXT_GOOD = "#1b5e20"  # validé, acquise, a strong passphrase, a favourable outcome
TEXT_BAD = "#a11d1d"  # non validé, non acquise, refused, weak, the harsher examiner
TEXT_CAUTION = "#7a4d00"  # worth a second look: a medium passphrase, a PREMSS flag
TEXT_LENIENT = "#1d4fa1"  # the more lenient examiner (examiners' analysis)
TEXT_HINT = "#4a525c"  # why a button is disabled, what to do next, « non observé »
TEXT_SECONDARY = "#333333"  # small print (10 pt): darker than a hint, so small text keeps its contrast
WHITE = "#ffffff"
ON_DARK = WHITE  # text on a dark badge or a chosen toggle

# message boxes: background, text, border
NOTICE_BG, NOTICE_TEXT, NOTICE_BORDER = "#fff4d6", "#3d2e00", "#d9a400"
ERROR_BG, ERROR_TEXT, ERROR_BORDER = "#fde8e8", "#7a0000", "#c00000"
OK_BG, OK_TEXT, OK_BORDER = "#e6f4ea", "#0b4d1f", "#2e7d32"
INFO_BG, INFO_BORDER = "#eef3f8", "#9fb3c8"  # neutral information: a dossier's state, a recovery offer
PANEL_BG = "#f4f6f8"  # a quoted block (a member's notes)

# dark badges
PREPOS_BG = "#5b3a00"  # pré-positionnement, non certifiant
ACCENT_BG = "#0d3b66"  # certifying épreuve; the chosen marker
OVERRUN_BG = "#9a0000"  # the phase runs over its time

# the signature pad and a signature's picture: paper and ink
PAPER = WHITE
SIGNATURE_INK = "#111111"
SIGNATURE_BASELINE = "#9aa3ad"
SIGNATURE_FRAME = "#6b7480"
SIGNATURE_PROMPT = "#8a929c"
PICTURE_FRAME = "#999999"

# -------------------------------------------------------------------------------------------------
# Text


def _font(size_pt: int, bold: bool = False) -> str:
    """Sizes in points (they follow the screen's scaling); one bold weight: DejaVu Sans has no semi-bold."""
    return f"font-size: {size_pt}pt;" + (" font-weight: 700;" if bold else "")


BASE_CSS = _font(12)  # the jury's reading size: tables, lists, fields, a screen's text
BODY_CSS = _font(11)  # a dialog's text, a secondary line
LARGE_CSS = _font(13)  # a figure read at a glance: elapsed time, a count, a mark
CAPTION_CSS = _font(12, bold=True)  # a caption or a panel's heading, a line that must stand out
SMALL_CAPTION_CSS = _font(11, bold=True)  # a field's caption in a dense panel
GROUP_CAPTION_CSS = f"QGroupBox {{ {CAPTION_CSS} }}"
EMPHASIS_CSS = "font-weight: 700;"  # bold at the surrounding size
PHASE_CSS = _font(13, bold=True)  # the clock's phase
SUBTITLE_CSS = _font(14, bold=True)  # a section of a page
RUNNER_TITLE_CSS = _font(15, bold=True)  # the épreuve screen's title: smaller than a page's, the grid needs the height
TITLE_CSS = _font(16, bold=True)  # a dialog's title
HEADLINE_CSS = _font(20, bold=True)  # a page's title (home, dossier)
FOOTNOTE_CSS = f"font-size: 10pt; color: {TEXT_SECONDARY};"  # shortcut keys, save status, technical details
SIGNATURE_CAPTION_CSS = _font(9)  # who signed, when: under a signature's picture
COUNT_WARNING_CSS = f"font-size: 11pt; color: {TEXT_BAD};"  # a count the référentiel does not expect
QUOTED_NOTES_CSS = f"font-size: 11pt; background: {PANEL_BG}; padding: 4px;"
SIGNATURE_PICTURE_CSS = f"background: {PAPER}; border: 1px solid {PICTURE_FRAME};"


def text_colour_css(colour: str) -> str:
    """A label in one of the palette's text colours (a passphrase's strength)."""
    return f"color: {colour};"


HINT_CSS = text_colour_css(TEXT_HINT)  # why a button is disabled, what to do next
GOOD_TEXT_CSS = text_colour_css(TEXT_GOOD)  # done, may sign
BAD_TEXT_CSS = text_colour_css(TEXT_BAD)  # why it is refused
CAUTION_TEXT_CSS = text_colour_css(TEXT_CAUTION)  # still missing, not blocking


def coloured_html(html: str, colour: str) -> str:
    """Rich text in bold and a palette colour: a result inside a longer text."""
    return f'<b style="color:{colour}">{html}</b>'


def highlighted_html(html: str) -> str:
    """Rich text on the favourable background: a proclaimed result inside a dossier."""
    return f"<span style='background:{OK_BG}'>{html}</span>"


# -------------------------------------------------------------------------------------------------
# Message boxes: a notice (to do, to check), an error (refused), an ok (done), neutral information


class Tone(NamedTuple):
    """A message box's three colours: one per kind of message, the same on every screen."""

    background: str
    text: str  # "" keeps the widget's text colour
    border: str


NOTICE = Tone(NOTICE_BG, NOTICE_TEXT, NOTICE_BORDER)
ERROR = Tone(ERROR_BG, ERROR_TEXT, ERROR_BORDER)
OK = Tone(OK_BG, OK_TEXT, OK_BORDER)
INFO = Tone(INFO_BG, "", INFO_BORDER)


def box_css(tone: Tone, *, size_pt: int = 12, compact: bool = False) -> str:
    """A message box; `compact` (2 px padding) for the one-line strips of the épreuve screen's dense panels."""
    colour = f" color: {tone.text};" if tone.text else ""
    padding = 2 if compact else 6
    return f"background: {tone.background};{colour} border: 1px solid {tone.border}; padding: {padding}px; font-size: {size_pt}pt;"


NOTICE_CSS = box_css(NOTICE)
ERROR_CSS = box_css(ERROR)
OK_CSS = box_css(OK)
BODY_NOTICE_CSS = box_css(NOTICE, size_pt=11)  # a notice among a dialog's text (the avis)
STATUS_PANEL_CSS = box_css(INFO, size_pt=13)  # a dossier's state, above its épreuves

# -------------------------------------------------------------------------------------------------
# Badges and the clock


def _badge(background: str) -> str:
    return f"background: {background}; color: {ON_DARK}; padding: 6px 12px; font-size: 13pt; font-weight: 700;"


PREPOS_CSS = _badge(PREPOS_BG)  # « pré-positionnement — non certifiant »
CERT_CSS = _badge(ACCENT_BG)  # « épreuve certifiante »
COUNTDOWN_CSS = "font-size: 40pt; font-weight: 700; font-family: 'DejaVu Sans Mono', monospace;"
COUNTDOWN_ENDED_CSS = _font(28, bold=True)  # « Terminée » in place of the countdown
OVERRUN_CSS = f"font-size: 14pt; font-weight: 700; color: {ON_DARK}; background: {OVERRUN_BG}; padding: 2px 8px;"
CLOCK_STATE_CSS = CAPTION_CSS  # running, ended…
CLOCK_PAUSED_CSS = f"{CAPTION_CSS} background: {NOTICE_BG}; color: {NOTICE_TEXT}; padding: 4px;"

# -------------------------------------------------------------------------------------------------
# Buttons, tabs, trees

BUTTON_CSS = "font-size: 12pt; padding: 6px 10px;"  # a page's actions (home, dossier)
SMALL_BUTTON_CSS = "font-size: 12pt; padding: 3px 8px;"  # a decision under the grid
BAR_BUTTON_CSS = "font-size: 11pt; padding: 3px 8px;"  # a button in the épreuve screen's thin bars
CLOCK_BUTTON_CSS = "font-size: 13pt; padding: 3px 8px; font-weight: 700; min-height: 30px;"  # start, pause, next
PRIMARY_BUTTON_CSS = "font-weight: 700; padding: 6px 18px;"  # a dialog's one decisive action: sign, export
MARKER_BUTTON_CSS = (  # the member who marks, in double correction: the chosen one stands out
    f"QPushButton {{ {BAR_BUTTON_CSS} }} QPushButton:checked {{ background: {ACCENT_BG}; color: {ON_DARK}; }}"
)
RUNNER_TABS_CSS = "QTabBar::tab { font-size: 11pt; padding: 4px 8px; }"
CHECKLIST_TREE_CSS = f"QTreeWidget {{ {BASE_CSS} }} QTreeWidget::item {{ padding: 0px; }}"

# -------------------------------------------------------------------------------------------------
# Decisions: each has a symbol and a word, and a colour only as a third cue.

DECISION_TEXT = {
    Decision.VALIDE: "✔ validé",
    Decision.NON_VALIDE: "✘ non validé",
    Decision.NON_OBSERVE: "○ non observé",
}
DECISION_COLOUR = {
    Decision.VALIDE: TEXT_GOOD,
    Decision.NON_VALIDE: TEXT_BAD,
    Decision.NON_OBSERVE: TEXT_HINT,
}
