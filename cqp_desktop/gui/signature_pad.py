"""A pad to draw a handwritten signature with the mouse, a pen tablet or a finger; exported as PNG.

The drawing is kept as strokes (lists of points) so it can be redrawn at any size; `to_png()` renders
it in black on white at a fixed size, which is what the avis stores and the PDF prints.

Signals:
    changed(): a stroke was added or the pad was cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from cqp_desktop.gui.style import PAPER, SIGNATURE_BASELINE, SIGNATURE_FRAME, SIGNATURE_INK, SIGNATURE_PROMPT

EXPORT_SIZE = QSize(600, 200)  # pixels of the stored PNG (3:1, like the pad)


class SignatureCanvas(QWidget):
    """The drawing surface. Points are stored in widget coordinates normalised to 0..1."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setMinimumSize(300, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Cadre de signature manuscrite"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(420, 140)

    # -------------------------------------------------------------------------------------------
    # state

    def is_empty(self) -> bool:
        """True until a stroke with some length has been drawn (a mere click is not a signature)."""
        return not any(len(stroke) > 1 for stroke in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self.update()
        self.changed.emit()

    def _normalised(self, point: QPointF) -> QPointF:
        w, h = max(1, self.width()), max(1, self.height())
        return QPointF(min(max(point.x() / w, 0.0), 1.0), min(max(point.y() / h, 0.0), 1.0))

    def begin_stroke(self, point: QPointF) -> None:
        self._drawing = True
        self.strokes.append([self._normalised(point)])
        self.update()

    def extend_stroke(self, point: QPointF) -> None:
        if self._drawing and self.strokes:
            normalised = self._normalised(point)
            if normalised != self.strokes[-1][-1]:
                self.strokes[-1].append(normalised)
                self.update()

    def end_stroke(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    # -------------------------------------------------------------------------------------------
    # input

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend_stroke(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.extend_stroke(event.position())
            self.end_stroke()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self.extend_stroke(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.extend_stroke(event.position())
            self.end_stroke()
        event.accept()  # no synthesised mouse events: each stroke is drawn once

    # -------------------------------------------------------------------------------------------
    # drawing

    def _paint(self, painter: QPainter, width: int, height: int, pen_width: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(SIGNATURE_INK), pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            points = [QPointF(p.x() * width, p.y() * height) for p in stroke]
            if len(points) == 1:
                painter.drawPoint(points[0])
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))
        painter.setPen(QPen(QColor(SIGNATURE_BASELINE), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.78)
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        painter.setPen(QPen(QColor(SIGNATURE_FRAME), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.is_empty() and not self.strokes:
            painter.setPen(QColor(SIGNATURE_PROMPT))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Signez ici"))
        self._paint(painter, self.width(), self.height(), 2.2)
        painter.end()

    def to_image(self, size: QSize = EXPORT_SIZE) -> QImage:
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor(PAPER))
        painter = QPainter(image)
        self._paint(painter, size.width(), size.height(), max(2.0, size.height() / 60))
        painter.end()
        return image

    def to_png(self, size: QSize = EXPORT_SIZE) -> bytes:
        """The signature as PNG bytes (black on white); b"" when nothing was drawn."""
        if self.is_empty():
            return b""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image(size).save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the str format at run time
        buffer.close()
        return bytes(data.data())


class SignaturePad(QWidget):
    """The canvas with a caption and an « Effacer » button.

    Signals:
        changed(): forwarded from the canvas.
    """

    changed = Signal()

    def __init__(self, caption: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = SignatureCanvas(self)
        self.caption = QLabel(caption or self.tr("Signature manuscrite"), self)
        self.clear_button = QPushButton(self.tr("Effacer"), self)
        self.clear_button.setToolTip(self.tr("Effacer la signature et recommencer"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.canvas.changed.connect(self._on_changed)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        self._on_changed(emit=False)

    def _on_changed(self, emit: bool = True) -> None:
        self.clear_button.setEnabled(bool(self.canvas.strokes))
        if emit:
            self.changed.emit()

    def is_empty(self) -> bool:
        return self.canvas.is_empty()

    def clear(self) -> None:
        self.canvas.clear()

    def to_png(self) -> bytes:
        return self.canvas.to_png()
