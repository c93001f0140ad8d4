"""What the picture-and-sound statements taken from Ren'Py (parse_image.py) do at run
time. `camera` moves no picture here (the engine draws one layer): the story goes on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import events as ev
from .stage_ops import key
from .steps import HANDLERS as STEPS
from .steps import _interp, goto

if TYPE_CHECKING:
    from .program import Stmt
    from .story import Story


def _camera(story: Story, stmt: Stmt) -> None:
    goto(story, story.state.pc + 1)


def _show_text(story: Story, stmt: Stmt) -> ev.Event:
    """`show text "…"`: a sprite tagged `text` that carries its (interpolated) text."""
    text = _interp(story, stmt.args["text"], stmt)
    event = STEPS["show"](story, stmt)
    name = stmt.args["as_"] or "text"
    for sprite in story.state.stage["sprites"]:
        if key(sprite) == name:
            sprite["text"] = text  # a new dict of the new stage (stage_ops never edits)
    return event


HANDLERS = {"camera": _camera, "show_text": _show_text}
