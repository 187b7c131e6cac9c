"""The installation self-test: every step runs and passes from the sources; a failure is reported."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from cqp_desktop.core.endtoend import selftest


def test_self_test_passes_and_reports_each_step(tmp_path: Path) -> None:
    results = selftest.run_steps(tmp_path)
    assert [r.name for r in results] == [name for name, _ in selftest.STEPS]
    assert all(r.ok for r in results), [r.detail for r in results if not r.ok]
    details = {r.name: r.detail for r in results}
    assert "bloc POS" in details["Planification"]
    assert "start, pause, resume, phase, end" in details["Chronométrage"] and "reconstruit" in details["Chronométrage"]
    assert "Bloc POS validé" in details["Décisions et règles"]
    assert "verrouillée" in details["Avis et signature"]
    assert "signature PAdES" in details["Procès-verbal PDF"] and "altérée est bien refusée" in details["Procès-verbal PDF"]
    assert (tmp_path / "compte-rendu-autotest.pdf").read_bytes().startswith(b"%PDF-")


def test_a_failing_step_stops_the_run_and_the_exit_code_is_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: selftest.SelfTestContext) -> str:
        raise RuntimeError("police introuvable")

    steps = list(selftest.STEPS)
    steps[2] = ("Chronométrage", broken)
    monkeypatch.setattr(selftest, "STEPS", tuple(steps))
    out = io.StringIO()
    assert selftest.run(out) == 1
    text = out.getvalue()
    assert "[ÉCHEC] Chronométrage" in text and "police introuvable" in text
    assert "Décisions et règles" not in text  # later steps are not run
    assert text.rstrip().splitlines()[-1].startswith("Auto-test ÉCHOUÉ")


def test_tiny_png_is_a_png() -> None:
    assert selftest._tiny_png().startswith(b"\x89PNG\r\n\x1a\n")


def test_cli_flag_runs_it_without_display_and_leaves_no_data(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "", "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "cqp_desktop", "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Auto-test réussi" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the temporary folder is removed
