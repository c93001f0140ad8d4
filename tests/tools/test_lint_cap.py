"""Lint's report is bounded: a mistake repeated on thousands of lines is shown a few times
with a count of the rest, and the totals still count every finding."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.lint.cap import MoreFindings, capped, counts
from engine.script.errors import Loc, ScriptError
from engine.script.limits import MAX_FINDINGS_PER_FILE, MAX_FINDINGS_PER_KIND
from tests.conftest import ROOT
from tests.tools.helpers import make_game


def _finding(file: str, line: int, message: str, severity: str = "error") -> ScriptError:
    return ScriptError(Loc(file, line, 1), message, severity=severity)


def test_a_kind_is_shown_a_few_times_and_the_rest_counted() -> None:
    found = [_finding("a.scene", n, f"'{{b{n % 3}}}' is never closed") for n in range(1, 1001)]
    found.append(_finding("a.scene", 5, "'x' is not defined", "warning"))
    report = capped(found)
    more = [p for p in report if isinstance(p, MoreFindings)]
    assert len(report) == MAX_FINDINGS_PER_KIND + 1 + 1
    assert len(more) == 1 and more[0].more == 1000 - MAX_FINDINGS_PER_KIND
    assert "more like this ('{b2}' is never closed)" in more[0].format()
    assert counts(report) == (1000, 1)


def test_a_file_shows_at_most_its_bound() -> None:
    found = [_finding("a.scene", n, f"problem number {n} of kind {chr(65 + n % 26)}" + "!" * n)
             for n in range(1, 2001)]
    report = capped(found)
    shown = [p for p in report if not isinstance(p, MoreFindings)]
    assert len(shown) == MAX_FINDINGS_PER_FILE
    assert counts(report) == (2000, 0)
    assert [p.loc.line for p in shown] == sorted(p.loc.line for p in shown)


def test_lint_prints_a_bounded_report(tmp_path: Path) -> None:
    lines = "".join(f'    "{{shake}}open {n}"\n' for n in range(3000))
    game = make_game(tmp_path, "label start:\n" + lines)
    proc = subprocess.run([sys.executable, "-m", "engine", "lint", "--game", str(game)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1
    assert len(proc.stdout) < 5000, proc.stdout[-500:]
    assert "note: ... and 2,990 more like this (unknown text tag '{shake}')" in proc.stdout
    assert "lint: 3000 error(s), 0 warning(s)" in proc.stderr
