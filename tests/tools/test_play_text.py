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
        "scenes/demo.scene:24:5: this menu needs an answer: pass more --choose values")
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


def test_staged_text_prints_as_plain_lines(tmp_path: Path) -> None:
    game = tmp_path / "g"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "s.scene").write_text('''
define e = Character("Eileen")
define n = Character("Nora", kind=nvl)
label start:
    centered "{size=40}Chapter One{/size}"
    e "Hello,"
    extend " and {cps=*2}welcome{/cps}."
    window hide
    n "On the page."
    nvl_narrator "Narration on the page,"
    extend " continued."
    nvl clear
    n "A new page."
    window auto
    menu:
        n "Which?"
        "This one.":
            e "Done."
''', "utf-8")
    result = play("--choose", "1", game=game)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Chapter One",
        "Eileen: Hello, and welcome.",
        "Nora: On the page.",
        "Narration on the page, continued.",
        "",
        "Nora: A new page.",
        "Nora: Which?",
        "1. This one.",
        "Eileen: Done.",
    ]


def test_an_extend_with_nothing_before_it_stops_with_its_error(tmp_path: Path) -> None:
    game = tmp_path / "g"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "s.scene").write_text('label start:\n    "One."\n    jump two\n'
                                             'label two:\n    extend " more"\n', "utf-8")
    result = play(game=game)
    # In Ren'Py terms the last line said carries on across a jump: this one extends.
    assert result.returncode == 0 and result.stdout.splitlines() == ["One. more"]
    (game / "scenes" / "s.scene").write_text('label start:\n    extend " more"\n', "utf-8")
    result = play(game=game)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("scenes/s.scene:2:5: error: 'extend' has no line to "
                                    "continue: nothing was said before it")
