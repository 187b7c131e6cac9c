"""Candidates, jury members and organismes: list, add, correct — the data a site enters before a session.

The view only collects what is typed; `core.people` checks it (French message naming the field) and
the Store writes it, one audited transaction per save. What signed records depend on cannot change:
the form disables those fields and says why, and the core refuses them anyway.

Open with `PeopleDialog(store, parent)` then `.open()`.

Signals:
    changed(): something was added or corrected (the home list should refresh).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from cqp_desktop.core.common.formats import french_day, person_name
from cqp_desktop.core.model.founding import BRANCHES, load_founding
from cqp_desktop.core.model.kinds import Role, Route, role_label, route_label
from cqp_desktop.core.site import people
from cqp_desktop.core.site.people import CandidateInput, MemberInput, OrganismeInput, PeopleError
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.date_fields import make_typable
from cqp_desktop.gui.style import CAUTION_TEXT_CSS, ERROR_CSS, NOTICE_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body
from cqp_desktop.gui.worker import Worker

CANDIDATES, MEMBERS, ORGANISMES = range(3)


class PeopleDialog(QDialog):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._organisme_unlocked = True
        self._member_unlocked = True
        self._member_lock_note = ""
        self._organismes: dict[int, Mapping[str, Any]] = {}
        self.setWindowTitle(self.tr("Candidats, jury et organismes"))
        form = dialog_body(self, "people_dialog")
        find = Finder(form)
        find(QLabel, "helpLabel").setText(
            self.tr(
                "Choisissez une ligne pour la corriger, ou « Nouveau » (Ctrl+N) pour ajouter ; « Enregistrer » (Ctrl+S) "
                "écrit aussitôt. Ajoutez d'abord les organismes : un candidat ou un membre du jury en a besoin."
            )
        )
        self.tabs: QTabWidget = find(QTabWidget, "tabs")
        buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        # organismes
        self.organismes_table: QTableWidget = find(QTableWidget, "organismesTable")
        self.organisme_group: QGroupBox = find(QGroupBox, "organismeGroup")
        self.code_edit: QLineEdit = find(QLineEdit, "codeEdit")
        self.name_edit: QLineEdit = find(QLineEdit, "nameEdit")
        self.kind_combo: QComboBox = find(QComboBox, "kindCombo")
        self.branche_combo: QComboBox = find(QComboBox, "brancheCombo")
        self.certifier_combo: QComboBox = find(QComboBox, "certifierCombo")
        self.validation_edit: QLineEdit = find(QLineEdit, "validationEdit")
        self.organisme_note: QLabel = find(QLabel, "organismeNote")
        self.organisme_message: QLabel = find(QLabel, "organismesPageMessage")
        self.save_organisme_button: QPushButton = find(QPushButton, "saveOrganismeButton")
        self.code_edit.setPlaceholderText(self.tr("ex. CPAM-75"))
        self.kind_combo.addItem(self.tr("caisse"), "caisse")
        self.kind_combo.addItem(self.tr("certificateur (Ucanss ou délégué)"), "certificateur")
        self._fill_branches(self.branche_combo)
        self.certifier_combo.addItem(self.tr("— choisir —"), None)
        for certifier in load_founding().president_organismes:  # the letter's certifiers, held as data
            self.certifier_combo.addItem(certifier.label, certifier.kind)
        self.validation_edit.setPlaceholderText(self.tr("référence de la décision de l'Ucanss"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.certifier_combo.currentIndexChanged.connect(self._kind_changed)
        find(QPushButton, "newOrganismeButton").clicked.connect(self.new_organisme)
        self.save_organisme_button.clicked.connect(self.save_organisme)
        self.organismes_table.itemSelectionChanged.connect(self._organisme_selected)

        # candidates
        self.candidates_table: QTableWidget = find(QTableWidget, "candidatesTable")
        self.candidate_group: QGroupBox = find(QGroupBox, "candidateGroup")
        self.candidate_filter: QLineEdit = find(QLineEdit, "candidateFilterEdit")
        self.cand_last: QLineEdit = find(QLineEdit, "candLastEdit")
        self.cand_first: QLineEdit = find(QLineEdit, "candFirstEdit")
        self.cand_organisme: QComboBox = find(QComboBox, "candOrganismeCombo")
        self.cqp_combo: QComboBox = find(QComboBox, "cqpCombo")
        self.route_combo: QComboBox = find(QComboBox, "routeCombo")
        self.premss_check: QCheckBox = find(QCheckBox, "premssCheck")
        self.premss_date: QDateEdit = find(QDateEdit, "premssDateEdit")
        self.premss_by: QLineEdit = find(QLineEdit, "premssByEdit")
        self.person_id_edit: QLineEdit = find(QLineEdit, "personIdEdit")
        self.premss_by.setPlaceholderText(self.tr("nom et fonction (ex. responsable formation de la caisse)"))
        self.person_id_edit.setPlaceholderText(self.tr("celui d'une fiche précédente (autre site, autre année) ; sinon vide"))
        self.premss_date.setDate(QDate.currentDate())
        self.candidate_note: QLabel = find(QLabel, "candidateNote")
        self.candidate_message: QLabel = find(QLabel, "candidatesPageMessage")
        self.worker = Worker(self, store)  # a candidate's data (JSON and PDF) is written off the GUI thread
        self.worker.progress.connect(self._candidate_data_written)
        self.worker.failed.connect(lambda message: self._message(self.candidate_message, message, ERROR_CSS))
        self.save_candidate_button: QPushButton = find(QPushButton, "saveCandidateButton")
        self.candidate_filter.setPlaceholderText(self.tr("nom, prénom ou organisme"))
        self.candidate_filter.setClearButtonEnabled(True)
        for code, label in people.certifications(store).items():
            self.cqp_combo.addItem(label, code)
        for route in Route:
            self.route_combo.addItem(route_label(route), str(route))
        self.route_combo.currentIndexChanged.connect(self._route_changed)
        self.premss_check.toggled.connect(self._route_changed)
        find(QPushButton, "newCandidateButton").clicked.connect(self.new_candidate)
        self.access_button: QPushButton = find(QPushButton, "accessCandidateButton")
        self.access_button.clicked.connect(self.export_candidate_data)
        self.save_candidate_button.clicked.connect(self.save_candidate)
        self.candidates_table.itemSelectionChanged.connect(self._candidate_selected)
        self.candidate_filter.textChanged.connect(self._filter_candidates)

        # jury members
        self.members_table: QTableWidget = find(QTableWidget, "membersTable")
        self.member_group: QGroupBox = find(QGroupBox, "memberGroup")
        self.mem_last: QLineEdit = find(QLineEdit, "memLastEdit")
        self.mem_first: QLineEdit = find(QLineEdit, "memFirstEdit")
        self.mem_organisme: QComboBox = find(QComboBox, "memOrganismeCombo")
        self.role_combo: QComboBox = find(QComboBox, "roleCombo")
        self.mem_branche: QComboBox = find(QComboBox, "memBrancheCombo")
        self.trained_check: QCheckBox = find(QCheckBox, "trainedCheck")
        self.training_date: QDateEdit = make_typable(find(QDateEdit, "trainingDateEdit"))
        self.member_note: QLabel = find(QLabel, "memberNote")
        self.member_message: QLabel = find(QLabel, "membersPageMessage")
        self.save_member_button: QPushButton = find(QPushButton, "saveMemberButton")
        self.role_combo.addItem(self.tr("président(e) du jury"), "president")
        self.role_combo.addItem(self.tr("expert(e) métier"), "expert")
        self._fill_branches(self.mem_branche)
        self.training_date.setDate(QDate.currentDate())
        self.role_combo.currentIndexChanged.connect(self._member_fields_changed)
        self.trained_check.toggled.connect(self._member_fields_changed)
        self.mem_organisme.currentIndexChanged.connect(self._member_organisme_changed)
        find(QPushButton, "newMemberButton").clicked.connect(self.new_member)
        self.save_member_button.clicked.connect(self.save_member)
        self.members_table.itemSelectionChanged.connect(self._member_selected)

        self.organisme_id: int | None = None
        self.candidate_id: int | None = None
        self.member_id: int | None = None
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_current)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save_current)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(self.tabs.currentIndex())  # Enter in a field saves the current tab's form

        self.reload()
        self.new_candidate()
        self.new_member()
        self.new_organisme()
        self.resize(1320, 680)

    # -------------------------------------------------------------------------------------------
    # lists

    def _fill_branches(self, combo: QComboBox) -> None:
        combo.addItem(self.tr("— aucune —"), None)
        for branche in BRANCHES:
            combo.addItem(branche, branche)

    def reload(self) -> None:
        """Re-read the three lists and the organisme choices from the store."""
        orgs = store_queries.organismes(self.store)
        self._organismes = {o["id"]: o for o in orgs}
        self._fill_table(
            self.organismes_table,
            [self.tr("Code"), self.tr("Nom"), self.tr("Type"), self.tr("Branche")],
            [(o["id"], [o["code"], o["name"], self._kind_label(o), o["branche"] or "—"]) for o in orgs],
        )
        for combo, only_caisses in ((self.cand_organisme, True), (self.mem_organisme, False)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— choisir —"), None)
            for o in orgs:
                if only_caisses and o["kind"] != "caisse":
                    continue
                combo.addItem(f"{o['name']} ({o['branche'] or o['kind']})", o["id"])
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        candidates = store_queries.candidate_list(self.store)
        self._fill_table(
            self.candidates_table,
            [self.tr("Nom"), self.tr("Prénom"), self.tr("Organisme employeur"), self.tr("CQP"), self.tr("Voie"),
             self.tr("Pass/Prem'ss"), self.tr("Épreuves (signées)")],
            [
                (
                    c["id"],
                    [
                        c["last_name"] if not c["purged_at"] else self.tr("(données effacées)"),
                        c["first_name"], c["org"], c["cqp"], route_label(c["route"]),
                        self._premss_label(c),
                        f"{c['planned']} ({c['signed']})",
                    ],
                )
                for c in candidates
            ],
        )
        self._filter_candidates()
        members = store_queries.member_list(self.store)
        self._fill_table(
            self.members_table,
            [self.tr("Nom"), self.tr("Prénom"), self.tr("Organisme"), self.tr("Rôle"), self.tr("Branche"),
             self.tr("Formation"), self.tr("Signature")],
            [
                (
                    m["id"],
                    [
                        m["last_name"], m["first_name"], m["org"], role_label(m["role"]), m["branche"] or "—",
                        french_day(m["jury_training_date"]) or self.tr("non formé(e)"),
                        self.tr("oui") if m["ident"] else self.tr("non"),
                    ],
                )
                for m in members
            ],
        )

    def _kind_label(self, organisme: Mapping[str, Any]) -> str:
        if organisme["kind"] != "certificateur":
            return str(organisme["kind"])
        kind = load_founding().president_kind(organisme.get("certifier_kind"))
        return kind.label if kind else self.tr("certificateur (type à préciser)")

    def _premss_label(self, candidate: Mapping[str, Any]) -> str:
        if not candidate["pass_premss"]:
            return self.tr("non")
        if candidate["pass_premss_date"] and (candidate["pass_premss_attested_by"] or "").strip():
            return self.tr("attestés")
        return self.tr("à compléter")

    def _fill_table(self, table: QTableWidget, headers: list[str], rows: list[tuple[int, list[Any]]]) -> None:
        table.blockSignals(True)
        table.clearContents()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, (row_id, values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                table.setItem(r, c, item)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.blockSignals(False)

    @staticmethod
    def _selected_id(table: QTableWidget) -> int | None:
        items = table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    @staticmethod
    def select_row(table: QTableWidget, row_id: int) -> None:
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == row_id:
                table.selectRow(r)
                table.scrollToItem(item)
                return

    def _filter_candidates(self) -> None:
        needle = self.candidate_filter.text().strip().casefold()
        for r in range(self.candidates_table.rowCount()):
            items = (self.candidates_table.item(r, c) for c in range(3))
            text = " ".join(item.text() for item in items if item is not None).casefold()
            self.candidates_table.setRowHidden(r, bool(needle) and needle not in text)

    # -------------------------------------------------------------------------------------------
    # shared

    def new_current(self) -> None:
        (self.new_candidate, self.new_member, self.new_organisme)[self.tabs.currentIndex()]()

    def save_current(self) -> None:
        (self.save_candidate, self.save_member, self.save_organisme)[self.tabs.currentIndex()]()

    def _tab_changed(self, index: int) -> None:
        buttons = (self.save_candidate_button, self.save_member_button, self.save_organisme_button)
        for i, button in enumerate(buttons):
            button.setDefault(i == index)

    def _message(self, label: QLabel, text: str, css: str) -> None:
        label.setText(text)
        label.setStyleSheet(css if text else "")

    def _problems(self, label: QLabel, exc: Exception) -> None:
        problems = exc.problems if isinstance(exc, PeopleError) else [str(exc)]
        text = self.tr("Rien n'a été enregistré :") + "\n" + "\n".join(f"• {p}" for p in problems)
        self._message(label, text, ERROR_CSS)

    @staticmethod
    def _choose(combo: QComboBox, value: Any) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    # -------------------------------------------------------------------------------------------
    # organismes

    def _kind_changed(self) -> None:
        caisse = self.kind_combo.currentData() == "caisse"
        self.branche_combo.setEnabled(caisse and self._organisme_unlocked)
        if not caisse:
            self.branche_combo.setCurrentIndex(0)
        self.certifier_combo.setEnabled(not caisse)
        kind = load_founding().president_kind(self.certifier_combo.currentData())
        self.validation_edit.setEnabled(not caisse and kind is not None and kind.needs_validation)
        if caisse:
            self.certifier_combo.setCurrentIndex(0)

    def new_organisme(self) -> None:
        self.organisme_id = None
        self._organisme_unlocked = True
        self.organismes_table.clearSelection()
        self.organisme_group.setTitle(self.tr("Nouvel organisme"))
        self.code_edit.clear()
        self.name_edit.clear()
        self.code_edit.setEnabled(True)
        self.kind_combo.setEnabled(True)
        self.kind_combo.setCurrentIndex(0)
        self.branche_combo.setCurrentIndex(0)
        self.certifier_combo.setCurrentIndex(0)
        self.validation_edit.clear()
        self._kind_changed()
        self.organisme_note.setText(
            self.tr("Une caisse a une branche de législation : elle sert à choisir l'expert métier de ses candidats.")
        )
        self.code_edit.setFocus()

    def _organisme_selected(self) -> None:
        organisme_id = self._selected_id(self.organismes_table)
        if organisme_id is None:
            return
        o = self._organismes[organisme_id]
        self.organisme_id = organisme_id
        self.organisme_group.setTitle(self.tr("Corriger : {name}").format(name=o["name"]))
        self.code_edit.setText(o["code"])
        self.name_edit.setText(o["name"])
        self._choose(self.kind_combo, o["kind"])
        self._choose(self.branche_combo, o["branche"])
        self._choose(self.certifier_combo, o["certifier_kind"])
        self.validation_edit.setText(o["certifier_validation"] or "")
        editable = people.organisme_editable(self.store, organisme_id)
        signed = editable.signed
        self._organisme_unlocked = editable.may_change("branche")
        self.code_edit.setEnabled(editable.may_change("code"))
        self.kind_combo.setEnabled(editable.may_change("kind"))
        self._kind_changed()
        self.organisme_note.setText(
            self.tr("Figure dans {n} épreuve(s) signée(s) : seul le nom peut être corrigé.").format(n=signed) if signed else ""
        )
        self.organisme_note.setStyleSheet(NOTICE_CSS if signed else "")
        self._message(self.organisme_message, "", "")

    def save_organisme(self) -> int | None:
        data = OrganismeInput(
            self.code_edit.text(),
            self.name_edit.text(),
            self.kind_combo.currentData(),
            self.branche_combo.currentData(),
            self.certifier_combo.currentData(),
            self.validation_edit.text(),
        )
        try:
            if self.organisme_id is None:
                organisme_id = people.add_organisme(self.store, data)
                done = self.tr("Organisme ajouté : {name}.")
            else:
                organisme_id = self.organisme_id
                changed = people.update_organisme(self.store, organisme_id, data)
                done = self.tr("Organisme corrigé : {name}.") if changed else self.tr("Aucun changement pour {name}.")
        except (PeopleError, StoreError) as exc:
            self._problems(self.organisme_message, exc)
            return None
        self._after_save(self.organismes_table, organisme_id)
        self._message(self.organisme_message, done.format(name=data.name.strip()), OK_CSS)
        return organisme_id

    # -------------------------------------------------------------------------------------------
    # candidates

    def _route_changed(self) -> None:
        done = self.premss_check.isChecked()
        self.premss_date.setEnabled(done and self.premss_check.isEnabled())
        self.premss_by.setEnabled(done and self.premss_check.isEnabled())
        if not done:
            self.premss_check.setStyleSheet(CAUTION_TEXT_CSS)
            self.premss_check.setToolTip(
                self.tr("Pass et Prem'ss suivis en totalité (date et attestant) : exigés pour la délivrance du CQP.")
            )
        else:
            self.premss_check.setStyleSheet("")
            self.premss_check.setToolTip("")

    def new_candidate(self) -> None:
        self.candidate_id = None
        self.candidates_table.clearSelection()
        self.candidate_group.setTitle(self.tr("Nouveau candidat"))
        for edit in (self.cand_last, self.cand_first):
            edit.clear()
            edit.setEnabled(True)
        for combo in (self.cand_organisme, self.cqp_combo, self.route_combo):
            combo.setEnabled(True)
            combo.setCurrentIndex(0)
        self.premss_check.setEnabled(True)
        self.premss_check.setChecked(False)
        self.premss_date.setDate(QDate.currentDate())
        self.premss_by.clear()
        self.person_id_edit.clear()
        self.person_id_edit.setEnabled(True)
        self.save_candidate_button.setEnabled(True)
        self._route_changed()
        self._message(self.candidate_note, "", "")
        self.cand_last.setFocus()

    def _candidate_selected(self) -> None:
        candidate_id = self._selected_id(self.candidates_table)
        if candidate_id is None:
            return
        c = store_queries.candidate(self.store, candidate_id)
        if c is None:
            return
        self.candidate_id = candidate_id
        purged = bool(c.get("purged_at"))
        name = self.tr("(données effacées)") if purged else person_name(c['first_name'], c['last_name'])
        self.candidate_group.setTitle(self.tr("Corriger : {name}").format(name=name))
        self.cand_last.setText("" if purged else c["last_name"])
        self.cand_first.setText(c["first_name"])
        self._choose(self.cand_organisme, c["organisme_id"])
        self._choose(self.cqp_combo, c["cqp"])
        self._choose(self.route_combo, c["route"])
        self.premss_check.setChecked(bool(c["pass_premss"]))
        if c.get("pass_premss_date"):
            self.premss_date.setDate(QDate.fromString(c["pass_premss_date"], "yyyy-MM-dd"))
        self.premss_by.setText(c.get("pass_premss_attested_by") or "")
        self.person_id_edit.setText(c.get("person_id") or "")
        editable = people.candidate_editable(self.store, candidate_id)
        signed = editable.signed
        for widget in (self.cand_last, self.cand_first, self.premss_check, self.save_candidate_button, self.cqp_combo,
                       self.person_id_edit):
            widget.setEnabled(not editable.purged)
        self.cand_organisme.setEnabled(editable.may_change("organisme_id"))
        self.route_combo.setEnabled(editable.may_change("route"))
        if purged:
            note = self.tr("Données effacées après synchronisation avec l'Ucanss : plus de correction possible.")
        elif signed:
            note = self.tr(
                "{n} épreuve(s) signée(s) : l'organisme et la voie ne peuvent plus changer. Passerelle : le CQP visé peut "
                "changer (COS ↔ GC), la fiche garde tous ses CCP ; le dossier montre alors les seuls blocs restants."
            ).format(n=signed)
        else:
            note = self.tr(
                "Passerelle : changer le CQP visé garde la fiche et tous ses CCP (GRU et MDR valent pour les deux CQP)."
            )
        self._message(self.candidate_note, note, NOTICE_CSS)
        self._route_changed()
        self._message(self.candidate_message, "", "")

    def ask_access_folder(self) -> str:
        """Where to write the candidate's data (a folder question: tests replace this method)."""
        from cqp_desktop.gui import file_dialogs

        folder = file_dialogs.export_folder(file_dialogs.data_dir_of(self.store))
        return file_dialogs.choose_folder(self, self.tr("Dossier où écrire les données du candidat"), folder)

    def export_candidate_data(self) -> bool:
        """Everything this site holds about the selected candidate, JSON + PDF (core/site/subject_access.py),
        written on a worker thread; False when nothing was started (the reason is shown)."""
        from cqp_desktop.core.site.subject_access import SubjectAccessError, export

        if self.worker.running:
            return False
        candidate = self._selected_id(self.candidates_table)
        if candidate is None:
            self._message(self.candidate_message, self.tr("Choisissez d'abord un candidat dans la liste."), ERROR_CSS)
            return False
        folder = self.ask_access_folder()
        if not folder:
            return False

        def work(own: Store) -> Iterator[Any]:  # on the worker thread
            yield export(own, candidate, Path(folder))

        def describe(exc: BaseException) -> str:
            if isinstance(exc, (SubjectAccessError, StoreError)):
                return str(exc)
            return self.tr("Données du candidat non écrites : {error}").format(error=exc)

        self._message(self.candidate_message, self.tr("Écriture des données du candidat (JSON et PDF)…"), "")
        return self.worker.start_on_base(work, describe)

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        """A candidate's data being written is finished before the dialog closes."""
        self.worker.stop()
        super().done(result)

    def _candidate_data_written(self, done: Any) -> None:
        self._message(
            self.candidate_message,
            self.tr("Données du candidat écrites : {json} et {pdf} ({n} épreuve(s)).").format(
                json=done.json_path.name, pdf=done.pdf_path.name, n=done.epreuves
            ),
            OK_CSS,
        )

    def save_candidate(self) -> int | None:
        data = CandidateInput(
            self.cand_last.text(),
            self.cand_first.text(),
            self.cand_organisme.currentData(),
            self.cqp_combo.currentData(),
            self.route_combo.currentData(),
            self.premss_check.isChecked(),
            self.premss_date.date().toString("yyyy-MM-dd") if self.premss_check.isChecked() else None,
            self.premss_by.text() if self.premss_check.isChecked() else "",
            self.person_id_edit.text(),
        )
        name = person_name(data.first_name.strip(), data.last_name.strip())
        corrected = False
        try:
            if self.candidate_id is None:
                candidate_id = people.add_candidate(self.store, data)
                done = self.tr("Candidat ajouté : {name}.")
            else:
                candidate_id = self.candidate_id
                changed = people.update_candidate(self.store, candidate_id, data)
                corrected = bool(changed)
                done = self.tr("Candidat corrigé : {name}.") if changed else self.tr("Aucun changement pour {name}.")
        except (PeopleError, StoreError) as exc:
            self._problems(self.candidate_message, exc)
            return None
        self._after_save(self.candidates_table, candidate_id)
        text = done.format(name=name)
        sent = people.exported_sessions(self.store, candidate_id) if corrected else []
        if sent:
            text += " " + self.tr(
                "Déjà transmis à l'Ucanss ({sessions}) : le paquet envoyé porte l'ancienne valeur, prévenez l'Ucanss de la correction."
            ).format(sessions=", ".join(sent))
        if not (data.pass_premss and data.pass_premss_date and data.pass_premss_attested_by.strip()):
            text += " " + self.tr("Attention : sans Pass et Prem'ss attestés (date, attesté par), le CQP ne sera pas délivré.")
        self._message(self.candidate_message, text, OK_CSS)
        return candidate_id

    # -------------------------------------------------------------------------------------------
    # jury members

    def _member_organisme_changed(self) -> None:
        organisme = self._organismes.get(self.mem_organisme.currentData())
        if organisme is not None and organisme["branche"] and self.role_combo.currentData() == Role.EXPERT:
            self._choose(self.mem_branche, organisme["branche"])

    def _member_fields_changed(self) -> None:
        expert = self.role_combo.currentData() == Role.EXPERT
        self.mem_branche.setEnabled(expert and self._member_unlocked)
        if not expert:
            self.mem_branche.setCurrentIndex(0)
        else:
            self._member_organisme_changed()
        self.training_date.setEnabled(self.trained_check.isChecked() and self._member_unlocked)
        if not self.trained_check.isChecked():
            self._message(
                self.member_note,
                self.tr("Sans date de formation des jurys professionnels des CQP, ce membre ne peut siéger dans aucun jury."),
                NOTICE_CSS,
            )
        elif self._member_lock_note:
            self._message(self.member_note, self._member_lock_note, NOTICE_CSS)
        else:
            self._message(self.member_note, "", "")

    def new_member(self) -> None:
        self.member_id = None
        self._member_unlocked = True
        self._member_lock_note = ""
        self.members_table.clearSelection()
        self.member_group.setTitle(self.tr("Nouveau membre du jury"))
        self.mem_last.clear()
        self.mem_first.clear()
        for widget in (self.mem_organisme, self.role_combo, self.trained_check):
            widget.setEnabled(True)
        self.mem_organisme.setCurrentIndex(0)
        self.role_combo.setCurrentIndex(0)
        self.trained_check.setChecked(False)
        self._member_fields_changed()
        self.mem_last.setFocus()

    def _member_selected(self) -> None:
        member_id = self._selected_id(self.members_table)
        if member_id is None:
            return
        m = store_queries.member(self.store, member_id)
        if m is None:
            return
        self.member_id = member_id
        self.member_group.setTitle(self.tr("Corriger : {name}").format(name=person_name(m['first_name'], m['last_name'])))
        editable = people.member_editable(self.store, member_id)
        signed = editable.signed
        self._member_unlocked = not editable.frozen
        self._member_lock_note = (
            self.tr(
                "A siégé dans {n} épreuve(s) signée(s) : seuls le nom et le prénom peuvent être corrigés."
            ).format(n=signed)
            if signed
            else ""
        )
        self.mem_last.setText(m["last_name"])
        self.mem_first.setText(m["first_name"])
        self._choose(self.role_combo, m["role"])
        self.mem_organisme.blockSignals(True)
        self._choose(self.mem_organisme, m["organisme_id"])
        self.mem_organisme.blockSignals(False)
        self.trained_check.setChecked(bool(m["jury_training_date"]))
        if m["jury_training_date"]:
            self.training_date.setDate(QDate.fromString(m["jury_training_date"], "yyyy-MM-dd"))
        for widget in (self.mem_organisme, self.role_combo, self.trained_check):
            widget.setEnabled(not signed)
        self._member_fields_changed()
        self._choose(self.mem_branche, m["branche"])
        self._message(self.member_message, "", "")

    def save_member(self) -> int | None:
        training = self.training_date.date().toString("yyyy-MM-dd") if self.trained_check.isChecked() else None
        data = MemberInput(
            self.mem_last.text(),
            self.mem_first.text(),
            self.mem_organisme.currentData(),
            self.role_combo.currentData(),
            self.mem_branche.currentData(),
            training,
        )
        name = person_name(data.first_name.strip(), data.last_name.strip())
        try:
            if self.member_id is None:
                member_id = people.add_member(self.store, data)
                done = self.tr("Membre du jury ajouté : {name}.")
            else:
                member_id = self.member_id
                changed = people.update_member(self.store, member_id, data)
                done = self.tr("Membre du jury corrigé : {name}.") if changed else self.tr("Aucun changement pour {name}.")
                if {"last_name", "first_name"} & set(changed) and self.store.signing_identity(member_id) is not None:
                    done += " " + self.tr(
                        "Son certificat de signature porte l'ancien nom : créez-lui une nouvelle clé si besoin "
                        "(menu Jury › Identités de signature)."
                    )
        except (PeopleError, StoreError) as exc:
            self._problems(self.member_message, exc)
            return None
        self._after_save(self.members_table, member_id)
        self._message(self.member_message, done.format(name=name), OK_CSS)
        return member_id

    # -------------------------------------------------------------------------------------------

    def _after_save(self, table: QTableWidget, row_id: int) -> None:
        """Re-read everything (names appear in the other tabs' choices) and keep the saved row selected."""
        self.reload()
        self.select_row(table, row_id)
        self.changed.emit()
