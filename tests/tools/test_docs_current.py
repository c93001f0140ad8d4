"""The committed story graph matches the story: a writer who edits the scenes is told to
redraw docs/story.svg."""

from __future__ import annotations

from engine.graph import build_dot, story_title
from engine.script import load_game
from tests.conftest import ROOT


def test_docs_story_dot_is_current() -> None:
    program = load_game(ROOT)
    expected = build_dot(program, story_title(program) or ROOT.name)
    committed = (ROOT / "docs" / "story.dot").read_text("utf-8")
    assert committed == expected, (
        "docs/story.dot is out of date: run python -m engine graph -o docs/story.svg")
