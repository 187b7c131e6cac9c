"""Hardening checks: owner-only files, the hash-chained journal, and signed records that no code path
and no hand-typed SQL can change — including SQL typed in another tool (the sqlite3 shell, DB Browser),
whose connections do not have the app's settings (`recursive_triggers` is off there)."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage import backup
from cqp_desktop.core.storage.db import connect
from cqp_desktop.core.storage.integrity import IntegrityProblem
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import signed_session


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_database_and_backups_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "donnees"
    context = AppContext.open(folder, demo=True)
    db_file = paths.database_path(context.data_dir)
    assert mode(context.data_dir) == 0o700
    assert mode(db_file) == 0o600
    for side in ("-wal", "-shm"):
        extra = db_file.with_name(db_file.name + side)
        if extra.exists():
            assert mode(extra) == 0o600, side
    info = backup.backup_now(context.store, context.data_dir, "manuelle")
    assert mode(info.path) == 0o600
    assert mode(info.path.parent) == 0o700
    context.close()
    # a folder that already existed with loose rights is tightened at the next start
    folder.chmod(0o755)
    AppContext.open(folder).close()
    assert mode(folder) == 0o700


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    """A database holding a signed (locked) épreuve with its signed avis; returns (file, épreuve id)."""
    path = tmp_path_factory.mktemp("signe") / "cqp-desktop.sqlite3"
    store = Store.open(path, wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=1)
    epreuve = session.epreuve_ids[0]
    assert store.epreuve(epreuve)["locked_at"] is not None
    store.close()
    yield path, epreuve


def _snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def test_the_app_code_paths_refuse_to_change_a_signed_epreuve(signed: tuple[Path, int]) -> None:
    path, epreuve = signed
    store = Store.open(path)
    try:
        before = _snapshot(store.connection().conn)
        criterion = next(iter(store.current_decisions(epreuve)))
        for attempt in (
            lambda: store.record_decision(epreuve, criterion, Decision.NON_VALIDE),
            lambda: store.undo_last_decision(epreuve),
            lambda: store.add_note(epreuve, "ajout après signature", competence=criterion.rsplit(".", 1)[0]),
            lambda: store.add_timer_event(epreuve, "count", mono_ns=1, value=3),
        ):
            with pytest.raises(Exception, match="signée"):
                attempt()
        assert _snapshot(store.connection().conn) == before
        assert store.verify_audit_chain() == []
    finally:
        store.close()


# (table, which row, column to falsify) — every signed record and every journal
TARGETS = [
    ("audit", "SELECT max(id) FROM audit", "action"),
    ("decisions", "SELECT max(id) FROM decisions WHERE epreuve_id = {e}", "decision"),
    ("timer_events", "SELECT max(id) FROM timer_events WHERE epreuve_id = {e}", "kind"),
    ("notes", "SELECT max(id) FROM notes", "text"),
    ("avis", "SELECT max(id) FROM avis WHERE epreuve_id = {e} AND signed_at IS NOT NULL", "preconisations"),
    ("signatures", "SELECT max(id) FROM signatures", "payload_hash"),
    ("epreuves", "SELECT {e}", "planned_date"),
    ("referentiels", "SELECT min(rowid) FROM referentiels", "version"),
    ("signing_identities", "SELECT min(id) FROM signing_identities", "fingerprint"),
]


def _row(conn: sqlite3.Connection, table: str, which: str, epreuve: int) -> tuple[list[str], tuple]:
    row_id = conn.execute(which.format(e=epreuve)).fetchone()[0]
    assert row_id is not None, f"{table}: aucune ligne à falsifier"
    cursor = conn.execute(f"SELECT * FROM {table} WHERE rowid = ?", [row_id])
    return [d[0] for d in cursor.description], cursor.fetchone()


@pytest.mark.parametrize("sql_kind", ["UPDATE", "DELETE", "INSERT OR REPLACE", "REPLACE"])
@pytest.mark.parametrize(("table", "which", "column"), TARGETS, ids=[t[0] for t in TARGETS])
def test_direct_sql_from_another_tool_cannot_change_a_signed_record(
    signed: tuple[Path, int], table: str, which: str, column: str, sql_kind: str
) -> None:
    path, epreuve = signed
    conn = sqlite3.connect(path)  # a plain connection, as another tool opens the file
    try:
        assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
        columns, row = _row(conn, table, which, epreuve)
        before = _snapshot(conn)
        changed = list(row)
        changed[columns.index(column)] = "FALSIFIÉ"
        statement = {
            "UPDATE": (f"UPDATE {table} SET {column} = ? WHERE {columns[0]} = ?", ["FALSIFIÉ", row[0]]),
            "DELETE": (f"DELETE FROM {table} WHERE {columns[0]} = ?", [row[0]]),
            "INSERT OR REPLACE": (
                f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", changed
            ),
            "REPLACE": (f"REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", changed),
        }[sql_kind]
        try:
            conn.execute(*statement)
            conn.commit()
            refused = False
        except sqlite3.DatabaseError:
            conn.rollback()
            refused = True
        assert _snapshot(conn) == before
        # only a skipped colliding insert (référentiels, registered with INSERT OR IGNORE) may pass silently
        assert refused or (table == "referentiels" and sql_kind.endswith("REPLACE"))
    finally:
        conn.close()


def test_an_edited_journal_entry_is_detected_even_with_its_trigger_dropped(tmp_path: Path) -> None:
    """Triggers stop honest mistakes; someone who drops them is caught by the hash chain."""
    context = AppContext.open(tmp_path, demo=True)
    path = paths.database_path(context.data_dir)
    assert context.store.verify_audit_chain() == []
    context.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET details = '{}' WHERE id = 3")
    conn.commit()
    conn.close()
    with pytest.raises(IntegrityProblem) as caught:  # refused at start (the schema version moved: full check)
        Store.open(path)
    assert any("entrée 3 : contenu modifié" in p for p in caught.value.problems), caught.value.problems
    store = Store(connect(path))
    try:
        problems = store.verify_audit_chain()
        assert problems and any("3" in p for p in problems), problems
    finally:
        store.close()
