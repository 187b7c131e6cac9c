"""The avis: finalisation rules, signature by the président, lock, amendment, verification."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqp_desktop.core.exchange.keys import KeyProblem
from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import EXPERT_PASSPHRASE, PASSPHRASE, make_epreuve, tiny_png

FAILING = ("GRU.C1.1", "GRU.C3.1")  # two competences lost: GRU (6) needs 5 → not validated


def _signed(store: Store, referentiel: Referentiel, **kwargs):
    jury = make_epreuve(store, referentiel, **kwargs)
    avis_id = av.draft_avis(store, jury.epreuve_id, True, comments={"GRU.C1": "Très à l'écoute."})
    sig = av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    return jury, avis_id, sig


# ------------------------------------------------------------------------------------------------
# rules


@given(computed=st.booleans(), jury=st.booleans(), justification=st.text(max_size=5), precos=st.text(max_size=5))
def test_avis_problems_rules(computed: bool, jury: bool, justification: str, precos: str) -> None:
    problems = av.avis_problems(computed, jury, justification, precos)
    need_precos = not jury and not precos.strip()
    need_justif = computed != jury and not justification.strip()
    assert any("Préconisations obligatoires" in p for p in problems) == need_precos
    assert any("Justification obligatoire" in p for p in problems) == need_justif
    assert len(problems) == need_precos + need_justif


def test_open_items_list_non_observed_criteria_and_missing_jury(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, decide=False)
    items = av.open_items(store, jury.epreuve_id)
    assert len(items) == len(list(referentiel.bloc("GRU").criteria()))
    assert items[0].startswith("Critère C1.1 non observé : ")
    for criterion in referentiel.bloc("GRU").criteria():
        store.record_decision(jury.epreuve_id, criterion.key, Decision.VALIDE)
    assert av.open_items(store, jury.epreuve_id) == []
    store.undo_last_decision(jury.epreuve_id)
    assert av.open_items(store, jury.epreuve_id) == ["Critère C6.6 non observé : " + referentiel.criterion("GRU.C6.6").label]


def test_both_jury_members_are_required(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    lonely = store.plan_epreuve(jury.candidate_id, referentiel, "MDR", "2026-12-03", president_id=jury.president_id)
    for criterion in referentiel.bloc("MDR").criteria():
        store.record_decision(lonely, criterion.key, Decision.VALIDE)
    assert av.open_items(store, lonely) == ["Expert(e) métier non désigné(e)"]
    avis_id = av.draft_avis(store, lonely, True)
    with pytest.raises(av.AvisError, match="Expert\\(e\\) métier non désigné"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    assert av.get_avis(store, avis_id).signed_at is None


def test_a_running_epreuve_cannot_be_signed(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, with_timer=False)
    assert av.open_items(store, jury.epreuve_id) == []  # no timer used at all: nothing to stop
    store.add_timer_event(jury.epreuve_id, "start", mono_ns=0, elapsed_ms=0, phase="observation")
    assert av.open_items(store, jury.epreuve_id) == [
        "Épreuve non terminée : arrêtez le chronomètre (fin de la dernière phase) avant de signer"
    ]


def test_untrained_member_is_an_open_item(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    org = store.connection()["organismes"].get(3)["id"]
    novice = store.add_jury_member("Morel", "Thomas", org, "expert", "Maladie", None)
    other = store.plan_epreuve(jury.candidate_id, referentiel, "MDR", "2026-12-03", president_id=jury.president_id, expert_id=novice)
    assert "Thomas MOREL : formation des jurys professionnels non renseignée" in av.open_items(store, other)


def test_preconisations_mandatory_when_bloc_not_validated(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, failing=FAILING)
    avis_id = av.draft_avis(store, jury.epreuve_id, False)
    assert av.get_avis(store, avis_id).computed_validated is False
    with pytest.raises(av.AvisError, match="Préconisations obligatoires"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    av.draft_avis(store, jury.epreuve_id, False, preconisations="Reprendre la double écoute avec le tuteur.")
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    assert av.get_avis(store, avis_id).signed


def test_justification_required_when_departing_and_flagged(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, failing=FAILING)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    assert av.get_avis(store, avis_id).departs_from_computed
    with pytest.raises(av.AvisError, match="Justification obligatoire"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    av.draft_avis(store, jury.epreuve_id, True, justification="C3 observée hors grille lors de l'entretien.")
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    payload = json.loads(av.signing_payload(store, avis_id))
    assert payload["avis"]["departs_from_computed"] is True
    assert payload["avis"]["computed_validated"] is False and payload["avis"]["jury_validated"] is True


def test_draft_is_an_upsert_and_rejects_unknown_competences(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    first = av.draft_avis(store, jury.epreuve_id, True, comments={"GRU.C2": "  Précis  "})
    second = av.draft_avis(store, jury.epreuve_id, True, comments={"GRU.C2": "Très précis", "GRU.C3": ""})
    assert first == second and store.connection()["avis"].count == 1
    assert av.current_avis(store, jury.epreuve_id).comments == {"GRU.C2": "Très précis"}
    with pytest.raises(av.AvisError, match="compétence inconnue du bloc GRU : MDR.C7"):
        av.draft_avis(store, jury.epreuve_id, True, comments={"MDR.C7": "x"})


# ------------------------------------------------------------------------------------------------
# signing and lock


def test_signing_locks_everything_in_one_transaction(store: Store, referentiel: Referentiel) -> None:
    jury, avis_id, sig = _signed(store, referentiel)
    record = av.get_avis(store, avis_id)
    assert record.signed and store.epreuve(jury.epreuve_id)["locked_at"] is not None
    row = av.signatures(store, avis_id)[0]
    assert row.id == sig and row.role == "president" and row.drawn_png == tiny_png()
    assert row.payload_hash == av.payload_hash(av.signing_payload(store, avis_id))
    actions = [r[0] for r in store.connection().execute("SELECT action FROM audit ORDER BY id DESC LIMIT 2")]
    assert actions == ["avis.sign", "epreuve.lock"]
    assert store.verify_audit_chain() == []
    # every attempted edit is refused by the database
    with pytest.raises(av.AvisError, match="nouvelle version"):
        av.draft_avis(store, jury.epreuve_id, False, preconisations="x")
    for attempt in (
        lambda: store.record_decision(jury.epreuve_id, "GRU.C1.1", Decision.NON_VALIDE),
        lambda: store.add_note(jury.epreuve_id, "ajout tardif"),
        lambda: store.add_timer_event(jury.epreuve_id, "resume", mono_ns=1),
        lambda: store.connection().execute("UPDATE avis SET preconisations = 'x' WHERE id = ?", [avis_id]),
        lambda: store.connection().execute("DELETE FROM avis WHERE id = ?", [avis_id]),
        lambda: store.connection().execute("UPDATE signatures SET payload_hash = 'x'"),
        lambda: store.connection().execute("UPDATE epreuves SET bloc = 'MDR' WHERE id = ?", [jury.epreuve_id]),
    ):
        with pytest.raises(sqlite3.DatabaseError):
            attempt()
    assert av.verify_avis_signatures(store, avis_id) == []


def test_failed_signature_writes_nothing(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    audit = store.connection()["audit"].count
    with pytest.raises(KeyProblem, match="Phrase secrète incorrecte"):
        av.sign_avis(store, avis_id, jury.president_id, "pas la bonne phrase", tiny_png())
    with pytest.raises(av.AvisError, match="Signature manuscrite"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, b"")
    assert store.connection()["audit"].count == audit and store.connection()["signatures"].count == 0
    assert store.epreuve(jury.epreuve_id)["locked_at"] is None and not av.get_avis(store, avis_id).signed


def test_only_the_president_signs_first(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    with pytest.raises(av.AvisError, match="expert\\(e\\) métier : l'avis doit d'abord être signé par le/la président"):
        av.sign_avis(store, avis_id, jury.expert_id, EXPERT_PASSPHRASE, tiny_png())
    with pytest.raises(av.AvisError, match="ne fait pas partie du jury"):
        av.sign_avis(store, avis_id, jury.other_president_id, PASSPHRASE, tiny_png())
    assert store.connection()["signatures"].count == 0


def test_expert_cosigns_after_the_president(store: Store, referentiel: Referentiel) -> None:
    jury, avis_id, _ = _signed(store, referentiel)
    av.sign_avis(store, avis_id, jury.expert_id, EXPERT_PASSPHRASE, tiny_png(stroke=5))
    assert [s.role for s in av.signatures(store, avis_id)] == ["president", "expert"]
    assert av.verify_avis_signatures(store, avis_id) == []
    with pytest.raises(av.AvisError, match="déjà contresigné"):
        av.sign_avis(store, avis_id, jury.expert_id, EXPERT_PASSPHRASE, tiny_png())
    with pytest.raises(av.AvisError, match="déjà signé"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())


def test_payload_is_canonical_and_deterministic(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True, comments={"GRU.C2": "Précis", "GRU.C1": "À l'écoute"})
    payload = av.signing_payload(store, avis_id)
    assert payload == av.signing_payload(store, avis_id)
    data = json.loads(payload)
    assert payload == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    assert data["format"] == "cqp-desktop/avis" and data["format_version"] == 2
    assert data["epreuve"]["referentiel"]["hash"] == referentiel.content_hash
    assert len(data["decisions"]) == 27 and set(data["decisions"].values()) == {"valide"}
    assert [e["kind"] for e in data["timer_events"]] == ["start", "pause", "resume", "phase", "count", "phase", "end"]
    assert "À l'écoute".encode() in payload


def test_verification_detects_tampering(store: Store, referentiel: Referentiel, db_path) -> None:
    jury, avis_id, _ = _signed(store, referentiel)
    assert av.signatures(store, avis_id)[0].payload == av.signing_payload(store, avis_id)
    raw = sqlite3.connect(db_path)
    # Triggers stop the app; someone with raw file access could drop them — verification still sees it.
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET decision = 'non_valide' WHERE criterion = 'GRU.C1.1'")
    raw.commit()
    problems = av.verify_avis_signatures(store, avis_id)
    assert len(problems) == 1
    assert "modifié depuis la signature : décisions, journal des décisions, résultat calculé" in problems[0]


def test_a_corrected_name_is_told_apart_from_tampering(store: Store, referentiel: Referentiel) -> None:
    jury, avis_id, _ = _signed(store, referentiel)
    store.connection().execute("UPDATE candidates SET last_name = 'Martin-Durand' WHERE id = ?", [jury.candidate_id])
    problems = av.verify_avis_signatures(store, avis_id)
    assert problems == ["signature du président (Anne DELORME) : modifié depuis la signature : fiche du candidat"]


def test_forged_stored_payload_is_detected(store: Store, referentiel: Referentiel, db_path) -> None:
    jury, avis_id, _ = _signed(store, referentiel)
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER signatures_no_update")
    forged = av.signing_payload(store, avis_id).replace(b'"jury_validated":true', b'"jury_validated":false')
    raw.execute("UPDATE signatures SET payload = ?, payload_hash = ?", [forged, av.payload_hash(forged)])
    raw.commit()
    problems = av.verify_avis_signatures(store, avis_id)
    assert any("signature cryptographique invalide" in p for p in problems)
    assert any("contenu de l'avis" in p for p in problems)


# ------------------------------------------------------------------------------------------------
# amendment


def test_amendment_is_a_new_signed_version_referencing_the_old(store: Store, referentiel: Referentiel) -> None:
    jury, old_id, _ = _signed(store, referentiel)
    old_hash = av.signatures(store, old_id)[0].payload_hash
    with pytest.raises(av.AvisError, match="Motif de la correction obligatoire"):
        av.amend(store, old_id, reason=" ")
    new_id = av.amend(store, old_id, reason="Coquille dans le commentaire C1", comments={"GRU.C1": "Très à l'écoute !"})
    new = av.get_avis(store, new_id)
    assert (new.version, new.supersedes_id, new.signed) == (2, old_id, False)
    assert av.current_avis(store, jury.epreuve_id).id == new_id
    assert av.signed_avis(store, jury.epreuve_id).id == old_id  # still in force until signed
    with pytest.raises(av.AvisError, match="déjà été remplacé"):
        av.amend(store, old_id, reason="encore")
    av.draft_avis(store, jury.epreuve_id, True, comments={"GRU.C1": "Très à l'écoute."})  # the draft is editable
    av.sign_avis(store, new_id, jury.president_id, PASSPHRASE, tiny_png())
    assert av.signed_avis(store, jury.epreuve_id).id == new_id
    payload = json.loads(av.signing_payload(store, new_id))
    assert payload["avis"]["supersedes"] == {"id": old_id, "version": 1, "payload_hash": old_hash}
    assert payload["avis"]["amendment_reason"] == "Coquille dans le commentaire C1"
    assert av.verify_avis_signatures(store, old_id) == [] and av.verify_avis_signatures(store, new_id) == []
    assert "avis.amend" in [r[0] for r in store.connection().execute("SELECT action FROM audit")]


def test_amending_a_draft_is_refused(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    with pytest.raises(av.AvisError, match="Seul un avis signé"):
        av.amend(store, avis_id, reason="x")


def test_amendment_reason_can_be_edited_until_signed(store: Store, referentiel: Referentiel) -> None:
    jury, old_id, _ = _signed(store, referentiel)
    new_id = av.amend(store, old_id, reason="premier motif")
    av.draft_avis(store, jury.epreuve_id, True, amendment_reason="motif précisé")
    assert av.get_avis(store, new_id).amendment_reason == "motif précisé"
    av.draft_avis(store, jury.epreuve_id, True, amendment_reason=" ")
    assert "Motif de la correction obligatoire" in av.signing_blockers(store, new_id)
