"""Install the Ucanss's trust file: the root every signing certificate must chain to, its revocation list,
the référentiels it published.

A chosen file is read and checked first (`trust.read_bundle`: signed by its own root) and described —
the root's name and SHA-256 fingerprint, to compare with the one the Ucanss announced by another channel,
the revocation list's number and date, the référentiels — with what installing it would do. A first root,
or a root other than the installed one, is installed only after an explicit confirmation; the rest
(an update from the installed root, an older list refused) is `site_trust.install_bundle`'s decision.

Open with `TrustDialog(store, parent, start_folder=None)` then `.open()`; `load_file(path)` does what
« Choisir le fichier… » does after the file dialog.

Signals:
    installed(str): the fingerprint of the root whose trust file was installed.
"""

from __future__ import annotations

import html
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.exchange import keys, trust
from cqp_desktop.core.site import site_trust
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.confirm import ask
from cqp_desktop.gui.style import ERROR_CSS, NOTICE_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body

MAX_BUNDLE_BYTES = 4 * 1024 * 1024  # as `trust import` reads it


def grouped_fingerprint(fingerprint: str) -> str:
    """The 64 hex digits in groups of four: the same digits as announced, easier to compare by eye."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


def crl_number(crl: x509.CertificateRevocationList) -> int:
    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except x509.ExtensionNotFound:
        return 0


class TrustDialog(QDialog):
    installed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None, start_folder: Path | None = None):
        super().__init__(parent)
        self.store = store
        self.start_folder = start_folder
        self.raw: bytes | None = None  # exactly the bytes checked and described: those are installed
        self.bundle: trust.Bundle | None = None
        self.source = ""
        self.setWindowTitle(self.tr("Autorité de confiance Ucanss"))
        form = dialog_body(self, "trust_dialog")
        find = Finder(form)
        find(QLabel, "helpLabel").setText(
            self.tr(
                "L'Ucanss certifie qui peut signer : seul un membre du jury dont le certificat a été délivré par son "
                "autorité peut signer un avis ou un paquet de session. Son fichier de confiance (.json) apporte le "
                "certificat racine de cette autorité, la liste des certificats révoqués et les référentiels publiés. "
                "À la première installation, comparez l'empreinte affichée avec celle que l'Ucanss vous a "
                "communiquée par un autre moyen (courrier, téléphone) : si un seul caractère diffère, n'installez pas. "
                "Installez ensuite chaque nouveau fichier qu'elle publie (révocations, référentiels)."
            )
        )
        self.installed_label: QLabel = find(QLabel, "installedLabel")
        self.file_label: QLabel = find(QLabel, "fileLabel")
        self.file_info: QLabel = find(QLabel, "fileInfoLabel")
        self.message: QLabel = find(QLabel, "messageLabel")
        self.install_button: QPushButton = find(QPushButton, "installButton")
        self.choose_button: QPushButton = find(QPushButton, "chooseButton")
        buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        for button in form.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        self.install_button.clicked.connect(self.install)
        self.install_button.setEnabled(False)
        self.refresh()
        self.resize(920, 600)

    # -------------------------------------------------------------------------------------------
    # reading

    def refresh(self) -> None:
        """Describe what this site trusts now."""
        anchors = site_trust.anchors(self.store)
        if anchors.empty:
            self.installed_label.setText(
                self.tr("<b>Aucune autorité installée</b> : personne ne peut signer sur ce poste tant que le fichier "
                        "de confiance de l'Ucanss n'est pas installé.")
            )
            self.installed_label.setStyleSheet(NOTICE_CSS)
            return
        parts = []
        for root, crl in zip(anchors.roots, anchors.crls):
            fp = keys.fingerprint(root)
            installed = store_queries.trust_bundle_installed_at(self.store, fp)
            parts.append(
                self.tr(
                    "<b>{name}</b><br>empreinte SHA-256 : <tt>{fp}</tt><br>liste de révocation n° {number} du {date} "
                    "({revoked} certificat(s) révoqué(s)) ; fichier installé le {installed}"
                ).format(
                    name=html.escape(keys.subject_name(root)), fp=grouped_fingerprint(fp), number=crl_number(crl),
                    date=french_day(crl.last_update_utc), revoked=len(list(crl)),
                    installed=french_day(installed, "?"),
                )
            )
        parts.append(self.tr("{n} référentiel(s) publié(s) par l'Ucanss.").format(n=len(anchors.referentiels)))
        self.installed_label.setText("<br><br>".join(parts))
        self.installed_label.setStyleSheet("")

    def ask_file(self) -> str:
        """The open-file question (a modal dialog: tests replace this method)."""
        folder = self.start_folder if self.start_folder is not None and self.start_folder.is_dir() else Path.home()
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Fichier de confiance de l'Ucanss"), str(folder),
            self.tr("Fichiers de confiance (*.json);;Tous les fichiers (*)"),
        )
        return path

    def _choose(self) -> None:
        path = self.ask_file()
        if path:
            self.load_file(path)

    def _forget(self) -> None:
        self.raw, self.bundle, self.source = None, None, ""
        self.install_button.setEnabled(False)

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_CSS)

    def load_file(self, path: str) -> bool:
        """Read and check the file, then describe it; nothing is installed yet."""
        self._forget()
        self.file_info.clear()
        self.message.clear()
        self.message.setStyleSheet("")
        name = Path(path).name
        self.file_label.setText(name)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BUNDLE_BYTES + 1)
        except FileNotFoundError:
            self._fail(self.tr("Fichier « {path} » introuvable.").format(path=path))
            return False
        except OSError as exc:
            self._fail(self.tr("Fichier « {path} » illisible : {error}").format(path=path, error=exc.strerror or exc))
            return False
        if len(raw) > MAX_BUNDLE_BYTES:
            self._fail(self.tr("« {name} » : trop gros pour un fichier de confiance.").format(name=name))
            return False
        try:
            bundle = trust.read_bundle(raw, name)
        except trust.TrustProblem as exc:
            self._fail(self.tr("Fichier refusé : {problem}").format(problem=exc))
            return False
        self.raw, self.bundle, self.source = raw, bundle, name
        self.file_info.setText(self._describe(bundle))
        self.install_button.setEnabled(self.kind() != "older")
        return True

    def kind(self) -> str:
        """What installing the chosen file would be: 'first' | 'other' | 'update' | 'same' | 'older'."""
        assert self.bundle is not None
        anchors = site_trust.anchors(self.store)
        installed = {keys.fingerprint(root): crl for root, crl in zip(anchors.roots, anchors.crls)}
        if not installed:
            return "first"
        current = installed.get(self.bundle.root_fingerprint)
        if current is None:
            return "other"
        number = crl_number(current)
        if self.bundle.crl_number < number:
            return "older"
        if self.bundle.crl.public_bytes(Encoding.DER) == current.public_bytes(Encoding.DER):
            return "same"  # each publication issues a new list: the same list is the same file
        return "update"

    def _describe(self, bundle: trust.Bundle) -> str:
        kind = self.kind()
        verdicts = {
            "first": self.tr("<b>Première autorité de ce poste.</b> Comparez l'empreinte ci-dessus avec celle annoncée "
                             "par l'Ucanss avant d'installer."),
            "other": self.tr("<b>Attention : autorité différente de celle installée sur ce poste.</b> N'installez que si "
                             "l'Ucanss a annoncé une nouvelle autorité avec cette empreinte."),
            "update": self.tr("Mise à jour de l'autorité installée (même racine)."),
            "same": self.tr("Ce fichier de confiance est déjà installé."),
            "older": self.tr("<b>Plus ancien que celui installé</b> : il ne peut pas le remplacer."),
        }
        return self.tr(
            "Autorité : <b>{name}</b><br>empreinte SHA-256 : <tt>{fp}</tt><br>liste de révocation n° {number} du {date} "
            "({revoked} certificat(s) révoqué(s)) ; {refs} référentiel(s) publié(s)<br>{verdict}"
        ).format(
            name=html.escape(keys.subject_name(bundle.root)), fp=grouped_fingerprint(bundle.root_fingerprint),
            number=bundle.crl_number, date=french_day(bundle.crl.last_update_utc), revoked=len(list(bundle.crl)),
            refs=len(bundle.referentiels), verdict=verdicts[kind],
        )

    # -------------------------------------------------------------------------------------------
    # installing

    def confirm_root(self, name: str, fingerprint: str, first: bool) -> bool:
        """Ask before trusting a root (a modal question: tests replace this method)."""
        text = (
            self.tr("Installer l'autorité « {name} » comme autorité de confiance de ce poste ?")
            if first
            else self.tr(
                "Ce fichier vient d'une autorité DIFFÉRENTE de celle installée. Installer aussi « {name} » comme "
                "autorité de confiance ?"
            )
        ).format(name=name)
        return ask(
            self, self.tr("Autorité de confiance Ucanss"), text, self.tr("Les empreintes sont identiques : installer"),
            icon=QMessageBox.Icon.Warning if not first else QMessageBox.Icon.Question,
            details=self.tr("Empreinte SHA-256 :\n{fp}\n\nElle doit être identique, caractère par caractère, à celle que "
                            "l'Ucanss vous a communiquée.").format(fp=grouped_fingerprint(fingerprint)),
        )

    def install(self) -> bool:
        if self.bundle is None or self.raw is None:
            self._fail(self.tr("Choisissez d'abord le fichier de confiance reçu de l'Ucanss."))
            return False
        kind = self.kind()
        name = keys.subject_name(self.bundle.root)
        if kind in ("first", "other") and not self.confirm_root(name, self.bundle.root_fingerprint, kind == "first"):
            self._fail(
                self.tr("Rien n'a été installé.")
                if kind == "first"
                else self.tr("Refusé : « {source} » vient d'une autre autorité (« {name} ») que celle installée sur ce "
                             "poste ; rien n'a été installé.").format(source=self.source, name=name)
            )
            return False
        try:
            done = site_trust.install_bundle(self.store, self.raw, self.source, new_root=kind == "other")
        except (site_trust.EnrolmentError, StoreError) as exc:
            self._fail(self.tr("Fichier refusé : {problem}").format(problem=exc))
            return False
        self._forget()
        self.file_info.clear()
        self.refresh()
        if done.already:
            text = self.tr("Ce fichier de confiance était déjà installé ; rien n'a changé.")
        else:
            text = self.tr(
                "{what} : {name} ; liste de révocation n° {number} ; {refs} référentiel(s) publié(s)."
            ).format(
                what=self.tr("Autorité installée") if done.new_root else self.tr("Autorité mise à jour"),
                name=done.root_name, number=done.crl_number, refs=done.referentiels,
            )
        self.message.setText(text)
        self.message.setStyleSheet(OK_CSS)
        self.installed.emit(done.root_fingerprint)
        return True
