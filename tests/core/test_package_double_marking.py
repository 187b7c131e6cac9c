"""A double-marked épreuve in the session package: verified, and each way of faking it refused in French."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cqp_desktop.core.exchange import keys
from cqp_desktop.core.exchange.package_format import DATA_NAME, schema_problems
from cqp_desktop.core.exchange.package_verify import verify_bytes
from cqp_desktop.core.model.reconciliation import latest_marks
from cqp_desktop.core.model.referentiel import canonical_data, load_default
from cqp_desktop.core.site.package_export import build_package
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.conftest import FakeWallClock
from tests.core.double_fixtures import double_marked_signed
from tests.core.package_fixtures import PASSPHRASE, make_site
from tests.core.package_helpers import (
    edit_json,
    json_member,
    members_of,
    refresh_manifest,
    resign,
    rezip,
)
from tests.trust_helpers import anchors


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int, bytes]]:
    store = Store.open(tmp_path_factory.mktemp("site") / "db.sqlite3", wall_clock=FakeWallClock())
    store.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    site = make_site(store)
    session = store.add_session("Session 2026-12", "2026-12", "Centre d'examen de Brocéliande")
    double_marked_signed(store, load_default(), site, session)
    archive, _ = build_package(store, session, site.president_id, PASSPHRASE)
    yield store, site.president_id, archive
    store.close()


def _marking(d: dict[str, Any]) -> dict[str, Any]:
    return d["epreuves"][0]["double_marking"]


def test_double_marked_package_carries_the_contract_and_verifies(built: tuple[Store, int, bytes]) -> None:
    _, _, archive = built
    data = json_member(members_of(archive), DATA_NAME)
    marking = _marking(data)
    assert [m["role"] for m in marking["markers"]] == ["president", "expert"]
    assert {m["member_id"] for m in marking["markers"]} <= {j["id"] for j in data["jury"]}
    assert marking["agreement"]["agreed"] == marking["agreement"]["criteria"] - 2
    assert schema_problems("data", data) == []
    verdict = verify_bytes(archive, trust=anchors())
    assert verdict.ok, verdict.report()


def _agreed_final_changed(d: dict[str, Any]) -> None:
    row = next(r for r in _marking(d)["reconciliation"] if r["president"] == r["expert"])
    row["final"] = "non_valide"


def _disagreement_unsettled(d: dict[str, Any]) -> None:
    rows = _marking(d)["reconciliation"]
    rows.remove(next(r for r in rows if r["president"] != r["expert"]))


def _final_decision_changed(d: dict[str, Any]) -> None:
    final = [r for r in d["epreuves"][0]["decisions"] if r["phase"] == "reconciliation"][-1]
    final["decision"] = "valide" if final["decision"] == "non_valide" else "non_valide"


def _expert_mark_altered(d: dict[str, Any]) -> None:
    rows = _marking(d)["markers"][1]["decisions"]
    rows[-1]["decision"] = "non_valide" if rows[-1]["decision"] == "valide" else "valide"


def _agreement_inflated(d: dict[str, Any]) -> None:
    _marking(d)["agreement"]["agreed"] += 1


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "agreed final changed": (_agreed_final_changed, "ne reprend pas leur accord"),
    "disagreement unsettled": (_disagreement_unsettled, "non concilié"),
    "final decision changed": (_final_decision_changed, "n'est pas celle de la conciliation"),
    "expert's mark altered": (_expert_mark_altered, "différente de celle signée par le jury"),
    "agreement inflated": (_agreement_inflated, "différent du recalcul"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_faked_double_marking_is_refused_in_french(built: tuple[Store, int, bytes], case: str) -> None:
    store, president_id, archive = built
    change, message = CASES[case]
    members = members_of(archive)
    edit_json(members, DATA_NAME, change)
    refresh_manifest(members)
    # a forger holding the président's key can re-sign the manifest, never the avis the jury signed
    resign(members, keys.load_private_key(bytes(store.signing_identity(president_id)["encrypted_key_pem"]), PASSPHRASE))
    verdict = verify_bytes(rezip(members), trust=anchors())
    assert not verdict.ok
    assert any(message in p for p in verdict.problems), verdict.problems


def test_the_ucanss_imports_a_double_marked_package(built: tuple[Store, int, bytes], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cqp_desktop.core.ucanss.national import import_package, open_national

    _, _, archive = built
    db = open_national(tmp_path / "national.sqlite3")
    try:
        outcome = import_package(db, archive, trust=anchors())
        assert outcome.acknowledgment is not None
        # the examiner analytics keep both original markings and the agreement the package carries
        data = json.loads(members_of(archive)["data.json"])
        epreuve = next(e for e in data["epreuves"] if e["double_marking"])
        markers = {m["role"]: latest_marks(m["decisions"]) for m in epreuve["double_marking"]["markers"]}
        rows = {r[0]: (r[1], r[2], r[3]) for r in db.execute(
            "SELECT m.criterion, m.president, m.expert, m.final FROM examiner_marks m "
            "JOIN examiner_epreuves e ON e.id = m.epreuve_id WHERE e.local_id = ?", [epreuve["id"]])}
        finals = {r["criterion"]: r["final"] for r in epreuve["double_marking"]["reconciliation"]}
        assert rows and {c: (p, x, f) for c, (p, x, f) in rows.items()} == {
            c: (markers["president"].get(c), markers["expert"].get(c), finals[c]) for c in rows
        }
        double, agreed = db.execute("SELECT double_marked, agreed FROM examiner_epreuves WHERE local_id = ?", [epreuve["id"]]).fetchone()
        assert double == 1 and agreed == epreuve["double_marking"]["agreement"]["agreed"]
    finally:
        db.close()
