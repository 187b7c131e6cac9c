"""On the site: the Ucanss's signed results file imported from the transmission dialog; the candidate's
dossier then shows the proclaimed result and the CCP delivered, apart from what was proposed."""

from __future__ import annotations

from pathlib import Path

from cqp_desktop.core.exchange import ucanss_files
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.ucanss import authority, results_files
from cqp_desktop.core.ucanss import national_jury as nj
from cqp_desktop.core.ucanss.national import import_package, open_national
from cqp_desktop.gui.dossier_view import DossierView
from cqp_desktop.gui.session_export_dialog import SessionExportDialog
from tests.core.national_jury_fixtures import CALENDAR, JURY_1, build_world
from tests.trust_helpers import AUTHORITY_PASSPHRASE, anchors, shared_authority


def test_results_imported_from_the_dialog_show_in_the_dossier(tmp_path: Path, referentiel: Referentiel, qtbot) -> None:  # type: ignore[no-untyped-def]
    world = build_world(tmp_path, referentiel)
    db = open_national(tmp_path / "national.sqlite3")
    try:
        for p in world.packages:
            import_package(db, p.read_bytes(), trust=anchors())
        jury = nj.create_session(db, JURY_1, calendar=CALENDAR)
        nj.accept_proposal(db, jury.id, world.uuids["Léa"])
        nj.decide(db, jury.id, world.uuids["Hugo"], ["GRU", "GDU"], justification="Maîtrise de la relation écrite.")
        key, cert = authority.service_identity(shared_authority().db, AUTHORITY_PASSPHRASE)
        nj.close_session(db, jury.id, key, cert)
        [body] = results_files.results_bodies(db, jury.id).values()
        path = tmp_path / f"resultats{ucanss_files.RESULTS_SUFFIX}"
        path.write_bytes(ucanss_files.results_file(body, key, cert))
    finally:
        db.close()
    try:
        dossier = DossierView(world.a)
        qtbot.addWidget(dossier)
        dossier.show_candidate(world.ids["Hugo"])
        assert "résultat non encore proclamé" in dossier.status.text()
        dialog = SessionExportDialog(world.a, tmp_path)
        qtbot.addWidget(dialog)
        dialog.results_edit.setText(str(tmp_path / "absent.json"))
        assert not dialog.import_results() and "introuvable" in dialog.message.text()
        dialog.results_edit.setText(str(path))
        assert dialog.import_results()
        assert "2 candidat(s), 0 CQP et 4 CCP délivrés" in dialog.message.text()
        assert dialog.height() <= 728 or dialog.minimumSizeHint().height() <= 728
        dossier.show_candidate(world.ids["Hugo"])
        text = dossier.status.text()
        assert "Résultat proclamé par le jury paritaire national du 18/11/2026</b> : CCP délivrés : GRU, GDU" in text
        assert "CCP détenus</b> : GDU" in text  # what the professional jury proposed stays as it was
        assert "Décision souveraine s'écartant de l'avis du jury professionnel : Maîtrise de la relation écrite." in text
    finally:
        world.a.close()
        world.b.close()
