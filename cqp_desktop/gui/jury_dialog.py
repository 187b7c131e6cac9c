"""Composing an épreuve's jury: a conflict is refused with the rule it breaks, and nothing is stored."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.kinds import Role
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site.jury import JuryConflict, assign_jury, candidate_side, check_epreuve_jury, current_jury, members
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.style import BASE_CSS, ERROR_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body, layout_of


class JuryDialog(QDialog):
    """Open with `open()`.

    Signals:
        saved(int): the épreuve whose jury was stored.
    """

    saved = Signal(int)

    def __init__(self, store: Store, epreuve_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.epreuve_id = epreuve_id
        self.setWindowTitle(self.tr("Jury de l'épreuve"))
        form = dialog_body(self, "jury_dialog", css=BASE_CSS)
        layout = layout_of(self)
        # double correction (core/site/double_marking.py): chosen here or at planning, never once marking began
        epreuve = store.epreuve(epreuve_id)
        self.double = QCheckBox(self.tr("Double correction : chaque membre note seul, puis le jury concilie les désaccords"))
        self.double.setChecked(bool(epreuve.get("double_marking")))
        fixed = epreuve["mode"] != "certification" or store.marking_started(epreuve_id) or epreuve["locked_at"] is not None
        self.double.setEnabled(not fixed)
        if fixed:
            self.double.setToolTip(self.tr("Réservée aux épreuves de certification, avant le début de la notation."))
        layout.addWidget(self.double)
        find = Finder(form)
        self.candidate: QLabel = find(QLabel, "candidateLabel")
        self.president: QComboBox = find(QComboBox, "presidentCombo")
        self.expert: QComboBox = find(QComboBox, "expertCombo")
        self.check: QLabel = find(QLabel, "checkLabel")
        self.buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer le jury"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        epreuve = store.epreuve(epreuve_id)
        side = candidate_side(store, epreuve["candidate_id"])
        self.candidate.setText(
            self.tr("Candidat : {name} — {org}, branche {branche} · bloc {bloc}, le {day}").format(
                name=side.name, org=side.organisme, branche=side.branche or "—", bloc=epreuve["bloc"],
                day=french_day(epreuve["planned_date"]),
            )
        )
        people = members(store)
        for combo in (self.president, self.expert):
            combo.addItem(self.tr("— à désigner —"), None)
        for p in people:
            trained = french_day(p.training_date) if p.training_date else self.tr("non formé(e)")
            branche = f", {p.branche}" if p.branche else ""
            label = f"{p.name} — {p.organisme}{branche} (formation : {trained})"
            # each combo lists only the members of its role
            (self.president if p.role == Role.PRESIDENT else self.expert).addItem(label, p.id)
        president, expert = current_jury(store, epreuve_id)
        if president:
            self.president.setCurrentIndex(self.president.findData(president.id))
        if expert:
            self.expert.setCurrentIndex(self.expert.findData(expert.id))
        self.president.currentIndexChanged.connect(self.preview)
        self.expert.currentIndexChanged.connect(self.preview)
        self.preview()
        self.resize(820, 420)

    def select(self, president_id: int | None, expert_id: int | None) -> None:
        self.president.setCurrentIndex(self.president.findData(president_id))
        self.expert.setCurrentIndex(self.expert.findData(expert_id))

    def preview(self) -> list[str]:
        problems = check_epreuve_jury(self.store, self.epreuve_id, self.president.currentData(), self.expert.currentData())
        if problems:
            self.check.setText(self.tr("✘ Composition non conforme :") + "\n" + "\n".join(f"• {p}" for p in problems))
            self.check.setStyleSheet(ERROR_CSS)
        else:
            self.check.setText(self.tr("✔ Composition conforme aux règles du jury professionnel."))
            self.check.setStyleSheet(OK_CSS)
        return problems

    def submit(self) -> None:
        try:
            assign_jury(self.store, self.epreuve_id, self.president.currentData(), self.expert.currentData())
        except JuryConflict as exc:
            self.check.setText(
                self.tr("✘ Composition refusée, rien n'a été enregistré :") + "\n" + "\n".join(f"• {p}" for p in exc.problems)
            )
            self.check.setStyleSheet(ERROR_CSS)
            return
        except StoreError as exc:
            self.check.setText(str(exc))
            self.check.setStyleSheet(ERROR_CSS)
            return
        try:
            dm.set_double_marking(self.store, self.epreuve_id, self.double.isChecked())
        except dm.DoubleMarkingError as exc:
            self.check.setText(self.tr("Jury enregistré ; ") + str(exc))
            self.check.setStyleSheet(ERROR_CSS)
            self.saved.emit(self.epreuve_id)
            return
        self.saved.emit(self.epreuve_id)
        self.accept()
