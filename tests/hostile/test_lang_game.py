"""Hostile scene files through the real game loop (headless, on the virtual clock): the
error screen names the file and line, and the game keeps running."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.lang_cases import CASES, RUNTIME_CASES
from tests.player.helpers import make_game, play


def ok(r) -> None:  # noqa: ANN001 - a helpers.Result
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize(("name", "line"), [
    ("parens_100", 2), ("chain_5000_terms_one_line", 2), ("if_400_deep", 66),
    ("tags_5000_in_line", 2), ("literal_5000_digits", 2),
])
def test_a_scene_that_cannot_load_shows_the_error_screen(tmp_path: Path, name: str,
                                                          line: int) -> None:
    script, expect = CASES[name]
    game = make_game(tmp_path, script)
    r = play(tmp_path, f"""
        expect-text game.scene:{line}
        expect-text {expect}
    """, game=game)
    ok(r)


@pytest.mark.parametrize("name", ["times_equals_loop", "plus_equals_str_loop", "ending_list",
                                  "nest_in_loop", "percent_precision"])
def test_a_runaway_value_stops_at_its_line(tmp_path: Path, name: str) -> None:
    script, expect = RUNTIME_CASES[name]
    game = make_game(tmp_path, script)
    r = play(tmp_path, f"""
        expect-text game.scene:
        expect-text {expect}
    """, game=game)
    ok(r)


def test_a_word_wider_than_the_box_is_shown(tmp_path: Path) -> None:
    game = make_game(tmp_path, 'label start:\n    "' + "w" * 4000 + '"\n    "After."\n')
    r = play(tmp_path, """
        expect-text wwwwwwwwww
        advance
        expect-text After.
    """, game=game)
    ok(r)
