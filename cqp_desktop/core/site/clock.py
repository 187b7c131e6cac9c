"""The épreuve clock: phases, countdown, pauses and overruns, rebuilt from the stored timer journal.

Why it looks like this:
- Time comes from an injected monotonic `now_ns()`: changing the system clock changes nothing, and
  tests drive a fake clock instead of sleeping.
- The clock never writes anything. A command (`start`, `pause`…) *proposes* a `TimerEvent`; the caller
  stores it, then `apply()`s it. The state shown is therefore always the state stored.
- Each event carries `elapsed_ms`, the elapsed time of its phase at that moment. Monotonic clocks
  restart at each boot and are meaningless across processes, so `mono_ns` is only ever compared with
  readings of the same process (`_anchor_ns` is set only by events this process applied live).
- Recovery choice (documented): after a crash the clock cannot know how long the app kept running after
  its last stored write, so it considers the phase paused at the *last acknowledged moment*: the largest
  `elapsed_ms` stored for the running phase by a timer event, a decision, a note, or the clock checkpoint
  that the runner rewrites about twice a second while the clock runs (schema step 0012). Time during
  which the app was dead is never counted; at most ~0.6 s of running time before the crash is lost.
  The caller stores a 'recovered' event so the interruption is on record.

Event semantics (one row of `timer_events` each):
  start      phase = first phase, elapsed_ms = 0
  pause      phase = current phase, elapsed_ms = its elapsed time, reason = why
  resume     phase = current phase, elapsed_ms = its elapsed time
  phase      phase = the phase that just *finished*, elapsed_ms = its final time, value = overrun ms;
             the next phase (référentiel order) starts running at 0
  end        phase = the last phase, elapsed_ms = its final time, value = overrun ms
  count      phase = current phase, elapsed_ms = its elapsed time, value = the counter (courriers…)
  recovered  phase = current phase, elapsed_ms = elapsed at the last acknowledged event, reason
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cqp_desktop.core.model.kinds import TimerKind

NowNs = Callable[[], int]

RECOVERY_REASON = "Interruption : application arrêtée sans pause (reprise au dernier événement enregistré)"


class ClockError(Exception):
    """A command that makes no sense in the current state; the message is French."""


class ClockState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True)
class PhasePlan:
    """One timed phase of an épreuve, as the référentiel defines it."""

    code: str
    label: str
    seconds: int
    interview: bool = False
    presentation: bool = False
    count_label: str | None = None
    count_min: int | None = None
    count_max: int | None = None


@dataclass(frozen=True)
class TimerEvent:
    kind: str
    phase: str
    elapsed_ms: int
    mono_ns: int
    reason: str | None = None
    value: int | None = None


@dataclass(frozen=True)
class PhaseRecord:
    """A finished phase: how long it took and by how much it overran."""

    code: str
    elapsed_ms: int
    overrun_ms: int


@dataclass(frozen=True)
class ClockReading:
    state: ClockState
    phase_index: int
    phase: PhasePlan
    elapsed_ms: int
    planned_ms: int
    pause_reason: str | None
    recovered: bool
    finished: tuple[PhaseRecord, ...]
    count: int | None
    is_last_phase: bool

    @property
    def remaining_ms(self) -> int:
        return max(0, self.planned_ms - self.elapsed_ms)

    @property
    def overrun_ms(self) -> int:
        return max(0, self.elapsed_ms - self.planned_ms)

    @property
    def total_elapsed_ms(self) -> int:
        done = sum(p.elapsed_ms for p in self.finished)
        return done if self.state == ClockState.ENDED else done + self.elapsed_ms


def format_ms(ms: int) -> str:
    """mm:ss (or h:mm:ss) from milliseconds, rounded down to the second."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


@dataclass
class EpreuveClock:
    """Timer state machine over the phases of one épreuve. See the module docstring."""

    phases: tuple[PhasePlan, ...]
    now_ns: NowNs
    state: ClockState = ClockState.NOT_STARTED
    phase_index: int = 0
    base_ms: int = 0  # elapsed in the current phase up to the anchor
    pause_reason: str | None = None
    recovered: bool = False
    needs_recovery: bool = False
    finished: list[PhaseRecord] = field(default_factory=list)
    count: int | None = None
    _anchor_ns: int | None = None  # mono_ns of the last live start/resume/phase, this process only

    def __post_init__(self) -> None:
        if not self.phases:
            raise ClockError("Aucune phase définie pour cette épreuve.")

    # -------------------------------------------------------------------------------------------
    # rebuilding

    @classmethod
    def rebuild(
        cls,
        phases: Iterable[PhasePlan],
        now_ns: NowNs,
        events: Iterable[Mapping[str, Any]],
        acknowledged: Mapping[str, int] | None = None,
    ) -> EpreuveClock:
        """Replay stored events. If the journal ends running, the clock is left paused at the latest
        acknowledged moment with `needs_recovery` set: the caller must store `recover()`'s event.

        `acknowledged` maps a phase code to the largest elapsed time recorded by other acknowledged
        actions of that phase (decisions, notes). Within a phase elapsed time only grows, so the largest
        value is the latest acknowledged moment; it is never compared with a monotonic reading.
        """
        clock = cls(tuple(phases), now_ns)
        for row in events:
            clock._replay(row)
        if clock.state == ClockState.RUNNING:
            clock.state = ClockState.PAUSED
            clock._anchor_ns = None
            clock.needs_recovery = True
            clock.base_ms = max(clock.base_ms, (acknowledged or {}).get(clock.current.code, 0))
        return clock

    def _replay(self, row: Mapping[str, Any]) -> None:
        event = TimerEvent(
            kind=row["kind"],
            phase=row.get("phase") or self.phases[self.phase_index].code,
            elapsed_ms=int(row.get("elapsed_ms") or 0),
            mono_ns=int(row.get("mono_ns") or 0),
            reason=row.get("reason"),
            value=row.get("value"),
        )
        self.apply(event, live=False)

    # -------------------------------------------------------------------------------------------
    # reading

    @property
    def current(self) -> PhasePlan:
        return self.phases[self.phase_index]

    def elapsed_ms(self) -> int:
        if self.state == ClockState.RUNNING and self._anchor_ns is not None:
            return self.base_ms + max(0, self.now_ns() - self._anchor_ns) // 1_000_000
        return self.base_ms

    def reading(self) -> ClockReading:
        phase = self.current
        return ClockReading(
            state=self.state,
            phase_index=self.phase_index,
            phase=phase,
            elapsed_ms=self.elapsed_ms(),
            planned_ms=phase.seconds * 1000,
            pause_reason=self.pause_reason,
            recovered=self.recovered,
            finished=tuple(self.finished),
            count=self.count,
            is_last_phase=self.is_last_phase(),
        )

    def is_last_phase(self) -> bool:
        return self.phase_index == len(self.phases) - 1

    # -------------------------------------------------------------------------------------------
    # commands: each returns the event to store, without changing the state

    def _event(self, kind: str, reason: str | None = None, value: int | None = None, elapsed: int | None = None) -> TimerEvent:
        return TimerEvent(
            kind=kind,
            phase=self.current.code,
            elapsed_ms=self.elapsed_ms() if elapsed is None else elapsed,
            mono_ns=self.now_ns(),
            reason=reason,
            value=value,
        )

    def start(self) -> TimerEvent:
        if self.state != ClockState.NOT_STARTED:
            raise ClockError("L'épreuve a déjà commencé.")
        return self._event("start", elapsed=0)

    def pause(self, reason: str) -> TimerEvent:
        if self.state != ClockState.RUNNING:
            raise ClockError("Le chronomètre n'est pas en marche.")
        reason = reason.strip()
        if not reason:
            raise ClockError("Indiquez le motif de la pause.")
        return self._event("pause", reason=reason)

    def resume(self) -> TimerEvent:
        if self.state != ClockState.PAUSED:
            raise ClockError("Le chronomètre n'est pas en pause.")
        return self._event("resume")

    def next_phase(self) -> TimerEvent:
        """Finish the current phase; on the last phase this is the end of the épreuve."""
        if self.state in (ClockState.NOT_STARTED, ClockState.ENDED):
            raise ClockError("Aucune phase en cours.")
        elapsed = self.elapsed_ms()
        overrun = max(0, elapsed - self.current.seconds * 1000)
        kind = "end" if self.is_last_phase() else "phase"
        return self._event(kind, value=overrun, elapsed=elapsed)

    def set_count(self, value: int) -> TimerEvent:
        if self.state == ClockState.ENDED:
            raise ClockError("L'épreuve est terminée.")
        return self._event("count", value=int(value))

    def recover(self) -> TimerEvent:
        if not self.needs_recovery:
            raise ClockError("Aucune interruption à enregistrer.")
        return self._event("recovered", reason=RECOVERY_REASON, elapsed=self.base_ms)

    # -------------------------------------------------------------------------------------------
    # applying a stored event

    def apply(self, event: TimerEvent, live: bool = True) -> None:
        """Move to the state the (already stored) event describes."""
        kind = event.kind
        if kind == TimerKind.START:
            self.state, self.phase_index, self.base_ms = ClockState.RUNNING, 0, 0
            self.pause_reason, self.count = None, None
            self._anchor_ns = event.mono_ns if live else None
        elif kind == TimerKind.PAUSE:
            self.state, self.base_ms, self.pause_reason = ClockState.PAUSED, event.elapsed_ms, event.reason
            self._anchor_ns = None
        elif kind == TimerKind.RESUME:
            self.state, self.base_ms, self.pause_reason, self.recovered = ClockState.RUNNING, event.elapsed_ms, None, False
            self._anchor_ns = event.mono_ns if live else None
        elif kind in (TimerKind.PHASE, TimerKind.END):
            self.finished.append(PhaseRecord(self.current.code, event.elapsed_ms, int(event.value or 0)))
            self.pause_reason, self.recovered = None, False
            if kind == TimerKind.END:
                self.state, self.base_ms, self._anchor_ns = ClockState.ENDED, event.elapsed_ms, None
            else:
                self.phase_index = min(self.phase_index + 1, len(self.phases) - 1)
                self.state, self.base_ms, self.count = ClockState.RUNNING, 0, None
                self._anchor_ns = event.mono_ns if live else None
        elif kind == TimerKind.COUNT:
            self.count = event.value
            if self.state == ClockState.RUNNING:
                # keep the anchor; the stored elapsed is only a recovery point
                if not live:
                    self.base_ms = event.elapsed_ms
            else:
                self.base_ms = event.elapsed_ms
        elif kind == TimerKind.RECOVERED:
            self.state, self.base_ms, self.recovered = ClockState.PAUSED, event.elapsed_ms, True
            self.pause_reason, self.needs_recovery, self._anchor_ns = event.reason, False, None
        else:
            raise ClockError(f"Événement de chronométrage inconnu : {kind}")
        if not live and self.state == ClockState.RUNNING:
            self.base_ms = 0 if kind in (TimerKind.START, TimerKind.PHASE) else event.elapsed_ms
