"""The jury paritaire national from the command line, as an Ucanss officer scripts it: two demo sites
trusting one Ucanss → packages imported → a session on a date of the year's calendar → decisions (one
departing from the professional jury's avis, justified) → signed procès-verbal → certificates →
one signed results file per site → imported on each site (and refused on the other), whose dossier
then shows the proclaimed result and the CCP delivered."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.test_trust_flow import cli, president_of


def test_deliberation_to_proclamation_across_two_sites(tmp_path: Path) -> None:
    ucanss = tmp_path / "ucanss"
    sites = [tmp_path / "site-1", tmp_path / "site-2"]
    packages = []
    for n, site in enumerate(sites):
        cli("demo", "--site", str(site), "--ucanss", str(ucanss), *(["--ucanss-existante"] if n else []))
        package = tmp_path / f"site-{n + 1}.cqpkg"
        cli("package", "export", "--session", "1", "--president", president_of(cli("package", "sessions", data_dir=site).stdout),
            "--out", str(package), data_dir=site)
        packages.append(package)
    acks = tmp_path / "accuses"
    acks.mkdir()
    assert "2 paquet(s) accepté(s), 0 refusé(s)" in cli("national", "import", *map(str, packages), "--ack-dir", str(acks), data_dir=ucanss).stdout

    wrong = cli("--ucanss", data_dir=sites[0], check=False)  # the Ucanss window never opens a site's folder
    assert wrong.returncode == 1 and "l'Ucanss a son propre dossier de données" in wrong.stderr
    help_text = cli("national", "--help").stdout
    assert "délibération" in help_text and "proclamation" in help_text
    calendar = tmp_path / "calendrier-2027.toml"
    calendar.write_text("session_months = [2, 4, 6, 10, 12]\nwindow_days = 15\njury_paritaire_dates = [2027-01-20, 2027-03-17]\n")
    refused = cli("national", "jury", "create", "--date", "2027-01-21", "--calendrier", str(calendar), data_dir=ucanss, check=False)
    assert refused.returncode == 1 and "n'est pas une date de jury paritaire du calendrier" in refused.stderr
    created = cli("national", "jury", "create", "--date", "2027-01-20", "--calendrier", str(calendar),
                  "--membres", "Mme Aubry (collège employeur), M. Besson (collège salarié)", data_dir=ucanss)
    assert "10 candidat(s) à délibérer" in created.stdout
    listing = cli("national", "jury", "list", data_dir=ucanss).stdout
    lines = [line for line in listing.splitlines() if "avis :" in line]
    uuids = [line.split()[0] for line in lines]
    hugo = next(line.split()[0] for line in lines if "PETIT Hugo" in line and "GRU, GDU" in line)

    # a sovereign departure: refused without a justification, recorded with one
    unjustified = cli("national", "jury", "decide", "--candidat", hugo[:8], "--ccp", "GRU", data_dir=ucanss, check=False)
    assert unjustified.returncode == 1 and "justification obligatoire" in unjustified.stderr
    decided = cli("national", "jury", "decide", "--candidat", hugo[:8], "--ccp", "GRU",
                  "--justification", "Le dossier ne montre pas la maîtrise attendue du bloc GDU.",
                  "--preconisations", "Reprendre le traitement des droits avec un tuteur.", data_dir=ucanss)
    assert "s'écarte de l'avis, justifiée" in decided.stdout
    incomplete = cli("national", "jury", "close", "--pv", str(tmp_path / "pv.pdf"), data_dir=ucanss, check=False)
    assert incomplete.returncode == 1 and "Délibération incomplète : 9 candidat(s) sans décision" in incomplete.stderr
    for uuid in uuids:
        if uuid != hugo:
            cli("national", "jury", "decide", "--candidat", uuid, "--conforme", data_dir=ucanss)
    pv = tmp_path / "pv.pdf"
    assert "résultats proclamés" in cli("national", "jury", "close", "--pv", str(pv), data_dir=ucanss).stdout
    assert pv.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfsig"):
        checked = subprocess.run(["pdfsig", str(pv)], capture_output=True, text=True, timeout=60).stdout
        assert "Signature is Valid." in checked and "Service UCANSS" in checked

    certificates = tmp_path / "certificats"
    certificates.mkdir()
    made = cli("national", "certificates", "--out", str(certificates), data_dir=ucanss).stdout
    assert "certificat(s) de CCP" in made
    assert len(list(certificates.glob(f"*_{hugo[:8]}_CCP-*.pdf"))) == 1  # GDU withheld by the jury

    out = tmp_path / "resultats"
    out.mkdir()
    assert "2 fichier(s) signé(s), un par site" in cli("national", "results", "--out", str(out), data_dir=ucanss).stdout
    files = sorted(out.glob("*.resultats.json"))
    assert len(files) == 2
    accepted = {}
    for site in sites:
        for f in files:
            result = cli("results", "import", str(f), data_dir=site, check=False)
            if result.returncode == 0:
                accepted[site] = f
                assert re.search(r"5 candidat\(s\), 0 CQP et \d+ CCP délivrés", result.stdout)
            else:
                assert "fichier destiné à un autre site" in result.stderr
    assert set(accepted) == set(sites) and accepted[sites[0]] != accepted[sites[1]]

    from cqp_desktop.core.site.dossier import load_dossier
    from cqp_desktop.core.storage.store import Store
    from cqp_desktop.paths import database_path

    found = False
    for site in sites:
        store = Store.open(database_path(site))
        try:
            row = store.connection().execute("SELECT id FROM candidates WHERE uuid = ?", [hugo]).fetchone()
            if row is None:
                continue
            found = True
            dossier = load_dossier(store, row[0], store.active_referentiel())
            assert dossier.status.held == ("GRU", "GDU")  # what the professional jury proposed
            assert dossier.proclaimed is not None and dossier.proclaimed.outcome == "CCP délivré : GRU"
            assert [e["bloc"] for e in dossier.proclaimed.ccp_held] == ["GRU"] and dossier.proclaimed.departs
        finally:
            store.close()
    assert found
