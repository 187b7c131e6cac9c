"""The fast canonical encoder writes byte for byte what the reference encoder writes."""

import json
from enum import StrEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqp_desktop.core.common.canonical import canonical_json, parse_json, reference_json

scalars = st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=False, allow_infinity=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5), max_leaves=30)


@settings(max_examples=400)
@given(values)
def test_same_bytes_as_the_reference_encoder(value: object) -> None:
    try:
        expected = reference_json(value)
    except UnicodeEncodeError:  # a lone surrogate: neither may produce bytes
        with pytest.raises((TypeError, UnicodeEncodeError)):
            canonical_json(value)
        return
    assert canonical_json(value) == expected


class Kind(StrEnum):
    A = "a"


def test_what_orjson_declines_goes_to_the_reference_encoder() -> None:
    assert canonical_json({"k": Kind.A, "b": 2**80}) == b'{"b":1208925819614629174706176,"k":"a"}'
    assert canonical_json({1: "a"}) == b'{"1":"a"}'
    assert canonical_json([5.960464477539063e-08, "1e-5"]) == b'[5.960464477539063e-08,"1e-5"]'
    assert canonical_json(1e-05) == b'1e-05' and canonical_json({"a": -1e16}) == b'{"a":-1e+16}'



@pytest.mark.parametrize(
    "value",
    [{"a": 1e-05}, [0, 1e-05], [1e-05], {"a": [-1e-05]}, {"t": "01:27:28.940", "x": -1e-05}, {"k": {"a": 3e-07}}, -2.5e-07],
)
def test_a_float_after_any_opening_goes_to_the_reference_encoder(value: object) -> None:
    """A float after a key, a comma, a bracket or alone (each opening has its own pattern in canonical.py),
    where orjson's rendering differs from the reference's."""
    assert canonical_json(value) == reference_json(value)
    assert orjson_renders_differently(value)


def orjson_renders_differently(value: object) -> bool:
    import orjson

    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS) != reference_json(value)


def test_parse_refuses_what_no_signer_writes() -> None:
    assert parse_json(b'{"a": [1, "\xc3\xa9"]}') == {"a": [1, "é"]}
    for bad in (b"NaN", b'"\\ud800"', b"{"):
        with pytest.raises(ValueError):
            parse_json(bad)
    assert json.loads('"\\ud800"')  # the standard parser would have accepted it
