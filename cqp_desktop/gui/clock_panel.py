"""The big countdown and the timer buttons. It asks the runner for a reading; it stores nothing itself.

A QTimer (owned by the runner view) calls `refresh()` every 200 ms; buttons call runner commands,
which store their timer event before the panel redraws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.site.clock import ClockState, format_ms
from cqp_desktop.core.site.runner import REFUSALS, EpreuveRunner
from cqp_desktop.gui.runner_bridge import RunnerBridge
from cqp_desktop.gui.runner_dialogs import PauseReasonDialog, confirm
from cqp_desktop.gui.style import (
    BASE_CSS,
    CLOCK_BUTTON_CSS,
    CLOCK_PAUSED_CSS,
    CLOCK_STATE_CSS,
    COUNT_WARNING_CSS,
    COUNTDOWN_CSS,
    COUNTDOWN_ENDED_CSS,
    ERROR_CSS,
    FOOTNOTE_CSS,
    LARGE_CSS,
    OVERRUN_CSS,
    PHASE_CSS,
)
from cqp_desktop.gui.ui_loader import Finder, layout_of, load_form


class ClockPanel(QWidget):
    """The countdown and its commands. F6 asks for the pause reason; F8 asks before ending a phase
    early or ending the épreuve. `pending` is the question on screen, if any."""

    def __init__(
        self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self.runner = runner
        self.today = today
        form = load_form("clock_panel", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        find = Finder(form)
        self.phase_label: QLabel = find(QLabel, "phaseLabel")
        self.countdown: QLabel = find(QLabel, "countdownLabel")
        self.elapsed: QLabel = find(QLabel, "elapsedLabel")
        self.overrun: QLabel = find(QLabel, "overrunLabel")
        self.state: QLabel = find(QLabel, "stateLabel")
        self.start_button: QPushButton = find(QPushButton, "startButton")
        self.pause_button: QPushButton = find(QPushButton, "pauseButton")
        self.next_button: QPushButton = find(QPushButton, "nextButton")
        self.count_label: QLabel = find(QLabel, "countLabel")
        self.count: QSpinBox = find(QSpinBox, "countSpin")
        self.count_warning: QLabel = find(QLabel, "countWarning")
        self.phases_label: QLabel = find(QLabel, "phasesLabel")

        self.pending: QWidget | None = None
        self.phase_label.setStyleSheet(PHASE_CSS)
        self.phase_label.setWordWrap(True)
        self.countdown.setStyleSheet(COUNTDOWN_CSS)
        self.elapsed.setStyleSheet(LARGE_CSS)
        self.overrun.setStyleSheet(OVERRUN_CSS)
        policy = self.overrun.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the overrun appearing must not move the buttons
        self.overrun.setSizePolicy(policy)
        self.state.setStyleSheet(CLOCK_STATE_CSS)
        for button in (self.start_button, self.pause_button, self.next_button):
            button.setStyleSheet(CLOCK_BUTTON_CSS)
        self.count.setStyleSheet(LARGE_CSS)
        self.count_label.setStyleSheet(BASE_CSS)
        self.count_warning.setStyleSheet(COUNT_WARNING_CSS)
        self.phases_label.setStyleSheet(FOOTNOTE_CSS)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_CSS)
        self.message.hide()
        layout.addWidget(self.message)

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.start_button.clicked.connect(lambda: self.start_or_resume())
        self.pause_button.clicked.connect(lambda: self.pause())
        self.next_button.clicked.connect(lambda: self.next_phase())
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

    def start_or_resume(self, confirmed: bool = False) -> QWidget | None:
        """F5. Starting on a day other than the planned one asks first: the real day is what is kept."""
        state = self.runner.reading().state
        if state == ClockState.NOT_STARTED:
            planned = (self.runner.epreuve.get("planned_date") or "")[:10]
            today = self.today()
            if confirmed or not planned or planned == today.isoformat() or self.runner.jury_problem() or self.runner.read_only:
                self._run(self.runner.start)  # a refusal (no jury, read only) is shown as it is
                return None
            text = self.tr(
                "Cette épreuve est prévue le {planned} ; nous sommes le {today}.\n"
                "La démarrer aujourd'hui ? La date réelle sera enregistrée et imprimée sur le compte rendu."
            ).format(planned=french_day(planned), today=french_day(today))
            self.pending = confirm(
                self, self.tr("Démarrer un autre jour que prévu"), text, self.tr("Démarrer aujourd'hui"),
                self.tr("Ne pas démarrer"), lambda: self.start_or_resume(confirmed=True),
            )
            return self.pending
        if state == ClockState.PAUSED:
            self._run(self.runner.resume)
        return None

    def pause(self, reason: str | None = None) -> PauseReasonDialog | None:
        """Pause with `reason`, or ask for it first (F6, the Pause button)."""
        if reason is not None:
            self._run(lambda: self.runner.pause(reason))
            return None
        if self.runner.reading().state != ClockState.RUNNING or self.runner.read_only:
            return None
        dialog = PauseReasonDialog(self)
        dialog.chosen.connect(lambda chosen: self._run(lambda: self.runner.pause(chosen)))
        self.pending = dialog
        dialog.open()
        dialog.activateWindow()  # ↑ ↓ Entrée go to the list, not to the grid behind it
        return dialog

    def next_phase(self, confirmed: bool = False) -> QWidget | None:
        """F8: next phase at once when its time is up; before that, and to end the épreuve, ask."""
        r = self.runner.reading()
        if r.state not in (ClockState.RUNNING, ClockState.PAUSED) or self.runner.read_only:
            self._run(self.runner.next_phase)  # refused with its reason
            return None
        if confirmed or (r.remaining_ms <= 0 and not r.is_last_phase):
            self._run(self.runner.next_phase)
            return None
        left = self.tr("Il reste {t} sur la phase « {phase} ».").format(t=format_ms(r.remaining_ms), phase=r.phase.label)
        if r.is_last_phase:
            title, yes = self.tr("Terminer l'épreuve"), self.tr("Terminer l'épreuve")
            text = self.tr("Terminer l'épreuve maintenant ? Le chronomètre s'arrête définitivement ; "
                           "la grille reste modifiable jusqu'à la signature de l'avis.")
            if r.remaining_ms > 0:
                text = left + "\n" + text
        else:
            title, yes = self.tr("Phase suivante"), self.tr("Passer à la phase suivante")
            text = left + "\n" + self.tr("Passer maintenant à « {next} » ?").format(next=self.runner.phases[r.phase_index + 1].label)
        self.pending = confirm(self, title, text, yes, self.tr("Continuer la phase"), lambda: self.next_phase(confirmed=True))
        return self.pending

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
            self._style(self.countdown, COUNTDOWN_ENDED_CSS)
            self._text(self.elapsed, self.tr("Durée totale {t}").format(t=format_ms(r.total_elapsed_ms)))
        else:
            self._style(self.countdown, COUNTDOWN_CSS)
            self._text(self.countdown, format_ms(r.remaining_ms) if not r.overrun_ms else "00:00")
            self._text(self.elapsed,
                self.tr("Écoulé {e} sur {p}").format(e=format_ms(r.elapsed_ms), p=format_ms(r.planned_ms))
            )
        if r.overrun_ms and not ended:
            self._text(self.overrun, self.tr("Dépassement +{t}").format(t=format_ms(r.overrun_ms)))
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
            CLOCK_PAUSED_CSS if r.state == ClockState.PAUSED else CLOCK_STATE_CSS,
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

        has_count = phase.count_max is not None and not ended
        for widget in (self.count_label, self.count):
            widget.setVisible(has_count)
        if has_count:
            self._syncing = True
            self.count.setRange(0, phase.count_max or 0)
            self.count.setValue(r.count or 0)
            self._syncing = False
            self.count_label.setText(
                self.tr("{label} ({lo} à {hi}) :").format(label=(phase.count_label or "").capitalize(), lo=phase.count_min, hi=phase.count_max)
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
        self.phases_label.setMinimumHeight(self.phases_label.fontMetrics().lineSpacing() * len(lines) + 4)
        # never squeezed below what it shows (buttons must not overlap): the panels below scroll instead
        needed = layout_of(self).totalHeightForWidth(max(self.width(), 440))
        if needed > 0 and self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
        self.phases_label.setToolTip("\n".join(p.label for p in self.runner.phases))


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
