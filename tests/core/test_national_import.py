"""The national import on every core gives exactly what the one-by-one import gives: same order, same checks,
same refusals; a batch is committed before its results are reported, and rolled back whole on failure."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss import national_import
from cqp_desktop.core.ucanss.national import ImportRejected, consolidated, import_package, open_national
from cqp_desktop.core.ucanss.national_import import import_files
from tests.core.package_fixtures import PASSPHRASE, make_site, signed_session
from tests.core.package_helpers import edit_json, members_of, rezip
from tests.trust_helpers import anchors


@pytest.fixture
def folder(store: Store, referentiel: Referentiel, tmp_path: Path) -> list[Path]:
    """Five packages of five sessions; the third one altered after signing."""
    site = make_site(store)
    files = []
    for n in range(5):
        session = signed_session(store, referentiel, candidates=1, site=site, month=f"2027-0{n + 1}")
        raw = build_package(store, session.session_id, site.president_id, PASSPHRASE, pdfs={})[0]
        if n == 2:
            members = members_of(raw)
            edit_json(members, "data.json", lambda d: d["candidates"][0].update(last_name="Autre"))
            raw = rezip(members)
        path = tmp_path / "paquets" / f"p{n}.cqpkg"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(raw)
        files.append(path)
    files.insert(4, tmp_path / "paquets" / "absent.cqpkg")  # removed between the listing and the import
    return files


def _one_by_one(files: list[Path], base: Path) -> tuple[list[tuple[str, str]], list[dict]]:  # type: ignore[type-arg]
    db = open_national(base)
    seen = []
    for f in files:
        if not f.exists():
            continue
        try:
            seen.append((f.name, import_package(db, f.read_bytes(), source=str(f), trust=anchors()).status))
        except ImportRejected:
            seen.append((f.name, "refusé"))
    rows = consolidated(db)
    db.close()
    return seen, rows


@pytest.mark.parametrize("workers", [0, 2])
def test_parallel_import_matches_the_one_by_one_import(folder: list[Path], tmp_path: Path, workers: int) -> None:
    db = open_national(tmp_path / f"n{workers}.sqlite3")
    results = list(import_files(db, folder, trust=anchors(), workers=workers, batch=2))
    assert [Path(r.source).name for r in results] == [f.name for f in folder]  # the files' order
    statuses = {Path(r.source).name: (r.outcome.status if r.outcome else "refusé") for r in results}
    assert statuses == {"p0.cqpkg": "importé", "p1.cqpkg": "importé", "p2.cqpkg": "refusé", "p3.cqpkg": "importé",
                        "absent.cqpkg": "refusé", "p4.cqpkg": "importé"}
    altered = next(r for r in results if r.source.endswith("p2.cqpkg"))
    assert any("data.json" in reason or "empreinte" in reason for reason in altered.reasons), altered.reasons
    missing = next(r for r in results if r.source.endswith("absent.cqpkg"))
    assert missing.reasons == [f"Paquet « {folder[4]} » introuvable."]
    assert db.execute("SELECT count(*) FROM rejections").fetchone()[0] == 2  # the altered and the missing one
    got = consolidated(db)
    analytics = _analytics(db)
    db.close()
    _, expected = _one_by_one(folder, tmp_path / "reference.sqlite3")
    assert got == expected and len(got) == 4
    reference = open_national(tmp_path / "reference.sqlite3")
    assert analytics == _analytics(reference) and analytics[1]  # what the examiner analytics keep, too
    reference.close()


def _analytics(db) -> tuple[list, list]:  # type: ignore[no-untyped-def, type-arg]
    marks = db.execute(
        "SELECT e.session_uuid, e.local_id, m.criterion, m.final, m.president, m.expert FROM examiner_marks m "
        "JOIN examiner_epreuves e ON e.id = m.epreuve_id ORDER BY 1, 2, 3"
    ).fetchall()
    epreuves = db.execute(
        "SELECT session_uuid, local_id, bloc, bloc_validated, double_marked, criteria FROM examiner_epreuves ORDER BY 1, 2"
    ).fetchall()
    return epreuves, marks


def test_a_failure_rolls_the_open_batch_back(folder: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_national(tmp_path / "n.sqlite3")
    admitted = []
    real_admit = national_import.admit

    def admit_then_fail(db_, verdict, source, clock):  # type: ignore[no-untyped-def]
        if len(admitted) == 3:
            raise OSError("disque plein")
        admitted.append(source)
        return real_admit(db_, verdict, source, clock)

    monkeypatch.setattr(national_import, "admit", admit_then_fail)
    reported = []
    with pytest.raises(OSError):
        for result in import_files(db, folder, trust=anchors(), workers=0, batch=2):
            reported.append(result.source)
    assert len(reported) == 2  # the first batch, committed; the second was rolled back unreported
    assert db.execute("SELECT count(*) FROM packages").fetchone()[0] == 2
    assert not db.conn.in_transaction
    db.close()


def test_trust_anchors_travel_to_worker_processes() -> None:
    trust = anchors()
    copy = pickle.loads(pickle.dumps(trust))
    assert copy.root_fingerprints() == trust.root_fingerprints()
    assert [c.public_bytes(__import__("cryptography").hazmat.primitives.serialization.Encoding.DER) for c in copy.crls] == [
        c.public_bytes(__import__("cryptography").hazmat.primitives.serialization.Encoding.DER) for c in trust.crls
    ]
    assert copy.referentiels == trust.referentiels
