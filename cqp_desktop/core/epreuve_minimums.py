"""The épreuve conditions the founding letter sets, checked before an avis can be signed. Qt-free.

The letter fixes how each épreuve is conducted (4/A, 4/B, 4/C): the MDR presentation addresses at least two
competences of the bloc, the GRU observation includes 2 to 5 courriers/courriels, the VAE livret 2 presents
one or two significant situations for each bloc. These are the certifier's procedures, of which the président
is the guarantor (4/D: « garant de l'indépendance du jury et de la bonne application des règles et procédures
du certificateur »): no jury override. Where the letter makes a jury sovereign — « Le jury est souverain dans
sa décision » (4/D, the jury paritaire national deciding on the dossier and the avis) — the jury
professionnel's avis may depart from the computed 80 % result with a written justification (core/avis.py);
that is the only override. The bounds are read from the épreuve's référentiel, itself checked against the
letter (core/founding.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cqp_desktop.core.referentiel import Bloc, Referentiel
from cqp_desktop.core.rules import Mode
from cqp_desktop.core import store_queries as q
from cqp_desktop.core.store import Store
from cqp_desktop.core.kinds import Route, TimerKind

SOURCE = "lettre Ucanss du 20/09/2021"


def latest(rows: Iterable[Mapping[str, Any]], key: str) -> dict[Any, Mapping[str, Any]]:
    """The latest row (highest id) per value of `key`: how the append-only journals are read."""
    out: dict[Any, Mapping[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        out[row[key]] = row
    return out


def presented_in(rows: Iterable[Mapping[str, Any]]) -> int:
    """Competences the MDR presentation addressed, from its journal rows."""
    return sum(1 for row in latest(rows, "competence").values() if row["presented"])


def count_in(events: Iterable[Mapping[str, Any]], phase: str) -> int | None:
    """The latest count entered during `phase`, from the timer events (None if never entered)."""
    counts = [e for e in events if e["kind"] == TimerKind.COUNT and e["phase"] == phase]
    if not counts:
        return None
    value = max(counts, key=lambda e: e["id"])["value"]
    return None if value is None else int(value)


def situations_in(rows: Iterable[Mapping[str, Any]]) -> int:
    """Livret 2 situations currently recorded, from their journal rows (latest per slot, not removed)."""
    return sum(1 for row in latest(rows, "slot").values() if not row["removed"])


def _rows(store: Store, table: str, epreuve_id: int) -> list[dict[str, Any]]:
    return q.journal(store, table, epreuve_id, view="minimums")


def presented_count(store: Store, epreuve_id: int) -> int:
    return presented_in(_rows(store, "presented_competences", epreuve_id))


def recorded_count(store: Store, epreuve_id: int, phase: str) -> int | None:
    return count_in(_rows(store, "timer_events", epreuve_id), phase)


def situation_count(store: Store, epreuve_id: int) -> int:
    return situations_in(_rows(store, "vae_situations", epreuve_id))


def conditions_problems(
    referentiel: Referentiel,
    bloc: Bloc,
    route: str,
    *,
    presented: int,
    counts: Mapping[str, int | None],
    situations: int,
) -> list[str]:
    """The letter's épreuve conditions this épreuve misses, from what was recorded (pure: the site checks
    its own épreuves with it before a signature, `package verify` the épreuves a package carries)."""
    problems: list[str] = []
    if route == Route.VAE:
        vae = referentiel.vae
        if not vae.situations_min <= situations <= vae.situations_max:
            problems.append(
                f"Règle VAE ({SOURCE}, 4/C) : le livret 2 présente {vae.situations_min} à {vae.situations_max} situation(s) "
                f"significative(s) pour chaque bloc ; {situations} saisie(s) pour le bloc {bloc.code} — règle du certificateur, "
                "sans dérogation"
            )
        return problems
    minimum = bloc.min_competences_presented
    if minimum and any(p.presentation for p in bloc.phases) and presented < minimum:
        problems.append(
            f"Règle du bloc {bloc.code} ({SOURCE}, 4/A) : la présentation doit aborder au moins {minimum} "
            f"compétences du bloc ; {presented} cochée{'s' if presented > 1 else ''} — règle du certificateur, sans dérogation"
        )
    for phase in bloc.phases:
        if phase.count is None:
            continue
        n = counts.get(phase.code)
        bounds = f"{phase.count.min} à {phase.count.max} {phase.count.label}"
        if n is None or not phase.count.min <= n <= phase.count.max:
            found = "aucun nombre saisi" if n is None else f"{n} saisi{'s' if n > 1 else ''}"
            problems.append(
                f"Règle du bloc {bloc.code} ({SOURCE}, 4/A) : {bounds} pendant « {phase.label} » ; {found} "
                "— règle du certificateur, sans dérogation"
            )
    return problems


def minimum_blockers(store: Store, epreuve_id: int) -> list[str]:
    """Each condition of the letter this épreuve does not meet, naming the rule (empty: nothing blocks)."""
    epreuve = store.epreuve(epreuve_id)
    if epreuve["mode"] != Mode.CERTIFICATION:
        return []  # pre-positionnement never certifies
    referentiel = store.epreuve_referentiel(epreuve_id)
    bloc = referentiel.bloc(epreuve["bloc"])
    shared: list[str] = []
    if epreuve["route"] == Route.VAE:
        from cqp_desktop.core.vae import interview_problem

        problem = interview_problem(store, epreuve_id)
        shared = [problem] if problem else []
    events = _rows(store, "timer_events", epreuve_id)
    return shared + conditions_problems(
        referentiel,
        bloc,
        epreuve["route"],
        presented=presented_count(store, epreuve_id),
        counts={p.code: count_in(events, p.code) for p in bloc.phases if p.count is not None},
        situations=situation_count(store, epreuve_id),
    )


__all__ = ["conditions_problems", "minimum_blockers", "presented_count", "recorded_count", "situation_count"]
