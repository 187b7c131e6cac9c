"""The signature pad: drawing with the mouse, clearing, PNG export."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from cqp_desktop.gui.signature_pad import SignaturePad


def draw(qtbot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    canvas = pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def make_pad(qtbot) -> SignaturePad:  # type: ignore[no-untyped-def]
    pad = SignaturePad("Signature de la présidente")
    qtbot.addWidget(pad)
    pad.resize(420, 170)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_drawing_then_export_png(qtbot) -> None:  # type: ignore[no-untyped-def]
    pad = make_pad(qtbot)
    assert pad.is_empty() and pad.to_png() == b"" and not pad.clear_button.isEnabled()
    with qtbot.waitSignal(pad.changed, timeout=1000):
        draw(qtbot, pad, [(30, 90), (80, 40), (140, 100), (220, 50), (300, 95)])
    assert not pad.is_empty() and pad.clear_button.isEnabled()
    png = pad.to_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (600, 200)
    dark = sum(1 for x in range(0, 600, 3) for y in range(0, 200, 3) if image.pixelColor(x, y).lightness() < 100)
    assert dark > 20  # the stroke is there, in black on white
    assert image.pixelColor(599, 0).lightness() > 240


def test_a_click_is_not_a_signature_and_clear_empties(qtbot) -> None:  # type: ignore[no-untyped-def]
    pad = make_pad(qtbot)
    draw(qtbot, pad, [(50, 50)])
    assert pad.is_empty()
    draw(qtbot, pad, [(50, 50), (120, 80)])
    assert not pad.is_empty()
    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty() and pad.canvas.strokes == [] and pad.to_png() == b""


def test_strokes_scale_with_the_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    pad = make_pad(qtbot)
    draw(qtbot, pad, [(10, 10), (200, 80)])
    before = [(p.x(), p.y()) for p in pad.canvas.strokes[0]]
    pad.resize(800, 300)
    assert [(p.x(), p.y()) for p in pad.canvas.strokes[0]] == before  # normalised: independent of size
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in before)


def test_pen_tablet_strokes(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPointingDevice, QTabletEvent
    from PySide6.QtWidgets import QApplication

    pad = make_pad(qtbot)
    device = QPointingDevice.primaryPointingDevice()

    def send(kind: QTabletEvent.Type, x: float, y: float) -> None:
        point = QPointF(x, y)
        event = QTabletEvent(
            kind, device, point, pad.canvas.mapToGlobal(point), 0.6, 0.0, 0.0, 0.0, 0.0, 0.0,
            Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad.canvas, event)

    with qtbot.waitSignal(pad.changed, timeout=1000):
        send(QTabletEvent.Type.TabletPress, 20, 40)
        send(QTabletEvent.Type.TabletMove, 90, 70)
        send(QTabletEvent.Type.TabletRelease, 160, 50)
    assert len(pad.canvas.strokes) == 1 and len(pad.canvas.strokes[0]) == 3
    assert pad.to_png().startswith(b"\x89PNG")
