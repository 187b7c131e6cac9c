"""The avis dialog: the jury writes its avis on a bloc, then the président signs (the expert may co-sign).

The view holds no rules: what blocks finalisation comes from `core.avis` (`open_items`,
`avis_problems`), the result from the rules engine. Each save is one committed transaction
(`core.avis.draft_avis`); the dialog saves on « Enregistrer le brouillon », a short while after the
last keystroke, before signing and when it closes. Signing (core.avis.sign_avis) locks the épreuve; the
signed report PDF is made within the signature itself (core/site/signed_report.py), co-signed by the expert.

Open it with `AvisDialog(store, epreuve_id, parent)` then `.open()` (or `.exec()` in the app).

Signals:
    saved(int): the draft (avis id) was written.
    signed(int): the avis (id) was signed by the président, or co-signed by the expert.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cqp_desktop.core.common.formats import french_day, french_moment
from cqp_desktop.core.exchange.keys import KeyProblem
from cqp_desktop.core.model.kinds import Role, role_label
from cqp_desktop.core.model.rules import BlocResult, Mode
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site import double_marking
from cqp_desktop.core.site.epreuve_minimums import minimum_blockers
from cqp_desktop.core.storage import store_queries
from cqp_desktop.core.storage.errors import StoreError
from cqp_desktop.core.storage.store import Store
from cqp_desktop.gui import file_dialogs
from cqp_desktop.gui.screen_fit import scroll_body
from cqp_desktop.gui.signature_pad import SignaturePad
from cqp_desktop.gui.style import (
    BAD_TEXT_CSS,
    BODY_CSS,
    BODY_NOTICE_CSS,
    GOOD_TEXT_CSS,
    HINT_CSS,
    PRIMARY_BUTTON_CSS,
    SIGNATURE_CAPTION_CSS,
    SIGNATURE_PICTURE_CSS,
    TEXT_BAD,
    TEXT_GOOD,
    TITLE_CSS,
    coloured_html,
)
from cqp_desktop.gui.ui_loader import Finder, load_form
from cqp_desktop.gui.worker import Worker, busy_bar

AUTOSAVE_MS = 1500
MAX_OPEN_ITEMS_SHOWN = 6


class AvisDialog(QDialog):
    saved = Signal(int)
    signed = Signal(int)

    def __init__(self, store: Store, epreuve_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.epreuve_id = epreuve_id
        self.epreuve = store.epreuve(epreuve_id)
        self.referentiel = store.epreuve_referentiel(epreuve_id)
        self.bloc = self.referentiel.bloc(self.epreuve["bloc"])
        self.amending = False
        self._dirty = False
        self._loading = False
        self.setWindowTitle(self.tr("Avis du jury — bloc {bloc}").format(bloc=self.bloc.code))
        self.resize(1180, 860)

        form = load_form("avis_dialog", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        # a scrollable page on a short screen; Signer / Fermer stay below it, always in view
        self.page = scroll_body(layout, form, form.findChild(QHBoxLayout, "buttons"))
        find = Finder(self)
        self.title_label: QLabel = find(QLabel, "titleLabel")
        self.header_label: QLabel = find(QLabel, "headerLabel")
        self.result_label: QLabel = find(QLabel, "resultLabel")
        self.open_items_label: QLabel = find(QLabel, "openItemsLabel")
        self.validated_radio: QRadioButton = find(QRadioButton, "validatedRadio")
        self.not_validated_radio: QRadioButton = find(QRadioButton, "notValidatedRadio")
        self.depart_label: QLabel = find(QLabel, "departLabel")
        self.justification_caption: QLabel = find(QLabel, "justificationCaption")
        self.justification_edit: QPlainTextEdit = find(QPlainTextEdit, "justificationEdit")
        self.preconisations_caption: QLabel = find(QLabel, "preconisationsCaption")
        self.preconisations_edit: QPlainTextEdit = find(QPlainTextEdit, "preconisationsEdit")
        self.amendment_caption: QLabel = find(QLabel, "amendmentCaption")
        self.amendment_edit: QLineEdit = find(QLineEdit, "amendmentEdit")
        self.comments_area: QScrollArea = find(QScrollArea, "commentsArea")
        self.signature_group: QGroupBox = find(QGroupBox, "signatureGroup")
        self.signer_label: QLabel = find(QLabel, "signerLabel")
        self.passphrase_edit: QLineEdit = find(QLineEdit, "passphraseEdit")
        self.reason_label: QLabel = find(QLabel, "reasonLabel")
        self.save_button: QPushButton = find(QPushButton, "saveButton")
        self.amend_button: QPushButton = find(QPushButton, "amendButton")
        self.export_button: QPushButton = find(QPushButton, "exportButton")
        self.sign_button: QPushButton = find(QPushButton, "signButton")
        self.close_button: QPushButton = find(QPushButton, "closeButton")

        self.title_label.setStyleSheet(TITLE_CSS)
        self.header_label.setStyleSheet(BODY_CSS)
        self.depart_label.setStyleSheet(BODY_NOTICE_CSS)
        self.sign_button.setStyleSheet(PRIMARY_BUTTON_CSS)
        self.passphrase_edit.setPlaceholderText(self.tr("Phrase secrète du signataire"))
        self.amendment_edit.setPlaceholderText(self.tr("Pourquoi l'avis signé est-il corrigé ?"))
        self.justification_edit.setPlaceholderText(
            self.tr("Pourquoi l'avis du jury diffère-t-il du résultat calculé ?")
        )
        self.preconisations_edit.setPlaceholderText(
            self.tr("Suites conseillées au candidat : formation, mise en situation, nouvelle épreuve…")
        )

        pad_box = Finder(form)(QWidget, "padContainer")
        pad_layout = QVBoxLayout(pad_box)
        pad_layout.setContentsMargins(0, 0, 0, 0)
        self.pad = SignaturePad(self.tr("Signature manuscrite"), pad_box)
        self.pad.setMinimumHeight(150)
        pad_layout.addWidget(self.pad)

        # the drawn signatures of a signed avis, shown as they were traced
        self.drawn = QWidget()
        self.drawn_layout = QHBoxLayout(self.drawn)
        self.drawn_layout.setContentsMargins(0, 0, 0, 0)
        column = self.findChild(QVBoxLayout, "signerColumn")
        if column is not None:
            column.insertWidget(0, self.drawn)

        # signing unlocks the key (scrypt) and builds and signs the report: on a worker thread, with a busy bar
        self.worker = Worker(self, store)
        self.worker.progress.connect(self._note_signed)
        self.worker.finished.connect(self._signature_committed)
        self.worker.failed.connect(self._signing_failed)
        self._signed_avis: int | None = None
        self.busy_bar = busy_bar()
        signer_column = form.findChild(QVBoxLayout, "signerColumn")
        if signer_column is not None:  # under the message the signer is reading
            signer_column.insertWidget(signer_column.indexOf(self.reason_label) + 1, self.busy_bar)

        self.comment_edits: dict[str, QPlainTextEdit] = {}
        self._build_comments()

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)

        self.validated_radio.toggled.connect(self._edited)
        self.not_validated_radio.toggled.connect(self._edited)
        for edit in (self.justification_edit, self.preconisations_edit, *self.comment_edits.values()):
            edit.textChanged.connect(self._edited)
        self.amendment_edit.textChanged.connect(self._edited)
        self.passphrase_edit.textChanged.connect(self.update_state)
        self.passphrase_edit.returnPressed.connect(self.sign)
        self.pad.changed.connect(self.update_state)
        self.save_button.clicked.connect(self.save)
        self.sign_button.clicked.connect(self.sign)
        self.amend_button.clicked.connect(self.start_amendment)
        self.export_button.clicked.connect(self._export_clicked)
        self.close_button.clicked.connect(self.accept)

        self.load()

    # -------------------------------------------------------------------------------------------
    # building

    def _build_comments(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        for competence in self.bloc.competences:
            label = QLabel(content)
            label.setWordWrap(True)
            label.setObjectName(f"competenceLabel_{competence.code}")
            edit = QPlainTextEdit(content)
            edit.setObjectName(f"comment_{competence.code}")
            edit.setMaximumHeight(54)
            edit.setPlaceholderText(self.tr("Commentaire sur {code}").format(code=competence.code))
            layout.addWidget(label)
            layout.addWidget(edit)
            self.comment_edits[competence.key] = edit
        layout.addStretch(1)
        self.comments_area.setWidget(content)

    # -------------------------------------------------------------------------------------------
    # reading the store

    def load(self) -> None:
        """Fill the form from the latest avis version and the current decisions."""
        self._loading = True
        self.computed: BlocResult = av.computed_result(self.store, self.epreuve_id)
        self.avis = av.current_avis(self.store, self.epreuve_id)
        row = store_queries.candidate_and_employer(self.store, self.epreuve["candidate_id"])
        assert row is not None
        prepositionnement = self.epreuve["mode"] != Mode.CERTIFICATION
        self.title_label.setText(
            self.tr("Avis du jury — PRÉ-POSITIONNEMENT, non certifiant") if prepositionnement else self.tr("Avis du jury professionnel")
        )
        self.header_label.setText(
            self.tr("{first} {last} — {organisme} — CQP {cert}, bloc {bloc} ({title}) — épreuve du {date}").format(
                first=row[0],
                last=row[1].upper(),
                organisme=row[2],
                cert=self.epreuve["certification"],
                bloc=self.bloc.code,
                title=self.bloc.title,
                date=french_day(self.epreuve["planned_date"]),
            )
        )
        self._show_result()
        if self.avis is not None:
            (self.validated_radio if self.avis.jury_validated else self.not_validated_radio).setChecked(True)
            self.justification_edit.setPlainText(self.avis.justification)
            self.preconisations_edit.setPlainText(self.avis.preconisations)
            self.amendment_edit.setText(self.avis.amendment_reason)
            for key, edit in self.comment_edits.items():
                edit.setPlainText(self.avis.comments.get(key, ""))
        else:
            (self.validated_radio if self.computed.validated else self.not_validated_radio).setChecked(True)
        self.amending = self.avis is not None and not self.avis.signed and self.avis.supersedes_id is not None
        self._loading = False
        self._dirty = False
        self.update_state()

    def _show_result(self) -> None:
        colour = TEXT_GOOD if self.computed.validated else TEXT_BAD
        lines = [coloured_html(_html(self.computed.summary()), colour)]
        lines += [_html(c.explanation()) for c in self.computed.competences]
        figures = double_marking.agreement_of(self.store, self.epreuve_id)
        if figures is not None:  # double correction: how far the two blind markings agreed
            lines.append("<b>" + self.tr("Double correction :") + "</b> " + _html(figures.french()))
        self.result_label.setText("<br>".join(lines))
        by_key = {c.key: c for c in self.computed.competences}
        for competence in self.bloc.competences:
            label = Finder(self)(QLabel, f"competenceLabel_{competence.code}")
            res = by_key[competence.key]
            state = self.tr("acquise") if res.acquired else self.tr("non acquise")
            label.setText(
                f"<b>{competence.code}</b> — {_html(competence.wording)} <i>({state}, {res.validated}/{res.total})</i>"
            )
        items = av.open_items(self.store, self.epreuve_id) + minimum_blockers(self.store, self.epreuve_id)
        if items:
            shown = items[:MAX_OPEN_ITEMS_SHOWN]
            more = len(items) - len(shown)
            text = self.tr("<b>Reste à faire avant de signer :</b>") + "<br>• " + "<br>• ".join(_html(i) for i in shown)
            if more:
                text += "<br>" + self.tr("… et {n} autre(s) point(s)").format(n=more)
            self.open_items_label.setText(text)
            self.open_items_label.setStyleSheet(BODY_NOTICE_CSS)
        else:
            self.open_items_label.setText(self.tr("Tous les critères sont décidés ; le jury est complet."))
            self.open_items_label.setStyleSheet(GOOD_TEXT_CSS)
        self._open_items = items

    # -------------------------------------------------------------------------------------------
    # state

    @property
    def jury_validated(self) -> bool:
        return self.validated_radio.isChecked()

    @property
    def departs(self) -> bool:
        return self.jury_validated != self.computed.validated

    def editable(self) -> bool:
        return self.avis is None or not self.avis.signed or self.amending

    def signer_id(self) -> int | None:
        """Who signs next: the président on a draft; the expert for a co-signature after that."""
        if self.editable():
            president: int | None = self.epreuve["president_id"]  # None while the jury is incomplete
            return president
        assert self.avis is not None
        if any(s.role == Role.EXPERT for s in av.signatures(self.store, self.avis.id)):
            return None
        expert: int | None = self.epreuve["expert_id"]
        return expert

    def blocking_reasons(self) -> list[str]:
        """Why « Signer » is disabled, in French (empty when it is enabled)."""
        signer = self.signer_id()
        if signer is None and not self.editable():
            return [self.tr("Avis signé ; aucune autre signature attendue.")]
        reasons: list[str] = []
        if self.editable():
            reasons += self._open_items
            reasons += av.avis_problems(
                self.computed.validated,
                self.jury_validated,
                self.justification_edit.toPlainText(),
                self.preconisations_edit.toPlainText(),
            )
            if self.amending and not self.amendment_edit.text().strip():
                reasons.append(self.tr("Motif de la correction obligatoire"))
        if signer is None:
            return reasons  # no président designated: the open items say so
        if self.store.signing_identity(signer) is None:
            reasons.append(
                self.tr("{name} n'a pas d'identité de signature sur ce poste (menu Jury)").format(
                    name=av.member_name(self.store, signer)
                )
            )
        if self.pad.is_empty():
            reasons.append(self.tr("Signature manuscrite à tracer dans le cadre"))
        if not self.passphrase_edit.text():
            reasons.append(self.tr("Phrase secrète à saisir"))
        return reasons

    def update_state(self) -> None:
        editable = self.editable()
        # while a signature is being made, what it signs is no longer open to edits (a later save would miss it)
        open_to_edits = editable and not self.worker.running
        self.validated_radio.setEnabled(open_to_edits)
        self.not_validated_radio.setEnabled(open_to_edits)
        for edit in (self.preconisations_edit, *self.comment_edits.values()):
            edit.setReadOnly(not open_to_edits)  # read-only, not disabled: a signed avis stays legible
        self.justification_edit.setReadOnly(not open_to_edits)
        self.justification_edit.setEnabled(self.departs or bool(self.justification_edit.toPlainText()))
        self.save_button.setEnabled(open_to_edits)
        self.amendment_caption.setVisible(self.amending)
        self.amendment_edit.setVisible(self.amending)
        self.amendment_edit.setEnabled(self.amending and not self.worker.running)

        if self.departs:
            computed = self.tr("validé") if self.computed.validated else self.tr("non validé")
            if editable:
                text = self.tr(
                    "L'avis s'écarte du résultat calculé (bloc {computed} selon les règles) : une justification écrite "
                    "est obligatoire et l'écart sera signalé sur tous les documents."
                )
            else:
                text = self.tr("Avis différent du résultat calculé (bloc {computed} selon les règles) : écart justifié ci-dessous.")
            self.depart_label.setText(text.format(computed=computed))
        self.depart_label.setVisible(self.departs)
        self.preconisations_caption.setText(
            self.tr("Préconisations pour le candidat (obligatoires : bloc non validé)")
            if not self.jury_validated
            else self.tr("Préconisations pour le candidat (facultatives)")
        )

        signed = self.avis is not None and self.avis.signed
        self.amend_button.setVisible(signed and not self.amending)
        self.export_button.setVisible(signed and not self.amending)
        self.export_button.setEnabled(self.stored_pdf() is not None)

        signer = self.signer_id()
        if signer is None and editable:
            self.signer_label.setText(
                self.tr("Aucun(e) président(e) du jury n'est désigné(e) pour cette épreuve : désignez le jury avant de signer.")
            )
            self.sign_button.setText(self.tr("Signer"))
        elif signer is None:
            self.signer_label.setText(self.tr("Avis signé ; aucune autre signature attendue."))
            self.sign_button.setText(self.tr("Signer"))
        elif editable:
            self.signer_label.setText(
                self.tr("Signataire : <b>{name}</b>, président(e) du jury. La signature verrouille l'épreuve.").format(
                    name=_html(av.member_name(self.store, signer))
                )
            )
            self.sign_button.setText(self.tr("Signer la version {n}").format(n=self.avis.version) if self.amending and self.avis else self.tr("Signer"))
        else:
            assert self.avis is not None
            self.signer_label.setText(
                self.tr(
                    "Avis version {n} signé le {date}. Contresignature facultative de <b>{name}</b>, expert(e) métier."
                ).format(n=self.avis.version, date=french_moment(self.avis.signed_at), name=_html(av.member_name(self.store, signer)))
            )
            self.sign_button.setText(self.tr("Contresigner (expert)"))
        self.passphrase_edit.setEnabled(signer is not None)
        self.pad.setEnabled(signer is not None)
        self._show_drawn()
        reasons = self.blocking_reasons()
        self.sign_button.setEnabled(not reasons)
        if signer is None and editable:
            self.reason_label.setText(
                self.tr("<b>Signature impossible :</b>") + "<br>• " + "<br>• ".join(_html(r) for r in reasons)
            )
            self.reason_label.setStyleSheet(BAD_TEXT_CSS)
        elif reasons and signer is not None and not editable:
            self.reason_label.setText(
                self.tr("Pour contresigner :") + "<br>• " + "<br>• ".join(_html(r) for r in reasons)
            )
            self.reason_label.setStyleSheet(HINT_CSS)
        elif reasons and signer is not None:
            self.reason_label.setText(
                self.tr("<b>Signature impossible :</b>") + "<br>• " + "<br>• ".join(_html(r) for r in reasons[:MAX_OPEN_ITEMS_SHOWN])
                + (self.tr("<br>… et {n} autre(s)").format(n=len(reasons) - MAX_OPEN_ITEMS_SHOWN) if len(reasons) > MAX_OPEN_ITEMS_SHOWN else "")
            )
            self.reason_label.setStyleSheet(BAD_TEXT_CSS)
        elif signer is None:
            self.reason_label.setText("")
        else:
            self.reason_label.setText(self.tr("Tout est prêt : vous pouvez signer."))
            self.reason_label.setStyleSheet(GOOD_TEXT_CSS)
        self.sign_button.setToolTip(self.reason_label.text().replace("<br>", "\n").replace("<b>", "").replace("</b>", ""))
        if self.worker.running:  # a signature is being made: nothing to start meanwhile
            self.sign_button.setEnabled(False)
            self.passphrase_edit.setEnabled(False)
            self.pad.setEnabled(False)
            self.reason_label.setText(self.tr("Signature en cours : clé de signature, compte rendu signé…"))
            self.reason_label.setStyleSheet(HINT_CSS)
        self.busy_bar.setVisible(self.worker.running)

    def _show_drawn(self) -> None:
        """Each signature already given, as drawn, with who signed and when."""
        given = av.signatures(self.store, self.avis.id) if self.avis is not None and self.avis.signed else []
        shown = tuple(r.id for r in given)
        if shown == getattr(self, "_drawn_shown", None):
            return  # update_state runs at each keystroke: rebuild only when a signature was added
        self._drawn_shown = shown
        while self.drawn_layout.count():
            item = self.drawn_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for record in given:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            picture = QLabel()
            image = QPixmap()
            if record.drawn_png and image.loadFromData(record.drawn_png):
                picture.setPixmap(image.scaled(200, 60, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            picture.setStyleSheet(SIGNATURE_PICTURE_CSS)
            v.addWidget(picture)
            role = role_label(record.role)
            caption = QLabel(
                self.tr("{name}, {role}, le {date}").format(
                    name=record.signer_name or av.member_name(self.store, record.signer_id), role=role,
                    date=french_moment(record.signed_at),
                )
            )
            caption.setWordWrap(True)
            caption.setStyleSheet(SIGNATURE_CAPTION_CSS)
            v.addWidget(caption)
            self.drawn_layout.addWidget(box)
        self.drawn_layout.addStretch(1)
        self.drawn.setVisible(bool(given))

    def _edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.update_state()
        if self.editable():
            self._autosave.start()

    # -------------------------------------------------------------------------------------------
    # actions

    def save(self) -> int | None:
        """Write the draft (one transaction); returns the avis id, None when nothing is editable."""
        self._autosave.stop()
        if not self.editable():
            return None
        comments = {key: edit.toPlainText() for key, edit in self.comment_edits.items()}
        try:
            if self.amending and self.avis is not None and self.avis.signed:
                avis_id = av.amend(
                    self.store,
                    self.avis.id,
                    reason=self.amendment_edit.text() or " ",
                    jury_validated=self.jury_validated,
                    justification=self.justification_edit.toPlainText(),
                    comments=comments,
                    preconisations=self.preconisations_edit.toPlainText(),
                    author_id=self.epreuve["president_id"],
                )
            else:
                avis_id = av.draft_avis(
                    self.store,
                    self.epreuve_id,
                    self.jury_validated,
                    self.justification_edit.toPlainText(),
                    comments,
                    self.preconisations_edit.toPlainText(),
                    amendment_reason=self.amendment_edit.text() if self.amending else None,
                    author_id=self.epreuve["president_id"],
                )
        except av.AvisError as exc:
            self._show_error(str(exc))
            return None
        self.avis = av.get_avis(self.store, avis_id)
        self._dirty = False
        self.saved.emit(avis_id)
        self.update_state()
        return avis_id

    def start_amendment(self) -> None:
        """Switch to correcting the signed avis: a new version, signed again, with a reason."""
        self.amending = True
        self.update_state()
        self.amendment_edit.setFocus()

    def sign(self) -> bool:
        """Start signing as the next signer on a worker thread; False when it cannot start (the reason is shown
        under the button). `signed` is emitted once the signature is committed; a refusal (wrong passphrase…)
        is shown under the button, never as a traceback."""
        if self.worker.running:
            return False
        if self.blocking_reasons():
            self.update_state()
            self.page.ensureWidgetVisible(self.reason_label)
            return False
        signer = self.signer_id()
        assert signer is not None
        passphrase = self.passphrase_edit.text()
        if self.editable():
            avis_id = self.save()
            if avis_id is None:
                return False
        else:
            assert self.avis is not None
            avis_id = self.avis.id
        drawn = self.pad.to_png()

        def work(own: Store) -> Iterator[int]:  # on the worker thread
            av.sign_avis(own, avis_id, signer, passphrase, drawn)
            yield avis_id

        self._autosave.stop()
        started = self.worker.start_on_base(work, self._describe_failure)
        self.update_state()
        return started

    def _describe_failure(self, exc: BaseException) -> str:
        if isinstance(exc, (av.AvisError, KeyProblem, StoreError)):
            return str(exc)
        return self.tr("Signature interrompue, rien n'a été signé : {error}").format(error=exc)

    def _signing_failed(self, message: str) -> None:
        self.update_state()
        self._show_error(message)

    def _note_signed(self, avis_id: int) -> None:
        self._signed_avis = avis_id

    def _signature_committed(self) -> None:
        """The worker's signature is committed (and anchored by this window's store): show the signed avis."""
        avis_id, self._signed_avis = self._signed_avis, None
        if avis_id is None:
            return
        self.passphrase_edit.clear()
        self.pad.clear()
        self.amending = False
        self.load()
        message = self.tr("Avis version {n} signé ; l'épreuve est verrouillée.").format(n=self.avis.version if self.avis else "")
        self.signer_label.setText(self.signer_label.text() + "<br>" + _html(message))
        self.signed.emit(avis_id)

    def stored_pdf(self) -> bytes | None:
        if self.avis is None or not self.avis.signed:
            return None
        from cqp_desktop.core.site.signed_report import report_for_avis

        return report_for_avis(self.store, self.avis.id)

    def export_pdf(self, path: Path | str) -> None:
        """Write the signed report atomically (core/common/files.py)."""
        from cqp_desktop.core.common.files import write_atomic

        pdf = self.stored_pdf()
        if pdf is None:
            raise av.AvisError("Aucun compte rendu signé pour cet avis.")
        write_atomic(Path(path), pdf)

    def ask_export_path(self) -> str:
        """The save-file question (a modal dialog: tests replace this method)."""
        name = f"compte-rendu-epreuve-{self.epreuve_id}-{self.bloc.code}.pdf"
        folder = file_dialogs.export_folder(file_dialogs.data_dir_of(self.store))
        return file_dialogs.save_file(self, self.tr("Enregistrer le compte rendu signé"), folder, name, "PDF (*.pdf)")

    def _export_clicked(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        try:
            self.export_pdf(path)
        except (OSError, av.AvisError) as exc:
            self._show_error(self.tr("Enregistrement impossible de « {path} » : {error}").format(path=path, error=exc))
            return
        self.reason_label.setText(self.tr("Compte rendu enregistré : {path}").format(path=_html(path)))
        self.reason_label.setStyleSheet(GOOD_TEXT_CSS)

    def _show_error(self, message: str) -> None:
        self.reason_label.setText("<b>" + _html(message).replace("\n", "<br>") + "</b>")
        self.reason_label.setStyleSheet(BAD_TEXT_CSS)
        self.page.ensureWidgetVisible(self.reason_label)  # the page scrolls on a short screen

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """On a short screen, open an avis awaiting the expert's co-signature on the signature."""
        super().showEvent(event)
        if not self.editable() and self.signer_id() is not None:
            self.page.ensureWidgetVisible(self.signature_group, 0, 0)

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        """Closing saves pending edits first: nothing typed is lost. A signature being made ends first (it is
        one transaction: it is either committed and anchored, or not made at all)."""
        if self.worker.running:
            self.worker.stop()
        if self._dirty and self.editable():
            self.save()
        self._autosave.stop()
        super().done(result)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["AvisDialog"]
