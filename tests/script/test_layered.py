"""`layeredimage` (issue 17): read as data, its layers chosen by attributes, its errors
named."""

from __future__ import annotations

import pytest

from engine.layered import chosen, layer_files
from engine.script import ScriptError, Story
from engine.script.parser import parse_file
from tests.script.helpers import program

EILEEN = '''
layeredimage eileen:
    xalign 0.5
    always:
        "eileen_base"
    group outfit:
        attribute dress default
        attribute jeans "outfits/jeans.png"
    group face:
        attribute happy default
        attribute sad
        attribute wink:
            "faces/wink.png"
    group extras multiple:
        attribute hat
        attribute scarf
    attribute glasses if_not ["sad"]
    attribute blush null
label start:
    "x"
'''


def _spec() -> dict:
    return Story(program(EILEEN)).layered["eileen"]


def test_defaults_fill_each_group_and_names_follow_renpy() -> None:
    assert layer_files("eileen", _spec(), []) == [
        "eileen_base", "eileen_outfit_dress", "eileen_face_happy"]


def test_attributes_replace_in_a_group_and_combine_in_a_multiple_one() -> None:
    spec = _spec()
    assert layer_files("eileen", spec, ["jeans", "wink", "hat", "scarf", "glasses"]) == [
        "eileen_base", "outfits/jeans.png", "faces/wink.png", "eileen_extras_hat",
        "eileen_extras_scarf", "eileen_glasses"]
    assert layer_files("eileen", spec, ["happy", "sad"])[-1] == "eileen_face_sad"


def test_conditions_and_null_layers() -> None:
    spec = _spec()
    assert "eileen_glasses" not in layer_files("eileen", spec, ["sad", "glasses"])
    assert layer_files("eileen", spec, ["blush"]) == [
        "eileen_base", "eileen_outfit_dress", "eileen_face_happy"]
    assert chosen(spec, ["grumpy", "sad"])[1] == ["grumpy"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("layeredimage e:\n    elif x:\n        \"a.png\"\n", 2,
     "'elif' without an 'if' before it"),
    ("layeredimage e:\n    group g:\n        \"a.png\"\n", 3,
     "a group holds 'attribute' lines"),
    ("layeredimage e:\n    attribute a if_not [x]\n", 2,
     "a condition takes attribute names in quotes: if_not [\"sad\"]"),
    ("layeredimage e:\n    sprite a\n", 2, "expected always, group, attribute or if"),
])
def test_what_stays_unsupported_is_named(text: str, line: int, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        parse_file(text, "t.rpy")
    assert (info.value.loc.line, info.value.message) == (line, message)
