"""Side panels of the runner: gaps to cover in the interview, MDR presentation, VAE livret 2."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.site.runner import REFUSALS, EpreuveRunner
from cqp_desktop.gui.runner_bridge import RunnerBridge
from cqp_desktop.gui.style import BASE_CSS, CAPTION_CSS, ERROR_CSS, GROUP_CAPTION_CSS, NOTICE_CSS, OK_CSS


class DiscussPanel(QWidget):
    """« À aborder en entretien »: every criterion still non observé, grouped by competence.

    Signals:
        criterion_chosen(str): the jury clicked (or pressed Entrée on) a criterion of the list.
    """

    criterion_chosen = Signal(str)

    def __init__(self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(BASE_CSS)
        layout.addWidget(self.intro, 0, Qt.AlignmentFlag.AlignTop)
        self.list = QListWidget()
        self.list.setStyleSheet(BASE_CSS)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        bridge.changed.connect(lambda topic: self.refresh() if topic in ("decisions", "clock", "presented") else None)
        self.refresh()

    def refresh(self) -> None:
        items = self.runner.to_discuss()
        count = sum(len(i.criteria) for i in items)
        self.list.setVisible(self.runner.observation_over)
        if not self.runner.observation_over:
            # during the observation only the count shows: the hidden list is not rebuilt per keystroke
            if self.list.count():
                self.list.clear()
            self.intro.setText(
                self.tr("La liste des critères à aborder s'affichera au début de l'entretien. "
                        "Critères encore non observés : {n}.").format(n=count)
            )
            return
        self.list.clear()
        if count:
            self.intro.setText(self.tr("{n} critère(s) encore non observé(s) : à aborder pendant l'entretien.").format(n=count))
        else:
            self.intro.setText(self.tr("Tous les critères ont une décision."))
        warning = self.runner.presentation_warning() if self.runner.observation_over else None
        if warning:
            self.intro.setText(self.intro.text() + "\n" + self.tr("⚠ Présentation : {w}").format(w=warning))
        for item in items:
            wording = item.competence.wording
            self.list.addItem(f"{item.competence.code} — {wording[:60]}{'…' if len(wording) > 60 else ''}")
            head = self.list.item(self.list.count() - 1)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            for criterion in item.criteria:
                self.list.addItem(f"    ○ {criterion.code}  {criterion.label}")
                self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, criterion.key)

    def _chosen(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.criterion_chosen.emit(key)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


class PresentationPanel(QWidget):
    """MDR: which competences the candidate's presentation addressed (stored at each tick)."""

    def __init__(self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Compétences abordées par la présentation (au moins {n}) :").format(
                n=runner.bloc.min_competences_presented or 0
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(CAPTION_CSS)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for competence in runner.bloc.competences:
            text = competence.wording if len(competence.wording) <= 34 else competence.wording[:34].rstrip() + "…"
            box = QCheckBox(f"{competence.code} — {text}")
            box.setToolTip(competence.wording)
            box.setStyleSheet(BASE_CSS)
            box.toggled.connect(lambda checked, key=competence.key: self._toggled(key, checked))
            layout.addWidget(box)
            self.boxes[competence.key] = box
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        bridge.changed.connect(lambda topic: self.refresh() if topic == "presented" else None)
        self.refresh()

    def _toggled(self, key: str, checked: bool) -> None:
        try:
            self.runner.set_presented(key, checked)
        except REFUSALS as exc:
            self.warning.setText(str(exc))
            self.warning.setStyleSheet(ERROR_CSS)
        self.refresh()

    def refresh(self) -> None:
        presented = self.runner.presented()
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in presented)
            box.setEnabled(not self.runner.read_only)
            box.blockSignals(False)
        warning = self.runner.presentation_warning()
        self.warning.setText(warning or self.tr("✔ {n} compétences abordées.").format(n=len(presented)))
        self.warning.setStyleSheet(NOTICE_CSS if warning else OK_CSS)


class LivretPanel(QWidget):
    """VAE: the livret 2 situations of this bloc (title, summary, competences evidenced)."""

    def __init__(self, runner: EpreuveRunner, bridge: RunnerBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        bounds = runner.referentiel.vae
        blocs = runner.candidacy_blocs()
        intro = QLabel(
            self.tr("Livret 2 : {lo} à {hi} situation(s) significative(s) pour le bloc {bloc}.").format(
                lo=bounds.situations_min, hi=bounds.situations_max, bloc=runner.bloc.code
            )
            + "\n"
            + self.tr("Un seul entretien de {minutes} min pour la candidature (blocs {blocs}) ; chaque bloc reçoit son avis.").format(
                minutes=bounds.interview_minutes, blocs=", ".join(blocs)
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(CAPTION_CSS)
        layout.addWidget(intro)
        self.slots: list[dict[str, object]] = []
        for slot in range(1, bounds.situations_max + 1):
            group = QGroupBox(self.tr("Situation {n}").format(n=slot))
            group.setStyleSheet(GROUP_CAPTION_CSS)
            g = QVBoxLayout(group)
            title = QLineEdit()
            title.setPlaceholderText(self.tr("Titre de la situation"))
            summary = QPlainTextEdit()
            summary.setPlaceholderText(self.tr("Résumé"))
            summary.setMaximumHeight(60)
            g.addWidget(title)
            g.addWidget(summary)
            boxes: dict[str, QCheckBox] = {}
            row = QHBoxLayout()
            for competence in runner.bloc.competences:
                box = QCheckBox(competence.code)
                box.setToolTip(competence.wording)
                row.addWidget(box)
                boxes[competence.key] = box
            row.addStretch(1)
            g.addLayout(row)
            buttons = QHBoxLayout()
            save = QPushButton(self.tr("Enregistrer la situation {n}").format(n=slot))
            remove = QPushButton(self.tr("Retirer"))
            save.clicked.connect(lambda _=False, s=slot: self.save(s))
            remove.clicked.connect(lambda _=False, s=slot: self.remove(s))
            buttons.addWidget(save)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            g.addLayout(buttons)
            layout.addWidget(group)
            self.slots.append({"title": title, "summary": summary, "boxes": boxes})
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        bridge.changed.connect(lambda topic: self.refresh() if topic == "situations" else None)
        self.refresh()

    def fill(self, slot: int, title: str, summary: str, competences: list[str]) -> None:
        widgets = self.slots[slot - 1]
        widgets["title"].setText(title)  # type: ignore[attr-defined]
        widgets["summary"].setPlainText(summary)  # type: ignore[attr-defined]
        for key, box in widgets["boxes"].items():  # type: ignore[attr-defined]
            box.setChecked(key in competences)

    def save(self, slot: int) -> None:
        widgets = self.slots[slot - 1]
        competences = [k for k, b in widgets["boxes"].items() if b.isChecked()]  # type: ignore[attr-defined]
        try:
            self.runner.set_situation(
                slot, widgets["title"].text(), widgets["summary"].toPlainText(), competences  # type: ignore[attr-defined]
            )
        except REFUSALS as exc:
            self.status.setText(str(exc))
            self.status.setStyleSheet(ERROR_CSS)
            return
        self.status.setText(self.tr("Situation {n} enregistrée.").format(n=slot))
        self.status.setStyleSheet(OK_CSS)

    def remove(self, slot: int) -> None:
        try:
            self.runner.remove_situation(slot)
        except REFUSALS as exc:
            self.status.setText(str(exc))
            self.status.setStyleSheet(ERROR_CSS)
            return
        self.fill(slot, "", "", [])

    def refresh(self) -> None:
        stored = {s.slot: s for s in self.runner.situations()}
        for slot, s in stored.items():
            self.fill(slot, s.title, s.summary, list(s.competences))
        warning = self.runner.situation_warning()
        if warning:
            self.status.setText(warning)
            self.status.setStyleSheet(NOTICE_CSS)
