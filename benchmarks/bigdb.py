"""A demo database of realistic size (200 candidates, 1,000 épreuves) for the benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.model.rules import Decision, Mode

FIRST = ["Léa", "Hugo", "Inès", "Nathan", "Chloé", "Malik", "Emma", "Lucas", "Jade", "Louis", "Zoé", "Adam"]
LAST = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent"]


def build(folder: Path, candidates: int = 200, epreuves: int = 1000, seed: int = 7) -> Path:
    """Create (once) the database under `folder`; returns the data folder."""
    db_file = paths.database_path(folder)
    if db_file.exists():
        return folder
    rng = random.Random(seed)
    context = AppContext.open(folder, demo=True)
    store, ref = context.store, context.referentiel
    caisses = [r["id"] for r in store.connection().query("SELECT id FROM organismes WHERE kind = 'caisse'")]
    cand_ids = []
    for _ in range(candidates):
        cqp = rng.choice(["COS", "GC"])
        cand_ids.append(
            store.add_candidate(rng.choice(LAST), rng.choice(FIRST), rng.choice(caisses), cqp,
                                rng.choice(["formation", "formation", "vae"]), True)
        )
    start = dt.date(2026, 2, 1)
    for n in range(epreuves):
        cand = rng.choice(cand_ids)
        cqp = store.connection()["candidates"].get(cand)["cqp"]
        bloc = rng.choice(ref.certification(cqp).blocs)
        month = start.replace(month=rng.choice([2, 4, 6, 10, 12]))
        epreuve = store.plan_epreuve(cand, ref, bloc, month.replace(day=rng.randint(1, 15)).isoformat(),
                                     mode=Mode.CERTIFICATION)
        if n % 4 == 0:  # a quarter already have their decisions
            for criterion in ref.bloc(bloc).criteria():
                store.record_decision(epreuve, criterion.key, rng.choice([Decision.VALIDE, Decision.VALIDE, Decision.NON_VALIDE]))
    context.close()
    return folder


def build_sessions(folder: Path, epreuves: int = 10_009, per_session: int = 80, seed: int = 11) -> Path:
    """Create (once) a site with `epreuves` épreuves in sessions of `per_session`, a quarter with their
    decisions (the growth benchmarks: start-up check, session list, backups). Written in large
    transactions (`Store.atomic`), each row still sealed by its own audit entry."""
    db_file = paths.database_path(folder)
    if db_file.exists():
        return folder
    rng = random.Random(seed)
    context = AppContext.open(folder, demo=True)
    store, ref = context.store, context.referentiel
    caisses = [r["id"] for r in store.connection().query("SELECT id FROM organismes WHERE kind = 'caisse'")]
    start = dt.date(2026, 1, 1)
    sessions: list[tuple[int, str]] = []
    with store.atomic():
        cand_ids = [
            store.add_candidate(rng.choice(LAST), rng.choice(FIRST), rng.choice(caisses), rng.choice(["COS", "GC"]),
                                "formation", True)
            for _ in range(epreuves // 3 + 1)
        ]
    for n in range(epreuves):
        if n % per_session == 0:
            day = start + dt.timedelta(days=7 * (n // per_session))
            with store.atomic():
                sessions.append((store.add_session(f"Session {len(sessions) + 1}", f"{day:%Y-%m}", "Site"), day.isoformat()))
        if n % 500 == 0:
            if n:
                store.connection().conn.execute("COMMIT")
            store.connection().conn.execute("BEGIN")
        cand = cand_ids[n % len(cand_ids)]
        cqp = store.connection()["candidates"].get(cand)["cqp"]
        bloc = rng.choice(ref.certification(cqp).blocs)
        session_id, day = sessions[-1]
        epreuve = store.plan_epreuve(cand, ref, bloc, day, mode=Mode.CERTIFICATION, session_id=session_id)
        if n % 4 == 0:
            for criterion in ref.bloc(bloc).criteria():
                store.record_decision(epreuve, criterion.key, rng.choice([Decision.VALIDE, Decision.NON_VALIDE]))
    store.connection().conn.execute("COMMIT")
    store._write_anchor()
    context.close()
    return folder
