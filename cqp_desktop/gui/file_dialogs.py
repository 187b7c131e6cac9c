"""File choosers that open in the export folder and speak French whatever the system's language.

The system's native dialog follows the language of Windows (often not French on a borrowed laptop)
and opens wherever it last was; Qt's own dialog is translated by `qtbase_fr.qm` (gui/translations.py)
and is given the export folder of the settings, where the jury's files are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.core.storage.store import Store

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def data_dir_of(store: Store) -> Path | None:
    """The data folder of a store (where its database file lives)."""
    from cqp_desktop.core.storage.backup import BackupError
    from cqp_desktop.core.storage.backup import data_dir_of as folder_of

    try:
        return folder_of(store)
    except BackupError:
        return None


def export_folder(data_dir: Path | None) -> Path:
    """The export folder of the settings when it exists, else the home folder."""
    if data_dir is not None:
        try:
            folder = settings_mod.load(data_dir).export_dir
        except settings_mod.SettingsError:
            folder = None
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


def save_file(parent: QWidget, title: str, folder: Path, name: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(folder / name), filters, options=OPTIONS)
    return path


def open_file(parent: QWidget, title: str, folder: Path, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters, options=OPTIONS)
    return path


def choose_folder(parent: QWidget, title: str, folder: Path) -> str:
    return QFileDialog.getExistingDirectory(parent, title, str(folder), QFileDialog.Option.ShowDirsOnly | OPTIONS)
