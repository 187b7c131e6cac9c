"""`national analytics`: the examiner report written from the national base, as the Ucanss types it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cqp_desktop.core.ucanss import examiner_simulation as es
from cqp_desktop.core.ucanss.national import open_national
from tests.test_cli_package import run


@pytest.fixture(scope="module")
def simulated_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, es.Simulation]:
    path = tmp_path_factory.mktemp("national") / "n.sqlite3"
    sim = es.simulate(es.Scenario(seed=2026))
    db = open_national(path)
    try:
        es.fill(db, sim)
    finally:
        db.close()
    return path, sim


def test_the_report_and_the_csv_are_written_and_the_flags_listed(
    simulated_base: tuple[Path, es.Simulation], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, sim = simulated_base
    pdf, csv = tmp_path / "examinateurs.pdf", tmp_path / "examinateurs.csv"
    code, out, _ = run(capsys, "national", "analytics", "--db", str(base), "--pdf", str(pdf), "--csv", str(csv))
    assert code == 0
    assert "2000 épreuve(s), dont 2000 en double correction ; 40 membre(s) du jury, 40 estimable(s) ; 5 signalé(s)." in out
    assert out.count("plus sévère") == 3 and out.count("plus indulgent") == 2
    for member in sim.biased:
        assert sim.names[member] in out
    assert pdf.read_bytes().startswith(b"%PDF") and len(csv.read_text(encoding="utf-8").splitlines()) == 41
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Analyse des examinateurs" in text and "Benjamini" in text and "Examinateur 01" in text


def test_without_a_target_the_command_says_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "national", "analytics", "--db", str(tmp_path / "n.sqlite3"))
    assert code == 1 and "indiquez --pdf FICHIER et/ou --csv FICHIER" in err


def test_an_empty_base_gives_an_empty_report_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "national", "analytics", "--db", str(tmp_path / "n.sqlite3"), "--pdf", str(tmp_path / "r.pdf"))
    assert code == 0 and "0 épreuve(s)" in out and (tmp_path / "r.pdf").exists()
    code, _, err = run(capsys, "national", "analytics", "--db", str(tmp_path / "n.sqlite3"), "--csv", str(tmp_path / "nulle/part.csv"))
    assert code == 1 and "introuvable" in err
