"""Lint's report, bounded: a file can hold thousands of the same mistake (a tag never
closed on every line), and a writer needs the first few and a count, not megabytes."""

from __future__ import annotations

import re
from collections import Counter

from engine.script.errors import Loc, ScriptError
from engine.script.limits import MAX_FINDINGS_PER_FILE, MAX_FINDINGS_PER_KIND

_SPECIFICS = re.compile(r"'[^']*'|\d[\d,.]*")


class MoreFindings(ScriptError):
    """Stands for `more` findings left out of the report, of severity `of`."""

    def __init__(self, loc: Loc, more: int, of: str, like: str) -> None:
        what = f"like this ({like})" if like else "in this file"
        super().__init__(loc, f"... and {more:,} more {what}", severity="note")
        self.more = more
        self.of = of


def kind_of(problem: ScriptError) -> str:
    """What makes two findings the same kind: the message without its names and numbers."""
    return _SPECIFICS.sub("_", problem.message)


def capped(problems: list[ScriptError]) -> list[ScriptError]:
    """`problems` (in file order) with at most MAX_FINDINGS_PER_KIND of a kind and
    MAX_FINDINGS_PER_FILE in all from one file; the rest become MoreFindings counts."""
    shown: list[ScriptError] = []
    per_kind: Counter[tuple[str, str, str]] = Counter()
    per_file: Counter[str] = Counter()
    left: dict[tuple[str, str, str], list] = {}  # key -> [count, first loc, its message]
    for p in problems:
        kind = kind_of(p)
        key = (p.loc.file, p.severity, kind)
        per_kind[key] += 1
        if per_kind[key] > MAX_FINDINGS_PER_KIND:
            note = left.setdefault(key, [0, p.loc, p.message])
        elif per_file[p.loc.file] >= MAX_FINDINGS_PER_FILE:
            note = left.setdefault((p.loc.file, p.severity, ""), [0, p.loc, ""])
        else:
            per_file[p.loc.file] += 1
            shown.append(p)
            continue
        note[0] += 1
    for (_, severity, _), (count, loc, like) in left.items():
        shown.append(MoreFindings(loc, count, severity, like))
    return sorted(shown, key=lambda e: (e.loc.file, e.loc.line, e.loc.col))


def counts(problems: list[ScriptError]) -> tuple[int, int]:
    """(errors, warnings) in a capped report, those left out included."""
    errors = warnings = 0
    for p in problems:
        n, severity = (p.more, p.of) if isinstance(p, MoreFindings) else (1, p.severity)
        if severity == "error":
            errors += n
        else:
            warnings += n
    return errors, warnings
