"""Double correction's rules, pure: a member's marks read from their journal, and whether a package's
`double_marking` is exactly the reconciliation of its two blind markings (core/site/double_marking.py records
them on the site; core/exchange/package_verify.py checks them in a package)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cqp_desktop.core.model.agreement import agreement

ROLES = ("president", "expert")
ROLE_LABELS = {"president": "Président(e)", "expert": "Expert(e)"}


def latest_marks(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """A member's mark per criterion: the latest row of their journal (an undo row carries the restored
    value), the rule of the shared grid. One function for the site and the package check."""
    marks: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        marks[row["criterion"]] = row["decision"]
    return marks


def latest_notes(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str | None, str | None], str]:
    notes: dict[tuple[str | None, str | None], str] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        notes[(row["competence"], row["criterion"])] = row["text"]
    return notes


def _word(mark: Any) -> str:
    return {"valide": "validé", "non_valide": "non validé", "non_observe": "non observé", None: "non noté"}.get(mark, str(mark))


def package_problems(dm: Mapping[str, Any], criteria: Sequence[str], finals: Mapping[str, str]) -> list[str]:
    """Why a package's `double_marking` is not the reconciliation of its two markings (French, [] if it is).

    `finals`: the épreuve's final decisions (latest per criterion of its `decisions`)."""
    problems: list[str] = []
    found = list(dm.get("markers") or [])
    if [m.get("role") for m in found] != list(ROLES):
        return ["double correction : il faut exactement deux notations, président(e) puis expert(e)"]
    marks = {m["role"]: latest_marks(m.get("decisions") or []) for m in found}
    for m in found:
        if not m.get("closed_at"):
            problems.append(f"double correction : observation de {ROLE_LABELS[m['role']].lower()} non clôturée")
    rows = {r.get("criterion"): r for r in dm.get("reconciliation") or []}
    if len(rows) != len(dm.get("reconciliation") or []):
        problems.append("double correction : critère concilié deux fois")
    for key in criteria:
        a, b = marks["president"].get(key), marks["expert"].get(key)
        row = rows.get(key)
        if row is None:
            problems.append(f"double correction : critère {key} non concilié")
            continue
        if row.get("president") != a or row.get("expert") != b:
            problems.append(
                f"double correction : critère {key} : la conciliation ne reprend pas les notations des deux membres"
            )
        if (a or "non_observe") == (b or "non_observe") and row.get("final") != (a or "non_observe"):
            problems.append(
                f"double correction : critère {key} : les deux membres ont noté « {_word(a)} », "
                f"la décision finale « {_word(row.get('final'))} » ne reprend pas leur accord"
            )
        if finals.get(key, "non_observe") != row.get("final"):
            problems.append(
                f"double correction : critère {key} : la décision finale de l'épreuve « {_word(finals.get(key))} » "
                f"n'est pas celle de la conciliation « {_word(row.get('final'))} »"
            )
    strangers = sorted(set(rows) - set(criteria))
    if strangers:
        problems.append(f"double correction : conciliation sur des critères étrangers au bloc ({', '.join(map(str, strangers))})")
    recomputed = agreement(marks["president"], marks["expert"], list(criteria)).as_data()
    if dm.get("agreement") != recomputed:
        problems.append(
            f"double correction : accord déclaré {dm.get('agreement')} différent du recalcul {recomputed}"
        )
    return problems
