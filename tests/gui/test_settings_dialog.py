"""Settings and backups dialog: one settings declaration, backups listed, verified and restored."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.storage import backup, settings
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.settings_dialog import SettingsDialog


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext.open(tmp_path / "donnees")
    yield ctx
    ctx.close()


def _dialog(qtbot, context: AppContext, **kwargs) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(context, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_data_folder_read_only_and_how_to_move_it(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context)
    assert dialog.data_dir.text() == str(context.data_dir)
    assert dialog.data_dir.isReadOnly()
    help_text = dialog.findChild(type(dialog.message), "dataDirHelp").text()
    assert "--data-dir" in help_text and "CQP_DESKTOP_DATA_DIR" in help_text
    assert dialog.keep_last.value() == 10 and dialog.keep_days.value() == 30
    assert dialog.keep_last.minimum() == 1  # bounds come from the declaration


def test_save_writes_the_settings_file(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context)
    dialog.export_dir.setText(str(tmp_path / "exports"))
    dialog.keep_last.setValue(20)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.saved) as signal:
        dialog.save()
    saved = signal.args[0]
    assert saved.backup_keep_last == 20
    again = settings.load(context.data_dir)
    assert again.export_dir == tmp_path / "exports" and again.backup_keep_last == 20 and again.language == "en"
    assert "Réglages enregistrés" in dialog.message.text() and "prochain démarrage" in dialog.message.text()


def test_an_empty_export_folder_is_refused_in_french(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context)
    dialog.export_dir.setText("  ")
    assert dialog.save() is None
    assert "Dossier d'export" in dialog.message.text() and "texte non vide" in dialog.message.text()
    assert not settings.settings_path(context.data_dir).exists()


def test_a_damaged_settings_file_is_reported_not_hidden(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    settings.settings_path(context.data_dir).write_text("{oups", encoding="utf-8")
    dialog = _dialog(qtbot, context)
    assert "illisible" in dialog.message.text()
    assert dialog.keep_last.value() == 10


def test_backups_tab_lists_takes_and_verifies(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    # dated in the past so that the backup taken "now" below is the newest
    backup.backup_now(context.store, context.data_dir, "quotidienne", now=dt.datetime(2020, 1, 6, 8, 0))
    dialog = _dialog(qtbot, context)
    panel = dialog.backups
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "06/01/2020 à 08:00:00"
    assert panel.table.item(0, 1).text() == "quotidienne (démarrage)"
    assert panel.table.item(0, 2).text().endswith("Ko")
    info = panel.backup_now()
    assert info is not None and info.reason == "manuelle"
    assert panel.table.rowCount() == 2 and panel.selected() == info
    check = panel.verify_selected()
    assert check is not None and check.ok
    assert panel.table.item(0, 3).text() == "✔ intacte"
    assert panel.space_label.text().startswith("Espace occupé : 2 sauvegarde(s)")
    assert "La rotation en garde au plus" in panel.space_label.text()
    panel.resize(1280, 600)
    panel.grab().save("/tmp/backups_tab.png")


def test_a_damaged_backup_is_shown_unusable(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    info = backup.backup_now(context.store, context.data_dir, "export", now=dt.datetime(2026, 12, 1, 9, 0))
    info.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    dialog = _dialog(qtbot, context)
    dialog.backups.select(0)
    check = dialog.backups.verify_selected()
    assert check is not None and not check.ok
    assert dialog.backups.table.item(0, 3).text() == "✘ inutilisable"
    assert "inutilisable" in dialog.backups.message.text()


def _organisme_codes(store: Store) -> set[str]:
    return {row["code"] for row in store.connection()["organismes"].rows}


def test_restore_after_confirmation_swaps_the_store(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    context.store.add_organisme("CPAM1", "CPAM Une", branche="Maladie")
    backup.backup_now(context.store, context.data_dir, "finalisation", now=dt.datetime(2026, 12, 1, 10, 0))
    context.store.add_organisme("CPAM2", "CPAM Deux", branche="Maladie")
    old_store = context.store
    dialog = _dialog(qtbot, context)
    panel = dialog.backups
    asked: list[str] = []
    panel.confirm = lambda title, text, action: asked.append(text) or True  # type: ignore[method-assign]
    panel.select(0)
    with qtbot.waitSignal(dialog.restored) as signal:
        assert panel.restore_selected()
    assert "01/12/2026 à 10:00" in asked[0] and "avant une restauration" in asked[0]
    assert signal.args[0] is context.store and context.store is not old_store
    assert _organisme_codes(context.store) == {"CPAM1"}
    reasons = [b.reason for b in backup.list_backups(context.data_dir)]
    assert "avant-restauration" in reasons
    assert "Base restaurée" in panel.message.text()


def test_restore_declined_or_busy_changes_nothing(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    context.store.add_organisme("CPAM1", "CPAM Une", branche="Maladie")
    backup.backup_now(context.store, context.data_dir, "manuelle", now=dt.datetime(2026, 12, 1, 10, 0))
    context.store.add_organisme("CPAM2", "CPAM Deux", branche="Maladie")
    store = context.store
    dialog = _dialog(qtbot, context)
    panel = dialog.backups
    panel.confirm = lambda title, text, action: False  # type: ignore[method-assign]
    panel.select(0)
    assert not panel.restore_selected()
    assert context.store is store and _organisme_codes(store) == {"CPAM1", "CPAM2"}

    busy = _dialog(qtbot, context, busy_reason=lambda: "l'épreuve de Léa MARTIN est ouverte")
    busy.backups.confirm = lambda title, text, action: pytest.fail("no question while busy")  # type: ignore[method-assign]
    busy.backups.select(0)
    assert not busy.backups.restore_selected()
    assert "Léa MARTIN" in busy.backups.message.text()
    assert context.store is store and json.dumps(sorted(_organisme_codes(store))) == '["CPAM1", "CPAM2"]'


def test_show_backups_brings_the_backups_tab_forward(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context)
    assert dialog.tabs.currentIndex() == 0
    dialog.show_backups()
    assert dialog.tabs.currentWidget().objectName() == "backupTab"


def test_restore_question_names_the_action_and_defaults_to_cancel(qtbot, context: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    seen: dict[str, object] = {}

    def fake_exec(box: QMessageBox) -> int:  # never a real modal loop offscreen
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        next(b for b in box.buttons() if b.text() == seen["click"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    dialog = _dialog(qtbot, context)
    seen["click"] = "Restaurer"
    assert dialog.backups.confirm("Restaurer une sauvegarde", "Remplacer ?", "Restaurer")
    assert sorted(seen["buttons"]) == ["Annuler", "Restaurer"] and seen["default"] == "Annuler"  # type: ignore[arg-type]
    seen["click"] = "Annuler"
    assert not dialog.backups.confirm("Restaurer une sauvegarde", "Remplacer ?", "Restaurer")
