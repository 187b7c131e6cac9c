"""Planned versus actual phase times of an épreuve, computed from its stored timer journal. Pure.

Reports need, per phase: planned time, time actually run, overrun, and each pause with its reason and
length. The event semantics are those of `core/site/clock.py` (elapsed_ms is the phase's own running time;
a "phase" event names the phase that just finished and carries its overrun in `value`). Pause lengths
come from `wall_time` (monotonic readings are not comparable across a restart).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cqp_desktop.core.model.kinds import Route, TimerKind
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.clock import PhasePlan, format_ms


@dataclass
class Pause:
    reason: str
    started: str
    duration_ms: int | None = None  # None while the pause is still open
    recovered: bool = False  # an interruption (app stopped) rather than a pause the jury asked for


@dataclass
class PhaseTime:
    code: str
    label: str
    planned_ms: int
    actual_ms: int | None = None  # None when the phase never finished
    overrun_ms: int = 0
    count: int | None = None
    pauses: list[Pause] = field(default_factory=list)

    @property
    def paused_ms(self) -> int:
        return sum(p.duration_ms or 0 for p in self.pauses)


@dataclass
class Timing:
    phases: list[PhaseTime]
    started_at: str | None
    ended_at: str | None

    @property
    def planned_ms(self) -> int:
        return sum(p.planned_ms for p in self.phases)

    @property
    def actual_ms(self) -> int:
        return sum(p.actual_ms or 0 for p in self.phases)

    @property
    def paused_ms(self) -> int:
        return sum(p.paused_ms for p in self.phases)


def planned_phases(referentiel: Referentiel, bloc: str, route: str) -> tuple[PhasePlan, ...]:
    """The timed phases of a bloc's épreuve (formation route) or the single VAE interview."""
    if route == Route.VAE:
        from cqp_desktop.core.site.vae import interview_phase

        return (interview_phase(referentiel),)
    return tuple(PhasePlan(p.code, p.label, p.seconds, interview=p.interview) for p in referentiel.bloc(bloc).phases)


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def phase_times(phases: Sequence[PhasePlan], events: Iterable[Mapping[str, Any]]) -> Timing:
    """Replay the journal; phases not reached keep actual_ms None."""
    times = [PhaseTime(p.code, p.label, p.seconds * 1000) for p in phases]
    index_of = {p.code: i for i, p in enumerate(phases)}
    current = 0
    open_pause: Pause | None = None
    started_at = ended_at = None

    def close_pause(at: str) -> None:
        nonlocal open_pause
        if open_pause is not None:
            open_pause.duration_ms = max(0, int((_moment(at) - _moment(open_pause.started)).total_seconds() * 1000))
            open_pause = None

    for event in events:
        kind, wall = event["kind"], event["wall_time"]
        phase = event.get("phase")
        if phase in index_of and kind != TimerKind.START:
            current = index_of[phase]
        here = times[current] if times else None
        if here is None:
            break
        if kind == TimerKind.START:
            started_at, current = wall, 0
        elif kind in (TimerKind.PAUSE, TimerKind.RECOVERED):
            close_pause(wall)  # a recovery after a pause keeps one interruption open
            open_pause = Pause(event.get("reason") or "", wall, recovered=kind == TimerKind.RECOVERED)
            here.pauses.append(open_pause)
        elif kind == TimerKind.RESUME:
            close_pause(wall)
        elif kind in (TimerKind.PHASE, TimerKind.END):
            close_pause(wall)
            elapsed = int(event.get("elapsed_ms") or 0)
            here.actual_ms = elapsed
            value = event.get("value")
            here.overrun_ms = int(value) if value is not None else max(0, elapsed - here.planned_ms)
            if kind == TimerKind.END:
                ended_at = wall
            else:
                current = min(current + 1, len(times) - 1)
        elif kind == TimerKind.COUNT:
            here.count = event.get("value")
    return Timing(times, started_at, ended_at)


__all__ = ["Pause", "PhaseTime", "Timing", "format_ms", "phase_times", "planned_phases"]
