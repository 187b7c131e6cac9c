"""The passerelle COS ↔ GC on one record, and the CQP withheld without the Pass et Prem'ss attestation."""

from __future__ import annotations

import datetime as dt

import pytest

from cqp_desktop.core.model.person_id import PersonIdError, new_person_id, normalise
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import people
from cqp_desktop.core.site.dossier import load_dossier
from cqp_desktop.core.site.people import CandidateInput
from cqp_desktop.core.site.planning import PlanRequest, bloc_choices, check_plan, plan
from cqp_desktop.core.storage.store import Store

from .package_fixtures import make_site, sign_epreuve


def _pass(store: Store, referentiel: Referentiel, site, candidate: int, bloc: str, day: str) -> None:  # type: ignore[no-untyped-def]
    alternatives = referentiel.bloc(bloc).alternatives
    epreuve = plan(
        store, referentiel,
        PlanRequest(candidate, bloc, dt.date.fromisoformat(day), alternative=alternatives[0].code if alternatives else None),
    )
    store.connection().execute("UPDATE epreuves SET president_id = ?, expert_id = ? WHERE id = ?", [site.president_id, site.expert_id, epreuve])
    for criterion in referentiel.bloc(bloc).criteria():
        store.record_decision(epreuve, criterion.key, Decision.VALIDE)
    sign_epreuve(store, epreuve, site, cosign=False)


def test_a_cos_holder_of_gru_and_mdr_moves_to_gc_and_has_only_gdu_left(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    data = CandidateInput(
        "Martin", "Léa", site.employer_id, "COS", "formation", True, "2026-03-27", "Responsable formation, CPAM"
    )
    lea = people.add_candidate(store, data)
    for bloc in ("GRU", "MDR"):
        _pass(store, referentiel, site, lea, bloc, "2026-10-05")
    assert "GDU" not in {c.code for c in bloc_choices(store, lea, referentiel)}  # a COS candidate: no GDU
    # the passerelle: same record, the CQP aimed at changes, every CCP stays
    assert people.update_candidate(store, lea, CandidateInput(**{**data.__dict__, "cqp": "GC"})) == ["cqp"]
    dossier = load_dossier(store, lea, referentiel)
    assert dossier.held == {"GRU", "MDR"}
    assert dossier.to_certify == ("GDU",)
    assert dossier.passerelle_blocs == ("GRU", "MDR")
    assert [c.code for c in bloc_choices(store, lea, referentiel)] == ["GDU"]
    assert check_plan(store, referentiel, PlanRequest(lea, "GDU", dt.date(2026, 12, 3)))[0] == []
    _pass(store, referentiel, site, lea, "GDU", "2026-12-03")
    dossier = load_dossier(store, lea, referentiel)
    assert dossier.status.cqp and dossier.obtained == ("GC",)
    assert dossier.status.explanation() == "CQP GC : tous les blocs sont validés (GRU, MDR, GDU)"
    assert store.connection()["candidates"].count == 1  # one record for the person


def test_the_cqp_is_withheld_without_the_pass_premss_attestation(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    hugo = store.add_candidate("Petit", "Hugo", site.employer_id, "GC", "formation", True)  # ticked, not attested
    for bloc in ("GRU", "MDR", "GDU"):
        _pass(store, referentiel, site, hugo, bloc, "2026-12-03")
    dossier = load_dossier(store, hugo, referentiel)
    assert dossier.to_certify == () and not dossier.status.cqp  # before: « CQP obtenu »
    assert dossier.prerequisite is not None and "attestation à compléter" in dossier.prerequisite
    assert dossier.status.explanation().startswith("CQP GC non obtenu : tous les blocs sont validés (GRU, MDR, GDU), mais")
    people.update_candidate(
        store, hugo, CandidateInput("Petit", "Hugo", site.employer_id, "GC", "formation", True, "2026-03-27", "Mme Roy, RRH")
    )
    dossier = load_dossier(store, hugo, referentiel)
    assert dossier.status.cqp and dossier.premss.describe() == "suivies intégralement, attesté le 27/03/2026 par Mme Roy, RRH"


def test_the_attestation_needs_the_tick_and_a_real_date(store: Store) -> None:
    site = make_site(store)
    with pytest.raises(people.PeopleError) as caught:
        people.add_candidate(store, CandidateInput("Roux", "Nathan", site.employer_id, "COS", "vae", False, "2026-03-27", "RRH"))
    assert "cochez « suivies intégralement »" in caught.value.problems[0]
    with pytest.raises(people.PeopleError, match="dans le futur"):
        people.add_candidate(store, CandidateInput("Roux", "Nathan", site.employer_id, "COS", "vae", True, "2999-01-01", "RRH"))


def test_person_ids_are_random_checked_and_forgiving_of_case_and_dashes() -> None:
    a, b = new_person_id(), new_person_id()
    assert a != b and a.startswith("CQP-") and len(a) == len("CQP-XXXX-XXXX-XXXX-XXXX-42")
    assert normalise(a.lower().replace("-", " ")) == a
    typo = a[:5] + ("0" if a[5] != "0" else "1") + a[6:]
    with pytest.raises(PersonIdError, match="la clé ne correspond pas"):
        normalise(typo)
    with pytest.raises(PersonIdError, match="caractères et une clé de 2 chiffres attendus"):
        normalise("CQP-1234")


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cqp_desktop.core.model.person_id import ALPHABET  # noqa: E402
from cqp_desktop.core.model.rules import certification_status  # noqa: E402


@given(st.integers(min_value=0, max_value=15), st.sampled_from(ALPHABET))
def test_any_single_wrong_character_is_caught(position: int, char: str) -> None:
    good = new_person_id()
    body = good[4:].replace("-", "")[:16]
    if body[position] == char:
        return
    typed = body[:position] + char + body[position + 1 :] + good[-2:]
    with pytest.raises(PersonIdError):
        normalise(typed)


@given(
    st.sampled_from(["COS", "GC"]),
    st.sets(st.sampled_from(["GRU", "MDR", "POS", "TD", "GDU"])),
    st.lists(st.text(min_size=1, max_size=5), max_size=2),
)
def test_a_cqp_needs_every_bloc_and_no_prerequisite_missing(cqp: str, held: set[str], withheld: list[str]) -> None:
    from cqp_desktop.core.model.referentiel import load_default

    ref = load_default()
    status = certification_status(ref, cqp, held, withheld)
    assert status.cqp == (set(ref.certification(cqp).blocs) <= held and not withheld)
    assert status.held + status.missing == tuple(b for b in ref.certification(cqp).blocs if b in held) + tuple(
        b for b in ref.certification(cqp).blocs if b not in held
    )
