"""Silent loss and alteration, end to end on real files: each damage is done to a real data folder (after a
real crash when the damage is to the `-wal`), then the app is started on it. Every case must be refused
with a French message saying what is missing or altered, the backups must be offered, and nothing may
be exported. Core-level seal and anchor rules: tests/core/test_integrity.py."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.cli import main
from cqp_desktop.core.storage import anchor, backup
from cqp_desktop.core.storage.integrity import IntegrityProblem

ROOT = Path(__file__).resolve().parents[1]
CRASH_ACTIONS = 30

# A child that records decisions, then dies without closing anything: its commits are in the -wal only.
CRASH = textwrap.dedent(
    """
    import os, sys
    from cqp_desktop.app_context import AppContext
    from cqp_desktop.core.model.rules import Decision
    context = AppContext.open(sys.argv[1])
    store = context.store
    epreuve = store.connection().execute(
        "SELECT id FROM epreuves WHERE locked_at IS NULL AND id NOT IN (SELECT epreuve_id FROM epreuve_cancellations) "
        "ORDER BY id LIMIT 1").fetchone()[0]
    criteria = [c.key for c in store.epreuve_referentiel(epreuve).bloc(store.epreuve(epreuve)["bloc"]).criteria()]
    for n in range(int(sys.argv[2])):
        store.record_decision(epreuve, criteria[n % len(criteria)], Decision.VALIDE if n % 2 else Decision.NON_VALIDE)
    sys.stdout.flush()
    os._exit(0)  # a crash: no checkpoint, no close
    """
)


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LANG="C.UTF-8")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as a jury leaves it (demo data, a backup), then a crash with 30 decisions in the -wal."""
    folder = tmp_path_factory.mktemp("site")
    context = AppContext.open(folder, demo=True)
    backup.backup_now(context.store, context.data_dir, "manuelle")
    context.close()
    done = subprocess.run([sys.executable, "-c", CRASH, str(folder), str(CRASH_ACTIONS)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    wal = _wal(paths.database_path(folder))
    assert wal.exists() and wal.stat().st_size > 0, "the crash left no -wal: nothing to lose"
    return folder


@pytest.fixture
def site(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "donnees"
    shutil.copytree(template, folder)
    return folder


def _wal(db: Path) -> Path:
    return db.with_name(db.name + "-wal")


def _refused(capsys: pytest.CaptureFixture[str], folder: Path, *patterns: str) -> str:
    """The real start-up path (`cqp-desktop --data-dir D`, no display): exit 1, French message, backups offered."""
    code = main(["--data-dir", str(folder)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("cqp-desktop : ") and "Traceback" not in err, err
    for pattern in patterns:
        assert re.search(pattern, err), (pattern, err)
    assert "Restaurez une sauvegarde : la plus récente date du" in err, err
    return err


def _not_exported(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """No command may read the base either: `package export` stops at the same check."""
    code = main(["--data-dir", str(folder), "package", "export", "--session", "1"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "ne correspond plus" in err or "tronqué" in err or "absente" in err or "aucune base" in err, err
    assert not list(folder.glob("*.cqpkg"))


def test_the_crashed_site_itself_starts_with_every_acknowledged_decision(site: Path) -> None:
    """Control: with its -wal intact, the crashed base opens and holds the 30 decisions."""
    context = AppContext.open(site)
    try:
        audit = context.store.connection().execute("SELECT count(*) FROM audit WHERE action = 'decision.set'").fetchone()[0]
        assert audit >= CRASH_ACTIONS
    finally:
        context.close()


def test_wal_deleted_after_a_crash(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _wal(paths.database_path(site)).unlink()
    _refused(capsys, site, rf"{CRASH_ACTIONS} action\(s\) enregistrée\(s\) manquent", "depuis le", "-wal")
    _not_exported(capsys, site)


def test_wal_truncated_after_a_crash(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wal = _wal(paths.database_path(site))
    data = wal.read_bytes()
    wal.write_bytes(data[: len(data) // 2])
    _refused(capsys, site, r"\d+ action\(s\) enregistrée\(s\) manquent", "depuis le")
    _not_exported(capsys, site)


def test_wal_byte_flipped_after_a_crash(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wal = _wal(paths.database_path(site))
    data = bytearray(wal.read_bytes())
    data[len(data) // 3] ^= 0xFF
    wal.write_bytes(bytes(data))
    _refused(capsys, site, r"\d+ action\(s\) enregistrée\(s\) manquent", "depuis le")
    _not_exported(capsys, site)


def test_database_emptied_to_zero_bytes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = paths.database_path(site)
    _wal(db).unlink()
    db.write_bytes(b"")
    _refused(capsys, site, "La base de données est vide", r"dernière action enregistrée sur ce poste est la n° \d+")
    assert db.stat().st_size == 0  # no empty base was created in its place
    _not_exported(capsys, site)


def test_database_missing_beside_its_backups(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = paths.database_path(site)
    for leftover in (db, _wal(db), db.with_name(db.name + "-shm"), anchor.path_for(db)):
        leftover.unlink(missing_ok=True)
    _refused(capsys, site, "La base de données est absente", "sauvegardes présentes", "Aucune nouvelle base")
    assert not db.exists()
    _not_exported(capsys, site)


def test_database_missing_beside_its_anchor(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = paths.database_path(site)
    for leftover in (db, _wal(db), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(site / backup.BACKUP_DIRNAME)
    code = main(["--data-dir", str(site)])
    err = capsys.readouterr().err
    assert code == 1 and "La base de données est absente" in err and "ancre du journal" in err, err
    assert "Aucune sauvegarde n'a été trouvée" in err
    assert not db.exists()


def _checkpointed(folder: Path) -> Path:
    """The crashed site, reopened once so that its -wal is folded into the file (a clean state)."""
    AppContext.open(folder).close()
    return paths.database_path(folder)


def test_database_truncated_by_one_byte(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    data = db.read_bytes()
    db.write_bytes(data[:-1])
    _refused(capsys, site, "tronqué", f"{len(data) - 1} octets au lieu de {len(data)}")
    assert db.stat().st_size == len(data) - 1  # untouched
    _not_exported(capsys, site)


def test_database_replaced_by_an_older_copy(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    older = backup.list_backups(site)[-1].path  # taken before the crash's 30 decisions
    for leftover in (_wal(db), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(older, db)
    _refused(capsys, site, rf"{CRASH_ACTIONS} action\(s\) enregistrée\(s\) manquent")
    _not_exported(capsys, site)


def test_database_replaced_by_another_sites_base(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "autre"
    AppContext.open(other, demo=True).close()
    db = _checkpointed(site)
    shutil.copy(paths.database_path(other), db)
    _refused(capsys, site, "identifiant diffère de celui de l'ancre")


def _tool(db: Path, *statements: str) -> None:
    """SQL typed in another tool (sqlite3 shell, DB Browser): triggers dropped first."""
    conn = sqlite3.connect(db)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_audit_rows_edited(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    _tool(db, "DROP TRIGGER audit_no_update", "UPDATE audit SET actor = 'quelqu''un' WHERE id = 10")
    _refused(capsys, site, "Journal d'audit : entrée 10 : contenu modifié après écriture")
    _not_exported(capsys, site)


def test_audit_rows_deleted(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    _tool(db, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id IN (20, 21, 22)")
    _refused(capsys, site, r"3 entrée\(s\) du journal d'audit ont été supprimées")
    _not_exported(capsys, site)


def test_audit_tail_deleted(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The last entries and the rows they record go together: only the anchor can tell."""
    db = _checkpointed(site)
    _tool(
        db, "DROP TRIGGER audit_no_delete", "DROP TRIGGER decisions_no_delete",
        "DELETE FROM decisions WHERE id IN (SELECT entity_id FROM audit WHERE entity = 'decisions' "
        "AND id > (SELECT max(id) - 5 FROM audit))",
        "DELETE FROM row_seals WHERE audit_id > (SELECT max(id) - 5 FROM audit)",
        "DELETE FROM audit WHERE id > (SELECT max(id) - 5 FROM audit)",
    )
    _refused(capsys, site, r"5 action\(s\) enregistrée\(s\) manquent")
    _not_exported(capsys, site)


def test_a_decision_edited_by_sql(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    _tool(db, "DROP TRIGGER decisions_no_update",
          "UPDATE decisions SET decision = 'valide' WHERE id = (SELECT max(id) FROM decisions WHERE decision = 'non_valide')")
    _refused(capsys, site, r"1 ligne\(s\) « décision » modifiée\(s\) hors de l'application")
    _not_exported(capsys, site)


def test_an_unsigned_avis_edited_by_sql_is_caught_without_any_trigger_dropped(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Drafts may be updated (no trigger): the check at start re-reads these tables in full."""
    db = _checkpointed(site)
    context = AppContext.open(site)
    from cqp_desktop.core.site import avis

    epreuve = context.store.connection().execute("SELECT min(epreuve_id) FROM decisions").fetchone()[0]
    avis.draft_avis(context.store, epreuve, False)
    context.close()
    _tool(db, "UPDATE avis SET jury_validated = 1 WHERE signed_at IS NULL")
    _refused(capsys, site, "« avis » modifiée")


def test_the_anchor_deleted(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    anchor.path_for(db).unlink()
    _refused(capsys, site, "Le fichier d'ancre .* manque")


def test_the_anchor_damaged(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _checkpointed(site)
    anchor.path_for(db).write_bytes(b"\x00" * 1024)
    _refused(capsys, site, "Le fichier d'ancre .* illisible")


def test_one_torn_anchor_slot_is_survived(site: Path) -> None:
    """A power cut during the anchor write damages one slot: the other still holds the previous head."""
    db = _checkpointed(site)
    head = anchor.read(db)
    assert head is not None
    data = bytearray(anchor.path_for(db).read_bytes())
    slot = (head.seq % 2) * anchor.SLOT
    data[slot + 20 : slot + 40] = b"\x00" * 20
    anchor.path_for(db).write_bytes(bytes(data))
    AppContext.open(site).close()


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = paths.database_path(tmp_path)
    _tool(db, "CREATE TABLE factures (id INTEGER PRIMARY KEY, montant REAL)", "INSERT INTO factures VALUES (1, 12.5)")
    before = db.read_bytes()
    code = main(["--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and "n'appartient pas à cqp-desktop (tables : factures)" in err, err
    assert db.read_bytes() == before
    assert not anchor.path_for(db).exists()


def test_the_offered_backup_restores_and_the_app_starts_again(site: Path) -> None:
    """What the recovery dialog does (core part): put the backup in place, re-anchored, and start."""
    db = paths.database_path(site)
    _wal(db).unlink()
    with pytest.raises(IntegrityProblem):
        AppContext.open(site)
    chosen = backup.list_backups(site)[0]
    aside = backup.restore_over_damaged(site, chosen.path)
    assert aside.exists()  # the short base is kept for whoever wants to look at it
    context = AppContext.open(site)
    try:
        assert context.store.connection()["epreuves"].count > 0
    finally:
        context.close()


def test_the_real_app_refuses_in_a_subprocess(site: Path) -> None:
    _wal(paths.database_path(site)).unlink()
    done = subprocess.run([sys.executable, "-m", "cqp_desktop", "--data-dir", str(site)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "action(s) enregistrée(s) manquent" in done.stderr



def test_the_recovery_dialog_offers_the_backups_for_a_lost_wal(qtbot, site: Path) -> None:  # type: ignore[no-untyped-def]
    """What a jury sees with a display: the French problem, the latest intact backup, a restore that works."""
    from cqp_desktop.gui.recovery_dialog import RecoveryDialog

    _wal(paths.database_path(site)).unlink()
    with pytest.raises(IntegrityProblem) as caught:
        AppContext.open(site)
    dialog = RecoveryDialog(site, str(caught.value))
    qtbot.addWidget(dialog)
    dialog.open()
    assert "action(s) enregistrée(s) manquent" in dialog.problem_label.text()
    assert dialog.restore_button.isVisible() and "Restaurer la sauvegarde du" in dialog.restore_button.text()
    dialog.restore()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.result_label.text()
    AppContext.open(site).close()  # starts again, re-anchored on the restored copy


def test_the_jury_may_go_on_with_the_base_as_it_is_and_the_gap_stays_on_record(qtbot, site: Path) -> None:  # type: ignore[no-untyped-def]
    """A base copied without its anchor: nothing to restore is better; the choice is journalled."""
    from cqp_desktop.gui.recovery_dialog import RecoveryDialog

    db = _checkpointed(site)
    anchor.path_for(db).unlink()
    with pytest.raises(IntegrityProblem) as caught:
        AppContext.open(site)
    assert caught.value.can_continue
    dialog = RecoveryDialog(site, str(caught.value), problems=caught.value.problems)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.continue_button.isVisible()
    dialog.continue_as_is()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.result_label.text()
    context = AppContext.open(site)
    try:
        row = context.store.connection().execute("SELECT details FROM audit WHERE action = 'integrity.accepted'").fetchone()
        assert row is not None and "ancre" in row[0]
    finally:
        context.close()


def test_a_truncated_base_offers_backups_only(site: Path) -> None:
    db = _checkpointed(site)
    db.write_bytes(db.read_bytes()[:-1])
    with pytest.raises(IntegrityProblem) as caught:
        AppContext.open(site)
    assert not caught.value.can_continue
