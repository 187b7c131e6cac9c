"""A candidate's dossier: identity, employer and branche, prerequisite, CCP held, blocs still to certify."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.kinds import Route
from cqp_desktop.core.model.rules import Mode, evaluate
from cqp_desktop.core.site.avis import signed_avis
from cqp_desktop.core.site.dossier import load_dossier
from cqp_desktop.core.site.epreuve_state import epreuve_finished
from cqp_desktop.core.site.overview import epreuve_lines
from cqp_desktop.core.site.results import Proclaimed
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.style import (
    BASE_CSS,
    BUTTON_CSS,
    HEADLINE_CSS,
    LARGE_CSS,
    STATUS_PANEL_CSS,
    SUBTITLE_CSS,
    highlighted_html,
)
from cqp_desktop.gui.ui_loader import Finder, load_form


class DossierView(QWidget):
    """Signals:
    home_requested(); plan_requested(int candidate_id); open_requested(int epreuve_id).
    """

    home_requested = Signal()
    plan_requested = Signal(int)
    open_requested = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.candidate_id: int | None = None
        form = load_form("dossier_view", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        find = Finder(form)
        self.title: QLabel = find(QLabel, "titleLabel")
        self.title.setStyleSheet(HEADLINE_CSS)
        self.identity: QLabel = find(QLabel, "identityLabel")
        self.identity.setStyleSheet(LARGE_CSS)
        self.status: QLabel = find(QLabel, "statusLabel")
        self.status.setStyleSheet(STATUS_PANEL_CSS)
        find(QLabel, "epreuvesTitle").setStyleSheet(SUBTITLE_CSS)
        self.table: QTableWidget = find(QTableWidget, "epreuvesTable")
        self.table.setStyleSheet(BASE_CSS)
        self.table.verticalHeader().setVisible(False)
        back: QPushButton = find(QPushButton, "backButton")
        plan: QPushButton = find(QPushButton, "planButton")
        for button in (back, plan):
            button.setStyleSheet(BUTTON_CSS)
        back.clicked.connect(self.home_requested.emit)
        plan.clicked.connect(lambda: self.plan_requested.emit(self.candidate_id or 0))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        for key, slot in (("Escape", self.home_requested.emit), ("Ctrl+N", lambda: self.plan_requested.emit(self.candidate_id or 0))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._epreuve_ids: list[int] = []

    def show_candidate(self, candidate_id: int) -> None:
        self.candidate_id = candidate_id
        referentiel = self.store.current_referentiel()
        d = load_dossier(self.store, candidate_id, referentiel)
        self.title.setText(self.tr("Dossier de {name}").format(name=d.name))
        route = self.tr("formation") if d.route == Route.FORMATION else self.tr("VAE (validation des acquis de l'expérience)")
        rows = [
            (self.tr("Identifiant candidat"), d.person_id),
            (self.tr("CQP visé"), f"{d.cqp} — {d.cqp_title}"),
            (self.tr("Voie d'accès"), route),
            (self.tr("Organisme employeur"), d.organisme),
            (self.tr("Branche de législation"), d.branche or "—"),
            (self.tr("Pass et Prem'ss (exigés pour le CQP)"), d.premss.describe()),
        ]
        self.identity.setText(
            "<table cellpadding='3'>"
            + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
            + "</table>"
        )
        held = ", ".join(b for b in referentiel.blocs if b in d.held) or self.tr("aucun")
        todo = ", ".join(d.to_certify) or self.tr("aucun")
        lines = [
            self.tr("<b>CCP détenus</b> : {held}").format(held=escape(held)),
            self.tr("<b>Blocs restant à certifier pour le CQP {cqp}</b> : {todo}").format(cqp=d.cqp, todo=escape(todo)),
            escape(d.status.explanation()),
        ]
        for other in d.other_cqp:
            if other.cqp:
                lines.append(self.tr("CQP {cqp} déjà obtenu : il reste acquis.").format(cqp=other.certification))
        if d.passerelle_blocs:
            lines.append(
                self.tr(
                    "<b>Passerelle</b> : les CCP {blocs} obtenus pour l'autre CQP valent pour le CQP {cqp} "
                    "(blocs communs) ; il ne reste que {todo}."
                ).format(blocs=", ".join(d.passerelle_blocs), cqp=d.cqp, todo=escape(todo))
            )
        else:
            for other in d.other_cqp:
                if other.held and not other.cqp:
                    lines.append(
                        self.tr("Passerelle : blocs communs valables aussi pour le CQP {cqp} : {blocs}").format(
                            cqp=other.certification, blocs=", ".join(other.held)
                        )
                    )
        if d.route == Route.VAE:
            lines.append(
                self.tr(
                    "Voie VAE : livret 2 avec une à deux situations significatives par bloc, puis un seul entretien de "
                    "45 min pour tous les blocs demandés le même jour ; chaque bloc reçoit son avis et son CCP."
                )
            )
        if d.prerequisite:
            lines.append("⚠ " + escape(self.tr("CQP retenu : {reason}").format(reason=d.prerequisite)))
        lines += self._proclaimed_lines(d.proclaimed)
        lines.append(
            self.tr("<i>CCP détenus : avis du jury signés (la version en vigueur). Une épreuve terminée dont l'avis "
                    "n'est pas encore signé ne compte pas ; le pré-positionnement ne compte jamais. "
                    "Le jury paritaire national reste souverain.</i>")
        )
        self.status.setText("<br>".join(lines))
        self._fill_epreuves(candidate_id)

    def _proclaimed_lines(self, p: Proclaimed | None) -> list[str]:
        """The jury paritaire national's proclamation, apart from what the professional jury proposed."""
        if p is None:
            return [self.tr("<b>Jury paritaire national</b> : résultat non encore proclamé (CCP ci-dessus : proposés).")]
        day = french_day(p.jury_date)
        ccp = ", ".join(
            self.tr("{bloc} (épreuve du {date}, {site})").format(
                bloc=e["bloc"], date=french_day(e["date"]), site=e.get("site") or e.get("session", "")
            )
            for e in p.ccp_held
        ) or self.tr("aucun")
        lines = [
            highlighted_html(
                self.tr("<b>Résultat proclamé par le jury paritaire national du {day}</b> : {outcome}").format(day=day, outcome=escape(p.outcome))
            ),
            self.tr("<b>CCP délivrés</b> : {ccp}").format(ccp=escape(ccp)),
        ]
        if p.cqp_held:
            lines.append(self.tr("<b>CQP délivré</b> : {cqp}").format(cqp=", ".join(p.cqp_held)))
        if p.departs:
            lines.append(self.tr("Décision souveraine s'écartant de l'avis du jury professionnel : {why}").format(why=escape(p.justification)))
        if p.recommendations:
            lines.append(self.tr("Préconisations du jury paritaire : {text}").format(text=escape(p.recommendations)))
        return lines

    def _fill_epreuves(self, candidate_id: int) -> None:
        lines = [line for line in epreuve_lines(self.store) if line.candidate_id == candidate_id]
        lines.sort(key=lambda line: line.planned_date)
        headers = [self.tr("Date"), self.tr("Bloc"), self.tr("Nature"), self.tr("État"), self.tr("Résultat")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(lines))
        self._epreuve_ids = [line.id for line in lines]
        for r, line in enumerate(lines):
            mode = self.tr("Certification") if line.mode == Mode.CERTIFICATION else self.tr("Pré-positionnement (non certifiant)")
            result = ""
            avis = signed_avis(self.store, line.id)
            if avis is not None:
                result = self.tr("avis signé : bloc validé") if avis.jury_validated else self.tr("avis signé : bloc non validé")
            elif epreuve_finished(self.store, line.id):
                res = evaluate(self.store.epreuve_referentiel(line.id), line.bloc, self.store.current_decisions(line.id))
                computed = self.tr("validé") if res.validated else self.tr("non validé")
                result = self.tr("règles : {r} — avis à signer").format(r=computed)
            values = [french_day(line.planned_date), line.bloc, mode, str(line.state), result]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self._epreuve_ids):
            self.open_requested.emit(self._epreuve_ids[row])
