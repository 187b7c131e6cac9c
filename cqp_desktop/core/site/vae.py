"""The VAE candidacy: one 45 min interview for all the blocs asked for, each bloc decided on its own. Qt-free.

The letter (4/C): the candidate submits livret 2 with one or two significant situations *for each bloc*, then
has **one** in-person interview of 45 min with the VAE jury. Each bloc is still an épreuve of its own here
(its criteria, its avis, its signature, its CCP), but the VAE épreuves of a candidate planned on the same day
form one candidacy whose interview is timed once, on its first épreuve (the "interview épreuve"): every
runner of the candidacy shows and drives that one clock, and no other épreuve of it plans any time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cqp_desktop.core.model.kinds import Route
from cqp_desktop.core.model.rules import Mode
from cqp_desktop.core.storage import store_queries as q

if TYPE_CHECKING:  # annotations only: the home list (core/site/overview.py) is read before the store is opened
    from cqp_desktop.core.model.referentiel import Referentiel
    from cqp_desktop.core.site.clock import PhasePlan
    from cqp_desktop.core.storage.store import Store

INTERVIEW_PHASE = "vae_entretien"


@dataclass(frozen=True)
class VaeCandidacy:
    candidate_id: int
    day: str
    epreuves: tuple[int, ...]  # by id; the first holds the interview's clock
    blocs: tuple[str, ...]

    @property
    def interview_epreuve(self) -> int:
        return self.epreuves[0]


def interview_phase(referentiel: Referentiel) -> PhasePlan:
    from cqp_desktop.core.site.clock import PhasePlan

    vae = referentiel.vae
    return PhasePlan(INTERVIEW_PHASE, vae.interview_label, vae.interview_minutes * 60, interview=True)


def in_candidacy(route: str, mode: str, cancelled: bool) -> bool:
    """The one rule: a VAE certification épreuve that was not cancelled belongs to its day's candidacy."""
    return route == Route.VAE and mode == Mode.CERTIFICATION and not cancelled


def interview_epreuves(rows: Iterable[tuple[int, int, str, str, str, bool]]) -> dict[int, int]:
    """{épreuve id: the épreuve timing it} for rows (id, candidate_id, planned_date, route, mode, cancelled)."""
    leads: dict[tuple[int, str], int] = {}
    members = [r for r in rows if in_candidacy(r[3], r[4], r[5])]
    for epreuve_id, candidate_id, day, *_ in sorted(members):
        leads.setdefault((candidate_id, day), epreuve_id)
    return {r[0]: leads[(r[1], r[2])] for r in members}


def candidacy_of(store: Store, candidate_id: int, day: str) -> VaeCandidacy | None:
    """The candidate's VAE certification épreuves of that day (cancelled ones left out), or None."""
    rows = q.epreuves_of_day(store, candidate_id, day)
    members = [(r[0], r[1]) for r in rows if in_candidacy(r[2], r[3], bool(r[4]))]
    if not members:
        return None
    return VaeCandidacy(candidate_id, day, tuple(m[0] for m in members), tuple(m[1] for m in members))


def candidacy(store: Store, epreuve_id: int) -> VaeCandidacy | None:
    """The candidacy a VAE certification épreuve belongs to (None for any other épreuve)."""
    epreuve = store.epreuve(epreuve_id)
    if epreuve["route"] != Route.VAE or epreuve["mode"] != Mode.CERTIFICATION:
        return None
    found = candidacy_of(store, epreuve["candidate_id"], epreuve["planned_date"])
    return found if found is not None and epreuve_id in found.epreuves else None


def clock_epreuve(store: Store, epreuve_id: int) -> int:
    """The épreuve whose timer journal times this one: the candidacy's interview épreuve, or itself."""
    found = candidacy(store, epreuve_id)
    return found.interview_epreuve if found is not None else epreuve_id


def timed_phases(store: Store, epreuve_id: int) -> tuple[PhasePlan, ...]:
    """The time this épreuve itself plans: a VAE candidacy's interview counts once, on its interview épreuve."""
    from cqp_desktop.core.site.runner import phases_for

    epreuve = store.epreuve(epreuve_id)
    referentiel = store.epreuve_referentiel(epreuve_id)
    if clock_epreuve(store, epreuve_id) != epreuve_id:
        return ()
    return phases_for(referentiel, epreuve["bloc"], epreuve["route"])


def interview_problem(store: Store, epreuve_id: int) -> str | None:
    """For an épreuve timed by another one of its candidacy: a French blocker while the interview runs."""
    lead = clock_epreuve(store, epreuve_id)
    if lead == epreuve_id:
        return None  # its own clock: core/avis.open_items checks it
    from cqp_desktop.core.site.epreuve_state import clock_ended, own_clock

    if not clock_ended(own_clock(store, lead)):
        bloc = store.epreuve(lead)["bloc"]
        return (
            f"Entretien VAE de la candidature (chronométré avec le bloc {bloc}) non terminé : "
            "arrêtez-le avant de signer"
        )
    return None


def plan_candidacy(store: Store, referentiel: Referentiel, candidate_id: int, blocs: list[str], day: dt.date) -> list[int]:
    """Plan the VAE épreuves of a candidacy in one action (all the blocs or none); returns their ids."""
    from cqp_desktop.core.site.planning import PlanningError, PlanRequest, check_plan, plan

    problems: list[str] = []
    if q.candidate_route(store, candidate_id) != Route.VAE:
        problems.append("Le candidat n'est pas inscrit par la voie de la VAE.")
    if not blocs:
        problems.append("Choisissez au moins un bloc pour la candidature VAE.")
    for bloc in blocs:
        problems += check_plan(store, referentiel, PlanRequest(candidate_id, bloc, day))[0]
    if len(set(blocs)) != len(blocs):
        problems.append("Un même bloc est demandé deux fois dans la candidature.")
    if problems:
        raise PlanningError(problems)
    with store.atomic():
        return [plan(store, referentiel, PlanRequest(candidate_id, bloc, day)) for bloc in blocs]
