"""The Ucanss window driven like an officer would: import a folder of packages (progress, per-package
verdicts) → the consolidated list and its filters → a candidate's record → the jury paritaire session
with the keyboard (one sovereign departure, justified) → closing with the signed procès-verbal → the
documents (certificates, results per site). Fits 1366×728."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.ucanss import national_jury as nj
from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national
from cqp_desktop.gui.ucanss_window import UcanssWindow
from tests.core.national_jury_fixtures import CALENDAR, CENTRE_B, JURY_1, World, build_world
from tests.trust_helpers import AUTHORITY_PASSPHRASE, ucanss_folder


@pytest.fixture
def setup(tmp_path: Path, referentiel: Referentiel, qtbot) -> Iterator[tuple[UcanssWindow, World, Path]]:  # type: ignore[no-untyped-def]
    (tmp_path / "sites").mkdir()
    world = build_world(tmp_path / "sites", referentiel)
    inbox = tmp_path / "paquets"
    inbox.mkdir()
    for p in world.packages:
        shutil.copy(p, inbox / p.name)
    (inbox / "faux.cqpkg").write_bytes(b"pas un paquet")
    folder = ucanss_folder(tmp_path / "ucanss")
    db = open_national(folder / DB_FILENAME)
    window = UcanssWindow(db, folder, calendar=CALENDAR)
    qtbot.addWidget(window)
    window.show()
    yield window, world, inbox
    window.close()
    db.close()
    world.a.close()
    world.b.close()


def test_import_list_jury_documents(setup, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, world, inbox = setup
    # Import a whole folder: progress, one verdict per package, the forged file refused.
    window.import_tab.start([inbox])
    qtbot.waitUntil(lambda: not window.import_tab.running, timeout=60_000)
    verdicts = {window.import_tab.verdicts.item(r, 0).text(): window.import_tab.verdicts.item(r, 1).text()
                for r in range(window.import_tab.verdicts.rowCount())}
    assert verdicts == {"a-decembre.cqpkg": "importé", "a-octobre.cqpkg": "importé", "b-decembre.cqpkg": "importé", "faux.cqpkg": "refusé"}
    assert window.import_tab.progress.value() == 4 and "3 paquet(s) accepté(s), 1 refusé(s)" in window.import_tab.summary.text()

    # The consolidated list and its filters.
    lst = window.list_tab
    assert lst.table.rowCount() == 4
    lst.site.setCurrentIndex(lst.site.findData(CENTRE_B))
    assert sorted(lst.table.item(r, 0).text() for r in range(lst.table.rowCount())) == ["GARNIER Inès", "ROUX Nathan"]
    lst.status.setCurrentIndex(lst.status.findData("none"))
    assert [lst.table.item(r, 0).text() for r in range(lst.table.rowCount())] == ["ROUX Nathan"]
    lst.site.setCurrentIndex(0)
    lst.status.setCurrentIndex(0)
    lst.cqp.setCurrentIndex(lst.cqp.findData("GC"))
    assert lst.count.text() == "3 candidat(s)"  # Léa now aims at the GC, Hugo, Inès
    lst.cqp.setCurrentIndex(0)

    # A candidate's record across sites and years, opened from the list with Entrée.
    window.tabs.setCurrentWidget(lst)
    row = lst.uuids.index(world.uuids["Léa"])
    lst.table.setCurrentCell(row, 0)
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.candidate_tab
    assert window.candidate_tab.epreuves.rowCount() == 3 and "MARTIN Léa" in window.candidate_tab.title.text()

    # The jury paritaire: a session on a calendar date, decisions with the keyboard.
    jury = window.jury_tab
    window.tabs.setCurrentWidget(jury)
    assert [jury.dates.itemText(i) for i in range(jury.dates.count())] == ["18/11/2026", "20/01/2027"]
    jury.members.setText("Mme Aubry (collège employeur), M. Besson (collège salarié)")
    jury.create_button.click()
    assert [p.candidate.first_name for p in jury.listing] == ["Léa", "Hugo"]
    assert jury.table.currentRow() == 0 and [c.text() for c in jury.bloc_checks] == ["1. CCP GRU", "2. CCP MDR"]
    qtbot.keyClick(jury.table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Léa: conforme à l'avis
    assert jury.table.currentRow() == 1 and jury.current().candidate.first_name == "Hugo"
    assert [c.isChecked() for c in jury.bloc_checks] == [False, True]  # GRU not validated by the professional jury
    qtbot.keyClick(jury.table, Qt.Key.Key_1)  # the jury delivers GRU too: a sovereign departure
    assert jury.bloc_checks[0].isChecked()
    qtbot.keyClick(jury.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "justification obligatoire" in jury.message.text()
    jury.justification.setPlainText("Le dossier montre une maîtrise suffisante de la relation écrite.")
    jury.table.setFocus()
    qtbot.keyClick(jury.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    decided = nj.decisions_in_force(window.db, nj.open_session(window.db).id)
    assert decided[world.uuids["Hugo"]].departs and decided[world.uuids["Hugo"]].blocs == ("GRU", "GDU")
    assert jury.table.item(1, 3).text() == "CCP délivrés : GRU, GDU (écart)"

    # Closing: a wrong passphrase is refused, the right one signs the procès-verbal.
    jury.pv_path.setText(str(tmp_path / "pv.pdf"))
    jury.passphrase.setText("pas la bonne")
    with qtbot.waitSignal(jury.worker.failed, timeout=30_000):
        jury.close_button.click()  # on a worker thread
    assert "incorrecte" in jury.message.text() and nj.open_session(window.db) is not None
    assert jury.close_button.isEnabled() and not jury.busy_bar.isVisible()
    jury.passphrase.setText(AUTHORITY_PASSPHRASE)
    jury.close_button.click()
    assert not jury.close_button.isEnabled() and jury.busy_bar.isVisible() and "Clôture en cours" in jury.message.text()
    qtbot.waitUntil(lambda: not jury.worker.running, timeout=60_000)
    assert "résultats proclamés" in jury.message.text() and (tmp_path / "pv.pdf").read_bytes().startswith(b"%PDF")
    assert nj.open_session(window.db) is None and jury.dates.currentText() == "20/01/2027"

    # Documents of the closed session.
    docs = window.documents_tab
    window.tabs.setCurrentWidget(docs)
    out = tmp_path / "documents"
    out.mkdir()
    docs.folder.setText(str(out))
    docs.passphrase.setText(AUTHORITY_PASSPHRASE)
    docs.write_pv()
    docs.write_certificates()  # made and signed on a worker thread
    assert not docs.certificates_button.isEnabled()
    docs.write_certificates()  # a second click while they are being made starts nothing
    qtbot.waitUntil(lambda: not docs.worker.running, timeout=60_000)
    assert docs.certificates_button.isEnabled() and "4 fichier(s) écrit(s)" in docs.message.text()
    docs.write_results()
    names = sorted(p.name for p in out.iterdir())
    assert f"pv-jury-paritaire-{JURY_1}.pdf" in names
    assert sum(1 for n in names if "_CCP-" in n) == 4 and sum(1 for n in names if n.endswith(".resultats.json")) == 1
    assert docs.written.rowCount() == len(names)

    # Fits a 1366×728 laptop screen.
    window.resize(window.minimumSizeHint())
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 728
    window.resize(1366, 728)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        window.grab().save(str(tmp_path / f"onglet-{tab}.png"))
