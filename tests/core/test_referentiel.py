"""The référentiel file: content of the shipped file, and a precise French refusal of each defect."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cqp_desktop.core.model.referentiel import (
    Referentiel,
    ReferentielError,
    canonical_data,
    content_hash,
    from_data,
    load,
)
from cqp_desktop.resources import default_referentiel_path

LETTER = Path(__file__).parents[1] / "data" / "lettre-ucanss-cqp-cos-gc-2021-09-20.txt"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_shipped_referentiel_has_the_letters_structure(referentiel: Referentiel) -> None:
    assert [b for b in referentiel.certification("COS").blocs] == ["GRU", "MDR", "POS", "TD"]
    assert [b for b in referentiel.certification("GC").blocs] == ["GRU", "MDR", "GDU"]
    cos = [c.code for b in referentiel.blocs_of("COS") for c in b.competences]
    gc = [c.code for b in referentiel.blocs_of("GC") for c in b.competences]
    assert cos == [f"C{i}" for i in range(1, 19)]
    assert gc == [f"C{i}" for i in range(1, 17)]
    # COS C12 and GC C12 are different competences, told apart by their bloc.
    assert referentiel.bloc("POS").competence("C12").wording != referentiel.bloc("GDU").competence("C12").wording
    assert referentiel.bloc("POS").competence("C12").key == "POS.C12"


def test_each_competence_wording_is_verbatim_from_the_letter(referentiel: Referentiel) -> None:
    letter = _squash(LETTER.read_text(encoding="utf-8"))
    for bloc in referentiel.blocs.values():
        for competence in bloc.competences:
            assert f"{competence.code} {_squash(competence.wording)}" in letter, competence.key


def test_each_competence_has_three_to_six_criteria_and_the_file_says_they_are_indicative(
    referentiel: Referentiel,
) -> None:
    for bloc in referentiel.blocs.values():
        for competence in bloc.competences:
            assert 3 <= len(competence.criteria) <= 6, competence.key
    assert referentiel.indicative
    assert "à remplacer par le référentiel d'évaluation officiel" in referentiel.criteria_notice


def test_modalities_follow_the_brief(referentiel: Referentiel) -> None:
    gru = referentiel.bloc("GRU")
    assert [(p.code, p.minutes) for p in gru.phases] == [("observation", 30), ("courriers", 20), ("entretien", 20)]
    assert {a.code for a in gru.phases[0].alternatives} == {"double_ecoute", "accueil_physique"}
    assert (gru.phases[1].count.min, gru.phases[1].count.max) == (2, 5)
    assert [p.minutes for p in referentiel.bloc("GDU").phases] == [75, 15]
    assert [p.minutes for p in referentiel.bloc("TD").phases] == [20, 15]
    mdr = referentiel.bloc("MDR")
    assert [p.minutes for p in mdr.phases] == [15, 15] and mdr.phases[0].presentation
    assert mdr.min_competences_presented == 2
    assert (referentiel.vae.interview_minutes, referentiel.vae.situations_min, referentiel.vae.situations_max) == (45, 1, 2)


def test_common_blocs_are_defined_once() -> None:
    text = default_referentiel_path().read_text(encoding="utf-8")
    assert text.count('code = "GRU"') == 1
    assert text.count('code = "MDR"') == 1


def test_content_hash_ignores_formatting_but_not_content(referentiel: Referentiel, tmp_path: Path) -> None:
    data = canonical_data(default_referentiel_path())
    as_json = tmp_path / "ref.json"
    as_json.write_text(json.dumps(data, indent=4, ensure_ascii=False), encoding="utf-8")
    assert load(as_json).content_hash == referentiel.content_hash
    changed = copy.deepcopy(data)
    changed["blocs"][0]["competences"][0]["criteria"][0] += " (modifié)"
    assert content_hash(changed) != referentiel.content_hash


def test_an_official_referentiel_with_coded_criteria_loads_without_code_change(tmp_path: Path) -> None:
    data = canonical_data(default_referentiel_path())
    data["referentiel"].update(version="2026.1", criteria_status="officiel")
    data["referentiel"].pop("criteria_notice")
    data["blocs"][0]["competences"][0]["criteria"] = [
        {"code": "C1.a", "label": "Critère officiel A"},
        {"code": "C1.b", "label": "Critère officiel B"},
        {"code": "C1.c", "label": "Critère officiel C"},
    ]
    path = tmp_path / "officiel.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ref = load(path)
    assert not ref.indicative
    assert [c.key for c in ref.bloc("GRU").competence("C1").criteria] == ["GRU.C1.a", "GRU.C1.b", "GRU.C1.c"]


# --------------------------------------------------------------------------------------------------
# Malformed files: each defect, its place and its French message.

Mutation = Callable[[dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return mutate


def _delete(path: list[Any]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]

    return mutate


def _duplicate_bloc(data: dict[str, Any]) -> None:
    data["blocs"].append(copy.deepcopy(data["blocs"][0]))


def _duplicate_competence(data: dict[str, Any]) -> None:
    competences = data["blocs"][2]["competences"]
    competences.append(copy.deepcopy(competences[0]))


def _no_interview(data: dict[str, Any]) -> None:
    for phase in data["blocs"][4]["phases"]:
        phase.pop("interview", None)


MALFORMED: list[tuple[str, Mutation, str, str]] = [
    ("missing-field", _delete(["referentiel", "version"]), "referentiel", "champ obligatoire manquant : « version »"),
    ("unknown-field", _set(["blocs", 1, "titre"], "x"), "blocs[1] (MDR)", "champ inconnu : « titre » (faute de frappe ?)"),
    ("wrong-type", _set(["blocs", 0, "phases", 0, "minutes"], "trente"), "blocs[0] (GRU) › phases[0] (observation) › minutes", "doit être un nombre entier, pas \"trente\""),
    ("bad-date", _set(["referentiel", "valid_from"], "20/09/2021"), "referentiel › valid_from", "date \"20/09/2021\" invalide : format attendu AAAA-MM-JJ"),
    ("impossible-date", _set(["referentiel", "valid_until"], "2026-02-30"), "referentiel › valid_until", "date « 2026-02-30 » inexistante"),
    ("reversed-validity", _set(["referentiel", "valid_until"], "2020-01-01"), "referentiel › valid_until", "la fin de validité (2020-01-01) précède le début (2021-09-20)"),
    ("duplicate-bloc", _duplicate_bloc, "blocs[5] (GRU)", "bloc « GRU » défini deux fois (chaque bloc se définit une seule fois)"),
    ("unknown-bloc", _set(["certifications", 1, "blocs"], ["GRU", "MDR", "GDU", "GDV"]), "certifications[1] (GC) › blocs[3]", "bloc « GDV » inconnu : aucun bloc de ce code n'est défini dans « blocs »"),
    ("count-bounds", _set(["blocs", 0, "phases", 1, "count", "min"], 6), "blocs[0] (GRU) › phases[1] (courriers) › count", "min (6) dépasse max (5)"),
    ("empty-criteria", _set(["blocs", 2, "competences", 0, "criteria"], []), "blocs[2] (POS) › competences[0] (C12) › criteria", "liste trop courte : au moins 1 élément(s) attendu(s), 0 trouvé(s)"),
    ("blank-criterion", _set(["blocs", 3, "competences", 1, "criteria", 0], "   "), "blocs[3] (TD) › competences[1] (C16) › criteria[0]", "chaque critère doit être un texte non vide ou une table { code, label }"),
    ("bad-status", _set(["referentiel", "criteria_status"], "provisoire"), "referentiel › criteria_status", "valeur \"provisoire\" non admise ; valeurs possibles : \"indicatif\", \"officiel\""),
    ("threshold-zero", _set(["thresholds", "bloc_percent"], 0), "thresholds › bloc_percent", "valeur 0 trop petite : au minimum 1"),
    ("bad-bloc-code", _set(["blocs", 4, "code"], "gdu"), "blocs[4] (gdu) › code", "code \"gdu\" invalide : majuscules et chiffres, commençant par une lettre (ex. « GRU », « C12 »)"),
    ("duplicate-competence", _duplicate_competence, "blocs[2] (POS) › competences[3] (C12)", "compétence « C12 » définie deux fois dans le bloc"),
    ("no-interview", _no_interview, "blocs[4] (GDU) › phases", "aucune phase d'entretien (interview = true) : l'épreuve en exige une"),
    ("future-format", _set(["format"], 2), "format", "format 2 non pris en charge (cette version lit le format 1)"),
    ("vae-bounds", _set(["vae", "situations_per_bloc_min"], 3), "vae", "situations_per_bloc_min dépasse situations_per_bloc_max"),
    ("presentation-too-many", _set(["blocs", 1, "min_competences_presented"], 6), "blocs[1] (MDR) › min_competences_presented", "6 compétences à présenter, mais le bloc n'en a que 5"),
]


@pytest.mark.parametrize(("name", "mutate", "where", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_each_malformed_file_is_refused_with_its_own_message(
    tmp_path: Path, name: str, mutate: Mutation, where: str, message: str
) -> None:
    data = canonical_data(default_referentiel_path())
    mutate(data)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ReferentielError) as caught:
        load(path)
    assert [(p.where, p.message) for p in caught.value.problems] == [(where, message)]
    assert str(path) in caught.value.report()


RAW_FILES: list[tuple[str, bytes, str, str]] = [
    ("syntax.toml", b'format = 1\n[referentiel\nid = "x"\n', "ligne 2, colonne 13", "syntaxe TOML invalide"),
    ("syntax.json", b'{"format": 1,\n "referentiel": }', "ligne 2, colonne 17", "JSON invalide"),
    ("latin1.toml", 'format = 1\ntitle = "référentiel"\n'.encode("latin-1"), "ligne 2", "pas encodé en UTF-8"),
    ("empty.toml", b"", "racine du fichier", "champ obligatoire manquant : « format », « referentiel »"),
]


@pytest.mark.parametrize(("name", "content", "where", "message"), RAW_FILES, ids=[r[0] for r in RAW_FILES])
def test_unreadable_files_name_the_line(tmp_path: Path, name: str, content: bytes, where: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReferentielError) as caught:
        load(path)
    problem = caught.value.problems[0]
    assert problem.where == where
    assert message in problem.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReferentielError) as caught:
        load(tmp_path / "absent.toml")
    assert caught.value.problems[0].message == "fichier introuvable"


def test_several_defects_are_all_reported(tmp_path: Path) -> None:
    data = canonical_data(default_referentiel_path())
    del data["referentiel"]["id"]
    data["blocs"][0]["phases"][0]["minutes"] = -5
    with pytest.raises(ReferentielError) as caught:
        from_data(data, tmp_path / "x.json")
    assert len(caught.value.problems) == 2


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cqp_desktop", *args], capture_output=True, text=True, timeout=60
    )


def test_cli_check_accepts_the_shipped_file() -> None:
    result = _cli("referentiel", "check", str(default_referentiel_path()))
    assert result.returncode == 0, result.stderr
    assert "valide" in result.stdout and "Critères indicatifs" in result.stdout
    assert "CQP COS (RNCP35543) : blocs GRU, MDR, POS, TD" in result.stdout


def test_cli_check_refuses_a_bad_file_in_french_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('format = 1\n[referentiel]\nid = "Mauvais Id"\n', encoding="utf-8")
    result = _cli("referentiel", "check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"Référentiel « {path} » refusé" in result.stderr
    assert "referentiel › id : identifiant \"Mauvais Id\" invalide" in result.stderr
