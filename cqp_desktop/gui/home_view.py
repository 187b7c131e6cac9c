"""Home screen: the épreuves planned for this jury, today's first, with their state.

Enter or double-click opens the selected épreuve; buttons (with their shortcuts shown) plan a new
one, compose its jury or open the candidate's dossier. The view only emits requests; MainWindow acts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from cqp_desktop.core.common.formats import capitalised, french_day
from cqp_desktop.core.model.kinds import mode_label, route_label
from cqp_desktop.core.site.overview import EpreuveLine, EpreuveState, epreuve_lines
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui.style import BASE_CSS, BODY_CSS, BUTTON_CSS, NOTICE_CSS
from cqp_desktop.gui.ui_loader import load_form

STATE_MARKS = {
    EpreuveState.A_VENIR: "○",
    EpreuveState.EN_COURS: "●",
    EpreuveState.INTERROMPUE: "‖",
    EpreuveState.TERMINEE: "✔",
    EpreuveState.SIGNEE: "✍",
    EpreuveState.ANNULEE: "⊘",
}


class EpreuveTableModel(QAbstractTableModel):
    HEADERS = ("Date", "Candidat", "CQP", "Bloc", "Voie", "Nature", "État")

    def __init__(
        self, lines: list[EpreuveLine], today: dt.date | None = None, live: Callable[[int], str | None] | None = None
    ):
        super().__init__()
        self.lines = lines
        self.live = live or (lambda _epreuve_id: None)
        self.today = (today or dt.date.today()).isoformat()
        # Texts are computed once: views ask data() many times per row (sizing, painting, selection).
        self._texts = [self._texts_of(line) for line in lines]
        self._bold = QFont()
        self._bold.setBold(True)

    def _texts_of(self, line: EpreuveLine) -> tuple[str, ...]:
        day = line.planned_date
        date_text = french_day(day) + (" (aujourd'hui)" if day == self.today else "")
        return (
            date_text,
            line.candidate,
            line.certification,
            line.bloc,
            capitalised(route_label(line.route)),
            capitalised(mode_label(line.mode)),
            self._state_text(line),
        )

    def _state_text(self, line: EpreuveLine) -> str:
        """« en cours » only for an épreuve open in this window, with its time; after a crash as after a
        normal quit, a clock that nobody is running any more reads « interrompue »."""
        state = line.state
        live = self.live(line.id) if state in (EpreuveState.EN_COURS, EpreuveState.INTERROMPUE) else None
        if state == EpreuveState.EN_COURS and live is None:
            state = EpreuveState.INTERROMPUE
        text = f"{STATE_MARKS.get(state, '')} {state}"
        return f"{text} — {live}" if live else text

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # a cut text is whole on hover
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and self.lines[index.row()].planned_date == self.today:
            return self._bold
        return None


class HomeView(QWidget):
    """Lists épreuves; holds no domain state beyond what it shows.

    Signals:
        open_requested(int): épreuve id to run. plan_requested(): plan a new épreuve.
        jury_requested(int): épreuve id whose jury to compose. dossier_requested(int): candidate id.
    """

    open_requested = Signal(int)
    plan_requested = Signal()
    jury_requested = Signal(int)
    dossier_requested = Signal(int)

    def __init__(self, store: Store, notice: str, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.live: Callable[[int], str | None] = lambda _epreuve_id: None  # the main window tells running times
        form = load_form("home_view", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.table: QTableView = form.findChild(QTableView, "epreuvesTable")
        self.notice: QLabel = form.findChild(QLabel, "noticeLabel")
        self.status: QLabel = form.findChild(QLabel, "statusLabel")
        title: QLabel = form.findChild(QLabel, "titleLabel")
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.set_notice(notice)
        self.notice.setStyleSheet(NOTICE_CSS)
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet(BASE_CSS)
        self.status.setStyleSheet(BODY_CSS)
        self.table.doubleClicked.connect(lambda index: self._emit_open(index.row()))
        self.table.installEventFilter(self)
        buttons = {name: form.findChild(QPushButton, name) for name in ("openButton", "juryButton", "dossierButton", "planButton")}
        for button in buttons.values():
            button.setStyleSheet(BUTTON_CSS)
        buttons["openButton"].clicked.connect(lambda: self._emit_open(self.current_row()))
        buttons["juryButton"].clicked.connect(self._emit_jury)
        buttons["dossierButton"].clicked.connect(self._emit_dossier)
        buttons["planButton"].clicked.connect(self.plan_requested.emit)
        for key, slot in (("Ctrl+N", self.plan_requested.emit), ("Ctrl+J", self._emit_jury), ("Ctrl+D", self._emit_dossier)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._emit_open(self.current_row())
                return True
        return super().eventFilter(watched, event)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_line(self) -> EpreuveLine | None:
        row = self.current_row()
        return self.model.lines[row] if 0 <= row < len(self.model.lines) else None

    def select_epreuve(self, epreuve_id: int) -> None:
        for row, line in enumerate(self.model.lines):
            if line.id == epreuve_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))

    def _emit_open(self, row: int) -> None:
        if 0 <= row < len(self.model.lines):
            self.open_requested.emit(self.model.lines[row].id)

    def _emit_jury(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.jury_requested.emit(line.id)

    def _emit_dossier(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.dossier_requested.emit(line.candidate_id)

    def set_notice(self, notice: str) -> None:
        """The référentiel banner ("critères indicatifs"), hidden for an official référentiel."""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def refresh(self) -> None:
        current = self.selected_line()
        self.model = EpreuveTableModel(epreuve_lines(self.store, self.today), self.today, self.live)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # size columns on the first rows (today's first), not on all
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)  # names whole; the state takes the rest
        count = len(self.model.lines)
        self.status.setText(
            f"{count} épreuve(s). Entrée ou double-clic : ouvrir l'épreuve." if count else "Aucune épreuve planifiée."
        )
        if current is not None:
            self.select_epreuve(current.id)
        elif count:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
