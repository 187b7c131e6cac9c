"""Import an official référentiel file, see what it changes, and activate it for new épreuves only.

The file is validated by `referentiel_check.check_data()` (defects and undeclared departures from the
founding letter listed here in French), compared
with the active one by `referentiel_diff.diff()`, and activated with `store.register_referentiel(...,
activate=True)`. Épreuves already planned keep the référentiel they were planned with (by hash).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.referentiel import Referentiel, ReferentielError, canonical_data
from cqp_desktop.core.model.referentiel_check import check_data
from cqp_desktop.core.model.referentiel_diff import Change, Kind, ReferentielDiff, Scope, diff
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui import file_dialogs
from cqp_desktop.gui.confirm import ask
from cqp_desktop.gui.style import BASE_CSS, ERROR_CSS, NOTICE_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body

KIND_MARK = {Kind.ADDED: "+", Kind.REMOVED: "−", Kind.CHANGED: "~"}
SINGLE_SCOPES = {Scope.REFERENTIEL, Scope.THRESHOLD, Scope.VAE}  # one item each: show the field changed


class ReferentielDialog(QDialog):
    """Open with `open()`; `load_file(path)` does what « Choisir un fichier… » does after the file dialog.

    Signals:
        activated(object): the `Referentiel` now active for new épreuves.
    """

    activated = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.store = store
        self.today = today or dt.date.today()
        self.candidate: Referentiel | None = None
        self.candidate_content: dict[str, Any] | None = None  # exactly what was validated and compared
        self.changes: ReferentielDiff | None = None
        self.setWindowTitle(self.tr("Référentiel"))
        form = dialog_body(self, "referentiel_dialog", css=BASE_CSS)
        find = Finder(form)
        self.current: QLabel = find(QLabel, "currentLabel")
        self.file: QLabel = find(QLabel, "fileLabel")
        self.status: QLabel = find(QLabel, "statusLabel")
        self.tree: QTreeWidget = find(QTreeWidget, "changesTree")
        self.effect: QLabel = find(QLabel, "effectLabel")
        self.choose_button: QPushButton = find(QPushButton, "chooseButton")
        buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        buttons.rejected.connect(self.reject)
        self.activate_button = buttons.addButton(
            self.tr("&Activer pour les nouvelles épreuves"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.activate_button.setEnabled(False)
        self.activate_button.clicked.connect(self.activate)
        self.choose_button.clicked.connect(self.choose_file)
        self.tree.setHeaderLabels([self.tr("Élément"), self.tr("Changement")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setEnabled(False)
        self.status.hide()
        self.show_current()
        self.resize(1000, 680)

    # ---------------------------------------------------------------------------------------------

    def active(self) -> Referentiel | None:
        return self.store.active_referentiel()

    def _pending_epreuves(self) -> int:
        return store_queries.open_epreuve_count(self.store)

    def show_current(self) -> None:
        ref = self.active()
        if ref is None:
            self.current.setText(self.tr("Aucun référentiel actif."))
            return
        status = self.tr("critères indicatifs") if ref.indicative else self.tr("critères officiels")
        self.current.setText(
            self.tr("Référentiel actif : {title}\nversion {version} ({status}), valable du {start} au {end}").format(
                title=ref.title,
                version=ref.version,
                status=status,
                start=french_day(ref.valid_from),
                end=french_day(ref.valid_until),
            )
        )
        self.effect.setText(
            self.tr(
                "Un nouveau référentiel ne vaut que pour les épreuves planifiées après son activation. Les "
                "{count} épreuve(s) déjà planifiée(s) et non signée(s) gardent le référentiel avec lequel elles "
                "ont été planifiées ; une épreuve en cours n'est jamais modifiée."
            ).format(count=self._pending_epreuves())
        )

    def _show(self, text: str, css: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(css)
        self.status.show()

    def choose_file(self) -> bool:
        path = file_dialogs.open_file(
            self,
            self.tr("Choisir un fichier de référentiel"),
            file_dialogs.export_folder(file_dialogs.data_dir_of(self.store)),
            self.tr("Référentiels (*.toml *.json);;Tous les fichiers (*)"),
        )
        return self.load_file(Path(path)) if path else False

    def load_file(self, path: Path) -> bool:
        """Validate the file and show its differences; True when it could be activated."""
        self.candidate = self.candidate_content = self.changes = None
        self.activate_button.setEnabled(False)
        self.tree.clear()
        self.tree.setEnabled(False)
        self.file.setText(str(path))
        try:
            content = canonical_data(path)
            report = check_data(content, path)
            if not report.ok:
                raise report.error()
            new = report.referentiel
        except ReferentielError as exc:
            self._show(
                self.tr("Ce fichier ne peut pas être utilisé :") + "\n" + "\n".join(f"• {p}" for p in exc.problems),
                ERROR_CSS,
            )
            return False
        active = self.active()
        if active is not None and active.content_hash == new.content_hash:
            self._show(self.tr("Ce fichier est identique au référentiel actif : rien à changer."), NOTICE_CSS)
            return False
        self.candidate, self.candidate_content = new, content
        lines = [
            self.tr("Fichier valide : {title}, version {version}.").format(title=new.title, version=new.version)
        ]
        css = OK_CSS
        if active is not None:
            self.changes = diff(active, new)
            lines.append(self.tr("Différences avec le référentiel actif : {summary}.").format(summary=self.changes.summary()))
            self._fill_tree(self.changes)
        for warning in report.warnings:
            lines.append(self.tr("⚠ {warning}.").format(warning=warning))
            css = NOTICE_CSS
        if new.indicative:
            lines.append(self.tr("⚠ Ses critères sont indicatifs : {notice}.").format(notice=new.criteria_notice.rstrip(".")))
            css = NOTICE_CSS
        if not new.is_valid_on(self.today):
            lines.append(
                self.tr("⚠ Il n'est pas valable aujourd'hui (validité du {start} au {end}).").format(
                    start=french_day(new.valid_from), end=french_day(new.valid_until)
                )
            )
            css = NOTICE_CSS
        self._show("\n".join(lines), css)
        self.activate_button.setEnabled(True)
        return True

    def _fill_tree(self, changes: ReferentielDiff) -> None:
        for scope, items in changes.by_scope().items():
            parent = QTreeWidgetItem([f"{scope.label} ({len(items)})", ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.tree.addTopLevelItem(parent)
            for change in items:
                # for the référentiel's own fields, the field is the element ("version", "seuil…")
                element = change.field if scope in SINGLE_SCOPES and change.field else change.key
                child = QTreeWidgetItem([f"{KIND_MARK[change.kind]} {element}", self.change_text(change)])
                child.setToolTip(1, change.describe())
                parent.addChild(child)
            parent.setExpanded(True)
        self.tree.setEnabled(not changes.empty)

    def change_text(self, change: Change) -> str:
        if change.kind is Kind.ADDED:
            return self.tr("ajouté : {what}").format(what=change.after)
        if change.kind is Kind.REMOVED:
            return self.tr("supprimé : {what}").format(what=change.before)
        if change.scope in SINGLE_SCOPES:
            return self.tr("{before} → {after}").format(before=change.before, after=change.after)
        if len(f"{change.before}{change.after}") > 60:  # long wordings: one line each, nothing cut off
            return self.tr("{field} modifié\navant : {before}\naprès : {after}").format(
                field=change.field, before=change.before, after=change.after
            )
        return self.tr("{field} : {before} → {after}").format(field=change.field, before=change.before, after=change.after)

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before activating (tests replace this method; never exec() offscreen)."""
        return ask(self, title, text, action)

    def activate(self) -> Referentiel | None:
        if self.candidate is None or self.candidate_content is None:
            return None
        question = self.tr(
            "Activer le référentiel {label} pour les épreuves planifiées à partir de maintenant ?\n\n"
            "Les épreuves déjà planifiées gardent leur référentiel."
        ).format(label=self.candidate.label)
        if not self.confirm(self.tr("Activer le référentiel"), question, self.tr("Activer")):
            return None
        try:
            ref = self.store.register_referentiel(self.candidate_content, activate=True)
        except (ReferentielError, StoreError) as exc:
            self._show(str(exc), ERROR_CSS)
            return None
        self.candidate = None
        self.activate_button.setEnabled(False)
        self.show_current()
        self._show(
            self.tr("Référentiel {label} activé : il servira aux prochaines épreuves planifiées.").format(label=ref.label),
            OK_CSS,
        )
        self.activated.emit(ref)
        return ref
