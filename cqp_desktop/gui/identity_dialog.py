"""Each jury member's signing identity: see it, create a key on this machine, or import a PKCS#12 certificate.

The passphrase is read from the fields at the moment of the action, handed to `core.people` (which
encrypts the key with it) and the fields are cleared: it is never kept, in memory or on disk. Replacing an
identity retires the old one (the store keeps it, past signatures stay verifiable) after a confirmation.

Open with `IdentityDialog(store, parent, member_id=None)` then `.open()`.

Signals:
    changed(int): the member whose identity was created or replaced.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core import people
from cqp_desktop.core.db import StoreError
from cqp_desktop.core import input_files
from cqp_desktop.core.keys import MIN_PASSPHRASE
from cqp_desktop.core.people import PeopleError
from cqp_desktop.core.store import Store
from cqp_desktop.gui.style import ERROR_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import load_form

def _french_moment(iso_text: str) -> str:
    return dt.datetime.fromisoformat(iso_text).astimezone().strftime("%d/%m/%Y %H:%M")


class IdentityDialog(QDialog):
    changed = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None, member_id: int | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Identités de signature"))
        self.setStyleSheet("font-size: 11pt;")
        form = load_form("identity_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        find = form.findChild
        find(QLabel, "titleLabel").setStyleSheet("font-size: 16pt; font-weight: 700;")
        find(QLabel, "helpLabel").setText(
            self.tr(
                "Pour signer un avis ou un paquet de session, chaque membre du jury a une clé sur ce poste, protégée par "
                "sa phrase secrète (au moins {n} caractères). La phrase secrète n'est jamais enregistrée : sans elle, "
                "la clé est inutilisable ; en cas d'oubli, créez une nouvelle clé. Une clé remplacée est retirée mais "
                "les signatures déjà faites restent vérifiables."
            ).format(n=MIN_PASSPHRASE)
        )
        self.table: QTableWidget = find(QTableWidget, "membersTable")
        self.member_label: QLabel = find(QLabel, "memberLabel")
        self.create_group: QGroupBox = find(QGroupBox, "createGroup")
        self.import_group: QGroupBox = find(QGroupBox, "importGroup")
        self.new_pass: QLineEdit = find(QLineEdit, "newPassEdit")
        self.new_confirm: QLineEdit = find(QLineEdit, "newConfirmEdit")
        self.create_button: QPushButton = find(QPushButton, "createButton")
        self.file_edit: QLineEdit = find(QLineEdit, "fileEdit")
        self.file_pass: QLineEdit = find(QLineEdit, "filePassEdit")
        self.import_pass: QLineEdit = find(QLineEdit, "importPassEdit")
        self.import_confirm: QLineEdit = find(QLineEdit, "importConfirmEdit")
        self.import_button: QPushButton = find(QPushButton, "importButton")
        self.message: QLabel = find(QLabel, "messageLabel")
        buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        for edit in (self.new_pass, self.import_pass):
            edit.setPlaceholderText(self.tr("au moins {n} caractères").format(n=MIN_PASSPHRASE))
        self.strength: dict[QLineEdit, QLabel] = {}
        for edit, form_name in ((self.new_pass, "createForm"), (self.import_pass, "importForm")):
            self._add_strength_hint(form, form_name, edit)
        for edit in (self.new_confirm, self.import_confirm):
            edit.setPlaceholderText(self.tr("la même, une seconde fois"))
        self.file_pass.setPlaceholderText(self.tr("celui donné avec le fichier"))
        for button in form.findChildren(QPushButton):  # Enter acts on the field's own form, never closes
            button.setAutoDefault(False)
            button.setDefault(False)
        self.create_button.clicked.connect(self.create_key)
        self.import_button.clicked.connect(self.import_certificate)
        find(QPushButton, "browseButton").clicked.connect(self._browse)
        self.new_confirm.returnPressed.connect(self.create_key)
        self.import_confirm.returnPressed.connect(self.import_certificate)
        self.table.itemSelectionChanged.connect(self._selected)
        self.reload()
        if member_id is not None:
            self.select_member(member_id)
        elif self.table.rowCount():
            self.table.selectRow(0)
        self._selected()
        self.resize(1180, 720)

    def _add_strength_hint(self, form: QWidget, form_name: str, edit: QLineEdit) -> None:
        """A line under the passphrase field that rates it while it is typed (people.passphrase_strength)."""
        layout = form.findChild(QFormLayout, form_name)
        row, _role = layout.getWidgetPosition(edit)
        hint = QLabel(self)
        hint.setObjectName(f"{edit.objectName()}Strength")
        layout.insertRow(row + 1, "", hint)
        self.strength[edit] = hint
        colours = {0: "#a40000", 1: "#a40000", 2: "#7a5a00", 3: "#1d6b2f"}

        def rate(text: str) -> None:
            score, advice = people.passphrase_strength(text)
            hint.setText(self.tr("Force : {advice}").format(advice=advice) if text else
                         self.tr("Au moins {n} caractères ; plusieurs mots valent mieux qu'un mot compliqué.").format(n=MIN_PASSPHRASE))
            hint.setStyleSheet(f"color: {colours[score] if text else '#555'};")

        edit.textChanged.connect(rate)
        rate("")

    # -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        members = list(
            self.store.db.query(
                "SELECT m.id, m.last_name, m.first_name, m.role, o.name AS org FROM jury_members m "
                "JOIN organismes o ON o.id = m.organisme_id ORDER BY m.last_name, m.first_name"
            )
        )
        headers = [self.tr("Membre du jury"), self.tr("Rôle"), self.tr("Identité"), self.tr("Empreinte"), self.tr("Créée le"), self.tr("Origine")]
        self.table.blockSignals(True)
        selected = self.member_id()
        self.table.clearContents()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(members))
        for r, m in enumerate(members):
            summary = people.identity_summary(self.store, m["id"])
            values = [f"{m['first_name']} {m['last_name'].upper()} ({m['org']})", people.ROLES.get(m["role"], m["role"])]
            if summary is None:
                values += [self.tr("✘ aucune"), "", "", ""]
            else:
                values += [
                    self.tr("✔ prête"), summary.short_fingerprint, _french_moment(summary.created_at),
                    self._source_text(summary.source),
                ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, m["id"])
                self.table.setItem(r, c, item)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.blockSignals(False)
        if selected is not None:
            self.select_member(selected)

    def _source_text(self, source: str) -> str:
        return self.tr("clé créée sur ce poste") if source == "generated" else self.tr("certificat PKCS#12 importé")

    def member_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_member(self, member_id: int) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == member_id:
                self.table.selectRow(r)
                return

    def _name(self, member_id: int) -> str:
        row = self.store.db.execute("SELECT first_name, last_name FROM jury_members WHERE id = ?", [member_id]).fetchone()
        return f"{row[0]} {row[1].upper()}"

    def _selected(self) -> None:
        member_id = self.member_id()
        enabled = member_id is not None
        self.create_group.setEnabled(enabled)
        self.import_group.setEnabled(enabled)
        if member_id is None:
            self.member_label.setText(
                self.tr("Aucun membre du jury : ajoutez-les d'abord (menu Jury › Candidats, jury et organismes).")
                if not self.table.rowCount()
                else self.tr("Choisissez un membre du jury dans la liste.")
            )
            return
        summary = people.identity_summary(self.store, member_id)
        name = self._name(member_id)
        if summary is None:
            text = self.tr("<b>{name}</b> n'a pas encore d'identité de signature sur ce poste.").format(name=name)
        else:
            text = self.tr(
                "<b>{name}</b> : certificat « {subject} », empreinte {fp}, {source} le {date}, valable jusqu'au {until}. "
                "Créer ou importer une nouvelle identité la remplace."
            ).format(
                name=name, subject=summary.subject, fp=summary.short_fingerprint,
                source=self._source_text(summary.source), date=_french_moment(summary.created_at),
                until="/".join(reversed(summary.valid_until.split("-"))),
            )
        self.member_label.setText(text)
        self.create_group.setTitle(
            self.tr("Créer une clé sur ce poste pour {name}").format(name=name)
            if summary is None
            else self.tr("Remplacer par une nouvelle clé créée sur ce poste")
        )

    # -------------------------------------------------------------------------------------------
    # actions

    def confirm_replace(self, name: str) -> bool:
        """Ask before retiring an identity (a modal question: tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remplacer l'identité de signature"),
            self.tr(
                "{name} a déjà une identité de signature. La remplacer la retire : les signatures déjà faites restent "
                "valables, mais les prochaines utiliseront la nouvelle clé. Continuer ?"
            ).format(name=name),
            parent=self,
        )
        replace = box.addButton(self.tr("Remplacer"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is replace

    def _may_replace(self, member_id: int) -> bool:
        if self.store.signing_identity(member_id) is None:
            return True
        return self.confirm_replace(self._name(member_id))

    def _clear_secrets(self) -> None:
        for edit in (self.new_pass, self.new_confirm, self.file_pass, self.import_pass, self.import_confirm):
            edit.clear()

    def _done(self, member_id: int, text: str) -> None:
        self._clear_secrets()
        self.reload()
        self.select_member(member_id)
        self._selected()
        self.message.setText(text)
        self.message.setStyleSheet(OK_CSS)
        self.changed.emit(member_id)

    def _error(self, exc: Exception) -> None:
        problems = exc.problems if isinstance(exc, PeopleError) else [str(exc)]
        self.message.setText(self.tr("Aucune identité enregistrée :") + "\n" + "\n".join(f"• {p}" for p in problems))
        self.message.setStyleSheet(ERROR_CSS)

    def create_key(self) -> bool:
        member_id = self.member_id()
        if member_id is None:
            return False
        problems = people.passphrase_problems(self.new_pass.text(), self.new_confirm.text())
        if problems:  # before the confirmation: nothing to replace yet
            self._error(PeopleError(problems))
            self.new_confirm.clear()
            return False
        if not self._may_replace(member_id):
            return False
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            people.create_identity(self.store, member_id, self.new_pass.text(), self.new_confirm.text())
        except (PeopleError, StoreError) as exc:
            self._error(exc)
            return False
        finally:
            self.unsetCursor()
        self._done(member_id, self.tr("Clé créée pour {name}. Retenez la phrase secrète : elle n'est enregistrée nulle part.").format(name=self._name(member_id)))
        return True

    def ask_file(self) -> str:
        """The open-file question (a modal dialog: tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificat PKCS#12"), str(Path.home()), self.tr("Certificats PKCS#12 (*.p12 *.pfx);;Tous les fichiers (*)")
        )
        return path

    def _browse(self) -> None:
        path = self.ask_file()
        if path:
            self.file_edit.setText(path)
            self.file_pass.setFocus()

    def import_certificate(self) -> bool:
        member_id = self.member_id()
        if member_id is None:
            return False
        path = self.file_edit.text().strip()
        if not path:
            self._error(PeopleError([self.tr("Fichier : choisissez le certificat PKCS#12 (.p12 ou .pfx).")]))
            return False
        try:
            data = input_files.read_bytes(path, "key", self.tr("Fichier"))
        except input_files.InputError as exc:
            self._error(PeopleError([str(exc)]))
            return False
        problems = people.passphrase_problems(self.import_pass.text(), self.import_confirm.text())
        if problems:
            self._error(PeopleError(problems))
            self.import_confirm.clear()
            return False
        if not self._may_replace(member_id):
            return False
        try:
            people.import_identity(
                self.store, member_id, data, self.file_pass.text(), self.import_pass.text(), self.import_confirm.text(),
                Path(path).name,
            )
        except (PeopleError, StoreError) as exc:
            self._error(exc)
            self.file_pass.clear()
            return False
        self.file_edit.clear()
        self._done(member_id, self.tr("Certificat importé pour {name} ; sa clé est protégée par la nouvelle phrase secrète.").format(name=self._name(member_id)))
        return True
