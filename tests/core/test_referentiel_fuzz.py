"""Fuzzing the référentiel loader: any mutation is either accepted or refused with French problems.

Never a traceback, never another exception type: Ucanss will hand-edit these files.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqp_desktop.core.model.referentiel import ReferentielError, canonical_data, from_data, load
from cqp_desktop.resources import default_referentiel_path

BASE = canonical_data(default_referentiel_path())

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(allow_nan=False), st.text(max_size=12)
)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, prefix + (i,))
    return found


PATHS = _paths(BASE)


def _apply(data: Any, path: tuple[Any, ...], action: str, value: Any) -> None:
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    elif action == "add_key" and isinstance(parent[last], dict):
        parent[last]["clé_inconnue"] = value


mutation = st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "duplicate", "add_key"]), json_values)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_referentiels_never_crash(mutations: list[tuple[tuple[Any, ...], str, Any]]) -> None:
    data = copy.deepcopy(BASE)
    for path, action, value in mutations:
        try:
            _apply(data, path, action, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed that place
    try:
        ref = from_data(data, "fuzz.json")
    except ReferentielError as exc:
        assert exc.problems, "a refusal must say why"
        for problem in exc.problems:
            assert problem.message and not problem.message.startswith("Traceback")
    else:
        assert ref.blocs and ref.certifications


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_cleanly(tmp_path_factory: Any, blob: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "ref.toml"
    path.write_bytes(blob)
    try:
        load(path)
    except ReferentielError as exc:
        assert exc.problems
    else:  # pragma: no cover - random bytes are never a full référentiel
        raise AssertionError("random bytes accepted")


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(json.dumps(BASE)) - 1))
def test_truncated_json_is_refused_with_a_line(tmp_path_factory: Any, cut: int) -> None:
    path: Path = tmp_path_factory.mktemp("cut") / "ref.json"
    path.write_text(json.dumps(BASE, ensure_ascii=False, indent=1)[:cut], encoding="utf-8")
    try:
        load(path)
    except ReferentielError as exc:
        assert exc.problems[0].where
    else:
        raise AssertionError("truncated file accepted")
