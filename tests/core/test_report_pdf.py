"""The épreuve report: the texts a jury paritaire reads, extracted with poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.reports.pdf_toolkit import threshold_line
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site.report_pdf import build_epreuve_report
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import PASSPHRASE, make_epreuve, tiny_png

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils absent")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.replace("\u202f", " ").split())  # one line, plain spaces: robust to layout


def test_threshold_arithmetic_is_spelled_out() -> None:
    assert threshold_line(4, 5, 80, "validés", "acquise", "non acquise") == "4 validés sur 5 → 5 × 4 = 20 ≥ 4 × 5 = 20 : acquise"
    assert threshold_line(2, 3, 80, "validés", "acquise", "non acquise") == "2 validés sur 3 → 5 × 2 = 10 < 4 × 3 = 12 : non acquise"
    assert threshold_line(1, 2, 50, "validés", "oui", "non").startswith("1 validés sur 2 → 2 × 1 = 2 ≥ 1 × 2 = 2")


@needs_poppler
def test_signed_report_contains_what_the_jury_decided(store: Store, referentiel: Referentiel, tmp_path) -> None:
    jury = make_epreuve(store, referentiel, failing=("GRU.C1.1", "GRU.C3.1"))
    store.add_note(jury.epreuve_id, "Oublie l'identité", competence="GRU.C1", criterion="GRU.C1.1")
    avis_id = av.draft_avis(
        store,
        jury.epreuve_id,
        False,
        comments={"GRU.C3": "Ne vérifie pas la compréhension."},
        preconisations="Reprendre la double écoute avec le tuteur.",
    )
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png(200, 60))
    pdf = build_epreuve_report(store, jury.epreuve_id, pdf_signer="Anne DELORME")
    assert pdf == build_epreuve_report(store, jury.epreuve_id, pdf_signer="Anne DELORME")  # deterministic
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Compte rendu d'épreuve — bloc GRU",
        "CQP Conseiller offres de services de la Sécurité sociale (COS) — RNCP35543",
        "Léa MARTIN",
        "CPAM de Brocéliande",
        "Maladie",
        "Anne DELORME — Ucanss",
        "Sophie NGUYEN — CPAM du Val-de-Loue",
        "2021.09-indicatif.1",
        "Critères indicatifs",
        referentiel.content_hash,
        "Double écoute",
        "appel entrant urgent",
        "dépassement de 01:00",
        "C1 : 3 critères validés sur 4 → 5 × 3 = 15 < 4 × 4 = 16 : non acquise",
        "C2 : 5 critères validés sur 5 → 5 × 5 = 25 ≥ 4 × 5 = 20 : acquise",
        "4 compétences acquises sur 6 → 5 × 4 = 20 < 4 × 6 = 24 : bloc GRU non validé",
        "Oublie l'identité",
        "Ne vérifie pas la compréhension.",
        "Reprendre la double écoute avec le tuteur.",
        "Bloc GRU non validé",
        "Président(e) du jury Anne DELORME, le 02/12/2026",
        "signé électroniquement (PAdES) par Anne DELORME",
        "page 3 / 3",
    ):
        assert expected in text, expected
    assert "DOCUMENT DE TRAVAIL" not in text


@needs_poppler
def test_departing_avis_and_draft_are_flagged(store: Store, referentiel: Referentiel, tmp_path) -> None:
    jury = make_epreuve(store, referentiel, failing=("GRU.C1.1", "GRU.C3.1"))
    av.draft_avis(store, jury.epreuve_id, True, justification="C3 observée lors de l'entretien.")
    text = pdf_text(build_epreuve_report(store, jury.epreuve_id), tmp_path)
    assert "DOCUMENT DE TRAVAIL" in text
    assert "OUI — l'avis s'écarte du résultat calculé" in text
    assert "C3 observée lors de l'entretien." in text
    assert "Avis non signé." in text


@needs_poppler
def test_amended_report_names_the_replaced_version(store: Store, referentiel: Referentiel, tmp_path) -> None:
    jury = make_epreuve(store, referentiel)
    old = av.draft_avis(store, jury.epreuve_id, True)
    av.sign_avis(store, old, jury.president_id, PASSPHRASE, tiny_png())
    new = av.amend(store, old, reason="Commentaire C2 oublié", comments={"GRU.C2": "Réponses fiables."})
    av.sign_avis(store, new, jury.president_id, PASSPHRASE, tiny_png())
    text = pdf_text(build_epreuve_report(store, jury.epreuve_id), tmp_path)
    assert "remplace la version 1 signée le" in text and "motif de la correction : Commentaire C2 oublié" in text
    assert "avis version 2" in text


@needs_poppler
def test_vae_and_prepositionnement_reports(store: Store, referentiel: Referentiel, tmp_path) -> None:
    jury = make_epreuve(store, referentiel, decide=False)
    vae = store.plan_epreuve(jury.candidate_id, referentiel, "MDR", "2026-12-05", route="vae", president_id=jury.president_id)
    text = pdf_text(build_epreuve_report(store, vae), tmp_path)
    assert "VAE (livret 2 et entretien)" in text and referentiel.vae.interview_label in text
    assert "non réalisée" in text and "Aucun chronométrage enregistré" in text
    assert "Expert(e) métier non désigné(e)" in text and "Aucun avis saisi." in text
    assert "non observé" in text and "DOCUMENT DE TRAVAIL" in text
    from cqp_desktop.core.model.rules import Mode

    pre = store.plan_epreuve(jury.candidate_id, referentiel, "POS", "2026-12-06", mode=Mode.PREPOSITIONNEMENT)
    text = pdf_text(build_epreuve_report(store, pre), tmp_path)
    assert "PRÉ-POSITIONNEMENT — non certifiant" in text and "Pré-positionnement — non certifiant" in text


def _run(store: Store, epreuve_id: int, steps) -> None:  # type: ignore[no-untyped-def]
    """Drive a real runner with a fake monotonic clock: ("advance", s) | ("next",) | ("start",)."""
    from cqp_desktop.core.site.runner import EpreuveRunner
    from tests.core.runner_fixtures import FakeMono

    mono = FakeMono()
    runner = EpreuveRunner(store, epreuve_id, now_ns=mono)
    for step in steps:
        if step[0] == "advance":
            mono.advance(step[1])
        else:
            getattr(runner, {"start": "start", "next": "next_phase"}[step[0]])()
    return runner


@needs_poppler
def test_report_has_mdr_presentation_vae_situations_real_date_and_durations_that_add_up(
    store: Store, referentiel: Referentiel, tmp_path
) -> None:
    jury = make_epreuve(store, referentiel, decide=False, with_timer=False, bloc="MDR")
    # an observation cut short at 01:05.4: the report's arithmetic must hold on whole seconds
    runner = _run(store, jury.epreuve_id, [("start",), ("advance", 65.4), ("next",), ("advance", 901.7), ("next",)])
    runner.set_presented("MDR.C7", True)
    runner.set_presented("MDR.C9", True)
    text = pdf_text(build_epreuve_report(store, jury.epreuve_id), tmp_path)
    assert "Compétences abordées par la présentation" in text
    assert "2 compétence(s) abordée(s), au moins 2 attendue(s) : minimum atteint" in text
    timing = text.split("Déroulement et chronométrage")[1].split("Compétences abordées")[0]
    assert "15:00 01:05" in timing and "13:55 de moins que prévu" in timing  # 15:00 − 01:05 = 13:55
    assert "15:00 15:01" in timing and "dépassement de 00:01" in timing
    assert "30:00 16:06" in timing  # total: 01:05 + 15:01
    assert "− " not in timing  # no negative durations
    assert "Date de l'épreuve 02/12/2026 (prévue" not in text  # the fake wall clock starts on the planned day

    vae = store.plan_epreuve(jury.candidate_id, referentiel, "GRU", "2026-12-01", route="vae", alternative="double_ecoute",
                             president_id=jury.president_id, expert_id=jury.expert_id)
    runner = _run(store, vae, [("start",)])
    runner.set_situation(1, "Ouverture de droits avec pièces manquantes", "Relance puis notification motivée.", ["GRU.C1", "GRU.C2"])
    runner.set_situation(2, "Réclamation d'un employeur", "", ["GRU.C4"])
    text = pdf_text(build_epreuve_report(store, vae), tmp_path)
    assert "Livret 2 — situations significatives" in text
    assert "2 situation(s) saisie(s)" in text
    livret = text.split("Livret 2 — situations significatives")[1].split("Grille")[0]
    assert "Ouverture de droits avec pièces manquantes" in livret and "Relance puis notification motivée." in livret
    assert "C1, C2" in livret and "Réclamation d'un employeur" in livret and "C4" in livret
    assert "Date de l'épreuve 02/12/2026 (prévue le 01/12/2026)" in text  # started a day late: both dates, said so
