"""Parsers for the statements that stage text, as Ren'Py writes them: `extend "…"`,
`window show|hide|auto [transition]` and `nvl clear|show|hide [transition]` (see
parser.py for the rest; `centered "…"` is a say of the built-in `centered` character).

Their nodes live here, not in ast.py: each is a plain statement the compiler emits as it
is (`kind` and `args`), and what it does at run time is in dialogue.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import ast
from .cursor import Cursor
from .lexer import Line
from .parse_words import say_attribute

WINDOW_WORDS = ("show", "hide", "auto")
NVL_WORDS = ("clear", "show", "hide")


@dataclass(slots=True)
class Staging(ast.Node):
    """A statement that compiles to one program statement of `kind` with `args`."""

    kind: str
    args: dict = field(default_factory=dict)


def _transition(c: Cursor) -> ast.Expr | None:
    if c.at_end():
        return None
    if c.peek_word() == "with":
        c.i += 1  # `window show with dissolve` reads as well as `window show dissolve`
    return c.expression()


def _word(c: Cursor, stmt: str, words: tuple[str, ...], listed: str, hint: str) -> str:
    """The word after `stmt`, one of `words`; else an error naming what it takes."""
    t = c.peek()
    word = c.peek_word()
    if word not in words:
        raise c.error(f"'{stmt}' takes {listed}, not '{t[1]}'" if t is not None
                      else f"'{stmt}' needs {listed} after it", t, hint=hint)
    c.i += 1
    return word


def _window(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    word = _word(c, "window", WINDOW_WORDS, "show, hide or auto",
                 "window show [transition] · window hide [transition] · window auto")
    action = word
    if word == "auto" and c.peek_word() in ("show", "hide"):
        action = c.name("show or hide")  # `window auto hide`: auto, and hide it now
    trans = _transition(c)
    return Staging(c.loc(), line.source, "window",
                   {"mode": word, "action": action, "with_": trans})


def _nvl(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    word = _word(c, "nvl", NVL_WORDS, "clear, show or hide",
                 "nvl clear · nvl show [transition] · nvl hide [transition]; NVL lines come "
                 'from a character: define n = Character("Name", kind=nvl)')
    trans = None
    if word == "clear":
        c.expect_end()
    else:
        trans = _transition(c)
    return Staging(c.loc(), line.source, "nvl", {"action": word, "with_": trans})


def _extend(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    # `extend happy "…"`, `extend @ angry "…"`: attributes for the last speaker's image,
    # as on any say line in Ren'Py.
    attrs: list[str] = []
    while not c.is_string_next() and (w := say_attribute(c)) is not None:
        attrs.append(w)
    if not c.is_string_next():
        raise c.error("'extend' takes the text to add in quotes",
                      hint='e "Hello," then: extend " world."')
    text = c.string("the text to add")
    if c.peek_word() == "with":
        raise c.error("'with' on a say line is not supported",
                      hint="put a 'with' statement on the line before")
    c.expect_end()
    return ast.Say(c.loc(), line.source, "extend", None, c.check_image(attrs), text)


HANDLERS = {"window": _window, "nvl": _nvl, "extend": _extend}
