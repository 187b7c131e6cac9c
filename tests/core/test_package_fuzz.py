"""Fuzzing session packages: whatever hypothesis does to the archive, its members, the manifest or the
data JSON, `package verify` answers with French problems (never a traceback, never a silent OK for
changed content) and `national import` refuses without importing anything.

The hand-written tamperings (tests/core/test_package_tampering.py) check that each forgery is *named*;
this file checks that nothing *unforeseen* gets through or crashes.
"""

from __future__ import annotations

import copy
import io
import json
import random
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cqp_desktop.core.exchange.package_format import DATA_NAME, MANIFEST_NAME, SIGNATURE_NAME, readable_json
from cqp_desktop.core.exchange.package_verify import verify_bytes
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.core.ucanss.national import ImportRejected, import_package, open_national
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import PASSPHRASE, signed_session
from tests.core.package_helpers import members_of, refresh_manifest, rezip
from tests.trust_helpers import anchors

EXAMPLES = 100
# What a Python error message looks like when it leaks into a user-facing problem.
LEAKS = ("Traceback", "object has no attribute", "NoneType", "KeyError", "TypeError", "IndexError",
         "list indices", "unsupported operand", "not subscriptable", "is not iterable", "codec can't",
         "Expecting value", "Error(")
COUNTED = ("packages", "candidates", "epreuves", "referentiels")


@dataclass
class Fixture:
    archive: bytes
    members: dict[str, bytes]
    national: Any  # sqlite_utils Database with the genuine package already imported

    def __repr__(self) -> str:  # hypothesis prints the fixture on failure: keep it short
        return f"Fixture({len(self.archive)} octets, {sorted(self.members)})"


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    folder = tmp_path_factory.mktemp("fuzz")
    store = Store.open(folder / "site.sqlite3", wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=2)
    archive, _ = build_package(store, session.session_id, session.president_id, PASSPHRASE)
    national = open_national(folder / "national.sqlite3")
    assert import_package(national, archive, source="authentique.cqpkg", trust=anchors()).status == "importé"
    yield Fixture(archive, members_of(archive), national)
    national.close()
    store.close()


def counts(db: Any) -> dict[str, int]:
    return {t: db[t].count for t in COUNTED}


def check(fx: Fixture, forged: bytes) -> None:
    """The verdict is a French refusal unless the content is untouched; import never half-happens."""
    verdict = verify_bytes(forged, source="fuzz.cqpkg", trust=anchors())
    untouched = _same_content(forged, fx.members)
    if verdict.ok:
        assert untouched, "contenu modifié accepté"
    else:
        assert verdict.problems and all(isinstance(p, str) and p.strip() for p in verdict.problems)
        report = verdict.report()
        assert "REFUSÉ" in report
        leaked = [leak for leak in LEAKS if leak in report]
        assert not leaked, report
    before = counts(fx.national)
    try:
        outcome = import_package(fx.national, forged, source="fuzz.cqpkg", trust=anchors())
    except ImportRejected as exc:
        assert not verdict.ok or exc.reasons
        assert exc.reasons and not any(leak in exc.report() for leak in LEAKS), exc.report()
    else:
        assert verdict.ok and outcome.status == "déjà importé"
    assert counts(fx.national) == before


def _same_content(raw: bytes, members: dict[str, bytes]) -> bool:
    try:
        return members_of(raw) == members
    except Exception:  # not even a zip
        return False


# -- JSON mutations -------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            found += paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += paths(v, prefix + (i,))
    return found


def mutate(doc: Any, path: tuple, how: str, value: Any) -> None:
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif how == "wrap":
        parent[last] = [parent[last]]
    elif how == "stringify":
        parent[last] = json.dumps(parent[last])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), member=st.sampled_from([MANIFEST_NAME, DATA_NAME]), how=st.sampled_from(["delete", "replace", "wrap", "stringify"]),
       refresh=st.booleans())
def test_mutated_json_fields_are_refused_in_french(original: Fixture, data: st.DataObject, member: str, how: str, refresh: bool) -> None:
    doc = json.loads(original.members[member])
    where = data.draw(st.sampled_from(paths(doc)), label="path")
    mutated = copy.deepcopy(doc)
    mutate(mutated, where, how, data.draw(json_values, label="value"))
    assume(mutated != doc)
    members = dict(original.members)
    members[member] = readable_json(mutated)
    if refresh and member != MANIFEST_NAME:
        refresh_manifest(members)  # a forger recomputes the hashes (but cannot re-sign)
    check(original, rezip(members))


# -- zip member mutations ---------------------------------------------------------------------------


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["drop", "garbage", "rename", "extra", "empty", "truncate"]), refresh=st.booleans())
def test_mutated_zip_members_are_refused_in_french(original: Fixture, data: st.DataObject, how: str, refresh: bool) -> None:
    members = dict(original.members)
    name = data.draw(st.sampled_from(sorted(members)), label="member")
    if how == "drop":
        del members[name]
    elif how == "garbage":
        members[name] = data.draw(st.binary(min_size=1, max_size=200), label="bytes")
    elif how == "rename":
        new = data.draw(st.sampled_from(["../evil.json", "/abs.json", name + ".bak", name.upper(), "dossier/" + name]), label="new")
        assume(new != name)
        members[new] = members.pop(name)
    elif how == "extra":
        members[data.draw(st.text(min_size=1, max_size=12).filter(lambda s: s not in members and "\x00" not in s), label="extra")] = b"{}"
    elif how == "empty":
        members[name] = b""
    elif how == "truncate":
        content = members[name]
        members[name] = content[: data.draw(st.integers(0, max(0, len(content) - 1)), label="cut")]
    assume(members != original.members)
    if refresh and members.get(MANIFEST_NAME) == original.members[MANIFEST_NAME]:
        refresh_manifest(members)
    check(original, rezip(members))


# -- raw archive bytes ------------------------------------------------------------------------------


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 16), cut=st.one_of(st.none(), st.floats(0, 1)))
def test_damaged_archive_bytes_are_refused_in_french(original: Fixture, seed: int, flips: int, cut: float | None) -> None:
    raw = bytearray(original.archive)
    rng = random.Random(seed)
    for _ in range(flips):
        raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
    if cut is not None:
        raw = raw[: int(len(raw) * cut)]
    check(original, bytes(raw))


def test_the_fixture_package_is_genuine(original: Fixture) -> None:
    """The baseline the fuzzers mutate verifies, so every refusal above is caused by the mutation."""
    assert verify_bytes(original.archive, trust=anchors()).ok
    assert {MANIFEST_NAME, SIGNATURE_NAME, DATA_NAME} <= set(original.members)
    with zipfile.ZipFile(io.BytesIO(original.archive)) as z:
        assert z.testzip() is None
    assert Path(MANIFEST_NAME).suffix == ".json"
