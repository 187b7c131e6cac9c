"""Child process for the cold-start benchmark: show a window, print 'painted' at its first paint, quit.

`python -m benchmarks.first_paint app DATA_DIR` shows the real main window on DATA_DIR;
`python -m benchmarks.first_paint bare` shows an empty QMainWindow (the baseline).
"""

from __future__ import annotations

import sys


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "app":
        from cqp_desktop.app_context import AppContext
        from cqp_desktop.gui.application import MainWindow

        window = MainWindow(AppContext.open(sys.argv[2]))
    else:
        window = QMainWindow()
        window.resize(1100, 700)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    # Offscreen platforms paint on demand: ask for the frame a real screen would draw.
    QTimer.singleShot(0, lambda: window.grab())
    app.exec()


if __name__ == "__main__":
    main()
