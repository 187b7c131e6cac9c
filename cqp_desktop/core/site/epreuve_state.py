"""Whether an épreuve is finished: one rule for the dossier, the avis, the VAE candidacy and the home list. Qt-free.

The timer journal says it: the épreuve's clock has ended when its last event that is not a count is
'end'. A VAE candidacy's blocs share one interview, timed on its first épreuve (core/site/vae.py), so the
clock of an épreuve is the one of its interview épreuve.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cqp_desktop.core.model.kinds import TimerKind
from cqp_desktop.core.storage import store_queries as q

if TYPE_CHECKING:
    from cqp_desktop.core.storage.store import Store

def clock_ended(last_kind: str | None) -> bool:
    """From the kind of the last timer event that is not a count (None before the start)."""
    return last_kind == TimerKind.END


def own_clock(store: Store, epreuve_id: int) -> str | None:
    """The last kind of the épreuve's own timer journal (not its candidacy's), None before any event."""
    return q.last_clock_kind(store, epreuve_id)


def clock_of(store: Store, epreuve_id: int) -> str | None:
    """The last kind of the clock that times this épreuve (a VAE candidacy's interview épreuve, or its own)."""
    from cqp_desktop.core.site.vae import clock_epreuve  # vae reads the store: keep the import local

    return own_clock(store, clock_epreuve(store, epreuve_id))


def epreuve_finished(store: Store, epreuve_id: int) -> bool:
    """The épreuve took place: its clock ended, or it is signed (locked)."""
    return clock_ended(clock_of(store, epreuve_id)) or store.epreuve(epreuve_id)["locked_at"] is not None


def clock_left_running(store: Store, epreuve_id: int) -> bool:
    """The épreuve's own clock started and has not ended: nothing may be signed while it runs."""
    last = own_clock(store, epreuve_id)
    return last is not None and not clock_ended(last)
