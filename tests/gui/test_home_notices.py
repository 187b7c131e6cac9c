"""The home banner tells what a jury member must act on: no Ucanss authority installed, and sessions kept
past the retention rule after the Ucanss's acknowledgment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cqp_desktop.app_context import AppContext
from cqp_desktop.core.exchange.ucanss_files import acknowledgment_file
from cqp_desktop.core.site.acknowledgment import import_acknowledgment
from cqp_desktop.core.site.package_export import export_package
from cqp_desktop.core.storage import settings
from cqp_desktop.core.ucanss import authority
from cqp_desktop.core.ucanss.national import import_package, open_national
from cqp_desktop.gui.application import MainWindow
from tests.core.package_fixtures import PASSPHRASE, signed_session
from tests.trust_helpers import AUTHORITY_PASSPHRASE, anchors, shared_authority


def test_the_banner_says_when_nobody_can_sign_and_when_a_purge_is_due(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(tmp_path / "site")
    window = MainWindow(context, today=dt.date.today())
    qtbot.addWidget(window)
    assert "Aucune autorité Ucanss n'est installée" in window.home.notice.text()

    store = context.store
    session = signed_session(store, context.referentiel, candidates=1)  # enrols the jury: the authority is installed
    exported = export_package(store, session.session_id, session.president_id, PASSPHRASE, tmp_path)
    db = open_national(tmp_path / "n.sqlite3")
    outcome = import_package(db, exported.path.read_bytes(), trust=anchors())
    db.close()
    key, cert = authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)
    import_acknowledgment(store, acknowledgment_file(outcome.acknowledgment, key, cert))
    window.refresh_notice()
    assert "Aucune autorité" not in window.home.notice.text() and "synchronisée" not in window.home.notice.text()

    settings.save(tmp_path / "site", settings.Settings({**settings.defaults(tmp_path / "site").values, "purge_reminder_days": 1}))
    window.today = dt.date.today() + dt.timedelta(days=2)
    window.refresh_notice()
    assert "synchronisée avec l'Ucanss depuis 2 jours : effacez les données personnelles" in window.home.notice.text()
    window.close()
    context.close()
