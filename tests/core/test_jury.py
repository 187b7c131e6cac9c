"""Jury composition: a conflict is refused with a French reason, nothing is stored."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqp_desktop.core.site.jury import CandidateSide, JuryConflict, Person, assign_jury, check_jury, current_jury
from cqp_desktop.core.storage.store import Store

BRANCHES = ["Maladie", "Famille", "Retraite", "Recouvrement"]
CANDIDATE = CandidateSide("Léa MARTIN", 3, "CPAM de Brocéliande", "Maladie")
PRESIDENT = Person(1, "Anne DELORME", "president", 1, "Ucanss", None, "2025-03-12", "UCANSS", "certificateur", "ucanss")
EXPERT = Person(2, "Sophie NGUYEN", "expert", 4, "CPAM du Val-de-Loue", "Maladie", "2025-01-20")


def test_valid_jury_has_no_problem() -> None:
    assert check_jury(CANDIDATE, PRESIDENT, EXPERT, dt.date(2026, 12, 2)) == []


def test_expert_from_candidate_employer_is_refused() -> None:
    same_org = Person(2, "Karim LAMBERT", "expert", 3, "CPAM de Brocéliande", "Maladie", "2024-06-18")
    problems = check_jury(CANDIDATE, PRESIDENT, same_org)
    assert problems == [
        "Karim LAMBERT appartient à l'organisme employeur du candidat (CPAM de Brocéliande) : "
        "l'expert métier ne peut jamais venir de l'organisme du candidat."
    ]


def test_expert_of_another_branche_untrained_and_expert_as_president() -> None:
    other = Person(2, "Thomas MOREL", "expert", 5, "CAF de Lutèce-Sud", "Famille", None)
    problems = check_jury(CANDIDATE, other, other)
    text = "\n".join(problems)
    assert "à la fois président et expert" in text
    assert "n'a pas le rôle de président" in text
    assert "branche Famille, le candidat de la branche Maladie" in text
    assert "formation des jurys" in text


def test_training_after_the_epreuve_is_refused() -> None:
    late = Person(2, "Sophie NGUYEN", "expert", 4, "CPAM du Val-de-Loue", "Maladie", "2027-01-01")
    assert "après l'épreuve" in check_jury(CANDIDATE, PRESIDENT, late, dt.date(2026, 12, 2))[0]


@given(
    st.sampled_from(BRANCHES), st.sampled_from(BRANCHES), st.booleans(), st.booleans(), st.sampled_from(["president", "expert"])
)
def test_rules_as_properties(cand_branche: str, exp_branche: str, same_org: bool, trained: bool, pres_role: str) -> None:
    candidate = CandidateSide("C", 10, "Caisse C", cand_branche)
    president = Person(1, "P", pres_role, 1, "Ucanss", None, "2025-01-01", "UCANSS", "certificateur", "ucanss")
    expert = Person(2, "E", "expert", 10 if same_org else 11, "X", exp_branche, "2025-01-01" if trained else None)
    ok = check_jury(candidate, president, expert) == []
    assert ok == (cand_branche == exp_branche and not same_org and trained and pres_role == "president")


def _people(store: Store) -> dict[str, int]:
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    cpam1 = store.add_organisme("CPAM-A", "CPAM A", "caisse", "Maladie")
    cpam2 = store.add_organisme("CPAM-B", "CPAM B", "caisse", "Maladie")
    caf = store.add_organisme("CAF-A", "CAF A", "caisse", "Famille")
    return {
        "president": store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12"),
        "expert_ok": store.add_jury_member("Nguyen", "Sophie", cpam2, "expert", "Maladie", "2025-01-20"),
        "expert_same_org": store.add_jury_member("Lambert", "Karim", cpam1, "expert", "Maladie", "2024-06-18"),
        "expert_caf": store.add_jury_member("Royer", "Claire", caf, "expert", "Famille", "2025-05-07"),
        "candidate": store.add_candidate("Martin", "Léa", cpam1, "COS", "formation", True),
    }


def test_assign_refuses_conflict_and_stores_nothing(store: Store, referentiel) -> None:  # type: ignore[no-untyped-def]
    ids = _people(store)
    epreuve = store.plan_epreuve(ids["candidate"], store.active_referentiel(), "GRU", "2026-12-02", alternative="double_ecoute")
    audit_before = len(store.audit_entries())
    with pytest.raises(JuryConflict) as info:
        assign_jury(store, epreuve, ids["president"], ids["expert_same_org"])
    assert "organisme employeur du candidat (CPAM A)" in info.value.problems[0]
    assert current_jury(store, epreuve) == (None, None)
    assert len(store.audit_entries()) == audit_before
    assign_jury(store, epreuve, ids["president"], ids["expert_ok"])
    president, expert = current_jury(store, epreuve)
    assert (president.name, expert.name) == ("Anne DELORME", "Sophie NGUYEN")
    assert store.audit_entries()[-1]["action"] == "epreuve.jury"


# --------------------------------------------------------------------------------------------------
# The président's organisme (letter 4/D)


def test_a_president_from_the_candidates_caisse_is_refused_with_the_rule() -> None:
    """Before: only the role was checked; a président employed by the candidate's caisse sat."""
    own = Person(7, "Paul BRUN", "president", 3, "CPAM de Brocéliande", "Maladie", "2025-03-12", "CPAM-BRC", "caisse")
    assert check_jury(CANDIDATE, own, EXPERT) == [
        "Paul BRUN relève de l'organisme employeur du candidat (CPAM de Brocéliande) : le président, garant de "
        "l'indépendance du jury, ne peut jamais venir de l'employeur du candidat (lettre Ucanss du 20/09/2021, 4/D)."
    ]


def test_a_president_from_another_caisse_is_refused_too() -> None:
    other = Person(7, "Paul BRUN", "president", 9, "CAF d'Armorique", "Famille", "2025-03-12", "CAF-ARM", "caisse")
    (problem,) = check_jury(CANDIDATE, other, EXPERT)
    assert problem.startswith("Paul BRUN relève de CAF d'Armorique, une caisse : le jury est présidé par l'organisme certificateur")
    assert "Institut 4.10 (délégataire)" in problem and "Organisme validé par l'Ucanss" in problem and "4/D" in problem


@pytest.mark.parametrize(
    ("kind", "validation", "ok"),
    [
        ("ucanss", "", True),
        ("institut_4_10", "", True),
        ("caisse_nationale", "", True),
        ("valide_ucanss", "Décision Ucanss du 12/01/2026", True),
        ("valide_ucanss", "", False),
        (None, "", False),
    ],
)
def test_certifier_kinds_held_as_data(kind: str | None, validation: str, ok: bool) -> None:
    president = Person(7, "Paul BRUN", "president", 8, "Certificateur", None, "2025-03-12", "CERT", "certificateur", kind, validation)
    assert (check_jury(CANDIDATE, president, EXPERT) == []) == ok


def test_a_caisse_nationale_registered_twice_is_still_the_employer() -> None:
    """The same body entered as employer (caisse) and as delegate (certificateur): the code tells."""
    candidate = CandidateSide("Léa MARTIN", 3, "Cnam", "Maladie", "CNAM")
    president = Person(7, "Paul BRUN", "president", 8, "Cnam", None, "2025-03-12", "cnam", "certificateur", "caisse_nationale")
    assert "employeur du candidat" in check_jury(candidate, president, EXPERT)[0]


def test_assign_refuses_a_president_from_the_candidates_caisse(store: Store) -> None:
    cpam = store.add_organisme("CPAM-A", "CPAM A", "caisse", "Maladie")
    other = store.add_organisme("CPAM-B", "CPAM B", "caisse", "Maladie")
    candidate = store.add_candidate("Martin", "Léa", cpam, "COS", "formation", True)
    own = store.add_jury_member("Brun", "Paul", cpam, "president", None, "2025-03-12")
    expert = store.add_jury_member("Nguyen", "Sophie", other, "expert", "Maladie", "2025-01-20")
    epreuve = store.plan_epreuve(candidate, store.active_referentiel(), "TD", "2026-12-02")
    with pytest.raises(JuryConflict, match="ne peut jamais venir de l'employeur du candidat"):
        assign_jury(store, epreuve, own, expert)
    assert store.epreuve(epreuve)["president_id"] is None


def test_upgrading_fills_in_the_ucanss_and_the_institut_4_10(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    from pathlib import Path

    copy = tmp_path / "ancienne.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "schema-0013_epreuve_cancellations.sqlite3", copy)
    store = Store.open(copy)
    try:
        kinds = dict(store.connection().execute("SELECT code, certifier_kind FROM organismes WHERE kind = 'certificateur'").fetchall())
        assert kinds == {"UCANSS": "ucanss", "I410": "institut_4_10"}
    finally:
        store.close()
