"""Forgeries an adversary with the app, a laptop or a jury member's key can make: each is refused.

Every package forgery below is refused by `package verify` (verify_bytes with the Ucanss's trust) AND by
`national import`, with a French message naming the problem, and nothing reaches the national base.
Real cryptography throughout: keys, certificates, CRLs and PDFs are made here, nothing is mocked.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cqp_desktop.core.common.canonical import canonical_json as payload_bytes
from cqp_desktop.core.endtoend.enrolment import LocalAuthority
from cqp_desktop.core.exchange import keys, trust
from cqp_desktop.core.exchange.package_format import DATA_NAME, readable_json, sha256_hex
from cqp_desktop.core.exchange.package_verify import verify_bytes
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import authority
from cqp_desktop.core.ucanss.national import ImportRejected, import_package, open_national
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import EXPERT_PASSPHRASE, PASSPHRASE, SignedSession, signed_session
from tests.core.package_helpers import edit_json, members_of, refresh_manifest, resign, rezip
from tests.trust_helpers import AUTHORITY_PASSPHRASE, anchors, shared_authority


@dataclass
class Genuine:
    store: Store
    session: SignedSession
    archive: bytes

    def key(self, member_id: int, phrase: str = PASSPHRASE) -> keys.PrivateKey:
        return keys.load_private_key(bytes(self.store.signing_identity(member_id)["encrypted_key_pem"]), phrase)

    def cert(self, member_id: int) -> bytes:
        return bytes(self.store.signing_identity(member_id)["certificate_pem"])


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Genuine]:
    store = Store.open(tmp_path_factory.mktemp("site") / "db.sqlite3", wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=2)
    archive, _ = build_package(store, session.session_id, session.president_id, PASSPHRASE)
    yield Genuine(store, session, archive)
    store.close()


# -- the forger's toolkit -------------------------------------------------------------------------


def self_made(common: str, surname: str, given: str, role: str | None = None, member_uuid: str | None = None) -> tuple[Any, bytes]:
    """A key and a self-signed certificate claiming a name (and, if asked, a role policy and a UUID)."""
    key = ec.generate_private_key(ec.SECP256R1())
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, common),
        x509.NameAttribute(NameOID.SURNAME, surname),
        x509.NameAttribute(NameOID.GIVEN_NAME, given),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ucanss"),
    ]
    if member_uuid:
        attributes.append(x509.NameAttribute(NameOID.USER_ID, member_uuid))
    name = x509.Name(attributes)
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
    )
    if role:
        builder = builder.add_extension(
            x509.CertificatePolicies([x509.PolicyInformation(trust.ROLE_OIDS[role], None)]), critical=False
        )
    return key, trust.pem(builder.sign(key, hashes.SHA256()))


def _data(m: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(m[DATA_NAME])


def put_certificate(m: dict[str, bytes], pem: bytes) -> str:
    fp = keys.fingerprint(keys.load_certificate(pem))
    m[f"certificates/{fp}.pem"] = trust.pem(keys.load_certificate(pem))
    return fp


def resign_avis(
    m: dict[str, bytes],
    key: Any,
    pem: bytes,
    *,
    role: str = "president",
    epreuves: Callable[[dict[str, Any]], list[dict[str, Any]]] = lambda d: d["epreuves"],
    change: Callable[[dict[str, Any], dict[str, Any]], None] | None = None,
    signed_at: str | None = None,
) -> None:
    """Re-sign (after an optional change of the épreuve and its signed payload) every `role` signature."""
    fp = put_certificate(m, pem)

    def edit(d: dict[str, Any]) -> None:
        for e in epreuves(d):
            for a in e["avis"]:
                if change is not None:
                    change(e, a)
                payload = payload_bytes(a["signed_payload"])
                for s in a["signatures"]:
                    s["payload_hash"] = sha256_hex(payload)
                    if s["role"] == role:
                        s["signature"] = base64.b64encode(keys.sign(key, payload)).decode("ascii")
                        s["certificate"] = fp
                        if signed_at:
                            s["signed_at"] = signed_at

    edit_json(m, DATA_NAME, edit)


def sign_package(m: dict[str, bytes], key: Any, pem: bytes, member_id: int | None = None) -> bytes:
    fp = put_certificate(m, pem)

    def change(manifest: dict[str, Any]) -> None:
        manifest["signer"]["fingerprint"] = fp
        manifest["signer"]["certificate"] = f"certificates/{fp}.pem"
        if member_id is not None:
            manifest["signer"]["member_id"] = member_id

    refresh_manifest(m, change)
    resign(m, key)
    return rezip(m)


def certified(role: str, member_uuid: str, last: str, first: str, *, days: int = 365, now: dt.datetime | None = None,
              auth: LocalAuthority | None = None) -> tuple[Any, bytes]:
    """A key certified by the (test) Ucanss authority, as a real member's would be."""
    auth = auth or shared_authority()
    info = keys.SignerInfo(last, first, role, "Ucanss")
    request = keys.make_request(info, member_uuid, "phrase du faussaire")
    issued = authority.certify(
        auth.db, request.request_pem, auth.passphrase, role=role, days=days,
        **({"now": (lambda: now)} if now is not None else {}),
    )
    return keys.load_private_key(request.encrypted_key_pem, "phrase du faussaire"), issued.pem


def jury_member(d: dict[str, Any], member_id: int) -> dict[str, Any]:
    return next(j for j in d["jury"] if j["id"] == member_id)


# -- the forgeries ---------------------------------------------------------------------------------


def self_made_key_claiming_the_president(g: Genuine) -> bytes:
    m = members_of(g.archive)
    president = jury_member(_data(m), g.session.president_id)
    key, pem = self_made("Anne DELORME", "Delorme", "Anne", "president", president["uuid"])
    resign_avis(m, key, pem, change=lambda e, a: a.update(jury_validated=True))
    return sign_package(m, key, pem)


def other_authority(g: Genuine, tmp: Path) -> bytes:
    """A complete authority of one's own, with the président's name and UUID in a certificate it issued."""
    m = members_of(g.archive)
    president = jury_member(_data(m), g.session.president_id)
    rogue = LocalAuthority.in_folder(tmp / "rogue", "autorité du faussaire")
    key, pem = certified("president", president["uuid"], "Delorme", "Anne", auth=rogue)
    resign_avis(m, key, pem)
    return sign_package(m, key, pem)


def avis_of_a_signed_by_b(g: Genuine) -> bytes:
    m = members_of(g.archive)
    key, pem = g.key(g.session.intruder_id), g.cert(g.session.intruder_id)
    resign_avis(m, key, pem)
    return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))


def expert_cosigned_with_a_president_certificate(g: Genuine) -> bytes:
    m = members_of(g.archive)
    resign_avis(m, g.key(g.session.intruder_id), g.cert(g.session.intruder_id), role="expert")
    return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))


def president_signed_with_an_expert_certificate(g: Genuine) -> bytes:
    m = members_of(g.archive)
    resign_avis(m, g.key(g.session.expert_id, EXPERT_PASSPHRASE), g.cert(g.session.expert_id), role="president")
    return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))


def package_signed_by_the_expert(g: Genuine) -> bytes:
    m = members_of(g.archive)
    return sign_package(m, g.key(g.session.expert_id, EXPERT_PASSPHRASE), g.cert(g.session.expert_id))


def package_signed_by_a_president_of_no_epreuve(g: Genuine) -> bytes:
    m = members_of(g.archive)
    return sign_package(m, g.key(g.session.intruder_id), g.cert(g.session.intruder_id), g.session.intruder_id)


def revoked_for_compromise(g: Genuine) -> bytes:
    m = members_of(g.archive)
    president = jury_member(_data(m), g.session.president_id)
    key, pem = certified("president", president["uuid"], "Delorme", "Anne")
    shared_authority().revoke(pem, "compromission")
    resign_avis(m, key, pem)
    return sign_package(m, key, pem)


def revoked_before_signing(g: Genuine) -> bytes:
    m = members_of(g.archive)
    president = jury_member(_data(m), g.session.president_id)
    key, pem = certified("president", president["uuid"], "Delorme", "Anne")
    shared_authority().revoke(pem, "depart")
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat(timespec="seconds")
    resign_avis(m, key, pem, signed_at=later)
    return sign_package(m, key, pem)


def expired_certificate(g: Genuine) -> bytes:
    m = members_of(g.archive)
    president = jury_member(_data(m), g.session.president_id)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    key, pem = certified("president", president["uuid"], "Delorme", "Anne", days=30, now=long_ago)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    resign_avis(m, key, pem, signed_at=now)
    return sign_package(m, key, pem)


def unpublished_referentiel(g: Genuine) -> bytes:
    """A référentiel with a 50 % threshold, embedded and re-hashed, all signatures redone with genuine keys."""
    from cqp_desktop.core.model.referentiel import content_hash

    m = members_of(g.archive)
    old_path = next(p for p in m if p.startswith("referentiels/"))
    content = json.loads(m.pop(old_path))
    content["thresholds"]["competence_percent"] = 50
    new_hash = content_hash(content)
    new_path = f"referentiels/{new_hash.removeprefix('sha256:')}.json"
    m[new_path] = readable_json(content)

    def change(e: dict[str, Any], a: dict[str, Any]) -> None:
        e["referentiel"]["hash"] = new_hash
        a["signed_payload"]["epreuve"]["referentiel"]["hash"] = new_hash

    resign_avis(m, g.key(g.session.president_id), g.cert(g.session.president_id), change=change)
    resign_avis(m, g.key(g.session.expert_id, EXPERT_PASSPHRASE), g.cert(g.session.expert_id), role="expert")

    def manifest_change(man: dict[str, Any]) -> None:
        for r in man["referentiels"]:
            r.update(hash=new_hash, path=new_path)

    refresh_manifest(m, manifest_change)
    resign(m, g.key(g.session.president_id))
    return rezip(m)


def forged_high_revision(g: Genuine) -> bytes:
    m = members_of(g.archive)
    refresh_manifest(m, lambda man: man.update(revision=10**9))
    resign(m, g.key(g.session.president_id))
    return rezip(m)


def pdf_signed_by_another_member(g: Genuine) -> bytes:
    from cqp_desktop.core.exchange import pdf_sign
    from tests.core.package_helpers import tiny_pdf

    m = members_of(g.archive)
    forged = pdf_sign.sign_pdf(tiny_pdf("Bloc validé"), g.key(g.session.intruder_id), g.cert(g.session.intruder_id))
    first = g.session.epreuve_ids[0]
    m[f"pdf/epreuve-{first}.pdf"] = forged
    edit_json(m, DATA_NAME, lambda d: d["epreuves"][0]["pdf"].update(sha256=sha256_hex(forged)))
    return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))


def pdf_signed_by_a_self_made_key(g: Genuine) -> bytes:
    from cqp_desktop.core.exchange import pdf_sign
    from tests.core.package_helpers import tiny_pdf

    m = members_of(g.archive)
    key, pem = self_made("Anne DELORME", "Delorme", "Anne", "president")
    forged = pdf_sign.sign_pdf(tiny_pdf("Bloc validé"), key, pem)
    m[f"pdf/epreuve-{g.session.epreuve_ids[0]}.pdf"] = forged
    edit_json(m, DATA_NAME, lambda d: d["epreuves"][0]["pdf"].update(sha256=sha256_hex(forged)))
    return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))


def _data_only(change: Callable[[dict[str, Any]], None]) -> Callable[[Genuine], bytes]:
    """The package signer (a genuine président) changes data.json but cannot redo the jury's signatures."""

    def forge(g: Genuine) -> bytes:
        m = members_of(g.archive)
        edit_json(m, DATA_NAME, change)
        return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))

    return forge


changed_planned_date = _data_only(lambda d: d["epreuves"][0].update(planned_date="2026-10-05"))
changed_route = _data_only(lambda d: d["epreuves"][0].update(route="vae"))
changed_target_cqp = _data_only(lambda d: d["candidates"][0].update(cqp="GC"))
changed_jury_name = _data_only(lambda d: d["jury"][1].update(last_name="Dupont"))
changed_session_month = _data_only(lambda d: d["session"].update(label="Session 10/2026"))


def dropped_correcting_version(g: Genuine) -> bytes:
    """Data of a corrected épreuve with its correcting version removed (and every signature kept)."""
    m = members_of(g.archive)

    def change(d: dict[str, Any]) -> None:
        d["epreuves"][0]["avis"].append(json.loads(json.dumps(d["epreuves"][0]["avis"][0])))
        d["epreuves"][0]["avis"][1]["version"] = 2

    edit_json(m, DATA_NAME, change)
    return sign_package(m, g.key(g.session.president_id), g.cert(g.session.president_id))


def format_one_package(g: Genuine) -> bytes:
    m = members_of(g.archive)
    refresh_manifest(m, lambda man: man.update(format=1))
    resign(m, g.key(g.session.president_id))
    return rezip(m)


FORGERIES: list[tuple[str, Callable[..., bytes], str]] = [
    ("clé auto-signée au nom du président", self_made_key_claiming_the_president, "certificat auto-signé ou étranger"),
    ("autre autorité", other_authority, "non délivré par une autorité Ucanss reconnue"),
    ("avis de A signé par le président B", avis_of_a_signed_by_b, "qui n'est pas le membre du jury désigné pour cette épreuve"),
    ("contreseing avec un certificat de président", expert_cosigned_with_a_president_certificate,
     "il ne peut pas signer comme expert(e) métier"),
    ("avis signé avec un certificat d'expert", president_signed_with_an_expert_certificate,
     "il ne peut pas signer comme président(e) du jury"),
    ("paquet signé par l'expert", package_signed_by_the_expert, "signature du paquet : certificat"),
    ("paquet signé par un président sans épreuve", package_signed_by_a_president_of_no_epreuve,
     "paquet signé au nom d'un membre qui ne préside aucune épreuve"),
    ("certificat révoqué pour compromission", revoked_for_compromise, "révoqué pour compromission de la clé"),
    ("certificat révoqué avant la signature", revoked_before_signing, "révoqué par l'Ucanss avant la signature"),
    ("certificat expiré", expired_certificate, "expiré à la date de signature"),
    ("référentiel non publié", unpublished_referentiel, "l'Ucanss ne l'a pas publié"),
    ("révision falsifiée", forged_high_revision, "révision falsifiée"),
    ("PDF signé par un autre membre", pdf_signed_by_another_member, "qui n'est pas le/la président(e) de cette épreuve"),
    ("PDF signé par une clé auto-signée", pdf_signed_by_a_self_made_key, "PDF signé"),
    ("date d'épreuve changée", changed_planned_date, "différentes de celles signées par le jury (planned_date)"),
    ("voie changée", changed_route, "(route)"),
    ("CQP visé changé", changed_target_cqp, "candidat.cqp"),
    ("nom d'un membre du jury changé", changed_jury_name, ".last_name"),
    ("session changée", changed_session_month, "session.label"),
    ("version corrective fabriquée", dropped_correcting_version, "chaîne des versions rompue"),
    ("paquet au format 1", format_one_package, "antérieur à l'autorité de certification Ucanss"),
]


def _national_counts(db: Any) -> tuple[int, int, int]:
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("packages", "epreuves", "candidates"))  # type: ignore[return-value]


@pytest.mark.parametrize(("name", "forge", "expected"), FORGERIES, ids=[f[0] for f in FORGERIES])
def test_forgery_is_refused_by_verify_and_by_national_import(
    genuine: Genuine, tmp_path: Path, name: str, forge: Callable[..., bytes], expected: str
) -> None:
    forged = forge(genuine, tmp_path) if forge is other_authority else forge(genuine)
    verdict = verify_bytes(forged, trust=anchors())
    assert not verdict.ok
    assert any(expected in p for p in verdict.problems), verdict.problems
    db = shared_authority().db
    before = _national_counts(db)
    with pytest.raises(ImportRejected) as refused:
        import_package(db, forged, source=f"{name}.cqpkg")
    assert any(expected in r for r in refused.value.reasons)
    assert _national_counts(db) == before


def test_the_genuine_package_is_valid_and_says_who_signed(genuine: Genuine) -> None:
    verdict = verify_bytes(genuine.archive, trust=anchors())
    assert verdict.ok, verdict.problems
    report = verdict.report()
    lines = {line.split(" : ")[0].strip("- "): line.split(" : ")[1] for line in report.splitlines() if "certificat" in line}
    president = next(parts for who, parts in lines.items() if who.startswith("Anne DELORME, président(e) du jury"))
    expert = next(parts for who, parts in lines.items() if who.startswith("Sophie NGUYEN, expert(e) métier"))
    first = genuine.session.epreuve_ids[0]
    assert "paquet (manifeste)" in president and f"avis épreuve n° {first} v1" in president and f"PDF épreuve n° {first}" in president
    assert f"contreseing épreuve n° {first} v1" in expert and f"PDF épreuve n° {first}" in expert


def test_without_trust_anchors_nothing_is_valid(genuine: Genuine) -> None:
    verdict = verify_bytes(genuine.archive, trust=trust.TrustAnchors())
    assert not verdict.ok
    assert any("aucune autorité de certification Ucanss installée" in p for p in verdict.problems)


def test_another_ucanss_refuses_the_package(genuine: Genuine, tmp_path: Path) -> None:
    other = LocalAuthority.in_folder(tmp_path / "autre-ucanss", "autre autorité Ucanss")
    other.publish_referentiel(canonical_data(default_referentiel_path()))
    verdict = verify_bytes(genuine.archive, trust=authority.anchors(other.db))
    assert any("non délivré par une autorité Ucanss reconnue" in p for p in verdict.problems)


def test_a_newer_revision_must_keep_every_epreuve_already_received(tmp_path: Path) -> None:
    """Ucanss received revision N; the président later exports N+k without an épreuve already received
    (the session grew by another épreuve, so the revision still goes up): refused."""
    from cqp_desktop.core.model.rules import Decision
    from tests.core.package_fixtures import Site, sign_epreuve

    store = Store.open(tmp_path / "db.sqlite3", wall_clock=FakeWallClock())
    referentiel = load_default()
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, referentiel, candidates=1)
    first, _ = build_package(store, session.session_id, session.president_id, PASSPHRASE)
    db = open_national(tmp_path / "national.sqlite3")
    import_package(db, first, source="r1.cqpkg", trust=anchors())
    employer = store.connection()["candidates"].get(session.candidate_ids[0])["organisme_id"]
    newcomer = store.add_candidate("Fontaine", "Chloé", employer, "GC", "formation", True)
    late = store.plan_epreuve(newcomer, referentiel, "GDU", "2026-12-09", session_id=session.session_id,
                              president_id=session.president_id, expert_id=session.expert_id)
    for criterion in referentiel.bloc("GDU").criteria():
        store.record_decision(late, criterion.key, Decision.VALIDE)
    for n in range(40):  # a long observation: the session's journals grow more than the dropped épreuve's
        store.add_note(late, f"Observation n° {n}", author_id=session.expert_id)
    sign_epreuve(store, late, Site(session.president_id, session.expert_id, session.intruder_id, employer))
    second, _ = build_package(store, session.session_id, session.president_id, PASSPHRASE)
    m = members_of(second)
    dropped = {"id": 0}

    def drop_first(d: dict[str, Any]) -> None:
        def rows(e: dict[str, Any]) -> int:
            return len(e["decisions"]) + len(e["timer_events"]) + len(e["notes"])

        smallest = min((e for e in d["epreuves"] if e["id"] != late), key=rows)
        d["epreuves"].remove(smallest)
        dropped["id"] = smallest["id"]

    edit_json(m, DATA_NAME, drop_first)
    data = json.loads(m[DATA_NAME])
    from cqp_desktop.core.exchange.package_format import content_revision

    key = keys.load_private_key(bytes(store.signing_identity(session.president_id)["encrypted_key_pem"]), PASSPHRASE)
    refresh_manifest(m, lambda man: man.update(revision=content_revision(data)))
    resign(m, key)
    forged = rezip(m)
    assert verify_bytes(forged, trust=anchors()).ok  # on its own it is a consistent package…
    with pytest.raises(ImportRejected) as refused:  # …but the Ucanss already holds that épreuve
        import_package(db, forged, source="r2.cqpkg", trust=anchors())
    assert any(f"épreuve n° {dropped['id']} déjà reçue" in r for r in refused.value.reasons), refused.value.reasons
    assert import_package(db, second, source="r2-complet.cqpkg", trust=anchors()).status == "importé"
    store.close()
    db.close()


def test_authority_passphrase_is_required(tmp_path: Path) -> None:
    auth = LocalAuthority.in_folder(tmp_path / "u", AUTHORITY_PASSPHRASE)
    request = keys.make_request(keys.SignerInfo("Delorme", "Anne", "president", "Ucanss"), "u-1", "phrase du membre")
    with pytest.raises(authority.AuthorityError, match="phrase secrète de l'autorité incorrecte"):
        authority.certify(auth.db, request.request_pem, "pas la bonne")
