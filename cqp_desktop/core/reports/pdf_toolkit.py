"""The PDF toolkit every report is made with, on both sides (the site's comptes rendus and summaries, the
Ucanss's jury list, procès-verbal and certificates): page, colours, French typography with the embedded DejaVu
Sans (narrow no-break space before « : »), styles, tables, boxes, numbered pages and deterministic rendering
(`invariant=1`: same data, same bytes, so a report can be rebuilt and compared)."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.tables import LINECOMMANDS, CellStyle

from cqp_desktop.core.common.formats import french_day, french_moment
from cqp_desktop.core.reports import fonts

NNBSP = "\u202f"


def _keep_narrow_no_break_spaces() -> None:
    """reportlab's Paragraph lists U+202F among the spaces it breaks lines at, and joins the words of a line with a
    plain space: « validés : » could break before the colon and never showed its narrow space. Here it is what
    Unicode says, a no-break space like U+00A0, which reportlab already keeps inside words (its `split` keeps them
    when it sees one): set once for every paragraph, ours and reportlab's alike."""
    if NNBSP not in rl_paragraph._wsc:
        return
    rl_paragraph._wsc = rl_paragraph._wsc.replace(NNBSP, "")
    rl_paragraph._wsc_re_split = re.compile(f"[{re.escape(rl_paragraph._wsc)}]+").split
    rl_paragraph._wsc_end_search = re.compile(f"[{re.escape(rl_paragraph._wsc)}]+$").search

    def split(text: str | bytes, delim: str | bytes | None = None) -> list[str]:
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if isinstance(delim, bytes):
            delim = delim.decode("utf8")
        if delim is None and ("\xa0" in text or NNBSP in text):
            return list(rl_paragraph._wsc_re_split(text))
        return text.split(delim)

    rl_paragraph.split = split


_keep_narrow_no_break_spaces()
PAGE = A4
MARGIN = 16 * mm
WIDTH = PAGE[0] - 2 * MARGIN
GREEN = colors.HexColor("#1b6e2e")
RED = colors.HexColor("#a11d1d")
GREY = colors.HexColor("#6b6b6b")
LIGHT = colors.HexColor("#eef1f5")
AMBER = colors.HexColor("#fff3cd")
LINE = colors.HexColor("#b8bec8")


def fr(text: str) -> str:
    """Escape for reportlab's mini-markup and put narrow no-break spaces before « : ; ! ? »."""
    out = escape(text)
    for mark in (":", ";", "!", "?"):
        out = out.replace(f" {mark}", f"{NNBSP}{mark}")
    return out


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    banner: ParagraphStyle


@cache  # never changed once made: the same objects for every document (Paragraph below keys on them)
def styles() -> Styles:
    regular, bold = fonts.register()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=GREY),
        cell=ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=bold, fontSize=8, leading=10),
        title=ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13, textColor=GREY, spaceAfter=6),
        h2=ParagraphStyle("h2", parent=body, fontName=bold, fontSize=11.5, leading=15, spaceBefore=9, spaceAfter=4),
        h3=ParagraphStyle("h3", parent=body, fontName=bold, fontSize=9.5, leading=12, spaceBefore=10, spaceAfter=3),
        banner=ParagraphStyle("banner", parent=body, fontName=bold, fontSize=10, leading=13, alignment=TA_CENTER),
    )


@cache  # the same object for the same variant (Paragraph and `grid` key on styles)
def restyled(style: ParagraphStyle, *, bold: bool = False, colour: colors.Color | None = None) -> ParagraphStyle:
    """`style` in bold and/or in `colour`: a plain text in it is drawn as « <b> » and « <font color> » markup around
    the whole text would draw it, without parsing markup (and a `Text` cell in it can be a table string)."""
    _regular, bold_font = fonts.register()
    return ParagraphStyle(
        f"{style.name}{'_bold' if bold else ''}{'_' + colour.hexval() if colour is not None else ''}",
        parent=style,
        fontName=bold_font if bold else style.fontName,
        textColor=colour if colour is not None else style.textColor,
    )


def french_date(iso_text: str | None) -> str:
    """'2026-12-02' → '02/12/2026'; an ISO timestamp → local '02/12/2026 à 09:30'."""
    if iso_text and len(iso_text) == 10:
        return french_day(iso_text)
    return french_moment(iso_text)


def threshold_line(count: int, total: int, percent: int, counted: str, ok_word: str, ko_word: str) -> str:
    """The 80 % arithmetic spelled out: '4 validés sur 5 → 5 × 4 = 20 ≥ 4 × 5 = 20 : acquise'."""
    g = math.gcd(100, percent)
    a, b = 100 // g, percent // g
    ok = total > 0 and a * count >= b * total
    sign = "≥" if ok else "<"
    return f"{count} {counted} sur {total} → {a} × {count} = {a * count} {sign} {b} × {total} = {b * total} : {ok_word if ok else ko_word}"


GRID_PADDING = (3, 3, 2, 2.5)  # left, right, top, bottom: a cell's text is laid out in its column's width minus the first two
# the lines and paddings of every table of the reports (and of the national base's listing)
GRID_STYLE: tuple[tuple[Any, ...], ...] = (
    ("GRID", (0, 0), (-1, -1), 0.4, LINE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), GRID_PADDING[0]),
    ("RIGHTPADDING", (0, 0), (-1, -1), GRID_PADDING[1]),
    ("TOPPADDING", (0, 0), (-1, -1), GRID_PADDING[2]),
    ("BOTTOMPADDING", (0, 0), (-1, -1), GRID_PADDING[3]),
)
_GRID_LINES = [command for command in GRID_STYLE if command[0] in LINECOMMANDS]


@dataclass(frozen=True, slots=True)
class Text:
    """A table cell of plain text in a paragraph style, for `grid`: the text as `fr` makes it. With markup (« < »,
    « & ») or a soft hyphen it simply becomes a `Paragraph`.

    Most cells of a compte rendu are one short line (a code, a decision, a duration, a header). `grid` draws such a
    cell as a table string: the words the Paragraph would draw (reportlab's Paragraph splits on white space and
    joins with one space), in its font, size and colour, on the same baseline (reportlab puts a paragraph's first
    baseline one font size below its top, as a table does a string's) and in a row of the same height (one leading)
    — without a Paragraph to build, wrap and draw, which was most of a report's time. A text that needs more than one
    line becomes the Paragraph; an empty one an empty cell, as high as an empty Paragraph (nothing)."""

    text: str
    style: ParagraphStyle


@lru_cache(maxsize=64)
def _drawn_plainly(style: ParagraphStyle) -> bool:
    """Whether a one-line plain paragraph in `style` is its words at the left of the cell, nothing more."""
    return style.alignment == TA_LEFT and not (
        style.leftIndent or style.rightIndent or style.firstLineIndent or style.backColor or style.borderWidth
        or style.textTransform or style.endDots or style.wordWrap or getattr(style, "bulletText", None) is not None
    )


# words (no markup, no soft hyphen, none of the characters reportlab's Paragraph splits on) separated by single spaces:
# reportlab would draw such a text as it is
_WORDS = f"[^<&\\xad{re.escape(rl_paragraph._wsc)}]+"
_AS_IT_IS = re.compile(f"{_WORDS}(?: {_WORDS})*")


@lru_cache(maxsize=4096)  # headers, decisions, durations come back in every table of a report
def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def grid_cell(cell: Text, width: float) -> str | list[Any] | Paragraph:
    """The table cell for `cell` in a column `width` wide: its lines as a string (one per line, broken as reportlab's
    Paragraph breaks them), [] when empty, else (markup, a word wider than the column, a line that only fits with
    narrowed spaces) a Paragraph."""
    text, style = cell.text, cell.style
    if not _drawn_plainly(style) or not _simply_broken(style):
        return Paragraph(text, style)
    room = width - GRID_PADDING[0] - GRID_PADDING[1]
    if _AS_IT_IS.fullmatch(text):
        # a margin far larger than any rounding between reportlab's word-by-word sum and the whole line's width
        if _width(text, style.fontName, style.fontSize) < room - 0.01:
            return text
        words = text.split(" ")
    else:
        if "<" in text or "&" in text or "\xad" in text:
            return Paragraph(text, style)
        words = rl_paragraph.split(rl_paragraph.strip(rl_paragraph.cleanBlockQuotedText(text)))
        if not words:
            return []
    broken = _simple_lines(words, style.fontName, style.fontSize, [room], style)
    if broken is None or any(left <= -1e-8 for left, _line in broken[0]):
        return Paragraph(text, style)  # a word to split, or a line reportlab fits by narrowing its spaces
    return "\n".join(" ".join(line) for _left, line in broken[0])


Look = tuple[tuple[str, float, float], colors.Color]  # a string cell's font (name, size, leading) and colour


def _look(style: ParagraphStyle) -> Look:
    return (style.fontName, style.fontSize, style.leading), style.textColor


@cache
def _grid_cell_style(text_font: bool) -> type[CellStyle]:
    """What every cell of a `grid` starts from: the grid's alignment and paddings (GRID_STYLE) as defaults of the
    cell style rather than commands applied to each cell in turn; and the usual cell text (`styles().cell`) when
    `text_font`, i.e. when no cell is a string given as it is (those keep reportlab's table font, as before)."""
    defaults: dict[str, Any] = {
        "valign": "TOP", "leftPadding": GRID_PADDING[0], "rightPadding": GRID_PADDING[1], "topPadding": GRID_PADDING[2],
        "bottomPadding": GRID_PADDING[3],
    }
    if text_font:
        font, colour = _look(styles().cell)
        defaults.update(fontname=font[0], fontsize=font[1], leading=font[2], color=colour)
    return type("GridCellStyle", (CellStyle,), defaults)


def grid(data: list[list[Any]], widths: Sequence[float], header: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table with the reports' lines and paddings; `Text` cells are drawn as table strings when they can be."""
    cell_style = _grid_cell_style(not any(isinstance(value, str) for values in data for value in values))
    looks: list[list[ParagraphStyle | None]] = []
    rows: list[list[Any]] = []
    for values in data:
        row: list[Any] = []
        row_looks: list[ParagraphStyle | None] = []
        for value, width in zip(values, widths, strict=True):
            look = None
            if isinstance(value, Text):
                cell = grid_cell(value, width)
                if isinstance(cell, str):
                    look = value.style
                value = cell
            row.append(value)
            row_looks.append(look)
        rows.append(row)
        looks.append(row_looks)
    cell_styles = [[cell_style("") for _ in row] for row in rows]
    table = _GridTable(rows, colWidths=list(widths), repeatRows=1 if header else 0, cellStyles=cell_styles)
    commands: list[tuple[Any, ...]] = list(_GRID_LINES)
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT))
    usual = (cell_style.fontname, cell_style.fontsize, cell_style.leading), cell_style.color
    table.setStyle(TableStyle(commands + _string_commands(looks, usual) + list(extra)))
    return table


class _GridTable(Table):
    """A table not measured again at a width where it was measured whole and fitted: a report's tables sit in
    KeepTogether blocks, which measure them, and then the frame measures them again with the room left; when the
    whole table fitted in the first measure and fits in that room, measuring again gives the very same rows
    (reportlab only stops measuring early when the rows already exceed the room)."""

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803 (reportlab API)
        measured = getattr(self, "_measured_width", None)
        if measured == availWidth and self._hmax == self._nrows and self._height <= availHeight:
            return
        super()._calc(availWidth, availHeight)
        self._measured_width = availWidth


def _string_commands(styles_used: list[list[ParagraphStyle | None]], usual: Look) -> list[tuple[Any, ...]]:
    """Font and colour of the string cells that differ from the grid's usual cell text, set over rectangles of cells
    in the same style (a header row, a column of decisions of the same colour): a table gets a few commands, not one
    a cell. Styles compare by identity (`styles()` and `restyled` give the same object for the same style)."""
    odd: set[ParagraphStyle] = set()
    plain: set[ParagraphStyle] = set()
    for row_styles in styles_used:
        for style in row_styles:
            if style is not None and style not in odd and style not in plain:
                (odd if _look(style) != usual else plain).add(style)
    if not odd:
        return []
    open_boxes: dict[tuple[int, int, ParagraphStyle], int] = {}  # (first column, last column, style) → first row
    boxes: list[tuple[int, int, int, int, ParagraphStyle]] = []
    for i, row_styles in enumerate([*styles_used, []]):
        runs: set[tuple[int, int, ParagraphStyle]] = set()
        j = 0
        while j < len(row_styles):
            style = row_styles[j]
            end = j
            if style is not None and style in odd:
                while end + 1 < len(row_styles) and row_styles[end + 1] is style:
                    end += 1
                runs.add((j, end, style))
            j = end + 1
        for key in [k for k in open_boxes if k not in runs]:  # rectangles that stop above this row
            boxes.append((key[0], open_boxes.pop(key), key[1], i - 1, key[2]))
        for key in runs:
            open_boxes.setdefault(key, i)
    commands: list[tuple[Any, ...]] = []
    for first_col, first_row, last_col, last_row, style in sorted(boxes, key=lambda b: (b[1], b[0])):
        font, colour = _look(style)
        if font != usual[0]:
            commands.append(("FONT", (first_col, first_row), (last_col, last_row), *font))
        if colour != usual[1]:
            commands.append(("TEXTCOLOR", (first_col, first_row), (last_col, last_row), colour))
    return commands


def boxed(paragraph: Flowable, background: colors.Color, border: colors.Color, width: float = WIDTH) -> Table:
    table = Table([[paragraph]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.8, border),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def numbered_canvas(footer: str, watermark: str | None = None, pagesize: tuple[float, float] = PAGE) -> type[Canvas]:
    """A canvas that writes 'page N / M' and the footer on each page (and a watermark on drafts)."""

    class _Canvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            regular, _bold = fonts.register()
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                if watermark:
                    self.setFont(regular, 54)
                    self.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.10))
                    self.translate(pagesize[0] / 2, pagesize[1] / 2)
                    self.rotate(40)
                    self.drawCentredString(0, 0, watermark)
                    self.rotate(-40)
                    self.translate(-pagesize[0] / 2, -pagesize[1] / 2)
                self.setFont(regular, 7)
                self.setFillColor(GREY)
                self.drawString(MARGIN, 9 * mm, footer)
                self.drawRightString(pagesize[0] - MARGIN, 9 * mm, f"page {number} / {total}")
                self.restoreState()
                super().showPage()
            super().save()

    return _Canvas


def render(
    story: list[Flowable], title: str, footer: str, watermark: str | None = None, pagesize: tuple[float, float] = PAGE
) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="cqp-desktop",
        subject=title,
        creator="cqp-desktop",
        invariant=1,
    )
    doc.build(story, canvasmaker=numbered_canvas(footer, watermark, pagesize))
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------------
# A faster Paragraph, for what still needs one (headings, texts in the flow, cells with markup: ≈ 35 a compte rendu;
# its ≈ 200 plain cells are table strings, see `Text`). reportlab's Paragraph parses each text with an HTML parser,
# even a plain one, and wraps a table cell at least twice with the same width (row heights, then drawing).
# `Paragraph` here is reportlab's, with three shortcuts that give the same fragments and the same lines, hence the
# same bytes (tests/core/test_pdf_toolkit.py): a text without markup (no « < », no « & » — `fr()` escapes both) gets
# the fragment the parser would make, copied from the style's own, instead of a parse; a wrap at the width of the
# previous one reuses its lines; and such a text is broken into lines by reportlab's own simple rule with each
# word's width looked up (the same words come back all through a report) instead of measured.

_STYLE_FRAGS: dict[int, tuple[ParagraphStyle, Any]] = {}  # id(style) → (style kept alive, its plain fragment)


def _plain_fragment(style: ParagraphStyle) -> Any:
    """The fragment reportlab's parser makes for a plain text in `style` (its text set per paragraph)."""
    known = _STYLE_FRAGS.get(id(style))
    if known is not None and known[0] is style:
        return known[1]
    parsed = rl_paragraph.Paragraph("x", style)
    fragment = parsed.frags[0] if len(parsed.frags) == 1 and parsed.style is style else None
    if len(_STYLE_FRAGS) > 256:  # styles are made per document: keep the dictionary small
        _STYLE_FRAGS.clear()
    _STYLE_FRAGS[id(style)] = (style, fragment)
    return fragment


class Paragraph(rl_paragraph.Paragraph):
    """reportlab's Paragraph without the parse of plain texts and without wrapping twice at one width."""

    def __init__(self, text: str, style: ParagraphStyle | None = None, bulletText: Any = None, frags: Any = None,
                 caseSensitive: int = 1, encoding: str = "utf8") -> None:
        if frags is None and style is not None and bulletText is None and getattr(style, "bulletText", None) is None \
                and isinstance(text, str) and "<" not in text and "&" not in text:
            fragment = _plain_fragment(style)
            if fragment is not None:
                cleaned = rl_paragraph.cleanBlockQuotedText(text)
                frags = []
                if cleaned:
                    copy = fragment.clone(text=cleaned)
                    for name, value in fragment.__dict__.items():
                        if isinstance(value, list):
                            setattr(copy, name, list(value))  # never share a mutable list between paragraphs
                    frags = [copy]
                rl_paragraph.textTransformFrags(frags, style)
                self.caseSensitive = caseSensitive
                self.encoding = encoding
                self._setup(cleaned, style, None, frags, rl_paragraph.cleanBlockQuotedText)
                return
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        if availWidth < rl_paragraph._FUZZ:
            small: tuple[float, float] = super().wrap(availWidth, availHeight)
            return small
        if getattr(self, "_wrapped_for", None) == (availWidth, id(self.frags), id(self.style)) and hasattr(self, "blPara"):
            self.width = availWidth
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_for = (availWidth, id(self.frags), id(self.style))  # breakLines may replace the frags
        return size

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (reportlab API)
        lines = self._plain_lines(width)
        return lines if lines is not None else super().breakLines(width)

    def _plain_lines(self, width: Any) -> Any:
        """reportlab's `breakLines` in its simple case — one fragment of plain text, no bullet, no hyphenation, no
        word wider than its line — else None (reportlab's own then does it all)."""
        frags, style = self.frags, self.style
        if len(frags) != 1 or self.bulletText or not _simply_broken(style):
            return None
        fragment = frags[0]
        text = getattr(fragment, "text", None)
        if text is None or "\xad" in text or hasattr(fragment, "cbDefn") or hasattr(fragment, "backColor"):
            return None
        max_widths = list(width) if isinstance(width, (tuple, list)) else [width]
        font, size = fragment.fontName, fragment.fontSize
        ascent, descent = rl_paragraph.getAscentDescent(font, size)
        self._splitLongWordCount = self._hyphenations = 0
        self.height = 0
        broken = _simple_lines(rl_paragraph.split(rl_paragraph.strip(text)), font, size, max_widths, style)
        if broken is None:
            return None
        lines, self._width_max = broken
        return fragment.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


def _simple_lines(words: list[str], font: str, size: float, max_widths: list[float],
                  style: ParagraphStyle) -> tuple[list[tuple[float, list[str]]], float] | None:
    """The lines (room left, words) reportlab's `breakLines` makes of these words in its simple case, and the widest
    line; None when a word is wider than its line (reportlab would split it)."""
    if not words:
        return [], 0
    last = len(max_widths) - 1
    space = _width(" ", font, size)
    shrink = style.spaceShrinkage * space  # a line may take its spaces this much narrower each
    lines: list[tuple[float, list[str]]] = []
    widest: float = 0
    line: list[str] = []
    current = -space  # reportlab's way of not counting a space before the first word
    number = 0
    max_width = max_widths[0]
    for word in words:
        word_width = _width(word, font, size)
        new_width = current + space + word_width
        limit = max_width + shrink * len(line)
        if new_width > limit and word_width > max_widths[min(number, last)] and style.splitLongWords:
            return None  # a word longer than a line: reportlab splits it
        if new_width <= limit or not line:
            line.append(word)
            current = new_width
        else:
            widest = max(widest, current)
            lines.append((max_width - current, line))
            line = [word]
            current = word_width
            number += 1
            max_width = max_widths[min(last, number)]
    widest = max(widest, current)
    lines.append((max_width - current, line))
    return lines, widest


@lru_cache(maxsize=64)
def _simply_broken(style: ParagraphStyle) -> bool:
    """Whether reportlab breaks a plain text in `style` by its simple rule (no shaping, bidi, hyphenation or end
    dots)."""
    return not (
        style.endDots or style.shaping or style.wordWrap or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce or style.embeddedHyphenation
    )
