"""The one adapter from the runner model's plain-Python events to a Qt signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from cqp_desktop.core.site.runner import EpreuveRunner


class RunnerBridge(QObject):
    """Re-emits the runner's topics on the GUI thread.

    Signals:
        changed(str): a topic ("clock", "decisions", "notes", "presented", "situations") whose state was
            stored and may be redrawn.
    """

    changed = Signal(str)

    def __init__(self, runner: EpreuveRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        runner.subscribe(self._forward)

    def _forward(self, topic: str) -> None:
        self.changed.emit(topic)

    def detach(self) -> None:
        self.runner.unsubscribe(self._forward)
