"""The canonical JSON of the app: the bytes that get hashed and signed (avis payloads, packages, trust
files, acknowledgments, référentiel hashes, the audit journal). One definition, so that what one side
signs the other side rebuilds byte for byte. Qt-free, standard library only.
"""

from __future__ import annotations

import json
from typing import Any


def canonical_text(data: Any) -> str:
    """Sorted keys, no insignificant whitespace, non-ASCII kept as is."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(data: Any) -> bytes:
    """`canonical_text` in UTF-8."""
    return canonical_text(data).encode("utf-8")
