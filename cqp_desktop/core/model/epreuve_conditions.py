"""The épreuve conditions the founding letter sets (4/A, 4/B, 4/C), computed from what an épreuve recorded. Pure.

The MDR presentation addresses at least two competences of the bloc, the GRU observation includes 2 to 5
courriers/courriels, the VAE livret 2 presents one or two significant situations for each bloc. The site checks
its own épreuves with `conditions_problems` before a signature (core/site/epreuve_minimums.py), `package verify`
the épreuves a package carries. The bounds are read from the épreuve's référentiel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cqp_desktop.core.model.kinds import Route, TimerKind
from cqp_desktop.core.model.referentiel import Bloc, Referentiel

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
