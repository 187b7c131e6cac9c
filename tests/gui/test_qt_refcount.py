"""Guard against a PySide6 build that leaks references to None (fatal on Python < 3.12).

PySide6 6.12.0 on Python 3.11 decrements None's reference count on every void Qt call: a runner
screen refreshing its clock every 200 ms aborts the app ("deallocating None") within minutes.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem


def test_void_qt_calls_do_not_consume_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    item = QTreeWidgetItem(["a", "b"])
    tree.addTopLevelItem(item)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        item.setText(1, "y")
    assert sys.getrefcount(None) - before > -100
