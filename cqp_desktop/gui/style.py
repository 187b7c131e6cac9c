"""Shared look of the jury screens: readable at arm's length, good contrast, never colour alone."""

from __future__ import annotations

from cqp_desktop.core.model.rules import Decision

NOTICE_CSS = "background: #fff4d6; color: #3d2e00; border: 1px solid #d9a400; padding: 6px; font-size: 12pt;"
ERROR_CSS = "background: #fde8e8; color: #7a0000; border: 1px solid #c00000; padding: 6px; font-size: 12pt;"
OK_CSS = "background: #e6f4ea; color: #0b4d1f; border: 1px solid #2e7d32; padding: 6px; font-size: 12pt;"
PREPOS_CSS = "background: #5b3a00; color: #ffffff; padding: 6px 12px; font-size: 13pt; font-weight: 700;"
CERT_CSS = "background: #0d3b66; color: #ffffff; padding: 6px 12px; font-size: 13pt; font-weight: 700;"
BASE_CSS = "font-size: 12pt;"
BODY_CSS = "font-size: 11pt;"  # a dialog's text, a secondary line
LARGE_CSS = "font-size: 13pt;"
STRONG_CSS = "font-size: 12pt; font-weight: 600;"
BOLD_CSS = "font-size: 12pt; font-weight: 700;"
TITLE_CSS = "font-size: 16pt; font-weight: 700;"  # a dialog's title
SUBTITLE_CSS = "font-size: 14pt; font-weight: 700;"
HEADLINE_CSS = "font-size: 20pt; font-weight: 700;"
BUTTON_CSS = "font-size: 12pt; padding: 6px 10px;"
SMALL_BUTTON_CSS = "font-size: 12pt; padding: 3px 8px;"
HINT_CSS = "color: #4a525c;"  # why a button is disabled, what to do next

# Each decision has a symbol and a word, and a colour only as a third cue.
DECISION_TEXT = {
    Decision.VALIDE: "✔ validé",
    Decision.NON_VALIDE: "✘ non validé",
    Decision.NON_OBSERVE: "○ non observé",
}
DECISION_COLOUR = {
    Decision.VALIDE: "#1b5e20",
    Decision.NON_VALIDE: "#b00020",
    Decision.NON_OBSERVE: "#555555",
}
