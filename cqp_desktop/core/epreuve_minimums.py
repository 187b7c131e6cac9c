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

from cqp_desktop.core.referentiel import Bloc, Referentiel
from cqp_desktop.core.rules import Mode
from cqp_desktop.core.store import Store

SOURCE = "lettre Ucanss du 20/09/2021"


def presented_count(store: Store, epreuve_id: int) -> int:
    """Competences the MDR presentation addressed (latest row per competence)."""
    rows = store.db.execute(
        "SELECT presented FROM presented_competences WHERE id IN "
        "(SELECT max(id) FROM presented_competences WHERE epreuve_id = ? GROUP BY competence)",
        [epreuve_id],
    ).fetchall()
    return sum(1 for (presented,) in rows if presented)


def recorded_count(store: Store, epreuve_id: int, phase: str) -> int | None:
    """The latest count entered during `phase` (courriers / courriels treated), None if never entered."""
    row = store.db.execute(
        "SELECT value FROM timer_events WHERE epreuve_id = ? AND kind = 'count' AND phase = ? ORDER BY id DESC LIMIT 1",
        [epreuve_id, phase],
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def situation_count(store: Store, epreuve_id: int) -> int:
    """Livret 2 situations currently recorded for the épreuve's bloc (latest row per slot, not removed)."""
    rows = store.db.execute(
        "SELECT removed FROM vae_situations WHERE id IN "
        "(SELECT max(id) FROM vae_situations WHERE epreuve_id = ? GROUP BY slot)",
        [epreuve_id],
    ).fetchall()
    return sum(1 for (removed,) in rows if not removed)


def _formation_minimums(store: Store, epreuve_id: int, bloc: Bloc) -> list[str]:
    problems: list[str] = []
    minimum = bloc.min_competences_presented
    if minimum and any(p.presentation for p in bloc.phases):
        n = presented_count(store, epreuve_id)
        if n < minimum:
            problems.append(
                f"Règle du bloc {bloc.code} ({SOURCE}, 4/A) : la présentation doit aborder au moins {minimum} "
                f"compétences du bloc ; {n} cochée{'s' if n > 1 else ''} — règle du certificateur, sans dérogation"
            )
    for phase in bloc.phases:
        if phase.count is None:
            continue
        n = recorded_count(store, epreuve_id, phase.code)
        bounds = f"{phase.count.min} à {phase.count.max} {phase.count.label}"
        if n is None or not phase.count.min <= n <= phase.count.max:
            found = "aucun nombre saisi" if n is None else f"{n} saisi{'s' if n > 1 else ''}"
            problems.append(
                f"Règle du bloc {bloc.code} ({SOURCE}, 4/A) : {bounds} pendant « {phase.label} » ; {found} "
                "— règle du certificateur, sans dérogation"
            )
    return problems


def _vae_minimums(store: Store, epreuve_id: int, referentiel: Referentiel, bloc: Bloc) -> list[str]:
    vae = referentiel.vae
    n = situation_count(store, epreuve_id)
    if vae.situations_min <= n <= vae.situations_max:
        return []
    return [
        f"Règle VAE ({SOURCE}, 4/C) : le livret 2 présente {vae.situations_min} à {vae.situations_max} situation(s) "
        f"significative(s) pour chaque bloc ; {n} saisie(s) pour le bloc {bloc.code} — règle du certificateur, sans dérogation"
    ]


def minimum_blockers(store: Store, epreuve_id: int) -> list[str]:
    """Each condition of the letter this épreuve does not meet, naming the rule (empty: nothing blocks)."""
    epreuve = store.epreuve(epreuve_id)
    if epreuve["mode"] != Mode.CERTIFICATION:
        return []  # pre-positionnement never certifies
    referentiel = store.epreuve_referentiel(epreuve_id)
    bloc = referentiel.bloc(epreuve["bloc"])
    if epreuve["route"] == "vae":
        from cqp_desktop.core.vae import interview_problem

        shared = interview_problem(store, epreuve_id)
        return ([shared] if shared else []) + _vae_minimums(store, epreuve_id, referentiel, bloc)
    return _formation_minimums(store, epreuve_id, bloc)


__all__ = ["minimum_blockers", "presented_count", "recorded_count", "situation_count"]
