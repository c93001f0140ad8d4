"""`image NAME = SnowBlossom(...)` (issue 17, media): its arguments as the plain data the
stage keeps, Ren'Py's defaults for the rest, and errors naming what is wrong."""

from __future__ import annotations

import json

import pytest

from engine.script import ScriptError, Story
from engine.script.parser import parse_file
from engine.stage import is_colour, snow_of
from tests.script.helpers import program


def test_snowblossom_keeps_every_argument_as_plain_data() -> None:
    s = Story(program('label start:\n'
                      '    image snow = SnowBlossom("candy.png", count=100)\n'
                      '    image petals = SnowBlossom("petal.png", 20, 10, (-20, 20), 60, '
                      'start=0.5, fast=True, horizontal=True)\n    "x"\n'))
    assert snow_of(s.images, "snow") == {
        "d": "candy.png", "count": 100, "border": 50, "xspeed": [20.0, 50.0],
        "yspeed": [100.0, 200.0], "start": 0.0, "fast": False, "horizontal": False}
    assert snow_of(s.images, "petals") == {
        "d": "petal.png", "count": 20, "border": 10.0, "xspeed": [-20.0, 20.0],
        "yspeed": [60.0, 60.0], "start": 0.5, "fast": True, "horizontal": True}
    assert is_colour(s.images["snow"])  # no file of that name to look for
    json.dumps(s.images)  # plain data


@pytest.mark.parametrize(("call", "message"), [
    ("SnowBlossom()", "SnowBlossom() takes the picture first: a file or image name in "
                      "quotes"),
    ('SnowBlossom("a.png", count=0)', "SnowBlossom() count= takes a whole number from 1 "
                                      "to 1000"),
    ('SnowBlossom("a.png", count=2.5)', "SnowBlossom() count= takes a whole number from 1 "
                                        "to 1000"),
    ('SnowBlossom("a.png", yspeed="fast")', "SnowBlossom() yspeed= takes a number of pixels "
                                            "a second, or a range of two, like (100, 200)"),
    ('SnowBlossom("a.png", fast=1)', "SnowBlossom() fast= takes True or False"),
    ('SnowBlossom("a.png", start=-1)', "SnowBlossom() start= takes a number of seconds, 0 "
                                       "or more"),
    ('SnowBlossom("a.png", wind=3)', "SnowBlossom() has no argument 'wind' (it takes d, "
                                     "count, border, xspeed, yspeed, start, fast, "
                                     "horizontal)"),
    ('SnowBlossom("a.png", 5, count=3)', "SnowBlossom() got 'count' twice"),
])
def test_a_bad_snowblossom_names_what_is_wrong(call: str, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        parse_file(f"image snow = {call}\n", "t.rpy")
    assert (info.value.loc.line, info.value.loc.col) == (1, 14)
    assert info.value.message == message
