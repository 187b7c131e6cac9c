"""The on-site épreuve screen: header, big clock, checklist, and the panel the current phase needs.

It holds no domain state: everything shown comes from the `EpreuveRunner`, redrawn when the bridge
says a change was stored. The 200 ms QTimer only asks the clock panel to redraw the time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QFrame, QLabel, QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site.clock import ClockState
from cqp_desktop.core.site.jury import current_jury
from cqp_desktop.core.site.runner import REFUSALS, EpreuveRunner
from cqp_desktop.gui.checklist_view import ChecklistView
from cqp_desktop.gui.clock_panel import ClockPanel
from cqp_desktop.gui.double_marking_view import SWITCH_KEY, MarkerBar, ReconciliationDialog
from cqp_desktop.gui.runner_bridge import RunnerBridge
from cqp_desktop.gui.runner_panels import DiscussPanel, LivretPanel, PresentationPanel
from cqp_desktop.gui.style import (
    BAR_BUTTON_CSS,
    BASE_CSS,
    BODY_CSS,
    CERT_CSS,
    FOOTNOTE_CSS,
    NOTICE,
    PREPOS_CSS,
    RUNNER_TABS_CSS,
    RUNNER_TITLE_CSS,
    box_css,
)
from cqp_desktop.gui.ui_loader import Finder, load_form

REFRESH_MS = 200
CLOSE_REASON = "Application fermée pendant l'épreuve"


class RunnerView(QWidget):
    """Signals:
    home_requested(): the user asked to go back to the list (the clock keeps running).
    jury_requested(int): the user asked to compose the jury of this épreuve.
    avis_requested(int): the user asked to write or sign the jury's avis on this épreuve.
    """

    home_requested = Signal()
    jury_requested = Signal(int)
    avis_requested = Signal(int)

    def __init__(self, runner: EpreuveRunner, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.runner = runner
        self.bridge = RunnerBridge(runner, self)
        self.setStyleSheet(BASE_CSS)
        form = load_form("runner_view", self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(form)
        find = Finder(form)
        back: QPushButton = find(QPushButton, "backButton")
        back.setStyleSheet(BAR_BUTTON_CSS)
        back.clicked.connect(self.home_requested.emit)
        self.title: QLabel = find(QLabel, "titleLabel")
        self.title.setStyleSheet(RUNNER_TITLE_CSS)
        self.mode_badge: QLabel = find(QLabel, "modeBadge")
        self.jury: QLabel = find(QLabel, "juryLabel")
        self.jury_button: QPushButton = find(QPushButton, "juryButton")
        self.jury_button.clicked.connect(lambda: self.jury_requested.emit(runner.epreuve_id))
        self.avis_button: QPushButton = find(QPushButton, "avisButton")
        self.avis_button.clicked.connect(lambda: self.avis_requested.emit(runner.epreuve_id))

        self.clock = ClockPanel(runner, self.bridge, today=(lambda: today) if today else dt.date.today)
        _fill(find(QWidget, "clockHolder"), self.clock)
        self.tabs: QTabWidget = find(QTabWidget, "panelTabs")
        self.tabs.setStyleSheet(RUNNER_TABS_CSS)
        self.discuss = DiscussPanel(runner, self.bridge)
        self.presentation = PresentationPanel(runner, self.bridge) if runner.has_presentation else None
        self.livret = LivretPanel(runner, self.bridge) if runner.is_vae else None
        self.livret_page = _scrolled(self.livret) if self.livret is not None else None
        self.presentation_page = _scrolled(self.presentation) if self.presentation is not None else None
        if self.livret_page is not None:
            self.tabs.addTab(self.livret_page, self.tr("Livret 2 (VAE)"))
        if self.presentation_page is not None:
            self.tabs.addTab(self.presentation_page, self.tr("Présentation"))
        self.tabs.addTab(self.discuss, self.tr("À aborder en entretien"))
        self.checklist = ChecklistView(runner, self.bridge)
        self.marker_bar: MarkerBar | None = None
        if runner.double:  # double correction: who marks now, above the grid (gui/double_marking_view.py)
            self.marker_bar = MarkerBar(runner, self.bridge)
            self.marker_bar.switching.connect(self.checklist.save_pending_note)
            self.marker_bar.failed.connect(self.checklist.show_error)
            self.marker_bar.reconcile_requested.connect(self.open_reconciliation)
            column = QWidget()
            _fill(column, self.marker_bar)
            column_layout = column.layout()
            assert isinstance(column_layout, QBoxLayout)  # _fill lays the column out in a box
            column_layout.addWidget(self.checklist, 1)
            _fill(find(QWidget, "checklistHolder"), column)
        else:
            _fill(find(QWidget, "checklistHolder"), self.checklist)
        self.reconciliation: ReconciliationDialog | None = None
        self.discuss.criterion_chosen.connect(self.checklist.select_criterion)
        splitter: QSplitter = find(QSplitter, "splitter")
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 800])
        self.shortcuts_hint: QLabel = find(QLabel, "shortcutsLabel")
        self.shortcuts_hint.setStyleSheet(FOOTNOTE_CSS)
        if self.marker_bar is not None:
            self.shortcuts_hint.setText(
                self.shortcuts_hint.text() + self.tr(" · {key} membre qui note · Ctrl+R conciliation").format(key=SWITCH_KEY)
            )

        # V / N / O / Ctrl+Z work whatever has the focus in this screen (`_keep_focus` makes sure the
        # focus never leaves it for nowhere); a text field (note, livret) takes them first (Qt's
        # ShortcutOverride), so there they type.
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            ("F5", lambda: self.clock.start_or_resume()),
            ("F6", lambda: self.clock.pause()),
            ("F8", lambda: self.clock.next_phase()),
            ("V", lambda: self.checklist.decide_current(Decision.VALIDE)),
            ("N", lambda: self.checklist.decide_current(Decision.NON_VALIDE)),
            ("O", lambda: self.checklist.decide_current(Decision.NON_OBSERVE)),
            ("Ctrl+Z", self.checklist.undo),
            ("Ctrl+J", lambda: self.jury_requested.emit(runner.epreuve_id)),
            ("Escape", self.home_requested.emit),
            *(
                ((SWITCH_KEY, self.marker_bar.toggle), ("Ctrl+R", self.open_reconciliation))
                if self.marker_bar is not None else ()
            ),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(partial(self._shortcut, slot))

        self._alive = True
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.clock.refresh)
        self.timer.timeout.connect(self._checkpoint)
        self.timer.start()
        self.bridge.changed.connect(self._on_changed)
        self._was_over = runner.observation_over
        self.refresh_header()
        self._select_tab()
        self.checklist.tree.setFocus()

    def _shortcut(self, slot: Callable[[], object]) -> None:
        """A key of this screen acts only when no question (a dialog of this window) is open."""
        modal = QApplication.activeModalWidget()
        while modal is not None and modal is not self.window():
            modal = modal.parentWidget()
        if modal is None:
            slot()

    def open_reconciliation(self) -> None:
        """Both observations closed: settle each disagreement (gui/double_marking_view.py)."""
        if not self.runner.reconciling:
            self.checklist.show_error(self.tr("Conciliation possible une fois les deux observations clôturées."))
            return
        self.reconciliation = ReconciliationDialog(self.runner.store, self.runner.epreuve_id, self)
        self.reconciliation.settled.connect(self.runner.reload_marks)
        self.reconciliation.finished.connect(self._reconciliation_closed)
        self.reconciliation.open()
        self.reconciliation.activateWindow()  # V / N go to the reconciliation, not to the grid behind

    def _reconciliation_closed(self, _result: int) -> None:
        if self.marker_bar is not None:
            self.marker_bar.refresh()

    def _checkpoint(self) -> None:
        """Keep the running clock's elapsed time durable (see EpreuveRunner.checkpoint)."""
        problem = self.runner.checkpoint()
        if problem and self.clock.message.text() != problem:  # shown beside the clock, where the jury looks
            self.clock.message.setText(problem)
            self.clock.message.show()

    def refresh_header(self) -> None:
        r = self.runner
        alternative = r.alternative_label()
        route = self.tr("VAE") if r.is_vae else self.tr("formation")
        self.title.setText(
            self.tr("{name} — bloc {bloc} (CQP {cqp})").format(name=r.candidate_name(), bloc=r.bloc.code, cqp=r.epreuve["certification"])
        )
        self.title.setToolTip(r.bloc.title)
        details = [self.tr("voie {route}").format(route=route)]
        if alternative:
            details.append(alternative)
        if r.is_prepositionnement:
            self.mode_badge.setText(self.tr("PRÉ-POSITIONNEMENT — non certifiant"))
            self.mode_badge.setStyleSheet(PREPOS_CSS)
        else:
            self.mode_badge.setText(self.tr("CERTIFICATION"))
            self.mode_badge.setStyleSheet(CERT_CSS)
        president, expert = current_jury(r.store, r.epreuve_id)
        jury = self.tr("Président : {p} · Expert métier : {e}").format(
            p=president.name if president else self.tr("— à désigner —"),
            e=f"{expert.name} ({expert.organisme})" if expert else self.tr("— à désigner —"),
        )
        if r.cancelled is not None:
            details.insert(0, self.tr("ÉPREUVE ANNULÉE ({reason}) — lecture seule").format(reason=r.cancelled["reason"]))
        elif r.read_only:
            details.insert(0, self.tr("ÉPREUVE SIGNÉE — lecture seule"))
        self.jury.setText(" · ".join(details) + "   |   " + jury)
        problem = r.jury_problem()
        self.jury.setStyleSheet(box_css(NOTICE, size_pt=11, compact=True) if problem else BODY_CSS)
        self.jury_button.setEnabled(r.clock.state == ClockState.NOT_STARTED and not r.read_only)
        self.avis_button.setEnabled(r.ended or r.read_only)
        self.avis_button.setToolTip(
            "" if self.avis_button.isEnabled() else self.tr("L'avis se rédige une fois l'épreuve terminée (F8 à la dernière phase).")
        )

    def _on_changed(self, topic: str) -> None:
        if topic == "clock":
            self.refresh_header()
            self._select_tab()
            self._keep_focus()

    def _keep_focus(self) -> None:
        """A panel hidden by a phase change takes the focus with it: give it back to the grid."""
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or not focus.isVisible() or (focus.window() is self.window() and not self.isAncestorOf(focus))):
            self.checklist.tree.setFocus()

    def _select_tab(self) -> None:
        """Show the panel the phase needs: livret/presentation first, the gaps once the interview begins."""
        over = self.runner.observation_over
        if over and not self._was_over or over and self.runner.clock.state != ClockState.NOT_STARTED and self.runner.recovered_now:
            self.tabs.setCurrentWidget(self.discuss)
        elif not over and self.presentation_page is not None and self.runner.clock.current.presentation:
            self.tabs.setCurrentWidget(self.presentation_page)
        self._was_over = over

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.clock.refresh()
        if not self.timer.isActive() and self._alive:
            self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.timer.stop()  # nothing to redraw while another screen is shown; the clock itself keeps time
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Leaving the app: save the note being typed and pause a running clock (with its reason)."""
        self._alive = False
        self.timer.stop()
        self.checklist.save_pending_note()  # shows its own failure
        if self.runner.reading().state == ClockState.RUNNING and not self.runner.read_only:
            try:
                self.runner.pause(CLOSE_REASON)
            except REFUSALS:
                pass  # not stored (disk full…): the next start records the interruption ('recovered')
        self.bridge.detach()


def _scrolled(panel: QWidget) -> QScrollArea:
    """Panels keep their natural size and scroll when the laptop screen is short."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def _fill(holder: QWidget, child: QWidget) -> None:
    """Put a code-built widget into its placeholder of the Designer form."""
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(child)
