"""The examiner analytics as charts with their numbers beside them: a PDF report (reportlab graphics) and the
same charts as SVG for the Ucanss window. Qt-free. Jury members are named; candidates never appear (the
analytics hold none, core/ucanss/examiner_analytics.py).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from cqp_desktop.core.reports import fonts
from cqp_desktop.core.ucanss.examiner_analytics import Analytics
from cqp_desktop.core.ucanss.examiner_severity import Severity

SEVERE = colors.HexColor("#a11d1d")
LENIENT = colors.HexColor("#1d4fa1")
NEUTRAL = colors.HexColor("#6b6b6b")
LINE = colors.HexColor("#b8bec8")
TEXT = colors.HexColor("#1a1a1a")
PALETTE = [colors.HexColor(c) for c in ("#a11d1d", "#d9822b", "#8c6d1f", "#1d4fa1", "#2b8cbe", "#6a3d9a", "#1b6e2e")]


def num(x: float | None, digits: int = 2) -> str:
    """French decimal comma; « — » for a missing figure."""
    if x is None:
        return "—"
    text = f"{x:.{digits}f}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]  # no « −0,00 »
    return text.replace(".", ",").replace("-", "−")


def q_text(q: float | None) -> str:
    if q is None:
        return "—"
    return "< 0,001" if q < 0.001 else num(q, 3)


def points(share: float | None) -> str:
    """A difference of shares in percentage points, signed."""
    return "—" if share is None else ("+" if share > 0 else "") + num(100 * share, 1) + " pts"


def _colour(s: Severity) -> colors.Color:
    if not s.flagged or s.estimate is None:
        return NEUTRAL
    return LENIENT if s.estimate > 0 else SEVERE


def _fonts() -> tuple[str, str]:
    return fonts.register()


def ordered(analytics: Analytics) -> list[Severity]:
    """Estimable members from the most severe to the most lenient, then the others."""
    estimable = sorted((s for s in analytics.severity if s.estimate is not None), key=lambda s: s.estimate)  # type: ignore[arg-type, return-value]
    return estimable + [s for s in analytics.severity if s.estimate is None]


def severity_chart(analytics: Analytics, width: float = 760, row: float = 10.5, numbers: bool = True) -> Drawing:
    """Forest plot: each member's estimate with its 95 % interval, 0 = the comparable average; the numbers
    (disagreements, paired difference, estimate [interval], q, verdict) on the same line, right of the plot."""
    regular, bold = _fonts()
    rows = [s for s in ordered(analytics) if s.estimate is not None]
    name_w = 92.0
    table_w = 300.0 if numbers else 0.0
    plot_w = width - name_w - table_w - 10
    head = 28.0
    height = head + row * max(len(rows), 1) + 26
    d = Drawing(width, height)
    bound = max([abs(s.low or 0) for s in rows] + [abs(s.high or 0) for s in rows] + [0.5])
    bound = (int(bound * 4) + 1) / 4

    def x_of(v: float) -> float:
        return name_w + plot_w * (v + bound) / (2 * bound)

    top = height - head
    bottom = top - row * len(rows)
    # axis, ticks and the zero line
    step = 0.25 if bound <= 1 else 0.5
    tick = -bound
    while tick <= bound + 1e-9:
        x = x_of(tick)
        d.add(Line(x, bottom, x, top, strokeColor=LINE, strokeWidth=0.3 if abs(tick) > 1e-9 else 1))
        d.add(String(x, bottom - 9, num(tick, 2), fontName=regular, fontSize=6.5, textAnchor="middle", fillColor=TEXT))
        tick += step
    d.add(String(x_of(-bound), bottom - 19, "← plus sévère", fontName=regular, fontSize=7, fillColor=SEVERE))
    d.add(String(x_of(bound), bottom - 19, "plus indulgent →", fontName=regular, fontSize=7, textAnchor="end", fillColor=LENIENT))
    d.add(String(name_w + plot_w / 2, top + 16, "Sévérité estimée (logit, IC 95 %) ; 0 = moyenne des membres comparables",
                 fontName=bold, fontSize=7.5, textAnchor="middle", fillColor=TEXT))
    columns = [(0, "Désacc."), (42, "Écart apparié"), (112, "Estimation [IC 95 %]"), (212, "q (BH)"), (250, "Verdict")]
    left = width - table_w
    if numbers:
        for dx, label in columns:
            d.add(String(left + dx, top + 4, label, fontName=bold, fontSize=7, fillColor=TEXT))
    d.add(String(0, top + 4, "Membre du jury", fontName=bold, fontSize=7, fillColor=TEXT))
    for i, s in enumerate(rows):
        y = top - row * (i + 0.5)
        colour = _colour(s)
        if i % 2 == 0:
            d.add(Rect(0, y - row / 2, width, row, fillColor=colors.HexColor("#f4f6f9"), strokeColor=None))
        font = bold if s.flagged else regular
        d.add(String(0, y - 2.5, analytics.name(s.member)[:22], fontName=font, fontSize=7, fillColor=colour))
        d.add(Line(x_of(s.low or 0), y, x_of(s.high or 0), y, strokeColor=colour, strokeWidth=1.2))
        d.add(Circle(x_of(s.estimate or 0), y, 2.2, fillColor=colour, strokeColor=colour))
        if numbers:
            cells = [str(s.discordant), points(s.paired_difference),
                     f"{num(s.estimate)} [{num(s.low)} ; {num(s.high)}]", q_text(s.q_value), s.verdict]
            for (dx, _), text in zip(columns, cells):
                d.add(String(left + dx, y - 2.5, text, fontName=font, fontSize=7, fillColor=colour))
    return d


def agreement_chart(analytics: Analytics, width: float = 360, height: float = 190) -> Drawing:
    """Histogram of the share of criteria the two members agreed on, per double-marked épreuve."""
    regular, bold = _fonts()
    d = Drawing(width, height)
    values = analytics.epreuve_agreement
    bins = [0] * 10  # 50 %–100 % by 5 points; below 50 % counted in the first bin
    for v in values:
        bins[min(9, max(0, int((v - 0.5) * 20)))] += 1
    left, bottom, plot_w, plot_h = 34.0, 30.0, width - 44, height - 54
    peak = max(bins) or 1
    d.add(String(left + plot_w / 2, height - 10, "Accord entre les deux membres (épreuves en double correction)",
                 fontName=bold, fontSize=7.5, textAnchor="middle", fillColor=TEXT))
    bar = plot_w / len(bins)
    for i, count in enumerate(bins):
        h = plot_h * count / peak
        d.add(Rect(left + i * bar + 1, bottom, bar - 2, h, fillColor=LENIENT, strokeColor=None))
        d.add(String(left + i * bar + bar / 2, bottom + h + 2, str(count), fontName=regular, fontSize=6, textAnchor="middle", fillColor=TEXT))
        d.add(String(left + i * bar + bar / 2, bottom - 9, f"{50 + 5 * i}" + ("" if i else "−"), fontName=regular, fontSize=6,
                     textAnchor="middle", fillColor=TEXT))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=TEXT, strokeWidth=0.5))
    d.add(String(left + plot_w / 2, bottom - 20, "critères concordants (%, classes de 5 points)", fontName=regular, fontSize=6.5,
                 textAnchor="middle", fillColor=TEXT))
    d.add(String(4, bottom + plot_h / 2, "épreuves", fontName=regular, fontSize=6.5, fillColor=TEXT))
    return d


def trend_chart(analytics: Analytics, members: Sequence[str], width: float = 520, height: float = 220) -> Drawing:
    """Per session month, each chosen member's paired difference (own « validé » share minus their
    co-markers' on the same criteria), in points."""
    regular, bold = _fonts()
    d = Drawing(width, height)
    months = sorted({t.month for t in analytics.trend})
    series: dict[str, dict[str, float]] = defaultdict(dict)
    for t in analytics.trend:
        if t.member in members and t.paired_difference is not None:
            series[t.member][t.month] = 100 * t.paired_difference
    values = [v for s in series.values() for v in s.values()] + [5.0, -5.0]
    bound = max(abs(v) for v in values)
    bound = 5 * (int(bound / 5) + 1)
    left, bottom, plot_w, plot_h = 40.0, 40.0, width - 150, height - 64
    d.add(String(left + plot_w / 2, height - 10, "Écart apparié par mois de session (points de « validé »)",
                 fontName=bold, fontSize=7.5, textAnchor="middle", fillColor=TEXT))

    def xy(i: int, v: float) -> tuple[float, float]:
        x = left + (plot_w * i / (len(months) - 1) if len(months) > 1 else plot_w / 2)
        return x, bottom + plot_h * (v + bound) / (2 * bound)

    for v in range(-bound, bound + 1, 5):
        _, y = xy(0, v)
        d.add(Line(left, y, left + plot_w, y, strokeColor=LINE if v else TEXT, strokeWidth=0.3 if v else 0.8))
        d.add(String(left - 4, y - 2, num(v, 0), fontName=regular, fontSize=6.5, textAnchor="end", fillColor=TEXT))
    for i, m in enumerate(months):
        x, _ = xy(i, 0)
        d.add(String(x, bottom - 10, f"{m[5:]}/{m[2:4]}", fontName=regular, fontSize=6, textAnchor="middle", fillColor=TEXT))
    for n, member in enumerate(members):
        colour = PALETTE[n % len(PALETTE)]
        pts = [xy(i, series[member][m]) for i, m in enumerate(months) if m in series[member]]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):  # segments: an SVG polyline would be filled by some viewers
            d.add(Line(x0, y0, x1, y1, strokeColor=colour, strokeWidth=1))
        for x, y in pts:
            d.add(Circle(x, y, 1.8, fillColor=colour, strokeColor=colour))
        ly = bottom + plot_h - 10 * n
        d.add(Line(left + plot_w + 10, ly + 2, left + plot_w + 22, ly + 2, strokeColor=colour, strokeWidth=1.5))
        d.add(String(left + plot_w + 26, ly, analytics.name(member)[:22], fontName=regular, fontSize=6.5, fillColor=colour))
    return d


def svg(drawing: Drawing) -> bytes:
    """The chart as SVG, for the window (no raster back-end is needed)."""
    from reportlab.graphics import renderSVG

    framed = Drawing(drawing.width, drawing.height)
    framed.add(Rect(0, 0, drawing.width, drawing.height, fillColor=colors.white, strokeColor=None))
    framed.add(drawing)
    text = renderSVG.drawToString(framed)
    # reportlab names the registered fonts; a viewer knows them by family and weight
    text = text.replace("font-family: DejaVuSans-Bold;", "font-family: DejaVu Sans; font-weight: bold;")
    text = text.replace("font-family: DejaVuSans;", "font-family: DejaVu Sans;")
    # Qt's SVG renderer misreads some « rgb(95%,96%,97%) »: hexadecimal colours are read everywhere
    return re.sub(r"rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)", lambda m: "#" + "".join(f"{round(float(v) * 2.55):02x}" for v in m.groups()), text).encode("utf-8")


# --------------------------------------------------------------------------------------------------
# The PDF report


def _fr_day(iso_day: str) -> str:
    return dt.date.fromisoformat(iso_day).strftime("%d/%m/%Y")


def build_pdf(analytics: Analytics, *, generated_on: str | None = None) -> bytes:
    """Summary and method, then severity, agreement, trend and per-bloc rates, each with its numbers."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

    from cqp_desktop.core.reports.pdf_toolkit import fr, render, styles
    from cqp_desktop.core.ucanss.national import fast_grid

    st = styles()
    page = landscape(A4)
    day = _fr_day(generated_on or dt.date.today().isoformat())
    estimable = [s for s in analytics.severity if s.estimate is not None]
    flagged = analytics.flagged
    agreements = {a.member: a for a in analytics.agreement}
    values = analytics.epreuve_agreement
    kappas = [a.mean_kappa for a in analytics.agreement if a.mean_kappa is not None]
    summary = (
        f"{analytics.epreuves} épreuve(s) importée(s), dont {analytics.double_marked} en double correction ; "
        f"{len(analytics.severity)} membre(s) du jury, {len(estimable)} dont la sévérité est estimable ; "
        f"{len(flagged)} signalé(s) au taux de fausses découvertes de {num(100 * analytics.alpha, 0)} %."
    )
    method = (
        "Méthode (détail : guide « Analyse des examinateurs ») : sur les épreuves en double correction, chaque critère "
        "où les deux membres ne sont pas d'accord (l'un « validé », l'autre non) compare les deux membres sur le même "
        "candidat et le même critère ; le niveau du candidat et la difficulté du critère s'annulent (modèle de Rasch "
        "conditionnel, ou de Bradley–Terry). Chaque membre reçoit une sévérité en logit (0 = moyenne des membres "
        "comparables), avec un intervalle de confiance à 95 % dont l'erreur type tient compte des critères d'une même "
        "épreuve (erreurs types robustes par épreuve). Test de Wald de l'écart à 0, p corrigés par Benjamini–Hochberg "
        "sur l'ensemble des membres testés ; un membre est signalé si q ≤ 0,05. « Écart apparié » : part de « validé » "
        "du membre moins celle de son co-correcteur sur les mêmes critères. Un signalement appelle un échange, "
        "pas une sanction : il dit que l'écart dépasse ce que le hasard explique, pas pourquoi."
    )
    story: list[Flowable] = [
        Paragraph(fr("Analyse des examinateurs — sévérité, accord, évolution"), st.title),
        Paragraph(fr(f"Base nationale au {day}. {summary}"), st.subtitle),
        Paragraph(fr(method), st.body),
        Paragraph(fr(f"Membres signalés ({len(flagged)})"), st.h2),
    ]
    if flagged:
        story += fast_grid(
            ["Membre du jury", "Sens", "Épreuves (double corr.)", "Désaccords", "Écart apparié", "Sévérité [IC 95 %]", "q (BH)",
             "Accord moyen", "Kappa moyen"],
            [[analytics.name(s.member), s.verdict, str(s.double_marked), str(s.discordant), points(s.paired_difference),
              f"{num(s.estimate)} [{num(s.low)} ; {num(s.high)}]", q_text(s.q_value),
              _percent(agreements.get(s.member)), num(getattr(agreements.get(s.member), "mean_kappa", None))]
             for s in sorted(flagged, key=lambda s: s.estimate or 0)],
            [w * mm for w in (42, 24, 28, 22, 24, 42, 18, 22, 22)],
        )
    else:
        story.append(Paragraph(fr("Aucun membre ne s'écarte de ses pairs au-delà de ce que le nombre d'épreuves explique."), st.body))
    chart = agreement_chart(analytics)
    stats = [
        ["Épreuves en double correction", str(len(values))],
        ["Accord moyen", "—" if not values else f"{num(100 * statistics.fmean(values), 1)} %"],
        ["Accord médian", "—" if not values else f"{num(100 * statistics.median(values), 1)} %"],
        ["1er – 3e quartile", "—" if len(values) < 2 else
         " – ".join(f"{num(100 * q, 1)} %" for q in statistics.quantiles(values, n=4)[::2])],
        ["Kappa moyen des membres", "—" if not kappas else num(statistics.fmean(kappas))],
        ["Kappa des membres (min – max)", "—" if not kappas else f"{num(min(kappas))} – {num(max(kappas))}"],
    ]
    story += [
        Paragraph(fr("Accord entre correcteurs"), st.h2),
        Table([[chart, fast_grid(["Accord", "Valeur"], stats, [55 * mm, 30 * mm])]], colWidths=[chart.width + 20, None],
              style=[("VALIGN", (0, 0), (-1, -1), "TOP")]),
        PageBreak(),
        Paragraph(fr("Sévérité de chaque membre (épreuves en double correction)"), st.h2),
        severity_chart(analytics, width=page[0] - 32 * mm) if estimable else Paragraph(fr(
            "Aucun membre estimable : la sévérité se mesure sur les épreuves en double correction, où les deux "
            "membres ont noté chacun de leur côté."), st.body),
    ]
    not_estimable = [s for s in analytics.severity if s.estimate is None]
    if not_estimable:
        story.append(Paragraph(fr(
            "Non estimables (moins de 20 désaccords, ou trop peu de membres comparables) : "
            + ", ".join(f"{analytics.name(s.member)} ({s.discordant} désaccord(s))" for s in not_estimable)), st.small))
    story.append(PageBreak())
    shown = [s.member for s in sorted(flagged, key=lambda s: s.estimate or 0)][:7]
    story.append(Paragraph(fr("Évolution d'une session à l'autre"), st.h2))
    if shown:
        story.append(trend_chart(analytics, shown))
        months = sorted({t.month for t in analytics.trend})
        cells = {(t.member, t.month): t for t in analytics.trend}
        story += fast_grid(
            ["Membre"] + [f"{m[5:]}/{m[2:4]}" for m in months],
            [[analytics.name(m)] + [_trend_cell(cells.get((m, month))) for month in months] for m in shown],
            [40 * mm] + [(page[0] - 32 * mm - 40 * mm) / max(len(months), 1)] * len(months),
        )
        story.append(Paragraph(fr("Par mois : écart apparié en points (nombre d'épreuves du membre ce mois-là)."), st.small))
    else:
        story.append(Paragraph(fr("Aucun membre signalé : pas de courbe à suivre."), st.body))
    story += [
        Paragraph(fr("Taux par membre et par bloc, face aux autres membres sur le même bloc"), st.h2),
        *fast_grid(
            ["Membre du jury", "Bloc", "Épreuves", "Critères validés (membre)", "Critères validés (autres)", "Écart",
             "Blocs validés (membre)", "Blocs validés (autres)"],
            [[analytics.name(r.member), r.bloc, str(r.epreuves), _pct(r.criteria_rate), _pct(r.peer_criteria_rate),
              points(r.criteria_rate - r.peer_criteria_rate), _pct(r.bloc_rate), _pct(r.peer_bloc_rate)]
             for r in sorted(analytics.by_bloc, key=lambda r: (analytics.name(r.member), r.bloc))],
            [w * mm for w in (48, 16, 20, 38, 38, 26, 36, 36)],
        ),
        Spacer(1, 4 * mm),
        Paragraph(fr("Ces taux ne corrigent pas le niveau des candidats : à lire avec la sévérité appariée ci-dessus, "
                     "qui le fait. Aucun candidat n'est nommé dans ce rapport."), st.small),
    ]
    return render(story, "Analyse des examinateurs", f"cqp-desktop — analyse des examinateurs du {day}", pagesize=page)


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{num(100 * share, 1)} %"


def _percent(a: object) -> str:
    return _pct(getattr(a, "mean_percent", None))


def _trend_cell(t: object) -> str:
    if t is None or getattr(t, "paired_difference", None) is None:
        return "—"
    return f"{num(100 * t.paired_difference, 1)} ({t.epreuves})"  # type: ignore[attr-defined]


def write_pdf(analytics: Analytics, path: Path, *, generated_on: str | None = None) -> None:
    from cqp_desktop.core.common.files import write_atomic

    write_atomic(path, build_pdf(analytics, generated_on=generated_on))


def write_csv(analytics: Analytics, path: Path) -> None:
    from cqp_desktop.core.common.files import write_atomic
    from cqp_desktop.core.ucanss.examiner_analytics import export_csv

    write_atomic(path, export_csv(analytics).encode("utf-8"))
