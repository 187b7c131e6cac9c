"""The épreuve clock: injected monotonic time, stored events as the only truth, recovery after a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqp_desktop.core.site.clock import ClockError, ClockState, EpreuveClock, PhasePlan, TimerEvent, format_ms

PHASES = (
    PhasePlan("observation", "Observation", 30 * 60),
    PhasePlan("courriers", "Courriers", 20 * 60, count_label="courriers", count_min=2, count_max=5),
    PhasePlan("entretien", "Entretien", 20 * 60, interview=True),
)
S = 1_000_000_000


class FakeMono:
    def __init__(self, start: int = 10 * S) -> None:
        self.t = start

    def __call__(self) -> int:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += int(seconds * S)


def as_row(e: TimerEvent) -> dict:
    return {"kind": e.kind, "phase": e.phase, "elapsed_ms": e.elapsed_ms, "mono_ns": e.mono_ns, "reason": e.reason, "value": e.value}


def drive(clock: EpreuveClock, event: TimerEvent, journal: list[dict]) -> None:
    journal.append(as_row(event))
    clock.apply(event)


def test_countdown_pause_overrun_and_phases() -> None:
    mono, journal = FakeMono(), []
    clock = EpreuveClock(PHASES, mono)
    drive(clock, clock.start(), journal)
    mono.advance(600)
    r = clock.reading()
    assert (r.state, r.elapsed_ms, r.remaining_ms, r.overrun_ms) == (ClockState.RUNNING, 600_000, 1_200_000, 0)
    drive(clock, clock.pause("Appel coupé"), journal)
    mono.advance(300)  # paused time never counts
    assert clock.reading().elapsed_ms == 600_000
    assert clock.reading().pause_reason == "Appel coupé"
    drive(clock, clock.resume(), journal)
    mono.advance(1200 + 133)
    r = clock.reading()
    assert r.overrun_ms == 133_000 and r.remaining_ms == 0
    event = clock.next_phase()
    assert (event.kind, event.phase, event.elapsed_ms, event.value) == ("phase", "observation", 1_933_000, 133_000)
    drive(clock, event, journal)
    assert clock.reading().phase.code == "courriers" and clock.reading().elapsed_ms == 0
    drive(clock, clock.set_count(3), journal)
    mono.advance(60)
    assert clock.reading().elapsed_ms == 60_000 and clock.reading().count == 3
    drive(clock, clock.next_phase(), journal)
    mono.advance(100)
    end = clock.next_phase()
    assert end.kind == "end"
    drive(clock, end, journal)
    r = clock.reading()
    assert r.state == ClockState.ENDED
    assert [p.code for p in r.finished] == ["observation", "courriers", "entretien"]
    assert r.total_elapsed_ms == 1_933_000 + 60_000 + 100_000


def test_rebuild_from_journal_matches_and_system_clock_is_irrelevant() -> None:
    mono, journal = FakeMono(), []
    clock = EpreuveClock(PHASES, mono)
    drive(clock, clock.start(), journal)
    mono.advance(90)
    drive(clock, clock.pause("Candidat appelé"), journal)
    rebuilt = EpreuveClock.rebuild(PHASES, FakeMono(start=5), journal)  # another process: mono restarted
    assert not rebuilt.needs_recovery
    assert rebuilt.reading().elapsed_ms == 90_000 and rebuilt.state == ClockState.PAUSED


def test_crash_while_running_recovers_paused_at_last_acknowledged_event() -> None:
    mono, journal = FakeMono(), []
    clock = EpreuveClock(PHASES, mono)
    drive(clock, clock.start(), journal)
    mono.advance(1900)
    drive(clock, clock.next_phase(), journal)
    mono.advance(45)
    drive(clock, clock.set_count(2), journal)  # acknowledged at 45 s into courriers
    mono.advance(500)  # then the app dies; these 500 s are lost, by design
    after = FakeMono(start=1)  # after a reboot the monotonic clock restarts near zero
    rebuilt = EpreuveClock.rebuild(PHASES, after, journal)
    assert rebuilt.needs_recovery and rebuilt.state == ClockState.PAUSED
    event = rebuilt.recover()
    assert (event.kind, event.elapsed_ms, event.phase) == ("recovered", 45_000, "courriers")
    rebuilt.apply(event)
    after.advance(1000)  # time while paused after recovery does not count
    r = rebuilt.reading()
    assert (r.state, r.elapsed_ms, r.recovered, r.count) == (ClockState.PAUSED, 45_000, True, 2)
    rebuilt.apply(rebuilt.resume())
    after.advance(10)
    assert rebuilt.reading().elapsed_ms == 55_000


def test_refusals_are_french() -> None:
    clock = EpreuveClock(PHASES, FakeMono())
    with pytest.raises(ClockError, match="pas en marche"):
        clock.pause("x")
    clock.apply(clock.start())
    with pytest.raises(ClockError, match="motif"):
        clock.pause("   ")
    with pytest.raises(ClockError, match="déjà commencé"):
        clock.start()


def test_format_ms() -> None:
    assert format_ms(133_999) == "02:13"
    assert format_ms(75 * 60_000) == "1:15:00"
    assert format_ms(-5) == "00:00"


@given(st.lists(st.tuples(st.sampled_from(["wait", "pause", "resume", "next", "count"]), st.integers(0, 4000)), max_size=30))
def test_any_history_rebuilds_to_the_same_elapsed(steps: list[tuple[str, int]]) -> None:
    """Whatever happened, replaying the journal gives the state shown (paused at the last event if running)."""
    mono, journal = FakeMono(), []
    clock = EpreuveClock(PHASES, mono)
    drive(clock, clock.start(), journal)
    for action, n in steps:
        try:
            if action == "wait":
                mono.advance(n)
            elif action == "pause":
                drive(clock, clock.pause("motif"), journal)
            elif action == "resume":
                drive(clock, clock.resume(), journal)
            elif action == "next":
                drive(clock, clock.next_phase(), journal)
            else:
                drive(clock, clock.set_count(n % 6), journal)
        except ClockError:
            pass
    rebuilt = EpreuveClock.rebuild(PHASES, FakeMono(start=0), journal)
    assert rebuilt.phase_index == clock.phase_index
    assert [p.elapsed_ms for p in rebuilt.finished] == [p.elapsed_ms for p in clock.finished]
    if clock.state == ClockState.RUNNING:
        last = journal[-1]
        acknowledged = 0 if last["kind"] in ("phase", "start") else last["elapsed_ms"]
        assert rebuilt.needs_recovery and rebuilt.elapsed_ms() == acknowledged <= clock.elapsed_ms()
    else:
        assert rebuilt.state == clock.state and rebuilt.elapsed_ms() == clock.elapsed_ms()


def test_recovery_uses_the_latest_acknowledged_moment_of_the_running_phase() -> None:
    mono, journal = FakeMono(), []
    clock = EpreuveClock(PHASES, mono)
    drive(clock, clock.start(), journal)
    mono.advance(100)
    drive(clock, clock.next_phase(), journal)  # courriers starts running at 0
    acknowledged = {"observation": 100_000, "courriers": 42_000}  # e.g. a decision 42 s into courriers
    rebuilt = EpreuveClock.rebuild(PHASES, FakeMono(start=3), journal, acknowledged)
    assert rebuilt.needs_recovery and rebuilt.recover().elapsed_ms == 42_000
    # a paused clock is never moved by acknowledged moments
    drive(clock, clock.pause("motif"), journal)
    assert EpreuveClock.rebuild(PHASES, FakeMono(), journal, {"courriers": 99_999}).elapsed_ms() == 0
