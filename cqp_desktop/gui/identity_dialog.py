"""Each jury member's signing identity: enrolment with the Ucanss, or a PKCS#12 certificate.

Only a certificate the Ucanss issued (chaining to the root installed from its trust file) can sign. So
« create » makes the key here and saves a certificate request (.csr) for the Ucanss; the certificate it
returns is installed here. The table shows, per member, what the signing check will say (certifié(e)
jusqu'au…, demande envoyée, non certifié, expiré, révoqué) so nobody discovers it at the moment of signing.

The passphrase is read from the fields at the moment of the action, handed to `core.people` (which
encrypts the key with it) and the fields are cleared: it is never kept, in memory or on disk. Importing a
PKCS#12 retires the current identity (the store keeps it, past signatures stay verifiable) after a
confirmation; a new request leaves the current certificate in force until its successor is installed.

Open with `IdentityDialog(store, parent, member_id=None, start_folder=None)` then `.open()`;
`start_folder` is where file questions open (the export folder of the settings).

Signals:
    changed(int): the member whose signing identity was installed or replaced (not emitted for a request:
    nothing changes until the Ucanss's certificate is installed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
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
    QWidget,
)

from cqp_desktop.core.common import input_files
from cqp_desktop.core.common.formats import french_day, french_moment, person_name
from cqp_desktop.core.exchange.keys import MIN_PASSPHRASE
from cqp_desktop.core.model.kinds import role_label
from cqp_desktop.core.site import people, site_trust
from cqp_desktop.core.site.people import PeopleError
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.confirm import ask
from cqp_desktop.gui.style import (
    ERROR_CSS,
    NOTICE_CSS,
    OK_CSS,
    TEXT_BAD,
    TEXT_CAUTION,
    TEXT_GOOD,
    TEXT_HINT,
    text_colour_css,
)
from cqp_desktop.gui.ui_loader import Finder, dialog_body

MAX_CERTIFICATE_BYTES = 64 * 1024
STATE_MARKS = {"certified": "✔", "pending": "⌛"}


def _french_moment(iso_text: str) -> str:
    return french_moment(iso_text, at=" ")


def request_filename(first_name: str, last_name: str) -> str:
    """A file name the Ucanss can file without asking: demande-certificat-delorme-anne.csr."""
    import unicodedata

    text = unicodedata.normalize("NFKD", f"{last_name}-{first_name}").encode("ascii", "ignore").decode().lower()
    slug = "".join(c if c.isalnum() else "-" for c in text).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    return f"demande-certificat-{slug or 'membre'}.csr"


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


class IdentityDialog(QDialog):
    changed = Signal(int)

    def __init__(
        self, store: Store, parent: QWidget | None = None, member_id: int | None = None, start_folder: Path | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.start_folder = start_folder
        self.setWindowTitle(self.tr("Identités de signature"))
        form = dialog_body(self, "identity_dialog")
        find = Finder(form)
        find(QLabel, "helpLabel").setText(
            self.tr(
                "Pour signer un avis ou un paquet de session, chaque membre du jury a une clé sur ce poste, protégée par "
                "sa phrase secrète (au moins {n} caractères, jamais enregistrée : en cas d'oubli, refaites une demande), "
                "et un certificat délivré par l'Ucanss. 1. Créez la clé et la demande ; envoyez le fichier .csr à "
                "l'Ucanss. 2. Installez le certificat qu'elle renvoie. Il faut aussi le fichier de confiance de "
                "l'Ucanss (Fichier › Autorité de confiance Ucanss…)."
            ).format(n=MIN_PASSPHRASE)
        )
        self.table: QTableWidget = find(QTableWidget, "membersTable")
        self.member_label: QLabel = find(QLabel, "memberLabel")
        self.create_group: QGroupBox = find(QGroupBox, "createGroup")
        self.import_group: QGroupBox = find(QGroupBox, "importGroup")
        self.new_pass: QLineEdit = find(QLineEdit, "newPassEdit")
        self.new_confirm: QLineEdit = find(QLineEdit, "newConfirmEdit")
        self.create_button: QPushButton = find(QPushButton, "createButton")
        self.install_button: QPushButton = find(QPushButton, "installButton")
        self.resave_button: QPushButton = find(QPushButton, "resaveButton")
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
        self.install_button.clicked.connect(self.install_certificate)
        self.resave_button.clicked.connect(self.save_pending_request)
        self.import_button.clicked.connect(self.import_certificate)
        find(QPushButton, "browseButton").clicked.connect(self._browse)
        self.new_confirm.returnPressed.connect(self.create_key)
        self.import_confirm.returnPressed.connect(self.import_certificate)
        self.table.itemSelectionChanged.connect(self._selected)
        self.states: dict[int, people.IdentityState] = {}
        self.reload()
        if member_id is not None:
            self.select_member(member_id)
        elif self.table.rowCount():
            self.table.selectRow(0)
        self._selected()
        if site_trust.anchors(store).empty:
            self.message.setText(
                self.tr(
                    "Aucune autorité Ucanss n'est installée sur ce poste : installez d'abord son fichier de confiance "
                    "(Fichier › Autorité de confiance Ucanss…), sans quoi aucun certificat ne peut être installé ni "
                    "aucune signature faite."
                )
            )
            self.message.setStyleSheet(NOTICE_CSS)
        self.resize(1180, 680)  # fits 1280×720 with its title bar

    def _add_strength_hint(self, form: QWidget, form_name: str, edit: QLineEdit) -> None:
        """A line under the passphrase field that rates it while it is typed (people.passphrase_strength)."""
        layout = Finder(form)(QFormLayout, form_name)
        position: Any = layout.getWidgetPosition(edit)  # PySide6 types the (row, role) pair as object
        row: int = position[0]
        hint = QLabel(self)
        hint.setObjectName(f"{edit.objectName()}Strength")
        hint.setWordWrap(True)  # two groups side by side: an unwrapped hint would widen the dialog past 1280 px
        layout.insertRow(row + 1, "", hint)
        self.strength[edit] = hint
        colours = {0: TEXT_BAD, 1: TEXT_BAD, 2: TEXT_CAUTION, 3: TEXT_GOOD}

        def rate(text: str) -> None:
            score, advice = people.passphrase_strength(text)
            hint.setText(self.tr("Force : {advice}").format(advice=advice) if text else
                         self.tr("Au moins {n} caractères ; plusieurs mots valent mieux qu'un mot compliqué.").format(n=MIN_PASSPHRASE))
            hint.setStyleSheet(text_colour_css(colours[score] if text else TEXT_HINT))

        edit.textChanged.connect(rate)
        rate("")

    # -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        members = store_queries.member_list(self.store)
        headers = [self.tr("Membre du jury"), self.tr("Rôle"), self.tr("Certificat"), self.tr("Empreinte"), self.tr("Installé le")]
        self.table.blockSignals(True)
        selected = self.member_id()
        self.table.clearContents()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(members))
        self.states = {}  # one trust check per member and reload (~20 ms each), reused by _selected
        for r, m in enumerate(members):
            summary = people.identity_summary(self.store, m["id"])
            state = self.states[m["id"]] = people.identity_state(self.store, m["id"])
            values = [
                f"{person_name(m['first_name'], m['last_name'])} ({m['org']})", role_label(m["role"]),
                f"{STATE_MARKS.get(state.kind, '✘')} {state.label}",
            ]
            if summary is None:
                values += ["", ""]
            else:  # four bytes here, eight under the table, the whole certificate in the files
                values += [summary.short_fingerprint[:11] + "…", _french_moment(summary.created_at)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, m["id"])
                if c == 2:
                    item.setToolTip(state.label + "\n" + (state.problem or self.tr("Peut signer.")))
                    if not state.may_sign:
                        item.setForeground(QBrush(QColor(TEXT_BAD)))
                self.table.setItem(r, c, item)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
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
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == member_id:
                self.table.selectRow(r)
                return

    def _name(self, member_id: int) -> str:
        name = store_queries.member_name(self.store, member_id)
        return person_name(name.first_name, name.last_name) if name else ""

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
        state = self.states.get(member_id) or people.identity_state(self.store, member_id)
        name = _escape(self._name(member_id))
        if summary is None:
            text = self.tr("<b>{name}</b> n'a pas encore de certificat de signature sur ce poste.").format(name=name)
        else:
            text = self.tr(
                "<b>{name}</b> : certificat « {subject} », empreinte {fp}, {source}, installé le {date}, valable "
                "jusqu'au {until}."
            ).format(
                name=name, subject=_escape(summary.subject), fp=summary.short_fingerprint,
                source=self._source_text(summary.source), date=_french_moment(summary.created_at),
                until=french_day(summary.valid_until),
            )
        if state.may_sign:
            text += " " + self.tr("<b>Peut signer.</b>")
        else:
            text += " " + self.tr("<b>Ne peut pas signer</b> : {problem}.").format(problem=_escape(state.problem or ""))
        if state.pending:
            text += " " + self.tr(
                "Demande de certificat en attente : installez le certificat renvoyé par l'Ucanss (bouton 2)."
            )
        self.member_label.setText(text)
        self.resave_button.setEnabled(state.pending)
        self.create_group.setTitle(
            self.tr("Certificat de signature délivré par l'Ucanss pour {name}").format(name=self._name(member_id))
        )

    # -------------------------------------------------------------------------------------------
    # actions

    def confirm_replace(self, name: str) -> bool:
        """Ask before retiring an identity (a modal question: tests replace this method)."""
        return ask(
            self,
            self.tr("Remplacer l'identité de signature"),
            self.tr(
                "{name} a déjà une identité de signature. La remplacer la retire : les signatures déjà faites restent "
                "valables, mais les prochaines utiliseront la nouvelle clé. Continuer ?"
            ).format(name=name),
            self.tr("Remplacer"),
            icon=QMessageBox.Icon.Question,
        )

    def _may_replace(self, member_id: int) -> bool:
        if self.store.signing_identity(member_id) is None:
            return True
        return self.confirm_replace(self._name(member_id))

    def _clear_secrets(self) -> None:
        for edit in (self.new_pass, self.new_confirm, self.file_pass, self.import_pass, self.import_confirm):
            edit.clear()

    def _done(self, member_id: int, text: str) -> None:
        self._clear_secrets()
        self._refresh(member_id)
        self.message.setText(text)
        self.message.setStyleSheet(OK_CSS)
        self.changed.emit(member_id)

    def _error(self, exc: Exception) -> None:
        self._error_text(self.tr("Aucune identité enregistrée :"), exc)

    def _error_text(self, title: str, exc: Exception) -> None:
        problems = exc.problems if isinstance(exc, PeopleError) else [str(exc)]
        self.message.setText(title + "\n" + "\n".join(f"• {p}" for p in problems))
        self.message.setStyleSheet(ERROR_CSS)

    def _folder(self) -> str:
        if self.start_folder is not None and self.start_folder.is_dir():
            return str(self.start_folder)
        return str(Path.home())

    def ask_save_path(self, suggested: str) -> str:
        """The save-file question for the request (a modal dialog: tests replace this method)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer la demande de certificat"), str(Path(self._folder()) / suggested),
            self.tr("Demandes de certificat (*.csr);;Tous les fichiers (*)"),
        )
        return path

    def _save_request(self, member_id: int, request_pem: bytes) -> str | None:
        """Ask where and write the request: the path written, "" when the user cancelled, None when the
        file could not be written (the message says why)."""
        name = store_queries.member_name(self.store, member_id)
        assert name is not None
        path = self.ask_save_path(request_filename(name.first_name, name.last_name))
        if not path:
            return ""
        try:
            Path(path).write_bytes(request_pem)
        except OSError as exc:
            self._error_text(
                self.tr("Demande de certificat non enregistrée :"),
                PeopleError([self.tr("« {path} » : {error}. Choisissez un autre dossier (« Enregistrer à nouveau la demande en attente »).").format(
                    path=path, error=exc.strerror or exc)]),
            )
            return None
        return path

    def create_key(self) -> bool:
        """Make the member's key and certificate request, and save the request where the user says."""
        member_id = self.member_id()
        if member_id is None:
            return False
        problems = people.passphrase_problems(self.new_pass.text(), self.new_confirm.text())
        if problems:
            self._error_text(self.tr("Aucune demande créée :"), PeopleError(problems))
            self.new_confirm.clear()
            return False
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            request = people.create_identity(self.store, member_id, self.new_pass.text(), self.new_confirm.text())
        except (PeopleError, StoreError) as exc:
            self._error_text(self.tr("Aucune demande créée :"), exc)
            return False
        finally:
            self.unsetCursor()
        self._clear_secrets()
        self._refresh(member_id)
        path = self._save_request(member_id, request)
        if path == "":
            self._show_pending_not_saved(member_id)
        if not path:
            return False
        self._request_saved(member_id, path)
        return True

    def _show_pending_not_saved(self, member_id: int) -> None:
        self.message.setText(
            self.tr(
                "Clé et demande créées pour {name}, mais le fichier de la demande n'a pas été enregistré : "
                "bouton « Enregistrer à nouveau la demande en attente »."
            ).format(name=self._name(member_id))
        )
        self.message.setStyleSheet(ERROR_CSS)

    def _request_saved(self, member_id: int, path: str) -> None:
        self.message.setText(
            self.tr(
                "Demande de certificat de {name} enregistrée : {path}\nEnvoyez ce fichier à l'Ucanss, puis installez "
                "le certificat qu'elle renvoie (bouton 2). Retenez la phrase secrète : elle n'est enregistrée nulle part."
            ).format(name=self._name(member_id), path=path)
        )
        self.message.setStyleSheet(OK_CSS)

    def save_pending_request(self) -> bool:
        """Write the member's waiting request again (lost file, wrong folder): no new key."""
        member_id = self.member_id()
        if member_id is None:
            return False
        pending = site_trust.pending_request(self.store, member_id)
        if pending is None:
            return False
        path = self._save_request(member_id, bytes(pending["request_pem"]))
        if not path:
            return False
        self._request_saved(member_id, path)
        return True

    def ask_certificate_file(self) -> str:
        """The open-file question for the Ucanss's certificate (a modal dialog: tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificat délivré par l'Ucanss"), self._folder(),
            self.tr("Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)"),
        )
        return path

    def install_certificate(self) -> bool:
        """Install the certificate the Ucanss returned; the member it names is selected."""
        path = self.ask_certificate_file()
        if not path:
            return False
        title = self.tr("Certificat non installé :")
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_CERTIFICATE_BYTES + 1)
        except FileNotFoundError:
            self._error_text(title, PeopleError([self.tr("Fichier « {path} » introuvable.").format(path=path)]))
            return False
        except OSError as exc:
            self._error_text(title, PeopleError([self.tr("Fichier « {path} » illisible : {error}").format(path=path, error=exc.strerror or exc)]))
            return False
        if len(data) > MAX_CERTIFICATE_BYTES:
            self._error_text(title, PeopleError([self.tr("« {name} » : trop gros pour un certificat.").format(name=Path(path).name)]))
            return False
        try:
            member_id = site_trust.install_certificate(self.store, data, Path(path).name)
        except (site_trust.EnrolmentError, StoreError) as exc:
            self._error_text(title, exc)
            return False
        self._refresh(member_id)
        state = self.states.get(member_id) or people.identity_state(self.store, member_id)
        self.message.setText(
            self.tr("Certificat de l'Ucanss installé pour {name} : {state}.").format(name=self._name(member_id), state=state.label)
        )
        self.message.setStyleSheet(OK_CSS if state.may_sign else ERROR_CSS)
        self.changed.emit(member_id)
        return True

    def _refresh(self, member_id: int) -> None:
        self.reload()
        self.select_member(member_id)
        self._selected()

    def ask_file(self) -> str:
        """The open-file question (a modal dialog: tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificat PKCS#12"), self._folder(), self.tr("Certificats PKCS#12 (*.p12 *.pfx);;Tous les fichiers (*)")
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
        state = people.identity_state(self.store, member_id)
        self._done(
            member_id,
            self.tr("Certificat importé pour {name} ; sa clé est protégée par la nouvelle phrase secrète. {state}").format(
                name=self._name(member_id),
                    state=self.tr("Signature possible.") if state.may_sign
                else self.tr("Mais signature impossible : {problem}.").format(problem=state.problem),
            ),
        )
        if not state.may_sign:
            self.message.setStyleSheet(ERROR_CSS)
        return True
