"""One home per small fact: the atomic write, the canonical JSON, the vocabularies and their labels, the
name and date formats, the rules the export dialog and the CLI share, and closed storage (writes only
inside an audited action)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.core.common.files import atomic_file, write_atomic
from cqp_desktop.core.common.formats import capitalised, french_day, french_moment, listing_name, person_name
from cqp_desktop.core.model.kinds import Role, Route, TimerKind, mode_label, role_label, route_label, timer_kind_label
from cqp_desktop.core.model.rules import Mode
from cqp_desktop.core.site.acknowledgment import SessionState, export_blocker, purge_blocker, sync_blocker
from cqp_desktop.core.site.people import CANDIDATE_FROZEN_ONCE_SIGNED, Editable
from cqp_desktop.core.storage import store_queries as q
from cqp_desktop.core.storage import store_writes as w
from cqp_desktop.core.storage.store import Store, StoreError

# --------------------------------------------------------------------------------------------------
# files and canonical JSON


def test_atomic_write_is_owner_only_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "paquet.cqpkg"
    write_atomic(target, b"contenu")
    assert target.read_bytes() == b"contenu"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["paquet.cqpkg"]


def test_a_failed_atomic_write_keeps_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "reglages.json"
    target.write_bytes(b"ancien")
    with pytest.raises(OSError):
        with atomic_file(target) as tmp:
            tmp.write_bytes(b"moit")
            raise OSError("disque plein")
    assert target.read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["reglages.json"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_canonical_json_is_the_signed_form(data: object) -> None:
    """Sorted keys, no spaces, UTF-8 as is: the bytes every signature in the app covers."""
    expected = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert canonical_json(data) == expected
    assert json.loads(canonical_json(data)) == data


# --------------------------------------------------------------------------------------------------
# vocabularies and formats


def test_every_value_has_one_french_label_and_reads_back_as_stored() -> None:
    assert Route.VAE == "vae" and Role.PRESIDENT == "president" and TimerKind.END == "end"
    assert [role_label(r) for r in Role] == ["président(e)", "expert(e) métier"]
    assert [route_label(r) for r in Route] == ["formation", "VAE"]
    assert mode_label(Mode.CERTIFICATION) == "certification"
    assert mode_label(Mode.PREPOSITIONNEMENT).startswith("pré-positionnement")
    assert len({timer_kind_label(k) for k in TimerKind}) == len(TimerKind)  # one distinct label each
    assert timer_kind_label(TimerKind.END) == "fin"
    assert role_label("inconnu") == "inconnu"  # an unexpected value is shown, never hidden


def test_names_and_dates_have_one_format() -> None:
    assert person_name("Léa", "Martin") == "Léa MARTIN"
    assert listing_name("Martin", "Léa") == "MARTIN Léa"
    assert french_day("2026-12-02") == french_day(dt.date(2026, 12, 2)) == "02/12/2026"
    assert french_day("2026-12-02T09:30:00+00:00") == "02/12/2026"
    assert french_day(None) == "" and french_day("", "?") == "?" and french_day("pas une date") == "pas une date"
    moment = dt.datetime(2026, 12, 2, 9, 30, tzinfo=dt.UTC)
    assert french_moment(moment) == moment.astimezone().strftime("%d/%m/%Y à %H:%M")
    assert french_moment(moment.isoformat(), at=" ") == moment.astimezone().strftime("%d/%m/%Y %H:%M")
    assert french_moment(None) == "—"
    assert capitalised("formation") == "Formation" and capitalised("VAE") == "VAE" and capitalised("") == ""


@given(st.dates(min_value=dt.date(1900, 1, 1)))
def test_a_day_reads_the_same_from_a_date_or_its_iso_text(day: dt.date) -> None:
    assert french_day(day) == french_day(day.isoformat()) == f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


# --------------------------------------------------------------------------------------------------
# the rules the export dialog, the CLI and the core share


def state(epreuves: int = 4, signed: int = 4, revision: int = 10, exported: int | None = None,
          acknowledged: int | None = None, purged: bool = False) -> SessionState:
    return SessionState(1, "Session 12/2026", "2026-12", epreuves, signed, revision, exported, acknowledged, purged)


def test_export_blockers() -> None:
    assert export_blocker(None) == "Aucune session."
    assert "Aucune épreuve de certification" in export_blocker(state(epreuves=0, signed=0))
    assert export_blocker(state(signed=1)) == "3 avis reste(nt) à signer avant l'export."
    assert export_blocker(state()) == ""


@given(st.integers(0, 20), st.integers(0, 20), st.none() | st.integers(0, 20), st.booleans())
def test_purge_is_possible_exactly_when_the_ucanss_holds_everything(epreuves: int, revision: int,
                                                                    acknowledged: int | None, purged: bool) -> None:
    s = state(epreuves=epreuves, signed=epreuves, revision=revision, acknowledged=acknowledged, purged=purged)
    may = epreuves > 0 and not purged and acknowledged == revision
    assert (purge_blocker(s) == "") is may
    assert (sync_blocker(s.label, acknowledged, revision) == "") is (acknowledged == revision)


def test_sync_blocker_says_what_to_do() -> None:
    assert "non synchronisée : importez d'abord l'accusé" in sync_blocker("S", None, 3)
    assert "modifiée depuis le dernier paquet reçu par l'Ucanss (révision 3, accusé pour la révision 2)" in sync_blocker("S", 2, 3)


def test_frozen_fields_are_the_ones_a_signature_rests_on() -> None:
    open_record = Editable(0, False, frozenset())
    signed = Editable(2, False, CANDIDATE_FROZEN_ONCE_SIGNED)
    purged = Editable(2, True, CANDIDATE_FROZEN_ONCE_SIGNED)
    assert open_record.may_change("route") and open_record.may_change("last_name")
    assert not signed.may_change("route") and not signed.may_change("organisme_id") and signed.may_change("last_name")
    assert not purged.may_change("last_name")


# --------------------------------------------------------------------------------------------------
# closed storage


def test_a_write_outside_an_audited_action_is_refused(store: Store) -> None:
    org = store.add_organisme("CPAM-X", "CPAM X", "caisse", "Maladie")
    member = store.add_jury_member("Durand", "Anne", org, "president", None, "2026-01-10")
    with pytest.raises(StoreError, match="hors d'une action journalisée"):
        w.add_certificate_request(store, {"member_id": member, "encrypted_key_pem": b"k", "request_pem": b"r",
                                          "created_at": store.now()})
    before = len(store.audit_entries())
    with store.action("certificate.request", "certificate_requests") as act:
        act.entity_id = w.add_certificate_request(
            store, {"member_id": member, "encrypted_key_pem": b"k", "request_pem": b"r", "created_at": store.now()}
        )
    assert len(store.audit_entries()) == before + 1
    assert [r["id"] for r in q.certificate_requests(store, member)] == [act.entity_id]
    assert store.verify_audit_chain() == []


def test_named_queries_read_what_the_store_wrote(store: Store) -> None:
    org = store.add_organisme("CPAM-X", "CPAM X", "caisse", "Maladie")
    cid = store.add_candidate("Martin", "Léa", org, "COS", "vae", True)
    assert q.candidate_name(store, cid) == ("Léa", "Martin")
    assert q.candidate_route(store, cid) == Route.VAE
    assert [c["org"] for c in q.candidate_list(store)] == ["CPAM X"]
    assert q.is_empty(store) is False
    assert q.candidate(store, 999) is None and q.member_name(store, 999) is None
