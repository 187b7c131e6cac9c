"""What every screenshot script does first: pretend, offscreen, to be a jury laptop's screen (1366×768) before Qt
loads, so that windows are fitted to it as on the real machine; then save widgets to docs/screenshots/."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def pretend_laptop_screen(tag: str) -> None:
    """Call before importing PySide6 (the platform is read when the QApplication starts)."""
    screen = Path(tempfile.gettempdir()) / f"cqp-desktop-{tag}-screen.json"
    screen.write_text(
        '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
        '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]}'
    )
    # default folders (the export folder, the backups) shown as a jury laptop's, not as this machine's
    os.environ["HOME"] = "/home/jury"
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    sys.path.insert(0, str(ROOT))


def grab(widget: Any, name: str) -> Path:
    """Save `widget` as docs/screenshots/<name>.png once pending events are painted."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))
    return path
