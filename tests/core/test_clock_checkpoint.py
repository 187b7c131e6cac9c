"""The clock checkpoint: after a crash during a quiet observation, elapsed time is right within 1 s."""

from __future__ import annotations

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.clock import ClockState
from cqp_desktop.core.site.runner import CHECKPOINT_MS, EpreuveRunner
from cqp_desktop.core.storage.store import Store

from .runner_fixtures import FakeMono, make_world


def _runner(store: Store, referentiel: Referentiel) -> tuple[EpreuveRunner, FakeMono]:
    world = make_world(store)
    epreuve = store.plan_epreuve(
        world.cos_formation, referentiel, "GRU", "2026-12-02", alternative="double_ecoute",
        president_id=world.president, expert_id=world.expert_ok,
    )
    mono = FakeMono()
    return EpreuveRunner(store, epreuve, now_ns=mono), mono


def test_quiet_observation_survives_a_crash_within_one_second(store: Store, referentiel: Referentiel) -> None:
    runner, mono = _runner(store, referentiel)
    runner.start()
    runner.set_decision("GRU.C1.1", "valide")  # last user action at 0 s
    for _ in range(7 * 60 * 5):  # seven quiet minutes, the view's 200 ms refresh
        mono.advance(0.2)
        runner.checkpoint()
    true_elapsed = runner.clock.elapsed_ms()
    # The process dies here. A new process, with an unrelated monotonic origin, reopens the épreuve.
    reopened = EpreuveRunner(store, runner.epreuve_id, now_ns=FakeMono(start=3))
    assert reopened.recovered_now
    assert reopened.clock.state == ClockState.PAUSED
    assert 0 <= true_elapsed - reopened.clock.elapsed_ms() <= CHECKPOINT_MS + 200 < 1000


def test_checkpoints_are_throttled_and_stop_when_paused(store: Store, referentiel: Referentiel) -> None:
    runner, mono = _runner(store, referentiel)
    runner.start()
    writes = []
    store.connection().conn.set_trace_callback(lambda sql: writes.append(sql) if "clock_checkpoints" in sql else None)
    for _ in range(50):  # 10 s
        mono.advance(0.2)
        runner.checkpoint()
    assert 15 <= len(writes) <= 21  # one write per 500–600 ms, not one per 200 ms tick
    runner.pause("Appel interrompu")
    writes.clear()
    for _ in range(20):
        mono.advance(0.2)
        runner.checkpoint()
    assert writes == []
    store.connection().conn.set_trace_callback(None)
