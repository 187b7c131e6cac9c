"""Date fields the jury can type into: « 05/12/2026 », digits only, or a section after a click.

Qt's QDateEdit only accepts typed digits over a selected section: after a click the cursor sits inside
« 01 » and « 05 » becomes « 0105 », which it silently refuses. `make_typable` selects the section under
the cursor whenever typing starts in it (after focus, a click or moving on to the next section), so
typed digits replace it, as in any form.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit


class _TypingFilter(QObject):
    def __init__(self, edit: QDateEdit):
        super().__init__(edit)
        self.edit = edit
        self.fresh = True  # the next digit starts a section: replace it
        self.advanced = False  # Qt just moved on by itself: a typed « / » must not skip a section
        self.section = edit.currentSection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonRelease):
            self.fresh = True
            QTimer.singleShot(0, self._select_section)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.text() in ("/", ".", "-") and self.advanced:
                self.advanced = False
                return True  # « 05/12/2026 »: the « / » after « 05 » is already done
            self.advanced = False
            if event.text().isdigit():
                if self.edit.currentSection() != self.section:
                    self.fresh = True
                if self.fresh:
                    self._select_section()
                    self.fresh = False
                self.section = self.edit.currentSection()
                QTimer.singleShot(0, self._after_key)
            elif event.key() not in (Qt.Key.Key_Shift,):
                self.fresh = True
        return False

    def _after_key(self) -> None:
        if self.edit.currentSection() != self.section:  # Qt moved on to the next section
            self.section = self.edit.currentSection()
            self.fresh = self.advanced = True

    def _select_section(self) -> None:
        self.section = self.edit.currentSection()
        self.edit.setSelectedSection(self.section)


def make_typable(edit: QDateEdit) -> QDateEdit:
    """Let digits typed in `edit` replace the section under the cursor (see the module docstring)."""
    typing = _TypingFilter(edit)
    edit.installEventFilter(typing)
    edit.lineEdit().installEventFilter(typing)
    return edit
