"""The runner model through the real Store: store-before-show, undo, notes, to-discuss, MDR, VAE, recovery."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqp_desktop.core.model.rules import Decision, Mode, evaluate
from cqp_desktop.core.site.clock import ClockState
from cqp_desktop.core.site.dossier import held_blocs, load_dossier
from cqp_desktop.core.site.runner import EpreuveRunner, RunnerError
from cqp_desktop.core.storage.store import Store
from tests.core.runner_fixtures import FakeMono, make_world
from tests.trust_helpers import certify


def _gru(store: Store, mode: Mode = Mode.CERTIFICATION) -> tuple[int, object]:
    world = make_world(store)
    ref = store.active_referentiel()
    return store.plan_epreuve(world.cos_formation, ref, "GRU", "2026-12-02", alternative="double_ecoute", mode=mode,
        president_id=world.president, expert_id=world.expert_ok,
    ), world


def test_every_action_is_stored_before_it_is_exposed(store: Store) -> None:
    epreuve, _ = _gru(store)
    mono = FakeMono()
    runner = EpreuveRunner(store, epreuve, now_ns=mono)
    seen: list[tuple[str, int]] = []
    runner.subscribe(lambda topic: seen.append((topic, store.connection()["decisions"].count + store.connection()["timer_events"].count)))
    runner.start()
    mono.advance(60)
    runner.set_decision("GRU.C1.1", Decision.VALIDE)
    assert seen == [("clock", 1), ("decisions", 2)]
    assert store.decision_rows(epreuve)[-1].phase == "observation"
    assert store.current_decisions(epreuve) == {"GRU.C1.1": Decision.VALIDE}


def test_undo_notes_and_result_follow_the_rules(store: Store) -> None:
    epreuve, _ = _gru(store)
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    runner.start()
    for criterion in runner.bloc.criteria():
        runner.set_decision(criterion.key, Decision.VALIDE)
    runner.set_decision("GRU.C1.1", Decision.NON_VALIDE)
    assert runner.result() == evaluate(runner.referentiel, "GRU", store.current_decisions(epreuve))
    assert runner.undo() == "GRU.C1.1"
    assert runner.decision("GRU.C1.1") == Decision.VALIDE
    assert runner.result().validated
    assert runner.save_note("GRU.C1", "Questionne bien")
    assert not runner.save_note("GRU.C1", "Questionne bien")  # unchanged: no new version
    assert store.current_notes(epreuve)[("GRU.C1", None)] == "Questionne bien"


def test_to_discuss_lists_non_observe_by_competence(store: Store) -> None:
    epreuve, _ = _gru(store)
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    runner.start()
    for criterion in runner.bloc.criteria():
        if not criterion.key.startswith("GRU.C5"):
            runner.set_decision(criterion.key, Decision.VALIDE)
    assert not runner.observation_over
    runner.next_phase()
    runner.set_count(3)
    runner.next_phase()
    assert runner.observation_over
    [item] = runner.to_discuss()
    assert item.competence.code == "C5" and [c.key for c in item.criteria] == ["GRU.C5.1", "GRU.C5.2", "GRU.C5.3"]


def test_reopen_after_clean_pause_and_after_crash(store: Store) -> None:
    epreuve, _ = _gru(store)
    mono = FakeMono()
    runner = EpreuveRunner(store, epreuve, now_ns=mono)
    runner.start()
    mono.advance(125)
    runner.set_decision("GRU.C2.1", Decision.NON_VALIDE)
    runner.pause("Fermeture de l'application")
    again = EpreuveRunner(store, epreuve, now_ns=FakeMono(start=3))
    assert not again.recovered_now and again.reading().elapsed_ms == 125_000
    again.resume()
    again.clock.now_ns.advance(5)  # type: ignore[attr-defined]
    again.set_count(2)  # acknowledged at 130 s
    again.clock.now_ns.advance(20)  # type: ignore[attr-defined]
    again.set_decision("GRU.C2.2", Decision.VALIDE)  # a decision is an acknowledged moment too: 150 s
    again.clock.now_ns.advance(400)  # type: ignore[attr-defined]
    # crash: no pause stored. Reopen in a "new process".
    third = EpreuveRunner(store, epreuve, now_ns=FakeMono(start=1))
    assert third.recovered_now
    r = third.reading()
    assert (r.state, r.elapsed_ms, r.recovered) == (ClockState.PAUSED, 150_000, True)
    assert store.timer_events(epreuve)[-1]["elapsed_ms"] == 150_000
    assert store.timer_events(epreuve)[-1]["kind"] == "recovered"
    assert third.decisions() == {"GRU.C2.1": Decision.NON_VALIDE, "GRU.C2.2": Decision.VALIDE}


def test_mdr_presented_competences_and_warning(store: Store) -> None:
    world = make_world(store)
    epreuve = store.plan_epreuve(world.cos_formation, store.active_referentiel(), "MDR", "2026-12-02")
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    assert runner.presentation_warning() == "Au moins 2 compétences à aborder : 0 cochée ; sinon l'avis ne pourra pas être signé."
    runner.set_presented("MDR.C7", True)
    runner.set_presented("MDR.C9", True)
    assert runner.presentation_warning() is None
    runner.set_presented("MDR.C9", False)
    assert EpreuveRunner(store, epreuve, now_ns=FakeMono()).presented() == {"MDR.C7"}
    with pytest.raises(RunnerError):
        runner.set_presented("GRU.C1", True)


def test_vae_single_interview_and_livret_situations(store: Store) -> None:
    world = make_world(store)
    epreuve = store.plan_epreuve(world.gc_vae, store.active_referentiel(), "GDU", "2026-12-03")
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    assert [(p.code, p.seconds) for p in runner.phases] == [("vae_entretien", 45 * 60)]
    assert "au moins 1 situation" in runner.situation_warning()
    runner.set_situation(1, "Ouverture de droits complexe", "Dossier avec pièces manquantes", ["GDU.C12", "GDU.C13"])
    runner.set_situation(2, "Révision", "", ["GDU.C14"])
    with pytest.raises(RunnerError, match="au plus 2"):
        runner.set_situation(3, "Trop", "", ["GDU.C14"])
    with pytest.raises(RunnerError, match="au moins une compétence"):
        runner.set_situation(2, "Sans", "", [])
    runner.remove_situation(2)
    reopened = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    assert [(s.slot, s.title, s.competences) for s in reopened.situations()] == [
        (1, "Ouverture de droits complexe", ("GDU.C12", "GDU.C13"))
    ]


def test_prepositionnement_never_counts_and_finished_certification_does(store: Store) -> None:
    pre, world = _gru(store, Mode.PREPOSITIONNEMENT)
    runner = EpreuveRunner(store, pre, now_ns=FakeMono())
    runner.start()
    for criterion in runner.bloc.criteria():
        runner.set_decision(criterion.key, Decision.VALIDE)
    for _ in runner.phases:
        runner.next_phase()
    assert runner.ended and runner.result().validated
    assert held_blocs(store, world.cos_formation) == frozenset()
    cert = store.plan_epreuve(world.cos_formation, store.active_referentiel(), "GRU", "2026-12-04", alternative="accueil_physique",
        president_id=world.president, expert_id=world.expert_ok,
    )
    runner = EpreuveRunner(store, cert, now_ns=FakeMono())
    runner.start()
    for criterion in runner.bloc.criteria():
        runner.set_decision(criterion.key, Decision.VALIDE)
    assert held_blocs(store, world.cos_formation) == frozenset()  # not finished yet
    for _ in runner.phases:
        runner.next_phase()
    assert held_blocs(store, world.cos_formation) == frozenset()  # finished, but no signed avis yet
    _sign_avis(store, cert, world.president, validated=True)
    dossier = load_dossier(store, world.cos_formation, store.active_referentiel())
    assert dossier.held == {"GRU"}
    assert dossier.to_certify == ("MDR", "POS", "TD")
    [gc] = dossier.other_cqp
    assert gc.certification == "GC" and gc.held == ("GRU",)


def test_locked_epreuve_is_read_only(store: Store) -> None:
    epreuve, _ = _gru(store)
    store.lock_epreuve(epreuve)
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    with pytest.raises(RunnerError, match="signée"):
        runner.set_decision("GRU.C1.1", Decision.VALIDE)


def test_certifying_epreuve_needs_its_jury_to_start(store: Store) -> None:
    world = make_world(store)
    epreuve = store.plan_epreuve(world.cos_formation, store.active_referentiel(), "TD", "2026-12-02")
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    with pytest.raises(RunnerError, match="Composez le jury"):
        runner.start()
    assert store.timer_events(epreuve) == []


CHILD = r"""
import sys, time
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.site.runner import EpreuveRunner
from cqp_desktop.core.model.rules import Decision
store = Store.open(sys.argv[1])
runner = EpreuveRunner(store, int(sys.argv[2]))
runner.start()
keys = [c.key for c in runner.bloc.criteria()][:7]
for i, key in enumerate(keys):
    runner.set_decision(key, Decision.VALIDE if i % 3 else Decision.NON_VALIDE)
time.sleep(0.05)
runner.pause("Appel coupé")
runner.resume()
time.sleep(0.05)
runner.save_note("GRU.C1", "Noté avant l'arrêt brutal")
runner.set_decision(keys[0], Decision.VALIDE)
print("READY", runner.reading().elapsed_ms, flush=True)
time.sleep(600)
"""


def test_sigkilled_process_loses_no_acknowledged_decision(store: Store, db_path) -> None:  # type: ignore[no-untyped-def]
    """A real process using the real runner and store is SIGKILLed mid-phase; reopening finds everything
    it acknowledged, the phase paused at the last stored event, and the interruption on record."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    epreuve, _ = _gru(store)
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(epreuve)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("READY"), child.stderr.read()  # type: ignore[union-attr]
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    assert store.timer_events(epreuve)[-1]["kind"] == "resume"
    # the latest acknowledged moment: the last decision, stored with its phase time
    last_decision = store.connection().execute("SELECT elapsed_ms FROM decisions ORDER BY id DESC LIMIT 1").fetchone()[0]
    reopened = EpreuveRunner(Store.open(db_path), epreuve, now_ns=FakeMono(start=1))
    assert reopened.recovered_now
    r = reopened.reading()
    assert r.state == ClockState.PAUSED and r.recovered
    assert r.elapsed_ms == last_decision >= 100
    decisions = reopened.decisions()
    assert len(decisions) == 7 and decisions["GRU.C1.1"] == Decision.VALIDE
    assert reopened.note("GRU.C1") == "Noté avant l'arrêt brutal"
    assert reopened.store.verify_audit_chain() == []
    reopened.store.close()


def test_changing_the_system_clock_changes_nothing(db_path) -> None:  # type: ignore[no-untyped-def]
    """Wall-clock time is only a label on rows; elapsed time comes from the monotonic clock and the journal."""
    import datetime as dt

    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path

    now = [dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)]
    store = Store.open(db_path, wall_clock=lambda: now[0])
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    epreuve, _ = _gru(store)
    mono = FakeMono()
    runner = EpreuveRunner(store, epreuve, now_ns=mono)
    runner.start()
    now[0] -= dt.timedelta(hours=30)  # someone sets the system clock back
    mono.advance(200)
    runner.set_decision("GRU.C1.1", Decision.VALIDE)
    runner.pause("Vérification")
    start, pause = store.timer_events(epreuve)
    assert pause["wall_time"] < start["wall_time"]
    assert EpreuveRunner(store, epreuve, now_ns=FakeMono(start=5)).reading().elapsed_ms == 200_000
    store.close()


@settings(max_examples=15, deadline=None)
@given(st.lists(st.one_of(st.tuples(st.integers(0, 26), st.sampled_from(list(Decision))), st.just("undo")), max_size=25))
def test_any_sequence_of_ticks_and_undos_matches_the_store_and_the_rules(ops: list) -> None:  # type: ignore[type-arg]
    """What the runner exposes is always what the store holds, and its result is the rules engine's."""
    import tempfile
    from pathlib import Path

    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.resources import default_referentiel_path

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "db.sqlite3")
        store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
        epreuve, _ = _gru(store)
        runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
        keys = [c.key for c in runner.bloc.criteria()]
        for op in ops:
            if op == "undo":
                runner.undo()
            else:
                runner.set_decision(keys[op[0]], op[1])
            stored = store.current_decisions(epreuve)
            assert {k: v for k, v in runner.decisions().items() if v != Decision.NON_OBSERVE} == {
                k: v for k, v in stored.items() if v != Decision.NON_OBSERVE
            }
            assert runner.result() == evaluate(runner.referentiel, "GRU", stored)
        store.close()


def _sign_avis(store: Store, epreuve_id: int, president: int, validated: bool) -> None:
    from cqp_desktop.core.site import avis as av

    from .avis_fixtures import meet_minimums, tiny_png

    meet_minimums(store, epreuve_id)
    if store.signing_identity(president) is None:
        certify(store, president, "phrase du jury")
    avis_id = av.draft_avis(store, epreuve_id, validated, preconisations="" if validated else "Reprendre le bloc.")
    av.sign_avis(store, avis_id, president, "phrase du jury", tiny_png())


def test_the_jurys_signed_avis_decides_the_ccp_not_the_computed_result(store: Store) -> None:
    epreuve, world = _gru(store)
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    runner.start()
    for criterion in runner.bloc.criteria():  # every criterion validated: computed result "validé"
        runner.set_decision(criterion.key, Decision.VALIDE)
    for _ in runner.phases:
        if runner.clock.current.count_min is not None:
            runner.set_count(3)  # 2 to 5 courriers / courriels: the letter's condition
        runner.next_phase()
    assert runner.result().validated
    from cqp_desktop.core.site import avis as av

    from .avis_fixtures import tiny_png

    certify(store, world.president, "phrase du jury")
    avis_id = av.draft_avis(store, epreuve, False, justification="Posture inadaptée observée hors grille.",
                            preconisations="Reprendre l'accueil physique avec un tuteur.")
    av.sign_avis(store, avis_id, world.president, "phrase du jury", tiny_png())
    assert held_blocs(store, world.cos_formation) == frozenset()  # the jury departed, with a justification
