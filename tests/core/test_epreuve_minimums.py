"""The letter's épreuve conditions block the signature, naming the rule; no justification lifts them."""

from __future__ import annotations

import pytest

from cqp_desktop.core.model.referentiel import Referentiel
from cqp_desktop.core.site import avis as av
from cqp_desktop.core.storage.store import Store

from .avis_fixtures import PASSPHRASE, make_epreuve, meet_minimums, tiny_png


def _present(store: Store, epreuve_id: int, *keys: str) -> None:
    for key in keys:
        store.connection().execute(
            "INSERT INTO presented_competences (epreuve_id, competence, presented, wall_time) VALUES (?,?,1,?)",
            [epreuve_id, key, store.now()],
        )


def test_mdr_with_one_competence_presented_cannot_be_signed(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, bloc="MDR")
    _present(store, jury.epreuve_id, "MDR.C7")
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    blockers = av.signing_blockers(store, avis_id)
    assert blockers == [
        "Règle du bloc MDR (lettre Ucanss du 20/09/2021, 4/A) : la présentation doit aborder au moins 2 compétences "
        "du bloc ; 1 cochée — règle du certificateur, sans dérogation"
    ]
    with pytest.raises(av.AvisError, match="au moins 2 compétences"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())
    assert av.get_avis(store, avis_id).signed_at is None
    _present(store, jury.epreuve_id, "MDR.C9")
    assert av.signing_blockers(store, avis_id) == []
    av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())


def test_gru_with_one_courrier_cannot_be_signed(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel)  # its journal records 3 courriers
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    assert av.signing_blockers(store, avis_id) == []
    store.add_timer_event(jury.epreuve_id, "count", mono_ns=9, elapsed_ms=6 * 60_000, phase="courriers", value=1)
    (blocker,) = av.signing_blockers(store, avis_id)
    assert blocker.startswith("Règle du bloc GRU (lettre Ucanss du 20/09/2021, 4/A) : 2 à 5 courriers / courriels")
    assert "; 1 saisi —" in blocker
    with pytest.raises(av.AvisError, match="2 à 5 courriers"):
        av.sign_avis(store, avis_id, jury.president_id, PASSPHRASE, tiny_png())


def test_gru_without_any_count_cannot_be_signed(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, with_timer=False)
    avis_id = av.draft_avis(store, jury.epreuve_id, True)
    assert any("aucun nombre saisi" in b for b in av.signing_blockers(store, avis_id))


def test_a_justified_departure_does_not_lift_a_condition_of_the_letter(store: Store, referentiel: Referentiel) -> None:
    """The avis may depart from the 80 % result (justified); the épreuve's conditions are not the jury's to waive."""
    jury = make_epreuve(store, referentiel, bloc="MDR")
    avis_id = av.draft_avis(
        store, jury.epreuve_id, False, justification="Présentation hors sujet.", preconisations="Préparer une situation."
    )
    blockers = av.signing_blockers(store, avis_id)
    assert len(blockers) == 1 and "sans dérogation" in blockers[0]


def test_the_fixture_helper_meets_every_minimum(store: Store, referentiel: Referentiel) -> None:
    jury = make_epreuve(store, referentiel, bloc="MDR")
    meet_minimums(store, jury.epreuve_id)
    assert av.signing_blockers(store, av.draft_avis(store, jury.epreuve_id, True)) == []
