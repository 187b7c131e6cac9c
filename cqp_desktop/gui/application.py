"""Starts Qt: the application object, the main window, and the event loop.

MainWindow switches between the home list, a candidate dossier and the épreuve runners. Runners stay
alive while the app runs (going back home does not stop a clock); closing the window pauses every
running clock with a reason, so a clean restart finds each épreuve where it was.

The real start (gui/start.py) paints the window before the base is opened: this module imports only
what the home list needs; the store, the runner and every dialog are imported when first used.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from cqp_desktop import __version__
from cqp_desktop.core.common.formats import french_day
from cqp_desktop.core.model.rules import Mode
from cqp_desktop.core.storage import settings as settings_mod
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.gui import screen_fit, translations
from cqp_desktop.gui.home_view import HomeView

if TYPE_CHECKING:  # screens and dialogs are imported when first opened: start-up pays for the home list only
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

    from cqp_desktop.app_context import AppContext
    from cqp_desktop.core.model.referentiel import Referentiel
    from cqp_desktop.core.site.clock import NowNs
    from cqp_desktop.core.site.overview import EpreuveLine
    from cqp_desktop.core.storage.store import Store
    from cqp_desktop.gui.about_dialog import AboutDialog
    from cqp_desktop.gui.avis_dialog import AvisDialog
    from cqp_desktop.gui.dossier_view import DossierView
    from cqp_desktop.gui.help_view import HelpDialog
    from cqp_desktop.gui.jury_dialog import JuryDialog
    from cqp_desktop.gui.planning_dialog import PlanningDialog
    from cqp_desktop.gui.referentiel_dialog import ReferentielDialog
    from cqp_desktop.gui.runner_view import RunnerView
    from cqp_desktop.gui.settings_dialog import SettingsDialog
    from cqp_desktop.gui.shortcuts_dialog import ShortcutsDialog


class MainWindow(QMainWindow):
    def __init__(
        self, context: AppContext | None, now_ns: NowNs = time.monotonic_ns, today: dt.date | None = None, *,
        preview: list[EpreuveLine] | None = None,
    ):
        """With a context, the whole window. Without one (the real start, gui/start.py), the window for the first
        paint: the home list from `preview` (core/storage/home_preview.py), the menus, and no action that needs the
        base until `attach(context)` hands over the opened, checked base."""
        super().__init__()
        self._context = context
        self.now_ns = now_ns
        self.today = today
        self.setWindowTitle(f"cqp-desktop {__version__} — jurys CQP COS / GC")
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.runners: dict[int, RunnerView] = {}
        self.dialog: QDialog | None = None
        self.help_dialog: QWidget | None = None
        self.base_actions: list[QAction] = []  # every menu entry that reads or writes the base
        self._fitter: screen_fit.ScreenFitter | None = None
        self._build_views(preview)
        self._build_menus()
        self.resize(1366, 800)  # then fitted to the screen when shown (screen_fit)
        if context is None:
            self.statusBar().showMessage(self.tr("Vérification de la base…"))
            for action in self.base_actions:
                action.setEnabled(False)
            # Only this window is watched until the base is open (attach installs the application-wide fitter):
            # before the first paint, a Python filter on every event of the application made PySide prepare all
            # its Qt classes (≈ 160 enumerations, 40 ms) to name the internal window objects it was shown.
            self._fitter = screen_fit.ScreenFitter(self)
            self.installEventFilter(self._fitter)
        else:
            self.statusBar().showMessage(self.tr("Données : {dir}").format(dir=context.data_dir))
            screen_fit.install(QApplication.instance())  # type: ignore[arg-type]

    @property
    def context(self) -> AppContext:
        if self._context is None:
            raise RuntimeError("la base n'est pas encore ouverte (MainWindow.attach)")
        return self._context

    @property
    def ready(self) -> bool:
        """The base is open and checked: every action is offered."""
        return self._context is not None

    def attach(self, context: AppContext) -> None:
        """The base is open and checked (gui/start.py): the list read from it, the banner, every action."""
        self._context = context
        screen_fit.install(QApplication.instance())  # type: ignore[arg-type]  # every dialog from now on
        if self._fitter is not None:
            self.removeEventFilter(self._fitter)
        self.home.set_store(context.store)
        self.refresh_notice()
        for action in self.base_actions:
            action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Données : {dir}").format(dir=context.data_dir))

    def _build_menus(self) -> None:
        """Fichier / Épreuve / Jury / Aide, each entry with its shortcut shown."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Fichier"))
        self._add(self.file_menu, self.tr("&Réglages et données…"), "Ctrl+,", self.show_settings)
        self._add(self.file_menu, self.tr("&Sauvegardes…"), None, lambda: self.show_settings(backups=True))
        self._add(self.file_menu, self.tr("Ré&férentiel…"), None, self.show_referentiel)
        self._add(self.file_menu, self.tr("Autorité de &confiance Ucanss…"), None, self.show_trust)
        self.file_menu.addSeparator()
        self._add(self.file_menu, self.tr("&Exporter la session (paquet signé)…"), None, self.show_session_export)
        self._add(self.file_menu, self.tr("&Importer l'accusé de réception Ucanss…"), None, lambda: self.show_session_export(ack=True))
        self.file_menu.addSeparator()
        self._add(self.file_menu, self.tr("&Quitter"), "Ctrl+Q", self.request_quit, base=False)
        self.epreuve_menu = bar.addMenu(self.tr("É&preuve"))
        self._add(self.epreuve_menu, self.tr("&Accueil — liste des épreuves"), "Ctrl+H", self.show_home)
        self._add(self.epreuve_menu, self.tr("&Planifier une épreuve…"), None, lambda: self.plan_epreuve())
        self._add(self.epreuve_menu, self.tr("A&vis du jury et signature…"), "Ctrl+Shift+A", self.avis_for_current)
        self._add(self.epreuve_menu, self.tr("A&nnuler l'épreuve (candidat absent)…"), None, self.cancel_current)
        self.epreuve_menu.addSeparator()  # double correction on two laptops (gui/handover_dialog.py)
        self._add(self.epreuve_menu, self.tr("Double correction : &remettre l'épreuve à l'expert (fichier)…"), None,
                  lambda: self.write_marking_file("remise"))
        self._add(self.epreuve_menu, self.tr("Double correction : fichier de re&tour de l'expert…"), None,
                  lambda: self.write_marking_file("retour"))
        self._add(self.epreuve_menu, self.tr("Double correction : &importer un fichier (remise ou retour)…"), None,
                  lambda: self.import_marking_file())
        self.jury_menu = bar.addMenu(self.tr("&Jury"))
        self._add(self.jury_menu, self.tr("&Candidats, jury et organismes…"), None, self.show_people)
        self._add(self.jury_menu, self.tr("&Identités de signature…"), None, lambda: self.show_identities())
        self.help_menu = bar.addMenu(self.tr("&Aide"))
        self._add(self.help_menu, self.tr("&Guide du jury"), "Shift+F1", self.show_help, base=False)
        self._add(self.help_menu, self.tr("&Raccourcis clavier"), "F1", self.show_shortcuts, base=False)
        self._add(self.help_menu, self.tr("À &propos de cqp-desktop"), None, self.show_about)

    def _add(self, menu, text: str, key: str | None, slot, base: bool = True) -> QAction:  # type: ignore[no-untyped-def]
        """A menu entry; `base`: it needs the opened base (disabled until `attach`)."""
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        if base:
            self.base_actions.append(action)
        return action

    def _notice(self, referentiel: Referentiel) -> str:
        """The home banner: indicative criteria, and a référentiel past its validity period."""
        lines = []
        if referentiel.indicative:
            lines.append(self.tr("Référentiel {v} : {notice}").format(v=referentiel.version, notice=referentiel.criteria_notice))
        if not referentiel.is_valid_on(self.today or dt.date.today()):
            lines.append(
                self.tr("Validité du référentiel : du {start} au {end}, dépassée aujourd'hui. Vérifiez auprès de l'Ucanss "
                        "qu'il s'applique encore, ou importez la nouvelle version (Fichier › Référentiel…).").format(
                    start=french_day(referentiel.valid_from), end=french_day(referentiel.valid_until)
                )
            )
        lines += self._trust_notices()
        return "\n".join(lines)

    def _trust_notices(self) -> list[str]:
        """No Ucanss authority installed (nobody can sign), and sessions kept past the retention rule."""
        from cqp_desktop.core.storage import settings

        store = self.context.store
        lines = []
        # plain counts first: at start-up neither the trust files nor the sessions need to be read
        if store_queries.trust_bundle_count(store) == 0:
            lines.append(self.tr("Aucune autorité Ucanss n'est installée sur ce poste : personne ne peut signer un avis. "
                                 "Installez le fichier de confiance (Fichier › Autorité de confiance Ucanss…)."))
        if store_queries.acknowledgment_count(store) == 0:
            return lines
        from cqp_desktop.core.site.acknowledgment import purge_reminders  # packages and signatures: only with a synced session

        try:
            days = settings.load(self.context.data_dir)["purge_reminder_days"]
        except settings.SettingsError:
            days = settings.defaults(self.context.data_dir)["purge_reminder_days"]
        for r in purge_reminders(store, self.today or dt.date.today(), days):
            lines.append(
                self.tr("Session « {label} » synchronisée avec l'Ucanss depuis {days} jours : effacez les données "
                        "personnelles des candidats (Fichier › Exporter la session…, « Purger les données personnelles »).").format(
                    label=r.label, days=r.days
                )
            )
        return lines

    def _build_views(self, preview: list[EpreuveLine] | None = None) -> None:
        if self._context is None:  # the first paint: the previewed list, no banner yet (it needs the base)
            self.home = HomeView(None, "", self, today=self.today, lines=preview)
        else:
            store = self._context.store
            ref = store.active_referentiel() or self._context.referentiel
            self.home = HomeView(store, self._notice(ref), self, today=self.today)
        self.home.live = self._live_text
        self._dossier: DossierView | None = None
        self.stack.insertWidget(0, self.home)
        self.home.open_requested.connect(self.open_epreuve)
        self.home.plan_requested.connect(lambda: self.plan_epreuve())
        self.home.jury_requested.connect(self.compose_jury)
        self.home.dossier_requested.connect(self.show_dossier)

    @property
    def dossier(self) -> DossierView:
        """The candidate dossier view, built the first time it is needed."""
        if self._dossier is None:
            from cqp_desktop.gui.dossier_view import DossierView

            self._dossier = DossierView(self.context.store, self)
            self.stack.insertWidget(1, self._dossier)
            self._dossier.home_requested.connect(self.show_home)
            self._dossier.plan_requested.connect(lambda cid: self.plan_epreuve(cid or None))
            self._dossier.open_requested.connect(self.open_epreuve)
        return self._dossier

    # -------------------------------------------------------------------------------------------
    # navigation

    def show_home(self) -> None:
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.home.table.setFocus()
        self.free_idle_views()

    def free_idle_views(self, keep: int | None = None) -> int:
        """Close the épreuve views whose clock is not running (each held ~2 MB: 300 opened → 543 MB); a
        running clock keeps its view, so going home never stops it. Returns how many were freed."""
        from cqp_desktop.core.site.clock import ClockState

        idle = [
            epreuve_id for epreuve_id, view in self.runners.items()
            if epreuve_id != keep and view.runner.reading().state != ClockState.RUNNING
        ]
        for epreuve_id in idle:
            view = self.runners.pop(epreuve_id)
            view.shutdown()  # saves a note being typed
            self.stack.removeWidget(view)
            view.deleteLater()
        return len(idle)

    def show_dossier(self, candidate_id: int) -> None:
        self.dossier.show_candidate(candidate_id)
        self.stack.setCurrentWidget(self.dossier)

    def open_epreuve(self, epreuve_id: int) -> RunnerView:
        self.free_idle_views(keep=epreuve_id)
        view = self.runners.get(epreuve_id)
        if view is None:
            from cqp_desktop.core.site.runner import EpreuveRunner
            from cqp_desktop.core.site.vae import clock_epreuve
            from cqp_desktop.gui.runner_view import RunnerView

            clock_id = clock_epreuve(self.context.store, epreuve_id)  # a VAE candidacy shares one interview clock
            live = next((v.runner for v in self.runners.values() if v.runner.clock_epreuve_id == clock_id), None)
            runner = EpreuveRunner(self.context.store, epreuve_id, now_ns=self.now_ns, live=live)
            view = RunnerView(runner, self, today=self.today)
            view.home_requested.connect(self.show_home)
            view.jury_requested.connect(self.compose_jury)
            view.avis_requested.connect(self.show_avis)
            self.stack.addWidget(view)
            self.runners[epreuve_id] = view
        self.stack.setCurrentWidget(view)
        view.checklist.tree.setFocus()
        return view

    # -------------------------------------------------------------------------------------------
    # dialogs (opened with open(): never block the event loop)

    def plan_epreuve(self, candidate_id: int | None = None) -> PlanningDialog:
        from cqp_desktop.gui.planning_dialog import PlanningDialog

        dialog = PlanningDialog(self.context.store, today=self.today, candidate_id=candidate_id, parent=self)
        dialog.planned.connect(self._planned)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, epreuve_id: int) -> None:
        self.show_home()
        self.home.select_epreuve(epreuve_id)
        self.statusBar().showMessage(self.tr("Épreuve planifiée : composez maintenant son jury."))
        if self.context.store.epreuve(epreuve_id)["mode"] == Mode.CERTIFICATION:
            self.compose_jury(epreuve_id)  # a certifying épreuve cannot start without its jury

    def compose_jury(self, epreuve_id: int) -> JuryDialog:
        from cqp_desktop.gui.jury_dialog import JuryDialog

        dialog = JuryDialog(self.context.store, epreuve_id, parent=self)
        dialog.saved.connect(self._jury_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _jury_saved(self, epreuve_id: int) -> None:
        view = self.runners.get(epreuve_id)
        if view is not None and (view.runner.double or self.context.store.epreuve(epreuve_id)["double_marking"]):
            # double correction chosen, dropped or its members changed (before the start): a new grid per member
            current = self.stack.currentWidget() is view
            self.runners.pop(epreuve_id)
            view.shutdown()
            self.stack.removeWidget(view)
            view.deleteLater()
            if current:
                self.open_epreuve(epreuve_id)
        elif view is not None:
            view.refresh_header()
        self.home.refresh()
        self.statusBar().showMessage(self.tr("Jury enregistré."))

    def current_epreuve(self) -> int | None:
        """The épreuve on screen (a runner) or selected on the home list."""
        widget = self.stack.currentWidget()
        for epreuve_id, view in self.runners.items():
            if view is widget:
                return epreuve_id
        line = self.home.selected_line() if widget is self.home else None
        return line.id if line else None

    def avis_for_current(self) -> AvisDialog | None:
        epreuve_id = self.current_epreuve()
        if epreuve_id is None:
            self.problem(self.tr("Choisissez d'abord une épreuve dans la liste."))
            return None
        return self.show_avis(epreuve_id)

    def cancel_current(self) -> QInputDialog | None:
        """Record that the selected épreuve did not take place; allowed only before it starts."""
        epreuve_id = self.current_epreuve()
        if epreuve_id is None:
            self.problem(self.tr("Choisissez d'abord une épreuve dans la liste."))
            return None
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Annuler l'épreuve"))
        dialog.setLabelText(
            self.tr("Épreuve : {what}\n\nMotif de l'annulation (l'épreuve ne doit pas avoir commencé ; elle restera "
                    "visible, marquée « annulée », et ne sera pas transmise) :").format(what=self._describe(epreuve_id))
        )
        dialog.setTextValue(self.tr("Candidat absent"))
        dialog.setOkButtonText(self.tr("Annuler l'épreuve"))
        dialog.setCancelButtonText(self.tr("Ne rien changer"))
        dialog.textValueSelected.connect(lambda reason: self._cancel(epreuve_id, reason))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _live_text(self, epreuve_id: int) -> str | None:
        """For the home list: where an open épreuve's clock stands (None when it is not open here)."""
        view = self.runners.get(epreuve_id)
        if view is None:
            return None
        from cqp_desktop.core.site.clock import ClockState, format_ms

        r = view.runner.reading()
        if r.state not in (ClockState.RUNNING, ClockState.PAUSED):
            return None
        time = (
            self.tr("dépassement +{t}").format(t=format_ms(r.overrun_ms)) if r.overrun_ms
            else self.tr("reste {t}").format(t=format_ms(r.remaining_ms))
        )
        return self.tr("phase {n}/{total}, écoulé {e}, {time}").format(
            n=r.phase_index + 1, total=len(view.runner.phases), e=format_ms(r.elapsed_ms), time=time
        )

    def _describe(self, epreuve_id: int) -> str:
        """« Léa MARTIN — bloc GRU — 02/12/2026 »: the épreuve a question is about."""
        row = store_queries.epreuve_heading(self.context.store, epreuve_id)
        if row is None:
            return ""
        day = french_day(row[3]) if row[3] else ""
        return self.tr("{first} {last} — bloc {bloc} — prévue le {day}").format(
            first=row[0], last=row[1].upper(), bloc=row[2], day=day
        )

    def write_marking_file(self, kind: str) -> QDialog | None:
        """Double correction: the signed hand-over (président's laptop) or return (expert's laptop) file."""
        from cqp_desktop.gui.handover_dialog import HandoverDialog

        epreuve_id = self.current_epreuve()
        if epreuve_id is None:
            self.problem(self.tr("Choisissez d'abord une épreuve dans la liste."))
            return None
        if not self.context.store.epreuve(epreuve_id)["double_marking"]:
            self.problem(self.tr("Cette épreuve n'est pas en double correction (Jury… › Double correction)."))
            return None
        view = self.runners.get(epreuve_id)
        if view is not None:
            view.checklist.save_pending_note()
        dialog = HandoverDialog(self.context.store, epreuve_id, kind, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_marking_file(self) -> str:
        from cqp_desktop.gui.file_dialogs import data_dir_of, export_folder, open_file

        return open_file(self, self.tr("Importer un fichier de double correction"),
                         export_folder(data_dir_of(self.context.store)), self.tr("Fichier de double correction (*.json)"))

    def import_marking_file(self, path: str | None = None) -> bool:
        """A hand-over (on the expert's laptop: the épreuve is created and opened) or a return (on the
        président's laptop: into the épreuve on screen, if one is; another épreuve's file is refused)."""
        from cqp_desktop.core.common.input_files import InputError, read_bytes
        from cqp_desktop.core.site import handover

        path = path or self.ask_marking_file()
        if not path:
            return False
        current = self.current_epreuve() if self.stack.currentWidget() is not self.home else None
        try:
            raw = read_bytes(path, "marking", "Fichier de double correction")
            result = handover.import_file(self.context.store, raw, Path(path).name, expected_epreuve=current)
        except (handover.HandoverError, InputError) as exc:
            self.problem(str(exc))
            return False
        self.home.refresh()
        if result.kind == handover.HANDOVER:
            self.open_epreuve(result.epreuve_id)
            self.statusBar().showMessage(self.tr("Remise importée (signée par {who}) : l'expert(e) note l'épreuve.").format(who=result.signer))
        else:
            view = self.runners.get(result.epreuve_id)
            if view is not None:
                view.runner.reload_marks()
                if view.marker_bar is not None:
                    view.marker_bar.refresh()
            self.statusBar().showMessage(self.tr("Retour de {who} importé : la conciliation peut commencer (Ctrl+R).").format(who=result.signer))
        return True

    def problem(self, text: str) -> QMessageBox:
        """A problem the user must see: a message box over the window (and the status bar)."""
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("cqp-desktop"), text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_box = box
        box.open()
        box.activateWindow()
        return box

    def _cancel(self, epreuve_id: int, reason: str) -> None:
        try:
            self.context.store.cancel_epreuve(epreuve_id, reason)
        except StoreError as exc:
            self.problem(str(exc))
            return
        view = self.runners.pop(epreuve_id, None)
        if view is not None:
            view.shutdown()
            self.stack.removeWidget(view)
            view.deleteLater()
        self.show_home()
        self.statusBar().showMessage(self.tr("Épreuve annulée : « {reason} ».").format(reason=reason.strip()))

    def show_avis(self, epreuve_id: int) -> AvisDialog | None:
        view = self.runners.get(epreuve_id)
        if view is not None and not (view.runner.ended or view.runner.read_only):
            self.problem(self.tr("L'avis se rédige une fois l'épreuve terminée (F8 à la dernière phase)."))
            return None
        from cqp_desktop.gui.avis_dialog import AvisDialog

        dialog = AvisDialog(self.context.store, epreuve_id, parent=self)
        dialog.signed.connect(lambda _avis: self._avis_signed(epreuve_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _avis_signed(self, epreuve_id: int) -> None:
        view = self.runners.pop(epreuve_id, None)
        if view is not None:  # reopen read-only: the épreuve is now locked
            current = self.stack.currentWidget() is view
            view.shutdown()
            self.stack.removeWidget(view)
            view.deleteLater()
            if current:
                self.open_epreuve(epreuve_id)
        self.home.refresh()
        from cqp_desktop.core.storage.backup import try_backup

        taken = try_backup(self.context.store, "finalisation", self.context.data_dir)
        if isinstance(taken, str):  # the signature is stored; only the extra copy failed
            self.problem(self.tr("Avis signé ; {problem}").format(problem=taken))
        else:
            self.statusBar().showMessage(self.tr("Avis signé : l'épreuve est verrouillée (sauvegarde prise)."))

    def show_settings(self, backups: bool = False) -> SettingsDialog:
        from cqp_desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.context,
            self,
            busy_reason=lambda: self.tr("Fermez d'abord les épreuves ouvertes (Fichier › Quitter puis relancer).")
            if self.runners
            else None,
        )
        dialog.restored.connect(self._restored)
        if backups:
            dialog.show_backups()
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restored(self, store: Store) -> None:
        """A backup replaced the database: every view must read the new store."""
        self.context.store = store
        for old in (self.home, self._dossier):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self._build_views()
        self.show_home()
        self.statusBar().showMessage(self.tr("Sauvegarde restaurée."))

    def show_referentiel(self) -> ReferentielDialog:
        from cqp_desktop.gui.referentiel_dialog import ReferentielDialog

        dialog = ReferentielDialog(self.context.store, self, today=self.today)
        dialog.activated.connect(self._referentiel_activated)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _export_folder(self) -> Path | None:
        """Where file questions open: the export folder of the settings (None when they are unreadable)."""
        try:
            return settings_mod.load(self.context.data_dir).export_dir
        except settings_mod.SettingsError:
            return None

    def show_trust(self) -> QDialog:
        from cqp_desktop.gui.trust_dialog import TrustDialog

        dialog = TrustDialog(self.context.store, self, start_folder=self._export_folder())
        dialog.installed.connect(
            lambda _fp: self.statusBar().showMessage(self.tr("Fichier de confiance de l'Ucanss installé."))
        )
        dialog.installed.connect(lambda _fp: self.refresh_notice())
        self.dialog = dialog
        dialog.open()
        return dialog

    def refresh_notice(self) -> None:
        """The home banner again (a trust file installed, a session purged…)."""
        self.home.set_notice(self._notice(self.context.store.active_referentiel() or self.context.referentiel))

    def _referentiel_activated(self, referentiel: Referentiel) -> None:
        self.context.referentiel = referentiel
        self.home.set_notice(self._notice(referentiel))
        self.statusBar().showMessage(
            self.tr("Référentiel {v} activé pour les nouvelles épreuves.").format(v=referentiel.version)
        )

    def show_people(self) -> QDialog:
        from cqp_desktop.gui.people_dialog import PeopleDialog

        dialog = PeopleDialog(self.context.store, self)
        dialog.changed.connect(self.home.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_identities(self, member_id: int | None = None) -> QDialog:
        from cqp_desktop.gui.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.context.store, self, member_id=member_id, start_folder=self._export_folder())
        dialog.changed.connect(lambda _member: self.statusBar().showMessage(self.tr("Identité de signature enregistrée.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_session_export(self, ack: bool = False) -> QDialog:
        from cqp_desktop.gui.session_export_dialog import SessionExportDialog

        dialog = SessionExportDialog(self.context.store, self.context.data_dir, self)
        dialog.changed.connect(self.home.refresh)
        dialog.changed.connect(self.refresh_notice)
        self.dialog = dialog
        dialog.open()
        if ack:
            dialog.focus_acknowledgment()
        return dialog

    def show_about(self) -> AboutDialog:
        from cqp_desktop.gui.about_dialog import AboutDialog

        dialog = AboutDialog(self.context, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_help(self) -> HelpDialog:
        from cqp_desktop.gui.help_view import HelpDialog

        dialog = HelpDialog(self)
        self.help_dialog = dialog
        dialog.show()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        from cqp_desktop.gui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -------------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Save pending notes and pause running clocks, then close the dialogs this window opened (each saves
        what it holds when it closes); idempotent."""
        for view in self.runners.values():
            view.shutdown()
        self.runners.clear()
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible():
                child.close()

    def running_epreuves(self) -> list[int]:
        """Épreuves whose clock is running now (an observation or interview under way)."""
        from cqp_desktop.core.site.clock import ClockState

        return [i for i, view in self.runners.items() if view.runner.reading().state == ClockState.RUNNING]

    def request_quit(self) -> QMessageBox | None:
        """Ctrl+Q / Fichier › Quitter: during a running épreuve, ask first (Entrée quits, Échap stays)."""
        running = self.running_epreuves()
        if not running:
            self.close()
            return None
        from cqp_desktop.gui.runner_dialogs import confirm

        names = "\n".join(f"• {self._describe(i)}" for i in running)
        self.quit_box = confirm(
            self,
            self.tr("Quitter pendant une épreuve"),
            self.tr("Une épreuve est en cours :\n{names}\n\nQuitter met son chronomètre en pause "
                    "(motif « application fermée »). Quitter quand même ?").format(names=names),
            self.tr("Quitter"),
            self.tr("Rester dans l'épreuve"),
            self._quit_confirmed,
        )
        return self.quit_box

    def _quit_confirmed(self) -> None:
        self._quit_ok = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """The window's close button during a running épreuve asks as Ctrl+Q does."""
        if event.spontaneous() and self.running_epreuves() and not getattr(self, "_quit_ok", False):
            event.ignore()
            self.request_quit()
            return
        self.shutdown()
        super().closeEvent(event)


def daily_backup(context: AppContext) -> str | None:
    """The day's automatic backup, taken at start-up (core/storage/backup.py); a failure never blocks the jury."""
    from cqp_desktop.core.storage.backup import BackupError, backup_if_due

    try:
        backup_if_due(context.store, context.data_dir, dt.date.today())
    except (BackupError, OSError) as exc:
        return f"Sauvegarde automatique impossible : {exc}"
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("cqp-desktop")
    app.setOrganizationName("Ucanss")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def run(context: AppContext) -> int:
    app = create_application()
    try:
        language = settings_mod.load(context.data_dir).language
    except settings_mod.SettingsError:
        language = "fr"
    translations.install(app, language)
    problem = daily_backup(context)
    window = MainWindow(context)
    window.show()
    if problem:
        window.problem(problem)
    try:
        return app.exec()
    finally:
        window.shutdown()
        context.close()
