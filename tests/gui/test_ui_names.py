"""Every widget a view looks up by name (`findChild(Type, "name")`) exists in the Designer form it loads:
a renamed widget in Designer must fail here, not as a None at the jury's first click."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "cqp_desktop" / "gui"
UI = ROOT / "ui"

LOADS = re.compile(r'(?:load_form|dialog_body)\((?:\s*self\s*,)?\s*"([a-z_]+)"')
LOOKUP = re.compile(r'(?:findChild|\bfind)\(\s*Q[A-Za-z]+\s*,\s*"([A-Za-z_][A-Za-z0-9_]*)"')


def _names(form: str) -> set[str]:
    tree = ET.parse(UI / f"{form}.ui")
    return {e.get("name", "") for e in tree.iter() if e.tag in ("widget", "layout", "action", "spacer")}


MODULES = sorted(p for p in GUI.glob("*.py") if LOADS.search(p.read_text(encoding="utf-8")))


def test_the_views_that_load_forms_are_found() -> None:
    assert len(MODULES) >= 10 and all((UI / f"{f}.ui").exists() for p in MODULES for f in LOADS.findall(p.read_text(encoding="utf-8")))


@pytest.mark.parametrize("module", MODULES, ids=[p.stem for p in MODULES])
def test_every_looked_up_name_is_in_the_loaded_form(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    known = set().union(*(_names(form) for form in LOADS.findall(text)))
    missing = sorted(set(LOOKUP.findall(text)) - known)
    assert missing == [], f"{module.name} cherche {missing} absents de ses formulaires {LOADS.findall(text)}"
