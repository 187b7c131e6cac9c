"""VAE as the letter says: one 45 min interview for the candidacy, 1–2 situations per bloc, each bloc its own avis."""

from __future__ import annotations

import datetime as dt

import pytest

from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site.planning import PlanningError
from cqp_desktop.core.site.runner import EpreuveRunner
from cqp_desktop.core.site.vae import candidacy, plan_candidacy, timed_phases
from cqp_desktop.core.storage.store import Store
from tests.trust_helpers import anchors, certify

from .avis_fixtures import tiny_png
from .runner_fixtures import FakeMono, make_world

DAY = dt.date(2026, 12, 3)
PHRASE = "phrase du jury"


def _cos_vae(store: Store) -> tuple[list[int], object]:
    world = make_world(store)
    cpam = store.connection().execute("SELECT organisme_id FROM candidates WHERE id = ?", [world.gc_vae]).fetchone()[0]
    candidate = store.add_candidate("Roux", "Nathan", cpam, "COS", "vae", False)
    ids = plan_candidacy(store, store.active_referentiel(), candidate, ["GRU", "MDR", "POS", "TD"], DAY)
    for epreuve in ids:
        store.connection().execute(
            "UPDATE epreuves SET president_id = ?, expert_id = ? WHERE id = ?", [world.president, world.expert_ok, epreuve]
        )
    certify(store, world.president, PHRASE)
    return ids, world


def test_a_cos_vae_candidacy_has_one_45_minute_interview(store: Store) -> None:
    """Before: each bloc ran its own 45 min interview (180 min for a COS candidate)."""
    ids, _ = _cos_vae(store)
    assert len(ids) == 4
    found = candidacy(store, ids[2])
    assert found is not None and found.blocs == ("GRU", "MDR", "POS", "TD") and found.interview_epreuve == ids[0]
    planned = sum(p.seconds for e in ids for p in timed_phases(store, e))
    assert planned == 45 * 60


def test_the_blocs_of_a_candidacy_share_one_clock(store: Store) -> None:
    ids, _ = _cos_vae(store)
    mono = FakeMono()
    first = EpreuveRunner(store, ids[1], now_ns=mono)  # started from the MDR screen
    first.start()
    mono.advance(30 * 60)
    other = EpreuveRunner(store, ids[3], now_ns=mono, live=first)  # the TD screen shows the same interview
    assert other.shares_interview and other.candidacy_blocs() == ("GRU", "MDR", "POS", "TD")
    assert other.reading().elapsed_ms >= 30 * 60 * 1000 - 1000
    other.next_phase()  # ends the single interview
    assert EpreuveRunner(store, ids[0], now_ns=mono).ended
    assert store.timer_events(ids[1]) == [] and store.timer_events(ids[3]) == []  # timed once, on the first épreuve
    assert [e["kind"] for e in store.timer_events(ids[0])] == ["start", "end"]  # no false crash recovery


def _decide(store: Store, epreuve: int) -> int:
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    for criterion in runner.bloc.criteria():
        runner.set_decision(criterion.key, Decision.VALIDE)
    return av.draft_avis(store, epreuve, True)


def test_a_bloc_without_a_livret_2_situation_cannot_be_signed(store: Store) -> None:
    ids, world = _cos_vae(store)
    mono = FakeMono()
    runner = EpreuveRunner(store, ids[0], now_ns=mono)
    runner.start()
    mono.advance(45 * 60)
    runner.next_phase()
    avis_id = _decide(store, ids[2])  # POS: no situation
    blockers = av.signing_blockers(store, avis_id)
    assert blockers == [
        "Règle VAE (lettre Ucanss du 20/09/2021, 4/C) : le livret 2 présente 1 à 2 situation(s) significative(s) "
        "pour chaque bloc ; 0 saisie(s) pour le bloc POS — règle du certificateur, sans dérogation"
    ]
    with pytest.raises(av.AvisError, match="livret 2"):
        av.sign_avis(store, avis_id, world.president, PHRASE, tiny_png())
    EpreuveRunner(store, ids[2], now_ns=mono).set_situation(1, "Accompagnement numérique", "", ["POS.C13"])
    assert av.signing_blockers(store, avis_id) == []
    av.sign_avis(store, avis_id, world.president, PHRASE, tiny_png())
    # each bloc is decided and signed on its own: the others are still open
    assert all(av.signed_avis(store, e) is None for e in (ids[0], ids[1], ids[3]))


def test_a_bloc_cannot_be_signed_while_the_shared_interview_runs(store: Store) -> None:
    ids, _ = _cos_vae(store)
    EpreuveRunner(store, ids[0], now_ns=FakeMono()).start()
    EpreuveRunner(store, ids[3], now_ns=FakeMono()).set_situation(1, "Mise à jour de masse", "", ["TD.C16"])
    avis_id = _decide(store, ids[3])
    assert av.signing_blockers(store, avis_id) == [
        "Entretien VAE de la candidature (chronométré avec le bloc GRU) non terminé : arrêtez-le avant de signer"
    ]


def test_a_candidacy_is_planned_whole_or_not_at_all(store: Store) -> None:
    world = make_world(store)
    with pytest.raises(PlanningError) as caught:
        plan_candidacy(store, store.active_referentiel(), world.gc_vae, ["GRU", "POS"], DAY)  # POS is not a GC bloc
    assert "Le bloc POS ne fait pas partie du CQP GC du candidat." in caught.value.problems
    assert store.connection()["epreuves"].count == 0
    with pytest.raises(PlanningError, match="voie de la VAE"):
        plan_candidacy(store, store.active_referentiel(), world.cos_formation, ["GRU"], DAY)


def test_a_signed_vae_candidacy_exports_verifies_and_consolidates(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.site.package_export import export_package
    from cqp_desktop.core.ucanss.national import consolidated, import_package, open_national

    ids, world = _cos_vae(store)
    mono = FakeMono()
    runner = EpreuveRunner(store, ids[0], now_ns=mono)
    runner.start()
    mono.advance(44 * 60)
    runner.next_phase()
    for epreuve, bloc in zip(ids, ("GRU", "MDR", "POS", "TD")):
        competence = store.epreuve_referentiel(epreuve).bloc(bloc).competences[0].key
        EpreuveRunner(store, epreuve, now_ns=mono).set_situation(1, f"Situation {bloc}", "", [competence])
        av.sign_avis(store, _decide(store, epreuve), world.president, PHRASE, tiny_png())
    session = store.epreuve(ids[0])["session_id"]
    raw = export_package(store, session, world.president, PHRASE, tmp_path / "vae.cqpkg", with_pdfs=False).path.read_bytes()
    national = open_national(tmp_path / "national.sqlite3")
    try:
        import_package(national, raw, trust=anchors())
        (roux,) = [c for c in consolidated(national) if c.last_name == "Roux"]
        assert roux.held == ("GRU", "MDR", "POS", "TD")
    finally:
        national.close()


def test_home_and_dossier_show_every_bloc_of_the_candidacy_in_the_interviews_state(store: Store) -> None:
    from cqp_desktop.core.site.epreuve_state import epreuve_finished
    from cqp_desktop.core.site.overview import EpreuveState, epreuve_lines

    ids, _ = _cos_vae(store)
    mono = FakeMono()
    runner = EpreuveRunner(store, ids[0], now_ns=mono)
    runner.start()
    states = {line.id: line.state for line in epreuve_lines(store, DAY)}
    assert {states[e] for e in ids} == {EpreuveState.EN_COURS}
    runner.next_phase()
    states = {line.id: line.state for line in epreuve_lines(store, DAY)}
    assert {states[e] for e in ids} == {EpreuveState.TERMINEE}
    assert all(epreuve_finished(store, e) for e in ids)
