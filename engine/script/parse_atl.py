"""Parses ATL, Ren'Py's animation and transformation language, into plain data: the
`transform NAME(params):` statement and the blocks after `show ...:` / `scene ...:`.

A compiled ATL block is a list of statement dicts, each with its "line", "col" and source
line "src" (for errors), by "op":

    set       props: [[name, expr, col], ...]            xalign 0.5 yalign 1.0
    interp    warper, duration: expr, props, to: use|None linear 1.0 xalign 1.0
    pause     duration: expr                              pause 0.5
    repeat    count: expr | None                          repeat / repeat 3
    block     body: block                                 block:
    parallel  blocks: [block, ...]                        parallel: (consecutive ones)
    choice    options: [[weight expr | None, block], ...] choice: / choice 2.0:
    on        handlers: [[[event, ...], block], ...]      on show: / on hide, replace:
    use       name, args: [expr], kwargs: [[k, expr]]     left / slide(0.2) (include)
    child     image: str, trans: expr | None               "b.png" / Solid("#fff") with dissolve

A `child` sets the picture drawn from then on (frame-by-frame animation with pause and
repeat, as in Ren'Py); its image is what the stage keeps for an image: a file name,
"#rrggbb" (Solid), or an image name to resolve. `trans` (after `with`) cross-fades from
the picture before it; the statement itself takes no time.

Expressions are the scene language's (expr_syntax), so ATL runs no code either.
"""

from __future__ import annotations

import re
from typing import Any

from engine.atl.properties import PROPERTIES
from engine.atl.warpers import WARPERS

from . import ast
from .cursor import Cursor
from .errors import did_you_mean
from .expr_syntax import ExprError, expr_error, parse_expression
from .lexer import Line, _tokenize

_KEYWORDS = frozenset({"pause", "repeat", "block", "parallel", "choice", "on"})
_STOP_WORDS = tuple(sorted(PROPERTIES | set(WARPERS) | _KEYWORDS))
_BLOCK_WARPERS = frozenset(WARPERS) - {"pause"}
UNSUPPORTED_ATL = {
    "function": "'function' statements in ATL are not supported: scene files cannot run "
                "Python; use properties, warpers and transforms",
    "contains": "'contains' in ATL is not supported: show each image as its own sprite",
    "animation": "'animation' in ATL is not supported",
    "time": "'time' in ATL is not supported: use pause and parallel",
    "event": "'event' in ATL is not supported",
    "warp": "'warp' (a warper function) is not supported: use a named warper such as "
            "linear, ease, easein or easeout",
    "knot": "'knot' (spline motion) is not supported",
    "around": "'around' (circular motion) is not supported",
    "alignaround": "'alignaround' (circular motion) is not supported",
    "clockwise": "circular motion is not supported",
    "counterclockwise": "circular motion is not supported",
    "circles": "circular motion is not supported",
}


def transform_statement(c: Cursor, line: Line, file: str) -> ast.Node:
    """`transform NAME:` or `transform NAME(a, b=1):` followed by an ATL block."""
    name = c.name("a transform name")
    if c.peek_op("."):
        raise c.error("dotted transform names are not supported: use a plain name")
    params: list[str] = []
    defaults: dict[str, list] = {}
    if c.peek_op("("):
        params, defaults = c.parameters()
    c.expect_colon_end()
    return ast.Transform(c.loc(), line.source, name, params, defaults,
                         parse_block(line.children, file))


def _expr(c: Cursor) -> list:
    """An ATL value: the longest expression before the next property, keyword, ',' or
    ':' (so `linear 2.0 right` reads 2.0, then the transform name)."""
    stop = c.find_stop(_STOP_WORDS, (",", ":"))
    if stop == c.i:
        raise c.error("expected a value")
    try:
        node, end = parse_expression(c.toks, c.i, stop, whole=False)
    except ExprError as exc:
        raise expr_error(exc, c.loc(), c.line.source) from None
    c.i = end
    return node


def parse_block(lines: list[Line], file: str) -> list[dict]:
    """The ATL statements of a block's lines."""
    out: list[dict] = []
    for line in lines:
        if line.say is not None:  # `xalign "x"` looks like a say to the lexer's fast path
            line = _tokenized(line, file)
        c = Cursor(line, file)
        if c.is_string_next() or c.peek_word() in CHILD_CALLS and c._is(c.i + 1, "op", "("):
            out.append(_child(c, line))
            if c.at_end():
                continue
        word = c.peek_word()
        if c.toks[-1][0] == "op" and c.toks[-1][1] == ":" and word not in _BLOCK_WARPERS:
            _complex(c, line, file, out)
        else:
            out.extend(_simple_line(c, line, file))
    return out


class _OneLine:
    def __init__(self, source: str) -> None:
        self.source = source

    def __getitem__(self, index: int) -> str:
        return self.source


def _tokenized(line: Line, file: str) -> Line:
    # The tokenizer reads only this line's source (for an error); a list as long as the
    # file for each such line would make a long file's ATL quadratic.
    sources = _OneLine(line.source)
    tokens, _, _ = _tokenize(line.source, file, line.lineno, sources)  # type: ignore[arg-type]
    return Line(line.indent, line.lineno, line.source, tokens, line.children)


def _loc(c: Cursor, line: Line, tok_index: int | None = None) -> dict[str, Any]:
    t = c.toks[c.i if tok_index is None else tok_index]
    return {"line": t[2], "col": t[3], "src": line.source}


def _complex(c: Cursor, line: Line, file: str, out: list[dict]) -> None:
    word = c.peek_word()
    loc = _loc(c, line)
    if word in UNSUPPORTED_ATL:
        raise c.error(UNSUPPORTED_ATL[word])
    if word not in ("block", "parallel", "choice", "on"):
        raise c.error("expected an ATL statement: block, parallel, choice, on or a warper "
                      "followed by ':'", hint=did_you_mean(word or "", ("block", "parallel",
                                                                         "choice", "on",
                                                                         *_BLOCK_WARPERS)))
    c.i += 1
    body = parse_block(line.children, file)
    prev = out[-1] if out else None
    if word == "block":
        c.expect_colon_end()
        out.append({"op": "block", "body": body, **loc})
    elif word == "parallel":
        c.expect_colon_end()
        if prev and prev["op"] == "parallel" and not prev.get("closed"):
            prev["blocks"].append(body)
        else:
            out.append({"op": "parallel", "blocks": [body], **loc})
    elif word == "choice":
        weight = None if c.peek_op(":") else c.expression(stop_ops=(":",))
        c.expect_colon_end()
        if prev and prev["op"] == "choice":
            prev["options"].append([weight, body])
        else:
            out.append({"op": "choice", "options": [[weight, body]], **loc})
    else:
        events = [c.name("an event name (show, hide, replace, start, default)")]
        while c.peek_op(","):
            c.i += 1
            events.append(c.name("an event name"))
        c.expect_colon_end()
        if prev and prev["op"] == "on":
            prev["handlers"].append([events, body])
        else:
            out.append({"op": "on", "handlers": [[events, body]], **loc})


CHILD_CALLS = ("Solid",)
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def solid_colour(value: str) -> str | None:
    """A colour as the stage keeps it ("#rrggbb" or "#rrggbbaa", lower case), or None
    when `value` is no colour; "#fff" is "#ffffff", as Ren'Py reads it."""
    if not _COLOUR.match(value):
        return None
    digits = value[1:].lower()
    return "#" + ("".join(d * 2 for d in digits) if len(digits) < 6 else digits)


def _child(c: Cursor, line: Line) -> dict:
    """A displayable on its own: "file.png", "image name" or Solid("#rrggbb"), maybe
    `with` a transition."""
    loc = _loc(c, line)
    t = c.peek()
    node = c.expression(stop_words=("with",), stop_ops=(",",))
    if node[0] == "lit" and isinstance(node[1], str):
        if not node[1].strip():
            raise c.error("a picture in an ATL block needs a file or image name", t)
        image = node[1]
    elif node[0] == "call" and node[1] in CHILD_CALLS:
        args = node[2]
        if len(args) != 1 or node[3] or args[0][0] != "lit" or not isinstance(args[0][1], str):
            raise c.error(f"{node[1]}() takes one colour in quotes, like "
                          f"{node[1]}(\"#ffffff\")", t)
        colour = solid_colour(args[0][1])
        if colour is None:
            raise c.error(f"Solid() takes a colour like \"#1a2b3c\", not {args[0][1]!r}", t)
        image = colour
    else:
        raise c.error("a picture in an ATL block is a file or image name in quotes, or "
                      "Solid(\"#rrggbb\")", t)
    trans = None
    if c.peek_word() == "with":
        c.i += 1
        if c.at_end() or c.peek_op(","):
            raise c.error("expected a transition after 'with'", hint='"b.png" with dissolve')
        trans = c.expression(stop_ops=(",",))
    return {"op": "child", "image": image, "trans": trans, **loc}


def _props(c: Cursor, line: Line) -> list[list]:
    """Properties with their values, up to the line's end or the next statement."""
    props: list[list] = []
    while (w := c.peek_word()) in PROPERTIES:
        col = c.peek()[3]  # type: ignore[index]
        c.i += 1
        props.append([w, _expr(c), col])
    return props


def _simple_line(c: Cursor, line: Line, file: str) -> list[dict]:
    out: list[dict] = []
    while not c.at_end():
        if c.peek_op(","):
            c.i += 1
            continue
        t = c.peek()
        word = c.peek_word()
        loc = _loc(c, line)
        if word in PROPERTIES:
            out.append({"op": "set", "props": _props(c, line), **loc})
        elif word == "pause":
            c.i += 1
            out.append({"op": "pause", "duration": _expr(c), **loc})
        elif word == "repeat":
            c.i += 1
            count = None if c.at_end() or c.peek_op(",") else _expr(c)
            out.append({"op": "repeat", "count": count, **loc})
        elif word in _BLOCK_WARPERS:
            out.append(_interp(c, line, file, loc))
        elif word in UNSUPPORTED_ATL:
            raise c.error(UNSUPPORTED_ATL[word])
        elif word in ("block", "parallel", "choice", "on"):
            raise c.error(f"'{word}' needs ':' and an indented block")
        elif word is not None:
            out.append(_use_or_unknown(c, loc))
        else:
            raise c.error(f"unexpected '{t[1]}' in an ATL block" if t else "unexpected text")
    return out


def _interp(c: Cursor, line: Line, file: str, loc: dict) -> dict:
    warper = c.name("a warper")
    duration = _expr(c)
    props = _props(c, line)
    to = None
    if (w := c.peek_word()) is not None and w not in _STOP_WORDS:
        to = _use_or_unknown(c, _loc(c, line))
        props += _props(c, line)
    if c.peek_op(":"):
        c.expect_colon_end()
        for child in line.children:
            cc = Cursor(child, file)
            if child.say is not None or cc.peek_word() not in PROPERTIES:
                bad = cc.peek_word()
                raise cc.error(f"unknown ATL property '{bad}'" if bad else
                               "expected a property and its value",
                               hint=did_you_mean(bad, PROPERTIES) if bad else None)
            props += _props(cc, child)
            cc.expect_end()
    return {"op": "interp", "warper": warper, "duration": duration, "props": props,
            "to": to, **loc}


def _use_or_unknown(c: Cursor, loc: dict) -> dict:
    """A transform name (maybe called with arguments), or a misspelt property/warper."""
    t = c.peek()
    word = c.name("an ATL statement")
    nxt = c.peek()
    if nxt is not None and not (nxt[0] == "op" and nxt[1] in ("(", ",")):
        later = any(tok[0] == "name" and tok[1] in PROPERTIES for tok in c.toks[c.i:])
        if later or (did_you_mean(word, WARPERS) and not did_you_mean(word, PROPERTIES)):
            raise c.error(f"unknown warper '{word}'", t,
                          hint=did_you_mean(word, _BLOCK_WARPERS))
        raise c.error(f"unknown ATL property '{word}'", t, hint=did_you_mean(word, PROPERTIES))
    args: list = []
    kwargs: list = []
    if nxt is not None and nxt[1] == "(":
        c.i -= 1
        node = _expr(c)
        if node[0] != "call":
            raise c.error("expected a transform name", t)
        args, kwargs = node[2], node[3]
    return {"op": "use", "name": word, "args": args, "kwargs": kwargs, **loc}


def transform_ref(c: Cursor, stop_words: tuple[str, ...]) -> dict:
    """One item of an `at` list: NAME or NAME(args), with its column."""
    t = c.peek()
    if t is None or t[0] != "name":
        raise c.error("expected a transform name after 'at'")
    node = c.expression(stop_words=stop_words, stop_ops=(",", ":"))
    if node[0] == "name":
        return {"name": node[1], "args": [], "kwargs": [], "col": t[3]}
    if node[0] == "call":
        return {"name": node[1], "args": node[2], "kwargs": node[3], "col": t[3]}
    raise c.error("expected a transform name, or one called with arguments", t)
