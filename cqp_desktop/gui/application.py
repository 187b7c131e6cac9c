"""Starts Qt: the application object, the main window, and the event loop.

MainWindow switches between the home list, a candidate dossier and the épreuve runners. Runners stay
alive while the app runs (going back home does not stop a clock); closing the window pauses every
running clock with a reason, so a clean restart finds each épreuve where it was.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from cqp_desktop import __version__
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.backup import BackupError, backup_if_due
from cqp_desktop.core.clock import NowNs
from cqp_desktop.core.runner import EpreuveRunner
from cqp_desktop.gui.dossier_view import DossierView
from cqp_desktop.gui.home_view import HomeView
from cqp_desktop.gui.jury_dialog import JuryDialog
from cqp_desktop.gui.planning_dialog import PlanningDialog
from cqp_desktop.gui.runner_view import RunnerView
from cqp_desktop.gui.shortcuts_dialog import ShortcutsDialog


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, now_ns: NowNs = time.monotonic_ns, today: dt.date | None = None):
        super().__init__()
        self.context = context
        self.now_ns = now_ns
        self.today = today
        ref = context.store.active_referentiel() or context.referentiel
        self.setWindowTitle(f"cqp-desktop {__version__} — jurys CQP COS / GC")
        notice = f"Référentiel {ref.version} : {ref.criteria_notice}" if ref.indicative else ""
        self.stack = QStackedWidget(self)
        self.home = HomeView(context.store, notice, self, today=today)
        self.dossier = DossierView(context.store, self)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.dossier)
        self.setCentralWidget(self.stack)
        self.runners: dict[int, RunnerView] = {}
        self.dialog: JuryDialog | PlanningDialog | ShortcutsDialog | None = None

        self.home.open_requested.connect(self.open_epreuve)
        self.home.plan_requested.connect(lambda: self.plan_epreuve())
        self.home.jury_requested.connect(self.compose_jury)
        self.home.dossier_requested.connect(self.show_dossier)
        self.dossier.home_requested.connect(self.show_home)
        self.dossier.plan_requested.connect(lambda cid: self.plan_epreuve(cid or None))
        self.dossier.open_requested.connect(self.open_epreuve)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Données : {dir}").format(dir=context.data_dir))
        self.resize(1366, 800)

    def _build_menus(self) -> None:
        """Fichier / Épreuve / Aide: teammates' dialogs hook into these menus."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Fichier"))
        quit_action = QAction(self.tr("&Quitter"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self.epreuve_menu = bar.addMenu(self.tr("É&preuve"))
        for text, key, slot in (
            (self.tr("&Accueil — liste des épreuves"), "Ctrl+H", self.show_home),
            (self.tr("&Planifier une épreuve…"), None, lambda: self.plan_epreuve()),
        ):
            action = QAction(text, self)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.epreuve_menu.addAction(action)
        self.help_menu = bar.addMenu(self.tr("&Aide"))
        shortcuts = QAction(self.tr("&Raccourcis clavier"), self)
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(shortcuts)

    # -------------------------------------------------------------------------------------------
    # navigation

    def show_home(self) -> None:
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.home.table.setFocus()

    def show_dossier(self, candidate_id: int) -> None:
        self.dossier.show_candidate(candidate_id)
        self.stack.setCurrentWidget(self.dossier)

    def open_epreuve(self, epreuve_id: int) -> RunnerView:
        view = self.runners.get(epreuve_id)
        if view is None:
            runner = EpreuveRunner(self.context.store, epreuve_id, now_ns=self.now_ns)
            view = RunnerView(runner, self)
            view.home_requested.connect(self.show_home)
            view.jury_requested.connect(self.compose_jury)
            self.stack.addWidget(view)
            self.runners[epreuve_id] = view
        self.stack.setCurrentWidget(view)
        view.checklist.tree.setFocus()
        return view

    # -------------------------------------------------------------------------------------------
    # dialogs (opened with open(): never block the event loop)

    def plan_epreuve(self, candidate_id: int | None = None) -> PlanningDialog:
        dialog = PlanningDialog(self.context.store, today=self.today, candidate_id=candidate_id, parent=self)
        dialog.planned.connect(self._planned)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, epreuve_id: int) -> None:
        self.show_home()
        self.home.select_epreuve(epreuve_id)
        self.statusBar().showMessage(self.tr("Épreuve planifiée : composez maintenant son jury."))
        if self.context.store.epreuve(epreuve_id)["mode"] == "certification":
            self.compose_jury(epreuve_id)  # a certifying épreuve cannot start without its jury

    def compose_jury(self, epreuve_id: int) -> JuryDialog:
        dialog = JuryDialog(self.context.store, epreuve_id, parent=self)
        dialog.saved.connect(self._jury_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _jury_saved(self, epreuve_id: int) -> None:
        if epreuve_id in self.runners:
            self.runners[epreuve_id].refresh_header()
        self.home.refresh()
        self.statusBar().showMessage(self.tr("Jury enregistré."))

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -------------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Save pending notes and pause running clocks; idempotent."""
        for view in self.runners.values():
            view.shutdown()
        self.runners.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)


def daily_backup(context: AppContext) -> str | None:
    """The day's automatic backup, taken at start-up (core/backup.py); a failure never blocks the jury."""
    try:
        backup_if_due(context.store, context.data_dir, dt.date.today())
    except (BackupError, OSError) as exc:
        return f"Sauvegarde automatique impossible : {exc}"
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("cqp-desktop")
    app.setOrganizationName("Ucanss")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def run(context: AppContext) -> int:
    app = create_application()
    problem = daily_backup(context)
    window = MainWindow(context)
    if problem:
        window.statusBar().showMessage(problem)
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()
        context.close()
