"""The one way the app asks before an action that cannot be undone: « Annuler » is the default button,
so Enter never confirms by accident. Callers keep a method around it that tests replace (a modal
exec() hangs offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    title: str,
    text: str,
    action: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
    details: str = "",
) -> bool:
    """True when the user chose `action` (the button's wording) rather than « Annuler »."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if details:
        box.setInformativeText(details)
    accept = box.addButton(action, role)
    cancel = box.addButton(QCoreApplication.translate("confirm", "Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is accept
