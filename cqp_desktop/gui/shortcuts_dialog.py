"""The keyboard shortcuts, in one table the jury can open with F1."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

SHORTCUTS = (
    ("Accueil", "Entrée / double-clic", "ouvrir l'épreuve sélectionnée"),
    ("Accueil", "Ctrl+N", "planifier une épreuve"),
    ("Accueil", "Ctrl+J", "composer le jury de l'épreuve sélectionnée"),
    ("Accueil", "Ctrl+D", "dossier du candidat"),
    ("Épreuve", "F5", "démarrer / reprendre le chronomètre"),
    ("Épreuve", "F6", "pause (avec le motif choisi)"),
    ("Épreuve", "F8", "phase suivante / terminer l'épreuve"),
    ("Épreuve", "↑ ↓", "critère précédent / suivant"),
    ("Épreuve", "V / N / O", "validé / non validé / non observé, puis critère suivant"),
    ("Épreuve", "Ctrl+Z", "annuler la dernière décision"),
    ("Épreuve", "Ctrl+J", "jury (avant le début)"),
    ("Partout", "Échap", "revenir à l'accueil (le chronomètre continue)"),
    ("Partout", "F1", "cette aide"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        layout = QVBoxLayout(self)
        rows = "".join(
            f"<tr><td>{self.tr(where)}</td><td><b>{key}</b></td><td>{self.tr(what)}</td></tr>" for where, key, what in SHORTCUTS
        )
        label = QLabel(f"<table cellpadding='5'>{rows}</table>")
        label.setStyleSheet("font-size: 13pt;")
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
