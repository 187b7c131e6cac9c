"""Every window and dialog fits a jury laptop's screen: 1280×720, 1366×768 less a 40 px taskbar, and
1920×1080 at 125 % and 150 % Windows scaling (less the taskbar).

The screen is fixed when Qt starts, so each size runs `tests/gui/fit_driver.py` in its own process
(offscreen platform with a screens configuration file). The driver opens the main window in each
state, the runner of every demo épreuve in each phase (modalities GRU, MDR, TD, VAE, pré-positionnement),
the avis unsigned and signed, and every other dialog; `fit_check.fit_problems` says what does not fit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from tests.gui.fit_check import fit_problems

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "1280x720": (1280, 720, 1.0),
    "1366x768-taskbar": (1366, 728, 1.0),
    "1920x1080-125%": (1536, 824, 1.25),
    "1920x1080-150%": (1280, 680, 1.5),
}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_window_fits(screen: str, tmp_path: Path) -> None:
    width, height, dpr = SCREENS[screen]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{
        "name": screen, "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr,
    }]}))
    out = tmp_path / "report.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT))
    env.pop("FIT_SHOTS", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.fit_driver", str(out)], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=280,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, list[str]] = json.loads(out.read_text(encoding="utf-8"))
    assert len(report) > 60  # every state was reached
    failing = {state: problems for state, problems in report.items() if problems}
    assert failing == {}, "\n".join(f"{state}: {p}" for state, problems in failing.items() for p in problems)


def test_the_check_sees_overlaps_and_windows_off_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a dialog taller than the screen, and two buttons on top of each other."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    sign = QPushButton("Signer", dialog)
    close = QPushButton("Fermer", dialog)
    sign.setGeometry(10, 10, 100, 30)
    close.setGeometry(60, 20, 100, 30)  # on top of « Signer »
    dialog.setMinimumSize(400, 5000)  # no screen-fitting can shrink it
    dialog.show()
    problems = fit_problems(dialog)
    assert any("not inside the available area" in p for p in problems)
    assert any("overlaps" in p and "Fermer" in p for p in problems)
    dialog.setMinimumSize(0, 0)
    dialog.resize(300, 200)
    dialog.move(dialog.screen().availableGeometry().topLeft())
    close.move(10, 100)
    assert fit_problems(dialog) == []
