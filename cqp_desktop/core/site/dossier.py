"""A candidate's dossier: identity, route, employer, CCP held, blocs still to certify. Qt-free.

`bloc_outcomes()` is the single place that decides which épreuve results count towards a CCP: the avis
in force (latest signed version) of each épreuve — the jury's avis, which may depart from the computed
result with a written justification. A finished épreuve whose avis is not signed yet counts for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cqp_desktop.core.common.formats import listing_name, person_name
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import BlocOutcome, CertificationStatus, Mode, ccp_held, certification_status
from cqp_desktop.core.site.avis import signed_avis
from cqp_desktop.core.site.prerequisite import PassPremss, premss_of, prerequisite_problem
from cqp_desktop.core.site.results import Proclaimed, proclaimed
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store


@dataclass(frozen=True)
class Dossier:
    candidate_id: int
    last_name: str
    first_name: str
    cqp: str
    cqp_title: str
    route: str
    organisme: str
    branche: str | None
    pass_premss: bool
    outcomes: tuple[BlocOutcome, ...]
    held: frozenset[str]
    status: CertificationStatus
    other_cqp: tuple[CertificationStatus, ...]  # what the same CCP give towards the other CQP
    premss: PassPremss = PassPremss(False, None, "")
    prerequisite: str | None = None  # why the CQP is withheld whatever the CCP (Pass et Prem'ss), if it is
    person_id: str = ""  # the stable identifier across CQP, sites and years (core/model/person_id.py)

    @property
    def obtained(self) -> tuple[str, ...]:
        """Every CQP obtained, the one aimed at or not (a passerelle keeps a CQP already obtained)."""
        return tuple(s.certification for s in (self.status, *self.other_cqp) if s.cqp)

    @property
    def passerelle_blocs(self) -> tuple[str, ...]:
        """Blocs of the CQP aimed at already held thanks to CCP earned for the other CQP (GRU, MDR)."""
        earned_elsewhere = {o.bloc for o in self.outcomes if o.validated and o.certification and o.certification != self.cqp}
        return tuple(b for b in self.status.held if b in earned_elsewhere)
    proclaimed: Proclaimed | None = None  # the jury paritaire national's latest proclamation (core/site/results.py)

    @property
    def name(self) -> str:
        return person_name(self.first_name, self.last_name)

    @property
    def to_certify(self) -> tuple[str, ...]:
        return self.status.missing


def bloc_outcomes(store: Store, candidate_id: int) -> list[BlocOutcome]:
    """The bloc outcome of every épreuve with a signed avis (the version in force)."""
    outcomes: list[BlocOutcome] = []
    for row in q.candidate_epreuves(store, candidate_id):
        avis = signed_avis(store, row["id"])
        if avis is None:
            continue
        outcomes.append(
            BlocOutcome(row["bloc"], avis.jury_validated, Mode(row["mode"]), row["planned_date"], row["certification"])
        )
    return outcomes


def held_blocs(store: Store, candidate_id: int) -> frozenset[str]:
    return ccp_held(bloc_outcomes(store, candidate_id))


def load_dossier(store: Store, candidate_id: int, referentiel: Referentiel) -> Dossier:
    row = q.dossier_head(store, candidate_id)
    if row is None:
        raise KeyError(candidate_id)
    last, first, cqp, route, premss, organisme, branche, person_id = row
    outcomes = tuple(bloc_outcomes(store, candidate_id))
    held = ccp_held(outcomes)
    attestation = premss_of(store, candidate_id)
    prerequisite = prerequisite_problem(route, attestation)
    withheld = (prerequisite,) if prerequisite else ()
    status = certification_status(referentiel, cqp, held, withheld)
    others = tuple(
        certification_status(referentiel, code, held, withheld) for code in referentiel.certifications if code != cqp
    )
    title = referentiel.certification(cqp).title if cqp in referentiel.certifications else cqp
    return Dossier(
        candidate_id, last, first, cqp, title, route, organisme, branche, bool(premss), outcomes, held, status, others,
        attestation, prerequisite, person_id or "",
        proclaimed(store, candidate_id),
    )


def candidates(store: Store) -> list[tuple[int, str]]:
    """(id, "NOM Prénom — CQP") for pickers, sorted by name."""
    return [
        (r[0], f"{listing_name(r[1], r[2])} — {r[3]}")
        for r in q.candidates_by_name(store)
    ]
