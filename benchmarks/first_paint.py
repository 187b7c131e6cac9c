"""Child process for the cold-start benchmark: show a window, print 'painted' at its first paint, quit.

`python -m benchmarks.first_paint app DATA_DIR` runs the real start of the site window (the command
line's parser, then gui/start.py: home list read, window shown, base opened after the first paint);
`python -m benchmarks.first_paint bare` shows an empty QMainWindow (the baseline).
Both wait for the window's own first paint (no forced grab). The parent times the 'painted' line.
"""

from __future__ import annotations

import sys


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    def painted(_window: object) -> None:
        print("painted", flush=True)
        QTimer.singleShot(0, app.quit)

    if sys.argv[1] == "app":
        from cqp_desktop import cli

        args = cli.build_parser().parse_args(["--data-dir", sys.argv[2]])
        from cqp_desktop.gui.start import run_site

        run_site(args.data_dir, painted=painted)  # after the quit it still opens the base, as a real start does
        return

    window = QMainWindow()
    window.resize(1100, 700)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                painted(obj)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
