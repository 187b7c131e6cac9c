"""Home screen: the épreuves planned for this jury, today's first, with their state.

Enter or double-click opens the selected épreuve; buttons (with their shortcuts shown) plan a new
one, compose its jury or open the candidate's dossier. The view only emits requests; MainWindow acts.

It is the one screen built before the first paint, so its few widgets are built here in code: the first
Designer form an application loads costs ≈ 40 ms (QUiLoader prepares every widget class), which the other
screens pay when they first open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.common.formats import capitalised, french_day
from cqp_desktop.core.model.kinds import mode_label, route_label
from cqp_desktop.core.site.overview import EpreuveLine, EpreuveState, epreuve_lines
from cqp_desktop.gui.style import BASE_CSS, BODY_CSS, BUTTON_CSS, HEADLINE_CSS, NOTICE_CSS

if TYPE_CHECKING:
    from cqp_desktop.core.storage.store import Store

_ROOT = QModelIndex()  # the model's root, the default parent Qt passes
FIT_ROWS = 200  # columns are sized on the first rows (today's first), not on all
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
        self.texts = [self._texts_of(line) for line in lines]
        self.bold_font = QFont()
        self.bold_font.setBold(True)

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

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # a cut text is whole on hover
            return self.texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and self.lines[index.row()].planned_date == self.today:
            return self.bold_font
        return None


class HomeView(QWidget):
    """Lists épreuves; holds no domain state beyond what it shows.

    Built without a store (`store=None`, `lines` read by core/storage/home_preview.py) for the first paint, it shows
    the list and requests nothing until `set_store` gives it the opened, checked base.

    Signals:
        open_requested(int): épreuve id to run. plan_requested(): plan a new épreuve.
        jury_requested(int): épreuve id whose jury to compose. dossier_requested(int): candidate id.
    """

    open_requested = Signal(int)
    plan_requested = Signal()
    jury_requested = Signal(int)
    dossier_requested = Signal(int)

    def __init__(
        self, store: Store | None, notice: str, parent: QWidget | None = None, today: dt.date | None = None,
        lines: list[EpreuveLine] | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self._preview = lines or []
        self.today = today
        self.live: Callable[[int], str | None] = lambda _epreuve_id: None  # the main window tells running times
        title, buttons = self._build_form()
        title.setStyleSheet(HEADLINE_CSS)
        self.set_notice(notice)
        self.notice.setStyleSheet(NOTICE_CSS)
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet(BASE_CSS)
        self.status.setStyleSheet(BODY_CSS)
        self.table.doubleClicked.connect(lambda index: self._emit_open(index.row()))
        self.table.installEventFilter(self)
        self.buttons = list(buttons.values())
        for button in buttons.values():
            button.setStyleSheet(BUTTON_CSS)
        buttons["openButton"].clicked.connect(lambda: self._emit_open(self.current_row()))
        buttons["juryButton"].clicked.connect(self._emit_jury)
        buttons["dossierButton"].clicked.connect(self._emit_dossier)
        buttons["planButton"].clicked.connect(self._emit_plan)
        for key, slot in (("Ctrl+N", self._emit_plan), ("Ctrl+J", self._emit_jury), ("Ctrl+D", self._emit_dossier)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()
        self._set_ready(store is not None)

    @property
    def ready(self) -> bool:
        """False while the base is still being opened and checked: nothing is requested then."""
        return self.store is not None

    def set_store(self, store: Store) -> None:
        """The base is open and checked: read the list from it and accept requests."""
        self.store = store
        self._preview = []
        self.refresh()
        self._set_ready(True)

    def _set_ready(self, ready: bool) -> None:
        for button in self.buttons:
            button.setEnabled(ready)

    def _build_form(self) -> tuple[QLabel, dict[str, QPushButton]]:
        """Title, banner, the table, the action buttons and the status line (each named for findChild)."""
        self.setObjectName("HomeView")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(24, 18, 24, 18)

        def label(name: str, text: str = "", wrap: bool = True) -> QLabel:
            widget = QLabel(text, self)
            widget.setObjectName(name)
            widget.setWordWrap(wrap)
            layout.addWidget(widget)
            return widget

        title = label("titleLabel", self.tr("Épreuves planifiées"), wrap=False)
        self.notice = label("noticeLabel")
        self.table = QTableView(self)
        self.table.setObjectName("epreuvesTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        actions = QHBoxLayout()
        buttons: dict[str, QPushButton] = {}
        for name, text in (
            ("openButton", self.tr("Ouvrir l'épreuve  [Entrée]")), ("juryButton", self.tr("Jury…  [Ctrl+J]")),
            ("dossierButton", self.tr("Dossier du candidat  [Ctrl+D]")), ("", ""),
            ("planButton", self.tr("Planifier une épreuve…  [Ctrl+N]")),
        ):
            if not name:
                actions.addStretch(1)
                continue
            button = QPushButton(text, self)
            button.setObjectName(name)
            actions.addWidget(button)
            buttons[name] = button
        layout.addLayout(actions)
        self.status = label("statusLabel")
        return title, buttons

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

    def _emit_plan(self) -> None:
        if self.ready:
            self.plan_requested.emit()

    def _emit_open(self, row: int) -> None:
        if self.ready and 0 <= row < len(self.model.lines):
            self.open_requested.emit(self.model.lines[row].id)

    def _emit_jury(self) -> None:
        line = self.selected_line()
        if line is not None and self.ready:
            self.jury_requested.emit(line.id)

    def _emit_dossier(self) -> None:
        line = self.selected_line()
        if line is not None and self.ready:
            self.dossier_requested.emit(line.candidate_id)

    def set_notice(self, notice: str) -> None:
        """The référentiel banner ("critères indicatifs"), hidden for an official référentiel."""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def _fit_columns(self) -> None:
        """Names whole, the state takes the rest. Widths are measured here, once per refresh, on the texts the
        model already holds: ResizeToContents asked the model for every role of every cell at each layout
        (≈ 50 000 calls before the first paint of a 1 000-épreuve list)."""
        self.table.ensurePolished()  # the style sheet's font size
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        margin = 4  # each side of the text: the style's focus frame margin + 1 (3 px in Fusion), and 1 to spare
        plain, bold = QFontMetrics(self.table.font()), QFontMetrics(self.model.bold_font.resolve(self.table.font()))
        today = self.model.today
        widest = [0] * (len(EpreuveTableModel.HEADERS) - 1)
        for line, texts in zip(self.model.lines[:FIT_ROWS], self.model.texts):
            metrics = bold if line.planned_date == today else plain
            for column in range(len(widest)):
                widest[column] = max(widest[column], metrics.horizontalAdvance(texts[column]))
        grid = 1 if self.table.showGrid() else 0
        for column, width in enumerate(widest):
            header.resizeSection(column, max(header.sectionSizeHint(column), width + 2 * margin + grid))
        header.setSectionResizeMode(len(widest), QHeaderView.ResizeMode.Stretch)

    def refresh(self) -> None:
        current = self.selected_line()
        lines = epreuve_lines(self.store, self.today) if self.store is not None else self._preview
        self.model = EpreuveTableModel(lines, self.today, self.live)
        self.table.setModel(self.model)
        self._fit_columns()
        count = len(self.model.lines)
        self.status.setText(
            f"{count} épreuve(s). Entrée ou double-clic : ouvrir l'épreuve." if count else "Aucune épreuve planifiée."
        )
        if current is not None:
            self.select_epreuve(current.id)
        elif count:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
