"""Loads the Qt Designer forms of `ui/` at run time, so the forms stay editable in Designer."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from cqp_desktop.resources import ui_dir


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of `ui/<name>.ui`; children are reachable with findChild by objectName."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"Formulaire introuvable : {path}")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"Formulaire illisible : {path}")
    return widget
