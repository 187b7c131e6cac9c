"""The home list read before the base is opened (core/storage/home_preview.py): the same lines as the store gives,
nothing written, and None — never an exception — for a file it cannot read that way."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from benchmarks.bigdb import build
from cqp_desktop import paths
from cqp_desktop.app_context import AppContext
from cqp_desktop.core.site.overview import EpreuveState, epreuve_lines, preview_lines

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_preview_is_the_list_the_store_gives(tmp_path: Path) -> None:
    build(tmp_path, candidates=12, epreuves=40)  # formation and VAE candidacies, a quarter with decisions
    context = AppContext.open(tmp_path)
    store = context.store
    first = store.connection().execute("SELECT min(id) FROM epreuves").fetchone()[0]
    store.cancel_epreuve(first, "Candidat absent")
    today = dt.date(2026, 4, 3)
    expected = epreuve_lines(store, today)
    context.close()
    db = paths.database_path(tmp_path)
    before = db.read_bytes()
    assert preview_lines(db, today) == expected
    assert db.read_bytes() == before  # read-only: no migration, no checkpoint
    assert any(line.state == EpreuveState.ANNULEE for line in expected)
    assert any(line.route == "vae" for line in expected)


def test_a_file_it_cannot_read_gives_none(tmp_path: Path) -> None:
    assert preview_lines(tmp_path / "absente.sqlite3") is None
    (tmp_path / "vide.sqlite3").write_bytes(b"")
    assert preview_lines(tmp_path / "vide.sqlite3") is None
    (tmp_path / "abimee.sqlite3").write_bytes(b"\x00garbage" * 1000)
    assert preview_lines(tmp_path / "abimee.sqlite3") is None
    assert preview_lines(tmp_path) is None  # a folder


@pytest.mark.parametrize("fixture", sorted(p.name for p in DATA.glob("schema-*.sqlite3")))
def test_an_older_schema_gives_a_list_or_none_and_stays_untouched(tmp_path: Path, fixture: str) -> None:
    db = tmp_path / fixture
    shutil.copy(DATA / fixture, db)
    before = db.read_bytes()
    lines = preview_lines(db)
    assert lines is None or isinstance(lines, list)
    assert db.read_bytes() == before
