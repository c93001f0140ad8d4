"""`camera` and `onlayer` in the story's state (issue 17, media): parsed, kept on the
stage as plain data, saved, loaded, rolled back and checked on restore."""

from __future__ import annotations

import json

import pytest

from engine import saves
from engine.playthrough import Playthrough
from engine.savecheck import SaveError, check_state
from engine.script import Say, ScriptError, Story
from engine.script.parser import parse_file
from tests.script.helpers import program
from tests.tools.test_playthrough import Memory

GAME = '''\
transform shake:
    xoffset 4
    linear 0.1 xoffset -4
    repeat 3
label start:
    scene bg night
    show eileen happy
    show eileen happy onlayer overlay at right
    camera:
        xalign 0.5 yalign 0.5 zoom 1.2
        linear 2.0 zoom 1.0
    "one"
    camera overlay at shake
    show lucy onlayer overlay behind eileen
    "two"
    scene onlayer overlay
    camera
    "three"
    scene bg day
    "four"
'''


def _said(play: Playthrough) -> Say:
    while True:
        event = play.next()
        if isinstance(event, Say):
            return event


def _play() -> Playthrough:
    s = Story(program(GAME))
    s.start()
    return Playthrough(s, Memory())


def test_onlayer_and_camera_are_parsed_into_the_statements() -> None:
    p = program(GAME)
    kinds = [(s.kind, s.args.get("layer")) for s in p.statements
             if s.kind in ("show", "scene", "camera", "hide")]
    assert kinds == [("scene", None), ("show", None), ("show", "overlay"),
                     ("camera", None), ("camera", "overlay"), ("show", "overlay"),
                     ("scene", "overlay"), ("camera", None), ("scene", None)]
    camera = next(s for s in p.statements if s.kind == "camera")
    assert camera.args["atl"][0]["op"] == "set" and camera.args["atl"][1]["op"] == "interp"
    # `onlayer master` is master: the statement compiles as one written without it
    plain = program('label start:\n    show a onlayer master\n    "x"\n').statements[1]
    assert "layer" not in plain.args


def test_a_tag_is_unique_per_layer_and_scene_onlayer_clears_only_that_layer() -> None:
    play = _play()
    _said(play)
    stage = play.story.stage
    assert [(s["tag"], s.get("layer")) for s in stage["sprites"]] == [
        ("eileen", None), ("eileen", "overlay")]
    assert stage["camera"]["master"]["atl"] and "overlay" not in stage["camera"]
    _said(play)
    stage = play.story.stage
    # `behind eileen` finds the eileen of its own layer
    assert [(s["tag"], s.get("layer")) for s in stage["sprites"]] == [
        ("eileen", None), ("lucy", "overlay"), ("eileen", "overlay")]
    assert stage["camera"]["overlay"]["transforms"][0]["name"] == "shake"
    _said(play)
    stage = play.story.stage
    assert [(s["tag"], s.get("layer")) for s in stage["sprites"]] == [("eileen", None)]
    assert stage["camera"] == {"overlay": stage["camera"]["overlay"]}  # master reset
    _said(play)  # a master scene clears master's sprites and leaves the cameras
    assert play.story.stage["sprites"] == [] and "overlay" in play.story.stage["camera"]


def test_camera_and_layers_are_rolled_back_saved_and_loaded() -> None:
    play = _play()
    _said(play)
    first = json.loads(json.dumps(play.story.stage))
    _said(play)
    second = json.loads(json.dumps(play.story.stage))
    assert second != first
    data = saves.decode(saves.encode(play.save_data(b"\xff\xd8\xffthumb"), "Test"))
    loaded = Playthrough.from_save(play.story.program, Memory(), data).play
    assert loaded.story.stage["camera"] == second["camera"]
    assert loaded.story.stage["sprites"] == second["sprites"]
    play.roll(back=True)
    assert play.story.stage["camera"] == first["camera"]
    assert [s.get("layer") for s in play.story.stage["sprites"]] == [None, "overlay"]


@pytest.mark.parametrize(("change", "reason"), [
    ({"camera": {"master": {"transforms": "shake", "atl": None, "seed": 0}}},
     "camera is damaged"),
    ({"camera": ["master"]}, "camera is damaged"),
    ({"sprites": [{"tag": "a", "attrs": [], "at": None, "layer": 3}]},
     "sprites are damaged"),
])
def test_a_damaged_camera_or_layer_is_refused_on_restore(change: dict, reason: str
                                                         ) -> None:
    story = Story(program(GAME))
    story.start()
    story.next()
    good = story.snapshot()
    with pytest.raises(ValueError, match=reason):
        Story(story.program).restore(dict(good, stage={**good["stage"], **change}))


def test_a_save_naming_a_layer_as_a_path_is_refused() -> None:
    state = {"pc": 0, "stack": [], "stage": {"scene": None, "sprites": [
        {"tag": "a", "attrs": [], "layer": "../x"}]}}
    with pytest.raises(SaveError, match="a sprite's layer is not a layer name: '../x'"):
        check_state(state)
    state["stage"] = {"scene": None, "sprites": [], "camera": {"a/b": {}}}
    with pytest.raises(SaveError, match="camera names a layer that is not a layer name"):
        check_state(state)


def test_onlayer_needs_a_layer_name() -> None:
    with pytest.raises(ScriptError) as info:
        parse_file('label start:\n    show a onlayer\n', "t.rpy")
    assert info.value.format().splitlines()[:2] == [
        "t.rpy:2:12: error: expected a layer name after 'onlayer'",
        "        show a onlayer"]
