"""Small questions the runner asks before an act that cannot be undone: the pause reason, ending a
phase early, ending the épreuve, quitting during an observation.

Each is opened with `open()` (never a blocking `exec()`): the clock keeps being redrawn behind it.
Entrée confirms, Échap cancels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.gui.style import BASE_CSS

PAUSE_REASONS = (
    "Appel ou échange interrompu",
    "Incident technique",
    "Pause demandée par le candidat",
    "Concertation du jury",
)


class PauseReasonDialog(QDialog):
    """The reason of a pause: a short list (↑ ↓ then Entrée) or a reason typed in « Autre motif ».

    Signals:
        chosen(str): the reason the jury confirmed.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Motif de la pause"))
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("Pourquoi le chronomètre s'arrête-t-il ? (↑ ↓ puis Entrée ; Échap : pas de pause)"))
        caption.setWordWrap(True)
        caption.setStyleSheet(BASE_CSS)
        layout.addWidget(caption)
        self.reasons = QListWidget()
        self.reasons.setStyleSheet(BASE_CSS)
        self.reasons.addItems([self.tr(r) for r in PAUSE_REASONS])
        self.reasons.setCurrentRow(0)
        rows = self.reasons.sizeHintForRow(0) * (len(PAUSE_REASONS) + 1)
        self.reasons.setMaximumHeight(rows + 6)
        layout.addWidget(self.reasons)
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Autre motif (saisir puis Entrée)"))
        layout.addWidget(self.other)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mettre en pause"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Ne pas mettre en pause"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reasons.itemActivated.connect(lambda _item: self.accept())
        self.reasons.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Entrée confirms from the list as from the « Autre motif » field."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def reason(self) -> str:
        typed = self.other.text().strip()
        item = self.reasons.currentItem()
        return typed or (item.text() if item is not None else "")

    def accept(self) -> None:
        reason = self.reason()
        if not reason:
            self.other.setFocus()
            return
        super().accept()
        self.chosen.emit(reason)


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Ask before an act that cannot be undone; Entrée answers `yes`, Échap answers `no`."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.setEscapeButton(no_button)
    box.setTextFormat(Qt.TextFormat.PlainText)

    def answered(button: object) -> None:
        if button is yes_button:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    box.activateWindow()  # the keys go to the question, not to the screen behind it
    return box
