"""Phase times from the timer journal, as reports show them."""

from __future__ import annotations

from cqp_desktop.core.site.clock import PhasePlan
from cqp_desktop.core.site.timing import phase_times

PHASES = (PhasePlan("observation", "Observation", 30 * 60), PhasePlan("courriers", "Courriers", 20 * 60),
          PhasePlan("entretien", "Entretien", 20 * 60))


def ev(kind, phase, wall, elapsed=None, value=None, reason=None):
    return {"kind": kind, "phase": phase, "wall_time": f"2026-12-02T{wall}+00:00", "elapsed_ms": elapsed,
            "value": value, "reason": reason}


def test_planned_actual_pauses_and_overruns() -> None:
    events = [
        ev("start", "observation", "09:00:00", 0),
        ev("pause", "observation", "09:12:00", 720_000, reason="appel urgent"),
        ev("resume", "observation", "09:17:30", 720_000),
        ev("phase", "observation", "09:36:30", 1_860_000, value=60_000),
        ev("count", "courriers", "09:40:00", 200_000, value=3),
        ev("phase", "courriers", "09:55:30", 1_140_000, value=0),
        ev("recovered", "entretien", "10:00:00", 120_000, reason="arrêt"),
        ev("resume", "entretien", "10:03:00", 120_000),
    ]
    timing = phase_times(PHASES, events)
    obs, cour, ent = timing.phases
    assert (obs.actual_ms, obs.overrun_ms, obs.paused_ms) == (1_860_000, 60_000, 330_000)
    assert obs.pauses[0].reason == "appel urgent" and not obs.pauses[0].recovered
    assert (cour.actual_ms, cour.overrun_ms, cour.count) == (1_140_000, 0, 3)
    assert ent.actual_ms is None and ent.pauses[0].recovered and ent.paused_ms == 180_000
    assert timing.started_at.endswith("09:00:00+00:00") and timing.ended_at is None
    timing = phase_times(PHASES, events + [ev("end", "entretien", "10:25:00", 1_440_000, value=240_000)])
    assert timing.phases[2].overrun_ms == 240_000 and timing.ended_at.endswith("10:25:00+00:00")
    assert timing.actual_ms == 1_860_000 + 1_140_000 + 1_440_000


def test_no_events_means_nothing_run() -> None:
    timing = phase_times(PHASES, [])
    assert [p.actual_ms for p in timing.phases] == [None, None, None] and timing.started_at is None
