"""Shared set-up for runner/planning tests: a small jury world and a fake monotonic clock."""

from __future__ import annotations

from dataclasses import dataclass

from cqp_desktop.core.storage.store import Store

S = 1_000_000_000


class FakeMono:
    """A monotonic clock the test moves by hand (never sleeps)."""

    def __init__(self, start: int = 10 * S) -> None:
        self.t = start

    def __call__(self) -> int:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += int(seconds * S)


@dataclass
class World:
    president: int
    expert_ok: int
    expert_same_org: int
    cos_formation: int
    gc_vae: int
    cos_no_premss: int


def make_world(store: Store) -> World:
    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    cpam1 = store.add_organisme("CPAM-A", "CPAM de Brocéliande", "caisse", "Maladie")
    cpam2 = store.add_organisme("CPAM-B", "CPAM du Val-de-Loue", "caisse", "Maladie")
    return World(
        president=store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12"),
        expert_ok=store.add_jury_member("Nguyen", "Sophie", cpam2, "expert", "Maladie", "2025-01-20"),
        expert_same_org=store.add_jury_member("Lambert", "Karim", cpam1, "expert", "Maladie", "2024-06-18"),
        cos_formation=store.add_candidate(
            "Martin", "Léa", cpam1, "COS", "formation", True,
            pass_premss_date="2026-03-27", pass_premss_attested_by="Responsable formation, CPAM de Brocéliande",
        ),
        gc_vae=store.add_candidate("Garnier", "Inès", cpam1, "GC", "vae", False),
        cos_no_premss=store.add_candidate("Roux", "Nathan", cpam1, "COS", "formation", False),
    )
