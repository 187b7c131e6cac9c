"""Planning an épreuve: which blocs and modalities a candidate may take, and the calendar check. Qt-free.

New épreuves are planned with the *active* référentiel; an existing one keeps its own for good.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.calendar import load_calendar
from cqp_desktop.core.model.kinds import Route
from cqp_desktop.core.model.referentiel import Alternative, Referentiel
from cqp_desktop.core.model.rules import Mode
from cqp_desktop.core.site.dossier import held_blocs
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store


class PlanningError(Exception):
    """A plan that cannot be stored; `problems` are French sentences."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class BlocChoice:
    code: str
    title: str
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class PlanRequest:
    candidate_id: int
    bloc: str
    day: dt.date
    mode: Mode = Mode.CERTIFICATION
    alternative: str | None = None


def bloc_choices(store: Store, candidate_id: int, referentiel: Referentiel, mode: Mode = Mode.CERTIFICATION) -> list[BlocChoice]:
    """Blocs of the candidate's CQP, minus those already held (a pre-positionnement may cover any bloc)."""
    cqp = _candidate(store, candidate_id)["cqp"]
    held = held_blocs(store, candidate_id) if mode == Mode.CERTIFICATION else frozenset()
    return [
        BlocChoice(b.code, b.title, b.alternatives)
        for b in referentiel.blocs_of(cqp)
        if b.code not in held
    ]


def check_plan(store: Store, referentiel: Referentiel, request: PlanRequest) -> tuple[list[str], list[str]]:
    """(problems that refuse the plan, warnings to show) in French."""
    problems: list[str] = []
    warnings: list[str] = []
    candidate = _candidate(store, request.candidate_id)
    choices = {c.code: c for c in bloc_choices(store, request.candidate_id, referentiel, request.mode)}
    if request.bloc not in referentiel.certification(candidate["cqp"]).blocs:
        problems.append(f"Le bloc {request.bloc} ne fait pas partie du CQP {candidate['cqp']} du candidat.")
    elif request.bloc not in choices:
        problems.append(f"Le candidat détient déjà le CCP du bloc {request.bloc} : inutile de le repasser.")
    else:
        alternatives = choices[request.bloc].alternatives
        codes = {a.code for a in alternatives}
        if candidate["route"] == Route.FORMATION and alternatives and request.alternative is None:
            labels = " ou ".join(a.label.lower() for a in alternatives)
            problems.append(f"Choisissez la modalité d'observation du bloc {request.bloc} : {labels}.")
        if request.alternative is not None and request.alternative not in codes:
            problems.append(f"Modalité « {request.alternative} » inconnue pour le bloc {request.bloc}.")
    if request.mode == Mode.CERTIFICATION:
        warning = load_calendar().warning(request.day)
        if warning:
            warnings.append(warning)
        warnings += validity_warnings(referentiel, candidate["cqp"], request.day)
    if candidate["route"] == Route.VAE and request.mode == Mode.CERTIFICATION:
        from cqp_desktop.core.site.vae import candidacy_of

        same_day = candidacy_of(store, request.candidate_id, request.day.isoformat())
        if same_day is not None:
            blocs = ", ".join(same_day.blocs)
            warnings.append(
                f"Candidature VAE : le bloc {request.bloc} rejoint l'entretien unique de {referentiel.vae.interview_minutes} min "
                f"du {french_day(request.day)} (blocs déjà prévus : {blocs}) ; chaque bloc reçoit son propre avis."
            )
    if request.mode == Mode.CERTIFICATION:
        from cqp_desktop.core.site.prerequisite import candidate_withheld

        for reason in candidate_withheld(store, request.candidate_id):
            warnings.append(f"Prérequis : {reason} ; les CCP seront délivrés, pas le CQP tant qu'il manque.")
    return problems, warnings


def validity_warnings(referentiel: Referentiel, cqp: str, day: dt.date) -> list[str]:
    """Planning past the référentiel's validity or the CQP's RNCP registration (dates held in the référentiel)."""
    warnings: list[str] = []
    if not referentiel.is_valid_on(day):
        warnings.append(
            f"Le référentiel {referentiel.label} est valable du {french_day(referentiel.valid_from)} au "
            f"{french_day(referentiel.valid_until)} : l'épreuve du {french_day(day)} est hors de cette période ; "
            "chargez le référentiel renouvelé (menu Référentiel) avant de la planifier."
        )
    cert = referentiel.certifications.get(cqp)
    if cert is not None and cert.rncp_end is not None and day > cert.rncp_end:
        warnings.append(
            f"L'enregistrement du CQP {cert.code} au RNCP ({cert.rncp or 'RNCP'}) a pris fin le {french_day(cert.rncp_end)} : "
            f"une épreuve du {french_day(day)} ne pourrait mener à une certification enregistrée qu'après son renouvellement."
        )
    return warnings


def plan(store: Store, referentiel: Referentiel, request: PlanRequest) -> int:
    """Store the épreuve, or raise PlanningError and store nothing. Warnings do not block."""
    problems, _ = check_plan(store, referentiel, request)
    if problems:
        raise PlanningError(problems)
    with store.atomic():  # the session (if new) and the épreuve are one action
        session_id = session_for(store, request.day) if request.mode == Mode.CERTIFICATION else None
        return store.plan_epreuve(
            request.candidate_id,
            referentiel,
            request.bloc,
            request.day.isoformat(),
            mode=request.mode,
            alternative=request.alternative,
            session_id=session_id,
        )


def session_for(store: Store, day: dt.date) -> int:
    """The certification session of the épreuve's month (one package per session), created if needed."""
    month = f"{day:%Y-%m}"
    found = q.session_of_month(store, month)
    if found is not None:
        return found
    return store.add_session(f"Session {day:%m/%Y}", month)


def _candidate(store: Store, candidate_id: int) -> dict[str, Any]:
    found = q.candidate(store, candidate_id)
    if found is None:
        raise PlanningError([f"Candidat n° {candidate_id} introuvable."])
    return found
