"""Where the cold start goes: one fresh process, each phase timed, printed as JSON.

`python -m benchmarks.start_breakdown app DATA_DIR` — the real start as it is.
`python -m benchmarks.start_breakdown app-fixed DATA_DIR` — the same start with the fixes proposed in
    benchmarks/RESULTS.md applied *from here* (monkeypatched, nothing in the app is changed): the home
    table's model computes each row's texts once, and the header sizes columns from a sample of rows.
    It measures what those fixes would buy before anyone changes the app.
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = time.perf_counter()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode, data_dir = sys.argv[1], sys.argv[2]
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = round((time.perf_counter() - T0) * 1000, 1)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    mark("import PySide6 (QtCore, QtWidgets)")
    app = QApplication(sys.argv[:1])
    mark("QApplication")
    from cqp_desktop.app_context import AppContext

    mark("import cqp_desktop.app_context (store, sqlite_utils, demo)")
    from cqp_desktop.gui.application import MainWindow

    mark("import cqp_desktop.gui.application")
    if mode == "app-fixed":
        _apply_fixes()
    context = AppContext.open(data_dir)
    mark("AppContext.open (base, référentiel)")
    window = MainWindow(context)
    mark("MainWindow() (liste d'accueil incluse)")

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                mark("première peinture")
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    mark("show()")
    QTimer.singleShot(0, lambda: window.grab())
    app.exec()
    print(json.dumps(marks, ensure_ascii=False))


def _apply_fixes() -> None:
    """The proposed fixes, applied from outside the app (see module docstring)."""
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QHeaderView

    from cqp_desktop.gui import home_view

    model_cls = home_view.EpreuveTableModel
    original_init = model_cls.__init__
    bold = QFont()
    bold.setBold(True)

    def init(self, lines, today=None):  # type: ignore[no-untyped-def]
        original_init(self, lines, today)
        self._rows = [
            (
                dt.date.fromisoformat(line.planned_date).strftime("%d/%m/%Y")
                + (" (aujourd'hui)" if line.planned_date == self.today else ""),
                line.candidate,
                line.certification,
                line.bloc,
                home_view.ROUTES.get(line.route, line.route),
                home_view.MODES.get(line.mode, line.mode),
                f"{home_view.STATE_MARKS.get(line.state, '')} {line.state}",
            )
            for line in lines
        ]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and self.lines[index.row()].planned_date == self.today:
            return bold
        return None

    model_cls.__init__ = init
    model_cls.data = data
    original_refresh = home_view.HomeView.refresh

    def refresh(self):  # type: ignore[no-untyped-def]
        self.table.horizontalHeader().setResizeContentsPrecision(50)  # size columns from 50 rows, not all
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        original_refresh(self)

    home_view.HomeView.refresh = refresh


if __name__ == "__main__":
    main()
