"""Lint's checks of what Ren'Py's picture and sound statements name beyond files: a
channel the game never registers, and the notes `lint --strict` gives where a construct is
read but not drawn (camera, onlayer, an image's ATL block)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.script.audio_names import BUILTIN_CHANNELS, registered_channels
from engine.script.program import Stmt

if TYPE_CHECKING:
    from engine.lint.core import Linter


def channel_problem(lint: Linter, stmt: Stmt) -> None:
    """`play env "x.ogg"` needs `renpy.music.register_channel("env", ...)` somewhere."""
    channel = stmt.args["channel"]
    if channel in BUILTIN_CHANNELS or channel in registered_channels(lint.program):
        return
    lint.error(stmt, f"unknown channel '{channel}'",
               hint=f'use music, ambient or sound, or register it: $ renpy.music.'
                    f'register_channel("{channel}", "sfx", loop=True)')
