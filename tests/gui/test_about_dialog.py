"""« À propos »: version, active référentiel, and whether its criteria are indicative."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop import __version__
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.referentiel import canonical_data
from cqp_desktop.gui.about_dialog import AboutDialog
from cqp_desktop.resources import default_referentiel_path


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext.open(tmp_path)
    yield ctx
    ctx.close()


def test_shows_version_referentiel_and_indicative_warning(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version.text() == f"Version {__version__}"
    ref = context.referentiel
    assert ref.version in dialog.referentiel_label.text()
    assert ref.content_hash in dialog.referentiel_label.text()
    assert "20/09/2021" in dialog.referentiel_label.text()
    assert dialog.criteria.text().startswith("⚠ Critères indicatifs")
    assert str(context.data_dir) in dialog.details.text()


def test_official_referentiel_is_shown_as_official(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(canonical_data(default_referentiel_path()))
    data["referentiel"].update(version="2027.01-officiel", criteria_status="officiel")
    data["referentiel"].pop("criteria_notice", None)
    context.store.register_referentiel(data, activate=True)
    dialog = AboutDialog(context)  # reads the store, not the référentiel held since start-up
    qtbot.addWidget(dialog)
    assert "2027.01-officiel" in dialog.referentiel_label.text()
    assert dialog.criteria.text() == "✔ Critères officiels du référentiel d'évaluation."
