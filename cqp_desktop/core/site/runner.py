"""The épreuve run model: clock, checklist decisions, notes, MDR presentation, VAE livret 2. Qt-free.

The runner is what the runner screen shows and drives. It owns the clock, writes every user action
through `Store` (each one its own committed transaction) and only then updates what it exposes and
tells its listeners. Listeners are plain callables `(topic: str) -> None` (topics: "clock",
"decisions", "notes", "presented", "situations"); the GUI bridges them to Qt signals in one adapter.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.model.kinds import Route
from cqp_desktop.core.model.referentiel import Bloc, Competence, Criterion, Referentiel
from cqp_desktop.core.model.rules import BlocResult, Decision, Mode, evaluate
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site.clock import ClockError, ClockReading, ClockState, EpreuveClock, NowNs, PhasePlan, TimerEvent
from cqp_desktop.core.site.vae import clock_epreuve, interview_phase
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store

Listener = Callable[[str], None]

CHECKPOINT_MS = 500  # a kill loses at most this much clock time, plus one refresh tick


class RunnerError(Exception):
    """An action the runner refuses; the message is French."""


# What a screen shows in French instead of crashing: a refused action, a clock command out of turn,
# or a write the store could not make (disk full, read-only folder: WriteFailed is a StoreError).
REFUSALS: tuple[type[Exception], ...] = (RunnerError, ClockError, StoreError, dm.DoubleMarkingError)


@dataclass(frozen=True)
class VaeSituation:
    slot: int
    title: str
    summary: str
    competences: tuple[str, ...]  # competence keys ("GRU.C1")


@dataclass(frozen=True)
class ToDiscuss:
    competence: Competence
    criteria: tuple[Criterion, ...]


def phases_for(referentiel: Referentiel, bloc: str, route: str) -> tuple[PhasePlan, ...]:
    """The timed phases: the bloc's observation/presentation/interview, or the single VAE interview."""
    if route == Route.VAE:
        return (interview_phase(referentiel),)
    return tuple(
        PhasePlan(
            p.code,
            p.label,
            p.seconds,
            interview=p.interview,
            presentation=p.presentation,
            count_label=p.count.label if p.count else None,
            count_min=p.count.min if p.count else None,
            count_max=p.count.max if p.count else None,
        )
        for p in referentiel.bloc(bloc).phases
    )


class EpreuveRunner:
    """One épreuve being run. Reopening it rebuilds everything from the store (see core/site/clock.py)."""

    def __init__(
        self,
        store: Store,
        epreuve_id: int,
        now_ns: NowNs = time.monotonic_ns,
        author_id: int | None = None,
        *,
        live: EpreuveRunner | None = None,
    ):
        """`live`: a runner already open on the same clock (another bloc of a VAE candidacy): its clock is
        shared as is; rebuilding it from the store would take the running interview for a crash."""
        self.store = store
        self.epreuve_id = epreuve_id
        self.author_id = author_id
        self.epreuve: dict[str, Any] = store.epreuve(epreuve_id)
        self.cancelled: dict[str, Any] | None = store.cancellation(epreuve_id)
        self.referentiel: Referentiel = store.epreuve_referentiel(epreuve_id)
        self.bloc: Bloc = self.referentiel.bloc(self.epreuve["bloc"])
        self.phases = phases_for(self.referentiel, self.bloc.code, self.epreuve["route"])
        # A VAE candidacy has one interview for all its blocs: its épreuves share one clock (core/site/vae.py).
        self.clock_epreuve_id = clock_epreuve(store, epreuve_id)
        self._listeners: list[Listener] = []
        self.clock: EpreuveClock
        if live is not None and live.clock_epreuve_id == self.clock_epreuve_id:
            self.clock = live.clock
        else:
            self.clock = EpreuveClock.rebuild(
                self.phases,
                now_ns,
                store.timer_events(self.clock_epreuve_id),
                acknowledged=_acknowledged(store, self.clock_epreuve_id),
            )
        self.recovered_now = False
        self._checkpointed: tuple[str, int] | None = None
        if self.clock.needs_recovery and not self.read_only:
            self._timer(self.clock.recover())
            self.recovered_now = True
        # Double correction (core/site/double_marking.py): the grid and notes are those of the member marking
        # now; the other member's stay hidden until both closed. Then the grid shows the final decisions.
        self.double = bool(self.epreuve.get("double_marking"))
        self.marker_id: int | None = dm.default_marker(store, epreuve_id) if self.double else None
        self._decisions: dict[str, Decision] = {}
        self._notes: dict[tuple[str | None, str | None], str] = {}
        self._load_marks()
        self._presented = _current_presented(store, epreuve_id)
        self._situations = _current_situations(store, epreuve_id)

    # -------------------------------------------------------------------------------------------
    # facts about the épreuve

    @property
    def read_only(self) -> bool:
        """Signed (locked) or cancelled: nothing more can be recorded."""
        return self.epreuve["locked_at"] is not None or self.cancelled is not None

    @property
    def is_vae(self) -> bool:
        return bool(self.epreuve["route"] == Route.VAE)

    @property
    def shares_interview(self) -> bool:
        """A VAE bloc timed by its candidacy's interview épreuve (one 45 min interview for all blocs)."""
        return self.clock_epreuve_id != self.epreuve_id

    def candidacy_blocs(self) -> tuple[str, ...]:
        """The blocs the VAE candidacy's single interview covers (this bloc alone outside VAE)."""
        from cqp_desktop.core.site.vae import candidacy

        found = candidacy(self.store, self.epreuve_id)
        return found.blocs if found is not None else (self.bloc.code,)

    @property
    def mode(self) -> Mode:
        return Mode(self.epreuve["mode"])

    @property
    def is_prepositionnement(self) -> bool:
        return self.mode == Mode.PREPOSITIONNEMENT

    @property
    def has_presentation(self) -> bool:
        return any(p.presentation for p in self.phases)

    @property
    def criteria_notice(self) -> str:
        return self.referentiel.criteria_notice if self.referentiel.indicative else ""

    def candidate_name(self) -> str:
        name = q.candidate_name(self.store, self.epreuve["candidate_id"])
        assert name is not None
        return person_name(name.first_name, name.last_name)

    def alternative_label(self) -> str | None:
        for a in self.bloc.alternatives:
            if a.code == self.epreuve["alternative"]:
                return a.label
        return None

    # -------------------------------------------------------------------------------------------
    # listeners

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, topic: str) -> None:
        for listener in list(self._listeners):
            listener(topic)

    def checkpoint(self) -> str | None:
        """Store the running clock's elapsed time if it moved on by CHECKPOINT_MS since the last one.

        Called by the view's refresh timer; cheap when nothing is due. Returns a French message when the
        write failed (the next user action will fail visibly too), else None.
        """
        if self.read_only or self.clock.state != ClockState.RUNNING:
            return None
        elapsed = self.clock.elapsed_ms()
        if self._checkpointed is not None and self._checkpointed[0] == self.clock.current.code and (
            elapsed - self._checkpointed[1] < CHECKPOINT_MS
        ):
            return None
        try:
            self.store.checkpoint_clock(self.clock_epreuve_id, self.clock.current.code, elapsed)
        except StoreError as exc:
            return str(exc)
        self._checkpointed = (self.clock.current.code, elapsed)
        return None

    def _check_writable(self) -> None:
        if self.cancelled is not None:
            raise RunnerError(f"Épreuve annulée ({self.cancelled['reason']}) : rien ne peut y être enregistré.")
        if self.read_only:
            raise RunnerError("Épreuve signée : plus aucune modification n'est possible.")

    # -------------------------------------------------------------------------------------------
    # clock

    def reading(self) -> ClockReading:
        return self.clock.reading()

    def _timer(self, event: TimerEvent) -> None:
        """Store first, then apply: the clock only ever shows what is stored."""
        self.store.add_timer_event(
            self.clock_epreuve_id,
            event.kind,
            mono_ns=event.mono_ns,
            elapsed_ms=event.elapsed_ms,
            phase=event.phase,
            reason=event.reason,
            value=event.value,
        )
        self.clock.apply(event)
        self._emit("clock")

    def jury_problem(self) -> str | None:
        """A certifying épreuve needs its président and expert métier before it starts."""
        epreuve = self.store.epreuve(self.epreuve_id)
        if self.mode == Mode.CERTIFICATION and not (epreuve["president_id"] and epreuve["expert_id"]):
            return "Composez le jury (président et expert métier) avant de démarrer l'épreuve."
        return None

    def start(self) -> None:
        self._check_writable()
        problem = self.jury_problem()
        if problem:
            raise RunnerError(problem)
        self._timer(self.clock.start())

    def pause(self, reason: str) -> None:
        self._check_writable()
        self._timer(self.clock.pause(reason))

    def resume(self) -> None:
        self._check_writable()
        self._timer(self.clock.resume())

    def next_phase(self) -> None:
        """Finish the current phase (on the last one, end the épreuve)."""
        self._check_writable()
        self._timer(self.clock.next_phase())

    def set_count(self, value: int) -> None:
        self._check_writable()
        phase = self.clock.current
        if phase.count_max is not None and not 0 <= value <= phase.count_max:
            raise RunnerError(f"Nombre de {phase.count_label} : entre 0 et {phase.count_max}.")
        self._timer(self.clock.set_count(value))

    def count_warning(self) -> str | None:
        phase, count = self.clock.current, self.clock.count
        if phase.count_min is None:
            return None
        if (count or 0) < phase.count_min:
            return (
                f"{count or 0} {phase.count_label} : il en faut au moins {phase.count_min} (au plus {phase.count_max}) ; "
                "sinon l'avis ne pourra pas être signé."
            )
        return None

    @property
    def observation_over(self) -> bool:
        """True once the épreuve has reached its interview (or ended): time to cover the gaps."""
        return self.clock.state == ClockState.ENDED or (
            self.clock.state != ClockState.NOT_STARTED and self.clock.current.interview
        )

    @property
    def ended(self) -> bool:
        return self.clock.state == ClockState.ENDED

    # -------------------------------------------------------------------------------------------
    # checklist

    def _load_marks(self) -> None:
        if self.double and self.marker_id is not None:
            if dm.both_closed(self.store, self.epreuve_id):
                self._decisions = self.store.current_decisions(self.epreuve_id)
            else:
                self._decisions = dm.marks_of(self.store, self.epreuve_id, self.marker_id, viewer_id=self.marker_id)
            self._notes = dm.notes_of(self.store, self.epreuve_id, self.marker_id, viewer_id=self.marker_id)
        else:
            self._decisions = self.store.current_decisions(self.epreuve_id)
            self._notes = self.store.current_notes(self.epreuve_id)

    # -------------------------------------------------------------------------------------------
    # double correction: who marks now, closing one's observation

    @property
    def marker_role(self) -> str | None:
        return None if self.marker_id is None else dm.role_of(self.store, self.epreuve_id, self.marker_id)

    def set_marker(self, role: str) -> None:
        """Switch the grid to the member who marks now ('president' or 'expert'); the note being typed
        is saved by the screen before it calls this."""
        if not self.double:
            raise RunnerError("Cette épreuve n'est pas en double correction.")
        self.epreuve = self.store.epreuve(self.epreuve_id)
        self.marker_id = dm.member_id_of(self.store, self.epreuve_id, role)
        self._load_marks()
        self._emit("marker")
        self._emit("decisions")
        self._emit("notes")

    @property
    def marking_open(self) -> bool:
        """Whether the grid accepts decisions now (not signed; in double correction, the member marking
        now has not closed, and the reconciliation has not begun)."""
        return not self.read_only and not (self.double and (self.marker_closed or self.reconciling))

    @property
    def marker_closed(self) -> bool:
        return self.marker_id is not None and dm.is_closed(self.store, self.epreuve_id, self.marker_id)

    @property
    def reconciling(self) -> bool:
        """Both members closed: the grid shows the final decisions, the reconciliation view settles them."""
        return self.double and dm.both_closed(self.store, self.epreuve_id)

    def close_observation(self) -> None:
        """« Clôturer mon observation » for the member marking now."""
        self._check_writable()
        if self.marker_id is None:
            raise RunnerError("Cette épreuve n'est pas en double correction.")
        dm.close(self.store, self.epreuve_id, self.marker_id)
        self._load_marks()
        self._emit("marker")
        self._emit("decisions")

    def reload_marks(self) -> None:
        """Re-read after a reconciliation step or an imported return file."""
        self._load_marks()
        self._emit("decisions")

    def decisions(self) -> dict[str, Decision]:
        return dict(self._decisions)

    def decision(self, criterion: str) -> Decision:
        return self._decisions.get(criterion, Decision.NON_OBSERVE)

    def _phase_code(self) -> str | None:
        return None if self.clock.state == ClockState.NOT_STARTED else self.clock.current.code

    def _elapsed_code(self) -> int | None:
        """The running phase's elapsed time, stored with each action as a recovery point."""
        return self.clock.elapsed_ms() if self.clock.state in (ClockState.RUNNING, ClockState.PAUSED) else None

    def set_decision(self, criterion: str, decision: Decision) -> None:
        self._check_writable()
        if criterion not in {c.key for c in self.bloc.criteria()}:
            raise RunnerError(f"Critère « {criterion} » absent du bloc {self.bloc.code}.")
        decision = Decision(decision)
        if self.decision(criterion) == decision:
            return
        if self.double:
            self._check_marker()
            dm.record(self.store, self.epreuve_id, self.marker_id, criterion, decision)  # type: ignore[arg-type]
            self._decisions[criterion] = decision
            self._emit("decisions")
            return
        self.store.record_decision(
            self.epreuve_id, criterion, decision, phase=self._phase_code(), author_id=self.author_id,
            elapsed_ms=self._elapsed_code(),
        )
        self._decisions[criterion] = decision
        self._emit("decisions")

    def _check_marker(self) -> None:
        if self.marker_id is None:
            raise RunnerError("Double correction : choisissez qui note (président(e) ou expert(e)).")
        if self.reconciling:
            raise RunnerError("Les deux observations sont clôturées : les désaccords se règlent dans la conciliation.")
        if self.marker_closed:
            raise RunnerError("Observation clôturée : ce membre du jury ne peut plus modifier sa notation.")

    def last_criterion(self) -> str | None:
        """The criterion decided (or undone) last: where a reopened épreuve puts the jury back."""
        if self.double and self.marker_id is not None and not self.reconciling:  # the member marking now
            rows = self.store.member_decision_rows(self.epreuve_id, self.marker_id)
            return str(rows[-1]["criterion"]) if rows else None
        return q.last_decided_criterion(self.store, self.epreuve_id)

    def undo(self) -> str | None:
        """Undo the latest decision still in effect; returns the criterion it restored, if any."""
        self._check_writable()
        if self.double:
            self._check_marker()
            restored = dm.undo(self.store, self.epreuve_id, self.marker_id)  # type: ignore[arg-type]
            self._load_marks()
            self._emit("decisions")
            return restored
        row = self.store.undo_last_decision(self.epreuve_id, author_id=self.author_id, elapsed_ms=self._elapsed_code())
        self._decisions = self.store.current_decisions(self.epreuve_id)
        self._emit("decisions")
        return row.criterion if row else None

    def result(self) -> BlocResult:
        return evaluate(self.referentiel, self.bloc.code, self._decisions)

    def to_discuss(self) -> list[ToDiscuss]:
        """Criteria still non observé, grouped by competence: what the interview must cover."""
        items = []
        for competence in self.bloc.competences:
            missing = tuple(c for c in competence.criteria if self.decision(c.key) == Decision.NON_OBSERVE)
            if missing:
                items.append(ToDiscuss(competence, missing))
        return items

    # -------------------------------------------------------------------------------------------
    # notes

    def note(self, competence: str | None, criterion: str | None = None) -> str:
        return self._notes.get((competence, criterion), "")

    def save_note(self, competence: str | None, text: str, criterion: str | None = None) -> bool:
        """Store a new version of the note; returns False when nothing changed."""
        self._check_writable()
        if self.note(competence, criterion) == text:
            return False
        if self.double:
            self._check_marker()
            dm.save_note(self.store, self.epreuve_id, self.marker_id, text, competence=competence, criterion=criterion)  # type: ignore[arg-type]
            self._notes[(competence, criterion)] = text
            self._emit("notes")
            return True
        self.store.add_note(
            self.epreuve_id, text, competence=competence, criterion=criterion, author_id=self.author_id,
            phase=self._phase_code(), elapsed_ms=self._elapsed_code(),
        )
        self._notes[(competence, criterion)] = text
        self._emit("notes")
        return True

    # -------------------------------------------------------------------------------------------
    # MDR: competences the presentation addressed

    def presented(self) -> frozenset[str]:
        return frozenset(k for k, v in self._presented.items() if v)

    def set_presented(self, competence: str, presented: bool) -> None:
        self._check_writable()
        if competence not in {c.key for c in self.bloc.competences}:
            raise RunnerError(f"Compétence « {competence} » absente du bloc {self.bloc.code}.")
        if bool(self._presented.get(competence, False)) == presented:
            return
        with self.store.action("presentation.set", "presented_competences") as act:
            act.entity_id = w.add_presented(self.store, self.epreuve_id, competence, presented)
            act.details = {"epreuve_id": self.epreuve_id, "competence": competence, "presented": presented}
        self._presented[competence] = presented
        self._emit("presented")

    def presentation_warning(self) -> str | None:
        minimum = self.bloc.min_competences_presented
        if not self.has_presentation or not minimum:
            return None
        n = len(self.presented())
        if n < minimum:
            return f"Au moins {minimum} compétences à aborder : {n} cochée{'s' if n > 1 else ''} ; sinon l'avis ne pourra pas être signé."
        return None

    # -------------------------------------------------------------------------------------------
    # VAE: livret 2 situations

    def situations(self) -> list[VaeSituation]:
        return [self._situations[k] for k in sorted(self._situations)]

    def set_situation(self, slot: int, title: str, summary: str, competences: list[str] | tuple[str, ...]) -> None:
        self._check_writable()
        bounds = self.referentiel.vae
        title = title.strip()
        problems = []
        if not 1 <= slot <= bounds.situations_max:
            problems.append(f"Le livret 2 présente au plus {bounds.situations_max} situations par bloc.")
        if not title:
            problems.append("Donnez un titre à la situation.")
        known = [c.key for c in self.bloc.competences]
        unknown = [c for c in competences if c not in known]
        if unknown:
            problems.append(f"Compétences inconnues pour le bloc {self.bloc.code} : {', '.join(unknown)}.")
        if not competences:
            problems.append("Cochez au moins une compétence dont la situation témoigne.")
        if problems:
            raise RunnerError(" ".join(problems))
        ordered = tuple(k for k in known if k in competences)
        self._write_situation(slot, title, summary.strip(), ordered, removed=False)
        self._situations[slot] = VaeSituation(slot, title, summary.strip(), ordered)
        self._emit("situations")

    def remove_situation(self, slot: int) -> None:
        self._check_writable()
        if slot not in self._situations:
            return
        old = self._situations[slot]
        self._write_situation(slot, old.title, old.summary, old.competences, removed=True)
        del self._situations[slot]
        self._emit("situations")

    def _write_situation(self, slot: int, title: str, summary: str, competences: tuple[str, ...], removed: bool) -> None:
        with self.store.action("vae_situation.set", "vae_situations") as act:
            act.entity_id = w.add_vae_situation(
                self.store, self.epreuve_id, slot, title, summary, json.dumps(list(competences)), removed
            )
            act.details = {"epreuve_id": self.epreuve_id, "slot": slot, "removed": removed}

    def situation_warning(self) -> str | None:
        if not self.is_vae:
            return None
        bounds = self.referentiel.vae
        n = len(self._situations)
        if n < bounds.situations_min:
            return (
                f"Livret 2 : au moins {bounds.situations_min} situation(s) pour ce bloc ({n} saisie(s)) ; "
                "sinon l'avis ne pourra pas être signé."
            )
        return None


def _acknowledged(store: Store, epreuve_id: int) -> dict[str, int]:
    """Largest elapsed time per phase recorded with decisions, notes and the clock checkpoint.

    See EpreuveClock.rebuild: after a crash the running phase resumes (paused) from the latest of these.
    """
    found: dict[str, int] = {}
    row = q.clock_checkpoint(store, epreuve_id)
    if row:
        found[row[0]] = int(row[1])
    for phase, elapsed in q.phase_reached(store, epreuve_id):
        found[phase] = max(found.get(phase, 0), int(elapsed))
    return found


def presented_competences(store: Store, epreuve_id: int) -> frozenset[str]:
    """MDR: the competence keys the candidate's presentation addressed (latest tick of each)."""
    return frozenset(k for k, on in _current_presented(store, epreuve_id).items() if on)


def vae_situations(store: Store, epreuve_id: int) -> list[VaeSituation]:
    """VAE: the livret 2 situations kept for this épreuve, by slot."""
    return [s for _slot, s in sorted(_current_situations(store, epreuve_id).items())]


def _current_presented(store: Store, epreuve_id: int) -> dict[str, bool]:
    return q.current_presented(store, epreuve_id)


def _current_situations(store: Store, epreuve_id: int) -> dict[int, VaeSituation]:
    rows = q.current_situations(store, epreuve_id)
    return {s: VaeSituation(s, t, m, tuple(json.loads(c))) for s, t, m, c, r in rows if not r}
