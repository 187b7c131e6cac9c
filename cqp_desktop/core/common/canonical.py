"""The canonical JSON: the exact bytes that are hashed and signed (avis payloads, manifests, audit chain,
référentiel content hash). One home, so a signature made anywhere is checked with the same bytes everywhere.

Sorted keys, no insignificant whitespace, UTF-8 without escaping: what `json.dumps(sort_keys=True,
ensure_ascii=False, separators=(",", ":"))` writes. orjson writes the same bytes several times faster (the
national import re-serialises every signed payload); whatever orjson declines (a non-string key, an integer
beyond 64 bits, a subclass of str or int such as an enum) goes to the standard encoder, so the bytes never
depend on which encoder ran. tests/core/test_canonical.py checks the two agree on arbitrary JSON values.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

# orjson renders some floats differently (0.00001 for 1e-05). In compact JSON a number starts the text or
# follows '":' (a key: keys are strings), ',' or '[', and a float has a '.' or an exponent after its first
# digits: such output (or, rarely, a string that looks alike, e.g. « ,2.5 ») is rendered again by the reference
# encoder. One pattern per opening, each starting with a literal that the regex engine scans for quickly (a
# single pattern opening on a class of characters took 70 µs per signed payload: the national import
# re-serialises ~14 per package); the times of day inside strings (« 01:27:28.940 ») match none of them.
# Our formats hold no float anyway. (NaN and the infinities, which JSON does not have, are the one difference
# left: orjson writes null; no parsed package can hold them.)
_FLOATS = tuple(re.compile(opening + rb"[-0-9][0-9]*[.eE]") for opening in (rb'":', rb",", rb"\["))
_TOP_FLOAT = re.compile(rb"-?[0-9]+[.eE]")


def _may_hold_float(fast: bytes) -> bool:
    return _TOP_FLOAT.match(fast) is not None or any(pattern.search(fast) for pattern in _FLOATS)
_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def reference_json(data: Any) -> bytes:
    """The standard library's rendering, which defines the canonical form."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def canonical_json(data: Any) -> bytes:
    """Canonical bytes of a JSON value (see the module docstring)."""
    try:
        fast = orjson.dumps(data, option=_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError: let the reference encoder render it (or refuse it) itself
        return reference_json(data)
    return reference_json(data) if _may_hold_float(fast) else fast


def canonical_text(data: Any) -> str:
    return canonical_json(data).decode("utf-8")


def parse_json(raw: bytes | str) -> Any:
    """Parse JSON from a file or a package member. Stricter than `json.loads` (no NaN, no lone surrogate,
    integers within 64 bits): what it refuses, the signer never writes. Errors are ValueError."""
    return orjson.loads(raw)
