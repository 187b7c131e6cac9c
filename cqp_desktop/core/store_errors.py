"""The storage's refusals, importable without the database layer (the GUI and CLIs catch them)."""

from __future__ import annotations


class StoreError(Exception):
    """A database the app cannot use; the message is French and says what to do."""


class NewerDatabase(StoreError):
    """The database was written by a newer app: update the app, do not restore an older backup."""


class WriteFailed(StoreError):
    """A write that did not happen (disk full, read-only folder, I/O error): nothing was saved.

    The UI must then show the action as *not* saved and keep running.
    """
