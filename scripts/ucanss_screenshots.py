"""Render the Ucanss window's tabs and the jury paritaire's documents (procès-verbal, a CQP certificate,
a CCP certificate) to docs/screenshots/ — offscreen, on the two-site world of the tests, fresh keys.

Run: QT_QPA_PLATFORM=offscreen python scripts/ucanss_screenshots.py (needs pdftoppm for the PDFs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtCore import Qt

    from cqp_desktop.core.model.referentiel import load_default
    from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national
    from cqp_desktop.gui.application import create_application
    from cqp_desktop.gui.ucanss_window import UcanssWindow
    from tests.core.national_jury_fixtures import CALENDAR, build_world
    from tests.trust_helpers import AUTHORITY_PASSPHRASE, ucanss_folder

    app = create_application([])
    tmp = Path(tempfile.mkdtemp(prefix="cqp-ucanss-shots-"))
    (tmp / "sites").mkdir()
    world = build_world(tmp / "sites", load_default())
    inbox = tmp / "paquets"
    inbox.mkdir()
    for p in world.packages:
        shutil.copy(p, inbox / p.name)
    folder = ucanss_folder(tmp / "ucanss")
    db = open_national(folder / DB_FILENAME)
    window = UcanssWindow(db, folder, calendar=CALENDAR)
    window.resize(1366, 728)
    window.show()

    def shot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(OUT / name))
        print(OUT / name)

    window.import_tab.start([inbox])
    while window.import_tab.running:
        app.processEvents()
    shot("ucanss-01-import.png")
    window.tabs.setCurrentWidget(window.list_tab)
    shot("ucanss-02-liste.png")
    window.show_candidate(world.uuids["Léa"])
    shot("ucanss-03-candidat.png")
    jury = window.jury_tab
    window.tabs.setCurrentWidget(jury)
    jury.members.setText("Mme Aubry (collège employeur), M. Besson (collège salarié)")
    jury.create_button.click()
    jury.accept_proposal()
    jury.toggle_bloc(0)
    jury.justification.setPlainText("Le dossier montre une maîtrise suffisante de la relation écrite.")
    jury.record()
    jury.table.setCurrentCell(1, 0)
    shot("ucanss-04-jury-paritaire.png")
    jury.pv_path.setText(str(tmp / "pv-1.pdf"))
    jury.passphrase.setText(AUTHORITY_PASSPHRASE)
    jury.close_button.click()
    # the second jury: the passerelle — Léa's CQP GC from CCP earned at two centres under both CQP
    jury.dates.setCurrentIndex(0)
    jury.create_button.click()
    for _ in range(len(jury.listing)):
        jury.table.setCurrentCell([p.decision is None for p in jury.listing].index(True), 0)
        jury.accept_proposal()
    jury.pv_path.setText(str(tmp / "pv-2.pdf"))
    jury.passphrase.setText(AUTHORITY_PASSPHRASE)
    jury.close_button.click()
    docs = window.documents_tab
    window.tabs.setCurrentWidget(docs)
    out = tmp / "documents"
    out.mkdir()
    docs.folder.setText(str(out))
    docs.passphrase.setText(AUTHORITY_PASSPHRASE)
    docs.write_pv()
    docs.write_certificates()
    docs.write_results()
    docs.passphrase.clear()
    shot("ucanss-05-documents.png")
    if shutil.which("pdftoppm"):
        cqp = next(out.glob("*_CQP-GC.pdf"))
        ccp = next(out.glob("*MARTIN-Lea*_CCP-GDU.pdf"))
        for pdf, name in ((tmp / "pv-1.pdf", "pv-jury-paritaire"), (cqp, "certificat-cqp"), (ccp, "certificat-ccp")):
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(OUT / name)], check=True)
            print(OUT / f"{name}.png")
    # examiner analytics: the simulated national year of the tests (40 members, 5 of them biased)
    from cqp_desktop.core.ucanss import examiner_simulation

    examiner_simulation.fill(db, examiner_simulation.simulate(examiner_simulation.Scenario(seed=2026)))
    window.examiners_tab.mark_stale()
    window.tabs.setCurrentWidget(window.examiners_tab)
    shot("ucanss-06-examinateurs.png")
    window.close()
    db.close()
    world.a.close()
    world.b.close()
    del Qt
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
