"""Entering and correcting people: French messages naming the field, nothing half-saved, signed data protected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import people
from cqp_desktop.core.site.people import CandidateInput, MemberInput, OrganismeInput, PeopleError
from cqp_desktop.core.storage.store import Store
from tests.core.package_fixtures import Site, make_site, sign_epreuve


def rows(store: Store, table: str) -> int:
    return store.connection()[table].count


def test_organisme_problems_name_the_field(store: Store) -> None:
    with pytest.raises(PeopleError) as err:
        people.add_organisme(store, OrganismeInput("", " ", "caisse", None))
    assert err.value.problems == [
        "Code : obligatoire (par ex. CPAM-75).",
        "Nom : obligatoire.",
        "Branche de législation : obligatoire pour une caisse (Maladie, Famille, Retraite, Recouvrement).",
    ]
    assert rows(store, "organismes") == 0 and store.audit_entries() == [
        e for e in store.audit_entries() if e["action"] != "organisme.add"
    ]


def test_organisme_code_is_normalised_and_unique(store: Store) -> None:
    first = people.add_organisme(store, OrganismeInput(" cpam-brc ", "CPAM de Brocéliande", "caisse", "Maladie"))
    assert store.connection()["organismes"].get(first)["code"] == "CPAM-BRC"
    with pytest.raises(PeopleError, match="Code : « CPAM-BRC » est déjà celui de l'organisme CPAM de Brocéliande"):
        people.add_organisme(store, OrganismeInput("CPAM-BRC", "Autre", "caisse", "Maladie"))
    with pytest.raises(PeopleError, match="Code : lettres, chiffres"):
        people.add_organisme(store, OrganismeInput("CPAM BRC", "Autre", "caisse", "Maladie"))
    ucanss = people.add_organisme(store, OrganismeInput("UCANSS", "Ucanss", "certificateur", "Maladie", "ucanss"))
    assert store.connection()["organismes"].get(ucanss)["branche"] is None  # a certificateur has no branche


def _orgs(store: Store) -> tuple[int, int, int]:
    caisse = people.add_organisme(store, OrganismeInput("CAF-ARM", "CAF d'Armorique", "caisse", "Famille"))
    other = people.add_organisme(store, OrganismeInput("CAF-LTS", "CAF de Lutèce-Sud", "caisse", "Famille"))
    ucanss = people.add_organisme(store, OrganismeInput("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss"))
    return caisse, other, ucanss


def test_candidate_checks(store: Store) -> None:
    caisse, _other, ucanss = _orgs(store)
    with pytest.raises(PeopleError) as err:
        people.add_candidate(store, CandidateInput("", "Léa", None, "CQP", "distance"))
    assert err.value.problems == [
        "Nom : obligatoire.",
        "Organisme employeur : choisissez-en un dans la liste (ajoutez-le d'abord s'il manque).",
        "CQP : choisissez COS ou GC.",
        "Voie : choisissez formation ou VAE.",
    ]
    with pytest.raises(PeopleError, match="Organisme employeur : Ucanss n'est pas une caisse"):
        people.add_candidate(store, CandidateInput("Martin", "Léa", ucanss, "COS", "formation"))
    with pytest.raises(PeopleError, match="Prénom : 81 caractères, 80 au plus"):
        people.add_candidate(store, CandidateInput("Martin", "L" * 81, caisse, "COS", "formation"))
    assert rows(store, "candidates") == 0
    cid = people.add_candidate(store, CandidateInput(" Martin ", "Léa", caisse, "COS", "formation", True))
    row = store.connection()["candidates"].get(cid)
    assert (row["last_name"], row["pass_premss"], row["cqp"]) == ("Martin", 1, "COS")


def test_member_checks(store: Store) -> None:
    caisse, _other, ucanss = _orgs(store)
    with pytest.raises(PeopleError) as err:
        people.add_member(store, MemberInput("Royer", "Claire", caisse, "expert", None, "2025-13-01"))
    assert err.value.problems == [
        "Branche de législation : obligatoire pour un expert métier (Maladie, Famille, Retraite, Recouvrement).",
        "Date de formation des jurys : « 2025-13-01 » n'est pas une date (AAAA-MM-JJ).",
    ]
    with pytest.raises(PeopleError, match="CAF d'Armorique relève de la branche Famille, pas Maladie"):
        people.add_member(store, MemberInput("Royer", "Claire", caisse, "expert", "Maladie", None))
    president = people.add_member(store, MemberInput("Delorme", "Anne", ucanss, "president", "Maladie", "2025-03-12"))
    assert store.connection()["jury_members"].get(president)["branche"] is None
    untrained = people.add_member(store, MemberInput("Morel", "Thomas", caisse, "expert", "Famille", None))
    assert store.connection()["jury_members"].get(untrained)["jury_training_date"] is None


def test_french_dates() -> None:
    assert people.parse_french_date("12/03/2025") == "2025-03-12"
    assert people.parse_french_date("2025-03-12") == "2025-03-12"
    assert people.parse_french_date("  ") is None
    with pytest.raises(PeopleError, match="« 31/02/2025 » n'est pas une date"):
        people.parse_french_date("31/02/2025")


def _signed(store: Store, referentiel: Referentiel) -> tuple[Site, int, int]:
    """A site with one candidate whose GRU épreuve is signed."""
    from cqp_desktop.core.model.rules import Decision

    site = make_site(store)
    cid = store.add_candidate("Martinn", "Léa", site.employer_id, "COS", "formation", True)
    epreuve = store.plan_epreuve(
        cid, referentiel, "GRU", "2026-12-02", alternative="double_ecoute", president_id=site.president_id, expert_id=site.expert_id
    )
    for criterion in referentiel.bloc("GRU").criteria():
        store.record_decision(epreuve, criterion.key, Decision.VALIDE)
    store.add_timer_event(epreuve, "start", mono_ns=0, elapsed_ms=0, phase="observation")
    store.add_timer_event(epreuve, "end", mono_ns=1, elapsed_ms=1, phase="entretien")
    sign_epreuve(store, epreuve, site, cosign=False)
    assert store.epreuve(epreuve)["locked_at"]
    return site, cid, epreuve


def test_signed_candidate_name_corrected_and_cqp_switched_by_passerelle(store: Store, referentiel: Referentiel) -> None:
    site, cid, _ = _signed(store, referentiel)
    fixed = CandidateInput("Martin", "Léa", site.employer_id, "COS", "formation", True)
    assert people.update_candidate(store, cid, fixed) == ["last_name"]
    assert store.connection()["candidates"].get(cid)["last_name"] == "Martin"
    entry = store.audit_entries()[-1]
    assert entry["action"] == "candidate.update" and entry["entity_id"] == cid
    assert json.loads(entry["details"]) == {"fields": ["last_name"]}  # never the name itself
    assert "Martin" not in entry["details"]
    # Before: refused once an épreuve was signed. The passerelle keeps the record and its CCP.
    assert people.update_candidate(store, cid, CandidateInput("Martin", "Léa", site.employer_id, "GC", "formation", True)) == ["cqp"]
    assert store.connection()["candidates"].get(cid)["cqp"] == "GC"
    assert store.verify_audit_chain() == []


def test_the_cqp_cannot_switch_away_from_a_planned_bloc(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    cid = store.add_candidate("Martin", "Léa", site.employer_id, "COS", "formation", True)
    store.plan_epreuve(cid, referentiel, "POS", "2026-12-02", alternative="appels_entrants")
    with pytest.raises(PeopleError) as err:
        people.update_candidate(store, cid, CandidateInput("Martin", "Léa", site.employer_id, "GC", "formation", True))
    assert err.value.problems[0].startswith("CQP : une épreuve du bloc POS (CQP COS) est planifiée et non signée")


def test_one_record_per_person(store: Store) -> None:
    """Before: registering the person again for GC made a second record holding no CCP."""
    site = make_site(store)
    first = people.add_candidate(store, CandidateInput("Martin", "Léa", site.employer_id, "COS", "formation", True))
    with pytest.raises(PeopleError) as err:
        people.add_candidate(store, CandidateInput("martin", "léa", site.employer_id, "GC", "formation", True))
    assert "a déjà une fiche (CQP COS)" in err.value.problems[0] and "passerelle" in err.value.problems[0]
    person = store.connection()["candidates"].get(first)["person_id"]
    with pytest.raises(PeopleError, match="une personne n'a qu'une fiche"):
        people.add_candidate(store, CandidateInput("Martin", "Léa", site.employer_id, "GC", "formation", True, person_id=person))
    # a homonym is told apart by the identifier the person brings from elsewhere
    from cqp_desktop.core.model.person_id import new_person_id

    other = people.add_candidate(
        store, CandidateInput("Martin", "Léa", site.employer_id, "GC", "formation", True, person_id=new_person_id().lower())
    )
    assert store.connection()["candidates"].get(other)["person_id"].startswith("CQP-")


def test_correction_breaking_a_planned_jury_is_rolled_back(store: Store, referentiel: Referentiel) -> None:
    site = make_site(store)
    other_caf = store.add_organisme("CAF-ARM", "CAF d'Armorique", "caisse", "Famille")
    cid = store.add_candidate("Martin", "Léa", site.employer_id, "COS", "formation", True)
    store.plan_epreuve(
        cid, referentiel, "GRU", "2026-12-02", alternative="double_ecoute", president_id=site.president_id, expert_id=site.expert_id
    )
    before = len(store.audit_entries())
    # Moving the candidate to a Famille caisse makes the Maladie expert unfit: refused, nothing written.
    with pytest.raises(PeopleError) as err:
        people.update_candidate(store, cid, CandidateInput("Martin", "Léa", other_caf, "COS", "formation", True))
    assert err.value.problems[0] == "Correction refusée, elle rendrait un jury non conforme :"
    assert "même branche de législation" in err.value.problems[1]
    assert store.connection()["candidates"].get(cid)["organisme_id"] == site.employer_id
    assert len(store.audit_entries()) == before
    # Removing the expert's training date: refused as well.
    expert = store.connection()["jury_members"].get(site.expert_id)
    with pytest.raises(PeopleError, match="formation des jurys"):
        people.update_member(
            store, site.expert_id, MemberInput(expert["last_name"], "Sophie", expert["organisme_id"], "expert", "Maladie", None)
        )
    assert store.connection()["jury_members"].get(site.expert_id)["jury_training_date"] == "2025-01-20"


def test_member_who_signed_keeps_role_but_name_can_be_fixed(store: Store, referentiel: Referentiel) -> None:
    site, _cid, _ = _signed(store, referentiel)
    member = store.connection()["jury_members"].get(site.president_id)
    with pytest.raises(PeopleError, match="a siégé dans 1 épreuve\\(s\\) signée\\(s\\)"):
        people.update_member(store, site.president_id, MemberInput("Delorme", "Anne", member["organisme_id"], "expert", "Maladie", "2025-03-12"))
    changed = people.update_member(
        store, site.president_id, MemberInput("Delorme-Vidal", "Anne", member["organisme_id"], "president", None, "2025-03-12")
    )
    assert changed == ["last_name"]


def test_organisme_of_signed_epreuve_keeps_its_branche(store: Store, referentiel: Referentiel) -> None:
    site, _cid, _ = _signed(store, referentiel)
    with pytest.raises(PeopleError, match="figure dans des épreuves signées"):
        people.update_organisme(store, site.employer_id, OrganismeInput("CPAM-BRC", "CPAM de Brocéliande", "caisse", "Famille"))
    assert people.update_organisme(
        store, site.employer_id, OrganismeInput("CPAM-BRC", "CPAM de Brocéliande-Est", "caisse", "Maladie")
    ) == ["name"]


def test_purged_candidate_cannot_be_edited(store: Store) -> None:
    caisse, _other, _ = _orgs(store)
    cid = people.add_candidate(store, CandidateInput("Martin", "Léa", caisse, "COS", "formation"))
    store.connection().execute("UPDATE candidates SET purged_at = '2026-12-30', last_name = '(données effacées)' WHERE id = ?", [cid])
    with pytest.raises(PeopleError, match="Données de ce candidat effacées"):
        people.update_candidate(store, cid, CandidateInput("Martin", "Léa", caisse, "COS", "formation"))


@settings(max_examples=200, deadline=None)
@given(value=st.text(max_size=90))
def test_any_name_is_accepted_or_refused_naming_the_field(value: str) -> None:
    """Property: a name is accepted iff non-blank, at most 80 characters once stripped, and printable."""
    text = value.strip()
    ok = bool(text) and len(text) <= 80 and not any(ord(c) < 32 for c in text)
    problems = people.name_problems(value, "Prénom")
    assert (problems == []) == ok
    assert all(p.startswith("Prénom : ") for p in problems)


def _p12(password: str) -> bytes:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from cqp_desktop.core.exchange import keys

    material = keys.generate(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), "temporaire-123")
    key = keys.load_private_key(material.encrypted_key_pem, "temporaire-123")
    certificate = keys.load_certificate(material.certificate_pem)
    return pkcs12.serialize_key_and_certificates(b"anne", key, certificate, None, BestAvailableEncryption(password.encode()))


def test_create_identity_makes_a_request_and_only_the_ucanss_certificate_lets_sign(store: Store, tmp_path: Path) -> None:
    import datetime as dt

    from cqp_desktop.core.endtoend.enrolment import LocalAuthority
    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.site import site_trust
    from cqp_desktop.core.ucanss import authority

    ucanss = LocalAuthority.in_folder(tmp_path / "ucanss", "autorite-de-test")
    ucanss.trust(store)
    org = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    member = store.add_jury_member("Delorme", "Anne", org, "president", None, "2025-03-12")
    assert people.identity_state(store, member).kind == "none"
    with pytest.raises(PeopleError, match="Phrase secrète : au moins 12 caractères"):
        people.create_identity(store, member, "court", "court")
    with pytest.raises(PeopleError, match="Confirmation : les deux phrases secrètes saisies diffèrent"):
        people.create_identity(store, member, "demo-jury-2026", "demo-jury-2025")
    assert store.connection()["certificate_requests"].count == 0
    request = people.create_identity(store, member, "demo-jury-2026", "demo-jury-2026")
    csr = keys.load_request(request)  # a real PKCS#10 request, nothing self-signed, nothing to sign with yet
    assert "Anne DELORME" in csr.subject.rfc4514_string() and b"demo-jury-2026" not in request
    assert people.identity_summary(store, member) is None
    state = people.identity_state(store, member)
    assert (state.kind, state.label, state.may_sign) == ("pending", "demande envoyée, certificat attendu", False)
    assert "demande de certificat envoyée" in (state.problem or "")
    first = authority.certify(ucanss.db, request, "autorite-de-test")
    site_trust.install_certificate(store, first.pem, "anne.pem")
    state = people.identity_state(store, member)
    assert state.kind == "certified" and state.may_sign and state.valid_until is not None
    assert state.label == f"certifié(e) jusqu'au {state.valid_until:%d/%m/%Y}"
    summary = people.identity_summary(store, member)
    assert summary is not None and summary.subject == "Anne DELORME" and summary.source == "generated"
    assert len(summary.short_fingerprint) == 24 and summary.short_fingerprint.endswith("…")
    # A renewal: the current certificate stays in force until the new one is installed, then it is retired.
    second_request = people.create_identity(store, member, "nouvelle-phrase", "nouvelle-phrase")
    state = people.identity_state(store, member)
    assert state.may_sign and state.pending and state.label.endswith("; nouvelle demande envoyée")
    site_trust.install_certificate(store, authority.certify(ucanss.db, second_request, "autorite-de-test").pem, "anne-2.pem")
    assert people.identity_summary(store, member).fingerprint != summary.fingerprint
    assert store.connection().execute("SELECT count(*) FROM signing_identities WHERE retired_at IS NOT NULL").fetchone()[0] == 1
    keys.load_private_key(bytes(store.signing_identity(member)["encrypted_key_pem"]), "nouvelle-phrase")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20 * 365)
    expired = people.identity_state(store, member, later)
    assert expired.kind == "expired" and expired.label.startswith("expiré le ") and "expiré" in (expired.problem or "")


def test_identity_state_says_revoked_and_uncertified(store: Store, tmp_path: Path) -> None:
    from cqp_desktop.core.endtoend.enrolment import LocalAuthority

    ucanss = LocalAuthority.in_folder(tmp_path / "ucanss", "autorite-de-test")
    ucanss.trust(store)
    org = store.add_organisme("UCANSS", "Ucanss", "certificateur")
    anne = store.add_jury_member("Delorme", "Anne", org, "president", None, "2025-03-12")
    olivier = store.add_jury_member("Ferrand", "Olivier", org, "president", None, "2025-03-12")
    pem = ucanss.enrol(store, olivier, "phrase-olivier")
    ucanss.revoke(pem, "depart")
    ucanss.trust(store)
    state = people.identity_state(store, olivier)
    assert state.kind == "revoked" and state.label.startswith("révoqué le ") and "révoqué" in (state.problem or "")
    people.import_identity(store, anne, _p12("mdp-p12"), "mdp-p12", "phrase-anne-1", "phrase-anne-1", "anne.p12")
    state = people.identity_state(store, anne)
    assert (state.kind, state.label) == ("uncertified", "non certifié par l'Ucanss")
    assert "non délivré par une autorité Ucanss reconnue" in (state.problem or "")


def test_import_identity_errors_are_french(store: Store) -> None:
    org = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    anne = store.add_jury_member("Delorme", "Anne", org, "president", None, "2025-03-12")
    olivier = store.add_jury_member("Ferrand", "Olivier", org, "president", None, "2025-03-12")
    p12 = _p12("mot-de-passe-p12")
    with pytest.raises(PeopleError, match="« anne.p12 » : Certificat PKCS#12 illisible : mot de passe incorrect"):
        people.import_identity(store, anne, p12, "faux", "phrase-anne-1", "phrase-anne-1", "anne.p12")
    with pytest.raises(PeopleError, match="illisible"):
        people.import_identity(store, anne, b"pas un p12", "x", "phrase-anne-1", "phrase-anne-1", "anne.p12")
    people.import_identity(store, anne, p12, "mot-de-passe-p12", "phrase-anne-1", "phrase-anne-1", "anne.p12")
    summary = people.identity_summary(store, anne)
    assert summary is not None and summary.source == "pkcs12"
    with pytest.raises(PeopleError, match="déjà l'identité de signature de Anne DELORME"):
        people.import_identity(store, anne, p12, "mot-de-passe-p12", "phrase-anne-1", "phrase-anne-1", "anne.p12")
    with pytest.raises(PeopleError, match="déjà enregistré pour Anne DELORME"):
        people.import_identity(store, olivier, p12, "mot-de-passe-p12", "phrase-oli-1", "phrase-oli-1", "anne.p12")


def test_demo_gives_every_jury_member_an_identity(store: Store, referentiel: Referentiel) -> None:
    from cqp_desktop.core.endtoend import demo
    from cqp_desktop.core.exchange import keys

    demo.populate(store, referentiel)
    members = [r[0] for r in store.connection().execute("SELECT id FROM jury_members")]
    assert len(members) == len(demo.JURY)
    for member in members:
        identity = store.signing_identity(member)
        assert identity is not None
        keys.load_private_key(bytes(identity["encrypted_key_pem"]), demo.DEMO_PASSPHRASE)


def test_organisme_type_and_branche_stay_consistent_with_its_people(store: Store) -> None:
    caf = people.add_organisme(store, OrganismeInput("CAF", "CAF d'Armorique", "caisse", "Famille"))
    people.add_member(store, MemberInput("Royer", "Claire", caf, "expert", "Famille", "2025-05-07"))
    with pytest.raises(PeopleError, match="1 expert\\(s\\) métier de CAF d'Armorique relèvent d'une autre branche"):
        people.update_organisme(store, caf, OrganismeInput("CAF", "CAF d'Armorique", "caisse", "Maladie"))
    people.add_candidate(store, CandidateInput("Martin", "Léa", caf, "COS", "formation", True))
    with pytest.raises(PeopleError, match="Type : 1 candidat\\(s\\) ont CAF d'Armorique pour employeur"):
        people.update_organisme(store, caf, OrganismeInput("CAF", "CAF d'Armorique", "certificateur", None, "ucanss"))
    assert store.connection()["organismes"].get(caf)["branche"] == "Famille"


def test_a_certifier_says_which_certifier_it_is(store: Store) -> None:
    with pytest.raises(PeopleError) as caught:
        people.add_organisme(store, OrganismeInput("CERT", "Un certificateur", "certificateur"))
    assert caught.value.problems[0].startswith("Type de certificateur : choisissez Ucanss (certificateur), Institut 4.10")
    with pytest.raises(PeopleError, match="référence de la décision"):
        people.add_organisme(store, OrganismeInput("CERT", "Un certificateur", "certificateur", None, "valide_ucanss"))
    org = people.add_organisme(
        store, OrganismeInput("CERT", "Un certificateur", "certificateur", None, "valide_ucanss", " Décision du 12/01/2026 ")
    )
    row = store.connection()["organismes"].get(org)
    assert (row["certifier_kind"], row["certifier_validation"]) == ("valide_ucanss", "Décision du 12/01/2026")
