"""The PDF toolkit every report is made with, on both sides (the site's comptes rendus and summaries, the
Ucanss's jury list, procès-verbal and certificates): page, colours, French typography with the embedded DejaVu
Sans (narrow no-break space before « : »), styles, tables, boxes, numbered pages and deterministic rendering
(`invariant=1`: same data, same bytes, so a report can be rebuilt and compared)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from cqp_desktop.core.common.formats import french_day, french_moment
from cqp_desktop.core.reports import fonts

NNBSP = "\u202f"
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


# the lines and paddings of every table of the reports (and of the national base's listing)
GRID_STYLE: tuple[tuple[Any, ...], ...] = (
    ("GRID", (0, 0), (-1, -1), 0.4, LINE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
)


def grid(data: list[list[Any]], widths: Sequence[float], header: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    table = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = list(GRID_STYLE)
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT))
    table.setStyle(TableStyle(commands + list(extra)))
    return table


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
