"""Consolidation at Ucanss: idempotent import, refusals with reasons, CCP capitalised across sessions
and across COS/GC, lists for the jury paritaire national, acknowledgment and purge on the site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cqp_desktop.core.exchange.ucanss_files import acknowledgment_file
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import avis
from cqp_desktop.core.site.acknowledgment import (
    PURGED_NAME,
    AckError,
    import_acknowledgment,
    is_synchronised,
    purge_personal_data,
)
from cqp_desktop.core.site.package_export import export_package
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss.national import ImportRejected, consolidated, export_csv, export_pdf, open_national
from cqp_desktop.core.ucanss.national import import_package as _import_package
from tests.core.avis_fixtures import tiny_png
from tests.core.package_fixtures import PASSPHRASE, make_site, signed_session
from tests.core.package_helpers import edit_json, members_of, refresh_manifest, rezip
from tests.trust_helpers import anchors


def import_package(db, raw: bytes, **kwargs):  # type: ignore[no-untyped-def]
    """The Ucanss import, trusting the test authority (a fresh national base holds no authority)."""
    return _import_package(db, raw, trust=anchors(), **kwargs)


def ack_file(body: dict) -> bytes:  # type: ignore[type-arg]
    """The acknowledgment as the Ucanss writes it: signed with its certified service key."""
    from cqp_desktop.core.ucanss import authority
    from tests.trust_helpers import AUTHORITY_PASSPHRASE, shared_authority

    key, cert = authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)
    return acknowledgment_file(body, key, cert)


@pytest.fixture
def national(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_national(tmp_path / "national.sqlite3")
    yield db
    db.close()


def _export(store: Store, session, folder: Path, name: str) -> bytes:  # type: ignore[no-untyped-def]
    return export_package(store, session.session_id, session.president_id, PASSPHRASE, folder / name, with_pdfs=False).path.read_bytes()


def _dump(db) -> dict:  # type: ignore[no-untyped-def]
    return {t: list(db.query(f"SELECT * FROM {t}")) for t in ("packages", "candidates", "epreuves", "referentiels", "rejections")}


def test_import_is_idempotent(store: Store, referentiel: Referentiel, national, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = signed_session(store, referentiel, candidates=3)
    raw = _export(store, session, tmp_path, "s.cqpkg")
    first = import_package(national, raw, source="s.cqpkg")
    assert first.status == "importé" and first.candidates == 3 and first.epreuves == len(session.epreuve_ids)
    before = _dump(national)
    again = import_package(national, raw, source="copie.cqpkg")
    assert again.status == "déjà importé" and again.package_id == first.package_id
    assert _dump(national) == before
    assert again.acknowledgment == first.acknowledgment


def test_a_tampered_package_is_refused_with_its_reason_and_nothing_imported(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    session = signed_session(store, referentiel, candidates=2)
    members = members_of(_export(store, session, tmp_path, "s.cqpkg"))
    edit_json(members, "data.json", lambda d: d["epreuves"][0]["avis"][0].update(jury_validated=False))
    refresh_manifest(members)
    with pytest.raises(ImportRejected) as caught:
        import_package(national, rezip(members), source="falsifié.cqpkg")
    assert "contenu de l'avis différent de celui signé (jury_validated)" in caught.value.report()
    assert national["packages"].count == 0 and national["candidates"].count == 0
    assert national["rejections"].count == 1


def test_replayed_older_revision_and_conflicting_revision_are_refused(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    session = signed_session(store, referentiel, candidates=1)
    v1 = _export(store, session, tmp_path, "v1.cqpkg")
    with_pdfs = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "pdf.cqpkg").path.read_bytes()
    current = avis.signed_avis(store, session.epreuve_ids[0])
    assert current is not None
    new = avis.amend(store, current.id, reason="Préconisation précisée", preconisations="Tutorat de trois mois")
    avis.sign_avis(store, new, session.president_id, PASSPHRASE, tiny_png())
    v2 = _export(store, session, tmp_path, "v2.cqpkg")
    first = import_package(national, v1)
    with pytest.raises(ImportRejected, match="conflit : la révision"):
        import_package(national, with_pdfs, source="pdf.cqpkg")  # same revision as v1, other content
    assert first.revision < import_package(national, v2).revision
    national2 = open_national(tmp_path / "n2.sqlite3")
    try:
        import_package(national2, v2)
        with pytest.raises(ImportRejected, match=r"rejeu refusé : ce paquet est la révision \d+ .* plus récente est déjà importée"):
            import_package(national2, v1, source="v1.cqpkg")
    finally:
        national2.close()
    # the consolidation reads each session's latest revision only
    [status] = consolidated(national)
    assert [(r.bloc, r.preconisations) for r in status.records] == [("GRU", "Tutorat de trois mois"), ("MDR", "")]


def test_a_candidate_uuid_known_under_other_names_is_a_conflict(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    site = make_site(store)
    first = signed_session(store, referentiel, candidates=1, site=site, month="2026-10")
    import_package(national, _export(store, first, tmp_path, "oct.cqpkg"))
    store.connection().execute("UPDATE candidates SET first_name = 'Léah' WHERE id = ?", [first.candidate_ids[0]])
    store.connection().conn.commit()
    second = store.add_session("Session 2026-12", "2026-12")
    epreuve = store.plan_epreuve(
        first.candidate_ids[0], referentiel, "POS", "2026-12-02", alternative="appels",
        session_id=second, president_id=site.president_id, expert_id=site.expert_id,
    ) if any(a.code == "appels" for a in referentiel.bloc("POS").alternatives) else store.plan_epreuve(
        first.candidate_ids[0], referentiel, "POS", "2026-12-02",
        alternative=referentiel.bloc("POS").alternatives[0].code if referentiel.bloc("POS").alternatives else None,
        session_id=second, president_id=site.president_id, expert_id=site.expert_id,
    )
    from cqp_desktop.core.model.rules import Decision
    from tests.core.package_fixtures import sign_epreuve

    for criterion in referentiel.bloc("POS").criteria():
        store.record_decision(epreuve, criterion.key, Decision.VALIDE)
    sign_epreuve(store, epreuve, site)
    raw = export_package(store, second, site.president_id, PASSPHRASE, tmp_path / "dec.cqpkg", with_pdfs=False).path.read_bytes()
    with pytest.raises(ImportRejected, match="conflit d'identité : le candidat .* déjà connu sous le nom Léa Martin"):
        import_package(national, raw)


def test_ccp_are_capitalised_across_sessions_and_across_cos_and_gc(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    site = make_site(store)
    # October: Léa (COS) validates GRU and MDR; Hugo (GC) fails GRU, validates GDU.
    october = signed_session(
        store, referentiel, candidates=2, site=site, month="2026-10",
        people=[("Martin", "Léa", "COS", ("GRU", "MDR"), ()),
                ("Petit", "Hugo", "GC", ("GRU", "GDU"), ("GRU.C1.1", "GRU.C1.2", "GRU.C2.1", "GRU.C2.2"))],
    )
    october_raw = _export(store, october, tmp_path, "oct.cqpkg")
    import_package(national, october_raw)
    # December: Léa now aims at the GC (same person, same UUID): her GRU and MDR count, GDU completes it.
    lea = october.candidate_ids[0]
    store.connection().execute("UPDATE candidates SET cqp = 'GC' WHERE id = ?", [lea])
    store.connection().conn.commit()
    december = store.add_session("Session 2026-12", "2026-12")
    from cqp_desktop.core.model.rules import Decision
    from tests.core.package_fixtures import sign_epreuve

    for candidate, bloc, failing in ((lea, "GDU", ()), (october.candidate_ids[1], "GRU", ("GRU.C1.1",))):
        e = store.plan_epreuve(candidate, referentiel, bloc, "2026-12-03",
                               alternative=(referentiel.bloc(bloc).alternatives[0].code if referentiel.bloc(bloc).alternatives else None),
                               session_id=december, president_id=site.president_id, expert_id=site.expert_id)
        for criterion in referentiel.bloc(bloc).criteria():
            store.record_decision(e, criterion.key, Decision.NON_VALIDE if criterion.key in failing else Decision.VALIDE)
        sign_epreuve(store, e, site)
    raw = export_package(store, december, site.president_id, PASSPHRASE, tmp_path / "dec.cqpkg", with_pdfs=False).path.read_bytes()
    import_package(national, raw)
    # packages arriving out of order give the same consolidation (the newer session describes the candidate)
    late = open_national(tmp_path / "late.sqlite3")
    try:
        import_package(late, raw)
        import_package(late, october_raw)  # still says Léa aims at the COS
        assert [(c.first_name, c.cqp, c.held) for c in consolidated(late)] == [
            (c.first_name, c.cqp, c.held) for c in consolidated(national)
        ]
    finally:
        late.close()
    statuses = {c.first_name: c for c in consolidated(national)}
    assert statuses["Léa"].held == ("GRU", "MDR", "GDU")
    # every GC bloc held, but the package says the Pass et Prem'ss completion is not attested: no CQP
    assert statuses["Léa"].cqp_obtained == () and statuses["Léa"].missing == ()
    assert statuses["Léa"].withheld[0].startswith("prérequis Pass et Prem'ss non attesté")
    assert "non : prérequis Pass et Prem'ss non attesté" in export_csv(national)
    # as a later package carrying the attestation would record it (the site attests: core/site/prerequisite.py)
    national.execute("UPDATE candidates SET pass_premss_date = '2026-03-27', pass_premss_attested_by = 'Service formation'")
    statuses = {c.first_name: c for c in consolidated(national)}
    assert statuses["Léa"].cqp_obtained == ("GC",) and statuses["Léa"].withheld == ()
    assert statuses["Hugo"].held == ("GRU", "GDU")  # GRU failed in October, validated in December
    assert statuses["Hugo"].missing == ("MDR",) and statuses["Hugo"].cqp_obtained == ()
    assert statuses["Hugo"].preconisations() == []  # GRU now held: the October préconisation is moot
    csv_text = export_csv(national)
    lines = csv_text.strip().split("\r\n")
    assert lines[0].startswith("identifiant candidat;nom;prénom;organisme;CQP visé")
    lea_line = next(l for l in lines if ";Léa;" in l)
    assert ";GRU, MDR, GDU;GC;" in lea_line
    pdf = export_pdf(national, generated_on="2026-12-20")
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True).stdout.decode()
        assert "Candidats proposés pour le CQP" in text and "MARTIN Léa" in text and "CCP à délivrer" in text


def test_preconisations_are_listed_for_blocs_still_to_certify(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    session = signed_session(
        store, referentiel, candidates=1,
        people=[("Roux", "Nathan", "COS", ("POS",), ("POS.C12.1",))],
    )
    import_package(national, _export(store, session, tmp_path, "s.cqpkg"))
    [status] = consolidated(national)
    assert status.held == () and [r.bloc for r in status.preconisations()] == ["POS"]
    assert "Reprendre la relation écrite" in export_csv(national)


def test_acknowledgment_marks_the_session_synchronised_and_allows_the_purge(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    from cqp_desktop.core.exchange.package_format import load_decryption_key
    from tests.core.test_package import ucanss_identity

    session = signed_session(store, referentiel, candidates=2)
    with pytest.raises(AckError, match="non synchronisée : importez d'abord l'accusé"):
        purge_personal_data(store, session.session_id)
    outcome = import_package(national, _export(store, session, tmp_path, "s.cqpkg"))
    ack = ack_file(outcome.acknowledgment)
    # signed by a key of its own (not certified by the Ucanss authority): refused
    key_path, cert_path, _ = ucanss_identity(tmp_path)
    key, cert = load_decryption_key(key_path.read_bytes(), "secret ucanss", cert_path.read_bytes())
    with pytest.raises(AckError, match="son signataire n'est pas l'Ucanss"):
        import_acknowledgment(store, acknowledgment_file(outcome.acknowledgment, key, cert))
    # a tampered acknowledgment is refused
    forged = json.loads(ack)
    forged["acknowledgment"]["revision"] += 1
    with pytest.raises(AckError, match="signature de l'accusé invalide"):
        import_acknowledgment(store, json.dumps(forged).encode())
    # an acknowledgment of a package this site never exported is refused
    unknown = dict(outcome.acknowledgment, manifest_sha256="0" * 64)
    with pytest.raises(AckError, match="ne correspond à aucun paquet exporté depuis ce poste"):
        import_acknowledgment(store, ack_file(unknown))
    with pytest.raises(AckError, match="n'est pas un accusé de réception"):
        import_acknowledgment(store, b"%PDF")
    result = import_acknowledgment(store, ack)
    assert result.synchronised and not result.already and result.signed_by == "Service UCANSS"
    assert import_acknowledgment(store, ack).already  # idempotent
    assert store.connection()["session_sync"].count == 1
    purged = purge_personal_data(store, session.session_id, actor="1")
    assert sorted(purged) == sorted(session.candidate_ids)
    rows = [store.connection()["candidates"].get(c) for c in session.candidate_ids]
    assert all(r["last_name"] == PURGED_NAME and r["first_name"] == "" and r["purged_at"] for r in rows)
    assert all(r["uuid"] for r in rows)  # identity kept
    assert store.connection().execute("SELECT count(*) FROM decisions").fetchone()[0] > 0  # results kept
    assert [e for e in store.audit_entries() if e["action"] == "candidate.purge"]
    assert store.verify_audit_chain() == []
    assert "Martin" not in json.dumps([e["details"] for e in store.audit_entries()], ensure_ascii=False)


def test_purge_is_refused_when_the_session_changed_after_the_acknowledged_package(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    session = signed_session(store, referentiel, candidates=1)
    outcome = import_package(national, _export(store, session, tmp_path, "s.cqpkg"))
    current = avis.signed_avis(store, session.epreuve_ids[0])
    assert current is not None
    new = avis.amend(store, current.id, reason="Correction")
    avis.sign_avis(store, new, session.president_id, PASSPHRASE, tiny_png())
    result = import_acknowledgment(store, ack_file(outcome.acknowledgment))
    assert not result.synchronised and not is_synchronised(store, session.session_id)
    with pytest.raises(AckError, match="modifiée depuis le dernier paquet reçu par l'Ucanss"):
        purge_personal_data(store, session.session_id)
    assert store.connection()["candidates"].get(session.candidate_ids[0])["last_name"] == "Martin"


def test_national_database_is_its_own_file_with_its_own_migrations(tmp_path: Path, db_path: Path, store: Store) -> None:
    db = open_national(tmp_path / "n.sqlite3")
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'cqp_national'")]
        assert names == ["0001_initial", "0002_trusted_signers", "0003_authority", "0004_epreuve_avis_hash",
                         "0005_candidate_person", "0050_jury_paritaire", "0060_examiner_analytics"]
    finally:
        db.close()
    with pytest.raises(StoreError, match="n'est pas une base de consolidation nationale"):
        open_national(db_path)


def test_the_same_package_from_two_stores_never_mixes_candidates(referentiel: Referentiel, national, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two sites each have a "Léa Martin": different UUIDs, two candidates at Ucanss."""
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path
    from tests.conftest import FakeWallClock

    for n in range(2):
        s = Store.open(tmp_path / f"site{n}.sqlite3", wall_clock=FakeWallClock())
        s.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
        session = signed_session(s, referentiel, candidates=1)
        import_package(national, _export(s, session, tmp_path, f"site{n}.cqpkg"))
        s.close()
    assert [c.first_name for c in consolidated(national)] == ["Léa", "Léa"]


def test_a_candidate_also_in_an_unsynchronised_session_keeps_their_name(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    from cqp_desktop.core.model.rules import Decision
    from tests.core.package_fixtures import sign_epreuve

    site = make_site(store)
    october = signed_session(store, referentiel, candidates=2, site=site, month="2026-10")
    december = store.add_session("Session 2026-12", "2026-12")
    lea = october.candidate_ids[0]
    e = store.plan_epreuve(lea, referentiel, "TD", "2026-12-03", session_id=december,
                           president_id=site.president_id, expert_id=site.expert_id)
    for criterion in referentiel.bloc("TD").criteria():
        store.record_decision(e, criterion.key, Decision.VALIDE)
    sign_epreuve(store, e, site)
    outcome = import_package(national, _export(store, october, tmp_path, "oct.cqpkg"))
    assert import_acknowledgment(store, ack_file(outcome.acknowledgment)).synchronised
    purged = purge_personal_data(store, october.session_id)
    assert purged == [october.candidate_ids[1]]  # Léa also sits in December, not yet acknowledged
    assert store.connection()["candidates"].get(lea)["last_name"] == "Martin"


def test_pkcs12_ucanss_key_opens_an_encrypted_package(store: Store, referentiel: Referentiel, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from cqp_desktop.core.exchange import keys
    from cqp_desktop.core.exchange.package_verify import verify_bytes
    from tests.core.test_package import ucanss_identity

    key_path, cert_path, cert_pem = ucanss_identity(tmp_path)
    key = serialization.load_pem_private_key(key_path.read_bytes(), b"secret ucanss")
    p12 = pkcs12.serialize_key_and_certificates(
        b"ucanss", key, keys.load_certificate(cert_pem), None, serialization.BestAvailableEncryption(b"secret p12")  # type: ignore[arg-type]
    )
    session = signed_session(store, referentiel, candidates=1)
    raw = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path / "s.cqpkg.p7m",
                         encrypt_to=cert_pem, with_pdfs=False).path.read_bytes()
    assert verify_bytes(raw, key_file=p12, passphrase="secret p12", trust=anchors()).ok
    assert "phrase secrète incorrecte" in verify_bytes(raw, key_file=p12, passphrase="non", trust=anchors()).problems[0]


# -- capitalisation as a rule (hypothesis) -----------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cqp_desktop.core.model.referentiel import load_default  # noqa: E402
from cqp_desktop.core.ucanss.national import capitalise  # noqa: E402

_REF = load_default()
_BLOCS = sorted(_REF.blocs)


@given(
    cqp=st.sampled_from(["COS", "GC"]),
    outcomes=st.lists(st.tuples(st.sampled_from(_BLOCS), st.booleans()), max_size=12),
)
def test_capitalisation_rules(cqp: str, outcomes: list[tuple[str, bool]]) -> None:
    held, obtained, missing = capitalise(_REF, cqp, outcomes)
    validated_once = {b for b, ok in outcomes if ok}
    assert set(held) == validated_once  # a later failure never withdraws a CCP
    for code, certification in _REF.certifications.items():
        assert (code in obtained) == (set(certification.blocs) <= validated_once)
    assert set(missing) == set(_REF.certification(cqp).blocs) - validated_once
    # GRU and MDR count for both CQP: holding them leaves only each CQP's own blocs
    if {"GRU", "MDR"} <= validated_once:
        assert not {"GRU", "MDR"} & set(missing)
    # order of sessions does not matter
    assert capitalise(_REF, cqp, list(reversed(outcomes))) == (held, obtained, missing)


def test_the_same_person_on_two_sites_is_joined_by_the_stable_identifier(
    store: Store, referentiel: Referentiel, national, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """Site A certifies Léa's GRU and MDR for the COS; site B, a year on, her GDU for the GC."""
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path
    from tests.conftest import FakeWallClock

    october = signed_session(store, referentiel, candidates=1, month="2026-10", people=[("Martin", "Léa", "COS", ("GRU", "MDR"), ())])
    person = store.connection()["candidates"].get(october.candidate_ids[0])["person_id"]
    import_package(national, _export(store, october, tmp_path, "a.cqpkg"))
    from cqp_desktop.core.model.rules import Decision
    from tests.core.package_fixtures import make_site, sign_epreuve

    other = Store.open(tmp_path / "site-b.sqlite3", wall_clock=FakeWallClock())
    try:
        other.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
        site = make_site(other)
        # Léa gives site B the identifier her site A record has; site B attests her Pass et Prem'ss
        lea_b = other.add_candidate("Martin", "Léa", site.employer_id, "GC", "formation", True, person_id=person,
                                    pass_premss_date="2026-03-27", pass_premss_attested_by="RRH, CPAM de Brocéliande")
        february = other.add_session("Session 2027-02", "2027-02", "Centre d'examen du Val-de-Loue")
        e = other.plan_epreuve(lea_b, referentiel, "GDU", "2027-02-03", session_id=february,
                               president_id=site.president_id, expert_id=site.expert_id)
        for criterion in referentiel.bloc("GDU").criteria():
            other.record_decision(e, criterion.key, Decision.VALIDE)
        sign_epreuve(other, e, site)
        raw = export_package(other, february, site.president_id, PASSPHRASE, tmp_path / "b.cqpkg", with_pdfs=False)
        import_package(national, raw.path.read_bytes())
    finally:
        other.close()
    (lea,) = consolidated(national)
    assert lea.person_id == person and lea.cqp == "GC"  # the newest session describes her
    assert lea.held == ("GRU", "MDR", "GDU") and lea.cqp_obtained == ("GC",)
    assert [(r.bloc, r.certification) for r in lea.ccp()] == [("GRU", "COS"), ("MDR", "COS"), ("GDU", "GC")]
