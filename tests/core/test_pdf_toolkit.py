"""core/reports/pdf_toolkit.py's Paragraph gives what reportlab's gives: the same fragments for a plain text, the same
lines when wrapped again, and byte for byte the same document (tables of cells, splits across pages)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Table, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import paragraph as rl_paragraph

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


WORDS = st.lists(st.sampled_from(["de", "la", "l'usager", "critère", "reformule", "anticonstitutionnellement", "—", ":",
                                  "C1.2", "é", NNBSP, " ", "  ", "\n", "\t", "\xad", "\xa0", "\u200b"]) | PLAIN, max_size=40)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, fit=st.integers(0, 40), nudge=st.sampled_from([-1e-9, 0.0, 1e-9, -0.3, 0.3]),
       widths=st.lists(st.floats(2, 400), max_size=3), index=st.integers(0, len(ALL_STYLES) - 1))
def test_plain_text_is_broken_into_reportlabs_lines(words: list[str], fit: int, nudge: float, widths: list[float],
                                                     index: int) -> None:
    """Widths taken exactly at (and a hair around) the end of a line of the text, where `<=` against `<` would show."""
    style = ALL_STYLES[index]
    text = fr(" ".join(words))
    split = rl_paragraph.split(rl_paragraph.strip(text))
    space = stringWidth(" ", style.fontName, style.fontSize)
    exact = -space  # summed word by word, as reportlab does: the very float a line is compared with
    for word in split[:fit]:
        exact = exact + space + stringWidth(word, style.fontName, style.fontSize)
    exact += style.leftIndent + style.rightIndent
    tie = exact - style.spaceShrinkage * space * max(0, min(fit, len(split)) - 1)  # where the last word just fits
    for width in [exact + nudge, tie + nudge, tie, exact + style.firstLineIndent + nudge, *widths]:
        ours, theirs = pdf_toolkit.Paragraph(text, style), RLParagraph(text, style)
        assert ours.wrap(width, 800) == theirs.wrap(width, 800)
        if width >= rl_paragraph._FUZZ:
            assert _plain(ours.blPara) == _plain(theirs.blPara)
            assert ours._width_max == theirs._width_max


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


# --------------------------------------------------------------------------------------------------
# `Text` cells: one line drawn as a table string, the same words at the same place as the Paragraph

DECISION_STYLES = [
    ParagraphStyle(f"decision_{n}", parent=STYLES.cell_bold, textColor=c) for n, c in (("v", pdf_toolkit.GREEN), ("n", pdf_toolkit.RED))
]


@settings(max_examples=300, deadline=None)
@given(text=PLAIN, width=st.floats(8, 300), index=st.integers(0, len(ALL_STYLES) + len(DECISION_STYLES) - 1))
def test_a_text_cell_is_the_lines_the_paragraph_would_draw(text: str, width: float, index: int) -> None:
    style = (ALL_STYLES + DECISION_STYLES)[index]
    text = fr(text)
    cell = pdf_toolkit.grid_cell(pdf_toolkit.Text(text, style), width)
    theirs = RLParagraph(text, style)
    _w, height = theirs.wrap(width - pdf_toolkit.GRID_PADDING[0] - pdf_toolkit.GRID_PADDING[1], 10_000)
    lines = theirs.blPara.lines if hasattr(theirs, "blPara") else None
    if isinstance(cell, str):  # a table string: reportlab draws its lines one leading apart, as the Paragraph does
        assert lines and cell.split("\n") == [" ".join(words) for _room, words in lines]
        assert height == style.leading * len(lines)
        assert all(room > -1e-8 for room, _words in lines)  # no line drawn with narrowed spaces
    elif cell == []:
        assert lines == [] and height == 0
    else:  # what a cell always was; only for markup, soft hyphens, other alignments and words split by reportlab
        assert isinstance(cell, pdf_toolkit.Paragraph)
        assert "<" in text or "&" in text or "\xad" in text or not pdf_toolkit._drawn_plainly(style) or (
            lines is None or theirs._splitLongWordCount or any(room <= -1e-8 for room, _words in lines)
        )


def test_a_line_reportlab_fits_by_narrowing_its_spaces_stays_a_paragraph() -> None:
    text, style = "Rédige ou formule une réponse compréhensible, sans jargon", STYLES.cell
    space = stringWidth(" ", style.fontName, style.fontSize)
    squeezed = stringWidth(text, style.fontName, style.fontSize) - style.spaceShrinkage * space * 3  # 7 spaces may give
    theirs = RLParagraph(text, style)
    theirs.wrap(squeezed, 1000)
    assert len(theirs.blPara.lines) == 1 and theirs.blPara.lines[0][0] < 0  # one line, its spaces narrowed
    cell = pdf_toolkit.grid_cell(pdf_toolkit.Text(text, style), squeezed + pdf_toolkit.GRID_PADDING[0] + pdf_toolkit.GRID_PADDING[1])
    assert isinstance(cell, pdf_toolkit.Paragraph)


def _reportlab_grid(data: list[list[Any]], widths: list[float], header: bool = True, extra: Any = ()) -> Any:
    """The grid as it was made before: reportlab's Table with the grid's style commands, one Paragraph per cell."""
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(TableStyle([*pdf_toolkit.GRID_STYLE, *([("BACKGROUND", (0, 0), (-1, 0), pdf_toolkit.LIGHT)] if header else []),
                               *extra]))
    return table


def _table_document(cell: Any, table: Any = grid) -> bytes:
    """Tables of every kind of cell a report has, made with `cell(text, style)` for the plain ones and `table` for the
    tables: in blocks kept together, and one long table split across pages."""
    decision = {"Validé": DECISION_STYLES[0], "Non validé": DECISION_STYLES[1]}
    widths = [14 * mm, 88 * mm, 20 * mm, WIDTH - 122 * mm]
    story: list[Any] = []

    def rows(block: int, count: int) -> list[list[Any]]:
        out = [[cell(fr(h), STYLES.cell_bold) for h in ("Critère", "Libellé", "Décision", "Notes du jury")]]
        for row in range(count):
            label = "Accueille l'usager : reformule sa demande " * (1 + (row + block) % 3)
            verdict = "Validé" if (row + block) % 3 else "Non validé"
            out.append([
                cell(fr(f"C{block}.{row}"), STYLES.cell),
                cell(fr(label), STYLES.cell),
                cell(fr(verdict), decision[verdict]),
                cell(fr(["", "écoute active !", "posture  professionnelle ;\tà revoir", "<b>gras</b>"][row % 4]), STYLES.cell),
            ])
        out.append([cell("Total", STYLES.cell_bold), cell("", STYLES.cell), cell("", STYLES.cell), cell(fr("7 critères"), STYLES.small)])
        return out

    for block in range(9):
        story.append(KeepTogether([
            pdf_toolkit.Paragraph(fr(f"C{block} — Compétence {block}"), STYLES.h3),
            table(rows(block, 7), widths, extra=[("BACKGROUND", (0, -1), (-1, -1), pdf_toolkit.LIGHT)]),
        ]))
    story.append(table(rows(9, 70), widths))  # longer than a page
    story.append(table([["Critère", "Décision"], ["C1.2", "validé"]], [90, 120]))  # strings as they are: reportlab's font
    story.append(table([["Critère", cell("Décision", STYLES.cell_bold)], ["C1.2", cell("validé", DECISION_STYLES[0])]], [90, 120]))
    story.append(table([[cell(fr(k), STYLES.cell_bold), cell(fr(v), STYLES.cell)] for k, v in (
        ("Candidat(e)", "Hugo PETIT"), ("Nature", "Pré-positionnement — non certifiant, ne compte jamais pour un CCP " * 2),
    )], [42 * mm, WIDTH - 42 * mm], header=False, extra=[("BACKGROUND", (0, 0), (0, -1), pdf_toolkit.LIGHT)]))
    return render(story, "essai", "pied de page")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) absent")
def test_grids_of_text_cells_look_exactly_like_tables_of_paragraphs(tmp_path: Path) -> None:
    def pixels(pdf: bytes, name: str) -> list[bytes]:
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "110", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
        return [Image.open(p).convert("RGB").tobytes() for p in sorted(tmp_path.glob(f"{name}-*.png"))]

    ours = _table_document(pdf_toolkit.Text)
    paragraphs = _table_document(pdf_toolkit.Paragraph)
    before = _table_document(RLParagraph, _reportlab_grid)
    assert len({ours, paragraphs, before}) == 3  # drawn otherwise (table strings, cell styles)
    ours_pages = pixels(ours, "text")
    assert len(ours_pages) >= 4
    assert ours_pages == pixels(paragraphs, "paragraph") == pixels(before, "before")


def test_a_restyled_plain_text_is_the_markup_it_replaces_byte_for_byte() -> None:
    text = fr("C1 : 4 critères validés sur 5 → 5 × 4 = 20 ≥ 4 × 5 = 20 : acquise ; " * 4)
    green = pdf_toolkit.GREEN.hexval()[2:]
    marked = [RLParagraph(f'<font color="#{green}"><b>{text}</b></font>', STYLES.body), RLParagraph(f"<b>{text}</b>", STYLES.cell),
              RLParagraph(f'<font color="#{green}">{text}</font>', STYLES.small)]
    plain = [pdf_toolkit.Paragraph(text, pdf_toolkit.restyled(STYLES.body, bold=True, colour=pdf_toolkit.GREEN)),
             pdf_toolkit.Paragraph(text, pdf_toolkit.restyled(STYLES.cell, bold=True)),
             pdf_toolkit.Paragraph(text, pdf_toolkit.restyled(STYLES.small, colour=pdf_toolkit.GREEN))]
    assert render(plain, "essai", "pied") == render(marked, "essai", "pied")
    assert pdf_toolkit.restyled(STYLES.cell, bold=True) is pdf_toolkit.restyled(STYLES.cell, bold=True)


def test_the_narrow_no_break_space_is_drawn_and_never_broken() -> None:
    """« : ; ! ? » stay on the line of the word before them, after a narrow no-break space that the PDF carries
    (reportlab lists U+202F among the spaces it breaks lines at and replaces by a plain space)."""
    text = fr("Commentaire du jury : écoute active ; reformulation ! Questions ? " * 3)
    assert NNBSP + ":" in text
    style = STYLES.body
    for width in range(110, 400, 7):  # wider than any word: reportlab only cuts a word longer than its line
        paragraph = pdf_toolkit.Paragraph(text, style)
        paragraph.wrap(width, 10_000)
        lines = [[w for w in getattr(line, "words", line[1] if isinstance(line, tuple) else [])] for line in paragraph.blPara.lines]
        words = [w for line in lines for w in line if isinstance(w, str)]
        if not words:  # lines of fragments: look at their text
            words = [f.text for line in paragraph.blPara.lines for f in getattr(line, "words", [])]
        assert not any(w.lstrip().startswith((":", ";", "!", "?")) for w in words), (width, words)
        assert any(NNBSP + ":" in w for w in words), (width, words)
    import zlib

    pdf = render([pdf_toolkit.Paragraph(text, style)], "essai", "pied")
    streams = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:  # an image or a font program in another encoding
            continue
    assert any(b"<202F>" in s for s in streams if b"beginbfchar" in s)  # its own glyph, read back as U+202F
