"""The CQP's prerequisite: Pass et Prem'ss followed in full, attested (date, by whom). Qt-free.

Letter 3/B (« Principe d'attribution du CQP »): « Le candidat a suivi intégralement les formations Pass et
Prem'ss ». The CCP are delivered per bloc regardless; the CQP is withheld until the completion is attested.
Which routes it applies to, and its wording, are data (resources/fondation.toml, [cqp_prerequisite]).
"""

from __future__ import annotations

from dataclasses import dataclass

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.founding import load_founding
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store


@dataclass(frozen=True)
class PassPremss:
    completed: bool  # ticked « suivies intégralement »
    date: str | None  # ISO date the trainings were completed
    attested_by: str  # who attests it (name and function, e.g. the employer's training manager)

    @property
    def attested(self) -> bool:
        return self.completed and bool(self.date) and bool(self.attested_by.strip())

    def describe(self) -> str:
        if self.attested and self.date:
            return f"suivies intégralement, attesté le {french_day(self.date)} par {self.attested_by}"
        if self.completed:
            return "suivies, attestation à compléter (date et attestant)"
        return "non suivies intégralement"


def prerequisite_problem(route: str, premss: PassPremss) -> str | None:
    """Why the CQP is withheld for this candidate (French, the rule named), or None."""
    founding = load_founding()
    if route not in founding.prerequisite_routes or premss.attested:
        return None
    if premss.completed:
        what = "attestation à compléter (date de fin des formations et qui l'atteste)"
    else:
        what = "non attesté"
    return f"prérequis Pass et Prem'ss {what} ({founding.prerequisite_label} : {founding.prerequisite_reference})"


def premss_of(store: Store, candidate_id: int) -> PassPremss:
    row = q.candidate_premss(store, candidate_id)
    return PassPremss(bool(row[0]), row[1], row[2] or "")


def candidate_withheld(store: Store, candidate_id: int) -> tuple[str, ...]:
    """What withholds the CQP of this candidate however many CCP they hold (empty: nothing)."""
    route = q.candidate_route(store, candidate_id)
    problem = prerequisite_problem(route, premss_of(store, candidate_id))
    return (problem,) if problem else ()
