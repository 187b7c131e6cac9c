"""The chain of trust end to end, as outside checks script it: real processes, no display, fresh keys.

demo → package export → package verify → national import (acknowledgment) → ack import → purge; two
demos side by side refuse each other's packages and acknowledgments; pdfsig trusts a genuine report
only once the Ucanss root is installed in its NSS database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "demo-jury-2026"


def cli(*argv: str, data_dir: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CQP_DESKTOP_PASSPHRASE": PASSPHRASE}
    args = [sys.executable, "-m", "cqp_desktop", *(["--data-dir", str(data_dir)] if data_dir else []), *argv]
    result = subprocess.run(args, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


def president_of(sessions_output: str) -> str:
    line = next(line for line in sessions_output.splitlines() if "--president" in line)
    return line.split("--president ")[1].rstrip(")")


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Two demo worlds (each its own Ucanss and site) and a package exported from each."""
    out: dict[str, dict[str, Path]] = {}
    for name in ("a", "b"):
        root = tmp_path_factory.mktemp(f"demo-{name}")
        site, ucanss = root / "site", root / "ucanss"
        made = cli("demo", "--site", str(site), "--ucanss", str(ucanss))
        assert "prête à exporter" in made.stdout
        sessions = cli("package", "sessions", data_dir=site).stdout
        package = root / "session.cqpkg"
        cli("package", "export", "--session", "1", "--president", president_of(sessions), "--out", str(package), data_dir=site)
        out[name] = {"site": site, "ucanss": ucanss, "package": package, "root": root}
    return out


def test_the_whole_flow_runs_headless(demos: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    a = demos["a"]
    work = tmp_path / "a"
    shutil.copytree(a["root"], work)
    site, ucanss, package = work / "site", work / "ucanss", work / "session.cqpkg"
    verified = cli("package", "verify", str(package), data_dir=ucanss)
    assert "VALIDE" in verified.stdout and "certifié par l'Ucanss" in verified.stdout
    acks = tmp_path / "accuses"
    acks.mkdir()
    imported = cli("national", "import", str(package), "--ack-dir", str(acks), data_dir=ucanss)
    assert ": importé" in imported.stdout
    [ack] = list(acks.glob("*.ack.json"))
    assert json.loads(ack.read_text())["signature"]
    refused = cli("ack", "purge", "--session", "1", data_dir=site, check=False)
    assert refused.returncode == 1 and "non synchronisée" in refused.stderr
    assert "La session est synchronisée" in cli("ack", "import", str(ack), data_dir=site).stdout
    assert "Noms effacés" in cli("ack", "purge", "--session", "1", data_dir=site).stdout


def test_two_demos_refuse_each_other(demos: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    a, b = demos["a"], demos["b"]
    work_a, work_b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(a["root"], work_a)
    shutil.copytree(b["root"], work_b)
    # each Ucanss refuses the other's package, and writes nothing
    for mine, theirs in ((work_a, work_b), (work_b, work_a)):
        verdict = cli("package", "verify", str(theirs / "session.cqpkg"), data_dir=mine / "ucanss", check=False)
        assert verdict.returncode == 1 and "non délivré par une autorité Ucanss reconnue" in verdict.stderr
        imported = cli("national", "import", str(theirs / "session.cqpkg"), "--ack-dir", str(tmp_path),
                       data_dir=mine / "ucanss", check=False)
        assert imported.returncode == 1 and "0 paquet(s) accepté(s), 1 refusé(s)" in imported.stdout
    # each site refuses the other's acknowledgment
    acks = {}
    for name, work in (("a", work_a), ("b", work_b)):
        folder = tmp_path / f"acks-{name}"
        folder.mkdir()
        cli("national", "import", str(work / "session.cqpkg"), "--ack-dir", str(folder), data_dir=work / "ucanss")
        [acks[name]] = list(folder.glob("*.ack.json"))
    for site, ack in ((work_a / "site", acks["b"]), (work_b / "site", acks["a"])):
        refused = cli("ack", "import", str(ack), data_dir=site, check=False)
        assert refused.returncode == 1 and "son signataire n'est pas l'Ucanss" in refused.stderr
        purge = cli("ack", "purge", "--session", "1", data_dir=site, check=False)
        assert purge.returncode == 1 and "Aucune donnée n'a été effacée" in purge.stderr


@pytest.mark.skipif(not (shutil.which("pdfsig") and shutil.which("certutil")), reason="pdfsig et certutil (poppler-utils, libnss3-tools)")
def test_pdfsig_trusts_a_genuine_report_only_with_the_ucanss_root(demos: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    from cqp_desktop.core.site import signed_report
    from cqp_desktop.core.storage.store import Store
    from cqp_desktop.core.ucanss import authority
    from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national
    from cqp_desktop.paths import database_path

    work = tmp_path / "a"
    shutil.copytree(demos["a"]["root"], work)
    store = Store.open(database_path(work / "site"))
    report = signed_report.report_in_force(store, 1)
    store.close()
    assert report is not None
    pdf = tmp_path / "compte-rendu.pdf"
    pdf.write_bytes(report)
    db = open_national(work / "ucanss" / DB_FILENAME)
    (tmp_path / "ucanss.pem").write_bytes(authority.root_certificate(db).public_bytes(Encoding.PEM))
    db.close()
    other = open_national(demos["b"]["ucanss"] / DB_FILENAME)
    (tmp_path / "autre.pem").write_bytes(authority.root_certificate(other).public_bytes(Encoding.PEM))
    other.close()

    def pdfsig(nss: Path) -> str:
        result = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True, timeout=60)
        return result.stdout

    def nss_with(*roots: Path) -> Path:
        nss = tmp_path / f"nss-{len(list(tmp_path.glob('nss-*')))}"
        nss.mkdir()
        subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
        for n, root in enumerate(roots):
            subprocess.run(["certutil", "-A", "-n", f"racine-{n}", "-t", "C,C,C", "-i", str(root), "-d", f"sql:{nss}"],
                           check=True, capture_output=True)
        return nss

    without = pdfsig(nss_with())
    assert without.count("Signature is Valid.") == 2 and "Certificate is Trusted." not in without
    foreign = pdfsig(nss_with(tmp_path / "autre.pem"))
    assert "Certificate is Trusted." not in foreign
    trusted = pdfsig(nss_with(tmp_path / "ucanss.pem"))
    assert trusted.count("Certificate is Trusted.") == 2  # the président's signature and the expert's co-signature
