"""Settings and data: where the data live (and how to move them), export folder, backup retention, backups.

Every editable field comes from `core/storage/settings.py` (labels, bounds, help): the dialog only shows the
declaration and saves through it, so there is one source of truth.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.core.storage.settings import Settings, SettingsError
from cqp_desktop.gui import file_dialogs
from cqp_desktop.gui.backup_panel import BackupPanel, BusyReason
from cqp_desktop.gui.style import BASE_CSS, ERROR_CSS, NOTICE_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body, layout_of

LANGUAGES = {"fr": "Français", "en": "English"}


class SettingsDialog(QDialog):
    """Open with `open()` (non-blocking); tab 0 = data and export, tab 1 = backups.

    Signals:
        saved(object): the new `Settings`, after they were written to reglages.json.
        restored(object): the new `Store` after a backup was restored (forwarded from the backups tab).
    """

    saved = Signal(object)
    restored = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, busy_reason: BusyReason = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Réglages et données"))
        form = dialog_body(self, "settings_dialog", css=BASE_CSS)
        find = Finder(form)
        self.tabs: QTabWidget = find(QTabWidget, "tabs")
        self.data_dir: QLineEdit = find(QLineEdit, "dataDirEdit")
        self.export_dir: QLineEdit = find(QLineEdit, "exportDirEdit")
        self.export_button: QPushButton = find(QPushButton, "exportDirButton")
        self.keep_last: QSpinBox = find(QSpinBox, "keepLastSpin")
        self.keep_days: QSpinBox = find(QSpinBox, "keepDaysSpin")
        self.message: QLabel = find(QLabel, "messageLabel")
        self.buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Enregistrer les réglages"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.data_dir.setText(str(context.data_dir))
        find(QLabel, "dataDirHelp").setText(
            self.tr(
                "La base (« {db} »), ses sauvegardes et les réglages sont dans ce dossier. Pour utiliser un autre "
                "dossier (par exemple une clé chiffrée), lancez l'application avec l'option --data-dir DOSSIER, "
                "ou définissez la variable d'environnement {env}. Copiez d'abord ce dossier entier si vous voulez "
                "emporter les données."
            ).format(db=paths.DB_FILENAME, env=paths.ENV_VAR)
        )
        export_layout = layout_of(find(QGroupBox, "exportGroup"))
        assert isinstance(export_layout, QFormLayout)  # a form in ui/settings_dialog.ui
        self._add_language_row(export_layout)
        for key, spin in (("backup_keep_last", self.keep_last), ("backup_keep_days", self.keep_days)):
            decl = settings_mod.declaration(key)
            spin.setRange(decl.minimum or 0, decl.maximum or 10_000)
            spin.setToolTip(decl.help)
        find(QLabel, "retentionHelp").setText(
            self.tr(
                "Les sauvegardes les plus récentes sont toujours gardées ; en plus, la dernière de chaque jour est "
                "gardée pendant le nombre de jours indiqué. Les plus anciennes sont supprimées automatiquement."
            )
        )
        self.export_button.clicked.connect(self.choose_export_dir)

        self.backups = BackupPanel(context, self, busy_reason=busy_reason)
        layout_of(find(QWidget, "backupTab")).addWidget(self.backups)
        self.backups.restored.connect(self.restored)

        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.tabs.currentChanged.connect(lambda index: save_button.setVisible(index == 0))  # backups act at once
        self.current = self._load()
        self.show_settings(self.current)
        self.resize(900, 620)

    def show_backups(self) -> None:
        """Bring the backups tab forward (for a « Sauvegardes… » menu entry)."""
        self.tabs.setCurrentIndex(1)

    def _add_language_row(self, layout: QFormLayout) -> None:
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        label = QLabel(self.tr("&Langue de l'interface :"), self)
        label.setBuddy(self.language)
        self.language.setToolTip(settings_mod.declaration("language").help)
        layout.addRow(label, self.language)

    def _load(self) -> Settings:
        try:
            return settings_mod.load(self.context.data_dir)
        except SettingsError as exc:
            self._show(
                self.tr("{problem}\nLes réglages par défaut sont affichés ; « Enregistrer » remplacera le fichier.").format(
                    problem=exc
                ),
                ERROR_CSS,
            )
            return settings_mod.defaults(self.context.data_dir)

    def show_settings(self, current: Settings) -> None:
        self.export_dir.setText(str(current.export_dir))
        self.keep_last.setValue(current.backup_keep_last)
        self.keep_days.setValue(current.backup_keep_days)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))

    def _show(self, text: str, css: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(css)

    def choose_export_dir(self) -> None:
        folder = file_dialogs.choose_folder(self, self.tr("Dossier d'export"), Path(self.export_dir.text()).expanduser())
        if folder:
            self.export_dir.setText(folder)

    def save(self) -> Settings | None:
        """Check every value through the declaration, write reglages.json, keep the dialog open."""
        try:
            new = self.current.with_values(
                export_dir=self.export_dir.text(),
                backup_keep_last=self.keep_last.value(),
                backup_keep_days=self.keep_days.value(),
                language=self.language.currentData(),
            )
            path = settings_mod.save(self.context.data_dir, new)
        except SettingsError as exc:
            self._show(str(exc), ERROR_CSS)
            return None
        except OSError as exc:
            self._show(self.tr("Réglages non enregistrés : {error}").format(error=exc.strerror or exc), ERROR_CSS)
            return None
        language_changed = new.language != self.current.language
        self.current = new
        text = self.tr("Réglages enregistrés dans « {path} ».").format(path=path)
        if language_changed:
            text += "\n" + self.tr("La langue changera au prochain démarrage de l'application.")
        self._show(text, NOTICE_CSS if language_changed else OK_CSS)
        self.saved.emit(new)
        return new
