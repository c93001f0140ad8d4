"""`image NAME = SnowBlossom(d, count=10, border=50, xspeed=(20, 50), yspeed=(100, 200),
start=0, fast=False, horizontal=False)`: Ren'Py's particles, `count` copies of the
picture `d` falling (or, `horizontal`, drifting sideways) across the screen at speeds
drawn from the ranges, entering again from the top when they leave by the bottom.

The image's value stays a string, as every image's does (see parse_image.py): SNOW_MARK
and the JSON of the arguments, every one given, plain data read back by engine/stage.py's
snow_of and drawn by engine/present/particles.py.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .cursor import Cursor
from .lexer import Token

SNOW_MARK = "{snow}"  # no file name starts with a brace
MAX_COUNT = 1000  # particles of one SnowBlossom
MAX_SPEED = 100_000.0  # pixels a second
_PARAMS = ("d", "count", "border", "xspeed", "yspeed", "start", "fast", "horizontal")
DEFAULTS: dict[str, Any] = {"count": 10, "border": 50, "xspeed": [20.0, 50.0],
                            "yspeed": [100.0, 200.0], "start": 0.0, "fast": False,
                            "horizontal": False}
_SHAPE = 'image snow = SnowBlossom("flake.png", count=50, yspeed=(80, 160))'


def _number(node: list) -> float | None:
    """A number written as such (`10`, `-2.5`), else None: arguments are not computed."""
    if node[0] == "un" and node[1] in ("-", "+"):
        inner = _number(node[2])
        return None if inner is None else (-inner if node[1] == "-" else inner)
    if node[0] == "lit" and isinstance(node[1], (int, float)) \
            and not isinstance(node[1], bool) and math.isfinite(node[1]):
        return float(node[1])
    return None


def _speed(node: list) -> list[float] | None:
    """A speed: one number, or a (low, high) range to draw each particle's from."""
    if (n := _number(node)) is not None:
        return [n, n]
    if node[0] in ("tuple", "list") and len(node[1]) == 2:
        low, high = _number(node[1][0]), _number(node[1][1])
        if low is not None and high is not None:
            return [min(low, high), max(low, high)]
    return None


def snow(c: Cursor, expr: list, tok: Token) -> list:
    """The `lit` value of a SnowBlossom call `expr`, or a ScriptError naming what is
    wrong."""
    name, args, kwargs = expr[1], expr[2], expr[3]
    if len(args) > len(_PARAMS):
        raise c.error(f"{name}() takes at most {len(_PARAMS)} arguments", tok, hint=_SHAPE)
    given = dict(zip(_PARAMS, args, strict=False))
    for key, node in kwargs:
        if key not in _PARAMS:
            raise c.error(f"{name}() has no argument '{key}' (it takes "
                          f"{', '.join(_PARAMS)})", tok)
        if key in given:
            raise c.error(f"{name}() got '{key}' twice", tok)
        given[key] = node
    d = given.get("d")
    if d is None or d[0] != "lit" or not isinstance(d[1], str) or not d[1].strip():
        raise c.error(f"{name}() takes the picture first: a file or image name in quotes",
                      tok, hint=_SHAPE)
    spec: dict[str, Any] = {"d": d[1], **DEFAULTS}
    for key, node in given.items():
        if key == "d":
            continue
        spec[key] = _value(c, name, key, node, tok)
    return ["lit", SNOW_MARK + json.dumps(spec)]


def _value(c: Cursor, name: str, key: str, node: list, tok: Token) -> Any:
    if key in ("fast", "horizontal"):
        if node[0] == "lit" and isinstance(node[1], bool):
            return node[1]
        raise c.error(f"{name}() {key}= takes True or False", tok)
    if key in ("xspeed", "yspeed"):
        speed = _speed(node)
        if speed is None or any(abs(v) > MAX_SPEED for v in speed):
            raise c.error(f"{name}() {key}= takes a number of pixels a second, or a range "
                          "of two, like (100, 200)", tok, hint=_SHAPE)
        return speed
    n = _number(node)
    if key == "count":
        if n is None or n != int(n) or not 1 <= n <= MAX_COUNT:
            raise c.error(f"{name}() count= takes a whole number from 1 to {MAX_COUNT}",
                          tok)
        return int(n)
    if n is None or n < 0 or n > MAX_SPEED:
        raise c.error(f"{name}() {key}= takes a number of "
                      f"{'pixels' if key == 'border' else 'seconds'}, 0 or more", tok)
    return n
