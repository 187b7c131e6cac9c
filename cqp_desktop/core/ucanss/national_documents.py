"""Documents of the jury paritaire national: the procès-verbal de délibération and the certificates.

Built with the épreuve reports' toolkit (core/site/report_pdf.py: DejaVu Sans, French spacing, deterministic
bytes) from the national base only, then signed with the Ucanss service key (PAdES, core/exchange/pdf_sign.py):
anyone holding the Ucanss root can check that a certificate or the minutes came from the Ucanss and
were not altered. Certificates exist only for proclaimed (closed) sessions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from cqp_desktop.core.reports.pdf_toolkit import AMBER, LIGHT, MARGIN, boxed, fr, french_date, grid, render, styles
from cqp_desktop.core.ucanss import national_jury as nj

FIELD_UCANSS = "Signature_Ucanss"
CPNEFP = "CPNEFP du Régime général de Sécurité sociale"


def _sign(pdf: bytes, key: Any, certificate: Any, reason: str) -> bytes:
    from cqp_desktop.core.exchange import pdf_sign, trust

    return pdf_sign.sign_pdf(pdf, key, trust.pem(certificate), field_name=FIELD_UCANSS, reason=reason)


def _titles(db: Any) -> tuple[dict[str, str], dict[str, str], Any]:
    ref = nj.latest_referentiel(db)
    if ref is None:
        return {}, {}, None
    return {c.code: c.title for c in ref.certifications.values()}, {b.code: b.title for b in ref.blocs.values()}, ref


# --------------------------------------------------------------------------------------------------
# Procès-verbal


def _earned_text(e: nj.Earned) -> str:
    return f"{e.bloc} — épreuve du {french_date(e.date)}, {e.session_label}" + (f", {e.site}" if e.site else "") + f" (CQP {e.certification})"


def proces_verbal_pdf(db: Any, jury_id: int, *, closed_at: str) -> bytes:
    """The minutes of the deliberation: every candidate, the professional juries' avis, the decision,
    departures and their justification, recommendations; the proclamation."""
    st = styles()
    session = nj.get_session(db, jury_id)
    listing = nj.session_list(db, jury_id)
    cert_titles, _blocs, ref = _titles(db)
    page = landscape(A4)
    width = page[0] - 2 * MARGIN
    decisions = [p.decision for p in listing if p.decision is not None]
    corrected = sum(1 for p in listing if len(nj.decision_history(db, jury_id, p.candidate.uuid)) > 1)
    cqp_count: dict[str, int] = {}
    for d in decisions:
        for c in d.cqp:
            cqp_count[c] = cqp_count.get(c, 0) + 1
    ccp_total = sum(len(d.ccp) for d in decisions)
    adjourned = sum(1 for d in decisions if not d.ccp)
    departures = sum(1 for d in decisions if d.departs)
    day = french_date(session.jury_date)
    certifications = " ; ".join(
        f"{c.title} ({c.code}, {c.rncp})" for c in (ref.certifications.values() if ref else [])
    ) or "CQP COS et GC"
    story: list[Flowable] = [
        Paragraph(fr("Procès-verbal de délibération du jury paritaire national"), st.title),
        Paragraph(fr(f"{CPNEFP} — {certifications}"), st.subtitle),
        grid(
            [
                [Paragraph(fr("Séance du"), st.cell_bold), Paragraph(fr(day), st.cell)],
                [Paragraph(fr("Membres du jury"), st.cell_bold), Paragraph(fr(session.members or "composition non renseignée"), st.cell)],
                [Paragraph(fr("Candidats"), st.cell_bold), Paragraph(fr(str(len(listing))), st.cell)],
                [
                    Paragraph(fr("Résultats"), st.cell_bold),
                    Paragraph(
                        fr(
                            ", ".join(f"{n} CQP {c} délivré(s)" for c, n in sorted(cqp_count.items()))
                            + (", " if cqp_count else "")
                            + f"{ccp_total} CCP délivré(s), {adjourned} candidat(s) ajourné(s) sans CCP ; "
                            f"{departures} décision(s) s'écartant de l'avis du jury professionnel"
                            + (f" ; {corrected} décision(s) corrigée(s) en séance (chaque version est conservée)" if corrected else "")
                        ),
                        st.cell,
                    ),
                ],
            ],
            [45 * mm, width - 45 * mm],
            header=False,
            extra=[("BACKGROUND", (0, 0), (0, -1), LIGHT)],
        ),
        Spacer(1, 3 * mm),
        Paragraph(
            fr(
                "Le jury paritaire national a délibéré et certifié les compétences des candidats sur la base de leur dossier "
                "de certification, en se référant aux référentiels et à l'avis rédigé par le jury professionnel. "
                "Le jury est souverain dans sa décision : toute décision s'écartant de l'avis du jury professionnel est justifiée ci-dessous."
            ),
            st.body,
        ),
        Paragraph(fr("Décisions"), st.h2),
    ]
    header = ["Candidat(e)", "CQP visé", "Avis des jurys professionnels", "Décision du jury paritaire", "CCP délivrés", "Justification / préconisations"]
    rows = [[Paragraph(fr(h), st.cell_bold) for h in header]]
    for p in listing:
        decision = p.decision
        assert decision is not None
        notes = []
        if decision.departs:
            notes.append(f"Écart avec l'avis : {decision.justification}")
        if decision.recommendations:
            notes.append(f"Préconisations : {decision.recommendations}")
        rows.append(
            [
                Paragraph(fr(p.candidate.name) + f"<br/><font size=6.5>{fr(p.candidate.organisme)}</font><br/><font size=5.5>{p.candidate.uuid}</font>", st.cell),
                Paragraph(fr(p.candidate.cqp), st.cell),
                Paragraph(fr(p.proposal_label), st.cell),
                Paragraph(("<b>" + fr(decision.outcome) + "</b>") + (" <font color='#a15c00'>(écart)</font>" if decision.departs else ""), st.cell),
                Paragraph("<br/>".join(fr(_earned_text(e)) for e in decision.ccp) or fr("aucun"), st.cell),
                Paragraph("<br/>".join(fr(n) for n in notes) or "—", st.cell),
            ]
        )
    story.append(grid(rows, [w * mm for w in (54, 14, 36, 36, 70, 55)]))
    story += [
        Spacer(1, 5 * mm),
        boxed(
            Paragraph(
                fr(
                    f"Résultats proclamés à l'issue de la délibération du {day} (clôture : {french_date(closed_at)}). "
                    "Le CQP et les CCP ci-dessus sont délivrés par le jury paritaire national ; les CCP sont acquis "
                    "définitivement et capitalisables. Procès-verbal signé électroniquement par l'Ucanss (signature PAdES)."
                ),
                ParagraphStyle("pv", parent=st.body, alignment=TA_CENTER),
            ),
            AMBER,
            colors.orange,
            width=width,
        ),
    ]
    return render(
        story,
        f"Procès-verbal du jury paritaire national du {day}",
        f"cqp-desktop — procès-verbal de délibération du jury paritaire national du {day}",
        pagesize=page,
    )


def signed_proces_verbal(db: Any, jury_id: int, key: Any, certificate: Any, *, closed_at: str) -> bytes:
    return _sign(proces_verbal_pdf(db, jury_id, closed_at=closed_at), key, certificate, "Procès-verbal de délibération du jury paritaire national")


# --------------------------------------------------------------------------------------------------
# Certificates


@dataclass(frozen=True)
class Certificate:
    filename: str
    kind: str  # "CQP" | "CCP"
    candidate_uuid: str
    code: str  # CQP code or bloc code
    pdf: bytes


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-") or "x"


def _certificate_story(
    title: str, subtitle: str, lines: list[str], table: list[list[str]] | None, footer_lines: list[str], widths: tuple[float, ...]
) -> list[Flowable]:
    st = styles()
    centred = ParagraphStyle("centred", parent=st.body, alignment=TA_CENTER, fontSize=11, leading=15)
    big = ParagraphStyle("big", parent=st.title, alignment=TA_CENTER, fontSize=20, leading=25, spaceAfter=6)
    sub = ParagraphStyle("sub", parent=st.subtitle, alignment=TA_CENTER, fontSize=12, leading=16)
    name = ParagraphStyle("name", parent=st.title, alignment=TA_CENTER, fontSize=17, leading=22, spaceBefore=6, spaceAfter=6)
    story: list[Flowable] = [
        Paragraph(fr("Union des caisses nationales de Sécurité sociale (Ucanss)"), sub),
        Paragraph(fr(CPNEFP), sub),
        Spacer(1, 14 * mm),
        Paragraph(fr(title), big),
        Paragraph(fr(subtitle), sub),
        Spacer(1, 10 * mm),
    ]
    for n, line in enumerate(lines):
        story.append(Paragraph(fr(line) if n != 3 else f"<b>{fr(line)}</b>", name if n == 1 else centred))
    if table:
        story.append(Spacer(1, 6 * mm))
        cells = [[Paragraph(fr(c), st.cell_bold) for c in table[0]]] + [[Paragraph(fr(c), st.cell) for c in r] for r in table[1:]]
        story.append(grid(cells, [w * mm for w in widths]))
    story.append(Spacer(1, 10 * mm))
    for line in footer_lines:
        story.append(Paragraph(fr(line), centred))
    return story


def _where(e: nj.Earned) -> str:
    return f"{e.session_label}" + (f", {e.site}" if e.site else "") + f" (épreuve du CQP {e.certification})"


def cqp_certificate_pdf(db: Any, session: nj.JurySession, proposal: nj.Proposal, code: str) -> bytes:
    """Certificat de qualification professionnelle: every bloc of the CQP, where and when it was earned
    (across sites, sessions and both CQP: GRU and MDR count for both)."""
    cert_titles, bloc_titles, ref = _titles(db)
    d = proposal.decision
    assert d is not None
    earned = {e.bloc: e for e in (*proposal.delivered_before, *d.ccp)}
    certification = ref.certification(code) if ref is not None else None
    blocs = certification.blocs if certification is not None else tuple(earned)
    table = [["Bloc de compétences", "Épreuve", "Lieu, session — CCP délivré le"]]
    for b in blocs:
        e = earned[b]
        table.append([f"{b} — {bloc_titles.get(b, '')}", french_date(e.date), f"{_where(e)} — CCP délivré le {french_date(e.jury_date)}"])
    rncp = f"{certification.rncp}" + (f", niveau {certification.level}" if certification and certification.level else "") if certification else ""
    day = french_date(session.jury_date)
    lines = [
        "Le jury paritaire national, réuni le " + day + ", délivre à",
        proposal.candidate.first_name + " " + proposal.candidate.last_name.upper(),
        f"({proposal.candidate.organisme}) le certificat de qualification professionnelle",
        f"{cert_titles.get(code, code)} ({code})" + (f" — {rncp}" if rncp else ""),
        "ayant validé l'ensemble des blocs de compétences qui le composent :",
    ]
    footer = [
        f"Fait le {day}, pour le jury paritaire national.",
        f"Certificat n° CQP-{code}-{session.jury_date}-{d.id:06d} — candidat {proposal.candidate.uuid}",
        "Document signé électroniquement par l'Ucanss (signature PAdES).",
    ]
    story = _certificate_story(
        "Certificat de qualification professionnelle", f"CQP {cert_titles.get(code, code)}", lines, table, footer, (70, 24, 84)
    )
    return render(story, f"Certificat de qualification professionnelle {code}", f"cqp-desktop — certificat CQP {code} — jury paritaire national du {day}")


def ccp_certificate_pdf(db: Any, session: nj.JurySession, proposal: nj.Proposal, earned: nj.Earned) -> bytes:
    """Certificat de compétences professionnelles for one bloc: its competences, where it was earned."""
    _cert_titles, bloc_titles, ref = _titles(db)
    d = proposal.decision
    assert d is not None
    bloc = ref.bloc(earned.bloc) if ref is not None and earned.bloc in ref.blocs else None
    shared = [c.code for c in ref.certifications.values() if earned.bloc in c.blocs] if ref is not None else [earned.certification]
    day = french_date(session.jury_date)
    lines = [
        "Le jury paritaire national, réuni le " + day + ", délivre à",
        proposal.candidate.first_name + " " + proposal.candidate.last_name.upper(),
        f"({proposal.candidate.organisme}) le certificat de compétences professionnelles du bloc",
        f"{earned.bloc} — {bloc_titles.get(earned.bloc, '')}",
        f"bloc du CQP {' et du CQP '.join(shared)}" + (" (bloc commun : il compte pour les deux CQP)" if len(shared) > 1 else ""),
        f"évalué le {french_date(earned.date)} — {_where(earned)}.",
    ]
    table = None
    if bloc is not None:
        table = [["Compétence", "Intitulé"]] + [[f"{bloc.code} {c.code}", c.wording] for c in bloc.competences]
    footer = [
        "Ce certificat est acquis définitivement ; il est capitalisable en vue du CQP.",
        f"Fait le {day}, pour le jury paritaire national.",
        f"Certificat n° CCP-{earned.bloc}-{session.jury_date}-{d.id:06d} — candidat {proposal.candidate.uuid}",
        "Document signé électroniquement par l'Ucanss (signature PAdES).",
    ]
    story = _certificate_story(
        "Certificat de compétences professionnelles", f"Bloc de compétences {earned.bloc}", lines, table, footer, (24, 154)
    )
    return render(story, f"Certificat de compétences professionnelles {earned.bloc}", f"cqp-desktop — CCP {earned.bloc} — jury paritaire national du {day}")


def certificates(db: Any, jury_id: int | None, key: Any, certificate: Any) -> list[Certificate]:
    """Every certificate a closed session delivers, signed by the Ucanss: one CQP certificate per CQP
    delivered, one CCP certificate per bloc delivered."""
    return list(each_certificate(db, jury_id, key, certificate))


def each_certificate(db: Any, jury_id: int | None, key: Any, certificate: Any) -> Iterator[Certificate]:
    """`certificates` one at a time, as each is made and signed (the window shows them as they come)."""
    session = nj.require_closed(db, jury_id)
    for p in nj.session_list(db, session.id):
        d = p.decision
        assert d is not None
        stem = f"{session.jury_date}_{slug(p.candidate.last_name.upper())}-{slug(p.candidate.first_name)}_{p.candidate.uuid[:8]}"
        for code in d.cqp:
            pdf = _sign(cqp_certificate_pdf(db, session, p, code), key, certificate, f"Certificat de qualification professionnelle {code}")
            yield Certificate(f"{stem}_CQP-{code}.pdf", "CQP", p.candidate.uuid, code, pdf)
        for e in d.ccp:
            pdf = _sign(ccp_certificate_pdf(db, session, p, e), key, certificate, f"Certificat de compétences professionnelles {e.bloc}")
            yield Certificate(f"{stem}_CCP-{e.bloc}.pdf", "CCP", p.candidate.uuid, e.bloc, pdf)
