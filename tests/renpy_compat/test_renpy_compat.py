"""A game written in plain Ren'Py syntax (game/scenes/script.rpy) runs unchanged, and
scripts that go beyond the subset get errors naming the construct, the file and the line."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from engine.lint import lint
from engine.routes import explore
from engine.script import ScriptError, compile_texts
from tests.conftest import ROOT

GAME = Path(__file__).resolve().parent / "game"


def engine(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine", *args, "--game", str(GAME)],
                          capture_output=True, text=True, cwd=ROOT)


def test_lint_is_clean() -> None:
    assert [p.format() for p in lint(GAME)] == []
    done = engine("lint")
    assert done.returncode == 0, done.stdout + done.stderr


def test_strict_lint_flags_only_the_string_speaker_and_untitled_labels() -> None:
    found = [f"{p.loc.line}: {p.message}" for p in lint(GAME, strict=True)
             if p.loc.file == "scenes/script.rpy"]  # the scene files of issue 17: their tests
    # A speaker written as a string ("Eileen" "...") has no Character, so no colour; and
    # this game, like most Ren'Py games, names no label for the player ($ save_name).
    untitled = {30: "start", 103: "meadow_visit", 123: "good_ending", 130: "tea_ending",
                141: "bad_ending", 150: "meadow_ending"}
    assert found == sorted(
        ['43: speaker "Eileen" has no colour'] +
        [f"{line}: label '{name}' has no title for the player (save cards and the route map "
         "show its name)" for line, name in untitled.items()],
        key=lambda f: int(f.split(":")[0]))


def test_play_text_plays_each_route() -> None:
    done = engine("play-text", "--choose", "2,1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        "This is narration.",
        "Eileen: Hello, Player. This is bold, italic and red.",
        "Eileen: This line names its speaker in a string.",
        "Eileen: A pause comes next. There it was. And a new paragraph.",
    ]
    assert '"Narration in quotes, from a Character with what_prefix."' in lines
    # centered, then a line and its extend, joined; the NVL page, and nvl clear's new page.
    at = lines.index("The Meadow")
    assert lines[at:at + 6] == [
        "The Meadow",
        "Lucy: You called me here. I'll send you back when I'm done.",
        "Nora: Meanwhile, in the notebook Nora keeps, a page begins.",
        "Lines gather on the page, one under another, quickly or slowly. Each one waits "
        "for a click.",
        "",
        "Nora: A used fresh page, quietly. Ren'Py reads it too.",
    ]
    assert lines[-3:] == ["Eileen: Tea! Good choice.", "Eileen: We had tea, at least.",
                          "-- Ending: Tea --"]
    good = engine("play-text", "--choose", "1,1").stdout.splitlines()
    # points: 0 → +2 → *3 - 1 = 5 → +5 (coffee) = 10
    assert "Eileen: 10 points! That's a good ending." in good


def test_routes_reach_every_ending_and_option() -> None:
    rep = explore(GAME)
    assert rep.status == 0, rep.to_json()
    assert {e.name for e in rep.endings} == {"Good", "Tea", "Bad", "Meadow"}
    assert rep.unreachable_labels == [] and rep.unreachable_options == []
    done = engine("routes", "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    for ending in data["endings"]:
        played = engine("play-text", "--choose", ending["choose"])
        assert f"-- Ending: {ending['ending']} --" in played.stdout


# --- beyond the subset -------------------------------------------------------------------

BEYOND = [
    ("python:\n    def f():\n        pass\n", 2, "'def' in a python block: scene files cannot"),
    ("init python:\n    class A:\n        pass\n", 2, "'class' in a python block"),
    ("screen hello():\n    text \"hi\"\n", 1, "'screen' (screen language) is not supported"),
    ("transform slide:\n    function slide_fn\n", 2, "'function' statements in ATL are not"),
    ("style default:\n    color \"#fff\"\n", 1, "'style' statements are not supported"),
    ("label start:\n    nvl clean\n", 2, "'nvl' takes clear, show or hide, not 'clean'"),
    ("label start:\n    show screen hello\n", 2, "'show screen' is not supported"),
    ("label start:\n    call screen hello\n", 2, "'call screen' is not supported"),
    ("image eileen anim:\n    \"a.png\"\n    function wobble\n", 3,
     "'function' statements in ATL are not supported"),
    ("label start:\n    python:\n        import os\n", 3, "'import' in a python block"),
    ("label start:\n    $ renpy.quit()\n", 2, "'renpy.quit' is not available"),
    ("label start:\n    show eileen onlayer\n", 2, "expected a layer name after 'onlayer'"),
    ("label start:\n    window hidden\n", 2, "'window' takes show, hide or auto"),
]


@pytest.mark.parametrize(("script", "line", "message"), BEYOND,
                         ids=[b[0].split("\n")[0].strip(":") for b in BEYOND])
def test_beyond_the_subset_names_construct_and_line(script: str, line: int, message: str,
                                                    tmp_path: Path) -> None:
    with pytest.raises(ScriptError) as err:
        compile_texts([("scenes/x.rpy", script)])
    assert err.value.loc.file == "scenes/x.rpy"
    assert err.value.loc.line == line
    assert message in err.value.message
    # And lint shows the same, as file:line:col: error: message.
    game = tmp_path / "g"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "x.rpy").write_text(script, "utf-8")
    out = [p.format() for p in lint(game)]
    assert any(o.startswith(f"scenes/x.rpy:{line}:") and message in o for o in out), out


# Ren'Py constructs that parse as something else unless the parser knows them.
NAMED = [
    ("label start:\n    show eileen:\n        xalign 0.5\n        contains:\n"
     "            xalign 0.1\n", 4, "'contains' in ATL is not supported"),
    ("label start:\n    \"Hi.\"\n    extend\n", 3, "'extend' takes the text to add"),
    ("define e = Character(\"E\", kind=\"novel\")\nlabel start:\n    e \"x\"\n", 1,
     "kind must be adv, nvl or a character"),
]


@pytest.mark.parametrize(("script", "line", "message"), NAMED,
                         ids=["extend", "show-atl-block", "character-kind"])
def test_constructs_are_named(script: str, line: int, message: str, tmp_path: Path) -> None:
    game = tmp_path / "g"
    (game / "scenes").mkdir(parents=True)
    (game / "scenes" / "x.rpy").write_text(script, "utf-8")
    found = [(p.loc.line, p.message) for p in lint(game)]
    assert any(n == line and message in m for n, m in found), found


def test_named_menu_is_a_label() -> None:
    program = compile_texts([("scenes/x.rpy", textwrap.dedent('''
        label start:
            menu drink_menu:
                "Coffee.":
                    return
                "Ask again.":
                    jump drink_menu
    '''))])
    assert "drink_menu" in program.labels


def test_transforms_as_ren_py_writes_them_reach_the_stage() -> None:
    from engine.atl import evaluate
    from engine.script import Say, Story, load_game

    story = Story(load_game(GAME))
    story.start()
    while not (isinstance(e := story.next(), Say) and e.who == "Lucy"):
        pass
    eileen, lucy = story.stage["sprites"]  # eileen was shown behind lucy: drawn first
    assert (lucy["tag"], eileen["tag"]) == ("lucy", "eileen")
    assert [t["name"] for t in eileen["transforms"]] == ["slide_in", "breathe"]
    start, _ = evaluate(eileen, story.transforms, 0.0)
    end, _ = evaluate(eileen, story.transforms, 1.0)
    assert (start.xpos, end.xpos) == (pytest.approx(-0.2), pytest.approx(0.75))


@pytest.mark.parametrize("route", ["2,1", "1,1"])
def test_the_game_plays_to_an_ending_in_the_real_loop(route: str, tmp_path: Path) -> None:
    """Transforms, transitions, centred text, extend and the NVL page, drawn frame by
    frame through the game's own loop (on the harness's virtual clock)."""
    from tests.player.helpers import play

    shot = tmp_path / "end.png"
    answers = "\n".join(f"advance-to menu\nchoose {n}" for n in route.split(","))
    r = play(tmp_path, f"{answers}\nadvance-to ending\nshot {shot}\nexpect-screen ending\n",
             game=GAME)
    assert r.returncode == 0, r.stderr
    assert shot.is_file()
