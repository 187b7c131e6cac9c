"""`cqp-desktop --self-test`: prove, on the machine where the app is installed, that its core works.

Why: a frozen bundle can lack a data file, a font, a native library or a module that PyInstaller did
not see; the test suite cannot tell. The self-test runs a short épreuve end to end through the same
code the app uses — fresh database in a temporary folder, référentiel, plan, timer events, decisions,
rules result, avis signed by the président, PDF built, PAdES-signed and verified, backup taken and
checked — and prints one French line per step. Exit code 0 only when every step passed. Qt-free:
it runs without a display.
"""

from __future__ import annotations

import datetime as dt
import struct
import sys
import tempfile
import time
import traceback
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from cqp_desktop import __version__

PASSPHRASE = "auto-test-cqp"


@dataclass
class SelfTestContext:
    """What the steps share (filled in as they run)."""

    folder: Path
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str
    ms: float


def _tiny_png() -> bytes:
    """A 2×2 grey PNG standing for the drawn signature (no Qt here)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------------------------------
# Steps: each returns a French detail line, or raises.


def step_database(ctx: SelfTestContext) -> str:
    from cqp_desktop.core.model.referentiel import canonical_data
    from cqp_desktop.core.storage.store import Store
    from cqp_desktop.paths import database_path
    from cqp_desktop.resources import default_referentiel_path

    store = Store.open(database_path(ctx.folder))
    ctx.values["store"] = store
    ref = store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    ctx.values["referentiel"] = ref
    competences = sum(len(b.competences) for b in ref.blocs.values())
    return f"base neuve créée, référentiel {ref.label} ({len(ref.blocs)} blocs, {competences} compétences)"


def step_plan(ctx: SelfTestContext) -> str:
    from cqp_desktop.core.endtoend.enrolment import LocalAuthority

    store = ctx.values["store"]
    ref = ctx.values["referentiel"]
    certifier = store.add_organisme("AUTOTEST-CERT", "Certificateur (auto-test)", kind="certificateur", certifier_kind="ucanss")
    employer = store.add_organisme("AUTOTEST-A", "Caisse A (auto-test)", branche="Maladie")
    other = store.add_organisme("AUTOTEST-B", "Caisse B (auto-test)", branche="Maladie")
    candidate = store.add_candidate("Candidat", "Test", employer, "COS", "formation", pass_premss=True)
    president = store.add_jury_member("Président", "Test", certifier, "president", None, "2025-01-01")
    expert = store.add_jury_member("Expert", "Test", other, "expert", "Maladie", "2025-01-01")
    # A throw-away Ucanss authority in the temporary folder certifies the président, as the real one would.
    authority = LocalAuthority.in_folder(ctx.folder / "ucanss-autotest", PASSPHRASE)
    authority.trust(store)
    authority.enrol(store, president, PASSPHRASE)
    authority.db.close()
    epreuve = store.plan_epreuve(
        candidate,
        ref,
        "POS",
        dt.date.today().isoformat(),
        president_id=president,
        expert_id=expert,
        alternative=None,
    )
    ctx.values.update(epreuve=epreuve, president=president, expert=expert)
    return f"épreuve n° {epreuve} planifiée (CQP COS, bloc POS), clé P-256 certifiée par une autorité de test"


def step_timer(ctx: SelfTestContext) -> str:
    """Drive the épreuve clock (core/site/clock.py) with a simulated monotonic time, storing each event
    before applying it as the runner does, then rebuild the clock from the journal alone."""
    from cqp_desktop.core.site.clock import ClockState, EpreuveClock
    from cqp_desktop.core.site.timing import planned_phases

    store = ctx.values["store"]
    epreuve = ctx.values["epreuve"]
    row = store.epreuve(epreuve)
    phases = planned_phases(ctx.values["referentiel"], row["bloc"], row["route"])
    now = [10**12]
    clock = EpreuveClock(phases, lambda: now[0])

    def act(event: Any) -> None:
        store.add_timer_event(
            epreuve, event.kind, mono_ns=event.mono_ns, elapsed_ms=event.elapsed_ms, phase=event.phase,
            reason=event.reason, value=event.value,
        )
        clock.apply(event)

    def wait(seconds: int) -> None:
        now[0] += seconds * 1_000_000_000

    act(clock.start())
    wait(60)
    act(clock.pause("auto-test : appel interrompu"))
    wait(30)  # paused time is not counted
    act(clock.resume())
    for phase in phases:
        wait(phase.seconds - (60 if phase is phases[0] else 0) + 5)  # each phase overruns by 5 s
        act(clock.next_phase())
    rebuilt = EpreuveClock.rebuild(phases, lambda: now[0], store.timer_events(epreuve)).reading()
    expected = [p.seconds * 1000 + 5000 for p in phases]
    if rebuilt.state != ClockState.ENDED or [p.elapsed_ms for p in rebuilt.finished] != expected:
        raise AssertionError(f"chronomètre reconstruit incohérent : {rebuilt}")
    kinds = [e["kind"] for e in store.timer_events(epreuve)]
    return (
        f"{len(kinds)} événements de chronométrage ({', '.join(kinds)}) ; chronomètre reconstruit depuis le "
        f"journal : {len(phases)} phases, dépassement de 5 s chacune, pause non comptée"
    )


def step_decisions(ctx: SelfTestContext) -> str:
    from cqp_desktop.core.model.rules import Decision, evaluate

    store = ctx.values["store"]
    ref = ctx.values["referentiel"]
    epreuve = ctx.values["epreuve"]
    criteria = list(ref.bloc("POS").criteria())
    for criterion in criteria:
        store.record_decision(epreuve, criterion.key, Decision.VALIDE)
    # one correction, then undone: the journal keeps both
    store.record_decision(epreuve, criteria[0].key, Decision.NON_VALIDE)
    store.undo_last_decision(epreuve)
    result = evaluate(ref, "POS", store.current_decisions(epreuve))
    if not result.validated:
        raise AssertionError(f"bloc POS attendu validé : {result.summary()}")
    ctx.values["result"] = result
    return f"{len(criteria)} critères décidés ; règles : {result.summary()}"


def step_avis(ctx: SelfTestContext) -> str:
    from cqp_desktop.core.site import avis

    store = ctx.values["store"]
    epreuve = ctx.values["epreuve"]
    avis_id = avis.draft_avis(store, epreuve, True)
    avis.sign_avis(store, avis_id, ctx.values["president"], PASSPHRASE, _tiny_png())
    problems = avis.verify_avis_signatures(store, avis_id)
    if problems:
        raise AssertionError("; ".join(problems))
    if store.epreuve(epreuve)["locked_at"] is None:
        raise AssertionError("épreuve non verrouillée après signature")
    ctx.values["avis"] = avis_id
    return f"avis n° {avis_id} signé par le président, épreuve verrouillée, signature vérifiée"


def step_pdf(ctx: SelfTestContext) -> str:
    """The épreuve report PDF (embedded font), PAdES-signed with the président's key, then verified.

    A copy with one byte changed must be refused too: that proves the verification really checks.
    """
    from cqp_desktop.core.exchange import pdf_sign
    from cqp_desktop.core.site import signed_report, site_trust

    store = ctx.values["store"]
    pdf = signed_report.report_for_avis(store, ctx.values["avis"])
    if pdf is None:
        raise AssertionError("aucun compte rendu signé n'a été produit à la signature de l'avis")
    if not pdf.startswith(b"%PDF-"):
        raise AssertionError("le compte rendu produit n'est pas un PDF")
    anchors = site_trust.anchors(store)
    problems = pdf_sign.pdf_problems(pdf, store, anchors)
    if problems:
        raise AssertionError("; ".join(problems))
    checks = pdf_sign.check_pdf(pdf, store, anchors)
    path = ctx.folder / "compte-rendu-autotest.pdf"
    path.write_bytes(pdf)
    middle = len(pdf) // 3
    tampered = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1 :]
    if not pdf_sign.pdf_problems(tampered, store, anchors):
        raise AssertionError("un PDF modifié après signature n'a pas été détecté")
    fonts = pdf.count(b"/FontFile2")
    return (
        f"compte rendu PDF de {len(pdf) // 1024} Ko ({fonts} police(s) incorporée(s)), signature PAdES "
        f"de {checks[0].signer} vérifiée ; une copie altérée est bien refusée"
    )


def step_backup(ctx: SelfTestContext) -> str:
    from cqp_desktop.core.storage import backup

    store = ctx.values["store"]
    info = backup.backup_now(store, ctx.folder, "finalisation")
    check = backup.verify(info.path)
    if not check.ok:
        raise AssertionError(check.message)
    return f"sauvegarde prise et vérifiée ({backup.describe_size(info.size)})"


def step_audit(ctx: SelfTestContext) -> str:
    from cqp_desktop.core.storage.integrity import verify_integrity

    store = ctx.values["store"]
    problems = verify_integrity(store)  # chain, row seals and the anchor file beside the base
    if problems:
        raise AssertionError("; ".join(problems))
    from cqp_desktop.core.storage.store_queries import sealed_row_count

    sealed = sealed_row_count(store)
    return f"journal d'audit intact ({len(store.audit_entries())} entrées chaînées, {sealed} lignes scellées, ancre à jour)"


STEPS: tuple[tuple[str, Callable[[SelfTestContext], str]], ...] = (
    ("Base de données", step_database),
    ("Planification", step_plan),
    ("Chronométrage", step_timer),
    ("Décisions et règles", step_decisions),
    ("Avis et signature", step_avis),
    ("Procès-verbal PDF", step_pdf),
    ("Sauvegarde", step_backup),
    ("Journal d'audit", step_audit),
)


def run_steps(folder: Path) -> list[StepResult]:
    """Run every step in `folder` (stops at the first failure: later steps need earlier ones)."""
    ctx = SelfTestContext(Path(folder))
    results: list[StepResult] = []
    try:
        for name, step in STEPS:
            start = time.perf_counter()
            try:
                detail = step(ctx)
                ok = True
            except Exception as exc:  # the point is to report any failure, in French, and go on exiting
                detail = f"ÉCHEC : {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
                ok = False
            results.append(StepResult(name, ok, detail, (time.perf_counter() - start) * 1000))
            if not ok:
                break
    finally:
        store = ctx.values.get("store")
        if store is not None:
            store.close()
    return results


def run(out: TextIO | None = None) -> int:
    """Print the self-test report; 0 when every step passed, 1 otherwise."""
    out = out or sys.stdout
    print(f"cqp-desktop {__version__} — auto-test ({'paquet autonome' if getattr(sys, 'frozen', False) else 'sources'})", file=out)
    with tempfile.TemporaryDirectory(prefix="cqp-autotest-") as tmp:
        results = run_steps(Path(tmp))
    for r in results:
        print(f"  [{'OK' if r.ok else 'ÉCHEC'}] {r.name} ({r.ms:.0f} ms) : {r.detail}", file=out)
    passed = len(results) == len(STEPS) and all(r.ok for r in results)
    total = sum(r.ms for r in results)
    print(f"Auto-test {'réussi' if passed else 'ÉCHOUÉ'} en {total:.0f} ms.", file=out)
    return 0 if passed else 1
