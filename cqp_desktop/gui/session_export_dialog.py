"""Sending a session to Ucanss from the site: export the signed package, import Ucanss' acknowledgment,
then erase the candidates' names — the three steps `package export`, `ack import`, `ack purge` of the CLI.

Where the session stands comes from `core.acknowledgment.session_states`; each step is enabled only when
it makes sense and says why otherwise. The export (about a second for a session: the base checked, the key
unlocked, the package signed, written and checked again as the Ucanss will) runs on a worker thread with a
connection of its own (gui/worker.py), under a busy bar; it cannot be started twice. The passphrase is read at
the moment of the export and cleared; it is never kept.

Open with `SessionExportDialog(store, data_dir, parent)` then `.open()`.

Signals:
    changed(): a package was exported, an acknowledgment imported or names purged.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.common import input_files
from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.exchange.keys import KeyProblem
from cqp_desktop.core.exchange.package_format import PackageError
from cqp_desktop.core.exchange.ucanss_files import ACK_SUFFIX
from cqp_desktop.core.site.acknowledgment import (
    AckError,
    SessionState,
    export_blocker,
    import_acknowledgment,
    purge_blocker,
    purge_personal_data,
    session_states,
)
from cqp_desktop.core.site.package_export import PackageSigner, package_signers, session_epreuve_ids
from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui import file_dialogs
from cqp_desktop.gui.confirm import ask
from cqp_desktop.gui.screen_fit import scroll_body
from cqp_desktop.gui.style import BODY_CSS, ERROR_CSS, HINT_CSS, NOTICE_CSS, OK_CSS, PRIMARY_BUTTON_CSS, TITLE_CSS
from cqp_desktop.gui.ui_loader import Finder, load_form
from cqp_desktop.gui.worker import Worker, busy_bar

MAX_NAMES_SHOWN = 12


def _h(text: str) -> str:
    return html.escape(text, quote=False)


class SessionExportDialog(QDialog):
    changed = Signal()

    def __init__(self, store: Store, data_dir: Path, parent: QWidget | None = None, session_id: int | None = None):
        super().__init__(parent)
        self.store = store
        self.data_dir = Path(data_dir)
        self._signers: dict[int, PackageSigner] = {}  # who may sign the chosen session's package
        self.setWindowTitle(self.tr("Transmettre la session à l'Ucanss"))
        self.setStyleSheet(BODY_CSS)
        form = load_form("session_export_dialog", self)
        layout = QVBoxLayout(self)
        scroll_body(layout, form, form.findChild(QDialogButtonBox, "buttonBox"))  # a short screen scrolls
        find = Finder(self)
        find(QLabel, "titleLabel").setStyleSheet(TITLE_CSS)
        self.session_combo: QComboBox = find(QComboBox, "sessionCombo")
        self.state_label: QLabel = find(QLabel, "stateLabel")
        self.export_group: QGroupBox = find(QGroupBox, "exportGroup")
        self.president_combo: QComboBox = find(QComboBox, "presidentCombo")
        self.passphrase_edit: QLineEdit = find(QLineEdit, "passphraseEdit")
        self.encrypt_check: QCheckBox = find(QCheckBox, "encryptCheck")
        self.cert_edit: QLineEdit = find(QLineEdit, "certEdit")
        self.cert_button: QPushButton = find(QPushButton, "certButton")
        self.output_edit: QLineEdit = find(QLineEdit, "outputEdit")
        self.export_button: QPushButton = find(QPushButton, "exportButton")
        self.export_hint: QLabel = find(QLabel, "exportHintLabel")
        self.ack_group: QGroupBox = find(QGroupBox, "ackGroup")
        self.ack_edit: QLineEdit = find(QLineEdit, "ackEdit")
        self.import_ack_button: QPushButton = find(QPushButton, "importAckButton")
        self.purge_group: QGroupBox = find(QGroupBox, "purgeGroup")
        self.purge_info: QLabel = find(QLabel, "purgeInfoLabel")
        self.purge_button: QPushButton = find(QPushButton, "purgeButton")
        self.message: QLabel = find(QLabel, "messageLabel")
        self._add_results_row(form)
        self.worker = Worker(self, store)  # the export: off the GUI thread
        self.worker.progress.connect(self._export_step)
        self.worker.finished.connect(self._export_ended)
        self.worker.failed.connect(self._export_failed)
        self._exported: list[object] = []
        self.busy_bar = busy_bar()
        from PySide6.QtWidgets import QFormLayout

        export_form = find(QFormLayout, "exportForm")  # under the export button, where the signer is looking
        position = export_form.getWidgetPosition(self.export_button)  # (row, role)
        export_form.insertRow(int(position[0]) + 1, "", self.busy_bar)  # type: ignore[index]  # PySide6 types it `object`
        buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        for button in form.findChildren(QPushButton):  # Enter never closes the dialog nor fires another step
            button.setAutoDefault(False)
            button.setDefault(False)
        self.export_button.setStyleSheet(PRIMARY_BUTTON_CSS)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.passphrase_edit.setPlaceholderText(self.tr("celle du/de la président(e) choisi(e)"))
        self.cert_edit.setPlaceholderText(self.tr("certificat de chiffrement fourni par l'Ucanss (.pem)"))
        self.ack_edit.setPlaceholderText(self.tr("fichier renvoyé par l'Ucanss, par ex. session-2026-12-….ack.json"))
        self.output_edit.setText(str(self._default_output()))

        self.session_combo.currentIndexChanged.connect(self.update_state)
        self.president_combo.currentIndexChanged.connect(self._update_buttons)
        self.passphrase_edit.textChanged.connect(self._update_buttons)
        self.passphrase_edit.returnPressed.connect(self.export)
        self.encrypt_check.toggled.connect(self._update_buttons)
        self.cert_edit.textChanged.connect(self._update_buttons)
        self.ack_edit.textChanged.connect(self._update_buttons)
        self.cert_button.clicked.connect(self._browse_cert)
        find(QPushButton, "outputButton").clicked.connect(self._browse_output)
        find(QPushButton, "ackButton").clicked.connect(self._browse_ack)
        self.export_button.clicked.connect(self.export)
        self.import_ack_button.clicked.connect(self.import_ack)
        self.purge_button.clicked.connect(self.purge)

        self.reload(session_id)
        self.resize(1000, 780)

    # -------------------------------------------------------------------------------------------
    # reading

    def _default_output(self) -> Path:
        try:
            return settings_mod.load(self.data_dir).export_dir
        except settings_mod.SettingsError:
            return Path.home()

    def reload(self, session_id: int | None = None) -> None:
        keep = session_id if session_id is not None else self.session_id()
        self.states: dict[int, SessionState] = {s.id: s for s in session_states(self.store)}
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for s in self.states.values():
            self.session_combo.addItem(f"{s.label} ({s.month}) — {s.state}", s.id)
        if keep is not None and self.session_combo.findData(keep) >= 0:
            self.session_combo.setCurrentIndex(self.session_combo.findData(keep))
        else:  # the first session still to send, else the latest
            pending = [i for i, s in enumerate(self.states.values()) if s.acknowledged_revision != s.revision]
            self.session_combo.setCurrentIndex(pending[0] if pending else self.session_combo.count() - 1)
        self.session_combo.blockSignals(False)
        self.update_state()

    def session_id(self) -> int | None:
        data = self.session_combo.currentData()
        return int(data) if data is not None else None

    def state(self) -> SessionState | None:
        sid = self.session_id()
        return self.states.get(sid) if sid is not None else None

    def presidents(self, session_id: int) -> list[tuple[int, str, bool]]:
        """(id, name, may sign) of who may sign the session's package (core/site/package_export.py's rule)."""
        self._signers = {s.member_id: s for s in package_signers(self.store, session_id)}
        return [(s.member_id, s.name, s.problem is None) for s in self._signers.values()]

    def update_state(self) -> None:
        s = self.state()
        self.president_combo.blockSignals(True)
        self.president_combo.clear()
        if s is None:
            self.state_label.setText(self.tr("Aucune session sur ce poste."))
            self.state_label.setStyleSheet(NOTICE_CSS)
        else:
            # the revision numbers are internal counters: say what they mean instead
            if s.exported_revision is None:
                exported = self.tr("aucun")
            elif s.exported_revision == s.revision:
                exported = self.tr("à jour")
            else:
                exported = self.tr("données modifiées depuis : exportez à nouveau")
            if s.acknowledged_revision is None:
                acknowledged = self.tr("pas encore reçu")
            elif s.acknowledged_revision == s.revision:
                acknowledged = self.tr("reçu pour le dernier paquet")
            else:
                acknowledged = self.tr("reçu pour un paquet antérieur")
            self.state_label.setText(
                self.tr(
                    "État : <b>{state}</b><br>{signed} avis signé(s) sur {total} épreuve(s) certifiante(s) · "
                    "dernier paquet exporté : {exported} · accusé de l'Ucanss : {ack}"
                ).format(state=_h(s.state), signed=s.signed, total=s.epreuves, exported=exported, ack=acknowledged)
            )
            self.state_label.setStyleSheet(OK_CSS if s.acknowledged_revision == s.revision and s.epreuves else NOTICE_CSS)
            for member_id, name, ready in self.presidents(s.id):
                label = name if ready else self.tr("{name} (pas d'identité de signature : menu Jury)").format(name=name)
                self.president_combo.addItem(label, member_id)
        self.president_combo.blockSignals(False)
        orphans = self.epreuves_outside_sessions()
        if orphans:
            self.state_label.setText(
                self.state_label.text()
                + "<br>"
                + self.tr(
                    "<b>Attention :</b> {n} épreuve(s) de certification ne sont rattachées à aucune session : elles ne "
                    "peuvent pas être transmises à l'Ucanss."
                ).format(n=orphans)
            )
            self.state_label.setStyleSheet(NOTICE_CSS)
        self._update_buttons()

    def epreuves_outside_sessions(self) -> int:
        """Certifying épreuves planned without a session: no package can carry them (said, never silent)."""
        return store_queries.certifying_epreuves_outside_sessions(self.store)

    def export_blocker(self) -> str:
        """Why the export is disabled, in French ('' when it may run)."""
        blocker = export_blocker(self.state())
        if blocker:
            return blocker
        member = self.president_combo.currentData()
        if member is None:
            return self.tr("Aucun(e) président(e) pour signer le paquet.")
        signer = self._signers.get(member)
        if signer is not None and signer.problem is not None:
            return self.tr("Le/la président(e) choisi(e) ne peut pas signer : {problem} (menu Jury › Identités de signature).").format(
                problem=signer.problem)
        if self.encrypt_check.isChecked() and not self.cert_edit.text().strip():
            return self.tr("Choisissez le certificat de chiffrement de l'Ucanss, ou décochez le chiffrement.")
        if not self.passphrase_edit.text():
            return self.tr("Saisissez la phrase secrète du/de la président(e).")
        return ""

    def purge_blocker(self) -> str:
        return purge_blocker(self.state())

    def _update_buttons(self) -> None:
        blocker = self.export_blocker()
        if self.worker.running:
            blocker = self.tr("Export en cours : contrôle de la base, signature, écriture et vérification du paquet…")
        self.busy_bar.setVisible(self.worker.running)
        self.export_button.setEnabled(not blocker)
        self.export_button.setToolTip(blocker)
        self.export_hint.setText(blocker)
        self.export_hint.setStyleSheet(HINT_CSS)
        self.cert_edit.setEnabled(self.encrypt_check.isChecked())
        self.cert_button.setEnabled(self.encrypt_check.isChecked())
        self.import_ack_button.setEnabled(bool(self.ack_edit.text().strip()) and not self.worker.running)
        self.import_results_button.setEnabled(not self.worker.running)
        purge = self.purge_blocker()
        self.purge_button.setEnabled(not purge and not self.worker.running)
        self.purge_info.setText(
            purge
            or self.tr(
                "L'Ucanss détient la session : les noms et prénoms de ses candidats peuvent être effacés de ce poste. "
                "Identifiants, décisions, avis signés et résultats sont conservés."
            )
        )
        self.purge_info.setStyleSheet("" if purge else OK_CSS)

    # -------------------------------------------------------------------------------------------
    # file questions (modal dialogs: tests replace these methods)

    def ask_open(self, title: str, filters: str) -> str:
        return file_dialogs.open_file(self, title, self._default_output(), filters)

    def ask_folder(self) -> str:
        return file_dialogs.choose_folder(self, self.tr("Dossier d'export"), Path(self.output_edit.text() or self._default_output()))

    def confirm_purge(self, text: str) -> bool:
        """Ask before erasing names (a modal question: tests replace this method)."""
        return ask(self, self.tr("Effacer les données personnelles"), text, self.tr("Effacer les noms"),
                   role=QMessageBox.ButtonRole.DestructiveRole)

    def _browse_cert(self) -> None:
        path = self.ask_open(self.tr("Certificat de l'Ucanss"), self.tr("Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)"))
        if path:
            self.cert_edit.setText(path)

    def _browse_output(self) -> None:
        path = self.ask_folder()
        if path:
            self.output_edit.setText(path)

    def _browse_ack(self) -> None:
        path = self.ask_open(self.tr("Accusé de réception de l'Ucanss"), self.tr("Accusés (*{suffix});;Tous les fichiers (*)").format(suffix=ACK_SUFFIX))
        if path:
            self.ack_edit.setText(path)

    # -------------------------------------------------------------------------------------------
    # actions

    def _show(self, text: str, css: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(css)

    def _error(self, text: str) -> None:
        self._show(_h(text).replace("\n", "<br>"), ERROR_CSS)

    def _read(self, path_text: str, what: str) -> bytes | None:
        """Read safely (core/common/input_files.py: regular file, size limit, never waits on a FIFO)."""
        path = Path(path_text.strip()).expanduser()
        kind = "acknowledgment" if what.startswith(self.tr("Accusé")) else "key"
        try:
            data = input_files.read_bytes(path, kind, what)
            if kind == "acknowledgment":
                input_files.check_json_bytes(data, str(path), what)
            return data
        except input_files.InputError as exc:
            self._error(str(exc))
        return None

    def _destination(self) -> Path | None:
        """The folder (or file) to write; the default export folder is created when missing."""
        text = self.output_edit.text().strip()
        if not text:
            self._error(self.tr("Dossier d'export : indiquez où écrire le paquet."))
            return None
        path = Path(text).expanduser()
        if not path.exists() and path == self._default_output():
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._error(self.tr("Dossier d'export « {path} » impossible à créer : {error}").format(path=path, error=exc.strerror or exc))
                return None
        if not path.is_dir() and not path.parent.is_dir():
            self._error(self.tr("Dossier d'export « {path} » introuvable.").format(path=path))
            return None
        return path

    def export(self) -> bool:
        """Start the export on a worker thread; False when it cannot start (the reason is shown). The result,
        or the refusal, is shown when the worker ends; `changed` is emitted once the package is written."""
        if self.worker.running:
            return False
        blocker = self.export_blocker()
        if blocker:
            self._error(blocker)
            return False
        s = self.state()
        assert s is not None
        encrypt_to = None
        if self.encrypt_check.isChecked():
            encrypt_to = self._read(self.cert_edit.text(), self.tr("Certificat de l'Ucanss"))
            if encrypt_to is None:
                return False
        destination = self._destination()
        if destination is None:
            return False
        passphrase, president = self.passphrase_edit.text(), self.president_combo.currentData()
        self.passphrase_edit.clear()
        data_dir, session_id = self.data_dir, s.id

        def work(own: Store) -> Iterator[object]:  # on the worker thread
            from cqp_desktop.core.site.package_export import export_package
            from cqp_desktop.core.storage.backup import try_backup

            yield export_package(own, session_id, president, passphrase, destination, encrypt_to=encrypt_to)
            yield try_backup(own, "export", data_dir)

        self._exported = []
        self._show("", "")
        started = self.worker.start_on_base(work, self._describe_failure)
        self._update_buttons()
        return started

    def _describe_failure(self, exc: BaseException) -> str:
        if isinstance(exc, (PackageError, KeyProblem, StoreError)):
            return self.tr("Paquet non exporté : {error}").format(error=exc)
        return self.tr("Paquet non exporté, export interrompu : {error}").format(error=exc)

    def _export_step(self, item: object) -> None:
        self._exported.append(item)

    def _export_failed(self, message: str) -> None:
        if self._exported:  # the package was written and journalled; only what came after failed
            self._export_ended(problem=message)
            return
        self._update_buttons()
        self._error(message)

    def _export_ended(self, problem: str | None = None) -> None:
        """The worker ended (its journal entry anchored by this window's store): say what was written."""
        from cqp_desktop.core.site.package_export import ExportResult

        steps, self._exported = self._exported, []
        result = steps[0] if steps else None
        if not isinstance(result, ExportResult):
            self._update_buttons()
            return
        backup = steps[1] if len(steps) > 1 else problem
        lines = [
            self.tr("<b>Paquet écrit :</b> {path}").format(path=_h(str(result.path))),
            self.tr("Révision {rev}, {c} candidat(s), {e} épreuve(s), {kb} Ko{enc}.").format(
                rev=result.revision, c=result.candidates, e=result.epreuves, kb=max(1, result.size // 1024),
                enc=self.tr(", chiffré pour l'Ucanss") if result.encrypted else "",
            ),
            self.tr("Empreinte du manifeste : {digest}").format(digest=result.manifest_sha256[:16] + "…"),
            self.tr("Remettez ce fichier à l'Ucanss, puis importez ici l'accusé de réception qu'elle renverra."),
        ]
        if isinstance(backup, str):
            lines.append(self.tr("Attention : sauvegarde après export impossible : {error}").format(error=_h(backup)))
        self.reload(self.session_id())
        self._show("<br>".join(lines), OK_CSS)
        self.changed.emit()

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        """An export under way ends before the dialog closes (it is written and journalled whole, or not at all)."""
        if self.worker.running:
            self.worker.stop()
        super().done(result)

    def _add_results_row(self, form: QWidget) -> None:
        """The proclaimed results come back the way acknowledgments do: one more row in that step."""
        from PySide6.QtWidgets import QFormLayout, QHBoxLayout

        ack_form = Finder(form)(QFormLayout, "ackForm")
        self.results_edit = QLineEdit()
        self.results_edit.setPlaceholderText(self.tr("résultats proclamés par le jury paritaire national (.resultats.json)"))
        browse = QPushButton(self.tr("Parcourir…"))
        self.import_results_button = QPushButton(self.tr("Importer les &résultats proclamés"))
        for button in (browse, self.import_results_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.results_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.import_results_button)
        ack_form.addRow(self.tr("Résultats :"), row)
        browse.clicked.connect(self._browse_results)
        self.import_results_button.clicked.connect(self.import_results)

    def _browse_results(self) -> None:
        from cqp_desktop.core.exchange.ucanss_files import RESULTS_SUFFIX

        path = self.ask_open(self.tr("Résultats du jury paritaire national"), self.tr("Résultats (*{suffix});;Tous les fichiers (*)").format(suffix=RESULTS_SUFFIX))
        if path:
            self.results_edit.setText(path)

    def import_results(self) -> bool:
        """The Ucanss's signed results file: the proclaimed CQP and CCP appear in the candidates' dossiers."""
        from cqp_desktop.core.site.results import ResultsError, import_results

        text = self.results_edit.text().strip()
        if not text:
            self._error(self.tr("Résultats : choisissez le fichier renvoyé par l'Ucanss."))
            return False
        raw = self._read(text, self.tr("Fichier de résultats"))
        if raw is None:
            return False
        try:
            result = import_results(self.store, raw, source=Path(text).name)
        except (ResultsError, StoreError) as exc:
            self._error(self.tr("Résultats refusés : {error}").format(error=exc))
            return False
        done = self.tr("déjà enregistrés") if result.already else self.tr("enregistrés")
        self.results_edit.clear()
        self._show(
            self.tr("Résultats du jury paritaire national du {day} {done} (signés par {who}) : {n} candidat(s), "
                    "{cqp} CQP et {ccp} CCP délivrés ; les dossiers les affichent.").format(
                day=_h(result.jury_date), done=done, who=_h(result.signed_by), n=result.candidates, cqp=result.cqp, ccp=result.ccp),
            OK_CSS,
        )
        self.changed.emit()
        return True

    def import_ack(self) -> bool:
        text = self.ack_edit.text().strip()
        if not text:
            self._error(self.tr("Accusé : choisissez le fichier renvoyé par l'Ucanss."))
            return False
        raw = self._read(text, self.tr("Accusé de réception"))
        if raw is None:
            return False
        try:
            result = import_acknowledgment(self.store, raw, source=Path(text).name)
        except (AckError, StoreError) as exc:
            self._error(self.tr("Accusé refusé : {error}").format(error=exc))
            return False
        self.reload(result.session_id)
        signer = (
            self.tr("signé par {who}").format(who=_h(result.signed_by)) if result.signed_by else self.tr("non signé")
        )
        done = self.tr("déjà enregistré") if result.already else self.tr("enregistré")
        text = self.tr("Accusé {done} pour la session « {label} », révision {rev} ({signer}).").format(
            done=done, label=_h(result.session_label), rev=result.revision, signer=signer
        )
        if result.synchronised:
            text += "<br>" + self.tr("La session est synchronisée : les données personnelles peuvent être effacées (étape 3).")
            css = OK_CSS
        else:
            text += "<br>" + self.tr("Attention : la session a changé depuis ce paquet ; exportez-la de nouveau avant toute purge.")
            css = NOTICE_CSS
        self.ack_edit.clear()
        self._show(text, css)
        self.changed.emit()
        return True

    def purge_text(self, s: SessionState) -> str:
        """The confirmation: what will be erased, by name, and what stays."""
        ids = session_epreuve_ids(self.store, s.id)
        names = [person_name(n.first_name, n.last_name) for n in store_queries.unpurged_names_of_epreuves(self.store, ids)]
        shown = ", ".join(names[:MAX_NAMES_SHOWN]) + (
            self.tr(" et {n} autre(s)").format(n=len(names) - MAX_NAMES_SHOWN) if len(names) > MAX_NAMES_SHOWN else ""
        )
        return self.tr(
            "Les noms et prénoms de {n} candidat(s) de la session « {label} » seront effacés définitivement de ce poste : "
            "{names}.\n\nSont conservés : identifiants, décisions, notes, avis signés et résultats (l'Ucanss a déjà tout reçu). "
            "Un candidat qui passe aussi une session pas encore synchronisée garde son nom jusque-là.\n\nEffacer maintenant ?"
        ).format(n=len(names), label=s.label, names=shown)

    def purge(self) -> bool:
        s = self.state()
        blocker = self.purge_blocker()
        if s is None or blocker:
            self._error(blocker)
            return False
        if not self.confirm_purge(self.purge_text(s)):
            self._show(self.tr("Purge annulée : rien n'a été effacé."), NOTICE_CSS)
            return False
        try:
            purged = purge_personal_data(self.store, s.id)
        except (AckError, StoreError) as exc:
            self._error(str(exc))
            return False
        self.reload(s.id)
        self._show(
            self.tr("Noms effacés pour {n} candidat(s) de la session « {label} » : noms, identifiants, notes et comptes "
                    "rendus effacés, sauvegardes antérieures remplacées ; décisions et résultats conservés.").format(
                n=len(purged), label=_h(s.label)
            ),
            OK_CSS,
        )
        self.changed.emit()
        return True

    def focus_acknowledgment(self) -> None:
        """Opened from « Importer l'accusé de réception Ucanss… »: step 2 first."""
        self.ack_edit.setFocus()
