"""The Ucanss window's « Examinateurs » tab: each jury member's severity, agreement and trend, as a table with
the chart beside it (the PDF report's own reportlab charts, shown as SVG). Rules and figures live in
core/ucanss/examiner_analytics.py and core/ucanss/examiner_report.py; this tab only asks and shows. No candidate here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.ucanss import examiner_report as er
from cqp_desktop.core.ucanss.examiner_analytics import Analytics, analyse
from cqp_desktop.gui.style import TEXT_BAD, TEXT_LENIENT
from cqp_desktop.gui.worker import Worker, busy_bar

HEADERS = ["Membre du jury", "Verdict", "Épreuves", "Désaccords", "Écart apparié", "Sévérité [IC 95 %]",
           "q (BH)", "Accord moyen", "Kappa moyen"]
COLOURS = {"plus sévère": TEXT_BAD, "plus indulgent": TEXT_LENIENT}


class ExaminersTab(QWidget):
    """Computed when first shown and on « Actualiser » (an import marks it out of date)."""

    def __init__(self, db: Any, parent: QWidget | None = None):
        super().__init__(parent)
        from cqp_desktop.core.ucanss import national_import

        self.db = db
        self.database = national_import.base_path(db)  # the worker opens its own connection to it
        self.analytics: Analytics | None = None
        self.stale = True
        self._again = False  # an import came while the analysis was being computed: compute once more
        self.worker = Worker(self)  # the model is fitted off the GUI thread (≈ 3 s at 10,000 épreuves)
        self.worker.progress.connect(self._show)
        self.worker.finished.connect(self._computed)
        self.worker.failed.connect(self._failed)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.busy_bar = busy_bar()
        self.busy_bar.setMaximumWidth(160)
        top.addWidget(self.busy_bar)
        self.chart_choice = QComboBox()
        for label, key in ((self.tr("Sévérité"), "severity"), (self.tr("Accord"), "agreement"), (self.tr("Évolution"), "trend")):
            self.chart_choice.addItem(label, key)
        self.chart_choice.currentIndexChanged.connect(self._show_chart)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.pdf_button = QPushButton(self.tr("Rapport PDF…"))
        self.csv_button = QPushButton(self.tr("CSV…"))
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))
        self.csv_button.clicked.connect(lambda: self._save("csv"))
        top.addWidget(QLabel(self.tr("Graphique")))
        for w in (self.chart_choice, self.refresh_button, self.pdf_button, self.csv_button):
            top.addWidget(w)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.chart = QSvgWidget()
        self.chart.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.chart.setMinimumWidth(320)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 560])
        layout.addWidget(splitter, 1)
        self.message = QLabel(self.tr("Aucun candidat n'apparaît ici : seuls les membres du jury sont analysés."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Compute the analysis on a worker thread with its own connection; the table follows when it is done."""
        if self.worker.running:  # the data changed meanwhile: once more when this one ends
            self._again = True
            return
        self.stale = False
        database = self.database
        self.refresh_button.setEnabled(False)
        self.busy_bar.show()
        self.message.setText(self.tr("Calcul de l'analyse des examinateurs en cours…"))

        def job() -> Iterator[Analytics]:
            from cqp_desktop.core.ucanss import national_import

            with national_import.own_connection(database) as own:
                yield analyse(own)

        self.worker.start(job, lambda exc: self.tr("Analyse impossible : {error}").format(error=exc))

    def _computed(self) -> None:
        self.refresh_button.setEnabled(True)
        self.busy_bar.hide()
        self.message.setText(self.tr("Aucun candidat n'apparaît ici : seuls les membres du jury sont analysés."))
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, message: str) -> None:
        self._computed()
        self.message.setText(message)

    def _show(self, a: Analytics) -> None:
        self.analytics = a
        estimable = sum(1 for s in a.severity if s.estimate is not None)
        self.summary.setText(self.tr(
            "{n} épreuve(s), dont {d} en double correction ; {m} membre(s) du jury, {e} estimable(s) ; "
            "{f} signalé(s) (taux de fausses découvertes {alpha} %)."
        ).format(n=a.epreuves, d=a.double_marked, m=len(a.severity), e=estimable, f=len(a.flagged), alpha=round(100 * a.alpha)))
        agreements = {x.member: x for x in a.agreement}
        rows = er.ordered(a)
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            ag = agreements.get(s.member)
            cells = [
                a.name(s.member), s.verdict, str(s.double_marked), str(s.discordant), er.points(s.paired_difference),
                f"{er.num(s.estimate)} [{er.num(s.low)} ; {er.num(s.high)}]", er.q_text(s.q_value),
                "—" if ag is None or ag.mean_percent is None else f"{er.num(100 * ag.mean_percent, 1)} %",
                er.num(None if ag is None else ag.mean_kappa),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if s.verdict in COLOURS:
                    item.setForeground(QBrush(QColor(COLOURS[s.verdict])))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._show_chart()

    def chart_svg(self) -> bytes:
        """The chart chosen, as the PDF report draws it (numbers are in the table beside it)."""
        a = self.analytics
        if a is None:
            return b""
        key = self.chart_choice.currentData()
        if key == "agreement":
            drawing = er.agreement_chart(a)
        elif key == "trend":
            drawing = er.trend_chart(a, [s.member for s in sorted(a.flagged, key=lambda s: s.estimate or 0)][:7])
        else:
            drawing = er.severity_chart(a, width=360, numbers=False)
        return er.svg(drawing)

    def _show_chart(self) -> None:
        self.chart.load(QByteArray(self.chart_svg()))
        self.chart.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)

    def _save(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer l'analyse des examinateurs"), f"analyse-examinateurs.{kind}",
            "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)",
        )
        if name:
            self.write(kind, Path(name))

    def write(self, kind: str, path: Path) -> bool:
        """Write the report (pdf) or the table (csv); the outcome goes to the message line."""
        if self.analytics is None or self.stale:  # asked before the tab was ever shown: computed here
            self.stale = False
            self._show(analyse(self.db))
        assert self.analytics is not None
        writer = er.write_pdf if kind == "pdf" else er.write_csv
        try:
            writer(self.analytics, path)
        except (FileNotFoundError, NotADirectoryError):
            self.message.setText(self.tr("« {path} » non écrit : dossier introuvable.").format(path=path))
            return False
        except OSError as exc:
            self.message.setText(self.tr("« {path} » non écrit : {why}.").format(path=path, why=exc.strerror or exc))
            return False
        self.message.setText(self.tr("Écrit : {path}").format(path=path))
        return True
