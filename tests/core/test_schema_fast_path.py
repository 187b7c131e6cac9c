"""The schema's fast path (jsonschema-rs in package.schema_problems) never accepts what jsonschema refuses:
on a genuine package's manifest and data mutated at random (wrong types, missing or extra fields, values
out of range), both validators give the same verdict, and an invalid instance always gets its French
problems from jsonschema."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqp_desktop.core.exchange import package_format as package
from cqp_desktop.core.exchange.package_format import DATA_NAME, MANIFEST_NAME
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import PASSPHRASE, signed_session
from tests.core.package_helpers import members_of


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("schema")
    store = Store.open(folder / "site.sqlite3", wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    session = signed_session(store, load_default(), candidates=2)
    raw = build_package(store, session.session_id, session.president_id, PASSPHRASE, pdfs={})[0]
    store.close()
    members = members_of(raw)
    return {"manifest": json.loads(members[MANIFEST_NAME]), "data": json.loads(members[DATA_NAME])}


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node[:3]):
            out += _paths(v, (*prefix, i))
    return out


REPLACEMENTS = [None, True, 0, -1, 1.5, "", "x" * 3, "2026-13-45", [], {}, {"inconnu": 1}, "0" * 64, "sha256:" + "0" * 64, 2**40]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["manifest", "data"]), choice=st.integers(min_value=0, max_value=10**6),
       action=st.sampled_from(["replace", "delete", "add"]), value=st.sampled_from(REPLACEMENTS))
def test_fast_path_and_jsonschema_agree(genuine: dict[str, Any], kind: str, choice: int, action: str, value: Any) -> None:
    instance = copy.deepcopy(genuine[kind])
    paths = [p for p in _paths(instance) if p]
    path = paths[choice % len(paths)]
    parent = instance
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"champ_{choice % 7}"] = value
    else:
        parent.append(value)
    slow = list(package._validator(kind).iter_errors(instance))
    fast = package._fast_validator(kind)
    assert fast is not None
    assert fast.is_valid(instance) == (not slow), (path, action, value)
    assert (package.schema_problems(kind, instance) == []) == (not slow)


def test_the_genuine_package_is_valid_for_both(genuine: dict[str, Any]) -> None:
    for kind in ("manifest", "data"):
        assert package._fast_validator(kind).is_valid(genuine[kind])
        assert package.schema_problems(kind, genuine[kind]) == []
