"""The site's side of trust: trust files, enrolment, who may sign, and acknowledgments that allow a purge.

Each refusal is its own test with its French message; nothing here is mocked (real keys, real CRLs).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cqp_desktop.core.endtoend.enrolment import LocalAuthority
from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.ucanss_files import acknowledgment_file
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import avis, site_trust
from cqp_desktop.core.site.acknowledgment import AckError, import_acknowledgment, purge_personal_data
from cqp_desktop.core.site.package_export import export_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import authority
from cqp_desktop.core.ucanss.national import import_package, open_national
from tests.core.avis_fixtures import PASSPHRASE, make_epreuve, tiny_png
from tests.core.package_fixtures import signed_session
from tests.trust_helpers import AUTHORITY_PASSPHRASE, anchors, shared_authority

# -- trust files ------------------------------------------------------------------------------------


def test_a_first_trust_file_installs_the_root_and_later_ones_update_it(store: Store, tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    first = site_trust.install_bundle(store, auth.bundle(), "confiance.json")
    assert first.new_root and not first.already and first.crl_number >= 1
    assert site_trust.install_bundle(store, auth.bundle(), "confiance.json").already
    member = store.add_jury_member("Delorme", "Anne", store.add_organisme("UCANSS", "Ucanss", "certificateur"), "president", None, "2025-01-01")
    pem = auth.enrol(store, member, PASSPHRASE)
    auth.revoke(pem, "depart")
    updated = site_trust.install_bundle(store, auth.bundle(), "confiance-2.json")
    assert not updated.new_root and updated.crl_number > first.crl_number
    assert "révoqué" in (site_trust.identity_problem(store, member, "president") or "")


def test_an_older_revocation_list_never_replaces_a_newer_one(store: Store, tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    old = auth.bundle()
    auth.revoke(authority.certify(auth.db, keys.make_request(keys.SignerInfo("X", "Y", "expert", "O"), "u-1", "phrase du membre").request_pem,
                                  auth.passphrase).pem, "depart")
    site_trust.install_bundle(store, auth.bundle(), "récent.json")
    with pytest.raises(site_trust.EnrolmentError, match="est plus ancien"):
        site_trust.install_bundle(store, old, "ancien.json")


def test_a_trust_file_from_another_authority_is_refused_unless_asked_for(store: Store, tmp_path: Path) -> None:
    mine = LocalAuthority.in_folder(tmp_path / "a", "autorité de test A")
    other = LocalAuthority.in_folder(tmp_path / "b", "autorité de test B")
    site_trust.install_bundle(store, mine.bundle(), "a.json")
    with pytest.raises(site_trust.EnrolmentError, match="vient d'une autre autorité"):
        site_trust.install_bundle(store, other.bundle(), "b.json")
    assert site_trust.install_bundle(store, other.bundle(), "b.json", new_root=True).new_root


def test_a_trust_file_modified_after_signature_is_refused(store: Store, tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    document = json.loads(auth.bundle())
    document["bundle"]["referentiels"].append({"id": "faux", "version": "1", "hash": "sha256:" + "0" * 64})
    with pytest.raises(site_trust.EnrolmentError, match="signature de l'autorité invalide"):
        site_trust.install_bundle(store, json.dumps(document).encode(), "modifié.json")


def test_a_self_made_trust_file_whose_crl_another_key_signed_is_refused(store: Store, tmp_path: Path) -> None:
    a = json.loads(LocalAuthority.in_folder(tmp_path / "a", "autorité de test A").bundle())
    b = json.loads(LocalAuthority.in_folder(tmp_path / "b", "autorité de test B").bundle())
    a["bundle"]["crl"] = b["bundle"]["crl"]
    with pytest.raises(site_trust.EnrolmentError, match="la liste de révocation n'est pas signée par l'autorité du fichier"):
        site_trust.install_bundle(store, json.dumps(a).encode(), "mélange.json")


def test_garbage_is_not_a_trust_file(store: Store) -> None:
    with pytest.raises(site_trust.EnrolmentError, match="n'est pas un fichier de confiance Ucanss"):
        site_trust.install_bundle(store, b"%PDF-1.7", "x.pdf")


# -- enrolment ---------------------------------------------------------------------------------------


def _member(store: Store, role: str = "president") -> int:
    org = store.add_organisme("UCANSS", "Ucanss", "certificateur")
    return store.add_jury_member("Delorme", "Anne", org, role, None, "2025-01-01")


def test_the_request_names_the_member_and_the_certificate_installs_only_for_its_key(store: Store, tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    auth.trust(store)
    member = _member(store)
    request = keys.load_request(site_trust.request_certificate(store, member, PASSPHRASE))
    uuid = store.connection()["jury_members"].get(member)["uuid"]
    from cryptography.x509.oid import NameOID

    assert request.subject.get_attributes_for_oid(NameOID.USER_ID)[0].value == uuid
    assert "demande de certificat envoyée" in (site_trust.identity_problem(store, member, "president") or "")
    # a certificate for the same member but another key (made elsewhere) is refused
    stray = keys.make_request(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), uuid, "autre phrase secrète")
    with pytest.raises(site_trust.EnrolmentError, match="ne correspond à aucune demande faite sur ce poste"):
        site_trust.install_certificate(store, authority.certify(auth.db, stray.request_pem, auth.passphrase).pem, "autre.pem")
    issued = authority.certify(auth.db, bytes(site_trust.pending_request(store, member)["request_pem"]), auth.passphrase)
    assert site_trust.install_certificate(store, issued.pem, "ok.pem") == member
    assert site_trust.identity_problem(store, member, "president") is None


def test_a_certificate_for_another_role_or_from_another_authority_is_refused(store: Store, tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    auth.trust(store)
    member = _member(store)
    request = site_trust.request_certificate(store, member, PASSPHRASE)
    as_expert = authority.certify(auth.db, request, auth.passphrase, role="expert")
    with pytest.raises(site_trust.EnrolmentError, match="il ne peut pas signer comme président"):
        site_trust.install_certificate(store, as_expert.pem, "expert.pem")
    rogue = LocalAuthority.in_folder(tmp_path / "rogue", "autorité du faussaire")
    with pytest.raises(site_trust.EnrolmentError, match="non délivré par une autorité Ucanss reconnue"):
        site_trust.install_certificate(store, authority.certify(rogue.db, request, rogue.passphrase).pem, "faux.pem")


def test_a_certificate_naming_nobody_here_is_refused(store: Store, tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    auth.trust(store)
    request = keys.make_request(keys.SignerInfo("Inconnu", "Jean", "president", "Ucanss"), "uuid-inconnu", "phrase du membre")
    with pytest.raises(site_trust.EnrolmentError, match="ne désigne aucun membre du jury de ce poste"):
        site_trust.install_certificate(store, authority.certify(auth.db, request.request_pem, auth.passphrase).pem, "x.pem")


# -- who may sign ------------------------------------------------------------------------------------


def _draft(store: Store, referentiel: Referentiel) -> tuple[int, int]:
    jury = make_epreuve(store, referentiel)
    return jury.president_id, avis.draft_avis(store, jury.epreuve_id, True)


def test_a_self_signed_identity_cannot_sign(store: Store, referentiel: Referentiel) -> None:
    president, avis_id = _draft(store, referentiel)
    store.add_signing_identity(president, keys.generate(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), PASSPHRASE))
    with pytest.raises(avis.AvisError, match="Signature refusée : .*non délivré par une autorité Ucanss reconnue"):
        avis.sign_avis(store, avis_id, president, PASSPHRASE, tiny_png())
    assert avis.get_avis(store, avis_id).signed_at is None


def test_an_imported_pkcs12_that_does_not_chain_to_the_ucanss_cannot_sign(store: Store, referentiel: Referentiel) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from cqp_desktop.core.site import people

    president, avis_id = _draft(store, referentiel)
    material = keys.generate(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), "temporaire-123")
    key = keys.load_private_key(material.encrypted_key_pem, "temporaire-123")
    p12 = pkcs12.serialize_key_and_certificates(b"x", key, keys.load_certificate(material.certificate_pem), None,
                                                 BestAvailableEncryption(b"mot de passe p12"))
    people.import_identity(store, president, p12, "mot de passe p12", PASSPHRASE, PASSPHRASE)
    with pytest.raises(avis.AvisError, match="non délivré par une autorité Ucanss reconnue"):
        avis.sign_avis(store, avis_id, president, PASSPHRASE, tiny_png())


def test_a_revoked_member_cannot_sign_once_the_site_has_the_new_list(store: Store, referentiel: Referentiel) -> None:
    president, avis_id = _draft(store, referentiel)
    pem = bytes(store.signing_identity(president)["certificate_pem"])
    shared_authority().revoke(pem, "depart")
    shared_authority().trust(store)
    with pytest.raises(avis.AvisError, match="révoqué par l'Ucanss"):
        avis.sign_avis(store, avis_id, president, PASSPHRASE, tiny_png())


def test_an_expired_certificate_cannot_sign(store: Store, referentiel: Referentiel) -> None:
    president, avis_id = _draft(store, referentiel)
    auth = shared_authority()
    uuid = store.connection()["jury_members"].get(president)["uuid"]
    request = keys.make_request(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), uuid, PASSPHRASE)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    issued = authority.certify(auth.db, request.request_pem, auth.passphrase, days=30, now=lambda: long_ago)
    store.add_signing_identity(president, keys.KeyMaterial(request.encrypted_key_pem, issued.pem))
    with pytest.raises(avis.AvisError, match="expiré à la date de signature"):
        avis.sign_avis(store, avis_id, president, PASSPHRASE, tiny_png())


def test_without_any_trust_file_nobody_can_sign(tmp_path: Path, referentiel: Referentiel) -> None:
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path

    store = Store.open(tmp_path / "vierge.sqlite3")
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    org = store.add_organisme("UCANSS", "Ucanss", "certificateur")
    member = store.add_jury_member("Delorme", "Anne", org, "president", None, "2025-01-01")
    store.add_signing_identity(member, keys.generate(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), PASSPHRASE))
    assert "aucune autorité de certification Ucanss installée" in (site_trust.identity_problem(store, member, "president") or "")
    store.close()


# -- acknowledgments that would allow a purge ---------------------------------------------------------


@pytest.fixture
def exported(store: Store, referentiel: Referentiel, tmp_path: Path):  # type: ignore[no-untyped-def]
    session = signed_session(store, referentiel, candidates=2)
    result = export_package(store, session.session_id, session.president_id, "phrase secrète du jury", tmp_path)
    db = open_national(tmp_path / "national.sqlite3")
    outcome = import_package(db, result.path.read_bytes(), trust=anchors())
    db.close()
    return session, outcome


def _signed_ack(body: dict) -> bytes:  # type: ignore[type-arg]
    key, cert = authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)
    return acknowledgment_file(body, key, cert)


def _refused(store: Store, session, raw: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AckError, match=message):
        import_acknowledgment(store, raw, "accusé.json")
    with pytest.raises(AckError, match="Aucune donnée n'a été effacée"):
        purge_personal_data(store, session.session_id)


def test_an_unsigned_acknowledgment_is_refused_and_no_purge_runs(store: Store, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    raw = json.dumps({"acknowledgment": outcome.acknowledgment, "signature": None, "certificate": None}).encode()
    _refused(store, session, raw, "accusé non signé par l'Ucanss")


def test_an_acknowledgment_signed_by_a_jury_member_is_refused(store: Store, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    identity = store.signing_identity(session.president_id)
    key = keys.load_private_key(bytes(identity["encrypted_key_pem"]), "phrase secrète du jury")
    raw = acknowledgment_file(outcome.acknowledgment, key, keys.load_certificate(bytes(identity["certificate_pem"])))
    _refused(store, session, raw, "il ne peut pas signer comme service Ucanss")


def test_a_self_signed_ucanss_acknowledgment_is_refused(store: Store, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    material = keys.generate(keys.SignerInfo("Ucanss", "Service", "president", "Ucanss"), "phrase du faussaire")
    key = keys.load_private_key(material.encrypted_key_pem, "phrase du faussaire")
    raw = acknowledgment_file(outcome.acknowledgment, key, keys.load_certificate(material.certificate_pem))
    _refused(store, session, raw, "son signataire n'est pas l'Ucanss")


def test_an_acknowledgment_for_another_session_is_refused(store: Store, referentiel: Referentiel, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    other = store.add_session("Session 2027-02", "2027-02")
    other_uuid = store.connection()["cert_sessions"].get(other)["uuid"]
    _refused(store, session, _signed_ack(dict(outcome.acknowledgment, session_uuid=other_uuid)), "ne correspond à aucun paquet exporté")


def test_an_acknowledgment_naming_fewer_candidates_is_refused(store: Store, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    fewer = dict(outcome.acknowledgment, candidates=outcome.acknowledgment["candidates"][:1])
    _refused(store, session, _signed_ack(fewer), "ne nomme pas exactement les candidats exportés")


def test_an_acknowledgment_naming_other_epreuves_is_refused(store: Store, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    fewer = dict(outcome.acknowledgment, epreuves=outcome.acknowledgment["epreuves"][1:])
    _refused(store, session, _signed_ack(fewer), "ne nomme pas exactement les épreuves")


def test_the_genuine_acknowledgment_allows_the_purge(store: Store, exported) -> None:  # type: ignore[no-untyped-def]
    session, outcome = exported
    result = import_acknowledgment(store, _signed_ack(outcome.acknowledgment), "accusé.json")
    assert result.synchronised and result.signed_by == "Service UCANSS"
    assert sorted(purge_personal_data(store, session.session_id)) == sorted(session.candidate_ids)


def test_the_ucanss_publishes_only_a_referentiel_that_follows_the_letter_or_declares_its_revision(tmp_path: Path) -> None:
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path

    auth = LocalAuthority.in_folder(tmp_path / "u", "autorité de test")
    content = canonical_data(default_referentiel_path())
    content["thresholds"]["competence_percent"] = 50
    with pytest.raises(authority.AuthorityError, match="écart à la lettre Ucanss non déclaré"):
        authority.publish_referentiel(auth.db, content)
    content["revision"] = {"reference": "Décision CPNEFP (test)", "departures": ["seuils"]}
    assert authority.publish_referentiel(auth.db, content)["hash"].startswith("sha256:")
