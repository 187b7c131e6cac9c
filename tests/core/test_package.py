"""Exporting session packages: content, determinism, atomic writing, refusals, encryption (openssl)."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.package_format import (
    DATA_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    PackageError,
    schema_problems,
)
from cqp_desktop.core.exchange.package_verify import verify_bytes, verify_file
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import avis
from cqp_desktop.core.site.package_export import build_package, export_package, session_revision
from cqp_desktop.core.storage.store import Store
from tests.core.package_fixtures import PASSPHRASE, make_site, signed_session
from tests.core.package_helpers import members_of
from tests.trust_helpers import anchors


@functools.cache
def _rsa_key(n: int) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def ucanss_identity(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """An RSA key and self-signed certificate standing for Ucanss' encryption certificate."""
    key = _rsa_key(0 if not tmp_path.name == "other" else 1)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ucanss CQP")])
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = tmp_path / "ucanss.key", tmp_path / "ucanss.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret ucanss"),
        )
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_path.write_bytes(cert_pem)
    return key_path, cert_path, cert_pem


def test_export_writes_a_package_that_verifies(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    session = signed_session(store, referentiel, candidates=3)
    result = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path)
    assert result.path.parent == tmp_path and result.path.name.endswith(".cqpkg")
    assert (result.path.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left
    members = members_of(result.path.read_bytes())
    data = json.loads(members[DATA_NAME])
    assert schema_problems("data", data) == []
    # pre-positionnement stays on the site; every certifying épreuve is there with its signed PDF
    assert {e["id"] for e in data["epreuves"]} == set(session.epreuve_ids)
    assert all(e["mode"] == "certification" for e in data["epreuves"])
    assert {f"pdf/epreuve-{i}.pdf" for i in session.epreuve_ids} <= set(members)
    assert result.candidates == 3 and result.epreuves == len(session.epreuve_ids)
    verdict = verify_file(result.path, trust=anchors())
    assert verdict.ok, verdict.problems
    assert verdict.checked_pdfs == len(session.epreuve_ids)
    assert "VALIDE" in verdict.report()
    entries = [e for e in store.audit_entries() if e["action"] == "package.export"]
    assert json.loads(entries[-1]["details"])["manifest_sha256"] == result.manifest_sha256


def test_exporting_twice_gives_the_same_manifest_and_members(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    session = signed_session(store, referentiel, candidates=2)
    first = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "a.cqpkg")
    second = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "b.cqpkg")
    a, b = members_of(first.path.read_bytes()), members_of(second.path.read_bytes())
    assert a[MANIFEST_NAME] == b[MANIFEST_NAME]
    assert {k: v for k, v in a.items() if k != SIGNATURE_NAME} == {k: v for k, v in b.items() if k != SIGNATURE_NAME}
    assert first.manifest_sha256 == second.manifest_sha256
    with zipfile.ZipFile(first.path) as z:
        names = z.namelist()
        assert names[:2] == [MANIFEST_NAME, SIGNATURE_NAME] and names[2:] == sorted(names[2:])
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert b"exported" not in a[MANIFEST_NAME]


def test_revision_grows_with_an_amended_avis(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    session = signed_session(store, referentiel, candidates=1)
    before = session_revision(store, session.session_id)
    first = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "v1.cqpkg")
    epreuve = session.epreuve_ids[0]
    current = avis.signed_avis(store, epreuve)
    assert current is not None
    new = avis.amend(store, current.id, reason="Erreur de saisie des préconisations", preconisations="Tutorat")
    from tests.core.avis_fixtures import tiny_png

    avis.sign_avis(store, new, session.president_id, PASSPHRASE, tiny_png())
    assert session_revision(store, session.session_id) > before
    second = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "v2.cqpkg")
    assert second.revision > first.revision
    data = json.loads(members_of(second.path.read_bytes())[DATA_NAME])
    assert [a["version"] for a in data["epreuves"][0]["avis"]] == [1, 2]
    assert verify_file(second.path, trust=anchors()).ok


def test_export_refuses_unsigned_avis_and_a_non_president(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    session = signed_session(store, referentiel, candidates=1)
    site_candidate = store.add_candidate("Lemoine", "Zoé", 2, "COS", "formation", True)
    store.plan_epreuve(
        site_candidate, referentiel, "MDR", "2026-12-03", session_id=session.session_id,
        president_id=session.president_id, expert_id=session.expert_id,
    )
    with pytest.raises(PackageError, match=r"Zoé Lemoine, bloc MDR\) : avis non signé"):
        export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path)
    with pytest.raises(PackageError, match="ne préside aucune épreuve de cette session"):
        export_package(store, session.session_id, session.intruder_id, PASSPHRASE, tmp_path)
    with pytest.raises(PackageError, match="Session n° 99 introuvable"):
        export_package(store, 99, session.president_id, PASSPHRASE, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_wrong_passphrase_writes_nothing(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    session = signed_session(store, referentiel, candidates=1)
    with pytest.raises(keys.KeyProblem, match="Phrase secrète incorrecte"):
        export_package(store, session.session_id, session.president_id, "pas la bonne phrase", tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert store.connection().execute("SELECT count(*) FROM audit WHERE action = 'package.export'").fetchone()[0] == 0


def test_encrypted_package_opens_with_the_ucanss_key_only(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    session = signed_session(store, referentiel, candidates=1)
    key_path, cert_path, cert_pem = ucanss_identity(tmp_path)
    result = export_package(
        store, session.session_id, session.president_id, PASSPHRASE, tmp_path, encrypt_to=cert_pem, with_pdfs=False
    )
    raw = result.path.read_bytes()
    assert result.encrypted and result.path.name.endswith(".cqpkg.p7m")
    assert b"Martin" not in raw and not raw.startswith(b"PK")
    no_key = verify_bytes(raw, trust=anchors())
    assert no_key.problems == ["paquet chiffré : indiquez la clé Ucanss (--key) pour l'ouvrir"]
    wrong = verify_bytes(raw, key_file=key_path.read_bytes(), passphrase="mauvaise", trust=anchors())
    assert "phrase secrète incorrecte" in wrong.problems[0]
    (tmp_path / "other").mkdir()
    other_key, other_cert, _ = ucanss_identity(tmp_path / "other")
    stranger = verify_bytes(raw, key_file=other_key.read_bytes(), passphrase="secret ucanss", certificate=other_cert.read_bytes(), trust=anchors())
    assert stranger.problems and stranger.problems[0].startswith("Déchiffrement impossible")
    verdict = verify_bytes(raw, key_file=key_path.read_bytes(), passphrase="secret ucanss", certificate=cert_path.read_bytes(), trust=anchors())
    assert verdict.ok and verdict.encrypted, verdict.problems


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl CLI absent")
def test_openssl_cms_decrypts_an_encrypted_package(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    session = signed_session(store, referentiel, candidates=1)
    key_path, cert_path, cert_pem = ucanss_identity(tmp_path)
    result = export_package(
        store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "s.cqpkg.p7m", encrypt_to=cert_pem, with_pdfs=False
    )
    out = tmp_path / "clear.cqpkg"
    run = subprocess.run(
        ["openssl", "cms", "-decrypt", "-inform", "DER", "-in", str(result.path), "-inkey", str(key_path),
         "-passin", "pass:secret ucanss", "-recip", str(cert_path), "-binary", "-out", str(out)],
        capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"},
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"PK")
    assert verify_file(out, trust=anchors()).ok


def test_the_package_never_holds_private_keys(store: Store, referentiel: Referentiel) -> None:
    session = signed_session(store, referentiel, candidates=1)
    archive, _ = build_package(store, session.session_id, session.president_id, PASSPHRASE, pdfs={})
    assert b"PRIVATE KEY" not in b"".join(members_of(archive).values())


def test_two_sites_give_distinct_candidate_and_session_identities(referentiel: Referentiel, tmp_path: Path) -> None:
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path
    from tests.conftest import FakeWallClock

    uuids = []
    for n in range(2):
        s = Store.open(tmp_path / f"site{n}.sqlite3", wall_clock=FakeWallClock())
        s.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
        make_site(s)
        c = s.add_candidate("Martin", "Léa", 2, "COS", "formation", True)
        uuids.append(s.connection()["candidates"].get(c)["uuid"])
        uuids.append(s.connection()["cert_sessions"].get(s.add_session("S", "2026-12"))["uuid"])
        s.close()
    assert len(set(uuids)) == 4


def test_a_session_spanning_two_referentiels_carries_both(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    """A référentiel renewed mid-session: each épreuve is recomputed with its own, both travel in the package."""
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.core.model.rules import Decision
    from cqp_desktop.resources import default_referentiel_path
    from tests.core.package_fixtures import sign_epreuve

    session = signed_session(store, referentiel, candidates=1)
    content = canonical_data(default_referentiel_path())
    content["referentiel"]["version"] = "2026.12-renouvele"
    content["thresholds"]["competence_percent"] = 100  # a stricter renewal: every criterion needed
    content["revision"] = {"reference": "Renouvellement 2026 (test)", "departures": ["seuils"]}
    renewed = store.register_referentiel(content, activate=True)
    from tests.trust_helpers import shared_authority

    shared_authority().publish_referentiel(content)  # the Ucanss published the renewal
    shared_authority().trust(store)
    site_candidate = store.add_candidate("Lemoine", "Zoé", 2, "COS", "formation", True)
    e = store.plan_epreuve(site_candidate, renewed, "GRU", "2026-12-09", alternative="double_ecoute",
                           session_id=session.session_id, president_id=session.president_id, expert_id=session.expert_id)
    failed = renewed.bloc("GRU").competences[1].criteria[0].key  # C2 has 5 criteria: 4/5 is 80 %, not 100 %
    for criterion in renewed.bloc("GRU").criteria():
        store.record_decision(e, criterion.key, Decision.NON_VALIDE if criterion.key == failed else Decision.VALIDE)
    from tests.core.package_fixtures import Site

    sign_epreuve(store, e, Site(session.president_id, session.expert_id, session.intruder_id, 2))
    archive, manifest = build_package(store, session.session_id, session.president_id, PASSPHRASE, pdfs={})
    assert {r["version"] for r in json.loads(manifest)["referentiels"]} == {referentiel.version, "2026.12-renouvele"}
    verdict = verify_bytes(archive, trust=anchors())
    assert verdict.ok, verdict.problems
    # with the renewed rule one failed criterion loses the competence; with the old one it would not
    from cqp_desktop.core.model.rules import evaluate

    assert verdict.recomputed[e]["competences"][1]["acquired"] is False
    assert evaluate(referentiel, "GRU", store.current_decisions(e)).competences[1].acquired is True


def test_a_name_corrected_after_signature_needs_a_new_signed_avis_before_export(
    store: Store, referentiel: Referentiel, tmp_path: Path
) -> None:
    from tests.core.avis_fixtures import tiny_png

    session = signed_session(store, referentiel, candidates=1)
    first = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "v1.cqpkg")
    store.update_candidate(session.candidate_ids[0], {"last_name": "Martin-Durand"})
    # the correction is not in any signed journal yet: the revision moves only once it is re-signed
    assert session_revision(store, session.session_id) == first.revision
    with pytest.raises(PackageError, match="modifié depuis la signature : fiche du candidat"):
        export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "refused.cqpkg")
    for epreuve in session.epreuve_ids:
        current = avis.signed_avis(store, epreuve)
        assert current is not None
        new = avis.amend(store, current.id, reason="Nom de naissance corrigé")
        avis.sign_avis(store, new, session.president_id, PASSPHRASE, tiny_png())
    second = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "v2.cqpkg")
    assert second.revision > first.revision  # Ucanss sees a newer package, not a conflicting one
    assert verify_file(second.path, trust=anchors()).ok


def test_a_signature_row_without_stored_bytes_is_exported_from_the_rebuilt_payload(
    store: Store, referentiel: Referentiel
) -> None:
    """Signatures made before schema 0008 have no stored bytes: export rebuilds them (no NameError)."""
    import dataclasses

    from cqp_desktop.core.site import package_export as package_mod

    session = signed_session(store, referentiel, candidates=1)
    current = avis.signed_avis(store, session.epreuve_ids[0])
    assert current is not None
    rows = [dataclasses.replace(s, payload=None) for s in avis.signatures(store, current.id)]
    assert package_mod._signed_bytes(store, current.id, rows) == avis.signing_payload(store, current.id)


def test_the_export_checks_the_written_file_as_the_ucanss_will(
    store: Store, referentiel: Referentiel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A medium that corrupts what it stores (a failing USB stick): the file read back is refused and removed."""
    from cqp_desktop.core.site import package_export as package_mod

    session = signed_session(store, referentiel, candidates=1)
    real_write = package_mod.write_atomic

    def failing_medium(path: Path, data: bytes) -> None:
        real_write(path, data[:-100] + bytes(100))

    monkeypatch.setattr(package_mod, "write_atomic", failing_medium)
    with pytest.raises(PackageError, match="le fichier relu diffère de ce qui a été écrit"):
        export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "s.cqpkg")
    assert not (tmp_path / "s.cqpkg").exists()
    assert store.connection().execute("SELECT count(*) FROM audit WHERE action = 'package.export'").fetchone()[0] == 0


def test_mdr_presentation_and_vae_situations_travel_signed_in_the_package(store: Store, referentiel: Referentiel) -> None:
    """The demo day: MDR competences addressed and livret 2 situations are in data.json and signed."""
    import datetime as dt

    from cqp_desktop.core.endtoend import demo
    from cqp_desktop.core.exchange.package_format import DATA_NAME
    from tests.core.package_helpers import edit_json, members_of, refresh_manifest, rezip
    from tests.trust_helpers import shared_authority

    demo.populate(store, referentiel, dt.date(2026, 11, 27), authority=shared_authority(), passphrase=demo.DEMO_PASSPHRASE)
    session = store.connection().execute("SELECT min(id) FROM cert_sessions").fetchone()[0]
    demo.run_session(store, session, demo.DEMO_PASSPHRASE)
    president = store.connection().execute("SELECT president_id FROM epreuves WHERE session_id = ? LIMIT 1", [session]).fetchone()[0]
    archive, _ = build_package(store, session, president, demo.DEMO_PASSPHRASE)
    assert verify_bytes(archive, trust=anchors()).ok
    data = json.loads(members_of(archive)[DATA_NAME])
    mdr = next(e for e in data["epreuves"] if e["bloc"] == "MDR")
    vae = next(e for e in data["epreuves"] if e["route"] == "vae")
    assert [p["presented"] for p in mdr["presented_competences"]] == [1, 1]
    assert vae["vae_situations"][0]["title"].startswith("Accueil d'un assuré")
    assert mdr["avis"][0]["signed_payload"]["presented_competences"] == mdr["presented_competences"]
    m = members_of(archive)
    edit_json(m, DATA_NAME, lambda d: next(e for e in d["epreuves"] if e["route"] == "vae")["vae_situations"][0].update(title="Autre"))
    refresh_manifest(m)
    problems = verify_bytes(rezip(m), trust=anchors()).problems
    assert any("situations du livret 2 différentes de celles signées par le jury" in p for p in problems)


def test_the_package_is_read_from_one_state_of_the_base(store: Store, referentiel: Referentiel, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An amendment signed by another connection (a worker thread) while the export is reading the session
    appears in neither its data nor its PDFs: the integrity check, the data and the PDFs come from one snapshot,
    so the package stays whole (it verifies) and says one thing; the next export carries the amendment."""
    import threading

    from cqp_desktop.core.site import signed_report
    from tests.core.avis_fixtures import tiny_png

    session = signed_session(store, referentiel, candidates=1)
    epreuve = session.epreuve_ids[0]
    real = signed_report.report_in_force
    amended: list[int] = []

    def amend_elsewhere() -> None:
        other = store.companion()
        try:
            current = avis.signed_avis(other, epreuve)
            assert current is not None
            new = avis.amend(other, current.id, reason="Préconisations précisées", preconisations="Tutorat renforcé")
            avis.sign_avis(other, new, session.president_id, PASSPHRASE, tiny_png())
            amended.append(new)
        finally:
            other.close()

    def reading_then_amended(s: Store, epreuve_id: int) -> bytes | None:
        pdf = real(s, epreuve_id)
        if not amended:  # while the export reads: another connection commits a signed amendment
            thread = threading.Thread(target=amend_elsewhere)
            thread.start()
            thread.join()
        return pdf

    monkeypatch.setattr(signed_report, "report_in_force", reading_then_amended)
    first = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "v1.cqpkg")
    assert amended  # the amendment was committed during the export
    data = json.loads(members_of(first.path.read_bytes())[DATA_NAME])
    assert [a["version"] for a in data["epreuves"][0]["avis"]] == [1]  # not in this package's data
    assert verify_file(first.path, trust=anchors()).ok  # its PDF is the one of version 1, as the data says
    store.follow()
    monkeypatch.setattr(signed_report, "report_in_force", real)
    second = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "v2.cqpkg")
    data = json.loads(members_of(second.path.read_bytes())[DATA_NAME])
    assert [a["version"] for a in data["epreuves"][0]["avis"]] == [1, 2] and second.revision > first.revision
    assert verify_file(second.path, trust=anchors()).ok
