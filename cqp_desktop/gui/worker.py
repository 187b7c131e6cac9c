"""Slow work off the GUI thread: one small helper for every long job a window starts.

A job is a generator function run on a QThread; each item it yields reaches the window as `progress` (queued
to the GUI thread, so the window stays responsive and paints the progress), then, once the thread has ended
(`running` is False again), `finished` or `failed` (a French message, never a traceback). While a job runs,
`start` refuses another one: the same work can never be started twice from a double click. A job that touches a database opens its own connection on its thread
(SQLite connections belong to the thread that made them): `start_on_base` gives the job a companion of the
window's store (core/storage/store.py) and has the window's store anchor what it wrote once it ends. `stop` ends a
job between two items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QProgressBar

if TYPE_CHECKING:
    from cqp_desktop.core.storage.store import Store


class _Thread(QThread):
    progress = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[], Iterator[Any]], describe: Callable[[BaseException], str]):
        super().__init__()
        self.job = job
        self.describe = describe

    def run(self) -> None:  # the worker thread
        items = self.job()
        try:
            for item in items:
                self.progress.emit(item)
                if self.isInterruptionRequested():
                    break  # between two items: what the job reported is done, the rest is not started
        except Exception as exc:  # noqa: BLE001 - shown to the user in French by `describe`
            self.failed.emit(self.describe(exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()  # a generator: its `finally` blocks (closing a connection) run here, on this thread


_ALIVE: set[_Thread] = set()  # every job's thread until it has ended, whatever becomes of the window that started it
_QUIT_WAITS = False


def _keep(thread: _Thread) -> None:
    """Hold the thread until it has ended: a window closed or deleted mid-job (its worker with it) must not destroy
    a running QThread, which aborts the whole application; the job (one transaction at a time) ends on its own."""
    global _QUIT_WAITS
    for ended in [t for t in _ALIVE if t.isFinished()]:
        _ALIVE.discard(ended)
    _ALIVE.add(thread)
    app = QCoreApplication.instance()
    if app is not None and not _QUIT_WAITS:
        app.aboutToQuit.connect(wait_for_jobs)
        _QUIT_WAITS = True


def wait_for_jobs(ms: int = 60_000) -> None:
    """At quit: let every job still running end the item it is on (called by the application, and by tests)."""
    for thread in list(_ALIVE):
        thread.requestInterruption()
        thread.wait(ms)
        _ALIVE.discard(thread)


class Worker(QObject):
    """Signals: progress(object) per item the job yields; finished() at its end; failed(str) instead."""

    progress = Signal(object)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, store: Store | None = None):
        super().__init__(parent)
        self._store = store  # the window's store, which anchors what a job on its base wrote
        self._thread: _Thread | None = None
        self._failure: str | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, job: Callable[[], Iterator[Any]], describe: Callable[[BaseException], str] = str) -> bool:
        """Run `job` on a thread; False (nothing started) while another job runs."""
        if self._thread is not None:
            return False
        self._failure = None
        thread = _Thread(job, describe)
        thread.progress.connect(self.progress)
        thread.failed.connect(self._on_failed)
        thread.finished.connect(self._on_finished)
        self._thread = thread
        _keep(thread)
        thread.start()
        return True

    def start_on_base(self, work: Callable[[Store], Iterator[Any]], describe: Callable[[BaseException], str] = str) -> bool:
        """Run `work(own)` on a thread, `own` being a connection of its own to the window's base (opened and closed
        on that thread); the window's store anchors the journal once the job ends. False while another job runs."""
        store = self._store
        assert store is not None, "Worker(parent, store) for a job on the base"

        def job() -> Iterator[Any]:
            own = store.companion()
            try:
                yield from work(own)
            finally:
                own.close()

        return self.start(job, describe)

    def _on_failed(self, message: str) -> None:
        self._failure = message  # said once the thread has ended, when `running` is already False

    def _on_finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()
            _ALIVE.discard(thread)
            thread.deleteLater()
        if self._store is not None:
            self._store.follow()  # the anchor may lag behind the base for a moment, never run ahead of it
        if self._failure is None:
            self.finished.emit()
        else:
            self.failed.emit(self._failure)

    def stop(self, ms: int = 60_000) -> bool:
        """Closing a window mid-job: stop after the item in progress and wait for it; True if the job ended."""
        if self._thread is None:
            return True
        self._thread.requestInterruption()
        ended = self._thread.wait(ms)
        if self._store is not None:
            self._store.follow()
        return ended


def busy_bar() -> QProgressBar:
    """The thin indeterminate bar a window shows under the message it gives while a job runs."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumHeight(12)
    bar.setTextVisible(False)
    bar.hide()
    return bar
