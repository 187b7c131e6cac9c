"""The keyboard shortcuts, in one table the jury can open with F1."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cqp_desktop.gui.style import BODY_CSS

SHORTCUTS = (
    ("Accueil", "Entrée / double-clic", "ouvrir l'épreuve sélectionnée"),
    ("Accueil", "Ctrl+N", "planifier une épreuve"),
    ("Accueil", "Ctrl+J", "composer le jury de l'épreuve sélectionnée"),
    ("Accueil", "Ctrl+D", "dossier du candidat"),
    ("Dossier", "Ctrl+N", "planifier une épreuve pour ce candidat"),
    ("Épreuve", "F5", "démarrer / reprendre le chronomètre (un autre jour que prévu : confirmation)"),
    ("Épreuve", "F6", "pause : choisir le motif (↑ ↓) puis Entrée"),
    ("Épreuve", "F8", "phase suivante / terminer l'épreuve (confirmation avant la fin du temps et pour terminer)"),
    ("Épreuve", "↑ ↓", "critère précédent / suivant"),
    ("Épreuve", "V / N / O", "validé / non validé / non observé, puis critère suivant (sauf en saisie de texte)"),
    ("Épreuve", "Ctrl+Z", "annuler la dernière décision"),
    ("Épreuve", "Ctrl+J", "jury (avant le début)"),
    ("Épreuve", "Ctrl+Maj+A", "avis du jury et signature (épreuve terminée)"),
    ("Double correction", "Ctrl+Tab / Ctrl+R", "changer de membre qui note / conciliation (V / N : décision finale)"),
    ("Questions", "Entrée / Échap", "confirmer / renoncer"),
    ("Personnes", "Ctrl+N / Ctrl+S", "nouvelle fiche / enregistrer la fiche"),
    ("Partout", "Échap", "revenir à l'accueil (le chronomètre continue)"),
    ("Partout", "Ctrl+H", "accueil — liste des épreuves"),
    ("Partout", "Ctrl+,", "réglages et données"),
    ("Partout", "Ctrl+Q", "quitter (confirmation pendant une épreuve en cours)"),
    ("Partout", "F1", "cette aide"),
    ("Partout", "Maj+F1", "guide du jury"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        layout = QVBoxLayout(self)
        rows = "".join(
            f"<tr><td>{self.tr(where)}</td><td><b>{key}</b></td><td>{self.tr(what)}</td></tr>" for where, key, what in SHORTCUTS
        )
        label = QLabel(f"<table cellpadding='3'>{rows}</table>")
        label.setStyleSheet(BODY_CSS)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
