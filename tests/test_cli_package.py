"""The package commands end to end, as a site and Ucanss would type them: French output, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cqp_desktop.cli import main
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.storage.store import Store
from cqp_desktop.paths import database_path
from cqp_desktop.resources import default_referentiel_path
from tests.core.package_fixtures import PASSPHRASE, signed_session
from tests.core.package_helpers import edit_json, members_of, refresh_manifest, rezip
from tests.core.test_package import ucanss_identity
from tests.trust_helpers import AUTHORITY_PASSPHRASE, ucanss_folder


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    monkeypatch.delenv("CQP_DESKTOP_PASSPHRASE", raising=False)
    folder = tmp_path / "site"
    folder.mkdir()
    store = Store.open(database_path(folder))
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=2)
    store.close()
    return folder, session.session_id


@pytest.fixture
def ucanss(tmp_path: Path) -> Path:
    return ucanss_folder(tmp_path / "ucanss")


def as_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", PASSPHRASE)


def as_ucanss(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", AUTHORITY_PASSPHRASE)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_site_to_ucanss_and_back(
    site: tuple[Path, int], ucanss: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, session = site
    out = tmp_path / "out"
    out.mkdir()
    as_site(monkeypatch)
    code, stdout, _ = run(capsys, "--data-dir", str(folder), "package", "export", "--session", str(session), "--out", str(out))
    assert code == 0 and "Paquet écrit" in stdout
    from cqp_desktop.core.storage.backup import list_backups

    assert [b.reason for b in list_backups(folder)] == ["export"]  # the export leaves a backup of the base
    [package] = list(out.glob("*.cqpkg"))
    code, stdout, _ = run(capsys, "--data-dir", str(folder), "package", "sessions")
    assert code == 0 and "4/4 avis signé(s)" in stdout and "paquet exporté, en attente d'accusé" in stdout
    assert "président(e) : Anne DELORME (--president " in stdout
    code, stdout, _ = run(capsys, "--data-dir", str(ucanss), "package", "verify", str(package))
    assert code == 0 and "VALIDE" in stdout and "résultats recalculés identiques" in stdout
    assert "- Anne DELORME, président(e) du jury, certificat" in stdout and "paquet (manifeste), avis épreuve n°" in stdout

    as_ucanss(monkeypatch)
    code, stdout, _ = run(capsys, "--data-dir", str(ucanss), "national", "import", str(package))
    assert code == 0 and ": importé" in stdout and "1 paquet(s) accepté(s), 0 refusé(s)" in stdout
    code, stdout, _ = run(capsys, "--data-dir", str(ucanss), "national", "import", str(out))  # a folder (USB stick)
    assert code == 0 and "déjà importé" in stdout and "1 paquet(s) accepté(s)" in stdout
    code, _, err = run(capsys, "--data-dir", str(ucanss), "national", "import", str(tmp_path))
    assert code == 1 and "aucun paquet (.cqpkg) dans le dossier" in err
    [ack] = list(out.glob("*.ack.json"))

    csv_path, pdf_path = tmp_path / "jpn.csv", tmp_path / "jpn.pdf"
    code, stdout, _ = run(capsys, "--data-dir", str(ucanss), "national", "export", "--csv", str(csv_path), "--pdf", str(pdf_path))
    assert code == 0 and "2 candidat(s)" in stdout
    assert csv_path.read_bytes().startswith("\ufeffidentifiant candidat;".encode()) and pdf_path.read_bytes().startswith(b"%PDF")

    as_site(monkeypatch)
    code, _, err = run(capsys, "--data-dir", str(folder), "ack", "purge", "--session", str(session))
    assert code == 1 and "non synchronisée" in err
    code, stdout, _ = run(capsys, "--data-dir", str(folder), "ack", "import", str(ack))
    assert code == 0 and "La session est synchronisée" in stdout and "signé par Service UCANSS" in stdout
    code, stdout, _ = run(capsys, "--data-dir", str(folder), "ack", "purge", "--session", str(session))
    assert code == 0 and "Noms effacés pour 2 candidat(s)" in stdout
    assert "synchronisée, noms effacés" in run(capsys, "--data-dir", str(folder), "package", "sessions")[1]
    code, _, err = run(capsys, "--data-dir", str(folder), "package", "export", "--session", str(session),
                       "--out", str(out / "again.cqpkg"))
    assert code == 1 and "données personnelles déjà effacées" in err


def test_tampered_package_is_refused_in_french(
    site: tuple[Path, int], ucanss: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, session = site
    package = tmp_path / "s.cqpkg"
    as_site(monkeypatch)
    assert run(capsys, "--data-dir", str(folder), "package", "export", "--session", str(session), "--out", str(package),
               "--sans-pdf")[0] == 0
    members = members_of(package.read_bytes())
    edit_json(members, "data.json", lambda d: d["epreuves"][0]["decisions"][0].update(decision="non_valide"))
    refresh_manifest(members)
    forged = tmp_path / "forged.cqpkg"
    forged.write_bytes(rezip(members))
    code, _, err = run(capsys, "--data-dir", str(ucanss), "package", "verify", str(forged))
    assert code == 1 and "REFUSÉ" in err and "décisions différentes de celles signées par le jury" in err
    as_ucanss(monkeypatch)
    code, stdout, err = run(capsys, "--data-dir", str(ucanss), "national", "import", str(forged), str(package))
    assert code == 1 and "1 paquet(s) accepté(s), 1 refusé(s)" in stdout and "forged.cqpkg » refusé" in err
    code, stdout, _ = run(capsys, "--data-dir", str(ucanss), "national", "status")
    assert code == 0 and "1 session(s) importée(s)" in stdout and "signé par Anne DELORME" in stdout
    assert "Derniers refus (" in stdout and "forged.cqpkg : " in stdout


def test_a_machine_without_the_authority_trusts_nothing(
    site: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, session = site
    as_site(monkeypatch)
    package = tmp_path / "s.cqpkg"
    assert run(capsys, "--data-dir", str(folder), "package", "export", "--session", str(session), "--out", str(package))[0] == 0
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "vide"), "package", "verify", str(package))
    assert code == 1 and "aucune autorité de certification Ucanss installée" in err


def test_encrypted_package_needs_the_ucanss_key(
    site: tuple[Path, int], ucanss: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, session = site
    key, cert, _ = ucanss_identity(tmp_path)
    target = tmp_path / "s.cqpkg.p7m"
    as_site(monkeypatch)
    code, stdout, _ = run(capsys, "--data-dir", str(folder), "package", "export", "--session", str(session), "--out", str(target),
                          "--encrypt-to", str(cert), "--sans-pdf")
    assert code == 0 and "chiffré pour l'Ucanss" in stdout
    code, _, err = run(capsys, "--data-dir", str(ucanss), "package", "verify", str(target))
    assert code == 1 and "indiquez la clé Ucanss (--key)" in err
    monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", "secret ucanss")
    code, stdout, _ = run(capsys, "--data-dir", str(ucanss), "package", "verify", str(target), "--key", str(key), "--cert", str(cert))
    assert code == 0 and "VALIDE" in stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["package", "export", "--session", "{session}"], "phrase secrète manquante"),
        (["package", "export", "--session", "99"], "aucune épreuve de certification avec président"),
        (["package", "export", "--session", "{session}", "--encrypt-to", "/nulle/part.pem"], "introuvable"),
        (["national", "export", "--db", "{tmp}/n.sqlite3"], "indiquez --csv FICHIER et/ou --pdf FICHIER"),
        (["national", "import", "/nulle/part.cqpkg", "--db", "{tmp}/n.sqlite3"], "Paquet « /nulle/part.cqpkg » introuvable"),
        (["ack", "import", "{tmp}/absent.json"], "introuvable"),
        (["package", "verify", "{tmp}"], "est un dossier"),
    ],
)
def test_user_errors_are_french_with_exit_1(
    site: tuple[Path, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    folder, session = site
    if "manquante" not in message:
        monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", PASSPHRASE)
    argv = [a.format(session=session, tmp=tmp_path) for a in argv]
    code, _, err = run(capsys, "--data-dir", str(folder), *argv)
    assert code == 1 and message in err, err


def test_usage_error_and_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    garbage = tmp_path / "x.cqpkg"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    result = subprocess.run([sys.executable, "-m", "cqp_desktop", "package", "verify", str(garbage)], capture_output=True, text=True)
    assert result.returncode == 1 and "fichier tronqué ou endommagé" in result.stderr and "Traceback" not in result.stderr
    result = subprocess.run([sys.executable, "-m", "cqp_desktop", "national", "export", "--csv"], capture_output=True, text=True)
    assert result.returncode == 2 and "cqp-desktop : erreur" in result.stderr


def test_wrong_passphrase_from_the_environment_is_refused_in_french(
    site: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, session = site
    monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", "mauvaise phrase")
    code, _, err = run(capsys, "--data-dir", str(folder), "package", "export", "--session", str(session), "--out", str(tmp_path))
    assert code == 1 and "Phrase secrète incorrecte" in err


def test_the_passphrase_is_never_a_command_line_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "package", "export", "--session", "1", "--passphrase", "secret")
    assert code == 2 and "arguments non reconnus : --passphrase" in err


def test_help_and_usage_errors_are_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "package", "export", "--help")
    assert code == 0 and "usage : cqp-desktop package export" in stdout and "affiche cette aide et quitte" in stdout
    assert "show this help" not in stdout and "positional arguments" not in stdout
    code, _, err = run(capsys, "package", "export")
    assert code == 2 and "arguments obligatoires manquants : --session" in err
    code, _, err = run(capsys, "national", "importer")
    assert code == 2 and "choix 'importer' inconnu (possibles : 'import', 'status', 'export', 'analytics', 'jury', 'certificates', 'results')" in err
    code, _, err = run(capsys, "package", "export", "--session", "deux")
    assert code == 2 and "argument --session : valeur 'deux' invalide" in err
