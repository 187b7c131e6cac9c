"""Property: whatever the jury ticks (changes of mind included), the package verifies and Ucanss
recomputes exactly the site's result, and a single flipped decision is always caught."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqp_desktop.core.exchange.package_format import DATA_NAME
from cqp_desktop.core.exchange.package_verify import verify_bytes
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import avis
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.package_fixtures import PASSPHRASE, Site, make_site, sign_epreuve
from tests.core.package_helpers import edit_json, members_of, refresh_manifest, rezip
from tests.trust_helpers import anchors

REFERENTIEL = load_default()
BLOCS = ("GRU", "MDR", "POS", "TD")


@pytest.fixture(scope="module")
def site_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Site]]:
    store = Store.open(tmp_path_factory.mktemp("rt") / "db.sqlite3", wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    yield store, make_site(store)
    store.close()


@st.composite
def journals(draw: st.DrawFn) -> tuple[str, list[tuple[str, Decision]]]:
    bloc = draw(st.sampled_from(BLOCS))
    keys = [c.key for c in REFERENTIEL.bloc(bloc).criteria()]
    final = [(k, draw(st.sampled_from([Decision.VALIDE, Decision.VALIDE, Decision.NON_VALIDE]))) for k in keys]
    earlier = draw(st.lists(st.tuples(st.sampled_from(keys), st.sampled_from(list(Decision))), max_size=8))
    return bloc, earlier + final  # every criterion decided last: the avis can be signed


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(journal=journals(), flip=st.integers(min_value=0, max_value=10_000))
def test_package_round_trip(site_store: tuple[Store, Site], journal: tuple[str, list[tuple[str, Decision]]], flip: int) -> None:
    store, site = site_store
    bloc, decisions = journal
    session = store.add_session("Session propriété", "2026-12")
    candidate = store.add_candidate("Durand", "Alix", site.employer_id, "COS", "formation", True)
    alternatives = REFERENTIEL.bloc(bloc).alternatives
    epreuve = store.plan_epreuve(
        candidate, REFERENTIEL, bloc, "2026-12-04", alternative=alternatives[0].code if alternatives else None,
        session_id=session, president_id=site.president_id, expert_id=site.expert_id,
    )
    for key, decision in decisions:
        store.record_decision(epreuve, key, decision, author_id=site.president_id)
    sign_epreuve(store, epreuve, site, cosign=False)
    archive, _ = build_package(store, session, site.president_id, PASSPHRASE, pdfs={})
    verdict = verify_bytes(archive, trust=anchors())
    assert verdict.ok, verdict.problems
    expected = avis.computed_result(store, epreuve)
    assert verdict.recomputed[epreuve]["validated"] == expected.validated
    assert verdict.recomputed[epreuve]["acquired"] == expected.acquired

    members = members_of(archive)
    data = json.loads(members[DATA_NAME])
    rows = data["epreuves"][0]["decisions"]
    target = flip % len(rows)

    def change(d: dict) -> None:
        row = d["epreuves"][0]["decisions"][target]
        row["decision"] = "non_valide" if row["decision"] == "valide" else "valide"

    edit_json(members, DATA_NAME, change)
    refresh_manifest(members)
    forged = verify_bytes(rezip(members), trust=anchors())
    assert not forged.ok
    assert any("décisions différentes de celles signées par le jury" in p for p in forged.problems)
