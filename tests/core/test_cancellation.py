"""An épreuve that did not take place (candidate absent): recorded, read-only, and out of the package."""

from __future__ import annotations

import sqlite3

import pytest

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.overview import EpreuveState, epreuve_lines
from cqp_desktop.core.site.package_export import session_epreuve_ids
from cqp_desktop.core.site.runner import EpreuveRunner, RunnerError
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store

from .runner_fixtures import FakeMono, make_world


def _two(store: Store, referentiel: Referentiel) -> tuple[int, int, int]:
    world = make_world(store)
    session = store.add_session("Session 12/2026", "2026-12")
    kw = dict(session_id=session, president_id=world.president, expert_id=world.expert_ok)
    absent = store.plan_epreuve(world.cos_formation, referentiel, "MDR", "2026-12-02", **kw)
    present = store.plan_epreuve(world.cos_formation, referentiel, "TD", "2026-12-03", **kw)
    return session, absent, present


def test_an_absent_candidates_epreuve_is_cancelled_and_leaves_the_package(store: Store, referentiel: Referentiel) -> None:
    session, absent, present = _two(store, referentiel)
    assert session_epreuve_ids(store, session) == [absent, present]
    store.cancel_epreuve(absent, "Candidat absent (arrêt maladie)")
    assert session_epreuve_ids(store, session) == [present]
    states = {line.id: line.state for line in epreuve_lines(store)}
    assert states[absent] == EpreuveState.ANNULEE and states[present] == EpreuveState.A_VENIR
    runner = EpreuveRunner(store, absent, now_ns=FakeMono())
    assert runner.read_only
    with pytest.raises(RunnerError, match="Épreuve annulée \\(Candidat absent"):
        runner.start()
    with pytest.raises(sqlite3.IntegrityError, match="épreuve annulée"):
        store.add_timer_event(absent, "start", mono_ns=1, phase="presentation")
    with pytest.raises(StoreError, match="déjà annulée"):
        store.cancel_epreuve(absent, "doublon")
    with pytest.raises(sqlite3.IntegrityError, match="interdite"):
        with store.connection().atomic():
            store.connection().execute("DELETE FROM epreuve_cancellations")


def test_a_started_epreuve_cannot_be_cancelled_and_a_reason_is_required(store: Store, referentiel: Referentiel) -> None:
    _, absent, present = _two(store, referentiel)
    with pytest.raises(StoreError, match="motif"):
        store.cancel_epreuve(absent, "   ")
    runner = EpreuveRunner(store, present, now_ns=FakeMono())
    runner.start()
    with pytest.raises(StoreError, match="épreuve commencée"):
        store.cancel_epreuve(present, "Candidat parti")
    assert store.cancellation(present) is None
