"""What the picture-and-sound statements taken from Ren'Py (parse_image.py) do at run
time. `camera` moves no picture here (the engine draws one layer): the story goes on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .steps import goto

if TYPE_CHECKING:
    from .program import Stmt
    from .story import Story


def _camera(story: Story, stmt: Stmt) -> None:
    goto(story, story.state.pc + 1)


HANDLERS = {"camera": _camera}
