"""`referentiel check`: duplicate keys, whole-number thresholds, departures from the founding letter, summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cqp_desktop.core.model.founding import departures, load_founding
from cqp_desktop.core.model.referentiel import ReferentielError, canonical_data, load
from cqp_desktop.core.model.referentiel_check import check_data, check_file
from cqp_desktop.core.model.rules import Decision, evaluate
from cqp_desktop.resources import default_referentiel_path

SHIPPED = default_referentiel_path()


def _data() -> dict[str, Any]:
    return canonical_data(SHIPPED)


def _bloc(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(b for b in data["blocs"] if b["code"] == code)


def _write(tmp_path: Path, data: dict[str, Any], name: str = "ref.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cqp_desktop", *args], capture_output=True, text=True, timeout=60)


# --------------------------------------------------------------------------------------------------
# Duplicate keys


def test_two_criteria_with_the_same_key_are_refused(tmp_path: Path) -> None:
    """Before: the second criterion took key GRU.C1.2 too, and one tick counted for both."""
    data = _data()
    c1 = _bloc(data, "GRU")["competences"][0]
    c1["criteria"] = ["Premier critère", "Deuxième critère", {"code": "C1.2", "label": "Un autre critère"}, "Quatrième"]
    with pytest.raises(ReferentielError) as caught:
        load(_write(tmp_path, data))
    (problem,) = caught.value.problems
    assert problem.where == "blocs[0] (GRU) › competences[0] (C1) › criteria[2]"
    assert "même clé « GRU.C1.2 » que criteria[1]" in problem.message


def test_criterion_codes_with_and_without_the_competence_prefix_collide(tmp_path: Path) -> None:
    data = _data()
    _bloc(data, "POS")["competences"][0]["criteria"] = [
        {"code": "C12.a", "label": "A"},
        {"code": "a", "label": "B"},
        {"code": "C12.c", "label": "C"},
    ]
    with pytest.raises(ReferentielError) as caught:
        load(_write(tmp_path, data))
    assert "même clé « POS.C12.a »" in caught.value.problems[0].message


def test_a_json_key_written_twice_is_refused_not_silently_overwritten(tmp_path: Path) -> None:
    text = json.dumps(_data(), ensure_ascii=False, indent=1)
    text = text.replace('"bloc_percent": 80', '"bloc_percent": 80,\n  "bloc_percent": 50', 1)
    path = tmp_path / "doublon.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReferentielError) as caught:
        load(path)
    (problem,) = caught.value.problems
    assert problem.message == "clé « bloc_percent » définie deux fois dans la même table"
    assert problem.where.startswith("ligne ")


def test_a_toml_key_written_twice_is_refused_in_french(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8").replace("bloc_percent = 80", "bloc_percent = 80\nbloc_percent = 80", 1)
    path = tmp_path / "doublon.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReferentielError) as caught:
        load(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith("clé définie deux fois")
    assert problem.where.startswith("ligne ")


# --------------------------------------------------------------------------------------------------
# Whole numbers


def test_a_float_threshold_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    """Before: 80.0 loaded, explanations read « il en faut 4.0 » and the PDF report raised TypeError."""
    text = SHIPPED.read_text(encoding="utf-8").replace("competence_percent = 80", "competence_percent = 80.0", 1)
    path = tmp_path / "flottant.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReferentielError) as caught:
        load(path)
    assert [(p.where, p.message) for p in caught.value.problems] == [
        ("thresholds › competence_percent", "doit être un nombre entier, pas 80.0 (écrire 80)")
    ]
    assert str(path) in caught.value.report()
    result = _cli("referentiel", "check", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "thresholds › competence_percent : doit être un nombre entier, pas 80.0" in result.stderr


def test_a_float_duration_is_refused_too(tmp_path: Path) -> None:
    data = _data()
    _bloc(data, "TD")["phases"][0]["minutes"] = 20.0
    with pytest.raises(ReferentielError) as caught:
        load(_write(tmp_path, data))
    assert caught.value.problems[0].where == "blocs[3] (TD) › phases[0] (observation) › minutes"


def test_explanations_use_whole_numbers() -> None:
    ref = load(SHIPPED)
    result = evaluate(ref, "POS", {c.key: Decision.VALIDE for c in ref.bloc("POS").criteria()})
    assert all(isinstance(c.required, int) for c in result.competences)
    assert ".0" not in " ".join(result.explanation())


# --------------------------------------------------------------------------------------------------
# Founding structure


def test_the_shipped_file_follows_the_letter_exactly() -> None:
    assert list(departures(_data())) == []
    report = check_file(SHIPPED)
    assert report.ok and report.warnings == ()


def test_the_founding_data_holds_the_letters_structure() -> None:
    founding = load_founding()
    assert founding.certifications == {"COS": ("GRU", "MDR", "POS", "TD"), "GC": ("GRU", "MDR", "GDU")}
    assert founding.common_blocs == ("GRU", "MDR")
    assert (founding.competence_percent, founding.bloc_percent) == (80, 80)
    assert founding.blocs["MDR"].min_competences_presented == 2
    assert founding.blocs["GRU"].phases[1].count_min == 2 and founding.blocs["GRU"].phases[1].count_max == 5
    assert (founding.vae_situations_min, founding.vae_situations_max, founding.vae_interview_minutes) == (1, 2, 45)


def _cos_without_gru(data: dict[str, Any]) -> None:
    data["certifications"][0]["blocs"] = ["MDR", "POS", "TD"]


def _mdr_without_presentation(data: dict[str, Any]) -> None:
    mdr = _bloc(data, "MDR")
    mdr["phases"] = [p for p in mdr["phases"] if not p.get("presentation")]
    mdr.pop("min_competences_presented")


def _half_threshold(data: dict[str, Any]) -> None:
    data["thresholds"]["bloc_percent"] = 50


def _longer_gdu(data: dict[str, Any]) -> None:
    _bloc(data, "GDU")["phases"][0]["minutes"] = 60


DEPARTURES = [
    ("cos-sans-gru", _cos_without_gru, {"COS.blocs", "blocs_communs"}, "CQP COS composé des blocs MDR, POS, TD ; la lettre fixe GRU, MDR, POS, TD"),
    ("mdr-sans-presentation", _mdr_without_presentation, {"MDR.modalites"}, "bloc MDR : épreuve entretien 15 min ; la lettre fixe présentation 15 min + entretien 15 min"),
    ("seuil-50", _half_threshold, {"seuils"}, "seuils 80 % / 50 % ; la lettre fixe 80 % des critères par compétence et 80 % des compétences par bloc"),
    ("gdu-60", _longer_gdu, {"GDU.modalites"}, "bloc GDU : épreuve observation 60 min + entretien 15 min ; la lettre fixe observation 75 min + entretien 15 min"),
]


@pytest.mark.parametrize(("name", "mutate", "keys", "message"), DEPARTURES, ids=[d[0] for d in DEPARTURES])
def test_an_undeclared_departure_is_an_error(tmp_path: Path, name: str, mutate: Any, keys: set[str], message: str) -> None:
    data = _data()
    mutate(data)
    report = check_data(data, tmp_path / f"{name}.json")
    assert {d.key for d in report.errors} == keys
    assert message in [d.message for d in report.errors]
    path = _write(tmp_path, data, f"{name}.json")
    result = _cli("referentiel", "check", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"Référentiel « {path} » refusé" in result.stderr
    assert message in result.stderr and "écart à la lettre Ucanss non déclaré" in result.stderr


def test_a_declared_revision_turns_the_departure_into_a_warning(tmp_path: Path) -> None:
    data = _data()
    _longer_gdu(data)
    data["revision"] = {"reference": "Renouvellement RNCP 2026", "departures": ["GDU.modalites", "seuils"]}
    report = check_data(data)
    assert report.ok
    assert report.warnings == (
        "révision déclarée (Renouvellement RNCP 2026) : bloc GDU : épreuve observation 60 min + entretien 15 min ; "
        "la lettre fixe observation 75 min + entretien 15 min",
        "révision déclarée pour « seuils », mais le fichier suit la lettre sur ce point",
    )
    path = _write(tmp_path, data)
    result = _cli("referentiel", "check", str(path))
    assert result.returncode == 0, result.stderr
    assert "AVERTISSEMENT : révision déclarée (Renouvellement RNCP 2026) : bloc GDU" in result.stdout
    assert "Bloc GDU (5 compétences, 24 critères) : observation en situation réelle de travail 60 min" in result.stdout


def test_a_declared_revision_does_not_excuse_another_departure() -> None:
    data = _data()
    _longer_gdu(data)
    _half_threshold(data)
    data["revision"] = {"reference": "Renouvellement", "departures": ["GDU.modalites"]}
    report = check_data(data)
    assert [d.key for d in report.errors] == ["seuils"]


def test_check_prints_what_it_read() -> None:
    result = _cli("referentiel", "check", str(SHIPPED))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Seuils : une compétence est acquise à 80 % de ses critères validés, un bloc est validé à 80 %" in out
    assert "CQP COS (RNCP35543, enregistrement RNCP jusqu'au 19/04/2026) : 4 blocs GRU, MDR, POS, TD" in out
    assert "CQP GC (RNCP35729, enregistrement RNCP jusqu'au 08/07/2026) : 3 blocs GRU, MDR, GDU" in out
    assert "Blocs communs (passerelle entre CQP) : GRU, MDR" in out
    assert "(2 à 5 courriers / courriels traités) + entretien avec le jury professionnel 20 min = 70 min" in out
    assert "Bloc GDU (5 compétences, 24 critères) : observation en situation réelle de travail 75 min" in out
    assert "VAE : livret 2 avec 1 à 2 situation(s) par bloc, un entretien de 45 min pour la candidature" in out


def test_a_float_threshold_stored_before_the_check_still_builds_whole_numbers() -> None:
    from cqp_desktop.core.model.referentiel import content_hash, from_trusted

    data = _data()
    data["thresholds"]["competence_percent"] = 80.0
    ref = from_trusted(data, content_hash(data))
    assert ref.thresholds.competence_percent == 80 and isinstance(ref.thresholds.competence_percent, int)
    result = evaluate(ref, "POS", {})
    assert "il en faut 4.0" not in " ".join(result.explanation()) and "il en faut 4" in " ".join(result.explanation())
