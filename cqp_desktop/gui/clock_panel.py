"""The big countdown and the timer buttons. It asks the runner for a reading; it stores nothing itself.

A QTimer (owned by the runner view) calls `refresh()` every 200 ms; buttons call runner commands,
which store their timer event before the panel redraws.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from cqp_desktop.core.clock import ClockState, format_ms
from cqp_desktop.core.runner import REFUSALS, EpreuveRunner
from cqp_desktop.gui.runner_bridge import RunnerBridge
from cqp_desktop.gui.style import ERROR_CSS
from cqp_desktop.gui.ui_loader import load_form

PAUSE_REASONS = (
    "Appel ou échange interrompu",
    "Incident technique",
    "Pause demandée par le candidat",
    "Concertation du jury",
)
BUTTON_CSS = "font-size: 14pt; padding: 4px 8px; font-weight: 600; min-height: 34px;"


class ClockPanel(QWidget):
    def __init__(self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        form = load_form("clock_panel", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        find = form.findChild
        self.phase_label: QLabel = find(QLabel, "phaseLabel")
        self.countdown: QLabel = find(QLabel, "countdownLabel")
        self.elapsed: QLabel = find(QLabel, "elapsedLabel")
        self.overrun: QLabel = find(QLabel, "overrunLabel")
        self.state: QLabel = find(QLabel, "stateLabel")
        self.start_button: QPushButton = find(QPushButton, "startButton")
        self.pause_button: QPushButton = find(QPushButton, "pauseButton")
        self.next_button: QPushButton = find(QPushButton, "nextButton")
        self.reason: QComboBox = find(QComboBox, "reasonCombo")
        self.count_label: QLabel = find(QLabel, "countLabel")
        self.count: QSpinBox = find(QSpinBox, "countSpin")
        self.count_warning: QLabel = find(QLabel, "countWarning")
        self.phases_label: QLabel = find(QLabel, "phasesLabel")

        self.phase_label.setStyleSheet("font-size: 14pt; font-weight: 700;")
        self.countdown.setStyleSheet("font-size: 52pt; font-weight: 700; font-family: 'DejaVu Sans Mono', monospace;")
        self.elapsed.setStyleSheet("font-size: 15pt;")
        self.state.setStyleSheet("font-size: 14pt; font-weight: 600;")
        for button in (self.start_button, self.pause_button, self.next_button):
            button.setStyleSheet(BUTTON_CSS)
        self.reason.addItems([self.tr(r) for r in PAUSE_REASONS])
        self.reason.setStyleSheet("font-size: 12pt;")
        self.count.setStyleSheet("font-size: 14pt;")
        self.count_label.setStyleSheet("font-size: 12pt;")
        self.count_warning.setStyleSheet("font-size: 12pt; color: #7a0000;")
        self.phases_label.setStyleSheet("font-size: 11pt; color: #222;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_CSS)
        self.message.hide()
        layout.addWidget(self.message)

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.start_button.clicked.connect(self.start_or_resume)
        self.pause_button.clicked.connect(self.pause)
        self.next_button.clicked.connect(self.next_phase)
        self.count.valueChanged.connect(self._count_changed)
        bridge.changed.connect(self._on_changed)
        self.refresh()

    # -------------------------------------------------------------------------------------------
    # commands

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        try:
            action()
        except REFUSALS as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.message.hide()
        return True

    def start_or_resume(self) -> None:
        state = self.runner.reading().state
        if state == ClockState.NOT_STARTED:
            self._run(self.runner.start)
        elif state == ClockState.PAUSED:
            self._run(self.runner.resume)

    def pause(self) -> None:
        reason = self.reason.currentText()
        self._run(lambda: self.runner.pause(reason))

    def next_phase(self) -> None:
        self._run(self.runner.next_phase)

    def _count_changed(self, value: int) -> None:
        if self._syncing:
            return
        if not self._run(lambda: self.runner.set_count(value)):
            self.refresh()

    _syncing = False

    def _on_changed(self, topic: str) -> None:
        if topic == "clock":
            self.refresh()

    # -------------------------------------------------------------------------------------------
    # drawing

    def _style(self, widget: QWidget, css: str) -> None:
        """Set a style sheet only when it changes: the 200 ms refresh must not re-polish every time."""
        if widget.styleSheet() != css:
            widget.setStyleSheet(css)

    def _text(self, label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def refresh(self) -> None:
        r = self.runner.reading()
        total = len(self.runner.phases)
        phase = r.phase
        self.phase_label.setText(
            self.tr("Phase {n}/{total} · {label}").format(n=r.phase_index + 1, total=total, label=phase.label)
        )
        ended = r.state == ClockState.ENDED
        if ended:
            self._text(self.countdown, self.tr("Terminée"))
            self._style(self.countdown, "font-size: 40pt; font-weight: 700;")
            self._text(self.elapsed, self.tr("Durée totale {t}").format(t=format_ms(r.total_elapsed_ms)))
        else:
            self._text(self.countdown, format_ms(r.remaining_ms) if not r.overrun_ms else "00:00")
            self._text(self.elapsed, 
                self.tr("Écoulé {e} sur {p}").format(e=format_ms(r.elapsed_ms), p=format_ms(r.planned_ms))
            )
        if r.overrun_ms and not ended:
            self._text(self.overrun, self.tr("Dépassement +{t}").format(t=format_ms(r.overrun_ms)))
            self._style(self.overrun, "font-size: 22pt; font-weight: 800; color: #ffffff; background: #9a0000; padding: 4px 10px;")
            self.overrun.setVisible(True)
        else:
            self._text(self.overrun, "")
            self.overrun.setVisible(False)
        states = {
            ClockState.NOT_STARTED: self.tr("Pas encore commencée"),
            ClockState.RUNNING: self.tr("● En cours"),
            ClockState.PAUSED: self.tr("En pause"),
            ClockState.ENDED: self.tr("■ Épreuve terminée"),
        }
        text = states[r.state]
        if r.state == ClockState.PAUSED and r.pause_reason:
            text += self.tr(" — motif : {reason}").format(reason=r.pause_reason)
        if r.recovered:
            text = self.tr("⚠ Reprise après interruption : chronomètre arrêté au dernier événement enregistré. "
                           "Vérifiez puis reprenez [F5].")
        self._text(self.state, text)
        self._style(
            self.state,
            "font-size: 14pt; font-weight: 600;" + (" background: #fff4d6; color: #3d2e00; padding: 4px;" if r.state == ClockState.PAUSED else ""),
        )

        writable = not self.runner.read_only
        self.start_button.setEnabled(writable and r.state in (ClockState.NOT_STARTED, ClockState.PAUSED))
        self.start_button.setText(
            self.tr("▶ Démarrer  [F5]") if r.state == ClockState.NOT_STARTED else self.tr("▶ Reprendre  [F5]")
        )
        self.pause_button.setEnabled(writable and r.state == ClockState.RUNNING)
        self.next_button.setEnabled(writable and r.state in (ClockState.RUNNING, ClockState.PAUSED))
        self.next_button.setText(
            self.tr("■ Terminer l'épreuve  [F8]") if r.is_last_phase else self.tr("Phase suivante ›  [F8]")
        )
        self.reason.setEnabled(writable and r.state == ClockState.RUNNING)

        has_count = phase.count_max is not None and not ended
        for widget in (self.count_label, self.count):
            widget.setVisible(has_count)
        if has_count:
            self._syncing = True
            self.count.setRange(0, phase.count_max or 0)
            self.count.setValue(r.count or 0)
            self._syncing = False
            self.count_label.setText(
                self.tr("{label} ({lo} à {hi}) :").format(label=phase.count_label.capitalize(), lo=phase.count_min, hi=phase.count_max)
            )
            self.count.setEnabled(writable and r.state != ClockState.NOT_STARTED)
        warning = self.runner.count_warning() if has_count and r.state != ClockState.NOT_STARTED else None
        self.count_warning.setText(warning or "")
        self.count_warning.setVisible(bool(warning))

        lines = []
        for i, p in enumerate(self.runner.phases):
            done = r.finished[i] if i < len(r.finished) else None
            name = _short(p.label)
            if done is not None:
                extra = self.tr(" (dépassement +{t})").format(t=format_ms(done.overrun_ms)) if done.overrun_ms else ""
                lines.append(f"✔ {name} : {format_ms(done.elapsed_ms)}{extra}")
            elif i == r.phase_index and not ended:
                lines.append(f"▶ {name} : {p.seconds // 60} min")
            else:
                lines.append(f"○ {name} : {p.seconds // 60} min")
        self._text(self.phases_label, "\n".join(lines))
        self.phases_label.setMinimumHeight(self.phases_label.fontMetrics().lineSpacing() * len(lines) + 6)
        # never squeezed below what it shows (buttons must not overlap): the panels below scroll instead
        needed = self.layout().totalHeightForWidth(max(self.width(), 440))
        if needed > 0 and self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
        self.phases_label.setToolTip("\n".join(p.label for p in self.runner.phases))


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
