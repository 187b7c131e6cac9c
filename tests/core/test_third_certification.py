"""A new certification with a bloc of its own needs its référentiel file only: no line of code.

The file adds a CQP « TC » made of the common GRU and a new bloc ACC, declares that departure from the founding
letter, and goes through the whole path a real one would: checked, registered and activated, offered to a
candidate, planned, marked, evaluated with the 80 % rules, signed by the jury.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cqp_desktop.core.model.referentiel import canonical_data
from cqp_desktop.core.model.referentiel_check import check_file
from cqp_desktop.core.model.rules import Decision
from cqp_desktop.core.site import people
from cqp_desktop.core.site.jury import assign_jury
from cqp_desktop.core.site.planning import PlanRequest, bloc_choices, plan
from cqp_desktop.core.site.runner import EpreuveRunner
from cqp_desktop.core.storage.store import Store
from cqp_desktop.resources import default_referentiel_path
from tests.core.runner_fixtures import FakeMono

THIRD = '''
[[certifications]]
code = "TC"
title = "Technicien conseil de la Sécurité sociale"
rncp = ""
level = 4
rncp_end = 2030-12-31
blocs = ["GRU", "ACC"]

[[blocs]]
code = "ACC"
title = "Accompagnement des parcours des usagers"
rncp_code = ""
activity = "Accompagne l'usager dans un parcours attentionné"

[[blocs.phases]]
code = "observation"
label = "Observation d'un rendez-vous d'accompagnement"
minutes = 40

[[blocs.phases]]
code = "entretien"
label = "Entretien avec le jury professionnel"
minutes = 20
interview = true

[[blocs.competences]]
code = "C30"
wording = "Construire avec l'usager un plan d'accompagnement adapté à sa situation"
criteria = ["Analyse la situation", "Propose un plan adapté", "Vérifie l'adhésion de l'usager", "Planifie le suivi", "Trace l'accompagnement"]

[revision]
reference = "Ajout du CQP TC (essai)"
departures = ["TC.blocs", "blocs_communs"]
'''


def test_a_third_certification_with_its_own_bloc_needs_only_its_referentiel_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cqp-cos-gc-tc.toml"
    shipped = default_referentiel_path().read_text(encoding="utf-8")
    path.write_text(shipped.replace('version = "2021.09-indicatif.1"', 'version = "2027.01-essai"') + THIRD, encoding="utf-8")
    report = check_file(path)
    assert report.ok, [d.message for d in report.errors]
    assert any("TC" in w for w in report.warnings)  # the departure from the letter is declared, so only said
    referentiel = store.register_referentiel(canonical_data(path), activate=True)
    assert "TC — Technicien conseil de la Sécurité sociale" in people.certifications(store).values()

    ucanss = store.add_organisme("UCANSS", "Ucanss", "certificateur", certifier_kind="ucanss")
    caf1 = store.add_organisme("CAF-A", "CAF de Brocéliande", "caisse", "Famille")
    caf2 = store.add_organisme("CAF-B", "CAF du Val-de-Loue", "caisse", "Famille")
    president = store.add_jury_member("Delorme", "Anne", ucanss, "president", None, "2025-03-12")
    expert = store.add_jury_member("Nguyen", "Sophie", caf2, "expert", "Famille", "2025-01-20")
    candidate = store.add_candidate("Martin", "Léa", caf1, "TC", "formation", True,
                                    pass_premss_date="2026-03-27", pass_premss_attested_by="Responsable formation")
    assert [c.code for c in bloc_choices(store, candidate, referentiel)] == ["GRU", "ACC"]

    epreuve = plan(store, referentiel, PlanRequest(candidate, "ACC", dt.date(2026, 12, 3)))
    assign_jury(store, epreuve, president, expert)
    runner = EpreuveRunner(store, epreuve, now_ns=FakeMono())
    runner.start()
    criteria = [c.key for c in runner.bloc.criteria()]
    for key in criteria[:4]:  # 4 of 5: exactly 80 %
        runner.set_decision(key, Decision.VALIDE)
    runner.set_decision(criteria[4], Decision.NON_VALIDE)
    for _ in runner.phases:
        runner.next_phase()
    result = runner.result()
    assert result.validated and result.acquired == 1 and result.total == 1
