"""The closing summary of lint's report: which constructs outside the engine's subset a
game uses (Ren'Py's Python, screens, ...) and how many statements each touches, so a
writer bringing a Ren'Py game sees at once how much of it needs changing, and where to
start."""

from __future__ import annotations

import re
from collections import Counter

from engine.script.errors import ScriptError

# Messages that name a construct the engine does not run, rather than a slip in the script.
_UNSUPPORTED = re.compile(r"not supported|not available|is not a function scenes may call|"
                          r"does not support|cannot run")


def construct(problem: ScriptError) -> str | None:
    """The unsupported construct an error names (its message up to the advice after ':'),
    or None for any other problem."""
    if problem.severity != "error" or not _UNSUPPORTED.search(problem.message):
        return None
    return problem.message.split(": ")[0].split("\n")[0][:100]


def unsupported_summary(problems: list[ScriptError]) -> list[str]:
    """The summary's lines (none when the game uses no unsupported construct). A block
    statement counts with every statement of its block (see parser.parse_all)."""
    touched: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for p in problems:
        what = construct(p)
        if what is not None:
            touched[what] += getattr(p, "touches", 1)
            places[what] += 1
    if not touched:
        return []
    total = sum(touched.values())
    out = [f"unsupported: {total} statement(s) use constructs this engine does not run:"]
    for what, n in sorted(touched.items(), key=lambda kv: (-kv[1], kv[0])):
        where = "1 place" if places[what] == 1 else f"{places[what]} places"
        out.append(f"  {n:>6}  {what} ({where})")
    return out
