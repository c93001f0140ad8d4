"""`python -m engine routes`: the explorer on small purpose-built games."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from engine.routes import explore, format_report, steering_variables
from engine.script import compile_texts
from tests.conftest import ROOT
from tests.tools.helpers import make_game


def play_text(game: Path, choose: str) -> str:
    out = subprocess.run([sys.executable, "-m", "engine", "play-text", "--game", str(game),
                          "--choose", choose], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_endings_with_usable_choice_sequences(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default brave = False
        label start:
            "A fork in the road."
            menu:
                "Go left.":
                    $ brave = True
                    jump left
                "Go right.":
                    jump right
        label left:
            menu:
                "Climb." if brave:
                    $ ending = "Summit"
                    return
                "Rest.":
                    jump right
        label right:
            "The valley."
            $ ending = "Valley"
            return
    ''')
    rep = explore(game)
    assert rep.status == 0
    found = {e.name: (e.label, e.loc, e.choices) for e in rep.endings}
    assert found == {
        "Valley": ("right", "scenes/main.scene:21", [2]),
        "Summit": ("left", "scenes/main.scene:15", [1, 1]),
    }
    # start → left → {Summit, right} and start → right: three routes.
    assert rep.routes == 3
    assert rep.dead_ends == [] and rep.unreachable_labels == []
    for e in rep.endings:
        assert f"-- Ending: {e.name} --" in play_text(game, ",".join(map(str, e.choices)))


def test_planted_dead_ends_on_one_branch_only(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            menu:
                "Fine.":
                    $ ending = "Fine"
                    return
                "Broken jump.":
                    jump nowhere
                "Missing picture.":
                    show eileen furious
                    "Grr."
                    $ ending = "Angry"
                    return
                "Missing sound.":
                    play sound "nope.ogg"
                    return
    ''')
    rep = explore(game)
    assert rep.status == 1
    dead = {(d.kind, d.loc, tuple(d.choices)) for d in rep.dead_ends}
    assert dead == {
        ("error", "scenes/main.scene:8", (2,)),
        ("missing-asset", "scenes/main.scene:10", (3,)),
        ("missing-asset", "scenes/main.scene:15", (4,)),
    }
    messages = " | ".join(d.message for d in rep.dead_ends)
    assert "no label named 'nowhere'" in messages
    assert "eileen furious" in messages and "nope.ogg" in messages
    # A missing picture does not stop play: that branch still reaches its ending.
    assert {e.name for e in rep.endings} == {"Fine", "Angry", None}
    text = format_report(rep)
    assert "scenes/main.scene:8: error: no label named 'nowhere'  [--choose 2]" in text


def test_missing_sprite_for_say_attributes_only_when_on_stage(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define e = Character("Eileen", image="eileen")
        label start:
            e furious "Not on stage yet: nothing to draw."
            show eileen happy
            e furious "Now it matters."
            return
    ''')
    rep = explore(game)
    assert [(d.kind, d.loc) for d in rep.dead_ends] == [("missing-asset", "scenes/main.scene:6")]


def test_unreachable_option_and_label(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default met = False
        label start:
            menu:
                "Hello.":
                    return
                "Again." if met:
                    return
        label orphan:
            "Nobody comes here."
            menu:
                "Never offered either.":
                    return
    ''')
    rep = explore(game)
    assert rep.status == 1
    assert rep.unreachable_options == [
        ("scenes/main.scene:7", "Again.", "its guard is false every time the menu is reached"),
    ]
    assert rep.unreachable_labels == [("orphan", "scenes/main.scene:9")]


def test_menu_with_no_option_open(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default key = False
        label start:
            menu:
                "Open the door." if key:
                    return
    ''')
    rep = explore(game)
    assert [(d.kind, d.loc) for d in rep.dead_ends] == [("no-option", "scenes/main.scene:4")]
    assert rep.routes == 0


def test_counter_loop_ends_and_is_counted(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default tries = 0
        label start:
            $ tries += 1
            menu:
                "Try again." if tries < 3:
                    jump start
                "Give up.":
                    $ ending = "Gave up"
                    return
    ''')
    rep = explore(game)
    assert rep.status == 0
    assert rep.states == 3
    # Give up after 1, 2 or 3 tries.
    assert rep.routes == 3
    assert rep.endings[0].choices == [2]


def test_true_loop_makes_routes_infinite(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            "A quiet room."
            menu:
                "Look around.":
                    "Nothing new."
                    jump start
                "Leave.":
                    return
    ''')
    rep = explore(game)
    assert rep.status == 0
    assert rep.routes is None
    assert rep.loops == ["scenes/main.scene:4"]
    assert rep.to_json()["routes"] == "infinite"


def test_endless_loops_are_dead_ends(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default n = 0
        label start:
            menu:
                "Spin silently.":
                    jump spin
                "Chatter forever.":
                    jump chatter
                "Wait forever.":
                    jump wait
        label spin:
            $ n += 1
            jump spin
        label chatter:
            "Blah."
            jump chatter
        label wait:
            pause 1.0
            scene black
            jump wait
    ''')
    rep = explore(game)
    kinds = sorted((d.kind, tuple(d.choices)) for d in rep.dead_ends)
    assert kinds == [("endless-loop", (1,)), ("endless-loop", (2,)), ("endless-loop", (3,))]
    assert rep.status == 1


def test_call_inside_a_menu_option(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default gifts = 0
        label start:
            menu:
                "Give a gift.":
                    call give
                    call give
                    if gifts >= 2:
                        jump happy
                "Walk away.":
                    pass
            $ ending = "Plain"
            return
        label give:
            $ gifts += 1
            "A gift."
            return
        label happy:
            $ ending = "Happy"
            return
    ''')
    rep = explore(game)
    assert rep.status == 0
    assert {e.name: e.choices for e in rep.endings} == {"Happy": [1], "Plain": [2]}
    assert rep.routes == 2
    assert rep.unreachable_labels == []


def test_only_steering_variables_split_states(tmp_path: Path) -> None:
    script = '''
        default score = 0
        default flag = False
        default name = "you"
        label start:
            menu:
                "A.":
                    $ score += 1
                    $ flag = True
                "B.":
                    $ score += 2
            "[score] points, [name]."
            menu:
                "Next.":
                    pass
            if flag:
                $ ending = "Flag"
            return
    '''
    program = compile_texts([("scenes/main.scene", textwrap.dedent(script))])
    assert steering_variables(program) == {"ending", "flag"}
    game = make_game(tmp_path, script)
    merged, exact = explore(game), explore(game, exact=True)
    assert (merged.states, merged.routes) == (3, 2)
    assert exact.states == 3 and exact.routes == 2  # flag and score split alike here
    assert len(merged.endings) == len(exact.endings) == 2


def test_variable_set_on_one_branch_only_is_still_caught(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            menu:
                "Tell your name.":
                    $ name = "Ann"
                "Stay silent.":
                    pass
            "Hello, [name]."
            return
    ''')
    rep = explore(game)
    assert [(d.kind, d.choices) for d in rep.dead_ends] == [("error", [2])]


def test_two_hundred_menus_merge(tmp_path: Path) -> None:
    lines = ["default mood = 0", "label start:"]
    for n in range(200):
        lines += ["    menu:", f'        "Left {n}.":', "            $ mood = 1",
                  f'        "Right {n}.":', "            $ mood = 0",
                  "    if mood:", f'        "Happy {n}."']
    lines += ['    $ ending = "Done"', "    return"]
    game = make_game(tmp_path, "\n".join(lines) + "\n")
    rep = explore(game)
    assert rep.states == 1 + 199 * 2
    assert rep.routes == 2 ** 200


def test_state_cap(tmp_path: Path) -> None:
    lines = ["default a = 0", "label start:"]
    for n in range(30):
        lines += ["    menu:", f'        "Up {n}.":', "            $ a += 1",
                  f'        "Down {n}.":', "            $ a -= 1"]
    lines += ["    if a > 100:", "        jump start", "    return"]
    game = make_game(tmp_path, "\n".join(lines) + "\n")
    rep = explore(game, max_states=50)
    assert rep.capped and rep.status == 2
    assert "partial" in format_report(rep)


def test_command_json_and_exit_status(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            menu:
                "Good.":
                    return
                "Bad.":
                    jump missing
    ''')
    out = subprocess.run([sys.executable, "-m", "engine", "routes", "--game", str(game),
                          "--json"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["dead_ends"][0]["choose"] == "2"
    assert data["routes"] == 1 and data["complete"] is True
    bad = subprocess.run([sys.executable, "-m", "engine", "routes", "--game", str(game),
                          "--warp", "nowhere"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "no label named 'nowhere'" in bad.stderr


@pytest.mark.skipif(not (ROOT / "scenes").is_dir(), reason="the game's scenes are not here")
def test_real_game_reaches_its_endings_without_dead_ends() -> None:
    rep = explore(ROOT)
    assert len(rep.endings) >= 3
    assert all(e.name for e in rep.endings)
    assert rep.dead_ends == []
    assert rep.unreachable_options == []
    assert rep.routes is not None and rep.routes >= len(rep.endings)
