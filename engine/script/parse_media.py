"""Parsers for the statements that change what is seen and heard: scene, show, hide, with,
pause, play, queue and stop (see parser.py for the rest)."""

from __future__ import annotations

from . import ast
from .cursor import Cursor
from .lexer import Line

CHANNELS = {"music": "music", "sound": "sound", "audio": "sound", "voice": "sound"}
_IMAGE_CLAUSES = ("at", "with", "as", "behind", "onlayer", "zorder")


def _image_words(c: Cursor, what: str) -> list[str]:
    words = []
    while (w := c.peek_word()) is not None and w not in _IMAGE_CLAUSES:
        words.append(c.name(what))
    return words


def _clauses(c: Cursor, allow_at: bool) -> tuple[str | None, ast.Expr | None]:
    at = None
    with_ = None
    while not c.at_end():
        w = c.peek_word()
        if w == "at" and allow_at:
            c.i += 1
            at = c.name("a position (left, center, right, truecenter or a stage mark)")
            if c.peek_op("(") or c.peek_op(","):
                raise c.error("only one named position is supported after 'at' "
                              "(transforms are not)")
        elif w == "with":
            c.i += 1
            with_ = c.expression()
        elif w in ("as", "behind", "onlayer", "zorder"):
            raise c.error(f"'{w}' is not supported in this statement")
        else:
            t = c.peek()
            raise c.error(f"unexpected '{t[1]}'" if t else "unexpected text")
    return at, with_


def _no_atl(c: Cursor, what: str) -> None:
    if c.toks and c.toks[-1][0] == "op" and c.toks[-1][1] == ":":
        raise c.error(f"ATL blocks on '{what}' are not supported: use a position after "
                      "'at' and a transition after 'with'", c.toks[-1])


def _scene(c: Cursor, line: Line, file: str) -> ast.Node:
    _no_atl(c, "scene")
    if c.peek_word() == "expression":
        raise c.error("'scene expression' is not supported: name the image")
    words = _image_words(c, "an image name")
    at, with_ = _clauses(c, allow_at=True)
    return ast.Scene(c.loc(), line.source, words or None, at, with_)


def _show(c: Cursor, line: Line, file: str) -> ast.Node:
    _no_atl(c, "show")
    w = c.peek_word()
    if w == "screen":
        raise c.error("'show screen' is not supported: the engine draws its own screens")
    if w == "expression":
        raise c.error("'show expression' is not supported: name the image")
    words = _image_words(c, "an image name")
    if not words:
        raise c.error("expected the image to show")
    at, with_ = _clauses(c, allow_at=True)
    return ast.Show(c.loc(), line.source, words, at, with_)


def _hide(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "screen":
        raise c.error("'hide screen' is not supported")
    words = _image_words(c, "the image to hide")
    if not words:
        raise c.error("expected the image to hide")
    _, with_ = _clauses(c, allow_at=False)
    return ast.Hide(c.loc(), line.source, words[0], with_)


def _with(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    return ast.With(c.loc(), line.source, c.expression())



def _pause(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    expr = None if c.at_end() else c.expression()
    return ast.Pause(c.loc(), line.source, expr)


def _channel(c: Cursor) -> str:
    t = c.peek()
    name = c.name("a channel (music or sound)")
    if name not in CHANNELS:
        raise c.error(f"unknown channel '{name}'", t, hint="use music or sound")
    return CHANNELS[name]


def _play(c: Cursor, line: Line, file: str, action: str = "play") -> ast.Node:
    c.no_block()
    channel = _channel(c)
    files = c.expression(stop_words=("fadein", "fadeout", "loop", "noloop", "volume",
                                     "if_changed"))
    fadein = fadeout = None
    loop: bool | None = None
    while not c.at_end():
        w = c.peek_word()
        if w in ("fadein", "fadeout", "volume"):
            c.i += 1
            value = c.expression(stop_words=("fadein", "fadeout", "loop", "noloop", "volume",
                                             "if_changed"))
            if w == "fadein":
                fadein = value
            elif w == "fadeout":
                fadeout = value
        elif w in ("loop", "noloop"):
            c.i += 1
            loop = w == "loop"
        elif w == "if_changed":
            c.i += 1
        else:
            t = c.peek()
            raise c.error(f"unexpected '{t[1]}'" if t else "unexpected text",
                          hint="play CHANNEL \"file.ogg\" [fadein S] [fadeout S] [loop|noloop]")
    return ast.Play(c.loc(), line.source, action, channel, files, fadein, fadeout, loop)


def _queue(c: Cursor, line: Line, file: str) -> ast.Node:
    return _play(c, line, file, action="queue")


def _stop(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    channel = _channel(c)
    fadeout = None
    if c.peek_word() == "fadeout":
        c.i += 1
        fadeout = c.expression()
    c.expect_end()
    return ast.Stop(c.loc(), line.source, channel, fadeout)



HANDLERS = {
    "scene": _scene, "show": _show, "hide": _hide, "with": _with, "pause": _pause,
    "play": _play, "queue": _queue, "stop": _stop,
}
