"""A double-marked épreuve built through the real APIs: both members mark blind, close, the jury reconciles."""

from __future__ import annotations

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.storage.store import Store
from tests.core.package_fixtures import Site, sign_epreuve

# criteria where the expert departs from the président (président's mark is « valide »)
EXPERT_DISAGREES = ("GRU.C1.2", "GRU.C2.1")


def plan_double(store: Store, referentiel: Referentiel, site: Site, session_id: int | None = None) -> int:
    candidate = store.add_candidate("Martin", "Léa", site.employer_id, "COS", "formation", True)
    epreuve = store.plan_epreuve(
        candidate, referentiel, "GRU", "2026-12-02", alternative="double_ecoute", session_id=session_id,
        president_id=site.president_id, expert_id=site.expert_id,
    )
    dm.set_double_marking(store, epreuve, True)
    return epreuve


def mark_both(store: Store, referentiel: Referentiel, epreuve: int, site: Site, *, close: bool = True) -> None:
    for criterion in referentiel.bloc("GRU").criteria():
        dm.record(store, epreuve, site.president_id, criterion.key, Decision.VALIDE)
        expert = Decision.NON_VALIDE if criterion.key in EXPERT_DISAGREES else Decision.VALIDE
        dm.record(store, epreuve, site.expert_id, criterion.key, expert)
    dm.save_note(store, epreuve, site.expert_id, "Reformulation absente", competence="GRU.C1", criterion="GRU.C1.2")
    dm.save_note(store, epreuve, site.president_id, "Reformule après relance", competence="GRU.C1", criterion="GRU.C1.2")
    if close:
        dm.close(store, epreuve, site.president_id)
        dm.close(store, epreuve, site.expert_id)


def double_marked_signed(store: Store, referentiel: Referentiel, site: Site, session_id: int | None = None) -> int:
    """A double-marked épreuve reconciled (C1.2 validé with a reason, C2.1 non validé) and signed."""
    epreuve = plan_double(store, referentiel, site, session_id)
    store.add_timer_event(epreuve, "start", mono_ns=0, elapsed_ms=0, phase="observation")
    store.add_timer_event(epreuve, "end", mono_ns=3 * 10**9, elapsed_ms=1_800_000, phase="entretien")
    mark_both(store, referentiel, epreuve, site)
    dm.settle(store, epreuve, "GRU.C1.2", Decision.VALIDE, "Reformulation observée après relance")
    dm.settle(store, epreuve, "GRU.C2.1", Decision.NON_VALIDE)
    sign_epreuve(store, epreuve, site)
    return epreuve
