"""The home list's rows read for the first paint, before the base is opened and checked. Qt-free.

Opening the site base (migrations, anchor, audit chain, row seals: core/storage/integrity.py) takes a few hundred
milliseconds; the window shows the épreuves first, from a read-only SQLite connection that runs no
migration and writes nothing (no journal switch, no checkpoint: the file stays byte for byte what the
integrity check will read), then opens the base. Any doubt — no file yet, an older schema, a damaged or
foreign file — gives None: the window shows an empty list until the real opening says what is wrong.
core/site/overview.py turns the rows into the list (`preview_lines`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from cqp_desktop.core.storage.store_queries import EPREUVE_OVERVIEW_SQL


def preview_rows(db_path: Path) -> list[dict[str, Any]] | None:
    """The home list's rows as the base holds them now, or None when they cannot be read without opening it."""
    db_path = Path(db_path)
    try:
        if not db_path.is_file() or db_path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(EPREUVE_OVERVIEW_SQL)]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
