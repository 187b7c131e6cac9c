"""The seal of a row: the SHA-256 of its columns, recorded in the audit entry of the action that wrote it.

Only the first `ncols` columns (in table order) are sealed: a later schema step that adds a column
(SQLite appends it) leaves every earlier seal valid.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any


def row_digest(values: Sequence[Any]) -> str:
    """SHA-256 of the Python `repr` of the row's values: what SQLite returns (None, int, float, str, bytes)
    has one unambiguous, version-stable repr, computed in C — the check at start hashes every open record."""
    return hashlib.sha256(repr(tuple(values)).encode("utf-8", "surrogatepass")).hexdigest()


def encode(seals: list[list[Any]]) -> str:
    """`[[table, row id, ncols, digest or None for a deleted row], …]`, as stored in `audit.seals`."""
    return json.dumps(sorted(seals, key=lambda s: (s[0], s[1])), separators=(",", ":"))
