"""The jury paritaire national end to end in the core: two sites' packages → a session on a calendar date
→ decisions (one departing from the professional jury's avis, justified) → signed procès-verbal →
certificates → results files → imported on each site, whose dossier shows the proclaimed result."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop.core.exchange import ucanss_files
from cqp_desktop.core.exchange.pdf_sign import check_pdf
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import results
from cqp_desktop.core.site.dossier import load_dossier
from cqp_desktop.core.ucanss import authority, national_documents, results_files
from cqp_desktop.core.ucanss import national_jury as nj
from cqp_desktop.core.ucanss.national import import_package, open_national
from tests.core.national_jury_fixtures import CALENDAR, CENTRE_A1, CENTRE_A2, CENTRE_B, JURY_1, JURY_2, World, build_world
from tests.trust_helpers import AUTHORITY_PASSPHRASE, anchors, shared_authority


@pytest.fixture
def world(tmp_path: Path, referentiel: Referentiel) -> Iterator[World]:
    w = build_world(tmp_path, referentiel)
    yield w
    w.a.close()
    w.b.close()


@pytest.fixture
def national(tmp_path: Path, world: World):  # type: ignore[no-untyped-def]
    db = open_national(tmp_path / "national.sqlite3")
    for path in world.packages:
        import_package(db, path.read_bytes(), source=str(path), trust=anchors())
    yield db
    db.close()


def service() -> tuple[object, object]:
    return authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)


def pdftext(pdf: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils)")
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_sessions_sit_only_on_calendar_dates_one_open_at_a_time(national) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(nj.JuryError, match="n'est pas une date de jury paritaire du calendrier"):
        nj.create_session(national, dt.date(2026, 11, 19), calendar=CALENDAR)
    first = nj.create_session(national, JURY_1, calendar=CALENDAR, members="Mme A (collège employeur), M. B (collège salarié)")
    with pytest.raises(nj.JuryError, match="n'est pas clos"):
        nj.create_session(national, JURY_2, calendar=CALENDAR)
    assert nj.open_session(national) == first


def test_the_list_holds_what_the_professional_juries_proposed(national, world: World) -> None:  # type: ignore[no-untyped-def]
    jury = nj.create_session(national, JURY_1, calendar=CALENDAR)
    listing = {p.candidate.first_name: p for p in nj.session_list(national, jury.id)}
    assert set(listing) == {"Léa", "Hugo"}  # the December épreuves come after this jury
    assert listing["Léa"].proposed_ccp == ("GRU", "MDR") and listing["Léa"].proposed_cqp == ()
    assert listing["Hugo"].proposed_ccp == ("GDU",) and listing["Hugo"].evaluated == ("GRU", "GDU")
    assert "Reprendre la relation écrite" in listing["Hugo"].professional_preconisations


def test_a_departure_needs_a_justification_and_corrections_are_new_records(national, world: World) -> None:  # type: ignore[no-untyped-def]
    jury = nj.create_session(national, JURY_1, calendar=CALENDAR)
    hugo = world.uuids["Hugo"]
    with pytest.raises(nj.JuryError, match="s'écarte de l'avis du jury professionnel .* justification obligatoire"):
        nj.decide(national, jury.id, hugo, ["GRU", "GDU"])
    with pytest.raises(nj.JuryError, match="le bloc MDR n'a pas été évalué"):
        nj.decide(national, jury.id, hugo, ["MDR"], justification="x")
    first = nj.accept_proposal(national, jury.id, hugo)
    assert first.blocs == ("GDU",) and not first.departs and "Reprendre" in first.recommendations
    second = nj.decide(national, jury.id, hugo, ["GRU", "GDU"], justification="Le dossier montre une maîtrise de la relation écrite.")
    assert second.departs and second.id > first.id
    assert [d.id for d in nj.decision_history(national, jury.id, hugo)] == [first.id, second.id]
    assert nj.decisions_in_force(national, jury.id)[hugo] == second
    with pytest.raises(Exception, match="modification interdite"):
        national.execute("UPDATE jury_decisions SET departs = 0 WHERE id = ?", [second.id])


def test_closing_needs_every_decision_then_freezes_the_session(national, world: World) -> None:  # type: ignore[no-untyped-def]
    jury = nj.create_session(national, JURY_1, calendar=CALENDAR)
    key, cert = service()
    nj.accept_proposal(national, jury.id, world.uuids["Léa"])
    with pytest.raises(nj.JuryError, match="Délibération incomplète : 1 candidat\\(s\\) sans décision \\(PETIT Hugo\\)"):
        nj.close_session(national, jury.id, key, cert)
    nj.accept_proposal(national, jury.id, world.uuids["Hugo"])
    pv = nj.close_session(national, jury.id, key, cert)
    assert nj.proces_verbal(national, jury.id) == pv
    with pytest.raises(nj.JuryError, match="est clos"):
        nj.accept_proposal(national, jury.id, world.uuids["Hugo"])
    with pytest.raises(Exception, match="jury paritaire clos"):
        national.execute(
            "INSERT INTO jury_decisions (jury_id, candidate_uuid, ccp_json, cqp_json, proposed_ccp_json, covers_json, departs, "
            "justification, recommendations, decided_at) VALUES (?, ?, '[]', '[]', '[]', '[]', 0, '', '', '')",
            [jury.id, world.uuids["Hugo"]],
        )


def test_two_juries_from_two_sites_to_certificates_and_back_to_each_site(national, world: World, tmp_path: Path, referentiel: Referentiel) -> None:  # type: ignore[no-untyped-def]
    key, cert = service()
    # Jury 1 (November): October's épreuves of site A.
    j1 = nj.create_session(national, JURY_1, calendar=CALENDAR, members="Mme Aubry (présidente, collège employeur), M. Besson (collège salarié)")
    nj.accept_proposal(national, j1.id, world.uuids["Léa"])
    justification = "Le jury paritaire relève dans le dossier une maîtrise suffisante de la relation écrite."
    nj.decide(national, j1.id, world.uuids["Hugo"], ["GRU", "GDU"], justification=justification)  # sovereign departure
    pv1 = nj.close_session(national, j1.id, key, cert)
    # Jury 2 (January): December's épreuves of both sites; Léa's CCP of October count.
    j2 = nj.create_session(national, JURY_2, calendar=CALENDAR)
    listing = {p.candidate.first_name: p for p in nj.session_list(national, j2.id)}
    assert set(listing) == {"Léa", "Inès", "Nathan"}
    assert [e.bloc for e in listing["Léa"].delivered_before] == ["GRU", "MDR"]
    assert listing["Léa"].proposed_cqp == ("GC",)
    for first in ("Léa", "Inès", "Nathan"):
        nj.accept_proposal(national, j2.id, world.uuids[first])
    nj.close_session(national, j2.id, key, cert)
    earlier = dt.date(2026, 12, 16)
    with pytest.raises(nj.JuryError, match="a déjà siégé"):  # an earlier session would deliberate again
        nj.create_session(national, earlier, calendar=nj.Calendar((12,), 15, (earlier,)))
    decided = nj.decisions_in_force(national, j2.id)
    assert decided[world.uuids["Léa"]].cqp == ("GC",) and decided[world.uuids["Léa"]].outcome == "CQP GC délivré"
    assert decided[world.uuids["Nathan"]].outcome == "ajourné"

    # The procès-verbal: signed by the Ucanss service key, names the departure and its justification.
    [signature] = check_pdf(pv1, anchors=authority.anchors(shared_authority().db))
    assert signature.ok and signature.signer_info.role == "ucanss"
    text = pdftext(pv1)
    assert "Procès-verbal de délibération du jury paritaire national" in text and "18/11/2026" in text
    assert "Écart avec l'avis : Le jury paritaire" in text and "suffisante de la relation écrite" in text
    assert "(écart)" in text

    # Certificates of jury 2: Léa's one CQP GC certificate lists her blocs and where each was earned.
    made = national_documents.certificates(national, j2.id, key, cert)
    names = sorted(c.filename.split("_", 3)[-1] for c in made)
    assert names == ["CCP-GDU.pdf", "CCP-MDR.pdf", "CQP-GC.pdf"]  # Léa: CQP GC + CCP GDU; Inès: CCP MDR; Nathan: none
    [cqp] = [c for c in made if c.kind == "CQP"]
    assert check_pdf(cqp.pdf, anchors=authority.anchors(shared_authority().db))[0].ok
    flat = " ".join(pdftext(cqp.pdf).split())
    assert "Certificat de qualification professionnelle" in flat and "Léa MARTIN" in flat
    for bloc in ("GRU", "MDR", "GDU"):
        assert f"{bloc} — " in flat
    assert flat.count(CENTRE_A1) == 2 and flat.count(CENTRE_A2) == 1
    assert "CQP COS" in flat and "18/11/2026" in flat  # GRU/MDR earned under the COS, delivered by jury 1
    ccp = next(c for c in made if c.code == "MDR")
    assert "bloc commun" in " ".join(pdftext(ccp.pdf).split())

    # Results: one file per site (site A's two centres are one installation: Léa sat at both), each
    # naming only its candidates.
    bodies = {body["site"]: body for body in results_files.results_bodies(national, j2.id).values()}
    site_a = f"{CENTRE_A1} + {CENTRE_A2}"
    assert set(bodies) == {site_a, CENTRE_B}
    assert {c["uuid"] for c in bodies[CENTRE_B]["candidates"]} == {world.uuids["Inès"], world.uuids["Nathan"]}
    assert {c["uuid"] for c in bodies[site_a]["candidates"]} == {world.uuids["Léa"]}
    files = {site: ucanss_files.results_file(body, key, cert) for site, body in bodies.items()}
    # Site B refuses site A's file, then imports its own.
    with pytest.raises(results.ResultsError, match="inconnu sur ce poste : fichier destiné à un autre site"):
        results.import_results(world.b, files[site_a], "a.json")
    imported = results.import_results(world.b, files[CENTRE_B], "b.json")
    assert imported.candidates == 2 and imported.ccp == 1 and not imported.already
    assert results.import_results(world.b, files[CENTRE_B], "b.json").already
    results.import_results(world.a, files[site_a], "a.json")
    lea = load_dossier(world.a, world.ids["Léa"], referentiel)
    assert lea.proclaimed is not None and lea.proclaimed.outcome == "CQP GC délivré"
    assert lea.proclaimed.cqp_held == ("GC",) and [e["bloc"] for e in lea.proclaimed.ccp_held] == ["GRU", "MDR", "GDU"]
    nathan = load_dossier(world.b, world.ids["Nathan"], referentiel)
    assert nathan.proclaimed is not None and nathan.proclaimed.outcome == "ajourné" and nathan.proclaimed.recommendations
    hugo = load_dossier(world.a, world.ids["Hugo"], referentiel)
    assert hugo.proclaimed is None  # jury 1's results not imported on site A
    [j1_body] = results_files.results_bodies(national, j1.id).values()
    results.import_results(world.a, ucanss_files.results_file(j1_body, key, cert))
    hugo = load_dossier(world.a, world.ids["Hugo"], referentiel)
    assert hugo.proclaimed is not None and [e["bloc"] for e in hugo.proclaimed.ccp_held] == ["GRU", "GDU"]
    assert hugo.proclaimed.departs and hugo.proclaimed.justification == justification
    assert hugo.status.held == ("GDU",)  # proposed by the professional jury: distinct from what was delivered


def test_a_results_file_must_be_signed_by_the_installed_ucanss(national, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.endtoend.enrolment import LocalAuthority

    key, cert = service()
    jury = nj.create_session(national, JURY_1, calendar=CALENDAR)
    for first in ("Léa", "Hugo"):
        nj.accept_proposal(national, jury.id, world.uuids[first])
    nj.close_session(national, jury.id, key, cert)
    [body] = results_files.results_bodies(national, jury.id).values()
    genuine = json.loads(ucanss_files.results_file(body, key, cert))
    tampered = dict(genuine, results={**body, "jury_date": "2026-11-19"})
    with pytest.raises(results.ResultsError, match="signature des résultats invalide"):
        results.import_results(world.a, json.dumps(tampered).encode())
    with pytest.raises(results.ResultsError, match="non signés par l'Ucanss"):
        results.import_results(world.a, json.dumps({"results": body}).encode())
    other = LocalAuthority.in_folder(tmp_path / "autre-ucanss", "autre autorité")
    other_key, other_cert = authority.service_identity(other.db, "autre autorité")
    with pytest.raises(results.ResultsError, match="leur signataire n'est pas l'Ucanss"):
        results.import_results(world.a, ucanss_files.results_file(body, other_key, other_cert))
    other.db.close()
    with pytest.raises(results.ResultsError, match="n'est pas un fichier de résultats"):
        results.import_results(world.a, b"{}")
    assert world.a.connection().execute("SELECT count(*) FROM proclaimed_results").fetchone()[0] == 0


def test_no_cqp_is_proposed_or_delivered_without_the_pass_premss_attestation(national, world: World) -> None:  # type: ignore[no-untyped-def]
    """Letter 3/B: the CQP needs the Pass et Prem'ss completed; the national jury's proposal and decision apply it."""
    key, cert = service()
    j1 = nj.create_session(national, JURY_1, calendar=CALENDAR)
    for first in ("Léa", "Hugo"):
        nj.accept_proposal(national, j1.id, world.uuids[first])
    nj.close_session(national, j1.id, key, cert)
    j2 = nj.create_session(national, JURY_2, calendar=CALENDAR)
    # as if Léa's latest package had carried no attestation
    national.execute("UPDATE candidates SET pass_premss_date = NULL WHERE uuid = ?", [world.uuids["Léa"]])
    lea = {p.candidate.first_name: p for p in nj.session_list(national, j2.id)}["Léa"]
    assert lea.proposed_cqp == () and lea.withheld and "Pass et Prem'ss" in lea.withheld[0]
    decision = nj.accept_proposal(national, j2.id, world.uuids["Léa"])
    assert decision.ccp and decision.cqp == ()  # her CCP are delivered, the CQP is not
