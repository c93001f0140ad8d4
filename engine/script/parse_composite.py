"""`image NAME = Composite((w, h), (x1, y1), "a.png", (x2, y2), "b", ...)`: one picture
of size (w, h) with each child drawn at its offset, bottom first. A child is a file name
or another image's name.

The image's value stays a string, as every image's does (see parse_image.py): the
COMPOSITE_MARK and the JSON of {"size": [w, h], "parts": [[x, y, child], ...]}, plain
data read back by engine/stage.py's composite_of.
"""

from __future__ import annotations

import json

from .cursor import Cursor
from .lexer import Token

COMPOSITE_MARK = "{composite}"  # no file name starts with a brace
MAX_PARTS = 64  # children of one Composite
MAX_SIDE = 8192  # pixels a side, as pygame allows a surface
_SHAPE = 'image x = Composite((300, 400), (0, 0), "body.png", (50, 20), "face.png")'


def _number(node: list) -> int | None:
    """An integer written as such (`10`, `-10`), else None: positions are not computed."""
    if node[0] == "un" and node[1] in ("-", "+"):
        inner = _number(node[2])
        return None if inner is None else (-inner if node[1] == "-" else inner)
    if node[0] == "lit" and isinstance(node[1], (int, float)) and not isinstance(node[1], bool):
        return int(node[1])
    return None


def _pair(node: list) -> tuple[int, int] | None:
    if node[0] != "tuple" or len(node[1]) != 2:
        return None
    x, y = _number(node[1][0]), _number(node[1][1])
    return None if x is None or y is None else (x, y)


def composite(c: Cursor, expr: list, tok: Token) -> list:
    """The `lit` value of a Composite call `expr`, or a ScriptError naming what is wrong."""
    name, args, kwargs = expr[1], expr[2], expr[3]
    if kwargs:
        raise c.error(f"{name}() takes no keyword arguments here", tok, hint=_SHAPE)
    if not args or (size := _pair(args[0])) is None:
        raise c.error(f"{name}() takes its size first, two whole numbers: (width, height)",
                      tok, hint=_SHAPE)
    if not all(0 < side <= MAX_SIDE for side in size):
        raise c.error(f"{name}() size {size} must be between 1 and {MAX_SIDE} a side", tok)
    rest = args[1:]
    if not rest or len(rest) % 2:
        raise c.error(f"{name}() takes pairs of an offset (x, y) and a picture after its "
                      "size", tok, hint=_SHAPE)
    if len(rest) // 2 > MAX_PARTS:
        raise c.error(f"{name}() has more than {MAX_PARTS} pictures", tok)
    parts = []
    for n in range(0, len(rest), 2):
        pos, child = _pair(rest[n]), rest[n + 1]
        if pos is None:
            raise c.error(f"{name}() picture {n // 2 + 1}: its offset must be two whole "
                          "numbers (x, y)", tok, hint=_SHAPE)
        if child[0] != "lit" or not isinstance(child[1], str) or not child[1].strip():
            raise c.error(f"{name}() picture {n // 2 + 1}: a file or image name in quotes",
                          tok, hint=_SHAPE)
        parts.append([pos[0], pos[1], child[1]])
    return ["lit", COMPOSITE_MARK + json.dumps({"size": list(size), "parts": parts})]
