"""Render the settings, backups, référentiel, about, guide and trust windows to docs/screenshots/2x-*.png.

Companion of scripts/screenshots.py (the épreuve screens), for the administration dialogs:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_admin.py
Demo data in a temporary folder; fixed backup dates so the pictures do not change from run to run.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cqp_desktop.app_context import AppContext  # noqa: E402
from cqp_desktop.core.model.referentiel import canonical_data  # noqa: E402
from cqp_desktop.core.storage import backup  # noqa: E402
from cqp_desktop.gui.about_dialog import AboutDialog  # noqa: E402
from cqp_desktop.gui.help_view import HelpDialog  # noqa: E402
from cqp_desktop.gui.referentiel_dialog import ReferentielDialog  # noqa: E402
from cqp_desktop.gui.settings_dialog import SettingsDialog  # noqa: E402
from cqp_desktop.gui.trust_dialog import TrustDialog  # noqa: E402
from cqp_desktop.resources import default_referentiel_path  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 12, 2)


def grab(widget: QWidget, name: str) -> Path:
    widget.show()
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))
    return path


def official_referentiel(folder: Path) -> Path:
    """The shipped référentiel turned 'official', with a few realistic changes to show."""
    data = copy.deepcopy(canonical_data(default_referentiel_path()))
    data["referentiel"].update(version="2027.01-officiel", criteria_status="officiel", valid_until="2031-04-19")
    data["referentiel"].pop("criteria_notice", None)
    gru = next(b for b in data["blocs"] if b["code"] == "GRU")
    c1 = gru["competences"][0]
    first = c1["criteria"][0]
    c1["criteria"][0] = "Identifie le besoin exprimé et le besoin réel de l'usager" if isinstance(first, str) else first
    c1["criteria"].append("Vérifie la compréhension de la réponse par l'usager")
    gdu = next(b for b in data["blocs"] if b["code"] == "GDU")
    gdu["phases"][0]["minutes"] = 60
    td = next(b for b in data["blocs"] if b["code"] == "TD")
    td["competences"][-1]["criteria"].pop()
    path = folder / "referentiel-officiel-2027.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    # a fixed folder, so the paths shown in the pictures do not change from run to run
    base = Path(tempfile.gettempdir()) / "cqp-captures"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir()
    try:
        tmp = str(base)
        folder = base / "cqp-desktop"
        context = AppContext.open(folder, demo=True)
        try:
            for moment, reason in (
                (dt.datetime(2026, 12, 1, 8, 2, 11), "quotidienne"),
                (dt.datetime(2026, 12, 1, 11, 48, 30), "finalisation"),
                (dt.datetime(2026, 12, 1, 17, 5, 40), "export"),
                (dt.datetime(2026, 12, 2, 8, 0, 52), "quotidienne"),
            ):
                backup.backup_now(context.store, folder, reason, now=moment)
            settings = SettingsDialog(context)
            grab(settings, "20-reglages")
            settings.tabs.setCurrentIndex(1)
            settings.backups.select(0)
            settings.backups.verify_selected()
            grab(settings, "21-sauvegardes")
            settings.close()

            dialog = ReferentielDialog(context.store, today=TODAY)
            dialog.load_file(official_referentiel(Path(tmp)))
            grab(dialog, "22-referentiel-differences")
            bad = Path(tmp) / "referentiel-errone.toml"
            bad.write_text(
                default_referentiel_path().read_text(encoding="utf-8").replace("minutes = 30", "minutes = -30", 1)
                .replace('criteria_status = "indicatif"', 'criteria_status = "provisoire"'),
                encoding="utf-8",
            )
            dialog.load_file(bad)
            grab(dialog, "23-referentiel-refuse")
            dialog.close()

            about = AboutDialog(context)
            grab(about, "24-a-propos")
            about.close()

            guide = HelpDialog()
            guide.resize(1366, 800)
            guide.view.toc.setCurrentRow(0)
            grab(guide, "25-guide")
            guide.close()

            from cqp_desktop.core.endtoend import demo
            from cqp_desktop.core.endtoend.enrolment import LocalAuthority

            ucanss = LocalAuthority.in_folder(folder / demo.DEMO_AUTHORITY_FOLDER, demo.DEMO_PASSPHRASE)
            trust_file = Path(tmp) / "confiance-ucanss.json"
            trust_file.write_bytes(ucanss.bundle())  # the Ucanss's next publication
            trust = TrustDialog(context.store)
            trust.load_file(str(trust_file))
            grab(trust, "26-autorite-confiance")
            trust.close()
        finally:
            context.close()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
