"""The Ucanss's window (`cqp-desktop --ucanss`): import of the sites' packages, the consolidated list,
a candidate's record across sites and years, the jury paritaire national's session (decisions candidate
by candidate with the keyboard, closing with the signed procès-verbal) and the documents it produces.

Every rule lives in the core (core/ucanss/national.py, core/ucanss/national_jury.py, core/ucanss/national_documents.py,
core/site/results.py): the tabs only ask and show. Packages are imported one per event-loop turn, on the
GUI thread that owns the SQLite connection, so the progress bar moves and the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop import __version__
from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.calendar import Calendar, load_calendar, parse_calendar
from cqp_desktop.core.ucanss import national_import
from cqp_desktop.core.ucanss import national_jury as nj
from cqp_desktop.gui.examiners_tab import ExaminersTab
from cqp_desktop.gui.style import CAPTION_CSS, EMPHASIS_CSS, SUBTITLE_CSS
from cqp_desktop.gui.worker import Worker, busy_bar


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()


# --------------------------------------------------------------------------------------------------


class ImportTab(QWidget):
    """Signals: imported() once a batch is done (the other tabs refresh)."""

    imported = Signal()

    def __init__(self, db: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.queue: list[Path] = []
        self.done = 0
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Importez les paquets de session envoyés par les sites (fichiers .cqpkg, ou un dossier qui en contient). "
                               "Chaque paquet est vérifié (structure, empreintes, signatures certifiées par l'Ucanss, recalcul) avant d'entrer."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Fichiers…"))
        self.folder_button = QPushButton(self.tr("Dossier…"))
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v / %m paquet(s)"))
        layout.addWidget(self.progress)
        self.verdicts = _table([self.tr("Paquet"), self.tr("Verdict"), self.tr("Détail")])
        layout.addWidget(self.verdicts, 1)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.worker = Worker(self)
        self.worker.progress.connect(self._result)
        self.worker.finished.connect(self._ended)
        self.worker.failed.connect(self._ended)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Paquets à importer"), "", self.tr("Paquets (*.cqpkg *.cqpkg.p7m)"))
        self.start([Path(n) for n in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Dossier de paquets"))
        if folder:
            self.start([Path(folder)])

    def start(self, paths: list[Path]) -> None:
        """Import files and folders' packages on a worker thread (core/ucanss/national_import.py verifies them on
        every core); a verdict row appears as each batch is committed. Refused while an import runs."""
        if self.worker.running:
            return
        files: list[Path] = []
        for p in paths:
            files += sorted(q for q in p.iterdir() if q.name.endswith((".cqpkg", ".cqpkg.p7m"))) if p.is_dir() else [p]
        if not files:
            self.summary.setText(self.tr("Aucun paquet (.cqpkg) trouvé."))
            return
        self.queue, self.done = files, 0
        self.accepted = self.refused = 0
        self.verdicts.setRowCount(0)
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.files_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.summary.setText(self.tr("Import en cours…"))
        database = national_import.base_path(self.db)
        self.worker.start(
            lambda: self._import(database, files),
            lambda exc: self.tr("Import interrompu : {error}").format(error=exc),
        )

    @staticmethod
    def _import(database: Path, files: list[Path]) -> Iterator[Any]:
        from cqp_desktop.core.ucanss import national_import

        with national_import.own_connection(database) as own:
            yield from national_import.import_files(own, files, batch=8)

    @property
    def running(self) -> bool:
        return self.worker.running

    def _result(self, result: national_import.ImportResult) -> None:
        path, outcome = Path(result.source), result.outcome
        if outcome is not None:
            verdict, detail = outcome.status, self.tr("session « {s} », révision {r}, {c} candidat(s), {e} épreuve(s)").format(
                s=outcome.session_label, r=outcome.revision, c=outcome.candidates, e=outcome.epreuves
            )
            self.accepted += 1
        else:
            verdict, detail = self.tr("refusé"), " ; ".join(result.reasons)
            self.refused += 1
        row = self.verdicts.rowCount()
        self.verdicts.insertRow(row)
        for c, value in enumerate((path.name, verdict, detail)):
            self.verdicts.setItem(row, c, QTableWidgetItem(value))
        self.done += 1
        self.progress.setValue(self.done)

    def _ended(self, problem: str = "") -> None:
        self.verdicts.resizeColumnsToContents()
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        summary = self.tr("{a} paquet(s) accepté(s), {r} refusé(s).").format(a=self.accepted, r=self.refused)
        self.summary.setText(f"{problem} {summary}" if problem else summary)
        self.imported.emit()


class ListTab(QWidget):
    """Signals: candidate_requested(str uuid) on a double click or Entrée."""

    candidate_requested = Signal(str)
    ANY = "—"

    def __init__(self, db: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.session, self.site, self.cqp, self.status = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for label, combo in ((self.tr("Session"), self.session), (self.tr("Site"), self.site), (self.tr("CQP"), self.cqp),
                             (self.tr("Statut"), self.status)):
            filters.addWidget(QLabel(label))
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.refresh)
        layout.addLayout(filters)
        self.table = _table([self.tr("Candidat"), self.tr("Organisme"), self.tr("CQP visé"), self.tr("Statut"),
                             self.tr("CCP détenus"), self.tr("Blocs restant"), self.tr("Identifiant")])
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._open(self.table.currentRow()))
        layout.addWidget(self.table, 1)
        self.count = QLabel("")
        layout.addWidget(self.count)
        self.uuids: list[str] = []
        self.reload_choices()

    def reload_choices(self) -> None:
        choices = nj.list_choices(self.db)
        for combo, values in ((self.session, choices.sessions), (self.site, choices.sites), (self.cqp, choices.cqp)):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("tous"), None)
            for v in values:
                combo.addItem(v or self.tr("(site non renseigné)"), v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.status.blockSignals(True)
        if self.status.count() == 0:
            self.status.addItem(self.tr("tous"), None)
            for key, label in nj.STATUS_LABELS.items():
                self.status.addItem(label, key)
        self.status.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        rows = nj.filtered_list(
            self.db, session=self.session.currentData(), site=self.site.currentData(), cqp=self.cqp.currentData(),
            status=self.status.currentData(),
        )
        self.uuids = [c.uuid for c in rows]
        _fill(self.table, [
            [c.name, c.organisme, c.cqp, nj.STATUS_LABELS[nj.proposal_status(c)], ", ".join(c.held), ", ".join(c.missing), c.uuid]
            for c in rows
        ])
        self.count.setText(self.tr("{n} candidat(s)").format(n=len(rows)))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.uuids):
            self.candidate_requested.emit(self.uuids[row])


class CandidateTab(QWidget):
    def __init__(self, db: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Choisissez un candidat dans la liste consolidée (double clic ou Entrée)."))
        self.title.setStyleSheet(SUBTITLE_CSS)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(self.tr("Épreuves reçues (tous sites, toutes sessions)")))
        self.epreuves = _table([self.tr("Date"), self.tr("Session"), self.tr("Site"), self.tr("CQP"), self.tr("Bloc"),
                                self.tr("Avis du jury professionnel"), self.tr("Préconisations")])
        layout.addWidget(self.epreuves, 2)
        layout.addWidget(QLabel(self.tr("Décisions du jury paritaire national")))
        self.decisions = _table([self.tr("Jury du"), self.tr("Décision"), self.tr("Écart justifié"), self.tr("Préconisations"),
                                 self.tr("Enregistrée le")])
        layout.addWidget(self.decisions, 1)

    def show_candidate(self, uuid: str) -> None:
        history = nj.candidate_history(self.db, uuid)
        person = history["candidate"]
        self.title.setText(self.tr("{name} — {org} — CQP visé : {cqp} — {uuid}").format(
            name=person.name, org=person.organisme, cqp=person.cqp, uuid=uuid))
        _fill(self.epreuves, [
            [french_day(e.date), e.session_label, e.site, e.certification, e.bloc,
             (self.tr("bloc validé") if e.validated else self.tr("bloc non validé"))
             + (self.tr(" (s'écarte du calcul : {j})").format(j=e.justification) if e.validated != e.computed_validated else ""),
             e.preconisations]
            for e in history["epreuves"]
        ])
        _fill(self.decisions, [
            [french_day(s.jury_date) + ("" if s.closed else self.tr(" (en cours)")), d.outcome, d.justification if d.departs else "",
             d.recommendations, d.decided_at]
            for s, d in history["decisions"]
        ])


class JuryTab(QWidget):
    """The session of the jury paritaire national: decisions candidate by candidate.

    Keys: ↑/↓ choose a candidate; 1–4 tick or untick the CCP of the n-th bloc evaluated; Ctrl+Entrée
    records the decision as shown and moves to the next candidate; Alt+C records the professional
    juries' proposal (« conforme à l'avis ») and moves on.

    Signals: changed() after a decision or a closing.
    """

    changed = Signal()

    def __init__(self, db: Any, calendar: Calendar, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.calendar = calendar
        self.listing: list[nj.Proposal] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.state = QLabel("")
        self.state.setStyleSheet(EMPHASIS_CSS)
        top.addWidget(self.state, 1)
        self.dates = QComboBox()
        self.calendar_button = QPushButton(self.tr("Calendrier…"))
        self.calendar_button.clicked.connect(self._choose_calendar)
        self.members = QLineEdit()
        self.members.setPlaceholderText(self.tr("Membres du jury présents"))
        self.create_button = QPushButton(self.tr("Ouvrir la séance"))
        self.create_button.clicked.connect(self.create_session)
        for w in (QLabel(self.tr("Date")), self.dates, self.calendar_button, self.members, self.create_button):
            top.addWidget(w)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = _table([self.tr("Candidat"), self.tr("CQP"), self.tr("Avis des jurys professionnels"), self.tr("Décision")])
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        splitter.addWidget(self.table)
        detail = QWidget()
        form = QVBoxLayout(detail)
        form.setContentsMargins(6, 0, 0, 0)
        self.who = QLabel("")
        self.who.setWordWrap(True)
        self.who.setStyleSheet(CAPTION_CSS)
        form.addWidget(self.who)
        self.avis = QLabel("")
        self.avis.setWordWrap(True)
        self.avis.setTextFormat(Qt.TextFormat.RichText)
        form.addWidget(self.avis)
        self.blocs_box = QGroupBox(self.tr("CCP délivrés par le jury (touches 1 à 4)"))
        self.blocs_layout = QHBoxLayout(self.blocs_box)
        form.addWidget(self.blocs_box)
        self.bloc_checks: list[QCheckBox] = []
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText(self.tr("Justification (obligatoire si la décision s'écarte de l'avis du jury professionnel)"))
        self.justification.setMaximumHeight(70)
        self.recommendations = QPlainTextEdit()
        self.recommendations.setPlaceholderText(self.tr("Préconisations (par défaut : celles du jury professionnel)"))
        self.recommendations.setMaximumHeight(70)
        form.addWidget(QLabel(self.tr("Justification de l'écart à l'avis (décision souveraine)")))
        form.addWidget(self.justification)
        form.addWidget(QLabel(self.tr("Préconisations du jury paritaire")))
        form.addWidget(self.recommendations)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Conforme à l'avis (Alt+C)"))
        self.record_button = QPushButton(self.tr("Enregistrer la décision (Ctrl+Entrée)"))
        self.accept_button.clicked.connect(self.accept_proposal)
        self.record_button.clicked.connect(self.record)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.record_button)
        form.addLayout(buttons)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        form.addWidget(self.message)
        form.addStretch(1)
        closing = QGroupBox(self.tr("Clôture de la délibération et proclamation"))
        closing_form = QFormLayout(closing)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.pv_path = QLineEdit()
        self.close_button = QPushButton(self.tr("Clore et signer le procès-verbal"))
        self.close_button.clicked.connect(self.close_session)
        closing_form.addRow(self.tr("Phrase secrète de l'Ucanss"), self.passphrase)
        closing_form.addRow(self.tr("Procès-verbal (PDF)"), self.pv_path)
        closing_form.addRow(self.close_button)
        self.busy_bar = busy_bar()  # the procès-verbal is built and signed on a worker thread
        closing_form.addRow(self.busy_bar)
        self.worker = Worker(self)
        self.worker.progress.connect(self._closed)
        self.worker.failed.connect(self._close_failed)
        form.addWidget(closing)
        splitter.addWidget(detail)
        splitter.setSizes([560, 640])
        layout.addWidget(splitter, 1)
        for key, slot in (("Ctrl+Return", self.record), ("Ctrl+Enter", self.record), ("Alt+C", self.accept_proposal)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for n in range(4):
            shortcut = QShortcut(QKeySequence(str(n + 1)), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda n=n: self.toggle_bloc(n))
        self.refresh()

    # -- session

    def session(self) -> nj.JurySession | None:
        return nj.open_session(self.db)

    def _choose_calendar(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Calendrier des jurys paritaires"), "", self.tr("Calendrier (*.toml)"))
        if name:
            self.load_calendar_file(Path(name))

    def load_calendar_file(self, path: Path) -> None:
        try:
            self.calendar = parse_calendar(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            self.message.setText(self.tr("« {f} » : {e}").format(f=path.name, e=exc))
            return
        self.refresh()

    def create_session(self) -> None:
        day = self.dates.currentData()
        if day is None:
            return
        try:
            nj.create_session(self.db, day, members=self.members.text(), calendar=self.calendar)
        except nj.JuryError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.refresh()
        self.table.setFocus()
        self.changed.emit()

    def refresh(self) -> None:
        session = self.session()
        taken = {s.jury_date for s in nj.sessions(self.db)}
        self.dates.clear()
        for d in self.calendar.jury_paritaire_dates:
            if d.isoformat() not in taken:
                self.dates.addItem(french_day(d), d)
        opening = session is None
        for w in (self.dates, self.calendar_button, self.members, self.create_button):
            w.setEnabled(opening)
        for w in (self.accept_button, self.record_button, self.close_button, self.passphrase, self.pv_path):
            w.setEnabled(not opening)
        if session is None:
            self.state.setText(self.tr("Aucune séance ouverte : choisissez une date du calendrier des jurys paritaires."))
            self.listing = []
            _fill(self.table, [])
            self._show(-1)
            return
        self.listing = nj.session_list(self.db, session.id)
        decided = sum(1 for p in self.listing if p.decision)
        self.state.setText(self.tr("Jury paritaire national du {d} — délibération : {n}/{t} décision(s)").format(
            d=french_day(session.jury_date), n=decided, t=len(self.listing)))
        if not self.pv_path.text():
            self.pv_path.setText(str(Path.home() / f"pv-jury-paritaire-{session.jury_date}.pdf"))
        row = max(0, self.table.currentRow())
        _fill(self.table, [
            [p.candidate.name, p.candidate.cqp, p.proposal_label,
             (p.decision.outcome + (self.tr(" (écart)") if p.decision.departs else "")) if p.decision else self.tr("à délibérer")]
            for p in self.listing
        ])
        if self.listing:
            self.table.setCurrentCell(min(row, len(self.listing) - 1), 0)
            self._show(self.table.currentRow())

    # -- one candidate

    def current(self) -> nj.Proposal | None:
        row = self.table.currentRow()
        return self.listing[row] if 0 <= row < len(self.listing) else None

    def _show(self, row: int) -> None:
        for check in self.bloc_checks:
            self.blocs_layout.removeWidget(check)
            check.deleteLater()
        self.bloc_checks = []
        p = self.listing[row] if 0 <= row < len(self.listing) else None
        if p is None:
            self.who.setText("")
            self.avis.setText("")
            return
        self.who.setText(f"{p.candidate.name} — {p.candidate.organisme} — CQP {p.candidate.cqp}")
        lines = [
            self.tr("{date} · {bloc} · {site} : {verdict}").format(
                date=french_day(e.date), bloc=e.bloc, site=e.site or e.session_label,
                verdict=(self.tr("<b>validé</b>") if e.validated else self.tr("<b>non validé</b>"))
                + (self.tr(" — préconisations : {p}").format(p=e.preconisations) if e.preconisations else ""),
            )
            for e in p.pending
        ]
        if p.delivered_before:
            lines.append(self.tr("CCP déjà délivrés : {b}").format(b=", ".join(f"{e.bloc} ({french_day(e.jury_date)})" for e in p.delivered_before)))
        lines.append(self.tr("<b>Avis des jurys professionnels</b> : {a}").format(a=p.proposal_label))
        self.avis.setText("<br>".join(lines))
        chosen = set(p.decision.blocs) if p.decision else set(p.proposed_ccp)
        for n, bloc in enumerate(p.evaluated):
            check = QCheckBox(f"{n + 1}. CCP {bloc}")
            check.setChecked(bloc in chosen)
            self.blocs_layout.addWidget(check)
            self.bloc_checks.append(check)
        self.justification.setPlainText(p.decision.justification if p.decision else "")
        self.recommendations.setPlainText(p.decision.recommendations if p.decision else "")

    def toggle_bloc(self, n: int) -> None:
        if n < len(self.bloc_checks):
            self.bloc_checks[n].toggle()

    def _decide(self, blocs: list[str]) -> None:
        p, session = self.current(), self.session()
        if p is None or session is None:
            return
        text = self.recommendations.toPlainText().strip()
        try:
            decision = nj.decide(self.db, session.id, p.candidate.uuid, blocs, justification=self.justification.toPlainText(),
                                 recommendations=text or None)
        except nj.JuryError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("{name} : {outcome}").format(name=p.candidate.name, outcome=decision.outcome))
        row = self.table.currentRow()
        self.refresh()
        if row + 1 < len(self.listing):
            self.table.setCurrentCell(row + 1, 0)
        self.table.setFocus()
        self.changed.emit()

    def record(self) -> None:
        p = self.current()
        if p is not None:
            self._decide([bloc for bloc, check in zip(p.evaluated, self.bloc_checks) if check.isChecked()])

    def accept_proposal(self) -> None:
        p = self.current()
        if p is not None:
            self.justification.setPlainText("")
            self._decide(list(p.proposed_ccp))

    def close_session(self) -> None:
        """Close the deliberation and sign the procès-verbal on a worker thread (a long session's PV runs to hundreds
        of pages); refused while it is being made."""
        from cqp_desktop.core.common.files import write_atomic
        from cqp_desktop.core.ucanss import authority, national_import

        session = self.session()
        if session is None or self.worker.running:
            return
        target = Path(self.pv_path.text())
        if not target.parent.is_dir():
            self.message.setText(self.tr("Dossier « {d} » introuvable.").format(d=target.parent))
            return
        database, session_id, passphrase = national_import.base_path(self.db), session.id, self.passphrase.text()

        def job() -> Iterator[str | None]:
            with national_import.own_connection(database) as own:
                key, certificate = authority.service_identity(own, passphrase)
                pdf = nj.close_session(own, session_id, key, certificate)
            try:
                write_atomic(target, pdf)
            except OSError as exc:
                yield self.tr("Procès-verbal enregistré dans la base, fichier non écrit : {e}").format(e=exc.strerror or exc)
                return
            yield None

        def describe(exc: BaseException) -> str:
            if isinstance(exc, (authority.AuthorityError, nj.JuryError)):
                return str(exc)
            return self.tr("Clôture interrompue : {error}").format(error=exc)

        self.target = target
        self.close_button.setEnabled(False)
        self.busy_bar.show()
        self.message.setText(self.tr("Clôture en cours : procès-verbal construit et signé…"))
        self.worker.start(job, describe)

    def _closed(self, problem: str | None) -> None:
        self.close_button.setEnabled(True)
        self.busy_bar.hide()
        self.message.setText(problem or self.tr("Délibération close, résultats proclamés ; procès-verbal signé : {f}").format(f=self.target))
        self.passphrase.clear()
        self.refresh()
        self.changed.emit()

    def _close_failed(self, message: str) -> None:
        self.close_button.setEnabled(True)
        self.busy_bar.hide()
        self.message.setText(message)


class DocumentsTab(QWidget):
    """What closed sessions produce: the procès-verbal, the certificates, the results files per site."""

    def __init__(self, db: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.sessions = QComboBox()
        self.folder = QLineEdit()
        choose = QPushButton(self.tr("Choisir…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Jury paritaire clos"), self.sessions)
        form.addRow(self.tr("Dossier de destination"), row)
        form.addRow(self.tr("Phrase secrète de l'Ucanss"), self.passphrase)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.pv_button = QPushButton(self.tr("Procès-verbal"))
        self.certificates_button = QPushButton(self.tr("Certificats CQP et CCP"))
        self.results_button = QPushButton(self.tr("Résultats par site (proclamation)"))
        self.pv_button.clicked.connect(self.write_pv)
        self.certificates_button.clicked.connect(self.write_certificates)
        self.results_button.clicked.connect(self.write_results)
        self.worker = Worker(self)  # certificates are made and signed off the GUI thread
        self.worker.progress.connect(self._certificate_made)
        self.worker.finished.connect(self._certificates_ended)
        self.worker.failed.connect(self._certificates_ended)
        for b in (self.pv_button, self.certificates_button, self.results_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.written = _table([self.tr("Document"), self.tr("Fichier")])
        layout.addWidget(self.written, 1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.sessions.clear()
        for s in nj.sessions(self.db):
            if s.closed:
                self.sessions.addItem(self.tr("Jury du {d}").format(d=french_day(s.jury_date)), s.id)
        self.sessions.setCurrentIndex(self.sessions.count() - 1)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Dossier des documents"))
        if folder:
            self.folder.setText(folder)

    def _target(self) -> Path | None:
        folder = Path(self.folder.text())
        if not self.folder.text() or not folder.is_dir():
            self.message.setText(self.tr("Choisissez un dossier de destination existant."))
            return None
        if self.sessions.currentData() is None:
            self.message.setText(self.tr("Aucun jury paritaire clos : clôturez d'abord la délibération."))
            return None
        return folder

    def _write(self, kind: str, files: list[tuple[str, bytes]]) -> None:
        folder = self._target()
        if folder is None:
            return
        for name, data in files:
            self._written(kind, folder, name, data)
        self.message.setText(self.tr("{n} fichier(s) écrit(s) dans {f}.").format(n=len(files), f=folder))

    def _written(self, kind: str, folder: Path, name: str, data: bytes) -> None:
        from cqp_desktop.core.common.files import write_atomic

        write_atomic(folder / name, data)
        row = self.written.rowCount()
        self.written.insertRow(row)
        self.written.setItem(row, 0, QTableWidgetItem(kind))
        self.written.setItem(row, 1, QTableWidgetItem(str(folder / name)))
        self.written.resizeColumnsToContents()

    def _service(self) -> tuple[Any, Any] | None:
        from cqp_desktop.core.ucanss import authority

        try:
            return authority.service_identity(self.db, self.passphrase.text())
        except authority.AuthorityError as exc:
            self.message.setText(str(exc))
            return None

    def write_pv(self) -> None:
        if self._target() is None:
            return
        session = nj.get_session(self.db, self.sessions.currentData())
        self._write(self.tr("Procès-verbal"), [(f"pv-jury-paritaire-{session.jury_date}.pdf", nj.proces_verbal(self.db, session.id))])

    def write_certificates(self) -> None:
        """Made and signed on a worker thread, each written as it comes; refused while they are being made."""
        from cqp_desktop.core.ucanss import national_documents, national_import

        folder = self._target()
        if folder is None or self.worker.running or (service := self._service()) is None:
            return
        database, jury_id = national_import.base_path(self.db), self.sessions.currentData()
        self.out_folder, self.count = folder, 0

        def job() -> Iterator[Any]:
            with national_import.own_connection(database) as own:
                yield from national_documents.each_certificate(own, jury_id, *service)

        self.certificates_button.setEnabled(False)
        self.message.setText(self.tr("Certificats en cours…"))
        self.worker.start(job, lambda exc: self.tr("Certificats interrompus : {error}").format(error=exc))

    def _certificate_made(self, made: Any) -> None:
        self._written(self.tr("Certificat"), self.out_folder, made.filename, made.pdf)
        self.count += 1
        self.message.setText(self.tr("Certificats en cours : {n} écrit(s)…").format(n=self.count))

    def _certificates_ended(self, problem: str = "") -> None:
        self.certificates_button.setEnabled(True)
        done = self.tr("{n} fichier(s) écrit(s) dans {f}.").format(n=self.count, f=self.out_folder)
        self.message.setText(f"{problem} {done}" if problem else done)

    def write_results(self) -> None:
        from cqp_desktop.core.exchange.ucanss_files import RESULTS_SUFFIX, results_file
        from cqp_desktop.core.ucanss.results_files import results_bodies

        if self._target() is None or (service := self._service()) is None:
            return
        session = nj.get_session(self.db, self.sessions.currentData())
        bodies = results_bodies(self.db, session.id)
        self._write(self.tr("Résultats"), [
            (f"resultats-{session.jury_date}-{key}{RESULTS_SUFFIX}", results_file(body, *service)) for key, body in bodies.items()
        ])


class UcanssWindow(QMainWindow):
    """The Ucanss's window over its national base (its own data folder)."""

    def __init__(self, db: Any, data_dir: Path, calendar: Calendar | None = None):
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("cqp-desktop {v} — Ucanss : consolidation et jury paritaire national").format(v=__version__))
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.import_tab = ImportTab(db)
        self.list_tab = ListTab(db)
        self.candidate_tab = CandidateTab(db)
        self.jury_tab = JuryTab(db, calendar or load_calendar())
        self.documents_tab = DocumentsTab(db)
        self.examiners_tab = ExaminersTab(db)
        for tab, label in (
            (self.import_tab, self.tr("&1 Import des paquets")),
            (self.list_tab, self.tr("&2 Liste consolidée")),
            (self.candidate_tab, self.tr("&3 Candidat")),
            (self.jury_tab, self.tr("&4 Jury paritaire")),
            (self.documents_tab, self.tr("&5 Documents")),
            (self.examiners_tab, self.tr("&6 Examinateurs")),
        ):
            self.tabs.addTab(tab, label)
        self.import_tab.imported.connect(self.list_tab.reload_choices)
        self.import_tab.imported.connect(self.jury_tab.refresh)
        self.import_tab.imported.connect(self.examiners_tab.mark_stale)
        self.list_tab.candidate_requested.connect(self.show_candidate)
        self.jury_tab.changed.connect(self.documents_tab.refresh)
        self.jury_tab.changed.connect(self.list_tab.refresh)
        self.statusBar().showMessage(self.tr("Base nationale : {dir}").format(dir=data_dir))
        self.setMinimumSize(900, 560)
        self.resize(1280, 700)


    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """An import in progress stops after the batch it is entering (each batch is one transaction)."""
        self.import_tab.worker.stop()
        self.examiners_tab.worker.stop()
        self.jury_tab.worker.stop()
        super().closeEvent(event)
    def show_candidate(self, uuid: str) -> None:
        self.candidate_tab.show_candidate(uuid)
        self.tabs.setCurrentWidget(self.candidate_tab)


def run_ucanss(data_dir: Path) -> int:
    """`cqp-desktop --ucanss`: the national base of `data_dir` in its window."""
    from cqp_desktop.core.ucanss.national import DB_FILENAME, open_national
    from cqp_desktop.gui.application import create_application

    app = create_application()
    db = open_national(data_dir / DB_FILENAME)
    window = UcanssWindow(db, data_dir)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
