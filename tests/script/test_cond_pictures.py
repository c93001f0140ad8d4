"""Pictures chosen by the story's variables (issue 17): `if` in a layeredimage and
ConditionSwitch, read as one condition group, chosen at each interaction, kept on the
sprite, saved, restored and rolled back."""

from __future__ import annotations

import json

import pytest

from engine.layered import layer_files, spec_of
from engine.playthrough import Playthrough
from engine.savecheck import SaveError, check_state
from engine.script import Say, ScriptError, Story
from engine.script.parser import parse_file
from tests.script.helpers import program
from tests.tools.test_playthrough import Memory

SCENE = '''
default mood = "calm"
default door_open = False
layeredimage augustina:
    always:
        "augustina_base"
    if persistent.evil:
        "augustina_evil_eyes"
    elif mood == "sad":
        "augustina_sad_eyes"
    else:
        "augustina_eyes"
    group outfit:
        attribute dress default
image sign big = ConditionSwitch(
    "door_open", "sign_open.png",
    "mood == 'sad'", "sign_sad.png")
label start:
    show augustina
    show sign big
    "One."
    $ mood = "sad"
    "Two."
    $ door_open = True
    $ persistent.evil = True
    "Three."
    return
'''


def _drawn(s: Story) -> dict[str, list[str]]:
    """What each sprite draws now, as the screen picks it."""
    out = {}
    for sp in s.stage["sprites"]:
        spec, attrs = spec_of(s.layered, sp["tag"], sp["attrs"])
        assert spec is not None
        out[sp["tag"]] = layer_files(sp["tag"], spec, attrs, sp.get("conds"))
    return out


def _line(s: Story) -> str:
    while not isinstance(event := s.next(), Say):
        pass
    return event.text


def _story(text: str = SCENE) -> Story:
    s = Story(program(text), persistent={})
    s.start()
    return s


def test_both_forms_read_as_one_condition_group() -> None:
    s = Story(program(SCENE))
    eyes = s.layered["augustina"]["conds"][0]
    assert [b["file"] for b in eyes] == ["augustina_evil_eyes", "augustina_sad_eyes",
                                         "augustina_eyes"]
    assert [b["if"] is None for b in eyes] == [False, False, True]
    assert [b["line"] for b in eyes] == [7, 9, 11]
    sign = s.layered["sign big"]
    assert sign["layers"] == [{"group": None, "attr": None, "file": None, "default": True,
                               "if_any": [], "if_all": [], "if_not": [], "cond": 0}]
    assert [(b["if"], b["file"]) for b in sign["conds"][0]] == [
        (["name", "door_open"], "sign_open.png"),
        (["cmp", ["=="], [["name", "mood"], ["lit", "sad"]]], "sign_sad.png")]
    json.dumps(s.layered)  # plain data


def test_the_picture_changes_at_the_next_line_after_the_variable() -> None:
    s = _story()
    assert _line(s) == "One."
    # the branch chosen in the middle of the layers, in the order written; no
    # ConditionSwitch condition holds: it draws nothing, as Ren'Py's
    assert _drawn(s) == {"augustina": ["augustina_base", "augustina_eyes",
                                       "augustina_outfit_dress"], "sign": []}
    assert [sp["conds"] for sp in s.stage["sprites"]] == [[2], [-1]]
    one = s.stage
    assert _line(s) == "Two."
    assert _drawn(s) == {"augustina": ["augustina_base", "augustina_sad_eyes",
                                       "augustina_outfit_dress"], "sign": ["sign_sad.png"]}
    assert one["sprites"][0]["conds"] == [2]  # the old stage is not changed in place
    assert _line(s) == "Three."
    assert _drawn(s)["augustina"][1] == "augustina_evil_eyes"
    assert _drawn(s)["sign"] == ["sign_open.png"]


@pytest.mark.parametrize("kind", ["sprite", "background"])
def test_an_unchanged_choice_keeps_the_same_stage(kind: str) -> None:
    s = _story(SCENE.replace('$ mood = "sad"', '$ door_open = False') if kind == "sprite"
               else BG.replace('$ time_of_day = "night"', '$ time_of_day = "day"'))
    _line(s)
    before = s.stage
    _line(s)
    assert s.stage is before


def test_the_shown_event_carries_the_choice() -> None:
    s = _story()
    event = s.next()
    assert event.stage["sprites"][0]["conds"] == [2]


def test_save_and_restore_carry_the_choice() -> None:
    s = _story()
    _line(s)
    _line(s)
    snap = json.loads(json.dumps(s.snapshot()))
    check_state(snap)
    again = Story(program(SCENE), persistent={})
    again.restore(snap)
    assert [sp["conds"] for sp in again.stage["sprites"]] == [[1], [1]]
    assert _line(again) == "Two."
    assert _drawn(again)["augustina"][1] == "augustina_sad_eyes"


@pytest.mark.parametrize("conds", [[0.5], ["1"], [99], [-2], [True], "0", [0] * 65])
def test_a_damaged_choice_in_a_save_is_refused(conds: object) -> None:
    s = _story()
    _line(s)
    snap = json.loads(json.dumps(s.snapshot()))
    snap["stage"]["sprites"][0]["conds"] = conds
    with pytest.raises(SaveError, match="a sprite's chosen pictures are damaged"):
        check_state(snap)


def test_rollback_brings_the_old_picture_back() -> None:
    s = _story()
    play = Playthrough(s, Memory())
    while not isinstance(play.next(), Say):
        pass
    play.line_shown()
    while not isinstance(play.next(), Say):
        pass
    assert _drawn(s)["augustina"][1] == "augustina_sad_eyes"
    assert play.roll(back=True) == []
    while not isinstance(event := play.next(), Say):
        pass
    assert event.text == "One."
    assert s.variables["mood"] == "calm"
    assert _drawn(s)["augustina"][1] == "augustina_eyes"


def test_a_condition_failing_at_run_time_names_the_image_line() -> None:
    s = _story(SCENE.replace('elif mood == "sad"', "elif moood == 'sad'"))
    before = s.snapshot()
    with pytest.raises(ScriptError) as info:
        s.next()
    err = info.value
    assert (err.loc.file, err.loc.line, err.message, err.source) == (
        "scenes/test.scene", 9, "image 'augustina': 'moood' is not defined",
        "    elif moood == 'sad':")
    assert s.snapshot() == before  # all or nothing, as other runtime errors


def test_games_without_them_have_an_empty_table() -> None:
    assert Story(program('label start:\n    "x"\n')).cond_images == {}


@pytest.mark.parametrize(("text", "line", "message"), [
    ("layeredimage e:\n    if x ==:\n        \"a.png\"\n", 2, "expected an expression"),
    ("layeredimage e:\n    if x:\n        \"a.png\"\n        \"b.png\"\n", 4,
     "an if block holds one picture: this is a second"),
    ("layeredimage e:\n    if x:\n        pos (1, 2)\n", 2, "this if block names no picture"),
    ("layeredimage e:\n    if x:\n        \"a.png\"\n    always:\n        \"b.png\"\n"
     "    else:\n        \"c.png\"\n", 6, "'else' without an 'if' before it"),
    ("layeredimage e:\n    if x:\n        show y\n", 3,
     "an if block holds one picture in quotes"),
    ('image s = ConditionSwitch("door open", "a.png")\n', 1,
     "ConditionSwitch() condition 'door open': unexpected 'open' after the expression"),
    ('image s = ConditionSwitch(door, "a.png")\n', 1,
     "ConditionSwitch() condition 1 must be in quotes, as Ren'Py evaluates it"),
    ('image s = ConditionSwitch("True", "a.png", "x")\n', 1,
     "ConditionSwitch() takes pairs of a condition in quotes and a picture"),
])
def test_bad_conditions_are_named_at_their_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        parse_file(text, "t.rpy")
    assert (info.value.loc.line, info.value.message) == (line, message)


BG = '''
default time_of_day = "day"
image bg street = ConditionSwitch(
    "time_of_day == 'night'", "street_night.png",
    "time_of_day == 'day'", "street_day.png")
image bg plain = "plain.png"
label start:
    scene bg street
    "Day."
    $ time_of_day = "night"
    "Night."
    $ time_of_day = "dusk"
    "Dusk."
    scene bg plain
    "Plain."
    return
'''


def _scene_picture(s: Story) -> list[str]:
    """The picture the stage's scene draws now, as the screen picks it."""
    return layer_files("bg", s.layered[" ".join(s.stage["scene"])], (),
                       s.stage.get("scene_conds"))


def test_a_background_changes_at_the_next_line_after_the_variable() -> None:
    s = _story(BG)
    event = s.next()  # the scene's own event carries the choice already
    assert event.stage["scene_conds"] == [1]
    assert _line(s) == "Day."
    assert (s.stage["scene_conds"], _scene_picture(s)) == ([1], ["street_day.png"])
    day = s.stage
    assert _line(s) == "Night."
    assert (s.stage["scene_conds"], _scene_picture(s)) == ([0], ["street_night.png"])
    assert day["scene_conds"] == [1]  # the old stage is not changed in place
    assert _line(s) == "Dusk."
    # no condition holds: nothing is drawn (Ren'Py's Null)
    assert (s.stage["scene_conds"], _scene_picture(s)) == ([-1], [])
    assert _line(s) == "Plain."
    assert "scene_conds" not in s.stage  # the next scene has no choice to keep


def test_save_restore_and_rollback_keep_the_background_choice() -> None:
    s = _story(BG)
    _line(s)
    _line(s)
    snap = json.loads(json.dumps(s.snapshot()))
    check_state(snap)
    again = Story(program(BG), persistent={})
    again.restore(snap)
    assert again.stage["scene_conds"] == [0]
    assert _line(again) == "Night."
    assert _scene_picture(again) == ["street_night.png"]

    s = _story(BG)
    play = Playthrough(s, Memory())
    for _ in range(2):
        while not isinstance(play.next(), Say):
            pass
        play.line_shown()
    assert s.stage["scene_conds"] == [0]
    assert play.roll(back=True) == []
    while not isinstance(event := play.next(), Say):
        pass
    assert (event.text, s.stage["scene_conds"]) == ("Day.", [1])


@pytest.mark.parametrize("conds", [[0.5], ["1"], [99], [-2], [True], "0", {}, [0] * 65])
def test_a_damaged_background_choice_in_a_save_is_refused(conds: object) -> None:
    s = _story(BG)
    _line(s)
    snap = json.loads(json.dumps(s.snapshot()))
    snap["stage"]["scene_conds"] = conds
    with pytest.raises(SaveError, match="the save's scene's chosen picture is damaged"):
        check_state(snap)
