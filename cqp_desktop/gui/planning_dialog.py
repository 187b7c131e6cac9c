"""Planning an épreuve: candidate, nature, bloc (not yet held), modality, date with the calendar check."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QLabel, QWidget

from cqp_desktop.core.model.calendar import load_calendar
from cqp_desktop.core.model.kinds import Route
from cqp_desktop.core.model.rules import Mode
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site.dossier import candidates, load_dossier
from cqp_desktop.core.site.planning import PlanningError, PlanRequest, bloc_choices, check_plan, plan
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.date_fields import make_typable
from cqp_desktop.gui.style import BASE_CSS, ERROR_CSS, NOTICE_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body, layout_of


class PlanningDialog(QDialog):
    """Open with `open()` (never `exec()` in tests).

    Signals:
        planned(int): the id of the épreuve just stored.
    """

    planned = Signal(int)

    def __init__(self, store: Store, today: dt.date | None = None, candidate_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.referentiel = store.current_referentiel()  # new épreuves always use the active référentiel
        self.setWindowTitle(self.tr("Planifier une épreuve"))
        form = dialog_body(self, "planning_dialog", css=BASE_CSS)
        # double correction (core/site/double_marking.py): each member marks alone, then the jury reconciles
        self.double = QCheckBox(self.tr("Double correction : chaque membre du jury note seul, puis conciliation"))
        layout_of(self).addWidget(self.double)
        find = Finder(form)
        self.candidate: QComboBox = find(QComboBox, "candidateCombo")
        self.mode: QComboBox = find(QComboBox, "modeCombo")
        self.bloc: QComboBox = find(QComboBox, "blocCombo")
        self.alternative: QComboBox = find(QComboBox, "alternativeCombo")
        self.date: QDateEdit = make_typable(find(QDateEdit, "dateEdit"))
        self.info: QLabel = find(QLabel, "infoLabel")
        self.warning: QLabel = find(QLabel, "warningLabel")
        self.problem: QLabel = find(QLabel, "problemLabel")
        self.buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Planifier"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.warning.setStyleSheet(NOTICE_CSS)
        self.problem.setStyleSheet(ERROR_CSS)

        for cid, label in candidates(store):
            self.candidate.addItem(label, cid)
        self.mode.addItem(self.tr("Certification"), str(Mode.CERTIFICATION))
        self.mode.addItem(self.tr("Pré-positionnement (non certifiant)"), str(Mode.PREPOSITIONNEMENT))
        start = load_calendar().next_session_start(today or dt.date.today())
        self.date.setDate(QDate(start.year, start.month, start.day))
        if candidate_id is not None:
            self.candidate.setCurrentIndex(max(0, self.candidate.findData(candidate_id)))
        self.candidate.currentIndexChanged.connect(self._refresh_blocs)
        self.mode.currentIndexChanged.connect(self._refresh_blocs)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.bloc.currentIndexChanged.connect(self._refresh_alternatives)
        self.alternative.currentIndexChanged.connect(self._check)
        self.date.dateChanged.connect(self._check)
        self._refresh_blocs()
        self.resize(680, 460)

    def _mode_changed(self) -> None:
        """Double correction is for certifying épreuves only."""
        certifying = self.mode.currentData() == str(Mode.CERTIFICATION)
        self.double.setEnabled(certifying)
        if not certifying:
            self.double.setChecked(False)

    def request(self) -> PlanRequest | None:
        if self.candidate.currentData() is None or self.bloc.currentData() is None:
            return None
        q = self.date.date()
        return PlanRequest(
            candidate_id=int(self.candidate.currentData()),
            bloc=str(self.bloc.currentData()),
            day=dt.date(q.year(), q.month(), q.day()),
            mode=Mode(self.mode.currentData()),
            alternative=self.alternative.currentData(),
        )

    def _refresh_blocs(self) -> None:
        self.bloc.blockSignals(True)
        self.bloc.clear()
        cid = self.candidate.currentData()
        if cid is not None:
            mode = Mode(self.mode.currentData())
            for choice in bloc_choices(self.store, int(cid), self.referentiel, mode):
                self.bloc.addItem(f"{choice.code} — {choice.title}", choice.code)
            dossier = load_dossier(self.store, int(cid), self.referentiel)
            held = ", ".join(sorted(dossier.held)) or self.tr("aucun")
            route = self.tr("VAE") if dossier.route == Route.VAE else self.tr("formation")
            self.info.setText(
                self.tr("{name} — CQP {cqp}, voie {route}, {org} (branche {branche}). CCP détenus : {held}.").format(
                    name=dossier.name, cqp=dossier.cqp, route=route, org=dossier.organisme,
                    branche=dossier.branche or "—", held=held,
                )
            )
        self.bloc.blockSignals(False)
        self._refresh_alternatives()

    def _refresh_alternatives(self) -> None:
        self.alternative.blockSignals(True)
        self.alternative.clear()
        code = self.bloc.currentData()
        alternatives = self.referentiel.bloc(code).alternatives if code else ()
        if not alternatives:
            self.alternative.addItem(self.tr("— (pas d'alternative pour ce bloc)"), None)
        else:
            self.alternative.addItem(self.tr("— choisir —"), None)
            for a in alternatives:
                self.alternative.addItem(a.label, a.code)
        self.alternative.setEnabled(bool(alternatives))
        self.alternative.blockSignals(False)
        self._check()

    def _check(self) -> tuple[list[str], list[str]]:
        request = self.request()
        warnings: list[str]
        if request is None:
            problems, warnings = [self.tr("Aucun bloc à planifier pour ce candidat.")], []
        else:
            problems, warnings = check_plan(self.store, self.referentiel, request)
        self.warning.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning.setVisible(bool(warnings))
        self.problem.hide()
        return problems, warnings

    def submit(self) -> None:
        request = self.request()
        if request is None:
            self.problem.setText(self.tr("Aucun bloc à planifier pour ce candidat."))
            self.problem.show()
            return
        try:
            with self.store.atomic():  # the épreuve and its double correction, together or not at all
                epreuve_id = plan(self.store, self.referentiel, request)
                if self.double.isChecked() and self.double.isEnabled():
                    dm.set_double_marking(self.store, epreuve_id, True)
        except dm.DoubleMarkingError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        except PlanningError as exc:
            self.problem.setText("\n".join(exc.problems))
            self.problem.show()
            return
        except StoreError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.planned.emit(epreuve_id)
        self.accept()
