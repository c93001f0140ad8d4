"""Ren'Py's names for sounds, read without running code:

- `define audio.rain = "sfx/rain.ogg"` then `play sound rain`;
- a bare name with no definition is a file of the audio folder by its stem
  (`play music calm` plays assets/audio/calm.ogg, or .opus/.mp3/.wav, see engine/stage.py);
- channels beyond music, sound, voice, audio and ambient exist once the game registers them
  with `renpy.music.register_channel("env", "sfx", loop=True)` (parse_code makes each such
  call a statement carrying the channel, wherever it stands): a looping one plays on the
  ambient channel, any other on the sound channel.
"""

from __future__ import annotations

import weakref
from typing import Any

from .program import Program

BUILTIN_CHANNELS = ("music", "sound", "ambient")
# By the program's id, with a weak reference to tell a reused id (a Program is unhashable).
_tables: dict[int, tuple[weakref.ref, dict[str, bool]]] = {}


def registered_channels(program: Program) -> dict[str, bool]:
    """The channels the game registers, each with whether it loops."""
    found = _tables.get(id(program))
    if found is not None and found[0]() is program:
        return found[1]
    table = {s.args["channel"]: s.args["loop"] for s in program.statements
             if s.kind == "pass" and "channel" in s.args}
    if len(_tables) > 64:  # programs come and go (tests, reloads): keep the cache small
        _tables.clear()
    _tables[id(program)] = (weakref.ref(program), table)
    return table


def engine_channel(program: Program, channel: str) -> str:
    """The engine channel a script's channel plays on."""
    if channel in BUILTIN_CHANNELS:
        return channel
    return "ambient" if registered_channels(program).get(channel) else "sound"


def audio_value(constants: dict[str, Any], defined: Any, expr: list) -> list:
    """The files expression of a play/queue with Ren'Py's audio names resolved: an
    `audio.NAME` definition, else the name's own value when `defined(name)`, else the
    name as a file stem."""
    if expr[0] == "list":
        items = [audio_value(constants, defined, e) for e in expr[1]]
        if any(new is not old for new, old in zip(items, expr[1], strict=True)):
            return ["list", items]
        return expr
    if expr[0] != "name":
        return expr
    name = expr[1]
    value = constants.get(f"audio.{name}")
    if value is not None:
        return ["lit", value]
    if defined(name):
        return expr
    return ["lit", name]
