"""Issue 7's lint check: no line wraps to more lines than the dialogue box holds at the
largest text size (measured with the game's own layout and box rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import textbox  # the dialogue box's rules, as the game screen uses them
from engine.lint import BoxMeasure, largest_text_px, lint, wrap_problems
from engine.script import load_game
from engine.textbox import TEXT_SIZES
from tests.conftest import ROOT
from tests.tools.helpers import make_game

LONG = ("She walked down the road past the gate and the trees and the sleeping houses, "
        "thinking of everything she had wanted to say to him and never said, ")


def test_largest_text_size_is_the_settings_largest_step() -> None:
    assert largest_text_px() == round(textbox.TEXT_PX * max(TEXT_SIZES) / 100)
    assert largest_text_px() > textbox.TEXT_PX


def test_a_line_too_long_for_the_box_at_the_largest_size_is_an_error(tmp_path: Path
                                                                       ) -> None:
    game = make_game(tmp_path, f'''
        label start:
            "{LONG * 3}"
            "A short line."
            return
    ''')
    found = [p for p in lint(game) if "largest text size" in p.message]
    assert len(found) == 1
    (p,) = found
    assert p.severity == "error" and p.loc.line == 3
    assert f"({largest_text_px()} px)" in p.message and "holds 3" in p.message
    assert p.hint == "split it into two say statements"


def test_the_box_holds_three_lines_at_the_largest_size(tmp_path: Path) -> None:
    game = make_game(tmp_path, "label start:\n    return\n")
    m = BoxMeasure(game, largest_text_px())
    m.room = textbox.BOX_ROOM + textbox.box_grow(m.line_height(), max(TEXT_SIZES))
    assert m.lines_held() == textbox.BOX_LINES_LARGE
    lines, fits = m.lines_and_fits(LONG * 3)
    assert lines > textbox.BOX_LINES_LARGE and not fits


def test_menu_prompts_are_measured_too(tmp_path: Path) -> None:
    game = make_game(tmp_path, f'''
        label start:
            menu:
                "{LONG * 3}"
                "Yes.":
                    return
                "No.":
                    return
    ''')
    assert any("largest text size" in p.message for p in lint(game))


def test_the_seed_story_fits_the_box_at_every_text_size() -> None:
    program = load_game(ROOT)
    assert wrap_problems(ROOT, program, None) == []


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_no_line_of_the_seed_is_shrunk_at_any_text_size(size: int) -> None:
    # The same check at each step: the box rules keep every line at the size chosen.
    program = load_game(ROOT)
    assert wrap_problems(ROOT, program, None, text_size=size) == []
