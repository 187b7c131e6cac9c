"""Jury composition rules: who may sit as président and expert métier for a given candidate.

The rules come from the Ucanss letter: the expert métier belongs to the candidate's branche de
législation (the branche of the candidate's employer organisme) and never to the candidate's employer
organisme; every evaluator has followed the jury training; the président represents the certifier — an
organisme of a kind `resources/fondation.toml` lists (Ucanss, its delegates Institut 4.10 and the caisses
nationales, a body validated by the Ucanss), guarantor of the jury's independence, so never the
candidate's employer.
A conflict is *refused*, not warned: `assign_jury` writes nothing when `check_jury` finds a problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cqp_desktop.core.common.formats import french_day, person_name
from cqp_desktop.core.model.kinds import Role
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store


class JuryConflict(Exception):
    """A composition the rules forbid; `problems` are French sentences naming who and why."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Composition du jury refusée :\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class Person:
    """A jury member as the rules see them."""

    id: int
    name: str
    role: str  # 'president' | 'expert'
    organisme_id: int
    organisme: str
    branche: str | None
    training_date: str | None
    organisme_code: str = ""
    organisme_kind: str = "caisse"  # 'caisse' | 'certificateur'
    certifier_kind: str | None = None  # a kind of resources/fondation.toml, for a 'certificateur'
    certifier_validation: str = ""


@dataclass(frozen=True)
class CandidateSide:
    name: str
    organisme_id: int
    organisme: str
    branche: str | None
    organisme_code: str = ""


def check_jury(
    candidate: CandidateSide, president: Person | None, expert: Person | None, on: dt.date | None = None
) -> list[str]:
    """Every rule the composition breaks, in French (empty list: the jury may sit)."""
    problems: list[str] = []
    if president is None:
        problems.append("Aucun président du jury choisi.")
    if expert is None:
        problems.append("Aucun expert métier choisi.")
    if president is not None and expert is not None and president.id == expert.id:
        problems.append(f"{president.name} ne peut pas être à la fois président et expert métier.")
    if president is not None:
        if president.role != Role.PRESIDENT:
            problems.append(
                f"{president.name} n'a pas le rôle de président (rôle enregistré : expert métier) : "
                "le président représente le certificateur (Ucanss ou son délégué)."
            )
        problems.extend(_president_organisme_problems(candidate, president))
        problems.extend(_training_problems(president, "président", on))
    if expert is not None:
        if expert.role != Role.EXPERT:
            problems.append(f"{expert.name} n'est pas enregistré(e) comme expert métier.")
        if expert.organisme_id == candidate.organisme_id:
            problems.append(
                f"{expert.name} appartient à l'organisme employeur du candidat ({candidate.organisme}) : "
                "l'expert métier ne peut jamais venir de l'organisme du candidat."
            )
        if candidate.branche is None:
            problems.append(
                f"L'organisme employeur du candidat ({candidate.organisme}) n'a pas de branche de législation : "
                "impossible de vérifier la branche de l'expert."
            )
        elif expert.branche is None:
            problems.append(
                f"{expert.name} n'a pas de branche de législation renseignée ; le candidat relève de la branche "
                f"{candidate.branche} : l'expert métier doit être de la même branche de législation que le candidat."
            )
        elif expert.branche != candidate.branche:
            problems.append(
                f"{expert.name} relève de la branche {expert.branche}, le candidat de la branche {candidate.branche} : "
                "l'expert métier doit être de la même branche de législation que le candidat."
            )
        problems.extend(_training_problems(expert, "expert métier", on))
    return problems


LETTER_4D = "lettre Ucanss du 20/09/2021, 4/D"


def _president_organisme_problems(candidate: CandidateSide, president: Person) -> list[str]:
    """The président represents the certifier and guarantees the jury's independence (letter 4/D)."""
    from cqp_desktop.core.model.founding import load_founding

    same = president.organisme_id == candidate.organisme_id or (
        bool(president.organisme_code) and president.organisme_code.upper() == candidate.organisme_code.upper()
    )
    if same:
        return [
            f"{president.name} relève de l'organisme employeur du candidat ({candidate.organisme}) : le président, "
            f"garant de l'indépendance du jury, ne peut jamais venir de l'employeur du candidat ({LETTER_4D})."
        ]
    founding = load_founding()
    allowed = " ; ".join(p.label for p in founding.president_organismes)
    kind = founding.president_kind(president.certifier_kind) if president.organisme_kind == "certificateur" else None
    if kind is None:
        what = (
            "une caisse" if president.organisme_kind != "certificateur"
            else "un certificateur dont le type n'est pas renseigné"
        )
        return [
            f"{president.name} relève de {president.organisme}, {what} : le jury est présidé par l'organisme "
            f"certificateur ({allowed}) ({LETTER_4D}). Renseignez le type de certificateur de l'organisme, ou "
            "choisissez un autre président."
        ]
    if kind.needs_validation and not president.certifier_validation.strip():
        return [
            f"{president.name} relève de {president.organisme}, organisme validé par l'Ucanss sans référence de "
            f"validation enregistrée : « un autre organisme peut être dûment validé par l'Ucanss » ({LETTER_4D})."
        ]
    return []


def _training_problems(person: Person, title: str, on: dt.date | None) -> list[str]:
    if not person.training_date:
        return [
            f"{person.name} ({title}) n'a pas de date de formation des jurys professionnels des CQP : "
            "tout évaluateur doit l'avoir suivie."
        ]
    try:
        trained = dt.date.fromisoformat(person.training_date)
    except ValueError:
        return [f"{person.name} : date de formation des jurys illisible (« {person.training_date} »)."]
    if on is not None and trained > on:
        return [f"{person.name} ({title}) ne sera formé(e) que le {french_day(trained)}, après l'épreuve du {french_day(on)}."]
    return []


# --------------------------------------------------------------------------------------------------
# reading from / writing to the store


def person(store: Store, member_id: int) -> Person:
    row = q.jury_person(store, member_id)
    if row is None:
        raise JuryConflict([f"Membre du jury n° {member_id} introuvable."])
    return Person(
        row[0], person_name(row[2], row[1]), row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11] or ""
    )


def members(store: Store, role: str | None = None) -> list[Person]:
    return [person(store, member_id) for member_id in q.member_ids(store, role)]


def candidate_side(store: Store, candidate_id: int) -> CandidateSide:
    row = q.candidate_side(store, candidate_id)
    assert row is not None, candidate_id
    return CandidateSide(person_name(row[1], row[0]), row[2], row[3], row[4], row[5])


def check_epreuve_jury(store: Store, epreuve_id: int, president_id: int | None, expert_id: int | None) -> list[str]:
    epreuve: dict[str, Any] = store.epreuve(epreuve_id)
    return check_jury(
        candidate_side(store, epreuve["candidate_id"]),
        person(store, president_id) if president_id else None,
        person(store, expert_id) if expert_id else None,
        dt.date.fromisoformat(epreuve["planned_date"]),
    )


def assign_jury(store: Store, epreuve_id: int, president_id: int | None, expert_id: int | None, actor: str = "") -> None:
    """Store the composition, or raise JuryConflict and store nothing."""
    problems = check_epreuve_jury(store, epreuve_id, president_id, expert_id)
    if problems:
        raise JuryConflict(problems)
    with store.action("epreuve.jury", "epreuves", actor) as act:
        act.entity_id = epreuve_id
        w.set_epreuve_jury(store, epreuve_id, president_id, expert_id)
        act.details = {"president_id": president_id, "expert_id": expert_id}


def current_jury(store: Store, epreuve_id: int) -> tuple[Person | None, Person | None]:
    epreuve = store.epreuve(epreuve_id)
    return (
        person(store, epreuve["president_id"]) if epreuve["president_id"] else None,
        person(store, epreuve["expert_id"]) if epreuve["expert_id"] else None,
    )
