"""The command line: version, data folder, and French errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cqp_desktop import __version__
from cqp_desktop.cli import main
from cqp_desktop.paths import DB_FILENAME, data_dir


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"cqp-desktop {__version__}"


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "cqp_desktop", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("cqp-desktop ")


def test_unknown_command_is_a_french_usage_error() -> None:
    result = subprocess.run([sys.executable, "-m", "cqp_desktop", "referentiel", "valider"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "cqp-desktop : erreur" in result.stderr and "Traceback" not in result.stderr


def test_data_dir_flag_beats_environment(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CQP_DESKTOP_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == (tmp_path / "env").resolve()
    assert data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()
    assert ((tmp_path / "flag").stat().st_mode & 0o777) == 0o700


def test_a_corrupt_database_gives_a_french_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"\x00garbage" * 1000)
    result = subprocess.run(
        [sys.executable, "-m", "cqp_desktop", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "n'est pas une base cqp-desktop lisible" in result.stderr
    assert "Traceback" not in result.stderr
