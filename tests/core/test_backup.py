"""Automatic backups: consistent copies, owner-only, rotated, verified, and a safe restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage import backup
from cqp_desktop.core.storage.backup import BackupError, BackupInfo
from cqp_desktop.core.storage.store import Store
from cqp_desktop.paths import DB_FILENAME

NOON = dt.datetime(2026, 12, 2, 12, 0, 0)


def _plan(store: Store, referentiel: Referentiel) -> int:
    org = store.add_organisme("CPAM75", "CPAM de Paris", branche="Maladie")
    cand = store.add_candidate("Martin", "Léa", org, "COS", "formation")
    return store.plan_epreuve(cand, referentiel, "GRU", "2026-12-02")


@pytest.fixture
def data_dir(db_path: Path) -> Path:
    return db_path.parent


def test_backup_is_a_consistent_owner_only_copy(store: Store, data_dir: Path, referentiel: Referentiel) -> None:
    epreuve = _plan(store, referentiel)
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    info = backup.backup_now(store, data_dir, "finalisation", now=NOON)
    assert info.path.parent == data_dir / "sauvegardes"
    assert info.path.name == "cqp-desktop-20261202-120000-000000-finalisation.sqlite3"
    assert (info.path.stat().st_mode & 0o777) == 0o600
    # the committed decision is in the copy even though it may still sit in the WAL of the live base
    conn = sqlite3.connect(info.path)
    assert conn.execute("SELECT criterion, decision FROM decisions").fetchall() == [("GRU.C1.1", "valide")]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]  # no temp, no -wal
    assert backup.verify(info.path).ok


def test_list_gives_date_reason_size_newest_first(store: Store, data_dir: Path) -> None:
    backup.backup_now(store, data_dir, "quotidienne", now=NOON)
    backup.backup_now(store, data_dir, "export", now=NOON + dt.timedelta(hours=2))
    (data_dir / "sauvegardes" / "notes.txt").write_text("pas une sauvegarde")
    listed = backup.list_backups(data_dir)
    assert [(b.taken_at, b.reason) for b in listed] == [(NOON + dt.timedelta(hours=2), "export"), (NOON, "quotidienne")]
    assert all(b.size > 4096 for b in listed)
    assert listed[0].reason_label == "export"


def test_backup_if_due_once_a_day(store: Store, data_dir: Path) -> None:
    today = NOON.date()
    first = backup.backup_if_due(store, data_dir, today, now=NOON)
    assert first is not None and first.reason == "quotidienne"
    assert backup.backup_if_due(store, data_dir, today, now=NOON + dt.timedelta(hours=1)) is None
    tomorrow = backup.backup_if_due(store, data_dir, today + dt.timedelta(days=1), now=NOON + dt.timedelta(days=1))
    assert tomorrow is not None
    assert len(backup.list_backups(data_dir)) == 2


def test_unknown_reason_is_a_programming_error(store: Store, data_dir: Path) -> None:
    with pytest.raises(ValueError):
        backup.backup_now(store, data_dir, "n'importe", now=NOON)


def test_rotation_keeps_recent_and_one_per_day(store: Store, data_dir: Path) -> None:
    # 3 backups a day for 14 days, keep the 5 newest + the last of each of the 10 latest days
    for day in range(14):
        for hour in (8, 12, 17):
            moment = dt.datetime(2026, 11, 1, hour) + dt.timedelta(days=day)
            backup.backup_now(store, data_dir, "manuelle", now=moment, keep_last=5, keep_days=10)
    kept = backup.list_backups(data_dir)
    last_day = dt.date(2026, 11, 14)
    assert {b.taken_at.date() for b in kept} == {last_day - dt.timedelta(days=n) for n in range(10)}
    # the 5 newest cover the last day (3) and the day before (2); each older day keeps only its 17 h copy
    assert len(kept) == 5 + 8
    assert all(b.taken_at.hour == 17 for b in kept[5:])
    assert len(list((data_dir / "sauvegardes").iterdir())) == len(kept)  # pruned files are really gone


def _info(moment: dt.datetime, n: int) -> BackupInfo:
    return BackupInfo(Path(f"/b/{n:04d}.sqlite3"), moment, "manuelle")


moments = st.lists(
    st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2026, 3, 1)), min_size=0, max_size=40
)


@hsettings(max_examples=200, deadline=None)
@given(moments, st.integers(1, 15), st.integers(0, 40), st.dates(dt.date(2026, 1, 1), dt.date(2026, 3, 1)))
def test_rotation_properties(stamps: list[dt.datetime], keep_last: int, keep_days: int, today: dt.date) -> None:
    infos = [_info(m, n) for n, m in enumerate(stamps)]
    removed = backup.to_prune(infos, today, keep_last=keep_last, keep_days=keep_days)
    kept = [b for b in infos if b not in removed]
    newest = sorted(infos, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    # the most recent keep_last are never removed
    assert not set(b.path for b in newest[:keep_last]) & {b.path for b in removed}
    # every recent day that had a backup still has one
    for b in infos:
        if today - dt.timedelta(days=keep_days) < b.taken_at.date() <= today:
            assert any(k.taken_at.date() == b.taken_at.date() for k in kept)
    # bounded: never more than keep_last + one per recent day + future ones
    future = sum(1 for b in infos if b.taken_at.date() > today)
    assert len(kept) <= keep_last + keep_days + future
    # idempotent
    assert backup.to_prune(kept, today, keep_last=keep_last, keep_days=keep_days) == []


def test_verify_rejects_damaged_and_foreign_files(tmp_path: Path) -> None:
    garbage = tmp_path / "cqp-desktop-20261202-120000-000000-manuelle.sqlite3"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert not backup.verify(garbage).ok
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    result = backup.verify(other)
    assert not result.ok and "pas une base cqp-desktop" in result.message
    assert not backup.verify(tmp_path / "absent.sqlite3").ok


def test_verify_rejects_a_backup_from_a_newer_version(store: Store, data_dir: Path) -> None:
    info = backup.backup_now(store, data_dir, "manuelle", now=NOON)
    conn = sqlite3.connect(info.path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cqp_desktop', '9999_futur', 'x')"
    )
    conn.commit()
    conn.close()
    result = backup.verify(info.path)
    assert not result.ok and "version plus récente" in result.message


def test_restore_replaces_the_base_and_keeps_the_replaced_one(
    store: Store, data_dir: Path, referentiel: Referentiel
) -> None:
    epreuve = _plan(store, referentiel)
    store.record_decision(epreuve, "GRU.C1.1", Decision.VALIDE)
    chosen = backup.backup_now(store, data_dir, "finalisation", now=NOON)
    store.record_decision(epreuve, "GRU.C1.1", Decision.NON_VALIDE)  # made after the backup
    assert store.current_decisions(epreuve) == {"GRU.C1.1": Decision.NON_VALIDE}

    restored, aside = backup.restore(store, data_dir, chosen.path, now=NOON + dt.timedelta(minutes=5))
    try:
        assert restored.current_decisions(epreuve) == {"GRU.C1.1": Decision.VALIDE}
        assert restored.verify_audit_chain() == []
        assert aside.reason == "avant-restauration"
        # the replaced base is kept, with the later decision
        conn = sqlite3.connect(aside.path)
        assert conn.execute("SELECT decision FROM decisions ORDER BY id DESC LIMIT 1").fetchone() == ("non_valide",)
        conn.close()
        db_file = data_dir / DB_FILENAME
        assert (db_file.stat().st_mode & 0o777) == 0o600
        # the restored base accepts new actions
        restored.record_decision(epreuve, "GRU.C1.2", Decision.VALIDE)
    finally:
        restored.close()
    reopened = Store.open(data_dir / DB_FILENAME)
    assert reopened.current_decisions(epreuve)["GRU.C1.2"] == Decision.VALIDE
    reopened.close()


def test_restore_refuses_a_bad_backup_and_leaves_the_base_alone(store: Store, data_dir: Path, tmp_path: Path) -> None:
    org = store.add_organisme("CAF13", "CAF des Bouches-du-Rhône", branche="Famille")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"rien")
    with pytest.raises(BackupError, match="Restauration refusée.*n'a pas été modifiée"):
        backup.restore(store, data_dir, bad)
    # the store is still open and intact
    assert store.connection()["organismes"].get(org)["code"] == "CAF13"
    assert backup.list_backups(data_dir) == []


def test_describe_size_in_french() -> None:
    assert backup.describe_size(512) == "512 o"
    assert backup.describe_size(2048) == "2 Ko"
    assert backup.describe_size(int(1.25 * 1024 * 1024)) == "1,2 Mo"


def test_a_restore_failing_midway_puts_the_previous_base_back(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = store.add_organisme("URSSAF", "Urssaf Val-Fleuri", branche="Recouvrement")
    chosen = backup.backup_now(store, data_dir, "manuelle", now=NOON)
    store.add_organisme("CARSAT", "Carsat Monts-Bleus", branche="Retraite")
    real = backup._replace_database
    calls: list[Path] = []

    def failing_once(source: Path, db_path: Path) -> None:
        calls.append(source)
        if len(calls) == 1:
            db_path.write_bytes(b"half-written")  # the worst case: the file was damaged
            raise OSError(28, "No space left on device")
        real(source, db_path)

    monkeypatch.setattr(backup, "_replace_database", failing_once)
    with pytest.raises(BackupError, match="Restauration impossible.*remise en place") as caught:
        backup.restore(store, data_dir, chosen.path, now=NOON + dt.timedelta(minutes=1))
    previous = caught.value.store
    assert previous is not None
    try:
        codes = {row["code"] for row in previous.connection()["organismes"].rows}
        assert codes == {"URSSAF", "CARSAT"}  # the base as it was just before, not the chosen backup
        assert previous.connection()["organismes"].get(org)["name"] == "Urssaf Val-Fleuri"
    finally:
        previous.close()


def test_try_backup_finds_the_data_folder_and_reports_failures(store: Store, data_dir: Path) -> None:
    assert backup.data_dir_of(store) == data_dir
    info = backup.try_backup(store, "finalisation")
    assert isinstance(info, BackupInfo) and info.path.parent == data_dir / "sauvegardes"
    blocked = data_dir / "bloque"
    blocked.write_text("un fichier, pas un dossier")
    problem = backup.try_backup(store, "export", data_dir=blocked)
    assert isinstance(problem, str) and problem.startswith("Sauvegarde impossible")


def test_copies_a_crash_interrupted_are_removed_at_the_next_start(store: Store, data_dir: Path) -> None:
    import os
    import time

    folder = backup.backup_dir(data_dir)
    stale = folder / ".sauvegarde-abc123.tmp"
    stale.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # half a copy, from a crash
    restoring = data_dir / ".restauration-def456.tmp"
    restoring.write_bytes(b"x" * 100)
    old = time.time() - 3600
    for leftover in (stale, restoring):
        os.utime(leftover, (old, old))
    fresh = folder / ".sauvegarde-now.tmp"  # another instance writing one right now: left alone
    fresh.write_bytes(b"x")
    backup.backup_if_due(store, data_dir, dt.date(2026, 12, 2))
    assert not stale.exists() and not restoring.exists() and fresh.exists()


def test_the_space_backups_may_take_is_bounded_by_the_rotation(store: Store, data_dir: Path) -> None:
    for _ in range(3):
        backup.backup_now(store, data_dir, "manuelle", keep_last=10, keep_days=0)
    space = backup.space_used(data_dir, 1_000_000, keep_last=5, keep_days=7)
    assert space.count == 3 and space.total == sum(b.size for b in backup.list_backups(data_dir))
    assert (space.most_copies, space.bound) == (12, 12_000_000)
