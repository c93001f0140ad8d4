"""Source locations and the one error type the script layer raises.

Every problem a writer can cause is a ScriptError that knows where it happened, so the
message always starts from `file:line:col` and shows the offending source line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Loc:
    """Where a node came from: the file as the writer names it, 1-based line and column."""

    file: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class ScriptError(Exception):
    """A problem in a scene file, reported GCC-style with the source line and a caret."""

    def __init__(
        self,
        loc: Loc,
        message: str,
        source: str | None = None,
        hint: str | None = None,
        severity: str = "error",
    ) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.source = source
        self.hint = hint
        self.severity = severity

    def format(self) -> str:
        out = f"{self.loc}: {self.severity}: {self.message}"
        if self.source is not None:
            line, col = _window(self.source.rstrip("\n").expandtabs(4), self.loc.col - 1)
            out += f"\n    {line}\n    {' ' * col}^"
        if self.hint:
            out += f"\n    hint: {self.hint}"
        return out

    def __str__(self) -> str:
        return self.format()


_SHOWN = 160  # characters of a long source line shown around the caret


def _window(line: str, col: int) -> tuple[str, int]:
    """The part of a long line around column `col` (0-based), and the caret's column in it:
    a hostile line of 20,000 characters must not flood the report."""
    col = max(0, col)
    if len(line) <= _SHOWN:
        return line, col
    start = max(0, min(col - _SHOWN // 2, len(line) - _SHOWN))
    shown = line[start:start + _SHOWN]
    if start > 0:
        shown, col = "..." + shown, col - start + 3
    return (shown + "..." if start + _SHOWN < len(line) else shown), col


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a misspelt name, or None when nothing is close."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
