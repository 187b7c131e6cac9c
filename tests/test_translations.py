"""Translation files: placeholders survive translation, the .qm is usable, and the dialogs switch language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop.resources import resources_dir

TRANSLATIONS = resources_dir() / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))
# Python format fields ({name}, {n}), Qt arguments (%1, %L1) and plural counts (%n)
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?[1-9]|%n")


def placeholders(text: str | None) -> list[str]:
    return sorted(PLACEHOLDER.findall(text or ""))


def lost_placeholders(ts_text: str) -> list[str]:
    """Every message whose translation lost (or invented) a placeholder of its source, as readable lines."""
    problems: list[str] = []
    root = ET.fromstring(ts_text)
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            for form in forms:
                if form is None or not form.strip():
                    continue
                expected, found = placeholders(source), placeholders(form)
                if message.get("numerus") == "yes":
                    expected = sorted(p for p in expected if p != "%n")  # a singular form may spell the number out
                    found = sorted(p for p in found if p != "%n")
                if expected != found:
                    problems.append(f"{name}: « {source[:60]} » → « {form[:60]} » ({expected} ≠ {found})")
    return problems


def test_there_is_an_english_catalogue() -> None:
    assert [p.name for p in TS_FILES] == ["cqp-desktop_en.ts"]
    assert (TRANSLATIONS / "cqp-desktop_en.qm").is_file()
    root = ET.parse(TS_FILES[0]).getroot()
    assert root.get("sourcelanguage") == "fr_FR" and root.get("language").startswith("en")


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_no_translation_loses_a_placeholder(path: Path) -> None:
    assert lost_placeholders(path.read_text(encoding="utf-8")) == []


def test_the_checker_catches_a_lost_or_renamed_placeholder() -> None:
    ts = """<TS version="2.1" language="en" sourcelanguage="fr_FR"><context><name>X</name>
      <message><source>Sauvegarde prise : {name} ({size}).</source><translation>Backup taken: {name}.</translation></message>
      <message><source>Bonjour %1</source><translation>Hello %2</translation></message>
      <message><source>ok {n}</source><translation type="unfinished"></translation></message>
      <message numerus="yes"><source>%n critère(s) pour {bloc}</source>
        <translation><numerusform>one criterion for {bloc}</numerusform><numerusform>%n criteria for {blok}</numerusform></translation></message>
    </context></TS>"""
    problems = lost_placeholders(ts)
    assert len(problems) == 3
    assert "{size}" in problems[0] and "%1" in problems[1] and "{blok}" in problems[2]


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from cqp_desktop.gui import translations

    installed = translations.install(qapp, "en")
    yield
    translations.remove(qapp, installed)


def test_qm_translates_code_and_form_strings(english, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from cqp_desktop.app_context import AppContext
    from cqp_desktop.gui.settings_dialog import SettingsDialog

    assert QCoreApplication.translate("BackupPanel", "&Sauvegarder maintenant") == "&Back up now"
    context = AppContext.open(tmp_path)
    try:
        dialog = SettingsDialog(context)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Settings and data"  # self.tr() in Python
        assert dialog.tabs.tabText(1) == "&Backups"  # a string of ui/settings_dialog.ui
        assert dialog.backups.backup_button.text() == "&Back up now"
    finally:
        context.close()


def test_french_installs_qt_own_french_strings(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from cqp_desktop.gui import translations

    installed = translations.install(qapp, "fr")
    try:
        assert installed, "qtbase_fr.qm absent : les boutons standard de Qt resteraient en anglais"
        assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Oui"
    finally:
        translations.remove(qapp, installed)
