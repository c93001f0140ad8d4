"""`python -m engine play-text`: the story as text, menus answered by --choose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO, ROOT


def play(*args: str, game: Path = DEMO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engine", "play-text", "--game", str(game),
                           *args], capture_output=True, text=True, cwd=ROOT,
                          stdin=subprocess.DEVNULL)


def test_a_whole_route() -> None:
    result = play("--choose", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Welcome to the demo, friend.",
        "Eileen: I'm Eileen. This is bold and italic. And this came after a wait.",
        "Eileen: Now I look sad.",
        "Lucy: And I'm Lucy!",
        "Counting 1.",
        "Counting 2.",
        "What now?",
        "1. Go to the park.",
        "2. Stay home.",
        "The park is quiet. Score: 2.",
        "Eileen: At least we met Lucy.",
        "-- Ending: Park --",
    ]


def test_another_route() -> None:
    result = play("--choose", "2")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-2:] == ["Eileen: Home it is. Score: -1.",
                                               "-- Ending: Home --"]


def test_runs_out_of_answers_without_a_terminal() -> None:
    result = play()
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "scenes/demo.scene:23:5: this menu needs an answer: pass more --choose values")
    assert result.stdout.splitlines()[-1] == "2. Stay home."


def test_choice_out_of_range() -> None:
    result = play("--choose", "7")
    assert result.returncode == 2
    assert "choice 7 is not one of 1..2" in result.stderr


def test_warp_starts_at_a_label() -> None:
    result = play("--warp", "home")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "Eileen: Home it is. Score: 0."


def test_script_error_is_reported_not_a_traceback(tmp_path: Path) -> None:
    game = tmp_path / "g"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "a.scene").write_text('label start:\n    "[nope]"\n', "utf-8")
    result = play(game=game)
    assert result.returncode == 1
    assert result.stderr.startswith("scenes/a.scene:2:5: error: in [interpolation]: "
                                    "'nope' is not defined")
    assert "Traceback" not in result.stderr
