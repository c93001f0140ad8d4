"""Lint's checks of what Ren'Py's picture and sound statements name beyond files: a
channel the game never registers, and the notes `lint --strict` gives where a construct is
read but not drawn (camera, onlayer, an image's ATL block)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.layered import chosen, layer_files, picture_path
from engine.script.audio_names import BUILTIN_CHANNELS, registered_channels
from engine.script.program import Stmt
from engine.stage import unusable_reason, usable

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


def layered_sprite(lint: Linter, tag: str, attrs: list[str], stmt: Stmt) -> bool:
    """`show eileen happy` of a layeredimage: its attributes exist and its layers' files
    are found. False when `tag` is not a layered image."""
    spec = lint.story.layered.get(tag) if lint.story else None
    if spec is None:
        return False
    _, unknown = chosen(spec, attrs)
    for attr in unknown:
        lint.error(stmt, f"layered image '{tag}' has no attribute '{attr}'")
    for file in layer_files(tag, spec, attrs):
        path = picture_path(lint.game, file, lint.images)
        if not usable(lint.game, path):
            shown = path.relative_to(lint.game) if path.is_relative_to(lint.game) else path
            lint.error(stmt, f"image '{' '.join([tag, *attrs])}': layer '{file}' "
                       f"{unusable_reason(lint.game, path)} (looked for {shown})")
    return True
