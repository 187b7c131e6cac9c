"""Render resources/icons/cqp-desktop.svg to the PNG sizes desktops ask for, and a Windows .ico.

Run once after editing the SVG (the PNGs and the .ico are committed, so builds need no renderer):
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "cqp-desktop.svg"))
    if not renderer.isValid():
        print("SVG illisible", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"cqp-desktop-{size}.png"))
    # Windows wants one .ico holding several sizes; Qt's ico writer stores the image it is given,
    # so the 256 px image is written (Windows scales it down well).
    if not render(renderer, 256).save(str(ICONS / "cqp-desktop.ico"), "ICO"):
        print("écriture .ico impossible (greffon qico absent ?)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
