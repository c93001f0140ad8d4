"""`layeredimage`, Ren'Py's sprite made of layers chosen by attributes, read as data:

    layeredimage eileen:
        always:
            "eileen_base.png"
        group outfit:
            attribute dress default
            attribute jeans "eileen_jeans.png"
        group face:
            attribute happy default
            attribute sad
        attribute glasses if_not ["sad"]

An attribute without a picture is the image named `eileen_outfit_dress` (without a
group: `eileen_glasses`), found as any image is (engine/layered.py). Conditions on
attributes (if_any, if_all, if_not) are kept; `if`/`elif`/`else` on the story's variables
are condition groups (parse_conds.py). Properties and `at` on the image are read and not
used.

The spec is plain data: {"layers": [{"group", "attr", "file", "default", "if_any",
"if_all", "if_not"} or {…, "cond": k}], "multiple": [group, ...], "conds": [[branch, …]]}.
"""

from __future__ import annotations

from typing import Any

from engine.atl.properties import PROPERTIES

from . import ast
from .cursor import Cursor
from .lexer import Line
from .parse_atl import _tokenized
from .parse_conds import branch
from .parse_words import image_word

_CONDITIONS = ("if_any", "if_all", "if_not")


def _tokens(line: Line, file: str) -> Line:
    """`attribute jeans "jeans.png"` looks like a say to the lexer's fast path."""
    if line.say is not None and line.say[0]:
        return _tokenized(line, file)
    return line


def _picture(line: Line, file: str) -> str:
    """The one picture a block holds: a string line."""
    for child in line.children:
        if child.say is not None and not child.say[0]:
            return child.say[1]
        if child.tokens and child.tokens[0][0] == "str":
            return child.tokens[0][1]  # type: ignore[return-value]
    raise Cursor(line, file).error("this block names no picture", hint='"eileen_base.png"')


def _words(c: Cursor) -> list[str]:
    """`["a", "b"]` or `"a"` after a condition keyword."""
    node = c.expression(stop_words=_CONDITIONS + ("default", "null"), stop_ops=(":",))
    items = node[1] if node[0] == "list" else [node]
    if not all(i[0] == "lit" and isinstance(i[1], str) for i in items):
        raise c.error("a condition takes attribute names in quotes: if_not [\"sad\"]")
    return [i[1] for i in items]


def _attribute(c: Cursor, line: Line, file: str, group: str | None) -> dict[str, Any]:
    name = image_word(c)
    if name is None:
        raise c.error("expected an attribute name")
    layer: dict[str, Any] = {"group": group, "attr": name, "file": None, "default": False,
                             "if_any": [], "if_all": [], "if_not": []}
    while not c.at_end() and not (c.peek_op(":") and c.i == len(c.toks) - 1):
        w = c.peek_word()
        if w in ("default", "null"):
            c.i += 1
            layer["default"] = layer["default"] or w == "default"
            layer["file"] = "" if w == "null" else layer["file"]
        elif w in _CONDITIONS:
            c.i += 1
            layer[w] = _words(c)
        elif c.is_string_next():
            layer["file"] = c.string("a picture")
        else:
            t = c.peek()
            raise c.error(f"unexpected '{t[1]}'" if t else "unexpected text",
                          hint="attribute NAME [default] [\"file.png\"] [if_not [\"x\"]]")
    if c.peek_op(":"):
        c.expect_colon_end()
        layer["file"] = _picture(line, file)
    return layer


def _group(c: Cursor, line: Line, file: str, spec: dict) -> None:
    group = c.name("a group name")
    multiple = False
    while not c.at_end() and not c.peek_op(":"):
        w = c.name("multiple, auto or prefix")
        if w == "multiple":
            multiple = True
        elif w in ("prefix", "variant"):
            c.name(f"a {w}")
        elif w != "auto":
            raise c.error(f"'{w}' is not supported in a group", c.toks[c.i - 1])
    if multiple:
        spec["multiple"].append(group)
    if c.peek_op(":"):
        c.expect_colon_end()
        for child in line.children:
            child = _tokens(child, file)
            cc = Cursor(child, file)
            if cc.peek_word() != "attribute":
                raise cc.error("a group holds 'attribute' lines")
            cc.i = 1
            spec["layers"].append(_attribute(cc, child, file, group))


def _layeredimage(c: Cursor, line: Line, file: str) -> ast.Node:
    words = []
    while (w := image_word(c)) is not None:
        words.append(w)
    if not words:
        raise c.error("expected the image's name")
    c.check_image(words)
    c.expect_colon_end()
    spec: dict[str, Any] = {"layers": [], "multiple": [], "conds": []}
    last = None  # the keyword of the line before: an elif or else continues an if
    for child in line.children:
        child = _tokens(child, file)
        cc = Cursor(child, file)
        word = cc.peek_word()
        cc.i = 1
        if word == "always":
            pic = cc.string("a picture") if cc.is_string_next() else None
            if pic is None:
                cc.expect_colon_end()
                pic = _picture(child, file)
            spec["layers"].append({"group": None, "attr": None, "file": pic,
                                   "default": True, "if_any": [], "if_all": [],
                                   "if_not": []})
        elif word == "group":
            _group(cc, child, file, spec)
        elif word == "attribute":
            spec["layers"].append(_attribute(cc, child, file, None))
        elif word in ("if", "elif", "else"):
            branch(cc, child, file, spec, last)
        elif word == "at" or word in PROPERTIES:
            pass  # placement of the whole image: read, not used
        else:
            raise cc.error("expected always, group, attribute or if", child.tokens[0]
                           if child.tokens else None)
        last = word
    return LayeredImage(c.loc(), line.source, words, spec)


class LayeredImage(ast.Image):
    """An `image` whose value is a layered spec rather than an expression."""

    __slots__ = ()


HANDLERS = {"layeredimage": _layeredimage}
