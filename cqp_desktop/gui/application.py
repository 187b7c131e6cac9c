"""Starts Qt: the application object, the main window, and the event loop."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from cqp_desktop import __version__
from cqp_desktop.app_context import AppContext
from cqp_desktop.gui.home_view import HomeView


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext):
        super().__init__()
        self.context = context
        ref = context.referentiel
        self.setWindowTitle(f"cqp-desktop {__version__} — jurys CQP COS / GC")
        notice = f"Référentiel {ref.version} : {ref.criteria_notice}" if ref.indicative else ""
        self.home = HomeView(context.store, notice, self)
        self.setCentralWidget(self.home)
        self.statusBar().showMessage(f"Données : {context.data_dir}")
        self.resize(1100, 700)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("cqp-desktop")
    app.setOrganizationName("Ucanss")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def run(context: AppContext) -> int:
    app = create_application()
    window = MainWindow(context)
    window.show()
    try:
        return app.exec()
    finally:
        context.close()
