"""The épreuve conditions the founding letter sets, checked before an avis can be signed. Qt-free.

The letter fixes how each épreuve is conducted (4/A, 4/B, 4/C): the MDR presentation addresses at least two
competences of the bloc, the GRU observation includes 2 to 5 courriers/courriels, the VAE livret 2 presents
one or two significant situations for each bloc. These are the certifier's procedures, of which the président
is the guarantor (4/D: « garant de l'indépendance du jury et de la bonne application des règles et procédures
du certificateur »): no jury override. Where the letter makes a jury sovereign — « Le jury est souverain dans
sa décision » (4/D, the jury paritaire national deciding on the dossier and the avis) — the jury
professionnel's avis may depart from the computed 80 % result with a written justification (core/site/avis.py);
that is the only override. The bounds are read from the épreuve's référentiel, itself checked against the
letter (core/model/founding.py).
"""

from __future__ import annotations

from typing import Any

from cqp_desktop.core.model.epreuve_conditions import (
    conditions_problems,
    count_in,
    presented_in,
    situations_in,
)
from cqp_desktop.core.model.kinds import Route
from cqp_desktop.core.model.rules import Mode
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store


def _rows(store: Store, table: str, epreuve_id: int) -> list[dict[str, Any]]:
    return q.journal(store, table, epreuve_id, view="minimums")


def presented_count(store: Store, epreuve_id: int) -> int:
    return presented_in(_rows(store, "presented_competences", epreuve_id))


def recorded_count(store: Store, epreuve_id: int, phase: str) -> int | None:
    return count_in(_rows(store, "timer_events", epreuve_id), phase)


def situation_count(store: Store, epreuve_id: int) -> int:
    return situations_in(_rows(store, "vae_situations", epreuve_id))


def minimum_blockers(store: Store, epreuve_id: int) -> list[str]:
    """Each condition of the letter this épreuve does not meet, naming the rule (empty: nothing blocks)."""
    epreuve = store.epreuve(epreuve_id)
    if epreuve["mode"] != Mode.CERTIFICATION:
        return []  # pre-positionnement never certifies
    referentiel = store.epreuve_referentiel(epreuve_id)
    bloc = referentiel.bloc(epreuve["bloc"])
    shared: list[str] = []
    if epreuve["route"] == Route.VAE:
        from cqp_desktop.core.site.vae import interview_problem

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
