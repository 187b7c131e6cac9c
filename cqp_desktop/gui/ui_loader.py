"""Loads the Qt Designer forms of `ui/` at run time, so the forms stay editable in Designer."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from cqp_desktop.gui.style import BODY_CSS, TITLE_CSS
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


def dialog_body(dialog: QWidget, name: str, *, css: str = BODY_CSS, title_css: str = TITLE_CSS) -> QWidget:
    """Lay `dialog` out with its form `ui/<name>.ui` and the shared look (gui/style.py): `css` for its text,
    `title_css` for the form's titleLabel. Returns the form (children by findChild)."""
    dialog.setStyleSheet(css)
    form = load_form(name, dialog)
    QVBoxLayout(dialog).addWidget(form)
    title = form.findChild(QLabel, "titleLabel")
    if title is not None:
        title.setStyleSheet(title_css)
    return form


T = TypeVar("T", bound=QObject)


class Finder:
    """`find(QLabel, "titleLabel")`: a named child of a loaded form, never None — a name missing from the `.ui`
    file fails at once, naming it (tests/gui/test_ui_names.py checks every name statically too)."""

    def __init__(self, parent: QObject):
        self.parent = parent

    def __call__(self, kind: type[T], name: str) -> T:
        found = self.parent.findChild(kind, name)
        if found is None:
            raise LookupError(f"formulaire : élément « {name} » ({kind.__name__}) introuvable")
        return found


def layout_of(widget: QWidget) -> QLayout:
    """The layout a form gave `widget` (Designer always gives one to a container it lays out)."""
    layout = widget.layout()
    if layout is None:
        raise LookupError(f"formulaire : « {widget.objectName()} » n'a pas de disposition")
    return layout
