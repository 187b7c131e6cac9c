"""Double correction on two laptops (two data folders, one Ucanss): hand-over → expert's marking → return
→ reconciliation on the président's laptop; altered, misdirected and foreign files refused in French."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cqp_desktop.core.model.referentiel import Referentiel, canonical_data
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import double_marking as dm
from cqp_desktop.core.site import handover
from cqp_desktop.core.site.runner import EpreuveRunner
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.core.double_fixtures import EXPERT_DISAGREES, plan_double
from tests.core.package_fixtures import EXPERT_PASSPHRASE, PASSPHRASE, Site, make_site
from tests.trust_helpers import certify, shared_authority


@dataclass
class Laptops:
    president: Store  # the site's laptop, where the épreuve is planned
    expert: Store  # the expert's laptop: another data folder
    site: Site
    referentiel: Referentiel


@pytest.fixture
def laptops(tmp_path: Path, referentiel: Referentiel) -> Iterator[Laptops]:
    for folder in ("president", "expert"):
        (tmp_path / folder).mkdir()
    a = Store.open(tmp_path / "president" / "db.sqlite3")
    b = Store.open(tmp_path / "expert" / "db.sqlite3")
    a.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    shared_authority().trust(b)  # the same Ucanss trusted on both laptops
    yield Laptops(a, b, make_site(a), referentiel)
    a.close()
    b.close()


def expert_marks(l: Laptops, raw: bytes) -> tuple[int, bytes]:
    """On the expert's laptop: import, enrol the expert there, mark blind, close, write the return."""
    received = handover.import_file(l.expert, raw, "remise.json")
    local = l.expert.epreuve(received.epreuve_id)["expert_id"]
    certify(l.expert, local, EXPERT_PASSPHRASE)
    runner = EpreuveRunner(l.expert, received.epreuve_id)
    assert runner.double and runner.marker_role == "expert"  # the expert's laptop opens on the expert's grid
    for criterion in l.referentiel.bloc("GRU").criteria():
        runner.set_decision(criterion.key, Decision.NON_VALIDE if criterion.key in EXPERT_DISAGREES else Decision.VALIDE)
    runner.save_note("GRU.C1", "Reformulation absente", criterion="GRU.C1.2")
    runner.close_observation()
    return received.epreuve_id, handover.write_return(l.expert, received.epreuve_id, EXPERT_PASSPHRASE)


def president_marks(l: Laptops, epreuve: int) -> None:
    for criterion in l.referentiel.bloc("GRU").criteria():
        dm.record(l.president, epreuve, l.site.president_id, criterion.key, Decision.VALIDE)
    dm.close(l.president, epreuve, l.site.president_id)


def test_two_laptops_hand_over_mark_return_and_reconcile(laptops: Laptops) -> None:
    l = laptops
    epreuve = plan_double(l.president, l.referentiel, l.site)
    raw = handover.write_handover(l.president, epreuve, PASSPHRASE)
    remote, returned = expert_marks(l, raw)
    # the hand-over carried the épreuve, its référentiel, its candidate and its jury, with their identifiers
    there = l.expert.epreuve(remote)
    assert (there["bloc"], there["referentiel_hash"]) == ("GRU", l.referentiel.content_hash)
    for role in ("president", "expert"):
        assert l.expert.connection()["jury_members"].get(there[f"{role}_id"])["uuid"] == \
            l.president.connection()["jury_members"].get(l.president.epreuve(epreuve)[f"{role}_id"])["uuid"]
    president_marks(l, epreuve)
    imported = handover.import_file(l.president, returned, "retour.json", expected_epreuve=epreuve)
    assert imported.kind == handover.RETURN and imported.epreuve_id == epreuve
    assert dm.both_closed(l.president, epreuve)
    assert [d.criterion for d in dm.disagreements(l.president, epreuve)] == list(EXPERT_DISAGREES)
    assert dm.disagreements(l.president, epreuve)[0].expert_notes == ("Reformulation absente",)
    # the expert's original times travelled with their marks
    remote_rows = l.expert.member_decision_rows(remote, there["expert_id"])
    local_rows = l.president.member_decision_rows(epreuve, l.site.expert_id)
    assert [r["wall_time"] for r in local_rows] == [r["wall_time"] for r in remote_rows]
    with pytest.raises(handover.HandoverError, match="clôturée"):  # imported once, never twice
        handover.import_file(l.president, returned, "retour.json")


def _edit(raw: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    document = json.loads(raw)
    change(document["body"])
    return json.dumps(document).encode("utf-8")


def test_tampered_return_is_refused(laptops: Laptops) -> None:
    l = laptops
    epreuve = plan_double(l.president, l.referentiel, l.site)
    _, returned = expert_marks(l, handover.write_handover(l.president, epreuve, PASSPHRASE))
    forged = _edit(returned, lambda body: body["decisions"][1].update(decision="valide"))
    with pytest.raises(handover.HandoverError, match="modifié après sa signature"):
        handover.import_file(l.president, forged, "retour.json", expected_epreuve=epreuve)
    assert l.president.member_decision_rows(epreuve, l.site.expert_id) == []


def test_return_for_another_epreuve_is_refused(laptops: Laptops) -> None:
    l = laptops
    first = plan_double(l.president, l.referentiel, l.site)
    second = plan_double(l.president, l.referentiel, l.site)
    handover.write_handover(l.president, second, PASSPHRASE)
    _, returned = expert_marks(l, handover.write_handover(l.president, first, PASSPHRASE))
    with pytest.raises(handover.HandoverError, match="fichier fait pour une autre épreuve"):
        handover.import_file(l.president, returned, "retour.json", expected_epreuve=second)
    # pointing the file at the other épreuve breaks its signature or answers no hand-over
    forged = _edit(returned, lambda body: body["origin"].update(epreuve_id=second))
    with pytest.raises(handover.HandoverError, match="ne répond à aucune remise"):
        handover.import_file(l.president, forged, "retour.json")
    # a return imported on a laptop that never handed this épreuve over
    with pytest.raises(handover.HandoverError, match="autre poste"):
        handover.import_file(l.expert, returned, "retour.json")


def test_return_signed_by_someone_other_than_the_epreuves_expert_is_refused(laptops: Laptops) -> None:
    l = laptops
    epreuve = plan_double(l.president, l.referentiel, l.site)
    _remote, returned = expert_marks(l, handover.write_handover(l.president, epreuve, PASSPHRASE))
    org = l.expert.organisme_by_code("CPAM-VDL")
    stranger = l.expert.add_jury_member("Lambert", "Karim", org, "expert", "Maladie", "2024-06-18")
    certify(l.expert, stranger, "phrase de Karim")
    body = json.loads(returned)["body"]
    forged, _ = handover._sign(l.expert, stranger, "expert", "phrase de Karim", handover.RETURN, body)
    with pytest.raises(handover.HandoverError, match="qui n'est pas l'expert\\(e\\) de cette épreuve"):
        handover.import_file(l.president, forged, "retour.json", expected_epreuve=epreuve)


def test_hand_over_not_signed_by_the_president_is_refused(laptops: Laptops) -> None:
    l = laptops
    epreuve = plan_double(l.president, l.referentiel, l.site)
    raw = handover.write_handover(l.president, epreuve, PASSPHRASE)
    body = json.loads(raw)["body"]
    by_expert, _ = handover._sign(l.president, l.site.expert_id, "expert", EXPERT_PASSPHRASE, handover.HANDOVER, body)
    with pytest.raises(handover.HandoverError, match="président\\(e\\) certifié\\(e\\)"):
        handover.import_file(l.expert, by_expert, "remise.json")
    with pytest.raises(handover.HandoverError, match="modifié après sa signature"):
        handover.import_file(l.expert, _edit(raw, lambda b: b["epreuve"].update(bloc="MDR")), "remise.json")
    with pytest.raises(handover.HandoverError, match="pas un fichier de double correction"):
        handover.import_file(l.expert, b"%PDF-1.4", "remise.json")


def test_cli_marking_handover_import_return(tmp_path: Path, referentiel: Referentiel, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from cqp_desktop import paths
    from cqp_desktop.cli import main

    folders = {name: tmp_path / name for name in ("president", "expert")}
    for folder in folders.values():
        folder.mkdir()
    a = Store.open(paths.database_path(folders["president"]))
    b = Store.open(paths.database_path(folders["expert"]))
    a.register_referentiel(canonical_data(default_referentiel_path()), activate=True)
    shared_authority().trust(b)
    site = make_site(a)
    epreuve = plan_double(a, referentiel, site)
    a.close()
    b.close()
    remise, retour = tmp_path / "remise.json", tmp_path / "retour.json"

    def cli(folder: str, *argv: str, phrase: str = PASSPHRASE) -> int:
        monkeypatch.setenv("CQP_DESKTOP_PASSPHRASE", phrase)
        return main(["--data-dir", str(folders[folder]), "marking", *argv])

    assert cli("president", "handover", "--epreuve", str(epreuve), "--out", str(remise)) == 0
    assert cli("expert", "import", str(remise)) == 0
    assert "Remise importée" in capsys.readouterr().out
    b = Store.open(paths.database_path(folders["expert"]))
    remote = b.handovers(origin=(json.loads(remise.read_bytes())["body"]["origin"]["site"], epreuve))[0]["epreuve_id"]
    expert = b.epreuve(remote)["expert_id"]
    certify(b, expert, EXPERT_PASSPHRASE)
    for criterion in referentiel.bloc("GRU").criteria():
        dm.record(b, remote, expert, criterion.key, Decision.VALIDE)
    b.close()
    assert cli("expert", "return", "--epreuve", str(remote), "--out", str(retour), phrase=EXPERT_PASSPHRASE) == 1
    assert "Clôturez d'abord" in capsys.readouterr().err  # the return carries a closed marking only
    b = Store.open(paths.database_path(folders["expert"]))
    dm.close(b, remote, expert)
    b.close()
    assert cli("expert", "return", "--epreuve", str(remote), "--out", str(retour), phrase=EXPERT_PASSPHRASE) == 0
    assert cli("president", "import", str(retour), "--epreuve", str(epreuve + 1)) == 1
    assert "autre épreuve" in capsys.readouterr().err
    assert cli("president", "import", str(retour)) == 0
    assert "importé dans l'épreuve" in capsys.readouterr().out
