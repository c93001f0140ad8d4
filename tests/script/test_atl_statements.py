"""The statements that stage sprites with transforms: what the stage holds after show,
scene and hide with at lists, ATL, as, behind and zorder; saves of such a stage; Ren'Py's
transitions by name; renpy.pause."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.atl import TRANSITIONS, evaluate
from engine.script import Pause, ScriptError, StageChange, Story, With
from engine.script.migrations import STATE_VERSION, migrate
from tests.script.helpers import program, story

DATA = Path(__file__).parent / "data"


def run_to_say(s: Story) -> None:
    while type(s.next()).__name__ != "Say":
        pass


def keys(s: Story) -> list[str]:
    return [sp["as"] or sp["tag"] for sp in s.stage["sprites"]]


def test_show_keeps_transforms_args_and_inline_atl_as_data() -> None:
    s = story("""
        transform slide(x, d=1.0):
            linear d xalign x
        default where = 0.25
        label start:
            show sakura sad at left, slide(where):
                alpha 0.5
            "x"
    """)
    run_to_say(s)
    (sprite,) = s.stage["sprites"]
    assert sprite == {"tag": "sakura", "attrs": ["sad"], "at": "left",
                      "transforms": [{"name": "left", "args": {}},
                                     {"name": "slide", "args": {"x": 0.25}}],
                      "atl": [{"op": "set", "props": [["alpha", ["lit", 0.5]]]}],
                      "zorder": 0, "as": None, "seed": sprite["seed"]}
    assert json.loads(json.dumps(s.stage)) == s.stage


def test_changing_attributes_keeps_the_transforms() -> None:
    s = story("""
        define s = Character("Sakura", image="sakura")
        transform bob:
            ease 1.0 yoffset -10
            repeat
        label start:
            show sakura sad at right, bob
            show sakura smile
            "x"
            s happy "y"
            show sakura at left
            "z"
    """)
    run_to_say(s)
    first = s.stage["sprites"][0]
    assert first["attrs"] == ["smile"] and [t["name"] for t in first["transforms"]] == \
        ["right", "bob"]
    run_to_say(s)
    assert s.stage["sprites"][0]["attrs"] == ["happy"]
    assert s.stage["sprites"][0]["transforms"] == first["transforms"]
    run_to_say(s)
    assert s.stage["sprites"][0]["transforms"] == [{"name": "left", "args": {}}]
    assert s.stage["sprites"][0]["attrs"] == ["happy"]


def test_new_atl_replaces_the_old_block_and_keeps_the_at_list() -> None:
    s = story("""
        label start:
            show a at right:
                alpha 0.5
            show a:
                zoom 2.0
            "x"
    """)
    run_to_say(s)
    sprite = s.stage["sprites"][0]
    assert sprite["at"] == "right"
    assert sprite["atl"] == [{"op": "set", "props": [["zoom", ["lit", 2.0]]]}]
    p, _ = evaluate(sprite, s.transforms, 0.0)
    assert (p.xpos, p.alpha, p.zoom) == (1.0, 1.0, 2.0)


def test_behind_zorder_and_as_order_the_sprites() -> None:
    s = story("""
        label start:
            show a
            show b
            show c behind a
            show d zorder 2
            show e
            show eileen happy as twin zorder 1
            show a sad
            "x"
            hide twin
            show b zorder -1
            "y"
    """)
    run_to_say(s)
    assert keys(s) == ["c", "a", "b", "e", "twin", "d"]
    twin = s.stage["sprites"][4]
    assert (twin["tag"], twin["attrs"], twin["as"], twin["zorder"]) == \
        ("eileen", ["happy"], "twin", 1)
    run_to_say(s)
    assert keys(s) == ["b", "c", "a", "e", "d"]


def test_scene_with_transforms_and_show_bg() -> None:
    s = story("""
        label start:
            scene bg road at truecenter:
                zoom 1.2
            show a
            "x"
            scene bg road
            "y"
    """)
    run_to_say(s)
    assert s.stage["scene_at"]["transforms"] == [{"name": "truecenter", "args": {}}]
    p, done = evaluate(s.stage["scene_at"], s.transforms, 0.0)
    assert (p.ypos, p.zoom, done) == (0.5, 1.2, True)
    run_to_say(s)
    assert s.stage["scene_at"] is None


def test_a_stage_with_transforms_survives_a_snapshot_as_json() -> None:
    text = """
        transform slide(x=1.0):
            xalign 0.0
            linear 2.0 xalign x
        label start:
            show a happy at slide(0.5) zorder 3
            show b as c behind a:
                choice:
                    alpha 0.5
                choice:
                    alpha 0.25
            "x"
            "y"
    """
    s = story(text)
    run_to_say(s)
    saved = json.loads(json.dumps(s.snapshot()))
    other = Story(program(text))
    assert other.restore(saved) == []
    assert other.stage == s.stage
    for sprite in other.stage["sprites"]:
        assert evaluate(sprite, other.transforms, 1.0) == \
            evaluate(sprite, s.transforms, 1.0)


def test_an_old_snapshot_migrates_its_sprites() -> None:
    old = json.loads((DATA / "state_v2.json").read_text("utf-8"))
    assert old["version"] == 2
    new = migrate(old)
    assert new["version"] == STATE_VERSION
    assert new["stage"]["scene_at"] is None
    assert new["stage"]["sprites"] == [
        {"tag": "sakura", "attrs": ["sad"], "at": "left",
         "transforms": [{"name": "left", "args": {}}], "atl": None, "zorder": 0,
         "as": None, "seed": 0},
        {"tag": "sasuke", "attrs": ["cold"], "at": None, "transforms": [], "atl": None,
         "zorder": 0, "as": None, "seed": 0}]
    s = story("label start:\n    show sakura sad at left\n    show sasuke cold\n"
              "    \"One.\"\n    \"Two.\"\n")
    assert s.restore(old) == []
    assert evaluate(s.stage["sprites"][0], s.transforms, 0.0)[0].xpos == 0.0


def test_renpy_pause_is_a_pause_event() -> None:
    s = story("label start:\n    $ renpy.pause(1.5)\n    $ renpy.pause(0.5, hard=True)\n"
              "    $ renpy.pause()\n    pause 1\n")
    events = [s.next() for _ in range(4)]
    assert [(e.seconds, e.hard) for e in events] == [(1.5, False), (0.5, True), (None, False),
                                                     (1.0, False)]
    assert all(isinstance(e, Pause) for e in events)


@pytest.mark.parametrize("name", sorted(TRANSITIONS))
def test_every_transition_name_gives_its_spec(name: str) -> None:
    s = story(f"label start:\n    show a\n    with {name}\n    hide a with {name}\n")
    s.next()
    w = s.next()
    assert isinstance(w, With)
    assert w.transition["kind"] == name
    assert w.transition["duration"] == TRANSITIONS[name]["duration"]
    h = s.next()
    assert isinstance(h, StageChange) and h.transition["kind"] == name


def test_transition_defaults_and_constructors() -> None:
    assert TRANSITIONS["dissolve"]["duration"] == 0.5
    assert TRANSITIONS["moveinleft"] == {"family": "move", "duration": 0.5,
                                         "warper": "linear", "enter": "left", "leave": None}
    assert TRANSITIONS["easeoutright"]["warper"] == "ease"
    assert TRANSITIONS["vpunch"]["duration"] == 0.275
    assert TRANSITIONS["wipeleft"]["duration"] == TRANSITIONS["pushup"]["duration"] == 1.0
    s = story("label start:\n    with MoveTransition(0.25)\n    with Pause(2)\n"
              "    with Dissolve(1.0)\n")
    assert [s.next().transition for _ in range(3)] == [
        {"kind": "move", "family": "move", "duration": 0.25, "warper": "linear",
         "enter": None, "leave": None},
        {"kind": "pause", "family": "pause", "duration": 2.0},
        {"kind": "dissolve", "duration": 1.0}]


RUNTIME_ERRORS = [
    ("transform slide(x):\n    xalign x\nlabel start:\n    show a at slide\n",
     "scenes/test.scene:4:15: error: slide() needs a value for 'x'\n"
     "        show a at slide\n                  ^"),
    ("transform slide(x):\n    xalign x\nlabel start:\n    show a at slide(y=1)\n",
     "scenes/test.scene:4:15: error: slide() has no parameter 'y'\n"
     "        show a at slide(y=1)\n                  ^"),
    ("label start:\n    show a at left(1)\n",
     "scenes/test.scene:2:15: error: left() takes 0 arguments, not 1\n"
     "        show a at left(1)\n                  ^"),
    ("label start:\n    show a zorder 1.5\n",
     "scenes/test.scene:2:5: error: zorder takes a whole number, not 1.5\n"
     "        show a zorder 1.5\n        ^"),
]


@pytest.mark.parametrize(("text", "message"), RUNTIME_ERRORS)
def test_runtime_errors_name_the_line(text: str, message: str) -> None:
    s = story(text)
    with pytest.raises(ScriptError) as err:
        s.next()
    assert err.value.format() == message
