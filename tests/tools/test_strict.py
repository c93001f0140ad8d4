"""`python -m engine lint --strict`: each strict check on a small purpose-built game."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.lint import lint
from tests.conftest import DEMO, ROOT
from tests.tools.helpers import make_game


def strict_only(game: Path) -> list[str]:
    plain = {(p.loc, p.message) for p in lint(game)}
    return [f"{p.loc.line}: {p.severity}: {p.message}" for p in lint(game, strict=True)
            if (p.loc, p.message) not in plain]


LONG = " ".join(["The road went on and on under the moon, and nobody said a word."] * 6)


def test_each_strict_check(tmp_path: Path) -> None:
    game = make_game(tmp_path, f'''
        define e = Character("Eileen", color="#c8ffc8", image="eileen")
        define m = Character("Mute")
        default seen = False
        default counter = 0
        default name = "Ann"
        image bg room = "backgrounds/room.png"
        image bg park = "backgrounds/park.png"
        image eileen happy = "characters/eileen/happy.png"
        label start:
            $ save_name = "The room"
            scene bg room
            show eileen
            $ counter += 1
            $ seen = True
            $ ending = "x"
            e happy "Hello, [name]."
            m "..."
            "Stranger" "Who?"
            "{LONG}"
            return
    ''')
    assert strict_only(game) == [
        "3: warning: speaker 'm' (Mute) has no colour",
        "4: warning: variable 'seen' is set but never read",
        "5: warning: variable 'counter' is set but never read",
        "8: warning: image 'bg park' is defined but never shown",
        "19: warning: speaker \"Stranger\" has no colour",
        "20: warning: this line takes 5 lines in the dialogue box at the default text size: "
        "too long for the box, so the game shrinks its text",
    ]


def test_reads_that_count(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define e = Character("Eileen", color="#c8ffc8")
        define quoted = Character(None, what_prefix="'")
        default a = 1
        default b = 2
        default c = 3
        default d = "x"
        label start:
            $ save_name = "Reading"
            $ total = a + 1
            quoted "A narrator has no name plate to colour."
            if total > 1:
                e "[d]"
            menu:
                "Option [c]" if b:
                    pass
            return
    ''')
    assert strict_only(game) == []


def test_a_line_that_fits_is_not_flagged(tmp_path: Path) -> None:
    fits = " ".join(["A line of ordinary length for a visual novel."] * 3)
    game = make_game(tmp_path, f'''
        label start:
            $ save_name = "Fits"
            "{fits}"
            return
    ''')
    assert strict_only(game) == []


def test_exit_status(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default unused = 1
        label start:
            $ save_name = "Hi"
            "Hi."
            return
    ''')

    def run(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "engine", "lint", "--game", str(game),
                               *extra], capture_output=True, text=True, cwd=ROOT)

    assert run().returncode == 0
    strict = run("--strict")
    assert strict.returncode == 1
    assert "variable 'unused' is set but never read" in strict.stdout
    assert "0 error(s), 1 warning(s)" in strict.stderr


def test_demo_game_is_clean_even_strictly() -> None:
    assert lint(DEMO, strict=True) == []


def test_a_label_a_route_reaches_needs_a_title(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            $ save_name = "The start"
            menu:
                "Left":
                    jump left
                "Right":
                    jump right
        label left:
            "Left."
            return
        label right:
            $ save_name = "The right road"
            "Right."
            return
        label never:
            "No route comes here."
            return
    ''')
    assert strict_only(game) == [
        "9: warning: label 'left' has no title for the player (save cards and the route map "
        "show its name)"]


def test_ignored_renpy_calls_are_noted_once_per_call_and_file(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define e = Character("Eileen", color="#c8ffc8", image="eileen")
        image eileen happy = "characters/eileen/happy.png"
        label start:
            $ save_name = "The room"
            show eileen happy
            e "Hello."
            $ renpy.restart_interaction()
            $ renpy.block_rollback()
            e "Again."
            extend happy " And again."
            $ renpy.restart_interaction()
            python:
                renpy.music.set_volume(0.5)
            return
    ''')
    assert lint(game) == []  # extend's attributes are the last speaker's: no image error
    assert strict_only(game) == [
        "8: warning: renpy.restart_interaction() is accepted and does nothing here: the "
        "screen redraws by itself",
        "9: warning: renpy.block_rollback() is accepted and does nothing here: rollback is "
        "not limited",
        "14: warning: renpy.music.set_volume() is accepted and does nothing here: the player "
        "sets the volumes in the settings",
    ]
