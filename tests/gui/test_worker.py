"""The worker helper: slow work on its own thread, progress on the GUI thread, never started twice."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from cqp_desktop.gui.worker import Worker


def test_progress_arrives_on_the_gui_thread_and_a_second_start_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    gate = threading.Event()
    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    job_threads: list[int] = []

    def job() -> Iterator[int]:
        job_threads.append(threading.get_ident())
        for i in range(3):
            gate.wait(5)
            yield i

    worker.progress.connect(lambda item: seen.append((item, threading.get_ident() == gui)))
    assert worker.start(job)
    assert worker.running
    assert not worker.start(job)  # the same work cannot be started twice
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        gate.set()
    assert seen == [(0, True), (1, True), (2, True)]
    assert job_threads and job_threads[0] != gui
    assert not worker.running and worker.start(lambda: iter(()))
    qtbot.waitUntil(lambda: not worker.running)


def test_a_failure_is_a_message_not_a_traceback(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()

    def job() -> Iterator[int]:
        yield 1
        raise OSError("disque plein")

    finished: list[bool] = []
    worker.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(worker.failed, timeout=10_000) as failure:
        worker.start(job, lambda exc: f"Import interrompu : {exc}")
    assert failure.args == ["Import interrompu : disque plein"]
    qtbot.waitUntil(lambda: not worker.running)
    assert finished == []


def test_stop_ends_the_job_between_two_items_and_runs_its_cleanup(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    gate = threading.Event()
    done: list[str] = []

    def job() -> Iterator[int]:
        try:
            for i in range(100):
                gate.wait(5)
                yield i
        finally:
            done.append("connection closed")

    seen: list[int] = []
    worker.progress.connect(seen.append)
    worker.start(job)
    gate.set()
    assert worker.stop(10_000)
    assert done == ["connection closed"]
    qtbot.waitUntil(lambda: not worker.running)
    assert len(seen) < 100


def test_a_window_deleted_mid_job_does_not_take_the_running_thread_with_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Deleting the window (and its worker) while a job runs must not destroy the running QThread, which would abort
    the application: the job ends its item, and quitting waits for it."""
    import gc

    import shiboken6
    from PySide6.QtCore import QObject

    from cqp_desktop.gui.worker import wait_for_jobs

    window = QObject()
    worker = Worker(window)
    gate = threading.Event()
    ended: list[str] = []

    def job() -> Iterator[int]:
        gate.wait(5)
        ended.append("fin")
        yield 1

    assert worker.start(job)
    shiboken6.delete(window)  # the window goes, its worker with it
    del worker, window
    gc.collect()
    gate.set()
    wait_for_jobs()
    assert ended == ["fin"]
