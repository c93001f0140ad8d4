"""Parsers for the statements that change what is seen and heard: with, pause, play, queue
and stop (scene, show and hide are in parse_show.py; see parser.py for the rest)."""

from __future__ import annotations

from . import ast
from .cursor import Cursor
from .lexer import Line

# `ambient` is the looping channel a Ren'Py game registers for ambience
# (renpy.music.register_channel("ambient", "sfx", loop=True)); here it is built in.
CHANNELS = {"music": "music", "sound": "sound", "audio": "sound", "voice": "sound",
            "ambient": "ambient"}


def _with(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    return ast.With(c.loc(), line.source, c.expression())



def _pause(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    expr = None if c.at_end() else c.expression()
    return ast.Pause(c.loc(), line.source, expr)


def _channel(c: Cursor) -> str:
    """The channel: one of CHANNELS, or a game's own (lint checks it is registered, see
    audio_names.py)."""
    name = c.name("a channel (music, ambient or sound)")
    return CHANNELS.get(name, name)


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
    "with": _with, "pause": _pause,
    "play": _play, "queue": _queue, "stop": _stop,
}
