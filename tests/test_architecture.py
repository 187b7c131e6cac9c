"""The core stays Qt-free: checked on the source and on what importing it actually loads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import cqp_desktop

PACKAGE = Path(cqp_desktop.__file__).parent
GUI = PACKAGE / "gui"


def _modules_outside_gui() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if GUI not in p.parents]


def test_no_module_outside_gui_imports_qt() -> None:
    offenders = []
    for path in _modules_outside_gui():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
                if name.startswith("cqp_desktop.gui") and "core" in path.relative_to(PACKAGE).parts:
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in _modules_outside_gui()
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert "cqp_desktop.core.model.rules" in modules and "cqp_desktop.core.storage.store" in modules
