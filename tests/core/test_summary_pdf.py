"""The session summary for the jury paritaire national."""

from __future__ import annotations

import shutil

import pytest

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site.summary_pdf import build_session_summary
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import PASSPHRASE, make_epreuve, meet_minimums, tiny_png
from .test_report_pdf import pdf_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils absent")


def _decide_all(store: Store, referentiel: Referentiel, epreuve_id: int, bloc: str, failing=()) -> None:
    for criterion in referentiel.bloc(bloc).criteria():
        store.record_decision(epreuve_id, criterion.key, Decision.NON_VALIDE if criterion.key in failing else Decision.VALIDE)


def test_summary_lists_each_bloc_avis_ccp_and_cqp(store: Store, referentiel: Referentiel, tmp_path) -> None:
    jury = make_epreuve(store, referentiel, failing=("GRU.C1.1", "GRU.C3.1"))
    gru = av.draft_avis(store, jury.epreuve_id, False, preconisations="Reprendre la double écoute avec le tuteur.")
    av.sign_avis(store, gru, jury.president_id, PASSPHRASE, tiny_png())
    plan = dict(session_id=jury.session_id, president_id=jury.president_id, expert_id=jury.expert_id)
    mdr = store.plan_epreuve(jury.candidate_id, referentiel, "MDR", "2026-12-03", **plan)
    _decide_all(store, referentiel, mdr, "MDR")
    meet_minimums(store, mdr)
    av.sign_avis(store, av.draft_avis(store, mdr, True), jury.president_id, PASSPHRASE, tiny_png())
    td = store.plan_epreuve(jury.candidate_id, referentiel, "TD", "2026-12-04", **plan)
    _decide_all(store, referentiel, td, "TD", failing=("TD.C15.1",))
    av.draft_avis(store, td, True, justification="Erreur de saisie corrigée en entretien.")  # departs, unsigned
    text = pdf_text(build_session_summary(store, jury.session_id), tmp_path)
    for expected in (
        "Synthèse de session — jury paritaire national",
        "Session 12/2026 (2026-12) — Centre d'examen de Brocéliande",
        "MARTIN Léa — CPAM de Brocéliande (branche Maladie) — CQP COS, formation",
        "non validé (4/6 compétences)",
        "Reprendre la double écoute avec le tuteur.",
        "validé — ÉCART",
        "non signé (version 1)",
        "CQP COS non obtenu : CCP détenus : MDR ; reste à certifier : GRU, POS, TD",
        "1 candidat(s), 3 épreuve(s) ; 1 bloc(s) validé(s) selon l'avis du jury ; 1 avis en écart au résultat calculé ; 1 avis non signé(s) ; 0 CQP complet(s).",
    ):
        assert expected in text, expected


def test_ccp_are_capitalised_across_sessions_and_cqp_detected(store: Store, referentiel: Referentiel, tmp_path) -> None:
    jury = make_epreuve(store, referentiel)
    av.sign_avis(store, av.draft_avis(store, jury.epreuve_id, True), jury.president_id, PASSPHRASE, tiny_png())
    later = store.add_session("Session 02/2027", "2027-02")
    plan = dict(president_id=jury.president_id, expert_id=jury.expert_id)
    for bloc in ("MDR", "POS", "TD"):
        eid = store.plan_epreuve(jury.candidate_id, referentiel, bloc, "2027-02-03", session_id=later, **plan)
        _decide_all(store, referentiel, eid, bloc)
        meet_minimums(store, eid)
        av.sign_avis(store, av.draft_avis(store, eid, True), jury.president_id, PASSPHRASE, tiny_png())
    text = pdf_text(build_session_summary(store, later), tmp_path)
    # every bloc held, but the Pass et Prem'ss completion is not attested: the CQP is withheld (letter 3/B)
    assert "CQP COS non obtenu : tous les blocs sont validés (GRU, MDR, POS, TD), mais prérequis Pass et Prem'ss" in text
    assert "0 CQP complet(s)" in text
    store.connection().execute(
        "UPDATE candidates SET pass_premss_date = '2026-03-27', pass_premss_attested_by = 'Service formation' WHERE id = ?",
        [jury.candidate_id],
    )
    text = pdf_text(build_session_summary(store, later), tmp_path)
    assert "CQP COS : tous les blocs sont validés (GRU, MDR, POS, TD)" in text
    assert "1 CQP complet(s)" in text
    assert "MDR 03/02/2027" in text and "GRU 02/12/2026" not in text  # the GRU épreuve was in another session
