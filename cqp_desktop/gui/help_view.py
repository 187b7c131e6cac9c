"""The jury guide inside the app: docs/guide-jury.md rendered by QTextBrowser, with a table of contents.

The same Markdown file is the guide in the repository (`docs/`) and in the bundle (PyInstaller copies
docs/), so there is one text to keep current. Screenshots are referenced relative to docs/ and scaled
down to the reading width.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.gui.style import BASE_CSS
from cqp_desktop.resources import project_root

GUIDE_NAME = "guide-jury.md"
MAX_IMAGE_WIDTH = 760


def guide_path() -> Path:
    return project_root() / "docs" / GUIDE_NAME


class HelpView(QWidget):
    """Table of contents on the left, the guide on the right, a search field above."""

    def __init__(self, parent: QWidget | None = None, *, path: Path | None = None):
        super().__init__(parent)
        self.path = path or guide_path()
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        label = QLabel(self.tr("&Rechercher :"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("mot à chercher dans le guide, puis Entrée"))
        label.setBuddy(self.search)
        search_row.addWidget(label)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.toc = QListWidget(splitter)
        self.browser = QTextBrowser(splitter)
        self.browser.setOpenExternalLinks(True)
        self.browser.setStyleSheet(BASE_CSS)
        self.toc.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.toc.setTextElideMode(Qt.TextElideMode.ElideRight)
        splitter.addWidget(self.toc)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        layout.addWidget(splitter, 1)

        self.toc.currentRowChanged.connect(self.go_to_section)
        self.search.returnPressed.connect(self.find_next)
        self.load()

    def load(self) -> bool:
        """Render the guide; a missing file gives a French message instead of an empty window."""
        self.toc.clear()
        if not self.path.is_file():
            self.browser.setPlainText(
                self.tr("Le guide du jury est introuvable ({path}). Réinstallez l'application.").format(path=self.path)
            )
            return False
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)), QTextDocument.ResourceType.MarkdownResource)
        self._fit_images(MAX_IMAGE_WIDTH)
        self._build_toc()
        return True

    def headings(self) -> list[tuple[int, str, int]]:
        """(level, text, position) of the guide's level-1 and level-2 headings, in order."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in (1, 2) and block.text().strip():
                found.append((level, block.text().strip(), block.position()))
            block = block.next()
        return found

    def _build_toc(self) -> None:
        for level, text, position in self.headings():
            item = QListWidgetItem(("" if level == 1 else "   ") + text)
            item.setData(Qt.ItemDataRole.UserRole, position)
            if level == 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.toc.addItem(item)

    def go_to_section(self, row: int) -> None:
        item = self.toc.item(row)
        if item is None:
            return
        document = self.browser.document()
        block = document.findBlock(int(item.data(Qt.ItemDataRole.UserRole)))
        cursor = QTextCursor(block)
        self.browser.setTextCursor(cursor)
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def find_next(self) -> bool:
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # wrap around once
        return self.browser.find(text)

    def image_names(self) -> list[str]:
        names = []
        block = self.browser.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    names.append(fragment.charFormat().toImageFormat().name())
                iterator += 1
            block = block.next()
        return names

    def _fit_images(self, max_width: int) -> None:
        """Screenshots are 1366 px wide: show them at reading width, keeping their proportions."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    fmt = fragment.charFormat().toImageFormat()
                    image = QImage(str(self.path.parent / fmt.name()))
                    if not image.isNull() and image.width() > max_width:
                        fmt.setWidth(max_width)
                        fmt.setHeight(image.height() * max_width / image.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(fmt)
                iterator += 1
            block = block.next()


class HelpDialog(QDialog):
    """The guide in its own window: open with `show()` so the jury can keep it beside the épreuve."""

    def __init__(self, parent: QWidget | None = None, *, path: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide du jury — cqp-desktop"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.view = HelpView(self, path=path)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Fermer"))
        close.setAutoDefault(False)  # Entrée in the search field searches; it never closes the guide
        close.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1150, 800)
