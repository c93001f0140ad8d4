"""Names a player reads: a label's title and a save's description.

Both come from one Ren'Py convention, `$ save_name = "…"`: the story variable Ren'Py uses
to name the saves made after it. The first `$ save_name = "…"` in a label (a plain string)
is also that label's title, which the route map shows instead of the label's internal name.
A save made before save_name existed, or in a label without one, is named after its label's
title or, failing that, the label itself made readable.
"""

from __future__ import annotations

from .program import Program
from .steps import SAVE_NAME, SAVE_NAME_MAX

__all__ = ["SAVE_NAME", "SAVE_NAME_MAX", "describe_save", "label_titles", "pretty"]


def label_titles(program: Program) -> dict[str, str]:
    """Each label's title: the string of its first `$ save_name = "…"`."""
    out: dict[str, str] = {}
    for stmt in program.statements:
        a = stmt.args
        if stmt.kind != "assign" or a.get("target") != SAVE_NAME or a.get("op") != "=" \
                or not stmt.label or stmt.label in out:
            continue
        expr = a.get("expr")
        if isinstance(expr, list) and len(expr) == 2 and expr[0] == "lit" \
                and isinstance(expr[1], str) and expr[1].strip():
            out[stmt.label] = " ".join(expr[1].split())
    return out


def pretty(name: str) -> str:
    """An internal name made readable: "road_plead" -> "Road plead" (the last resort)."""
    return name.replace("_", " ").strip().capitalize() or name


def describe_save(description: str, label: str | None, titles: dict[str, str]) -> str:
    """What a save card calls a save: its description, else its label's title, else its
    label made readable."""
    if description.strip():
        return description
    if label:
        return titles.get(label) or pretty(label)
    return "A save"
