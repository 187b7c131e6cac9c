"""The seal of a row: the SHA-256 of its columns, recorded in the audit entry of the action that wrote it.

Only the first `ncols` columns (in table order) are sealed: a later schema step that adds a column
(SQLite appends it) leaves every earlier seal valid.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any


def _canonical(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"b": bytes(value).hex()}
    if isinstance(value, float):
        return {"f": repr(value)}
    return value


def row_digest(values: Sequence[Any]) -> str:
    body = json.dumps([_canonical(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def encode(seals: list[list[Any]]) -> str:
    """`[[table, row id, ncols, digest or None for a deleted row], …]`, as stored in `audit.seals`."""
    return json.dumps(sorted(seals, key=lambda s: (s[0], s[1])), separators=(",", ":"))
