"""The criteria checklist: one keystroke per decision, live competence and bloc status, notes.

The view holds no domain state: it reads decisions, notes and results from the runner and redraws
when the bridge says something was stored. A decision appears only after `runner.set_decision`
returned, i.e. after its transaction committed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site.runner import REFUSALS, EpreuveRunner
from cqp_desktop.gui.runner_bridge import RunnerBridge
from cqp_desktop.gui.style import (
    BASE_CSS,
    BODY_CSS,
    CAPTION_CSS,
    CHECKLIST_TREE_CSS,
    DECISION_COLOUR,
    DECISION_TEXT,
    ERROR,
    FOOTNOTE_CSS,
    NOTICE,
    OK,
    SMALL_BUTTON_CSS,
    SMALL_CAPTION_CSS,
    TEXT_BAD,
    TEXT_GOOD,
    box_css,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KEYS = {Qt.Key.Key_V: Decision.VALIDE, Qt.Key.Key_N: Decision.NON_VALIDE, Qt.Key.Key_O: Decision.NON_OBSERVE}
NOTE_DEBOUNCE_MS = 700


class CriteriaTree(QTreeWidget):
    """Competences with their criteria; V / N / O decide the current criterion and move to the next.

    Signals:
        decide(str, object): criterion key and Decision chosen from the keyboard.
    """

    decide = Signal(str, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        decision = KEYS.get(Qt.Key(event.key()))
        blocking = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
        if decision is not None and not (event.modifiers() & blocking):
            item = self.currentItem()
            if item is not None and item.data(0, KIND_ROLE) == "criterion":
                self.decide.emit(item.data(0, KEY_ROLE), decision)
            return
        super().keyPressEvent(event)


class ChecklistView(QWidget):
    def __init__(self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.items: dict[str, QTreeWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        title = QLabel(
            self.tr("Grille d'évaluation — {bloc} : {title}").format(bloc=runner.bloc.code, title=runner.bloc.title)
        )
        title.setWordWrap(True)
        title.setStyleSheet(CAPTION_CSS)
        layout.addWidget(title)
        self.notice = QLabel(runner.criteria_notice)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(box_css(NOTICE, size_pt=10, compact=True))
        self.notice.setVisible(bool(runner.criteria_notice))
        layout.addWidget(self.notice)

        self.tree = CriteriaTree()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Compétence / critère"), self.tr("Décision")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet(CHECKLIST_TREE_CSS)
        self.tree.setUniformRowHeights(True)  # denser rows: more of a bloc's criteria in view
        self.tree.setMinimumHeight(150)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        bold = QFont()
        bold.setBold(True)
        for competence in runner.bloc.competences:
            parent_item = QTreeWidgetItem([f"{competence.code} — {competence.wording}", ""])
            parent_item.setData(0, KEY_ROLE, competence.key)
            parent_item.setData(0, KIND_ROLE, "competence")
            parent_item.setToolTip(0, competence.wording)
            parent_item.setFont(0, bold)
            parent_item.setFont(1, bold)
            self.tree.addTopLevelItem(parent_item)
            self.items[competence.key] = parent_item
            for criterion in competence.criteria:
                child = QTreeWidgetItem([f"{criterion.code}  {criterion.label}", ""])
                child.setData(0, KEY_ROLE, criterion.key)
                child.setData(0, KIND_ROLE, "criterion")
                child.setToolTip(0, criterion.label)
                parent_item.addChild(child)
                self.items[criterion.key] = child
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)

        keys = QHBoxLayout()
        self.buttons: dict[Decision, QPushButton] = {}
        for decision, text in (
            (Decision.VALIDE, self.tr("✔ Validé  [V]")),
            (Decision.NON_VALIDE, self.tr("✘ Non validé  [N]")),
            (Decision.NON_OBSERVE, self.tr("○ Non observé  [O]")),
        ):
            button = QPushButton(text)
            button.setStyleSheet(SMALL_BUTTON_CSS)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=decision: self.decide_current(d))
            keys.addWidget(button)
            self.buttons[decision] = button
        self.undo_button = QPushButton(self.tr("↶ Annuler  [Ctrl+Z]"))
        self.undo_button.setStyleSheet(SMALL_BUTTON_CSS)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo)
        keys.addWidget(self.undo_button)
        keys.addStretch(1)
        layout.addLayout(keys)

        self.wording = QLabel()  # the current criterion in full: rows may be cut at the grid's width
        self.wording.setWordWrap(True)
        self.wording.setTextFormat(Qt.TextFormat.PlainText)
        self.wording.setStyleSheet(BODY_CSS)
        self.wording.setFixedHeight(self.wording.fontMetrics().lineSpacing() * 2 + 8)
        layout.addWidget(self.wording)
        note_row = QHBoxLayout()
        self.note_label = QLabel()
        self.note_label.setStyleSheet(SMALL_CAPTION_CSS)
        note_row.addWidget(self.note_label)
        self.note_status = QLabel()
        self.note_status.setStyleSheet(FOOTNOTE_CSS)
        note_row.addWidget(self.note_status, 1)
        self.per_criterion = QCheckBox(self.tr("Note propre au critère"))
        self.per_criterion.setStyleSheet(BODY_CSS)
        self.per_criterion.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.per_criterion.toggled.connect(lambda _checked: self._retarget_note())
        note_row.addWidget(self.per_criterion)
        layout.addLayout(note_row)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Note sur la compétence (enregistrée automatiquement)"))
        self.note.setStyleSheet(BASE_CSS)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 2 + 14)
        layout.addWidget(self.note)

        # the result and an error share one fixed-height slot: nothing below the grid ever moves
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(box_css(ERROR, size_pt=11, compact=True))
        self.status_area = QStackedWidget()
        self.status_area.addWidget(self.result)
        self.status_area.addWidget(self.message)
        self.status_area.setFixedHeight(self.result.fontMetrics().lineSpacing() * 2 + 16)
        layout.addWidget(self.status_area)

        self._note_key: str | None = None  # the competence of the note being edited
        self._note_criterion: str | None = None  # set when the note is the criterion's own
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_DEBOUNCE_MS)
        self._note_timer.timeout.connect(self.save_pending_note)
        self.note.textChanged.connect(self._note_edited)

        self.tree.decide.connect(self._decide_and_advance)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(self._cycle)
        bridge.changed.connect(self._on_changed)
        self.refresh()
        last = runner.last_criterion()  # a reopened épreuve goes back to the criterion touched last
        first = self.tree.topLevelItem(0)
        if last in self.items:
            self.select_criterion(last)
        elif first is not None and (first_criterion := first.child(0)) is not None:
            self.tree.setCurrentItem(first_criterion)

    # -------------------------------------------------------------------------------------------

    def _on_changed(self, topic: str) -> None:
        if topic == "decisions":
            self.refresh()
        elif topic == "marker":  # double correction: the notes shown are now the other member's own
            self._note_timer.stop()
            self._note_key = None
            self._retarget_note()
            self.refresh()

    def refresh(self) -> None:
        result = self.runner.result()
        by_key = {c.key: c for c in result.competences}
        for competence in self.runner.bloc.competences:
            res = by_key[competence.key]
            item = self.items[competence.key]
            status = self.tr("acquise") if res.acquired else self.tr("non acquise")
            item.setText(1, self.tr("{status} {v}/{t}").format(status=status, v=res.validated, t=res.total))
            item.setToolTip(1, res.explanation())
            item.setForeground(1, QBrush(QColor(TEXT_GOOD if res.acquired else TEXT_BAD)))
            for criterion in competence.criteria:
                decision = self.runner.decision(criterion.key)
                child = self.items[criterion.key]
                child.setText(1, DECISION_TEXT[decision])
                child.setForeground(1, QBrush(QColor(DECISION_COLOUR[decision])))
        missing = result.missing_competences
        text = result.summary() + "."
        if self.runner.is_prepositionnement:
            text = self.tr("Pré-positionnement, non certifiant — ") + text
        if missing:  # compact: codes and counts; the full explanations on hover and in the avis
            text += "\n" + self.tr("Non acquises : ") + " · ".join(
                f"{c.key.split('.', 1)[1]} {c.validated}/{c.total}" for c in missing
            )
        self.result.setText(text)
        self.result.setToolTip("\n".join(c.explanation() for c in missing))
        self.result.setStyleSheet(box_css(OK if result.validated else NOTICE, size_pt=11, compact=True))
        writable = self.runner.marking_open
        self.undo_button.setEnabled(writable)
        for button in self.buttons.values():  # a signed épreuve is read-only: say so by disabling
            button.setEnabled(writable)
        self.note.setReadOnly(not writable)
        if not writable:
            self.note.setPlaceholderText(
                self.tr("Épreuve signée : notes en lecture seule") if self.runner.read_only
                else self.tr("Observation clôturée : notes en lecture seule")
            )

    def current_criterion(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None and item.data(0, KIND_ROLE) == "criterion" else None

    def show_error(self, text: str) -> None:
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.status_area.setCurrentWidget(self.message)

    def _clear_error(self) -> None:
        self.status_area.setCurrentWidget(self.result)

    def _decide(self, criterion: str, decision: Decision) -> bool:
        try:
            self.runner.set_decision(criterion, decision)
        except REFUSALS as exc:
            self._show_error(str(exc))
            return False
        self._clear_error()
        return True

    def decide_current(self, decision: Decision) -> None:
        """V / N / O and the decision buttons: decide the current criterion, then go to the next one."""
        criterion = self.current_criterion()
        if criterion is None:
            self._show_error(self.tr("Choisissez d'abord un critère dans la grille."))
            return
        self._decide_and_advance(criterion, decision)

    def select_criterion(self, criterion: str) -> None:
        """Make `criterion` current and scrolled into view (from the « À aborder » list, on reopening)."""
        item = self.items.get(criterion)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def _decide_and_advance(self, criterion: str, decision: str) -> None:
        if self._decide(criterion, Decision(decision)):
            below = self.tree.itemBelow(self.items[criterion])
            while below is not None and below.data(0, KIND_ROLE) != "criterion":
                below = self.tree.itemBelow(below)
            if below is not None:
                self.tree.setCurrentItem(below)

    def _cycle(self, item: QTreeWidgetItem, column: int) -> None:
        """Double-click cycles validé → non validé → non observé."""
        if item.data(0, KIND_ROLE) != "criterion":
            return
        order = [Decision.VALIDE, Decision.NON_VALIDE, Decision.NON_OBSERVE]
        current = self.runner.decision(item.data(0, KEY_ROLE))
        self._decide(item.data(0, KEY_ROLE), order[(order.index(current) + 1) % 3])

    def undo(self) -> None:
        try:
            criterion = self.runner.undo()
        except REFUSALS as exc:
            self._show_error(str(exc))
            return
        if criterion:
            self.tree.setCurrentItem(self.items[criterion])
            self._clear_error()
        else:
            self._show_error(self.tr("Aucune décision à annuler."))

    # -------------------------------------------------------------------------------------------
    # notes: debounced, every saved version committed; "enregistrée" only after the store returned

    def _competence_of(self, item: QTreeWidgetItem | None) -> str | None:
        if item is None:
            return None
        if item.data(0, KIND_ROLE) == "criterion":
            item = item.parent()
        key = None if item is None else item.data(0, KEY_ROLE)
        return None if key is None else str(key)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.tree.scrollToItem(current)
            self.wording.setText(current.text(0))
        self._retarget_note()

    def _retarget_note(self) -> None:
        """Point the note editor at the current competence (or criterion): save the previous one first."""
        key = self._competence_of(self.tree.currentItem())
        criterion = self.current_criterion() if self.per_criterion.isChecked() else None
        if (key, criterion) == (self._note_key, self._note_criterion):
            return
        self.save_pending_note()
        self._note_key, self._note_criterion = key, criterion
        if criterion:
            code = self.runner.referentiel.criterion(criterion).code
            self.note_label.setText(self.tr("Note sur le critère {code}").format(code=code))
        else:
            code = key.split(".", 1)[1] if key else ""
            self.note_label.setText(self.tr("Note sur la compétence {code}").format(code=code))
        stored = self.runner.note(key, criterion) if key else ""
        self.note.blockSignals(True)
        self.note.setPlainText(stored)
        self.note.blockSignals(False)
        self.note_status.setText(self.tr("Note enregistrée.") if stored else "")

    def _note_edited(self) -> None:
        self.note_status.setText(self.tr("Saisie en cours… (enregistrement automatique)"))
        self._note_timer.start()

    def save_pending_note(self) -> None:
        self._note_timer.stop()
        if self._note_key is None:
            return
        text = self.note.toPlainText()
        if text == self.runner.note(self._note_key, self._note_criterion):
            return
        try:
            self.runner.save_note(self._note_key, text, criterion=self._note_criterion)
        except REFUSALS as exc:
            self._show_error(str(exc))
            self.note_status.setText(self.tr("⚠ Note NON enregistrée — le texte reste affiché, réessayez."))
            return
        self._clear_error()
        self.note_status.setText(self.tr("Note enregistrée."))
