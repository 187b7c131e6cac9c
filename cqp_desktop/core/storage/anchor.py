"""The audit chain's head, kept in a small file beside the database (`<base>-ancre`).

Why outside the database: a lost or damaged `-wal`, a database copied without it, an older copy put
back or rows deleted with another tool all leave a database that opens and looks fine. The anchor
remembers how far the journal had gone, so the start-up check (core/storage/integrity.py) can say what is
missing and since when.

The file holds two fixed-size slots, each a line of JSON with its own checksum; a write goes to the
slot of the head's parity right after the database commit. A torn write (power cut) damages one slot
at most, and the other one still holds the previous head. The database is always committed (and
synced) first: the anchor may lag behind the database after a crash (accepted at start), never run
ahead of it. So its own `fdatasync` need not hold up the jury: a background thread flushes the file
after each write, several writes at once when they come quickly (a kill loses nothing — the page cache
survives the process; a power cut can only leave the anchor a few milliseconds behind).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIX = "-ancre"
SLOT = 512
FORMAT = 1


@dataclass(frozen=True)
class Head:
    """What the anchor says: the database it belongs to, the chain head, and the last verified point.

    `cookie` is SQLite's schema version when the chain was last verified: it changes when a trigger is
    dropped (the only way to edit a journal row in SQL), which then calls for a full verification.
    """

    anchor_id: str
    seq: int
    hash: str
    at: str
    verified_seq: int
    verified_hash: str
    cookie: int


def path_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


class AnchorDamaged(Exception):
    """The file exists but neither slot is readable."""


def _encode(head: Head) -> bytes:
    body = json.dumps({"v": FORMAT, **asdict(head)}, sort_keys=True, separators=(",", ":"))
    line = json.dumps({"sum": hashlib.sha256(body.encode()).hexdigest()[:32], "head": json.loads(body)},
                      sort_keys=True, separators=(",", ":"))
    data = line.encode()
    if len(data) >= SLOT:
        raise ValueError("anchor slot overflow")
    return data + b" " * (SLOT - 1 - len(data)) + b"\n"


def _decode(slot: bytes) -> Head | None:
    try:
        outer = json.loads(slot.decode("ascii").strip())
        body = json.dumps(outer["head"], sort_keys=True, separators=(",", ":"))
        if hashlib.sha256(body.encode()).hexdigest()[:32] != outer["sum"] or outer["head"].get("v") != FORMAT:
            return None
        fields = {k: v for k, v in outer["head"].items() if k != "v"}
        return Head(**fields)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        return None


def read(db_path: Path) -> Head | None:
    """The newest valid slot; None when there is no anchor file. Raises AnchorDamaged if unreadable."""
    path = path_for(db_path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(2 * SLOT + 1)
    except FileNotFoundError:
        return None
    heads = [h for h in (_decode(data[:SLOT]), _decode(data[SLOT : 2 * SLOT])) if h is not None]
    if not heads:
        raise AnchorDamaged(str(path))
    return max(heads, key=lambda h: h.seq)


class Writer:
    """Keeps the anchor file open and rewrites one slot after each committed action."""

    def __init__(self, db_path: Path, head: Head):
        self.path = path_for(db_path)
        self.head = head
        self._fd: int | None = None
        self._dirty = threading.Event()
        self._stop = False
        self._flusher: threading.Thread | None = None

    def _open(self) -> int:
        if self._fd is None:
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
            self._fd = os.open(self.path, flags, 0o600)
        return self._fd

    def write(self, head: Head) -> bool:
        """Write `head` and have it flushed in the background; False (never an exception) when the disk
        refuses: the database is then ahead of the anchor, which the next start accepts."""
        self.head = head
        if not self._put([head.seq % 2], head):
            return False
        if self._flusher is None:
            self._flusher = threading.Thread(target=self._flush_loop, name="ancre-fdatasync", daemon=True)
            self._flusher.start()
        self._dirty.set()
        return True

    def reset(self, head: Head) -> bool:
        """Both slots at `head`, flushed before returning: a new anchor, or a base adopted after a restore."""
        self.head = head
        return self._put([0, 1], head) and self._sync()

    def _put(self, slots: list[int], head: Head) -> bool:
        try:
            fd = self._open()
            data = _encode(head)
            for slot in slots:
                os.lseek(fd, slot * SLOT, os.SEEK_SET)
                os.write(fd, data)
            return True
        except OSError:
            return False

    def _sync(self) -> bool:
        try:
            if self._fd is not None:
                (getattr(os, "fdatasync", None) or os.fsync)(self._fd)
            return True
        except OSError:
            return False

    def _flush_loop(self) -> None:
        while True:
            self._dirty.wait()
            self._dirty.clear()
            if self._stop:
                return
            self._sync()

    def close(self) -> None:
        if self._flusher is not None:
            self._stop = True
            self._dirty.set()
            self._flusher.join(timeout=5)
            self._flusher = None
        if self._fd is not None:
            self._sync()
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None
