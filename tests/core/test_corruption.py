"""A damaged database is refused with a French message and left untouched — never a silent empty start."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from cqp_desktop.core.storage.db import open_database
from cqp_desktop.core.storage.errors import StoreError

from ..conftest import DATA

FIXTURE = DATA / "schema-0001_initial.sqlite3"
PAGE = 4096


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _overwrite_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(1)
    for page in range(2, len(data) // PAGE, 3):  # every third page after the schema page
        start = page * PAGE + 16
        data[start : start + 512] = bytes(rng.randrange(256) for _ in range(512))
    path.write_bytes(bytes(data))


def _garbage(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 ceci est un zip, pas une base" * 300)


def _header_smashed(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"Not SQLite here!"
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cqp_desktop', '9999_future', 'x')")
    raw.commit()
    raw.close()


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("truncated", _truncate, "endommagée|n'est pas une base|tronqué"),
    ("overwritten-pages", _overwrite_pages, "endommagée|n'est pas une base"),
    ("not-a-database", _garbage, "n'est pas une base cqp-desktop lisible"),
    ("header-smashed", _header_smashed, "n'est pas une base cqp-desktop lisible"),
    ("newer-version", _newer, "version plus récente"),
]


@pytest.mark.parametrize(("name", "damage", "message"), CASES, ids=[c[0] for c in CASES])
def test_damaged_database_is_refused_and_untouched(tmp_path: Path, name: str, damage: Callable[[Path], None], message: str) -> None:
    path = tmp_path / "cqp-desktop.sqlite3"
    shutil.copy(FIXTURE, path)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message):
        open_database(path)
    assert path.read_bytes() == before
