"""Planning: blocs of the candidate's CQP not yet held, modality required, calendar warning."""

from __future__ import annotations

import datetime as dt

import pytest

from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.site.jury import assign_jury
from cqp_desktop.core.site.planning import PlanningError, PlanRequest, bloc_choices, check_plan, plan, validity_warnings
from cqp_desktop.core.site.runner import EpreuveRunner
from cqp_desktop.core.storage.store import Store
from tests.core.runner_fixtures import FakeMono, make_world


def test_choices_are_the_candidate_cqp_blocs_minus_held(store: Store) -> None:
    world = make_world(store)
    ref = store.active_referentiel()
    assert [c.code for c in bloc_choices(store, world.cos_formation, ref)] == ["GRU", "MDR", "POS", "TD"]
    assert [c.code for c in bloc_choices(store, world.gc_vae, ref)] == ["GRU", "MDR", "GDU"]
    epreuve = plan(store, ref, PlanRequest(world.cos_formation, "TD", dt.date(2026, 12, 3)))
    assign_jury(store, epreuve, world.president, world.expert_ok)
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    runner.start()
    for criterion in runner.bloc.criteria():
        runner.set_decision(criterion.key, Decision.VALIDE)
    runner.next_phase()
    runner.next_phase()
    assert "TD" in [c.code for c in bloc_choices(store, world.cos_formation, ref)]  # avis not signed yet
    from .test_runner import _sign_avis

    _sign_avis(store, epreuve, world.president, validated=True)
    assert [c.code for c in bloc_choices(store, world.cos_formation, ref)] == ["GRU", "MDR", "POS"]
    with pytest.raises(PlanningError, match="détient déjà le CCP du bloc TD"):
        plan(store, ref, PlanRequest(world.cos_formation, "TD", dt.date(2026, 12, 3)))
    # pre-positionnement may still cover it
    assert "TD" in [c.code for c in bloc_choices(store, world.cos_formation, ref, Mode.PREPOSITIONNEMENT)]


def test_modality_is_required_and_calendar_warns(store: Store) -> None:
    world = make_world(store)
    ref = store.active_referentiel()
    problems, warnings = check_plan(store, ref, PlanRequest(world.cos_formation, "GRU", dt.date(2026, 11, 20)))
    assert problems == ["Choisissez la modalité d'observation du bloc GRU : double écoute ou accueil physique."]
    assert "hors calendrier" in warnings[0]
    problems, warnings = check_plan(
        store, ref, PlanRequest(world.cos_formation, "GRU", dt.date(2026, 12, 2), alternative="accueil_physique")
    )
    validity = validity_warnings(ref, "COS", dt.date(2026, 12, 2))  # the shipped référentiel ends on 08/07/2026
    assert (problems, warnings) == ([], validity)
    problems, _ = check_plan(store, ref, PlanRequest(world.gc_vae, "POS", dt.date(2026, 12, 2)))
    assert "ne fait pas partie du CQP GC" in problems[0]
    _, warnings = check_plan(store, ref, PlanRequest(world.cos_no_premss, "TD", dt.date(2026, 12, 2)))
    assert warnings[len(validity):] == [
        "Prérequis : prérequis Pass et Prem'ss non attesté (formations Pass et Prem'ss suivies intégralement : "
        "lettre Ucanss du 20/09/2021, 3/B ; LI0769 et LI0789) ; les CCP seront délivrés, pas le CQP tant qu'il manque."
    ]
    new = plan(store, ref, PlanRequest(world.cos_formation, "GRU", dt.date(2026, 12, 2), alternative="double_ecoute"))
    assert store.epreuve(new)["referentiel_hash"] == ref.content_hash


def test_new_epreuves_use_the_active_referentiel_existing_ones_keep_theirs(store: Store) -> None:
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.core.site.runner import EpreuveRunner
    from cqp_desktop.resources import default_referentiel_path

    world = make_world(store)
    old = store.active_referentiel()
    before = plan(store, old, PlanRequest(world.cos_formation, "TD", dt.date(2026, 12, 3)))
    data = canonical_data(default_referentiel_path())
    data["referentiel"]["version"] = "2027.01-officiel"
    data["blocs"][0]["competences"][0]["criteria"][0] = "Critère reformulé par le référentiel officiel"
    new = store.register_referentiel(data, activate=True)
    after = plan(store, store.active_referentiel(), PlanRequest(world.cos_formation, "GRU", dt.date(2026, 12, 4), alternative="double_ecoute"))
    assert store.epreuve(after)["referentiel_hash"] == new.content_hash != old.content_hash
    assert EpreuveRunner(store, before, now_ns=FakeMono()).referentiel.content_hash == old.content_hash
    runner = EpreuveRunner(store, after, now_ns=FakeMono())
    assert runner.referentiel.criterion("GRU.C1.1").label == "Critère reformulé par le référentiel officiel"


def test_certifying_epreuves_join_their_months_session_and_prepositionnement_none(store: Store) -> None:
    world = make_world(store)
    ref = store.active_referentiel()
    first = plan(store, ref, PlanRequest(world.cos_formation, "MDR", dt.date(2026, 12, 3)))
    second = plan(store, ref, PlanRequest(world.gc_vae, "GDU", dt.date(2026, 12, 9)))
    later = plan(store, ref, PlanRequest(world.cos_formation, "TD", dt.date(2027, 2, 4)))
    pre = plan(store, ref, PlanRequest(world.cos_formation, "POS", dt.date(2026, 12, 4), mode=Mode.PREPOSITIONNEMENT,
                                       alternative="accueil_physique"))
    sessions = {e: store.epreuve(e)["session_id"] for e in (first, second, later, pre)}
    assert sessions[first] == sessions[second] != sessions[later]
    assert sessions[pre] is None
    assert store.connection()["cert_sessions"].get(sessions[later])["label"] == "Session 02/2027"


def test_planning_warns_past_the_referentiel_validity_and_the_rncp_end(store: Store) -> None:
    """Before: no word when planning after the référentiel's validity (08/07/2026) or the RNCP end dates."""
    world = make_world(store)
    ref = store.active_referentiel()
    _, warnings = check_plan(store, ref, PlanRequest(world.cos_formation, "TD", dt.date(2026, 4, 8)))
    assert warnings == []  # within both
    _, warnings = check_plan(store, ref, PlanRequest(world.cos_formation, "TD", dt.date(2026, 6, 3)))
    assert warnings == [
        "L'enregistrement du CQP COS au RNCP (RNCP35543) a pris fin le 19/04/2026 : une épreuve du 03/06/2026 ne "
        "pourrait mener à une certification enregistrée qu'après son renouvellement."
    ]
    _, warnings = check_plan(store, ref, PlanRequest(world.gc_vae, "GDU", dt.date(2026, 12, 3)))
    assert warnings[0].startswith(
        "Le référentiel cqp-cos-gc 2021.09-indicatif.1 est valable du 20/09/2021 au 08/07/2026 : l'épreuve du 03/12/2026"
    )
    assert any("CQP GC au RNCP (RNCP35729) a pris fin le 08/07/2026" in w for w in warnings)
    # warnings do not refuse: the plan is stored
    assert plan(store, ref, PlanRequest(world.gc_vae, "GDU", dt.date(2026, 12, 3)))


def test_the_first_of_the_month_is_written_1er() -> None:
    import datetime as dt

    from cqp_desktop.core.model.calendar import french_day

    assert french_day(dt.date(2026, 8, 1)) == "1er août 2026"
    assert french_day(dt.date(2026, 8, 2)) == "2 août 2026"
