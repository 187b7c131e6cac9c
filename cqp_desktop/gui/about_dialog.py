"""« À propos » : the app version and, above all, which référentiel new épreuves use and whether its
criteria are only indicative — what a jury member must know before trusting the grid."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QWidget

from cqp_desktop import __version__
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.gui.style import BASE_CSS, FOOTNOTE_CSS, HEADLINE_CSS, NOTICE_CSS, OK_CSS
from cqp_desktop.gui.ui_loader import Finder, dialog_body
from cqp_desktop.resources import resources_dir


def icon_path(size: int = 128) -> str:
    return str(resources_dir() / "icons" / f"cqp-desktop-{size}.png")


class AboutDialog(QDialog):
    """Open with `open()`. Reads the active référentiel from the store each time it is built."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("À propos de cqp-desktop"))
        form = dialog_body(self, "about_dialog", css=BASE_CSS, title_css=HEADLINE_CSS)
        find = Finder(form)
        icon: QLabel = find(QLabel, "iconLabel")
        icon.setPixmap(QPixmap(icon_path(128)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.version: QLabel = find(QLabel, "versionLabel")
        self.referentiel_label: QLabel = find(QLabel, "referentielLabel")
        self.criteria: QLabel = find(QLabel, "criteriaLabel")
        self.details: QLabel = find(QLabel, "detailsLabel")
        buttons: QDialogButtonBox = find(QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        buttons.rejected.connect(self.reject)

        self.version.setText(self.tr("Version {version}").format(version=__version__))
        referentiel = context.store.active_referentiel() or context.referentiel
        self.show_referentiel(referentiel)
        self.details.setText(
            self.tr(
                "Données : {folder}\nPython {python} · Qt {qt} · PySide6 {pyside}\n"
                "Police des PDF : DejaVu Sans (licence Bitstream Vera). Fonctionne entièrement hors ligne."
            ).format(
                folder=context.data_dir,
                python=platform.python_version(),
                qt=qVersion(),
                pyside=PySide6.__version__,
            )
        )
        self.details.setStyleSheet(FOOTNOTE_CSS)
        self.resize(680, 480)

    def show_referentiel(self, ref: Referentiel) -> None:
        self.referentiel_label.setText(
            self.tr(
                "{title}\nIdentifiant {id} · version {version}\nValable du {start} au {end}\nEmpreinte :\n{hash}"
            ).format(
                title=ref.title,
                id=ref.id,
                version=ref.version,
                start=french_day(ref.valid_from),
                end=french_day(ref.valid_until),
                hash=ref.content_hash,
            )
        )
        if ref.indicative:
            self.criteria.setText(
                self.tr("⚠ {notice}. Les épreuves déjà planifiées gardent leur propre référentiel.").format(
                    notice=ref.criteria_notice.rstrip(".")
                )
            )
            self.criteria.setStyleSheet(NOTICE_CSS)
        else:
            self.criteria.setText(self.tr("✔ Critères officiels du référentiel d'évaluation."))
            self.criteria.setStyleSheet(OK_CSS)
