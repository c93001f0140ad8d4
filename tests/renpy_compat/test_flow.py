"""The control-flow tour of the Ren'Py-syntax game (game/scenes/flow.rpy) plays as Ren'Py
plays it: init blocks, nested and local labels, a label without a block, parameters and
_return, jump/call expression, menu arguments and a set menu."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.lint import lint
from tests.conftest import ROOT

GAME = Path(__file__).resolve().parent / "game"


def play(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine", "play-text", "--game", str(GAME),
                           "--warp", "flow_tour", *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_the_flow_tour_plays_to_its_end() -> None:
    done = play("--choose", "1,1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Guide: Welcome. Text can show [brackets] and {braces} as they are.",
        "Guide: A calm lesson about labels.",
        "Guide: That was lesson 1.",
        "Guide: A cheerful lesson about menus.",
        "Guide: And that was lesson 2.",
        "Guide: Ask me something.",
        "1. How do labels work?",
        "2. What is a set menu?",
        "Guide: A label can sit inside a block.",
        "Guide: This line is under a nested label.",
        "Guide: Ask me something.",
        "1. What is a set menu?",
        "Guide: Each question goes away once asked.",
        "Guide: No more questions: you asked them all.",
        "Guide: This is an aside, reached by call expression.",
        "Guide: 2 lessons later, the tour ends.",
    ]


def test_the_set_menu_asks_the_other_question_when_it_comes_first() -> None:
    done = play("--choose", "2,1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    at = lines.index("Guide: Each question goes away once asked.")
    assert lines[at + 1:at + 3] == ["Guide: Ask me something.", "1. How do labels work?"]


def test_the_tour_lints_clean_with_every_label_titled() -> None:
    found = [p.format() for p in lint(GAME, strict=True) if p.loc.file == "scenes/flow.rpy"]
    assert found == []


def test_the_story_graph_follows_jump_expression_to_the_labels_named_in_strings() -> None:
    from engine.graph import build_dot
    from engine.script import load_game

    dot = build_dot(load_game(GAME, use_cache=False), "t")
    assert '"label:flow_tour.after_questions" -> "label:flow_tour.finale"' in dot


def test_call_from_names_each_return_point_as_a_label_the_map_leaves_out() -> None:
    from engine.graph import build_dot
    from engine.script import load_game

    program = load_game(GAME, use_cache=False)
    for name in ("_call_lesson", "_call_aside", "_call_code_tour"):
        assert program.statements[program.labels[name] - 1].kind == "call"
        assert name not in program.story_labels
    assert "_call_" not in build_dot(program, "t")
