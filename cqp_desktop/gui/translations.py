"""Loading the interface translations at start-up.

The source language of every `tr()` string is French, so French needs no translation of our own — but
Qt's standard widgets (QMessageBox « Yes/No », QFileDialog, context menus) are English unless Qt's
own `qtbase_fr.qm` is loaded: `install("fr")` does that. Other languages load
`resources/translations/cqp-desktop_<lang>.qm` (generated with pyside6-lupdate / pyside6-lrelease,
see `make translations`) plus Qt's file for that language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cqp_desktop.resources import resources_dir

APP_CATALOG = "cqp-desktop"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install(app: QCoreApplication, language: str = "fr") -> list[QTranslator]:
    """Install Qt's and the app's catalogues for `language`; returns what was installed (kept alive by `app`)."""
    installed: list[QTranslator] = []
    # month and day names (calendar popups, dates) follow the interface, not the system's locale
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France) if language == "fr" else QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if language != "fr":
        ours = QTranslator(app)
        if ours.load(str(translations_dir() / f"{APP_CATALOG}_{language}.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
