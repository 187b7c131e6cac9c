"""Start-up on a damaged database: say what is wrong and offer the latest verified backup.

Shown only when a person can answer (a real display); otherwise the French message on stderr and a
non-zero exit say the same. The damaged file is moved aside, never deleted (core/storage/backup.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cqp_desktop.core.common.formats import french_moment
from cqp_desktop.core.storage import backup
from cqp_desktop.gui.style import BODY_CSS, INFO, TITLE_CSS, box_css


class RecoveryDialog(QDialog):
    """Signals:
    restored(str): the backup was put in place; the argument is where the damaged file went.
    """

    restored = Signal(str)

    def __init__(self, data_dir: Path, problem: str, parent: QWidget | None = None, *, problems: list[str] | None = None):
        """`problems` (an integrity problem that a person may accept): offers to go on with the base as it is."""
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.problems = problems
        self.setWindowTitle(self.tr("cqp-desktop — base de données inutilisable"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("La base de données ne peut pas être ouverte."), self)
        heading.setStyleSheet(TITLE_CSS)
        layout.addWidget(heading)
        self.problem_label = QLabel(problem, self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(BODY_CSS)
        layout.addWidget(self.problem_label)
        self.candidate = self._latest_good()
        self.offer_label = QLabel(self)
        self.offer_label.setWordWrap(True)
        self.offer_label.setStyleSheet(box_css(INFO, size_pt=11))
        layout.addWidget(self.offer_label)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self)
        self.quit_button = buttons.addButton(self.tr("Quitter sans rien changer"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self.restore)
        self.continue_button = buttons.addButton(
            self.tr("Continuer avec la base telle quelle"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.continue_button.setToolTip(self.tr("Ce qui manque reste manquant ; ce choix et l'écart constaté sont inscrits au journal d'audit."))
        self.continue_button.clicked.connect(self.continue_as_is)
        self.continue_button.setVisible(problems is not None)
        if problems is not None:
            self.setMinimumWidth(900)  # three buttons side by side
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        if self.candidate is None:
            self.offer_label.setText(
                self.tr("Aucune sauvegarde intacte n'a été trouvée dans « {folder} ». Contactez le support Ucanss ; "
                        "ne supprimez pas le fichier de la base.").format(folder=backup.backup_dir(self.data_dir))
            )
            self.restore_button.hide()
            self.quit_button.setDefault(True)
        else:
            info, check = self.candidate
            self.offer_label.setText(
                self.tr("Dernière sauvegarde intacte : {date} ({reason}, {size}) — {check}\n"
                        "La restaurer remplace la base par cette copie ; le fichier endommagé est conservé à part. "
                        "Ce qui a été saisi après cette sauvegarde n'y figure pas.").format(
                    date=french_moment(info.taken_at),
                    reason=info.reason,
                    size=backup.describe_size(info.path.stat().st_size),
                    check=check,
                )
            )
            self.restore_button.setText(
                self.tr("Restaurer la sauvegarde du {date}").format(date=french_moment(info.taken_at, at=" "))
            )

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Word-wrapped labels with padding under-report their height: size them for the real width."""
        for label in (self.problem_label, self.offer_label):
            label.setMinimumHeight(label.heightForWidth(max(label.width(), self.minimumWidth() - 40)) + 20)
        super().showEvent(event)
        self.adjustSize()

    def _latest_good(self) -> tuple[backup.BackupInfo, str] | None:
        for info in backup.list_backups(self.data_dir):
            check = backup.verify(info.path)
            if check.ok:
                return info, check.message
        return None

    def restore(self) -> None:
        if self.candidate is None:
            return
        try:
            aside = backup.restore_over_damaged(self.data_dir, self.candidate[0].path)
        except (backup.BackupError, OSError) as exc:
            self.result_label.setText(self.tr("Restauration impossible : {error}").format(error=exc))
            return
        self.restored.emit(str(aside))
        self.accept()


    def continue_as_is(self) -> None:
        """The jury knows what is missing and goes on: the base is re-anchored and the choice journalled."""
        from cqp_desktop import paths
        from cqp_desktop.core.storage.errors import StoreError
        from cqp_desktop.core.storage.integrity import accept_as_is

        try:
            accept_as_is(paths.database_path(self.data_dir), self.problems or [])
        except (StoreError, OSError) as exc:
            self.result_label.setText(self.tr("Impossible de continuer : {error}").format(error=exc))
            return
        self.accept()


def ask_restore(data_dir: Path, problem: str, problems: list[str] | None = None) -> bool:
    """Run the dialog (a real, interactive display only); True when a backup was restored, or when the jury
    chose to continue with the base as it is (`problems` given: an integrity problem one may accept)."""
    from cqp_desktop.gui.application import create_application

    create_application(sys.argv[:1])
    dialog = RecoveryDialog(data_dir, problem, problems=problems)
    return dialog.exec() == QDialog.DialogCode.Accepted
