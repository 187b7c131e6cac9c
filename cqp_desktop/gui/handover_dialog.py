"""Double correction on two laptops: write the signed hand-over (président) or return (expert) file.

The file goes on a USB stick; core/site/handover.py signs it with the member's certified key (passphrase typed
here, never stored) and the other laptop checks it on import (menu Épreuve › Double correction).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.common.files import write_atomic
from cqp_desktop.core.exchange.keys import KeyProblem
from cqp_desktop.core.model.reconciliation import ROLE_LABELS
from cqp_desktop.core.site import handover
from cqp_desktop.core.site.avis import member_name
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.file_dialogs import data_dir_of, export_folder, save_file
from cqp_desktop.gui.style import BASE_CSS, ERROR_CSS, OK_CSS
from cqp_desktop.gui.worker import Worker, busy_bar


class HandoverDialog(QDialog):
    """`kind`: handover.HANDOVER (président's laptop) or handover.RETURN (expert's laptop). Open with open().

    Signals:
        written(str): the path of the file written.
    """

    written = Signal(str)

    def __init__(self, store: Store, epreuve_id: int, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.epreuve_id, self.kind = store, epreuve_id, kind
        role = "president" if kind == handover.HANDOVER else "expert"
        epreuve = store.epreuve(epreuve_id)
        self.signer = member_name(store, epreuve[f"{role}_id"])
        self.setWindowTitle(self.tr("Double correction — fichier de remise") if kind == handover.HANDOVER
                            else self.tr("Double correction — fichier de retour"))
        self.setStyleSheet(BASE_CSS)
        layout = QVBoxLayout(self)
        if kind == handover.HANDOVER:
            text = self.tr(
                "Le fichier de remise porte l'épreuve, son référentiel et son jury, signé par {who} ({role}). "
                "Copiez-le sur une clé USB et importez-le sur le poste de l'expert(e) ; la notation de l'expert(e) "
                "reviendra par un fichier de retour signé."
            ).format(who=self.signer, role=ROLE_LABELS[role].lower())
        else:
            text = self.tr(
                "Le fichier de retour porte la notation close de {who} ({role}) et ses notes, signé par cette "
                "personne. Importez-le sur le poste du/de la président(e) : la conciliation s'y fera."
            ).format(who=self.signer, role=ROLE_LABELS[role].lower())
        caption = QLabel(text)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        layout.addWidget(QLabel(self.tr("Phrase secrète de la clé de signature de {who} :").format(who=self.signer)))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.busy_bar = busy_bar()  # the key is unlocked and the file signed on a worker thread
        layout.addWidget(self.busy_bar)
        self.worker = Worker(self, store)
        self.worker.progress.connect(self._written)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._ended)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.write_button = QPushButton(self.tr("Signer et écrire le fichier…"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        buttons.addWidget(self.write_button)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(760, 300)

    def ask_path(self) -> str:
        stem = "remise" if self.kind == handover.HANDOVER else "retour"
        return save_file(self, self.windowTitle(), export_folder(data_dir_of(self.store)),
                         f"double-correction-{stem}-epreuve-{self.epreuve_id}.json", self.tr("Fichier de double correction (*.json)"))

    def write(self) -> bool:
        """Ask where, then sign and write the file on a worker thread; False when nothing was started."""
        if self.worker.running:
            return False
        path = self.ask_path()
        if not path:
            return False
        writer = handover.write_handover if self.kind == handover.HANDOVER else handover.write_return
        epreuve_id, passphrase = self.epreuve_id, self.passphrase.text()

        def work(own: Store) -> Iterator[str]:  # on the worker thread
            write_atomic(Path(path), writer(own, epreuve_id, passphrase))
            yield path

        def describe(exc: BaseException) -> str:
            if isinstance(exc, OSError):
                return self.tr("Fichier « {path} » non écrit : {why}.").format(path=path, why=exc.strerror or exc)
            if isinstance(exc, (handover.HandoverError, KeyProblem, StoreError)):
                return str(exc)
            return self.tr("Fichier non écrit, signature interrompue : {error}").format(error=exc)

        self._path: str | None = None
        started = self.worker.start_on_base(work, describe)
        self._busy(started)
        return started

    def _busy(self, running: bool) -> None:
        self.write_button.setEnabled(not running)
        self.passphrase.setEnabled(not running)
        self.busy_bar.setVisible(running)
        if running:
            self.message.setText(self.tr("Signature et écriture du fichier en cours…"))
            self.message.setStyleSheet("")

    def _written(self, path: str) -> None:
        self._path = path

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_CSS)

    def _ended(self) -> None:
        self._busy(False)
        path = self._path
        if path is None:
            return
        self.passphrase.clear()
        self.message.setText(self.tr("Fichier signé écrit : {path}").format(path=path))
        self.message.setStyleSheet(OK_CSS)
        self.written.emit(path)

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        """A file being signed is finished before the dialog closes."""
        self.worker.stop()
        super().done(result)
