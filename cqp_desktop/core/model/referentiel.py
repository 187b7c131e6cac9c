"""The référentiel as versioned data: loading, validation and the objects the rest of the app reads.

A référentiel file (TOML or JSON) is checked first against `referentiel.schema.json`, then against the
rules a schema cannot express (unique codes, blocs referenced by certifications, min ≤ max…). Every
defect becomes a `Problem` naming the file, the place and what is wrong, in French, so that Ucanss can
drop in the official référentiel and get told precisely what to fix. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from cqp_desktop.core.common.canonical import canonical_json
from cqp_desktop.resources import default_referentiel_path, resources_dir

FORMAT_VERSION = 1
SCHEMA_PATH = resources_dir() / "referentiels" / "referentiel.schema.json"


# --------------------------------------------------------------------------------------------------
# Errors


@dataclass(frozen=True)
class Problem:
    """One defect: where it is (a readable key path or a line) and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where} : {self.message}" if self.where else self.message


class ReferentielError(Exception):
    """A référentiel file that cannot be used. `problems` lists every defect found."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        head = f"Référentiel « {self.path} » refusé"
        count = len(self.problems)
        head += " (1 problème) :" if count == 1 else f" ({count} problèmes) :"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


# --------------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Criterion:
    key: str  # unique in the référentiel: "GRU.C1.2"
    code: str  # as shown to the jury: "C1.2"
    label: str


@dataclass(frozen=True)
class Competence:
    bloc: str
    code: str
    wording: str
    criteria: tuple[Criterion, ...]

    @property
    def key(self) -> str:
        """Competence codes repeat across CQP (COS C12 ≠ GC C12): the bloc makes them unique."""
        return f"{self.bloc}.{self.code}"


@dataclass(frozen=True)
class Alternative:
    code: str
    label: str


@dataclass(frozen=True)
class Count:
    label: str
    min: int
    max: int


@dataclass(frozen=True)
class Phase:
    code: str
    label: str
    minutes: int
    interview: bool = False
    presentation: bool = False
    alternatives: tuple[Alternative, ...] = ()
    count: Count | None = None

    @property
    def seconds(self) -> int:
        return self.minutes * 60


@dataclass(frozen=True)
class Bloc:
    code: str
    title: str
    activity: str
    rncp_code: str
    phases: tuple[Phase, ...]
    competences: tuple[Competence, ...]
    min_competences_presented: int | None = None

    def competence(self, code: str) -> Competence:
        for competence in self.competences:
            if competence.code == code:
                return competence
        raise KeyError(f"{self.code}.{code}")

    def criteria(self) -> Iterator[Criterion]:
        for competence in self.competences:
            yield from competence.criteria

    @cached_property
    def criterion_keys(self) -> tuple[str, ...]:
        """The criteria's keys in order, computed once: a national import asks for them twice per épreuve."""
        return tuple(c.key for c in self.criteria())

    @property
    def alternatives(self) -> tuple[Alternative, ...]:
        return tuple(a for phase in self.phases for a in phase.alternatives)


@dataclass(frozen=True)
class Certification:
    code: str
    title: str
    rncp: str
    level: int | None
    rncp_end: dt.date | None
    blocs: tuple[str, ...]


@dataclass(frozen=True)
class VaeModality:
    label: str
    situations_min: int
    situations_max: int
    interview_minutes: int
    interview_label: str


@dataclass(frozen=True)
class Thresholds:
    competence_percent: int
    bloc_percent: int


@dataclass(frozen=True)
class Revision:
    """A file's declaration that it departs from the founding letter on purpose (see core/model/founding.py)."""

    reference: str
    departures: tuple[str, ...]


@dataclass(frozen=True)
class Referentiel:
    id: str
    version: str
    title: str
    source: str
    valid_from: dt.date
    valid_until: dt.date
    criteria_status: str  # "indicatif" | "officiel"
    criteria_notice: str
    thresholds: Thresholds
    vae: VaeModality
    certifications: Mapping[str, Certification]
    blocs: Mapping[str, Bloc]
    content_hash: str  # "sha256:<hex>" of the canonical JSON of the file's content
    path: Path | None = field(default=None, compare=False)
    revision: Revision | None = None

    @property
    def indicative(self) -> bool:
        return self.criteria_status != "officiel"

    @property
    def label(self) -> str:
        return f"{self.id} {self.version}"

    def bloc(self, code: str) -> Bloc:
        return self.blocs[code]

    def certification(self, code: str) -> Certification:
        return self.certifications[code]

    def blocs_of(self, certification: str) -> tuple[Bloc, ...]:
        return tuple(self.blocs[code] for code in self.certifications[certification].blocs)

    def common_blocs(self) -> frozenset[str]:
        """Blocs shared by every certification (GRU and MDR): a CCP there counts for each CQP."""
        sets = [set(c.blocs) for c in self.certifications.values()]
        return frozenset(set.intersection(*sets)) if sets else frozenset()

    def criterion(self, key: str) -> Criterion:
        bloc, competence, _ = key.split(".", 2)
        for criterion in self.blocs[bloc].competence(competence).criteria:
            if criterion.key == key:
                return criterion
        raise KeyError(key)

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_until


# --------------------------------------------------------------------------------------------------
# Loading


def load_default() -> Referentiel:
    return load(default_referentiel_path())


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def load(path: Path | str) -> Referentiel:
    """Load and validate a référentiel file; raise ReferentielError listing every defect."""
    path = Path(path)
    data = _read(path)
    return from_data(data, path)


def from_data(data: Any, path: Path | str = "<données>") -> Referentiel:
    """Validate already-parsed content (e.g. carried inside a session package) and build it."""
    path = Path(path)
    data = _normalise(data)
    problems = list(_schema_problems(data))
    if problems:
        raise ReferentielError(path, problems)
    problems = list(_semantic_problems(data))
    if problems:
        raise ReferentielError(path, problems)
    return _build(data, path)


def from_trusted(data: Any, expected_hash: str) -> Referentiel:
    """Rebuild a référentiel that was validated when it was registered (the database keeps it immutable).

    The content hash is still recomputed: a mismatch means the stored copy is not what was validated.
    """
    data = _normalise(data)
    actual = content_hash(data)
    if actual != expected_hash:
        raise ReferentielError("<base de données>", [Problem("", f"empreinte {actual} au lieu de {expected_hash}")])
    return _build(data, Path("<base de données>"))


def content_hash(data: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(_normalise(data))).hexdigest()


def canonical_data(path: Path | str) -> dict[str, Any]:
    """The file's content as plain JSON-able data (dates as ISO strings): what packages embed."""
    data: dict[str, Any] = _normalise(_read(Path(path)))
    return data


def _read(path: Path) -> Any:
    """Read and parse safely (core/common/input_files.py): regular file, size limit, bounded nesting and integers."""
    from cqp_desktop.core.common import input_files

    if not path.exists() and not path.is_symlink():
        raise ReferentielError(path, [Problem("", "fichier introuvable")])
    try:
        raw = input_files.read_bytes(path, "referentiel", "Le fichier")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ReferentielError(path, [Problem(f"ligne {line}", "le fichier n'est pas encodé en UTF-8")]) from None
        if path.suffix.lower() == ".json":
            try:
                return input_files.parse_json(text, str(path), "Le fichier", object_pairs_hook=_refuse_duplicate_keys)
            except _DuplicateKey as exc:
                raise ReferentielError(
                    path, [Problem(_json_position(text, exc.key), f"clé « {exc.key} » définie deux fois dans la même table")]
                ) from None
            except json.JSONDecodeError as exc:
                raise ReferentielError(
                    path, [Problem(f"ligne {exc.lineno}, colonne {exc.colno}", f"JSON invalide ({exc.msg})")]
                ) from None
        try:
            return input_files.parse_toml(text, str(path), "Le fichier")
        except tomllib.TOMLDecodeError as exc:
            where, detail = _toml_position(str(exc))
            if detail.startswith("Cannot overwrite a value") or detail.startswith("Cannot declare"):
                raise ReferentielError(
                    path, [Problem(where, "clé définie deux fois (une clé ne se définit qu'une fois par table)")]
                ) from None
            raise ReferentielError(path, [Problem(where, f"syntaxe TOML invalide ({detail})")]) from None
    except input_files.InputError as exc:
        raise ReferentielError(path, [Problem("", str(exc).replace(f"Le fichier « {path} » ", "", 1))]) from None


class _DuplicateKey(Exception):  # not a ValueError: the bounded JSON reader must let it through
    def __init__(self, key: str):
        self.key = key
        super().__init__(key)


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys without a word: a référentiel must not."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _json_position(text: str, key: str) -> str:
    """The line of the second occurrence of `"key":` (good enough to find it in an editor)."""
    needle = json.dumps(key, ensure_ascii=False)
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return f"ligne {lines[1]}" if len(lines) > 1 else ""


def _toml_position(message: str) -> tuple[str, str]:
    # tomllib says e.g. "Expected '=' after a key in a key/value pair (at line 3, column 7)"
    if "(at line " in message:
        detail, _, tail = message.rpartition(" (at line ")
        line, _, column = tail.rstrip(")").partition(", column ")
        return f"ligne {line}, colonne {column}", detail
    if "(at end of document)" in message:
        return "fin du fichier", message.replace(" (at end of document)", "")
    return "", message


def _normalise(value: Any) -> Any:
    """Dates become ISO strings so that TOML and JSON files validate and hash alike."""
    if isinstance(value, dict):
        return {str(k): _normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# --------------------------------------------------------------------------------------------------
# Validation


_TYPE_NAMES = {
    "object": "une table",
    "array": "une liste",
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "vrai ou faux (true/false)",
    "null": "vide",
}


def _where(data: Any, path: list[str | int]) -> str:
    """A readable key path that names the bloc/competence codes: `blocs[2] (POS) › competences[0] (C12)`."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            label = f"[{step}]"
            parts[-1] = parts[-1] + label if parts else label
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("code"), str):
                parts[-1] += f" ({node['code']})"
        else:
            parts.append(step)
            node = node.get(step) if isinstance(node, dict) else None
    return " › ".join(parts) if parts else "racine du fichier"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…\""


def _schema_problems(data: Any) -> Iterator[Problem]:
    import jsonschema  # imported on first validation only: it costs ~45 ms at start-up

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        yield Problem(_where(data, list(error.absolute_path)), _french(error))
    yield from _integral_float_problems(data, data, [])


def _integral_float_problems(data: Any, node: Any, path: list[str | int]) -> Iterator[Problem]:
    """Every number in the format is a whole number; JSON Schema lets 80.0 pass as an integer.

    Left in, 80.0 would make explanations read « il en faut 4.0 » and the PDF report fail: refuse it.
    (A float with a fraction, 80.5, is already refused by the schema.)
    """
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _integral_float_problems(data, value, [*path, key])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _integral_float_problems(data, value, [*path, i])
    elif isinstance(node, float) and node.is_integer():
        yield Problem(_where(data, path), f"doit être un nombre entier, pas {node!r} (écrire {int(node)})")


def _french(error: Any) -> str:
    """Translate one jsonschema.ValidationError into French."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [k for k in expected if not (isinstance(value, dict) and k in value)]
        return "champ obligatoire manquant : " + ", ".join(f"« {k} »" for k in missing)
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in value if k not in known)
        return "champ inconnu : " + ", ".join(f"« {k} »" for k in extra) + " (faute de frappe ?)"
    if kind == "type":
        return f"doit être {_TYPE_NAMES.get(expected, expected)}, pas {_describe(value)}"
    if kind == "const":
        if error.absolute_path and list(error.absolute_path)[-1] == "format":
            return f"format {_describe(value)} non pris en charge (cette version lit le format {expected})"
        return f"doit valoir {_describe(expected)}, pas {_describe(value)}"
    if kind == "enum":
        return "valeur " + _describe(value) + " non admise ; valeurs possibles : " + ", ".join(
            _describe(v) for v in expected
        )
    if kind == "minItems":
        return f"liste trop courte : au moins {expected} élément(s) attendu(s), {len(value)} trouvé(s)"
    if kind == "maxItems":
        return f"liste trop longue : au plus {expected} élément(s), {len(value)} trouvé(s)"
    if kind == "minimum":
        return f"valeur {value} trop petite : au minimum {expected}"
    if kind == "maximum":
        return f"valeur {value} trop grande : au maximum {expected}"
    if kind == "minLength":
        return "texte vide"
    if kind == "pattern":
        if expected == "\\S":
            return "texte vide"
        if "A-Za-z_" in expected:
            return f"clé de révision {_describe(value)} invalide (ex. « seuils », « COS.blocs », « GRU.modalites »)"
        if "[0-9]{4}-" in expected:
            return f"date {_describe(value)} invalide : format attendu AAAA-MM-JJ"
        if expected.startswith("^[A-Z]"):
            return f"code {_describe(value)} invalide : majuscules et chiffres, commençant par une lettre (ex. « GRU », « C12 »)"
        return f"identifiant {_describe(value)} invalide : minuscules, chiffres, « . », « _ » ou « - »"
    if kind == "oneOf":
        return "chaque critère doit être un texte non vide ou une table { code, label }"
    return f"valeur {_describe(value)} refusée ({kind})"


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _semantic_problems(data: dict[str, Any]) -> Iterator[Problem]:
    """What a JSON schema cannot say: uniqueness, references between parts, coherent bounds."""
    ref = data["referentiel"]
    for key in ("valid_from", "valid_until"):
        if _date(ref[key]) is None:
            yield Problem(f"referentiel › {key}", f"date « {ref[key]} » inexistante")
    start, end = _date(ref["valid_from"]), _date(ref["valid_until"])
    if start and end and start > end:
        yield Problem("referentiel › valid_until", f"la fin de validité ({end}) précède le début ({start})")

    vae = data["vae"]
    if vae["situations_per_bloc_min"] > vae["situations_per_bloc_max"]:
        yield Problem("vae", "situations_per_bloc_min dépasse situations_per_bloc_max")

    blocs = data["blocs"]
    seen_blocs: set[str] = set()
    for i, bloc in enumerate(blocs):
        where = _where(data, ["blocs", i])
        if bloc["code"] in seen_blocs:
            yield Problem(where, f"bloc « {bloc['code']} » défini deux fois (chaque bloc se définit une seule fois)")
        seen_blocs.add(bloc["code"])
        yield from _bloc_problems(data, i, bloc)

    certifications = data["certifications"]
    seen_certs: set[str] = set()
    for i, cert in enumerate(certifications):
        where = _where(data, ["certifications", i])
        if cert["code"] in seen_certs:
            yield Problem(where, f"certification « {cert['code']} » définie deux fois")
        seen_certs.add(cert["code"])
        if "rncp_end" in cert and _date(cert["rncp_end"]) is None:
            yield Problem(f"{where} › rncp_end", f"date « {cert['rncp_end']} » inexistante")
        listed: set[str] = set()
        codes: dict[str, str] = {}
        for j, code in enumerate(cert["blocs"]):
            place = f"{where} › blocs[{j}]"
            if code in listed:
                yield Problem(place, f"bloc « {code} » cité deux fois")
            listed.add(code)
            if code not in seen_blocs:
                yield Problem(place, f"bloc « {code} » inconnu : aucun bloc de ce code n'est défini dans « blocs »")
                continue
            bloc = next(b for b in blocs if b["code"] == code)
            for competence in bloc["competences"]:
                if competence["code"] in codes and codes[competence["code"]] != code:
                    yield Problem(
                        place,
                        f"la compétence {competence['code']} figure dans les blocs {codes[competence['code']]} "
                        f"et {code} de la même certification",
                    )
                codes[competence["code"]] = code
    used = {code for cert in certifications for code in cert["blocs"]}
    for i, bloc in enumerate(blocs):
        if bloc["code"] not in used:
            yield Problem(_where(data, ["blocs", i]), "bloc défini mais rattaché à aucune certification")


def _bloc_problems(data: dict[str, Any], i: int, bloc: dict[str, Any]) -> Iterator[Problem]:
    phases = bloc["phases"]
    codes: set[str] = set()
    for j, phase in enumerate(phases):
        where = _where(data, ["blocs", i, "phases", j])
        if phase["code"] in codes:
            yield Problem(where, f"phase « {phase['code']} » définie deux fois dans le bloc")
        codes.add(phase["code"])
        count = phase.get("count")
        if count and count["min"] > count["max"]:
            yield Problem(f"{where} › count", f"min ({count['min']}) dépasse max ({count['max']})")
        alternatives = [a["code"] for a in phase.get("alternatives", [])]
        if len(set(alternatives)) != len(alternatives):
            yield Problem(f"{where} › alternatives", "deux alternatives portent le même code")
    if not any(p.get("interview") for p in phases):
        yield Problem(_where(data, ["blocs", i, "phases"]), "aucune phase d'entretien (interview = true) : l'épreuve en exige une")
    competences = bloc["competences"]
    seen: set[str] = set()
    for j, competence in enumerate(competences):
        where = _where(data, ["blocs", i, "competences", j])
        if competence["code"] in seen:
            yield Problem(where, f"compétence « {competence['code']} » définie deux fois dans le bloc")
        seen.add(competence["code"])
        keys = [_criterion_key(bloc["code"], competence["code"], n, c) for n, c in enumerate(competence["criteria"], 1)]
        for n, key in enumerate(keys):
            if key in keys[:n]:
                first = keys.index(key)
                yield Problem(
                    f"{where} › criteria[{n}]",
                    f"même clé « {key} » que criteria[{first}] : deux critères ne peuvent pas porter le même code "
                    "(une seule coche compterait pour les deux)",
                )
        labels = [c if isinstance(c, str) else c["label"] for c in competence["criteria"]]
        if len(set(labels)) != len(labels):
            yield Problem(f"{where} › criteria", "deux critères ont le même libellé")
    minimum = bloc.get("min_competences_presented")
    if minimum is not None and minimum > len(competences):
        yield Problem(
            _where(data, ["blocs", i]) + " › min_competences_presented",
            f"{minimum} compétences à présenter, mais le bloc n'en a que {len(competences)}",
        )


# --------------------------------------------------------------------------------------------------
# Building


def _build(data: dict[str, Any], path: Path) -> Referentiel:
    ref = data["referentiel"]
    blocs = {b["code"]: _build_bloc(b) for b in data["blocs"]}
    certifications = {
        c["code"]: Certification(
            code=c["code"],
            title=c["title"],
            rncp=c.get("rncp", ""),
            level=c.get("level"),
            rncp_end=_date(c["rncp_end"]) if "rncp_end" in c else None,
            blocs=tuple(c["blocs"]),
        )
        for c in data["certifications"]
    }
    vae = data["vae"]
    status = ref["criteria_status"]
    notice = ref.get("criteria_notice") or (
        "Critères indicatifs — à remplacer par le référentiel d'évaluation officiel" if status != "officiel" else ""
    )
    return Referentiel(
        id=ref["id"],
        version=ref["version"],
        title=ref["title"],
        source=ref.get("source", ""),
        valid_from=dt.date.fromisoformat(ref["valid_from"]),
        valid_until=dt.date.fromisoformat(ref["valid_until"]),
        criteria_status=status,
        criteria_notice=notice,
        # whole numbers (validation refuses 80.0; a copy stored before that check still builds exact rules)
        thresholds=Thresholds(**{k: int(v) for k, v in data["thresholds"].items()}),
        vae=VaeModality(
            label=vae.get("label", "VAE"),
            situations_min=vae["situations_per_bloc_min"],
            situations_max=vae["situations_per_bloc_max"],
            interview_minutes=vae["interview_minutes"],
            interview_label=vae.get("interview_label", "Entretien avec le jury VAE"),
        ),
        certifications=certifications,
        blocs=blocs,
        content_hash=content_hash(data),
        path=path,
        revision=Revision(data["revision"]["reference"], tuple(data["revision"]["departures"])) if "revision" in data else None,
    )


def _criterion_code(competence: str, n: int, item: str | dict[str, Any]) -> str:
    return f"{competence}.{n}" if isinstance(item, str) else item["code"]


def _criterion_key(bloc: str, competence: str, n: int, item: str | dict[str, Any]) -> str:
    """The one place a criterion's key is made: decisions are stored and counted under it."""
    code = _criterion_code(competence, n, item)
    return f"{bloc}.{competence}.{code.removeprefix(competence + '.')}"


def _build_bloc(b: dict[str, Any]) -> Bloc:
    competences = []
    for c in b["competences"]:
        criteria = []
        for n, item in enumerate(c["criteria"], start=1):
            code = _criterion_code(c["code"], n, item)
            label = item if isinstance(item, str) else item["label"]
            criteria.append(Criterion(key=_criterion_key(b["code"], c["code"], n, item), code=code, label=label))
        competences.append(Competence(bloc=b["code"], code=c["code"], wording=c["wording"], criteria=tuple(criteria)))
    phases = tuple(
        Phase(
            code=p["code"],
            label=p["label"],
            minutes=int(p["minutes"]),
            interview=p.get("interview", False),
            presentation=p.get("presentation", False),
            alternatives=tuple(Alternative(a["code"], a["label"]) for a in p.get("alternatives", [])),
            count=Count(**p["count"]) if "count" in p else None,
        )
        for p in b["phases"]
    )
    return Bloc(
        code=b["code"],
        title=b["title"],
        activity=b.get("activity", ""),
        rncp_code=b.get("rncp_code", ""),
        phases=phases,
        competences=tuple(competences),
        min_competences_presented=b.get("min_competences_presented"),
    )
