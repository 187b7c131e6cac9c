"""What the running app holds: its data folder, its store and the active référentiel. Qt-free."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cqp_desktop import paths
from cqp_desktop.core.model.referentiel import Referentiel, canonical_data
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path


@dataclass
class AppContext:
    data_dir: Path
    store: Store
    referentiel: Referentiel

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, demo: bool = False) -> AppContext:
        """Open (creating if needed) the database; with `demo`, fill it when it is still empty."""
        folder = paths.data_dir(data_dir)
        store = Store.open(paths.database_path(folder))
        referentiel = store.active_referentiel()
        if referentiel is None:  # first start: the référentiel shipped with the app becomes active
            referentiel = store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
        if demo:
            from cqp_desktop.core.endtoend import demo as demo_data  # only `make run` needs it

            if demo_data.is_empty(store):
                demo_data.populate(store, referentiel)
        return cls(folder, store, referentiel)

    def close(self) -> None:
        self.store.close()

