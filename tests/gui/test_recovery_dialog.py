"""Start-up on a damaged database: the dialog offers the latest intact backup and restores it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.storage import backup
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.gui.recovery_dialog import RecoveryDialog


def _damaged_folder(folder: Path) -> tuple[Path, int]:
    context = AppContext.open(folder, demo=True)
    backup.backup_now(context.store, context.data_dir, "manuelle")
    count = context.store.connection()["epreuves"].count
    context.close()
    db_file = paths.database_path(folder)
    data = db_file.read_bytes()
    db_file.write_bytes(data[: len(data) // 3])
    return db_file, count


def test_restores_the_latest_backup_and_keeps_the_damaged_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db_file, count = _damaged_folder(tmp_path)
    damaged = db_file.read_bytes()
    with pytest.raises(StoreError) as caught:
        AppContext.open(tmp_path)
    dialog = RecoveryDialog(tmp_path, str(caught.value))
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.restore_button.isVisible()
    assert "Restaurer la sauvegarde du" in dialog.restore_button.text()
    assert re.search("endommagée|n.est pas une base|tronqué", dialog.problem_label.text())
    with qtbot.waitSignal(dialog.restored) as signal:
        dialog.restore_button.click()
    aside = Path(signal.args[0])
    assert aside.read_bytes() == damaged  # the evidence is kept
    context = AppContext.open(tmp_path)
    assert context.store.connection()["epreuves"].count == count
    context.close()


def test_without_backup_only_quitting_is_offered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db_file, _ = _damaged_folder(tmp_path)
    shutil.rmtree(backup.backup_dir(tmp_path))
    dialog = RecoveryDialog(tmp_path, "base endommagée")
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.restore_button.isVisible()
    assert "Aucune sauvegarde intacte" in dialog.offer_label.text()
