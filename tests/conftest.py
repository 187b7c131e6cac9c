"""Shared fixtures. Qt runs offscreen so nothing needs a display; GUI tests are marked automatically."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # the tests' screen is a jury laptop's: 1366×768 less the taskbar
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'data', 'laptop-screen.json')}"

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cqp_desktop.core.model.referentiel import Referentiel, canonical_data, load_default
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path

DATA = Path(__file__).parent / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def cheaper_key_encryption() -> Iterator[None]:
    """Keys made by the tests use scrypt N = 2**12 instead of 2**17 (0.5 s per key and per unlock would
    add minutes to the suite); tests/core/test_keys_kdf.py checks the production cost itself."""
    from cqp_desktop.core.exchange import keys

    production = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12
    yield
    keys.SCRYPT_N = production


@pytest.fixture(scope="session")
def referentiel() -> Referentiel:
    return load_default()


class FakeWallClock:
    """A wall clock that advances one second per reading: deterministic timestamps."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 12, 2, 8, 30, tzinfo=dt.UTC)):
        self.moment = start

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(seconds=1)
        return self.moment


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cqp-desktop.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path, wall_clock=FakeWallClock())
    s.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    yield s
    s.close()
