"""core/reports/pdf_toolkit.py's Paragraph gives what reportlab's gives: the same fragments for a plain text, the same
lines when wrapped again, and byte for byte the same document (tables of cells, splits across pages)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether
from reportlab.platypus import Paragraph as RLParagraph

from cqp_desktop.core.reports import pdf_toolkit
from cqp_desktop.core.site.report_pdf import NNBSP, WIDTH, fr, grid, render, styles

STYLES = styles()
ALL_STYLES = [getattr(STYLES, name) for name in STYLES.__dataclass_fields__]
PLAIN = st.text(
    st.characters(blacklist_characters="<&", blacklist_categories=("Cs",)) | st.sampled_from([" ", "\n", "\t", NNBSP, "é", "—"]),
    max_size=120,
)


def _plain(value: Any) -> Any:
    """Lines and fragments as plain data (reportlab's objects compare by identity)."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dict__"):
        return {k: _plain(v) for k, v in vars(value).items()}
    return value


def _frags(paragraph: Any) -> list[dict[str, Any]]:
    return [dict(f.__dict__) for f in paragraph.frags]


@settings(max_examples=300, deadline=None)
@given(text=PLAIN, index=st.integers(0, len(ALL_STYLES) - 1))
def test_a_plain_text_gets_the_fragments_the_parser_makes(text: str, index: int) -> None:
    style = ALL_STYLES[index]
    ours, theirs = pdf_toolkit.Paragraph(text, style), RLParagraph(text, style)
    assert _frags(ours) == _frags(theirs)
    assert ours.text == theirs.text and ours.style is theirs.style


def test_fragments_are_never_shared_between_paragraphs() -> None:
    a, b = pdf_toolkit.Paragraph("un", STYLES.cell), pdf_toolkit.Paragraph("deux", STYLES.cell)
    assert a.frags[0] is not b.frags[0]
    for name, value in a.frags[0].__dict__.items():
        if isinstance(value, list):
            assert value is not getattr(b.frags[0], name)


@settings(max_examples=60, deadline=None)
@given(text=PLAIN, widths=st.lists(st.floats(20, 400), min_size=1, max_size=4))
def test_wrapping_again_gives_the_same_lines(text: str, widths: list[float]) -> None:
    ours, theirs = pdf_toolkit.Paragraph(fr(text), STYLES.body), RLParagraph(fr(text), STYLES.body)
    for width in widths + widths[::-1]:
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        assert _plain(ours.blPara.lines) == _plain(theirs.blPara.lines)


def _document(paragraph: type) -> bytes:
    """A report-like story: header rows, plain and marked-up cells, kept-together blocks, long paragraphs."""
    story: list[Any] = [paragraph(fr("Compte rendu d'épreuve — bloc GRU"), STYLES.title)]
    for block in range(14):
        rows = [[paragraph(fr(h), STYLES.cell_bold) for h in ("Critère", "Libellé", "Décision", "Notes du jury")]]
        for row in range(6):
            rows.append([
                paragraph(f"C{block}.{row}", STYLES.cell),
                paragraph(fr(f"Critère {row} : accueille l'usager & reformule sa demande " * (1 + row % 3)), STYLES.cell),
                paragraph('<font color="#1b6e2e"><b>validé</b></font>' if row % 2 else "non observé", STYLES.cell),
                paragraph(fr("") if row % 3 else fr("Note : posture professionnelle ; écoute active !"), STYLES.cell),
            ])
        story.append(KeepTogether([
            paragraph(fr(f"C{block} — Compétence {block}"), STYLES.h3),
            grid(rows, [14 * mm, 88 * mm, 20 * mm, WIDTH - 122 * mm]),
            paragraph(f"<b>Notes</b>{NNBSP}: " + fr("longue note " * 40), STYLES.body),
        ]))
    story.append(paragraph(fr("Une dernière remarque, très longue, qui passe d'une page à l'autre. " * 60), STYLES.body))
    return render(story, "essai", "pied de page")


def test_a_document_is_byte_for_byte_the_one_reportlab_makes() -> None:
    ours, theirs = _document(pdf_toolkit.Paragraph), _document(RLParagraph)
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", ours)) >= 3  # tables and paragraphs split across pages
    assert ours == theirs
