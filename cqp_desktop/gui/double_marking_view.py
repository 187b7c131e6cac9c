"""Double correction on one laptop: who marks now, closing one's observation, and the reconciliation.

The marker bar sits above the grid of an épreuve in double correction: « Marque : Président(e) /
Expert(e) » (Ctrl+Tab switches), « Clôturer mon observation ». The grid shows only the member marking
now (core/site/double_marking.py refuses to hand over the other's marks before both closed). Once both closed,
the reconciliation dialog shows each disagreement side by side with both members' notes; V / N choose
the final decision (with the reason typed above), ↑ ↓ move between disagreements.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.model.reconciliation import ROLE_LABELS, ROLES
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site.avis import member_name
from cqp_desktop.core.site.runner import REFUSALS, EpreuveRunner
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.runner_bridge import RunnerBridge
from cqp_desktop.gui.runner_dialogs import confirm
from cqp_desktop.gui.style import (
    BAR_BUTTON_CSS,
    BASE_CSS,
    BODY_CSS,
    CAPTION_CSS,
    DECISION_TEXT,
    ERROR,
    FOOTNOTE_CSS,
    LARGE_CSS,
    MARKER_BUTTON_CSS,
    NOTICE,
    OK,
    QUOTED_NOTES_CSS,
    SMALL_BUTTON_CSS,
    box_css,
)

SWITCH_KEY = "Ctrl+Tab"


def _mark_text(mark: str | None) -> str:
    return DECISION_TEXT[Decision(mark or "non_observe")]


class MarkerBar(QWidget):
    """« Marque : Président(e) / Expert(e) », the member's closure and the way to the reconciliation.

    Signals:
        switching(): about to change the member marking (the screen saves the note being typed).
        reconcile_requested(): the jury asked for the reconciliation view.
    """

    switching = Signal()
    reconcile_requested = Signal()
    failed = Signal(str)

    def __init__(self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 2)
        caption = QLabel(self.tr("Marque :"))
        caption.setStyleSheet(CAPTION_CSS)
        row.addWidget(caption)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for role in ROLES:
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(MARKER_BUTTON_CSS)
            button.clicked.connect(lambda _=False, r=role: self.switch_to(r))
            self.group.addButton(button)
            row.addWidget(button)
            self.buttons[role] = button
        hint = QLabel(self.tr("[{key}]").format(key=SWITCH_KEY))
        hint.setStyleSheet(FOOTNOTE_CSS)
        row.addWidget(hint)
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("Clôturer mon observation"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setStyleSheet(BAR_BUTTON_CSS)
        self.close_button.clicked.connect(self.ask_close)
        row.addWidget(self.close_button)
        self.reconcile_button = QPushButton(self.tr("Conciliation…"))
        self.reconcile_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reconcile_button.setStyleSheet(BAR_BUTTON_CSS)
        self.reconcile_button.clicked.connect(self.reconcile_requested.emit)
        row.addWidget(self.reconcile_button)
        self.question: QWidget | None = None
        bridge.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, topic: str) -> None:
        if topic in ("marker", "decisions"):
            self.refresh()

    def refresh(self) -> None:
        r = self.runner
        closures = r.store.marking_closures(r.epreuve_id)
        for role, button in self.buttons.items():
            member = r.epreuve[f"{role}_id"]
            name = member_name(r.store, member) if member is not None else self.tr("à désigner")
            closed = " ✔" if member in closures else ""
            button.setText(f"{ROLE_LABELS[role]}{closed}")  # the names are in the header line, above
            button.setToolTip(name + (self.tr(" — observation clôturée") if closed else ""))
            button.setChecked(r.marker_role == role)
            button.setEnabled(member is not None)
        self.close_button.setEnabled(not r.read_only and r.marker_id is not None and not r.marker_closed)
        self.reconcile_button.setEnabled(r.reconciling)
        if r.reconciling:
            complete = dm.reconciliation_complete(r.store, r.epreuve_id)
            self.setToolTip(self.tr("Les deux observations sont clôturées : la grille montre les décisions finales."))
            self.reconcile_button.setText(self.tr("Conciliation ✔") if complete else self.tr("Conciliation [Ctrl+R]"))
        else:
            self.setToolTip(self.tr("La notation de l'autre membre reste masquée jusqu'à la clôture des deux observations."))

    def switch_to(self, role: str) -> None:
        if self.runner.marker_role == role:
            self.refresh()
            return
        self.switching.emit()
        try:
            self.runner.set_marker(role)
        except REFUSALS as exc:
            self.failed.emit(str(exc))
        self.refresh()

    def toggle(self) -> None:
        """Ctrl+Tab: the other member marks now."""
        self.switch_to("expert" if self.runner.marker_role == "president" else "president")

    def ask_close(self) -> None:
        r = self.runner
        if r.marker_id is None:
            return
        blockers = dm.closing_blockers(r.store, r.epreuve_id, r.marker_id)
        if blockers:
            self.failed.emit("Clôture impossible : " + " ; ".join(blockers[:3]) + (" ; …" if len(blockers) > 3 else ""))
            return
        self.switching.emit()  # the note being typed is saved first
        who = member_name(r.store, r.marker_id)
        self.question = confirm(
            self,
            self.tr("Clôturer mon observation"),
            self.tr("{who} clôture son observation : sa notation ne pourra plus être modifiée. "
                    "Elle restera masquée jusqu'à la clôture de l'autre membre du jury.").format(who=who),
            self.tr("Clôturer"),
            self.tr("Continuer à noter"),
            self.close_now,
        )

    def close_now(self) -> None:
        try:
            self.runner.close_observation()
        except REFUSALS as exc:
            self.failed.emit(str(exc))
        self.refresh()


class ReconciliationDialog(QDialog):
    """Each disagreement side by side (both marks, both notes), the final decision by keyboard.

    V / N: final decision « validé » / « non validé » for the selected disagreement, with the reason
    typed in the field (optional); ↑ ↓ move. Each final is committed before it is shown.
    """

    settled = Signal()

    def __init__(self, store: Store, epreuve_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.epreuve_id = epreuve_id
        self.setWindowTitle(self.tr("Double correction — conciliation"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.agreement.setStyleSheet(CAPTION_CSS)
        layout.addWidget(self.agreement)
        help_text = QLabel(self.tr(
            "Critères où les deux membres sont d'accord : réglés automatiquement. Pour chaque désaccord, "
            "le jury décide : ↑ ↓ choisir · V validé · N non validé (motif facultatif saisi d'abord) · Échap fermer."
        ))
        help_text.setWordWrap(True)
        help_text.setStyleSheet(BODY_CSS)
        layout.addWidget(help_text)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setStyleSheet(BASE_CSS)
        self.list.setMaximumWidth(330)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        body.addWidget(self.list)
        side = QGridLayout()
        self.criterion = QLabel()
        self.criterion.setWordWrap(True)
        self.criterion.setStyleSheet(CAPTION_CSS)
        side.addWidget(self.criterion, 0, 0, 1, 2)
        self.columns: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for col, role in enumerate(ROLES):
            head = QLabel()
            head.setStyleSheet(CAPTION_CSS)
            mark = QLabel()
            mark.setStyleSheet(LARGE_CSS)
            notes = QLabel()
            notes.setWordWrap(True)
            notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            notes.setStyleSheet(QUOTED_NOTES_CSS)
            notes.setMinimumHeight(90)
            side.addWidget(head, 1, col)
            side.addWidget(mark, 2, col)
            side.addWidget(notes, 3, col)
            self.columns[role] = (head, mark, notes)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Motif de la décision finale (facultatif)"))
        self.reason.setStyleSheet(BASE_CSS)
        side.addWidget(self.reason, 4, 0, 1, 2)
        buttons = QHBoxLayout()
        self.final_buttons: dict[Decision, QPushButton] = {}
        for decision, text in ((Decision.VALIDE, self.tr("✔ Validé  [V]")), (Decision.NON_VALIDE, self.tr("✘ Non validé  [N]"))):
            button = QPushButton(text)
            button.setStyleSheet(SMALL_BUTTON_CSS)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=decision: self.decide(d))
            buttons.addWidget(button)
            self.final_buttons[decision] = button
        buttons.addStretch(1)
        close = QPushButton(self.tr("Fermer  [Échap]"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        side.addLayout(buttons, 5, 0, 1, 2)
        self.final = QLabel()
        self.final.setWordWrap(True)
        side.addWidget(self.final, 6, 0, 1, 2)
        side.setRowStretch(3, 1)
        holder = QWidget()
        holder.setLayout(side)
        body.addWidget(holder, 1)
        layout.addLayout(body, 1)
        self.items: list[dm.Disagreement] = []
        # V / N win over the list's type-to-search; the reason field takes them first (it types them)
        for key, decision in (("V", Decision.VALIDE), ("N", Decision.NON_VALIDE)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=decision: self.decide(d))
        self.load()
        self.list.setFocus()

    def load(self) -> None:
        row = max(self.list.currentRow(), 0)
        self.items = dm.disagreements(self.store, self.epreuve_id)
        figures = dm.agreement_of(self.store, self.epreuve_id)
        pending = sum(1 for d in self.items if d.final is None)
        summary = figures.french() if figures is not None else ""
        state = (self.tr("{n} désaccord(s) à concilier").format(n=pending) if pending
                 else self.tr("conciliation complète : l'avis peut être rédigé et signé"))
        self.agreement.setText(f"{summary} — {state}")
        self.agreement.setStyleSheet(box_css(NOTICE if pending else OK, compact=True))
        self.list.blockSignals(True)
        self.list.clear()
        for d in self.items:
            mark = "✔" if d.final == "valide" else "✘" if d.final == "non_valide" else "…"
            QListWidgetItem(f"{mark}  {d.code}  {d.label}", self.list)
        self.list.blockSignals(False)
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
        self._show_current()

    def current(self) -> dm.Disagreement | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_current(self) -> None:
        d = self.current()
        epreuve = self.store.epreuve(self.epreuve_id)
        if d is None:
            self.criterion.setText(self.tr("Aucun désaccord : les deux membres ont noté tous les critères à l'identique."))
            for head, mark, notes in self.columns.values():
                head.setText("")
                mark.setText("")
                notes.setText("")
            self.final.setText("")
            return
        self.criterion.setText(f"{d.code} — {d.label}")
        for role, (head, mark, notes) in self.columns.items():
            head.setText(f"{ROLE_LABELS[role]} : {member_name(self.store, epreuve[f'{role}_id'])}")
            value = d.president if role == "president" else d.expert
            mark.setText(_mark_text(value))
            texts = d.president_notes if role == "president" else d.expert_notes
            notes.setText("\n".join(texts) if texts else self.tr("(aucune note)"))
        if d.final is None:
            self.final.setText(self.tr("Décision finale : à prendre par le jury."))
            self.final.setStyleSheet(box_css(NOTICE, compact=True))
        else:
            reason = f" — motif : {d.reason}" if d.reason else ""
            self.final.setText(self.tr("Décision finale : {mark}{reason}").format(mark=_mark_text(d.final), reason=reason))
            self.final.setStyleSheet(box_css(OK, compact=True))
        self.reason.setText(d.reason)

    def decide(self, decision: Decision) -> None:
        d = self.current()
        if d is None:
            return
        try:
            dm.settle(self.store, self.epreuve_id, d.criterion, decision, self.reason.text())
        except REFUSALS as exc:
            self.final.setText(str(exc))
            self.final.setStyleSheet(box_css(ERROR, compact=True))
            return
        row = self.list.currentRow()
        self.load()
        if row + 1 < len(self.items):
            self.list.setCurrentRow(row + 1)
        self.list.setFocus()
        self.settled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.reason.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.list.setFocus()  # the reason is typed: V / N now decide
            return
        super().keyPressEvent(event)
