"""Corruption, end to end: the real app (`python -m cqp_desktop --data-dir D`) started on a damaged
database exits with the French message and no traceback, leaves the file untouched, and a verified
backup is there to restore from. (Core-level cases: tests/core/test_corruption.py.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.storage import backup
from tests.core.test_corruption import CASES

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LANG="C.UTF-8")


def _healthy_folder(folder: Path) -> Path:
    """A data folder as a jury leaves it: demo data, and the backup the app takes."""
    context = AppContext.open(folder, demo=True)
    backup.backup_now(context.store, context.data_dir, "manuelle")
    context.close()
    return paths.database_path(folder)


@pytest.mark.parametrize(("name", "damage", "message"), CASES, ids=[c[0] for c in CASES])
def test_the_app_refuses_a_damaged_database_in_french(tmp_path: Path, name: str, damage: Callable[[Path], None], message: str) -> None:
    db_file = _healthy_folder(tmp_path)
    damage(db_file)
    before = db_file.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "cqp_desktop", "--data-dir", str(tmp_path)],
        cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert done.stderr.startswith("cqp-desktop : ")
    assert re.search(message, done.stderr), done.stderr
    assert db_file.read_bytes() == before  # untouched: nothing to lose by trying again
    # something to restore from: the latest backup is intact
    latest = backup.list_backups(tmp_path)
    assert latest, "aucune sauvegarde à restaurer"
    check = backup.verify(latest[0].path)
    assert check.ok, check.message


CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(300, app.quit)  # the real start-up path, then a normal quit
    from cqp_desktop.cli import main
    raise SystemExit(main(["--data-dir", sys.argv[1]]))
    """
)


def test_a_normal_start_leaves_a_backup_to_restore_from(tmp_path: Path) -> None:
    """backup.py says the daily backup is taken at start-up (backup_if_due): a damaged base is only
    recoverable if the app really took it."""
    context = AppContext.open(tmp_path, demo=True)
    context.close()
    assert backup.list_backups(tmp_path) == []
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    taken = backup.list_backups(tmp_path)
    assert taken, "le démarrage n'a pris aucune sauvegarde (backup_if_due n'est pas appelé)"
    assert backup.verify(taken[0].path).ok
