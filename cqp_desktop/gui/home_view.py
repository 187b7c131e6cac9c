"""Home screen: the épreuves planned for this jury, today's first, with their state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from cqp_desktop.core.overview import EpreuveLine, epreuve_lines
from cqp_desktop.core.store import Store
from cqp_desktop.gui.ui_loader import load_form

ROUTES = {"formation": "Formation", "vae": "VAE"}
MODES = {"certification": "Certification", "prepositionnement": "Pré-positionnement (non certifiant)"}


class EpreuveTableModel(QAbstractTableModel):
    HEADERS = ("Date", "Candidat", "CQP", "Bloc", "Voie", "Nature", "État")

    def __init__(self, lines: list[EpreuveLine]):
        super().__init__()
        self.lines = lines

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.lines[index.row()]
        day = dt.date.fromisoformat(line.planned_date)
        return (
            day.strftime("%d/%m/%Y"),
            line.candidate,
            line.certification,
            line.bloc,
            ROUTES.get(line.route, line.route),
            MODES.get(line.mode, line.mode),
            str(line.state),
        )[index.column()]


class HomeView(QWidget):
    """Lists épreuves; holds no domain state beyond what it shows."""

    def __init__(self, store: Store, notice: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        form = load_form("home_view", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self.table: QTableView = form.findChild(QTableView, "epreuvesTable")
        self.notice: QLabel = form.findChild(QLabel, "noticeLabel")
        self.status: QLabel = form.findChild(QLabel, "statusLabel")
        title: QLabel = form.findChild(QLabel, "titleLabel")
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.notice.setStyleSheet("background: #fff4d6; border: 1px solid #d9a400; padding: 6px; font-size: 11pt;")
        self.table.verticalHeader().setVisible(False)
        self.refresh()

    def refresh(self) -> None:
        self.model = EpreuveTableModel(epreuve_lines(self.store))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        count = len(self.model.lines)
        self.status.setText(f"{count} épreuve(s)." if count else "Aucune épreuve planifiée.")
