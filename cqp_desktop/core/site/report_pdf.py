"""The épreuve report (PDF): everything the jury paritaire national needs to read one bloc's avis.

Built with reportlab from the store only, deterministic (`invariant=1`: same data, same bytes) so a
report can be rebuilt and compared. It is signed afterwards (`core/exchange/pdf_sign.py`) with an incremental
update, which leaves these bytes untouched. Text is French, typeset with the embedded DejaVu Sans
(narrow no-break space before « : »). Shared building blocks (styles, page frame) are reused by
`core/site/summary_pdf.py`.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from cqp_desktop.core.common.formats import person_name
from cqp_desktop.core.exchange.keys import fingerprint, load_certificate
from cqp_desktop.core.model.kinds import Role, Route
from cqp_desktop.core.model.rules import Decision, Mode
from cqp_desktop.core.reports.pdf_toolkit import (
    AMBER,
    GREEN,
    GREY,
    LIGHT,
    LINE,
    NNBSP,
    RED,
    WIDTH,
    Paragraph,
    Styles,
    Text,
    boxed,
    fr,
    french_date,
    grid,
    render,
    restyled,
    styles,
    threshold_line,
)
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.site.runner import presented_competences, vae_situations
from cqp_desktop.core.site.timing import format_ms, phase_times, planned_phases
from cqp_desktop.core.site.vae import clock_epreuve
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage.store import Store

# --------------------------------------------------------------------------------------------------
# Typography




















# --------------------------------------------------------------------------------------------------
# Data gathered for the report


def _epreuve_context(store: Store, epreuve_id: int) -> dict[str, Any]:
    context = q.epreuve_context(store, epreuve_id)
    assert context is not None, epreuve_id
    return context


def _member_line(store: Store, member_id: int | None) -> str:
    if member_id is None:
        return "non désigné(e)"
    row = q.member_for_report(store, member_id)
    assert row is not None, member_id
    first, last, organisme, branche, trained = row
    parts = [person_name(first, last), organisme]
    if branche:
        parts.append(f"branche {branche}")
    parts.append(f"formation des jurys le {french_date(trained)}" if trained else "formation des jurys non renseignée")
    return " — ".join(parts)


DECISION_COLOURS = {Decision.VALIDE: GREEN, Decision.NON_VALIDE: RED, Decision.NON_OBSERVE: GREY}


def _decision_cell(decision: Decision, st: Styles) -> Text:
    """Bold, in the decision's colour."""
    return Text(fr(decision.label), restyled(st.cell_bold, colour=DECISION_COLOURS[decision]))


# --------------------------------------------------------------------------------------------------
# The épreuve report


def build_epreuve_report(
    store: Store,
    epreuve_id: int,
    avis_id: int | None = None,
    *,
    pdf_signer: str | None = None,
    field_boxes: dict[str, tuple[int, tuple[float, float, float, float]]] | None = None,
) -> bytes:
    """The report of one épreuve with the given avis version (default: the latest one).

    `pdf_signer` names who will sign the file electronically; it is printed in the signature section.
    When the expert has not co-signed yet, a frame is left for their co-signature and, if `field_boxes`
    is given, its page and box are recorded there (under "expert") so that a signature field can be
    placed on it: the expert's co-signature then appears in that frame (core/exchange/pdf_sign.py).
    """
    st = styles()
    epreuve = store.epreuve(epreuve_id)
    referentiel = store.epreuve_referentiel(epreuve_id)
    bloc = referentiel.bloc(epreuve["bloc"])
    certification = referentiel.certification(epreuve["certification"])
    ctx = _epreuve_context(store, epreuve_id)
    avis = av.get_avis(store, avis_id) if avis_id is not None else av.current_avis(store, epreuve_id)
    result = av.computed_result(store, epreuve_id)
    decisions = store.current_decisions(epreuve_id)
    notes = store.current_notes(epreuve_id)
    thresholds = referentiel.thresholds
    candidate = person_name(ctx['first_name'], ctx['last_name'])
    story: list[Flowable] = []

    # Title
    story.append(Paragraph(fr(f"Compte rendu d'épreuve — bloc {bloc.code}"), st.title))
    story.append(
        Paragraph(
            fr(
                f"CQP {certification.title} ({certification.code}) — {certification.rncp}"
                + (f", niveau {certification.level}" if certification.level else "")
            ),
            st.subtitle,
        )
    )
    if epreuve["mode"] != Mode.CERTIFICATION:
        story.append(
            boxed(Paragraph(fr("PRÉ-POSITIONNEMENT — non certifiant : ne compte jamais pour un CCP"), st.banner), AMBER, colors.orange)
        )
    if avis is None or not avis.signed:
        story.append(boxed(Paragraph(fr("DOCUMENT DE TRAVAIL — avis non signé"), st.banner), AMBER, colors.orange))
    elif avis.departs_from_computed:
        story.append(
            boxed(
                Paragraph(fr("Avis du jury différent du résultat calculé par les règles — voir la justification"), st.banner),
                AMBER,
                colors.orange,
            )
        )

    # Identity
    alternative = {a.code: a.label for a in bloc.alternatives}.get(epreuve["alternative"] or "", "")
    route = "Formation (observation en situation réelle de travail et entretien)" if epreuve["route"] == Route.FORMATION else "VAE (livret 2 et entretien)"
    mode = "Certification" if epreuve["mode"] == Mode.CERTIFICATION else "Pré-positionnement — non certifiant, ne compte jamais pour un CCP"
    # a VAE candidacy's single interview is timed on its first épreuve: each bloc's report shows it
    timing = phase_times(planned_phases(referentiel, bloc.code, epreuve["route"]), store.timer_events(clock_epreuve(store, epreuve_id)))
    ident = [
        ("Candidat(e)", candidate),
        ("Organisme employeur", f"{ctx['organisme']} ({ctx['organisme_code']})"),
        ("Branche de législation", ctx["branche"] or "—"),
        ("Bloc de compétences", f"{bloc.code} — {bloc.title}"),
        ("Parcours", route + (f" ; modalité : {alternative}" if alternative else "")),
        ("Nature", mode),
        ("Date de l'épreuve", held_on(epreuve["planned_date"], timing.started_at)),
        ("Session", f"{ctx['session']} — {ctx['site']}" if ctx["session"] else "—"),
        ("Président(e) du jury", _member_line(store, epreuve["president_id"])),
        ("Expert(e) métier", _member_line(store, epreuve["expert_id"])),
        ("Référentiel", f"{referentiel.title}, version {epreuve['referentiel_version']} ({epreuve['referentiel_id']})"),
        ("Empreinte du référentiel", epreuve["referentiel_hash"]),
    ]
    story.append(Spacer(1, 6))
    story.append(
        grid(
            [[Text(fr(k), st.cell_bold), Text(fr(str(v)), st.cell)] for k, v in ident],
            [42 * mm, WIDTH - 42 * mm],
            header=False,
            extra=[("BACKGROUND", (0, 0), (0, -1), LIGHT)],
        )
    )
    if referentiel.indicative:
        story.append(Spacer(1, 4))
        story.append(
            boxed(
                Paragraph(
                    fr(
                        f"{referentiel.criteria_notice}. Les critères de cette grille ont été rédigés à partir du libellé "
                        "des compétences (lettre Ucanss du 20/09/2021) : ils sont indicatifs."
                    ),
                    st.cell,
                ),
                AMBER,
                colors.orange,
            )
        )

    # Timing
    story.append(Paragraph(fr("Déroulement et chronométrage"), st.h2))
    counts = {p.code: p.count for p in bloc.phases if p.count}
    rows: list[list[Any]] = [[Text(fr(h), st.cell_bold) for h in ("Phase", "Prévu", "Réel", "Écart", "Pauses et interruptions")]]
    for phase in timing.phases:
        if phase.actual_ms is None:
            actual, gap = "non réalisée", Text("", st.cell)
        else:
            # whole seconds, as printed: prévu − réel = écart adds up on paper
            shown = _whole(phase.actual_ms)
            actual = format_ms(shown)
            if shown > phase.planned_ms:
                gap = Text(f"dépassement de {format_ms(shown - phase.planned_ms)}", restyled(st.cell, colour=RED))
            elif shown < phase.planned_ms:
                gap = Text(f"{format_ms(phase.planned_ms - shown)} de moins que prévu", st.cell)
            else:
                gap = Text("dans le temps", st.cell)
        pauses = [
            f"{'interruption' if p.recovered else 'pause'} de {format_ms(p.duration_ms) if p.duration_ms is not None else '(non reprise)'}"
            + (f" : {p.reason}" if p.reason else "")
            for p in phase.pauses
        ]
        label = phase.label
        if phase.code in counts and phase.count is not None:
            spec = counts[phase.code]
            label += f" — {spec.label} : {phase.count} (attendu {spec.min} à {spec.max})"
        rows.append(
            [
                Text(fr(label), st.cell),
                Text(format_ms(phase.planned_ms), st.cell),
                Text(actual, st.cell),
                gap,
                Text(fr("; ".join(pauses)) if pauses else "aucune", st.cell),
            ]
        )
    rows.append(
        [
            Text("Total", st.cell_bold),
            Text(format_ms(timing.planned_ms), st.cell_bold),
            Text(format_ms(sum(_whole(p.actual_ms or 0) for p in timing.phases)), st.cell_bold),
            Text("", st.cell),
            Text(fr(f"temps en pause : {format_ms(timing.paused_ms)}"), st.cell),
        ]
    )
    story.append(grid(rows, [62 * mm, 16 * mm, 18 * mm, 28 * mm, WIDTH - 124 * mm], extra=[("BACKGROUND", (0, -1), (-1, -1), LIGHT)]))
    if timing.started_at is None:
        story.append(Paragraph(fr("Aucun chronométrage enregistré pour cette épreuve."), st.small))
    else:
        story.append(
            Paragraph(
                fr(f"Début : {french_date(timing.started_at)} — fin : {french_date(timing.ended_at)} (heures locales)"),
                st.small,
            )
        )

    story.extend(_presentation_section(store, epreuve_id, bloc, st))
    if epreuve["route"] == Route.VAE:
        story.extend(_livret_section(store, epreuve_id, bloc, referentiel, st))

    # Grid of criteria, per competence
    story.append(Paragraph(fr("Grille d'évaluation"), st.h2))
    comments = avis.comments if avis else {}
    results = {c.key: c for c in result.competences}
    for competence in bloc.competences:
        res = results[competence.key]
        block: list[Flowable] = [Paragraph(fr(f"{competence.code} — {competence.wording}"), st.h3)]
        rows = [[Text(fr(h), st.cell_bold) for h in ("Critère", "Libellé", "Décision", "Notes du jury")]]
        for criterion in competence.criteria:
            decision = decisions.get(criterion.key, Decision.NON_OBSERVE)
            note = notes.get((competence.key, criterion.key)) or notes.get((None, criterion.key)) or ""
            rows.append(
                [
                    Text(fr(criterion.code), st.cell),
                    Text(fr(criterion.label), st.cell),
                    _decision_cell(decision, st),
                    Text(fr(note), st.cell),
                ]
            )
        block.append(grid(rows, [14 * mm, 88 * mm, 20 * mm, WIDTH - 122 * mm]))
        line = threshold_line(
            res.validated,
            res.total,
            thresholds.competence_percent,
            "critère validé" if res.validated <= 1 else "critères validés",
            "acquise",
            "non acquise",
        )
        colour = GREEN if res.acquired else RED
        block.append(Paragraph(f"{fr(competence.code)}{NNBSP}: {fr(line)}", restyled(st.body, bold=True, colour=colour)))
        competence_note = notes.get((competence.key, None))
        if competence_note:
            block.append(Paragraph(f"<b>Notes</b>{NNBSP}: {fr(competence_note)}", st.body))
        if comments.get(competence.key):
            block.append(Paragraph(f"<b>Commentaire du jury</b>{NNBSP}: {fr(comments[competence.key])}", st.body))
        story.append(KeepTogether(block))
    general = notes.get((None, None))
    if general:
        story.append(Paragraph(f"<b>Note générale</b>{NNBSP}: {fr(general)}", st.body))

    from cqp_desktop.core.site import double_marking_report  # both blind markings and their reconciliation

    story.extend(double_marking_report.section(store, epreuve_id, st))

    # Bloc result
    story.append(Paragraph(fr("Résultat calculé par les règles"), st.h2))
    bloc_line = threshold_line(
        result.acquired,
        result.total,
        thresholds.bloc_percent,
        "compétence acquise" if result.acquired <= 1 else "compétences acquises",
        f"bloc {bloc.code} validé",
        f"bloc {bloc.code} non validé",
    )
    story.append(Paragraph(fr(bloc_line), restyled(st.body, bold=True, colour=GREEN if result.validated else RED)))
    story.append(
        Paragraph(
            fr(
                f"Règle : une compétence est acquise si au moins {thresholds.competence_percent} % de ses critères sont "
                f"validés ; le bloc est validé si au moins {thresholds.bloc_percent} % de ses compétences sont acquises "
                "(calcul en nombres entiers)."
            ),
            st.small,
        )
    )
    for line in result.explanation()[1:]:
        story.append(Paragraph(fr("• " + line), st.body))
    if not result.fully_decided:
        story.append(Paragraph(fr("Attention : des critères restent non observés."), st.body))

    # Avis
    story.extend(_avis_section(store, avis, result.validated, bloc.code, st))

    # Signatures
    story.extend(_signature_section(store, avis, st, pdf_signer, epreuve["expert_id"], field_boxes))

    footer = f"cqp-desktop — épreuve n° {epreuve_id} — {candidate} — bloc {bloc.code}"
    if avis is not None:
        footer += f" — avis version {avis.version}"
    watermark = None if avis is not None and avis.signed else "DOCUMENT DE TRAVAIL"
    return render(story, f"Compte rendu d'épreuve — {candidate} — bloc {bloc.code}", footer, watermark)


def _whole(ms: int) -> int:
    """Milliseconds rounded down to the second, as every duration of the report is printed."""
    return max(0, ms) // 1000 * 1000


def held_on(planned: str | None, started_at: str | None) -> str:
    """The day the épreuve really took place (its first start), and the planned day when it differs."""
    if not started_at:
        return f"{french_date(planned)} (prévue ; pas encore commencée)"
    real = dt.datetime.fromisoformat(started_at).astimezone().date().isoformat()
    text = french_date(real)
    if planned and planned[:10] != real:
        text += f" (prévue le {french_date(planned[:10])})"
    return text


def _presentation_section(store: Store, epreuve_id: int, bloc: Any, st: Styles) -> list[Flowable]:
    """MDR: the competences the candidate's presentation addressed, against the minimum."""
    minimum = bloc.min_competences_presented
    if not minimum:
        return []
    presented = presented_competences(store, epreuve_id)
    out: list[Flowable] = [Paragraph(fr("Compétences abordées par la présentation"), st.h2)]
    count = sum(1 for c in bloc.competences if c.key in presented)
    verdict = "minimum atteint" if count >= minimum else "minimum non atteint"
    out.append(Paragraph(fr(f"{count} compétence(s) abordée(s), au moins {minimum} attendue(s) : {verdict}."), st.body))
    rows = [[Text(fr(h), st.cell_bold) for h in ("Compétence", "Libellé", "Abordée")]]
    for competence in bloc.competences:
        rows.append(
            [
                Text(fr(competence.code), st.cell),
                Text(fr(competence.wording), st.cell),
                Text("oui" if competence.key in presented else "non", st.cell),
            ]
        )
    out.append(grid(rows, [26 * mm, WIDTH - 44 * mm, 18 * mm]))
    return out


def _livret_section(store: Store, epreuve_id: int, bloc: Any, referentiel: Any, st: Styles) -> list[Flowable]:
    """VAE: the livret 2 situations the interview was built on, with the competences each evidences."""
    bounds = referentiel.vae
    situations = vae_situations(store, epreuve_id)
    codes = {c.key: c.code for c in bloc.competences}
    out: list[Flowable] = [Paragraph(fr("Livret 2 — situations significatives"), st.h2)]
    out.append(
        Paragraph(
            fr(f"{len(situations)} situation(s) saisie(s), {bounds.situations_min} à {bounds.situations_max} attendue(s)."),
            st.body,
        )
    )
    if not situations:
        return out
    rows = [[Text(fr(h), st.cell_bold) for h in ("N°", "Situation", "Compétences mises en œuvre")]]
    for s in situations:
        text = f"<b>{fr(s.title)}</b>" + (f"<br/>{fr(s.summary)}" if s.summary else "")
        rows.append(
            [
                Text(str(s.slot), st.cell),
                Text(text, st.cell),
                Text(fr(", ".join(codes.get(k, k) for k in s.competences) or "—"), st.cell),
            ]
        )
    out.append(grid(rows, [10 * mm, WIDTH - 60 * mm, 50 * mm]))
    return out


def _avis_section(store: Store, avis: av.AvisRecord | None, computed: bool, bloc: str, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(fr("Avis du jury professionnel"), st.h2)]
    if avis is None:
        out.append(Paragraph(fr("Aucun avis saisi."), st.body))
        return out
    verdict = f"Bloc {bloc} validé" if avis.jury_validated else f"Bloc {bloc} non validé"
    computed_text = "validé" if avis.computed_validated else "non validé"
    rows = [
        ("Avis du jury", Text(fr(verdict), restyled(st.cell_bold, colour=GREEN if avis.jury_validated else RED))),
        ("Résultat calculé", Text(fr(f"bloc {computed_text}"), st.cell)),
    ]
    if avis.departs_from_computed:
        rows.append(("Écart au résultat calculé", Text(fr("OUI — l'avis s'écarte du résultat calculé"), st.cell_bold)))
        rows.append(("Justification", Text(fr(avis.justification or "(absente)"), st.cell)))
    rows.append(("Préconisations", Text(fr(avis.preconisations) if avis.preconisations else fr("aucune"), st.cell)))
    rows.append(("Version", Text(fr(_version_text(store, avis)), st.cell)))
    table = grid(
        [[Text(fr(k), st.cell_bold), v] for k, v in rows],
        [42 * mm, WIDTH - 42 * mm],
        header=False,
        extra=[("BACKGROUND", (0, 0), (0, -1), LIGHT)]
        + ([("BACKGROUND", (1, 2), (1, 3), AMBER)] if avis.departs_from_computed else []),
    )
    out.append(table)
    return out


def _version_text(store: Store, avis: av.AvisRecord) -> str:
    state = f"signée le {french_date(avis.signed_at)}" if avis.signed else "non signée"
    text = f"{avis.version} ({state})"
    if avis.supersedes_id is not None:
        old = av.get_avis(store, avis.supersedes_id)
        text += f" ; remplace la version {old.version} signée le {french_date(old.signed_at)} ; motif de la correction : {avis.amendment_reason}"
    return text


def _signature_image(png: bytes | None, max_w: float, max_h: float) -> Flowable:
    if not png:
        return Spacer(max_w, max_h)
    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale)


class _FieldFrame(Flowable):
    """An empty frame whose page and position on it are recorded, for a signature field drawn there later."""

    def __init__(self, width: float, height: float, sink: dict[str, Any] | None, name: str) -> None:
        super().__init__()
        self.width, self.height, self.sink, self.name = width, height, sink, name

    def draw(self) -> None:
        self.canv.setStrokeColor(LINE)
        self.canv.setDash(2, 2)
        self.canv.rect(0, 0, self.width, self.height)
        self.canv.setDash()
        if self.sink is not None:
            x, y = self.canv.absolutePosition(0, 0)
            self.sink[self.name] = (self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height))


def _signature_section(
    store: Store,
    avis: av.AvisRecord | None,
    st: Styles,
    pdf_signer: str | None,
    expert_id: int | None = None,
    field_boxes: dict[str, Any] | None = None,
) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(fr("Signatures"), st.h2)]
    rows = av.signatures(store, avis.id) if avis else []
    if not rows:
        out.append(Paragraph(fr("Avis non signé."), st.body))
        return out
    cells: list[Any] = []
    col = WIDTH / 2
    for s in rows:
        role = "Président(e) du jury" if s.role == Role.PRESIDENT else "Expert(e) métier (contreseing)"
        cert = ""
        if s.certificate:
            cert = fingerprint(load_certificate(s.certificate))
        cells.append(
            [
                Paragraph(fr(role), st.cell_bold),
                Paragraph(fr(f"{s.signer_name}, le {french_date(s.signed_at)}"), st.cell),
                _signature_image(s.drawn_png, col - 12 * mm, 24 * mm),
                Paragraph(fr(f"Certificat SHA-256 : {cert[:32]}…"), st.small),
                Paragraph(fr(f"Données signées SHA-256 : {s.payload_hash[:32]}…"), st.small),
            ]
        )
    if expert_id is not None and not any(s.role == Role.EXPERT for s in rows):
        cells.append(
            [
                Paragraph(fr("Expert(e) métier (contreseing)"), st.cell_bold),
                Paragraph(fr(f"{av.member_name(store, expert_id)} : signature manuscrite et électronique dans ce cadre"), st.cell),
                _FieldFrame(col - 12 * mm, 24 * mm, field_boxes, "expert"),
                Paragraph(fr("Le contreseing électronique (PAdES) est vérifiable dans le lecteur PDF."), st.small),
            ]
        )
    while len(cells) % 2:
        cells.append("")
    table = Table([cells[i : i + 2] for i in range(0, len(cells), 2)], colWidths=[col, col])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.4, LINE),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    out.append(KeepTogether([table]))
    text = (
        "Chaque signature couvre les données complètes de l'avis et de l'épreuve (décisions, notes, chronométrage, "
        "empreinte du référentiel) ; l'épreuve est verrouillée depuis la signature du président."
    )
    if pdf_signer:
        text += f" Ce fichier PDF est signé électroniquement (PAdES) par {pdf_signer}"
        text += ", puis contresigné par l'expert(e) métier." if expert_id is not None else "."
    out.append(Spacer(1, 3))
    out.append(Paragraph(fr(text), st.small))
    return out


__all__ = ["build_epreuve_report", "fr", "french_date", "threshold_line", "render", "styles", "grid", "boxed"]
