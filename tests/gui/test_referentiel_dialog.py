"""Importing a référentiel from the UI: French problems, differences shown, new épreuves only."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.referentiel import canonical_data
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.gui.referentiel_dialog import ReferentielDialog
from cqp_desktop.resources import default_referentiel_path

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext.open(tmp_path / "donnees")
    yield ctx
    ctx.close()


def _official(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    data = copy.deepcopy(canonical_data(default_referentiel_path()))
    data["referentiel"].update(version="2027.01-officiel", criteria_status="officiel", valid_until="2031-01-01")
    data["referentiel"].pop("criteria_notice", None)
    gru = next(b for b in data["blocs"] if b["code"] == "GRU")
    gru["competences"][0]["criteria"].append("Critère officiel supplémentaire")
    gru["phases"][0]["minutes"] = 25
    data["revision"] = {"reference": "Référentiel officiel 2027", "departures": ["GRU.modalites"]}
    path = tmp_path / "officiel.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, data


def _dialog(qtbot, context: AppContext) -> ReferentielDialog:  # type: ignore[no-untyped-def]
    dialog = ReferentielDialog(context.store, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tree(dialog: ReferentielDialog) -> dict[str, list[tuple[str, str]]]:
    out = {}
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        out[top.text(0)] = [(top.child(j).text(0), top.child(j).text(1)) for j in range(top.childCount())]
    return out


def test_invalid_file_lists_french_problems_and_cannot_be_activated(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "faux.toml"
    bad.write_text(
        default_referentiel_path().read_text(encoding="utf-8").replace("minutes = 30", "minutes = -30", 1),
        encoding="utf-8",
    )
    dialog = _dialog(qtbot, context)
    assert not dialog.load_file(bad)
    text = dialog.status.text()
    assert text.startswith("Ce fichier ne peut pas être utilisé")
    assert "blocs[0] (GRU) › phases[0] (observation) › minutes" in text and "trop petite" in text
    assert not dialog.activate_button.isEnabled()
    assert dialog.tree.topLevelItemCount() == 0


def test_missing_file_is_named(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context)
    assert not dialog.load_file(tmp_path / "absent.toml")
    assert "fichier introuvable" in dialog.status.text()


def test_same_referentiel_has_nothing_to_activate(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context)
    assert not dialog.load_file(default_referentiel_path())
    assert "identique au référentiel actif" in dialog.status.text()
    assert not dialog.activate_button.isEnabled()


def test_differences_are_shown_then_activation_leaves_running_epreuve_alone(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = context.store
    old = store.active_referentiel()
    assert old is not None
    org = store.add_organisme("CPAM", "CPAM de Brocéliande", branche="Maladie")
    candidate = store.add_candidate("Martin", "Léa", org, "COS", "formation")
    running = store.plan_epreuve(candidate, old, "GRU", "2026-12-02")
    store.add_timer_event(running, "start", mono_ns=0, elapsed_ms=0, phase="observation")
    store.record_decision(running, "GRU.C1.1", Decision.VALIDE)
    path, _ = _official(tmp_path)

    dialog = _dialog(qtbot, context)
    assert dialog.load_file(path)
    assert "2027.01-officiel" in dialog.status.text()
    assert "1 ajout" in dialog.status.text()
    tree = _tree(dialog)
    assert ("~ version", "2021.09-indicatif.1 → 2027.01-officiel") in tree["Référentiel (3)"]
    assert ("~ GRU › observation", "durée : 30 min → 25 min") in tree["Phases et durées (1)"]
    added = [row for row in tree["Critères (1)"] if row[0].startswith("+ GRU.C1.")]
    assert added and added[0][1] == "ajouté : « Critère officiel supplémentaire »"
    assert "1 épreuve(s) déjà planifiée(s)" in dialog.effect.text()
    assert dialog.activate_button.isEnabled()

    dialog.confirm = lambda title, text, action: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.activated) as signal:
        dialog.activate_button.click()
    new = signal.args[0]
    assert new.version == "2027.01-officiel"
    assert store.active_referentiel() == new
    # the running épreuve is untouched: same référentiel, same grid, same decisions, same timer
    assert store.epreuve_referentiel(running).content_hash == old.content_hash
    assert len(store.epreuve_referentiel(running).bloc("GRU").competences[0].criteria) == len(
        old.bloc("GRU").competences[0].criteria
    )
    assert store.epreuve_referentiel(running).bloc("GRU").phases[0].minutes == 30
    assert store.current_decisions(running) == {"GRU.C1.1": Decision.VALIDE}
    assert [e["kind"] for e in store.timer_events(running)] == ["start"]
    assert "2027.01-officiel" in dialog.current.text() and "critères officiels" in dialog.current.text()
    assert not dialog.activate_button.isEnabled()


def test_declining_activation_changes_nothing(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _ = _official(tmp_path)
    before = context.store.active_referentiel()
    dialog = _dialog(qtbot, context)
    assert dialog.load_file(path)
    dialog.confirm = lambda title, text, action: False  # type: ignore[method-assign]
    assert dialog.activate() is None
    assert context.store.active_referentiel() == before


def test_activation_uses_the_content_that_was_compared(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _ = _official(tmp_path)
    dialog = _dialog(qtbot, context)
    assert dialog.load_file(path)
    path.write_text("modifié entre-temps", encoding="utf-8")  # the file changes after it was shown
    dialog.confirm = lambda title, text, action: True  # type: ignore[method-assign]
    ref = dialog.activate()
    assert ref is not None and ref.version == "2027.01-officiel"


def test_expired_referentiel_is_flagged(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(canonical_data(default_referentiel_path()))
    data["referentiel"]["version"] = "2021.09-ancien"
    path = tmp_path / "ancien.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = _dialog(qtbot, context)
    assert dialog.load_file(path)
    assert "n'est pas valable aujourd'hui" in dialog.status.text()  # valid until 08/07/2026
    assert "critères sont indicatifs" in dialog.status.text()


def test_an_undeclared_departure_from_the_letter_is_refused(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, data = _official(tmp_path)
    del data["revision"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = _dialog(qtbot, context)
    assert not dialog.load_file(path)
    assert "bloc GRU : épreuve observation 25 min" in dialog.status.text()
    assert "écart à la lettre Ucanss non déclaré" in dialog.status.text()
    assert not dialog.activate_button.isEnabled()


def test_a_declared_revision_is_shown_as_a_warning(qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _ = _official(tmp_path)
    dialog = _dialog(qtbot, context)
    assert dialog.load_file(path)
    assert "révision déclarée (Référentiel officiel 2027) : bloc GRU" in dialog.status.text()
