"""A signed jury session ready to package: several candidates, blocs, signed (and co-signed) avis.

Built through the real APIs (Store, core/site/avis.py) so packages carry exactly what a site produces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.site import avis
from cqp_desktop.core.storage.store import Store
from tests.core.avis_fixtures import meet_minimums, tiny_png
from tests.trust_helpers import certify

PASSPHRASE = "phrase secrète du jury"
EXPERT_PASSPHRASE = "phrase de l'experte"

# last, first, cqp, blocs, criteria set non validé
PEOPLE = [
    ("Martin", "Léa", "COS", ("GRU", "MDR"), ()),
    ("Petit", "Hugo", "GC", ("GRU", "GDU"), ("GRU.C1.1", "GRU.C1.2", "GRU.C2.1", "GRU.C2.2")),
    ("Garnier", "Inès", "GC", ("MDR",), ()),
    ("Roux", "Nathan", "COS", ("POS",), ("POS.C12.1",)),
    ("Fontaine", "Chloé", "GC", ("GDU",), ()),
    ("Chevalier", "Malik", "COS", ("TD",), ()),
]


@dataclass
class SignedSession:
    session_id: int
    president_id: int
    expert_id: int
    intruder_id: int  # a trained président who sits on no épreuve of the session
    epreuve_ids: list[int] = field(default_factory=list)
    candidate_ids: list[int] = field(default_factory=list)


@dataclass
class Site:
    """Organismes and a jury with signing keys, made once per database."""

    president_id: int
    expert_id: int
    intruder_id: int
    employer_id: int


def make_site(store: Store) -> Site:
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    employer = store.add_organisme("CPAM-BRC", "CPAM de Brocéliande", "caisse", "Maladie")
    other = store.add_organisme("CPAM-VDL", "CPAM du Val-de-Loue", "caisse", "Maladie")
    president = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    expert = store.add_jury_member("Nguyen", "Sophie", other, "expert", "Maladie", "2025-01-20")
    intruder = store.add_jury_member("Ferrand", "Olivier", ucanss, "president", None, "2024-11-05")
    for member, phrase in ((president, PASSPHRASE), (expert, EXPERT_PASSPHRASE), (intruder, PASSPHRASE)):
        certify(store, member, phrase)
    return Site(president, expert, intruder, employer)


def sign_epreuve(store: Store, epreuve_id: int, site: Site, *, cosign: bool = True) -> int:
    meet_minimums(store, epreuve_id)
    computed = avis.computed_result(store, epreuve_id)
    avis_id = avis.draft_avis(
        store,
        epreuve_id,
        computed.validated,
        preconisations="" if computed.validated else "Reprendre la relation écrite avec un tuteur.",
        comments={computed.competences[0].key: "Écoute active, reformulation systématique."},
    )
    avis.sign_avis(store, avis_id, site.president_id, PASSPHRASE, tiny_png())
    if cosign:
        avis.sign_avis(store, avis_id, site.expert_id, EXPERT_PASSPHRASE, tiny_png(stroke=3))
    return avis_id


def signed_session(
    store: Store,
    referentiel: Referentiel,
    *,
    candidates: int = 3,
    site: Site | None = None,
    month: str = "2026-12",
    people: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] | None = None,
    timer: bool = True,
) -> SignedSession:
    """A session of `candidates` candidates (cycling through PEOPLE), every épreuve decided and signed."""
    site = site or make_site(store)
    session = store.add_session(f"Session {month}", month, "Centre d'examen de Brocéliande")
    result = SignedSession(session, site.president_id, site.expert_id, site.intruder_id)
    people = people or PEOPLE
    for n in range(candidates):
        last, first, cqp, blocs, failing = people[n % len(people)]
        if n >= len(people):
            last = f"{last}{n // len(people) + 1}"
        candidate = store.add_candidate(last, first, site.employer_id, cqp, "formation", True)
        result.candidate_ids.append(candidate)
        for bloc in blocs:
            alternatives = referentiel.bloc(bloc).alternatives
            epreuve = store.plan_epreuve(
                candidate,
                referentiel,
                bloc,
                f"{month}-0{2 + n % 7}",
                alternative=alternatives[0].code if alternatives else None,
                session_id=session,
                president_id=site.president_id,
                expert_id=site.expert_id,
            )
            if timer:
                store.add_timer_event(epreuve, "start", mono_ns=0, elapsed_ms=0, phase="observation")
                store.add_timer_event(epreuve, "pause", mono_ns=10**9, elapsed_ms=600_000, phase="observation", reason="appel urgent")
                store.add_timer_event(epreuve, "resume", mono_ns=2 * 10**9, elapsed_ms=600_000, phase="observation")
                store.add_timer_event(epreuve, "end", mono_ns=3 * 10**9, elapsed_ms=1_800_000, phase="entretien")
            for criterion in referentiel.bloc(bloc).criteria():
                decision = Decision.NON_VALIDE if criterion.key in failing else Decision.VALIDE
                store.record_decision(epreuve, criterion.key, decision, author_id=site.president_id)
            store.add_note(epreuve, f"Observation de {first} : posture professionnelle.", author_id=site.expert_id)
            sign_epreuve(store, epreuve, site)
            result.epreuve_ids.append(epreuve)
    # A pre-positionnement épreuve in the same session: it must never leave the site.
    pre = store.plan_epreuve(
        result.candidate_ids[0], referentiel, "GRU", f"{month}-01", alternative="double_ecoute",
        mode=Mode.PREPOSITIONNEMENT, session_id=session, president_id=site.president_id, expert_id=site.expert_id,
    )
    store.record_decision(pre, "GRU.C1.1", Decision.NON_VALIDE)
    return result
