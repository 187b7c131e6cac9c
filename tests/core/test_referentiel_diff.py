"""Differences between two référentiels, and activating a new one for new épreuves only."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from cqp_desktop.core.model.referentiel import Referentiel, canonical_data, from_data
from cqp_desktop.core.model.referentiel_diff import Change, Kind, Scope, diff
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path

BASE = canonical_data(default_referentiel_path())


def _data() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def _bloc(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(b for b in data["blocs"] if b["code"] == code)


def _competence(data: dict[str, Any], bloc: str, code: str) -> dict[str, Any]:
    return next(c for c in _bloc(data, bloc)["competences"] if c["code"] == code)


def _official(data: dict[str, Any]) -> dict[str, Any]:
    data["referentiel"]["version"] = "2026.01-officiel"
    data["referentiel"]["criteria_status"] = "officiel"
    data["referentiel"].pop("criteria_notice", None)
    return data


def _changes(new: dict[str, Any]) -> set[tuple[Kind, Scope, str, str]]:
    return {(c.kind, c.scope, c.key, c.field) for c in diff(from_data(BASE), from_data(new)).changes}


def test_same_referentiel_has_no_difference(referentiel: Referentiel) -> None:
    result = diff(referentiel, referentiel)
    assert result.empty and result.summary() == "aucune différence"


def test_version_and_status_changes() -> None:
    assert _changes(_official(_data())) == {
        (Kind.CHANGED, Scope.REFERENTIEL, "référentiel", "version"),
        (Kind.CHANGED, Scope.REFERENTIEL, "référentiel", "statut des critères"),
    }


def test_criteria_added_removed_reworded() -> None:
    data = _data()
    c1 = _competence(data, "GRU", "C1")
    first = c1["criteria"][0]
    c1["criteria"][0] = (first if isinstance(first, str) else first["label"]) + " (reformulé)"
    c1["criteria"].append("Critère nouveau et observable")
    c2 = _competence(data, "MDR", "C7")
    removed_count = len(c2["criteria"])
    c2["criteria"].pop()
    changes = diff(from_data(BASE), from_data(data))
    found = {(c.kind, c.key) for c in changes.changes}
    new_key = f"GRU.C1.{len(c1['criteria'])}"
    assert found == {
        (Kind.CHANGED, "GRU.C1.1"),
        (Kind.ADDED, new_key),
        (Kind.REMOVED, f"MDR.C7.{removed_count}"),
    }
    reworded = next(c for c in changes.changes if c.kind is Kind.CHANGED)
    assert reworded.describe().startswith("GRU.C1.1 : libellé modifié : « ")
    assert reworded.after is not None and reworded.after.endswith("(reformulé) »")
    added = next(c for c in changes.changes if c.kind is Kind.ADDED)
    assert added.describe() == f"{new_key} : ajouté — « Critère nouveau et observable »"
    assert changes.summary() == "1 ajout, 1 suppression, 1 modification"


def test_competence_reworded_and_removed() -> None:
    data = _data()
    _competence(data, "GDU", "C12")["wording"] = "Nouveau libellé"
    _bloc(data, "TD")["competences"].pop()  # TD C18
    found = _changes(data)
    assert (Kind.CHANGED, Scope.COMPETENCE, "GDU.C12", "libellé") in found
    assert (Kind.REMOVED, Scope.COMPETENCE, "TD.C18") in {(k, s, key) for k, s, key, _ in found}
    # the criteria of a removed competence are listed as removed criteria too
    assert any(k is Kind.REMOVED and s is Scope.CRITERION and key.startswith("TD.C18.") for k, s, key, _ in found)


def test_phase_duration_and_new_phase() -> None:
    data = _data()
    phases = _bloc(data, "GDU")["phases"]
    phases[0]["minutes"] = 60
    phases.insert(1, {"code": "debrief", "label": "Débriefing", "minutes": 5})
    changes = [c for c in diff(from_data(BASE), from_data(data)).changes if c.scope is Scope.PHASE]
    assert [(c.kind, c.key, c.field, c.before, c.after) for c in changes] == [
        (Kind.CHANGED, f"GDU › {phases[0]['code']}", "durée", "75 min", "60 min"),
        (Kind.ADDED, "GDU › debrief", "", None, "« Débriefing », 5 min"),
    ]


def test_threshold_change_is_reported() -> None:
    data = _data()
    data["thresholds"]["bloc_percent"] = 75
    (change,) = diff(from_data(BASE), from_data(data)).changes
    assert change.scope is Scope.THRESHOLD
    assert (change.field, change.before, change.after) == ("seuil de validation d'un bloc", "80 %", "75 %")


def test_bloc_removed_from_a_certification_and_removed_bloc() -> None:
    data = _data()
    data["blocs"] = [b for b in data["blocs"] if b["code"] != "TD"]
    cos = next(c for c in data["certifications"] if c["code"] == "COS")
    cos["blocs"] = ["GRU", "MDR", "POS"]
    changes = diff(from_data(BASE), from_data(data)).changes
    assert (Kind.REMOVED, Scope.BLOC, "TD") in {(c.kind, c.scope, c.key) for c in changes}
    assert (Kind.CHANGED, Scope.CERTIFICATION, "COS") in {(c.kind, c.scope, c.key) for c in changes}
    # a removed bloc is one line, not one per competence and criterion
    assert not any(c.key.startswith("TD.") for c in changes)


# ---------------------------------------------------------------------------------------------
# properties


def _mutations() -> st.SearchStrategy[list[tuple[str, int, int]]]:
    return st.lists(
        st.tuples(st.sampled_from(["reword", "drop", "add", "minutes"]), st.integers(0, 50), st.integers(0, 50)),
        max_size=6,
    )


def _mutate(ops: list[tuple[str, int, int]]) -> dict[str, Any]:
    data = _data()
    for n, (op, i, j) in enumerate(ops):
        bloc = data["blocs"][i % len(data["blocs"])]
        if op == "minutes":
            phase = bloc["phases"][j % len(bloc["phases"])]
            phase["minutes"] = phase["minutes"] % 90 + 1
            continue
        competence = bloc["competences"][j % len(bloc["competences"])]
        criteria = competence["criteria"]
        if op == "reword":
            k = n % len(criteria)
            label = criteria[k] if isinstance(criteria[k], str) else criteria[k]["label"]
            criteria[k] = f"{label} ({n})"
        elif op == "drop" and len(criteria) > 1:
            criteria.pop()
        elif op == "add":
            criteria.append(f"Critère ajouté {n}")
    return data


@hsettings(max_examples=40, deadline=None)
@given(_mutations())
def test_diff_is_antisymmetric(ops: list[tuple[str, int, int]]) -> None:
    old, new = from_data(BASE), from_data(_mutate(ops))
    forward = {c.reversed() for c in diff(old, new).changes}
    backward = set(diff(new, old).changes)
    assert forward == backward
    assert diff(old, new).empty == (old.content_hash == new.content_hash)


@hsettings(max_examples=40, deadline=None)
@given(_mutations())
def test_diff_accounts_for_every_criterion(ops: list[tuple[str, int, int]]) -> None:
    old, new = from_data(BASE), from_data(_mutate(ops))
    changes = diff(old, new).changes
    old_keys = {c.key: c.label for b in old.blocs.values() for c in b.criteria()}
    new_keys = {c.key: c.label for b in new.blocs.values() for c in b.criteria()}
    crit = {(c.kind, c.key) for c in changes if c.scope is Scope.CRITERION}
    assert crit == (
        {(Kind.ADDED, k) for k in new_keys.keys() - old_keys.keys()}
        | {(Kind.REMOVED, k) for k in old_keys.keys() - new_keys.keys()}
        | {(Kind.CHANGED, k) for k in old_keys.keys() & new_keys.keys() if old_keys[k] != new_keys[k]}
    )


# ---------------------------------------------------------------------------------------------
# activation: new épreuves only


def test_activating_a_new_referentiel_does_not_alter_a_running_epreuve(store: Store, referentiel: Referentiel) -> None:
    org = store.add_organisme("CPAM75", "CPAM de Paris", branche="Maladie")
    cand = store.add_candidate("Martin", "Léa", org, "COS", "formation")
    running = store.plan_epreuve(cand, referentiel, "GRU", "2026-12-02")
    store.add_timer_event(running, "start", mono_ns=0, elapsed_ms=0, phase="observation")
    store.record_decision(running, "GRU.C1.1", Decision.VALIDE)

    data = _official(_data())
    c1 = _competence(data, "GRU", "C1")
    c1["criteria"] = ["Un seul critère officiel", "Un deuxième critère officiel"]
    new = store.register_referentiel(data, activate=True)

    assert store.active_referentiel() == new
    kept = store.epreuve_referentiel(running)
    assert kept.content_hash == referentiel.content_hash
    assert [c.label for c in kept.bloc("GRU").competence("C1").criteria] == [
        c.label for c in referentiel.bloc("GRU").competence("C1").criteria
    ]
    assert store.epreuve(running)["referentiel_version"] == referentiel.version
    assert store.current_decisions(running) == {"GRU.C1.1": Decision.VALIDE}
    # a new épreuve gets the new one
    later = store.plan_epreuve(cand, store.active_referentiel(), "MDR", "2026-12-03")
    assert store.epreuve_referentiel(later).version == "2026.01-officiel"
    assert store.verify_audit_chain() == []


def test_change_reversed_twice_is_itself() -> None:
    change = Change(Kind.ADDED, Scope.CRITERION, "GRU.C1.9", "", None, "« x »")
    assert change.reversed().reversed() == change
    assert change.reversed().kind is Kind.REMOVED


@pytest.mark.parametrize("kind", list(Kind))
def test_kind_labels_are_french(kind: Kind) -> None:
    assert kind.label in {"ajouté", "supprimé", "modifié"}
