"""Parsers for the statements that put images on stage, with Ren'Py's clauses:

    scene [IMAGE] [onlayer L] [at T, ...] [with T] [:ATL]
    show IMAGE [at T1, T2(args)] [as TAG] [behind TAG, ...] [zorder N] [onlayer L]
               [with T] [:ATL]
    hide TAG [onlayer L] [with T]

`onlayer L` puts the picture on Ren'Py's layer L (master when not given): a tag is
unique per layer, and `scene onlayer L` clears only L (see stage_ops.py).
    $ renpy.pause(N[, hard=True])

ATL blocks and `at` lists are parsed by parse_atl.py.
"""

from __future__ import annotations

from typing import Any

from . import ast, parse_atl
from .cursor import Cursor
from .lexer import Line
from .parse_text import Staging
from .parse_words import image_word

_CLAUSES = ("at", "with", "as", "behind", "onlayer", "zorder")


def _image_words(c: Cursor, what: str) -> list[str]:
    words = []
    while c.peek_word() not in _CLAUSES and (w := image_word(c)) is not None:
        words.append(w)
    return c.check_image(words)


def _clauses(c: Cursor, allowed: tuple[str, ...]) -> dict[str, Any]:
    """The clauses after the image, in any order, up to the line's end or its ':'."""
    found: dict[str, Any] = {"transforms": [], "with_": None, "as_": None, "behind": [],
                             "zorder": None, "onlayer": None}
    stop = _CLAUSES
    while not c.at_end() and not (c.peek_op(":") and c.i == len(c.toks) - 1):
        t = c.peek()
        w = c.peek_word()
        if w == "onlayer":
            c.i += 1
            found["onlayer"] = c.name("a layer name after 'onlayer'")
            continue
        if w not in allowed:
            if w in _CLAUSES:
                raise c.error(f"'{w}' is not supported in this statement")
            raise c.error(f"unexpected '{t[1]}'" if t else "unexpected text")
        c.i += 1
        if w == "at":
            found["transforms"].append(parse_atl.transform_ref(c, stop))
            while c.peek_op(","):
                c.i += 1
                found["transforms"].append(parse_atl.transform_ref(c, stop))
        elif w == "with":
            found["with_"] = c.expression(stop_words=stop, stop_ops=(":",))
        elif w == "as":
            found["as_"] = c.name("a tag after 'as'")
        elif w == "behind":
            found["behind"].append(c.name("a tag after 'behind'"))
            while c.peek_op(","):
                c.i += 1
                found["behind"].append(c.name("a tag after ','"))
        else:
            found["zorder"] = c.expression(stop_words=stop, stop_ops=(":",))
    return found


def _atl(c: Cursor, line: Line, file: str) -> list[dict] | None:
    if c.peek_op(":"):
        c.expect_colon_end()
        return parse_atl.parse_block(line.children, file)
    return None


def _first(transforms: list[dict]) -> str | None:
    return transforms[0]["name"] if transforms else None


def _scene(c: Cursor, line: Line, file: str) -> ast.Node:
    if c.peek_word() == "expression":
        raise c.error("'scene expression' is not supported: name the image")
    words = _image_words(c, "an image name")
    found = _clauses(c, ("at", "with"))
    atl = _atl(c, line, file)
    if not words and (found["transforms"] or atl):
        raise c.error("a bare 'scene' clears the stage: it takes no transforms")
    return ast.Scene(c.loc(), line.source, words or None, _first(found["transforms"]),
                     found["with_"], found["transforms"], atl, found["onlayer"])


def _show(c: Cursor, line: Line, file: str) -> ast.Node:
    w = c.peek_word()
    if w == "screen":
        raise c.error("'show screen' is not supported: the engine draws its own screens")
    if w == "expression":
        raise c.error("'show expression' is not supported: name the image")
    if w == "text" and c._is(c.i + 1, "str"):
        return _show_text(c, line, file)
    words = _image_words(c, "an image name")
    if not words:
        raise c.error("expected the image to show")
    found = _clauses(c, _CLAUSES)
    atl = _atl(c, line, file)
    return ast.Show(c.loc(), line.source, words, _first(found["transforms"]), found["with_"],
                    found["transforms"], atl, found["behind"], found["zorder"], found["as_"],
                    found["onlayer"])


def _show_text(c: Cursor, line: Line, file: str) -> ast.Node:
    """`show text "…" [at …] [with …] [:ATL]`: a line of text shown as a sprite tagged
    `text` (`hide text` takes it away), as in Ren'Py."""
    c.i += 1
    text = c.string("the text to show")
    found = _clauses(c, _CLAUSES)
    atl = _atl(c, line, file)
    if not found["transforms"] and atl is None:
        # Ren'Py's `image text` has the centred_text style: the middle of the screen.
        found["transforms"] = [{"name": "truecenter", "args": [], "kwargs": [], "col": 0}]
    return Staging(c.loc(), line.source, "show_text", {
        "image": ["text"], "text": text, "at": _first(found["transforms"]),
        "with_": found["with_"], "transforms": found["transforms"], "atl": atl,
        "behind": found["behind"], "zorder": found["zorder"], "as_": found["as_"],
        **({"layer": found["onlayer"]} if found["onlayer"] not in (None, "master") else {})})


def _hide(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "screen":
        raise c.error("'hide screen' is not supported")
    words = _image_words(c, "the image to hide")
    if not words:
        raise c.error("expected the image to hide")
    found = _clauses(c, ("with", "at"))  # `hide x at T`: Ren'Py reads the transform, unused
    return ast.Hide(c.loc(), line.source, words[0], found["with_"], found["onlayer"])


def renpy_pause(c: Cursor, line: Line) -> ast.Node:
    """`$ renpy.pause(N)` / `$ renpy.pause(N, hard=True)`, the cursor after the name."""
    t = c.toks[1]
    if not c.peek_op("("):
        raise c.error("expected '(' after renpy.pause", hint="$ renpy.pause(1.0)")
    c.i -= 1  # at "pause": parse `pause(...)` as a call
    node = c.expression()
    c.expect_end()
    args, kwargs = node[2], dict(node[3])
    if len(args) > 1 or set(kwargs) - {"hard", "delay"} or (args and "delay" in kwargs):
        raise c.error("renpy.pause takes the seconds and hard=True", t,
                      hint="$ renpy.pause(1.0, hard=True)")
    delay = args[0] if args else kwargs.get("delay")
    hard = kwargs.get("hard", ["lit", False])
    if hard[0] != "lit" or not isinstance(hard[1], bool):
        raise c.error("hard= takes True or False", t)
    return ast.Pause(c.loc(), line.source, delay, hard[1])


HANDLERS = {"scene": _scene, "show": _show, "hide": _hide}
