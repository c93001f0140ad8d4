"""The corpus of real Ren'Py games (issue 17) is kept with its source and licence, and the
measure of how much of it lint accepts runs and gives sane figures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.renpy_compat import measure

GAMES = measure.games()


def test_the_corpus_holds_ten_games_from_different_repositories() -> None:
    repos = set()
    for game in GAMES:
        text = (game / "SOURCE.md").read_text("utf-8")
        found = re.search(r"^- Repository: (https://github\.com/[\w.-]+/[\w.-]+)", text, re.M)
        assert found, f"{game.name}: SOURCE.md names no repository"
        repos.add(found.group(1).lower())
    assert len(GAMES) >= 10 and len(repos) == len(GAMES)


@pytest.mark.parametrize("game", GAMES, ids=[g.name for g in GAMES])
def test_each_game_keeps_its_licence_and_its_scripts(game: Path) -> None:
    source = (game / "SOURCE.md").read_text("utf-8")
    assert re.search(r"^- Licen[cs]e: \S", source, re.M), f"{game.name}: no licence line"
    assert re.search(r"\b[0-9a-f]{40}\b", source), f"{game.name}: no commit recorded"
    scripts = sorted((game / "game" / "scenes").glob("*.rpy"))
    assert scripts, f"{game.name}: no scripts"
    for script in scripts:  # every kept file is named in SOURCE.md
        assert script.name in source, f"{game.name}: {script.name} has no source line"


def test_the_measure_of_one_small_game_gives_a_share_between_0_and_1() -> None:
    result = measure.measure_game(measure.CORPUS / "psych-101", play=False)
    assert result.statements > 50
    assert 0 < result.accepted < result.statements
    assert 0.0 < result.share < 1.0
    assert sum(result.reasons.values()) == result.statements - result.accepted


def test_ossified_is_read_whole() -> None:
    # Its strings that span lines read (issue 17), and its `renpy.input(…) or "…"`, so the
    # variable that line sets is known where the story says it.
    result = measure.measure_game(measure.CORPUS / "ossified", play=False)
    assert result.statements > 50
    assert result.accepted == result.statements and result.share == 1.0
    assert not result.reasons


def test_a_statement_is_a_logical_line_inside_a_label_or_a_definition() -> None:
    text = ('define e = Character("Eileen",\n    color="#fff")\n'
            'screen s():\n    text "not story"\n'
            'label start:\n    e "A line that goes\n       on."\n    python:\n'
            '        x = 1\n        y = 2\n    # a comment\n\n    return\n')
    stmts = measure.logical_lines(text)
    measure.classify(stmts)
    counted = [s.first for s in stmts if s.counted]
    # define (2 lines, one statement), label, the say over 2 lines, python: and return;
    # not the screen, not the python block's body, not the comment.
    assert counted == [1, 5, 6, 8, 13]


def test_a_rejected_block_header_keeps_its_body_judged() -> None:
    text = 'label start:\n    menu (screen=):\n        "Go":\n            "Went."\n'
    stmts = measure.logical_lines(text)
    measure.classify(stmts)
    lines = text.splitlines()
    measure.parse_until_clean("t.rpy", stmts, lines)
    rejected = {s.first: s.rejected for s in stmts if s.rejected}
    assert list(rejected) == [2]  # the menu's bad arguments; its choice and line still parse


@pytest.mark.slow
def test_the_whole_corpus_measures_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "corpus.json"
    assert measure.main(["--json", str(out)]) == 0
    rows = json.loads(out.read_text("utf-8"))
    assert [r["game"] for r in rows] == [g.name for g in GAMES]
    assert all(0 <= r["share"] <= 1 and r["accepted"] <= r["statements"] for r in rows)
