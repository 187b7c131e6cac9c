"""The backups screen: list (date, reason, size), take one now, check one, restore one after confirmation.

The panel holds no backup logic: `core/storage/backup.py` takes, verifies and restores. After a restore the
application context gets the new store and `restored` tells the main window to rebuild its views.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.storage import backup
from cqp_desktop.core.storage.backup import BackupError, BackupInfo
from cqp_desktop.gui.confirm import ask
from cqp_desktop.gui.style import ERROR_CSS, NOTICE_CSS, OK_CSS

BusyReason = Callable[[], str | None] | None  # a French reason a restore must wait (an épreuve running)


class BackupPanel(QWidget):
    """Lists the backups of `context.data_dir` and acts on the selected one.

    `busy_reason()` (optional) returns a French reason when a restore must not happen now (an épreuve
    is open), or None.

    Signals:
        restored(object): the new `Store`, already set on the context, after a successful restore.
    """

    restored = Signal(object)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        busy_reason: BusyReason = None,
    ):
        super().__init__(parent)
        self.context = context
        self.busy_reason = busy_reason
        self.backups: list[BackupInfo] = []
        self.checks: dict[str, backup.BackupCheck] = {}

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Une copie de la base est prise automatiquement au premier démarrage de chaque jour, à la "
                "finalisation d'une épreuve et avant chaque export. Dossier : {folder}"
            ).format(folder=context.data_dir / backup.BACKUP_DIRNAME)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Motif"), self.tr("Taille"), self.tr("Vérification")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.space_label = QLabel(self)  # what the copies take, and the most the rotation lets them take
        self.space_label.setWordWrap(True)
        layout.addWidget(self.space_label)

        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Sauvegarder maintenant"), self)
        self.verify_button = QPushButton(self.tr("&Vérifier la sauvegarde"), self)
        self.restore_button = QPushButton(self.tr("&Restaurer cette sauvegarde…"), self)
        self.folder_button = QPushButton(self.tr("&Ouvrir le dossier"), self)
        for button in (self.backup_button, self.verify_button, self.restore_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.folder_button)
        layout.addLayout(row)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        self.backup_button.clicked.connect(self.backup_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # ---------------------------------------------------------------------------------------------

    def _show_space(self) -> None:
        from cqp_desktop import paths
        from cqp_desktop.core.storage import settings as settings_mod

        try:
            current = settings_mod.load(self.context.data_dir)
        except settings_mod.SettingsError:
            current = settings_mod.defaults(self.context.data_dir)
        db_file = paths.database_path(self.context.data_dir)
        # the base's content: the file plus what its -wal still holds (a backup copies both)
        size = sum(f.stat().st_size for f in (db_file, db_file.with_name(db_file.name + "-wal")) if f.exists())
        space = backup.space_used(self.context.data_dir, size, keep_last=current.backup_keep_last,
                                  keep_days=current.backup_keep_days)
        self.space_label.setText(
            self.tr("Espace occupé : {count} sauvegarde(s), {total} au total. La rotation en garde au plus {most} "
                    "(les {last} dernières et une par jour sur {days} jours), soit environ {bound} avec la base "
                    "actuelle ({size}).").format(
                count=space.count, total=backup.describe_size(space.total), most=space.most_copies,
                last=current.backup_keep_last, days=current.backup_keep_days, bound=backup.describe_size(space.bound),
                size=backup.describe_size(size),
            )
        )

    def refresh(self) -> None:
        self.backups = backup.list_backups(self.context.data_dir)
        self._show_space()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            check = self.checks.get(info.path.name)
            if check is None:
                status = self.tr("non vérifiée")
            else:
                status = self.tr("✔ intacte") if check.ok else self.tr("✘ inutilisable")
            cells = (
                self.tr("{day} à {time}").format(day=french_day(info.taken_at), time=info.taken_at.strftime("%H:%M:%S")),
                info.reason_label,
                backup.describe_size(info.size),
                status,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(check.message if column == 3 and check is not None else info.path.name)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.backups and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def select(self, index: int) -> None:
        self.table.selectRow(index)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.verify_button.setEnabled(has)
        self.restore_button.setEnabled(has)
        if not self.backups:
            self._show(self.tr("Aucune sauvegarde pour l'instant."), NOTICE_CSS)

    def _show(self, text: str, css: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(css)
        self.message.show()

    # ---------------------------------------------------------------------------------------------
    # actions

    def backup_now(self) -> BackupInfo | None:
        try:
            info = backup.backup_now(self.context.store, self.context.data_dir, "manuelle")
        except BackupError as exc:
            self._show(str(exc), ERROR_CSS)
            return None
        self.refresh()
        self.select(0)
        self._show(self.tr("Sauvegarde prise : {name} ({size}).").format(name=info.path.name, size=backup.describe_size(info.size)), OK_CSS)
        return info

    def verify_selected(self) -> backup.BackupCheck | None:
        info = self.selected()
        if info is None:
            return None
        check = backup.verify(info.path)
        self.checks[info.path.name] = check
        index = self.backups.index(info)
        self.refresh()
        self.select(index)
        if check.ok:
            self._show(self.tr("Sauvegarde vérifiée : {message}").format(message=check.message), OK_CSS)
        else:
            self._show(self.tr("Sauvegarde inutilisable : {message}").format(message=check.message), ERROR_CSS)
        return check

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before a destructive action (tests replace this method; never exec() offscreen)."""
        return ask(self, title, text, action)

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        reason = self.busy_reason() if self.busy_reason else None
        if reason:
            self._show(self.tr("Restauration impossible maintenant : {reason}").format(reason=reason), ERROR_CSS)
            return False
        when = self.tr("{day} à {time}").format(day=french_day(info.taken_at), time=info.taken_at.strftime("%H:%M"))
        question = self.tr(
            "Remplacer la base actuelle par la sauvegarde du {when} ({reason}) ?\n\n"
            "Tout ce qui a été saisi après cette date disparaîtra de la base. La base actuelle sera d'abord "
            "copiée dans les sauvegardes (motif « avant une restauration ») : vous pourrez y revenir."
        ).format(when=when, reason=info.reason_label)
        if not self.confirm(self.tr("Restaurer une sauvegarde"), question, self.tr("Restaurer")):
            return False
        try:
            store, aside = backup.restore(self.context.store, self.context.data_dir, info.path)
        except BackupError as exc:
            if exc.store is not None:
                self.context.store = exc.store
                self.restored.emit(exc.store)
            self.refresh()
            self._show(str(exc), ERROR_CSS)
            return False
        self.context.store = store
        self.context.referentiel = store.active_referentiel() or self.context.referentiel
        self.checks.clear()
        self.refresh()
        self._show(
            self.tr("Base restaurée depuis la sauvegarde du {when}. La base remplacée est conservée dans « {name} ».").format(
                when=when, name=aside.path.name
            ),
            OK_CSS,
        )
        self.restored.emit(store)
        return True

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup.backup_dir(self.context.data_dir))))
