"""The PDF toolkit's faster reportlab pieces, shared by the reports (core/report_pdf.py). Qt-free.

A signed compte rendu holds ≈ 200 paragraphs, most of them table cells. reportlab's Paragraph parses each
text with an HTML parser, even a plain one, and wraps a table cell at least twice with the same width (row
heights, then drawing). `Paragraph` here is reportlab's, with two shortcuts that give the same fragments
and the same lines, hence the same bytes (tests/core/test_pdf_toolkit.py):
- a text without markup (no « < », no « & » — `fr()` escapes both) gets the fragment the parser would
  make, copied from the style's own, instead of a parse;
- a wrap at the width of the previous one reuses its lines.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as rl_paragraph

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
            return super().wrap(availWidth, availHeight)
        if getattr(self, "_wrapped_for", None) == (availWidth, id(self.frags), id(self.style)) and hasattr(self, "blPara"):
            self.width = availWidth
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = (availWidth, id(self.frags), id(self.style))  # breakLines may replace the frags
        return size
