"""Storage is closed: only the storage modules hold the database connection or say SQL.

Everything else reads through core/storage/store_queries.py and writes through `Store` methods or
core/storage/store_writes.py (inside an audited action). Checked on the source, by module name, so that it
holds wherever the modules sit in the package.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cqp_desktop

PACKAGE = Path(cqp_desktop.__file__).parent

# The site base (the storage floor: store and its helpers, schema, seals, anchor, backups), the purge that erases
# with the guards lifted, the site's import of proclaimed results, and the Ucanss side's own base: every module of
# the ucanss floor (national consolidation and import, jury paritaire, authority, analytics, results files).
STORAGE = {
    "store", "store_queries", "store_writes", "errors", "db", "schema", "integrity", "seals", "backup",
    "purge", "anchor", "results", "home_preview",
}
UCANSS = PACKAGE / "core" / "ucanss"
CLIS = {"cli", "package_cli", "trust_cli", "jury_cli", "__main__"}
DATABASE_LIBRARIES = {"sqlite3", "sqlite_utils"}
SQL_METHODS = {"execute", "executemany", "executescript", "query"}
STORAGE_DOORS = {"connection", "writing", "_insert", "_db"}
SQL_TEXT = re.compile(r"^\s*(SELECT\b.*\bFROM|INSERT (OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA|CREATE (TABLE|INDEX|TRIGGER|TEMP)|DROP|VACUUM)\b", re.DOTALL)
# what the GUI and the CLIs never import: the database layer and the raw writes
FORBIDDEN_TO_VIEWS = {"db", "schema", "store_writes", "seals", "anchor"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """Line numbers inside `if TYPE_CHECKING:` blocks (annotations only, nothing runs)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return []


def storage_offences(path: Path) -> list[str]:
    """What in this module opens the database or speaks SQL (empty for a storage module)."""
    if path.stem in STORAGE or UCANSS in path.parents:
        return []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = _type_checking_blocks(tree)
    where = path.relative_to(PACKAGE)
    out = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if line in hidden:
            continue
        for name in _imported(node):
            if name.split(".")[0] in DATABASE_LIBRARIES:
                out.append(f"{where}:{line} imports {name}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in SQL_METHODS or node.func.attr in STORAGE_DOORS:
                out.append(f"{where}:{line} calls .{node.func.attr}()")
        if isinstance(node, ast.Attribute) and node.attr in {"db", "_db"} and isinstance(node.value, ast.Name) \
                and node.value.id in {"store", "self_store"}:
            out.append(f"{where}:{line} reaches store.{node.attr}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.match(node.value):
            out.append(f"{where}:{line} holds SQL text {node.value[:40]!r}")
    return out


def view_offences(path: Path) -> list[str]:
    """What the GUI or a CLI imports from the database layer."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        for name in _imported(node):
            parts = name.split(".")
            if parts[0] == "cqp_desktop" and FORBIDDEN_TO_VIEWS & set(parts[1:]):
                out.append(f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)} imports {name}")
                break
    return out


def test_only_storage_modules_run_sql() -> None:
    offences = [o for path in _modules() for o in storage_offences(path)]
    assert offences == []


def test_gui_and_clis_never_import_the_database_layer() -> None:
    views = [p for p in _modules() if "gui" in p.relative_to(PACKAGE).parts or p.stem in CLIS]
    assert len(views) > 20
    offences = [o for path in views for o in view_offences(path)]
    assert offences == []


def test_the_check_catches_sql_and_the_database_layer(tmp_path: Path) -> None:
    """The checks above can fail: each way of reaching the database is caught."""
    samples = {
        "raw.py": "import sqlite3\n",
        "lib.py": "from sqlite_utils import Database\n",
        "call.py": "def f(store):\n    return store.connection().execute('x')\n",
        "text.py": "Q = 'SELECT id FROM candidates'\n",
        "door.py": "def f(store):\n    return store.db\n",
        "insert.py": "def f(store):\n    store._insert('t', {})\n",
    }
    for name, source in samples.items():
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        global PACKAGE
        saved, PACKAGE = PACKAGE, tmp_path
        try:
            assert storage_offences(path), name
        finally:
            PACKAGE = saved
    hidden = tmp_path / "hidden.py"
    hidden.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sqlite_utils import Database\n")
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        assert storage_offences(hidden) == []
        view = tmp_path / "view.py"
        view.write_text("from cqp_desktop.core.storage.schema import BRANCHES\nfrom cqp_desktop.core import store_writes\n")
        assert len(view_offences(view)) == 2
    finally:
        PACKAGE = saved
