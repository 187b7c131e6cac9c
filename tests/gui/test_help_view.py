"""The jury guide in the app: rendered from docs/guide-jury.md, with contents, images and search."""

from __future__ import annotations

from pathlib import Path

from cqp_desktop.gui.help_view import HelpDialog, HelpView, guide_path


def test_guide_renders_with_table_of_contents(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.view
    titles = [text for _, text, _ in view.headings()]
    for needed in ("Préparer une session", "Conduire une épreuve", "Rendre l'avis et signer", "Exporter",
                   "Après un arrêt brutal", "Sauvegardes et restauration", "Mettre à jour le référentiel"):
        assert any(needed in t for t in titles), needed
    assert view.toc.count() == len(titles)
    view.toc.setCurrentRow(7)
    assert view.browser.textCursor().block().text() == titles[7]


def test_every_screenshot_of_the_guide_exists_and_is_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = HelpView()
    qtbot.addWidget(view)
    names = view.image_names()
    assert len(names) >= 10
    folder = guide_path().parent
    missing = [n for n in names if not (folder / n).is_file()]
    assert missing == []


def test_search_finds_and_wraps(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = HelpView()
    qtbot.addWidget(view)
    view.search.setText("phrase secrète")
    assert view.find_next()
    assert view.browser.textCursor().selectedText().lower() == "phrase secrète"
    view.search.setText("mot absent du guide xyz")
    assert not view.find_next()


def test_missing_guide_gives_a_french_message(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = HelpView(path=tmp_path / "absent.md")
    qtbot.addWidget(view)
    assert "introuvable" in view.browser.toPlainText()
    assert view.toc.count() == 0
