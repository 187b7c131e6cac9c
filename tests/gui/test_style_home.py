"""Every style sheet and colour the GUI applies comes from `cqp_desktop/gui/style.py` (issue 14, « style
constants used everywhere »): a CSS literal written beside a widget would let two screens drift apart again.

Static checks on the source (no Qt): a `setStyleSheet` call outside the style module may pass a name, a
call of one of its functions, or `""` to clear, never a string literal, an f-string or a `.replace(...)` on a
shared constant; no string of a view carries a CSS declaration or a colour; the Designer forms carry no
`styleSheet`; and the palette names each colour once.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "cqp_desktop" / "gui"
STYLE = GUI / "style.py"
VIEWS = sorted(p for p in GUI.glob("*.py") if p != STYLE)

CSS_DECLARATION = re.compile(
    r"\b(?:font-size|font-weight|font-family|color|background(?:-color)?|border|padding|margin|min-height)\s*:", re.IGNORECASE
)
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
COLOUR_NAME = re.compile(r"^(?:white|black|red|green|blue|grey|gray|yellow|orange)$", re.IGNORECASE)


def _literal_parts(node: ast.AST) -> list[str]:
    """What, inside an expression, writes a style by hand: a non-empty string literal, an f-string, `.replace()`."""
    found = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.JoinedStr):
            found.append("f-string")
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value:
            found.append(f"literal {sub.value!r}")
        elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr == "replace":
            found.append(".replace(...)")
    return found


def inline_style_sheets(source: str, filename: str = "<source>") -> list[str]:
    """`file:line: what` for each `setStyleSheet(...)` whose argument is written by hand."""
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setStyleSheet":
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                problems += [f"{filename}:{node.lineno}: setStyleSheet with {what}" for what in _literal_parts(arg)]
    return problems


def styles_in_strings(source: str, filename: str = "<source>") -> list[str]:
    """`file:line: text` for each string of a view holding a CSS declaration or a colour (a constant defined
    beside the widgets, a `style=` attribute in rich text, a `QColor("#…")`)."""
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if CSS_DECLARATION.search(text) or HEX_COLOUR.search(text) or COLOUR_NAME.match(text.strip()):
                problems.append(f"{filename}:{node.lineno}: {text[:60]!r}")
    return problems


def test_the_views_are_found() -> None:
    assert len(VIEWS) >= 30 and STYLE.exists()


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.name)
def test_no_style_sheet_is_written_outside_the_style_module(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert inline_style_sheets(source, path.name) == []
    assert styles_in_strings(source, path.name) == []


def test_the_checks_see_each_way_of_writing_a_style_by_hand() -> None:
    """The checks themselves: each form found in the views before issue 14, and the allowed ones."""
    bad = {
        'label.setStyleSheet("font-size: 12pt; font-weight: 700;")': "literal",
        'label.setStyleSheet(NOTICE_CSS.replace("padding: 6px", "padding: 2px"))': ".replace",
        "label.setStyleSheet(f\"color: {colours[score] if text else '#555'};\")": "f-string",
        'label.setStyleSheet("font-size: 11pt;" + (NOTICE_CSS if problem else ""))': "literal",
        'widget.setStyleSheet(css=OK_CSS.replace("12pt", "11pt"))': ".replace",
    }
    for source, what in bad.items():
        found = inline_style_sheets(source)
        assert found and what in found[0], source
    allowed = [
        'label.setStyleSheet("")',
        "label.setStyleSheet(NOTICE_CSS if signed else \"\")",
        "label.setStyleSheet(box_css(NOTICE, size_pt=11, compact=True))",
        "label.setStyleSheet(css)",
    ]
    assert [p for source in allowed for p in inline_style_sheets(source)] == []
    assert styles_in_strings('WARN = "background: #fff4d6; padding: 4px;"')
    assert styles_in_strings('item.setForeground(QColor("#7a0000"))')
    assert styles_in_strings("""html = "<span style='background:#e3f1e6'>" + text""")
    assert styles_in_strings('image.fill(QColor("white"))')
    assert styles_in_strings('label.setText("Couleur : rouge, étape n° 3")') == []


def test_the_designer_forms_carry_no_style_sheet() -> None:
    forms = sorted((ROOT / "ui").glob("*.ui"))
    assert forms
    assert [f.name for f in forms if "styleSheet" in f.read_text(encoding="utf-8")] == []


def test_the_palette_names_each_colour_once() -> None:
    """A colour value appears once in the style module: at its name; everything else uses the name."""
    source = STYLE.read_text(encoding="utf-8")
    values = [v.lower() for v in HEX_COLOUR.findall(source)]
    assert len(values) >= 10
    assert sorted({v for v in values if values.count(v) > 1}) == []
