"""What the picture-and-sound statements taken from Ren'Py (parse_image.py) do at run
time. `camera [LAYER] [at T, ...] [:ATL]` keeps the layer's camera motion on the stage
(stage_ops.set_camera), bound as a sprite's is; a bare `camera` resets it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from engine.atl.frames import first_frame

from . import events as ev
from .audio_names import audio_value, engine_channel
from .dialogue import speaker_tag
from .expr import ExprError
from .program import Stmt
from .stage_ops import MASTER, key, layer_of, set_camera, untemp
from .steps import HANDLERS as STEPS
from .steps import _change_stage, _interp, _motion, _speaker, goto

if TYPE_CHECKING:
    from .story import Story


def _camera(story: Story, stmt: Stmt) -> ev.Event:
    """A new camera motion starts when the statement runs (the screen times it from its
    StageChange, as a sprite's); `with` after it shows the change as for sprites."""
    refs, atl, seed = _motion(story, stmt)
    motion = {"transforms": refs, "atl": atl, "seed": seed} if refs or atl else None
    stage = set_camera(story.state.stage, stmt.args.get("layer") or MASTER, motion)
    return _change_stage(story, stmt, stage, None)


def _show_text(story: Story, stmt: Stmt) -> ev.Event:
    """`show text "…"`: a sprite tagged `text` that carries its (interpolated) text."""
    text = _interp(story, stmt.args["text"], stmt)
    event = STEPS["show"](story, stmt)
    name, layer = stmt.args["as_"] or "text", stmt.args.get("layer") or MASTER
    for sprite in story.state.stage["sprites"]:
        if key(sprite) == name and layer_of(sprite) == layer:
            sprite["text"] = text  # a new dict of the new stage (stage_ops never edits)
    return event


def _untemp(story: Story, stmt: Stmt) -> None:
    """After `e @ angry "…"`: the speaker's sprite goes back to its attributes."""
    name, char = _speaker(story, stmt.args["who"], None, stmt)
    tag = speaker_tag(story, name, char)
    if tag and (stage := untemp(story.state.stage, tag)) is not None:
        story.state.stage = stage
    goto(story, story.state.pc + 1)


def _show(story: Story, stmt: Stmt) -> ev.Event:
    """show/scene of an image defined with an ATL block: its motion, unless the statement
    brings an ATL block of its own; its frames still play beside that block (the
    statement's block winning what both set), as Ren'Py animates the image inside."""
    a = stmt.args
    if story.image_atl and a["image"]:
        atl = story.image_atl.get(" ".join(a["image"]))
        own = a.get("atl")
        if atl and own:
            atl = [{"op": "parallel", "blocks": [atl, own]}] \
                if first_frame(atl) is not None else None
        if atl:
            stmt = Stmt(stmt.kind, stmt.loc, stmt.source, stmt.label, stmt.occ,
                        {**a, "atl": atl}, stmt.implicit)
    return STEPS[stmt.kind](story, stmt)


HANDLERS = {"camera": _camera, "show_text": _show_text, "untemp": _untemp, "show": _show,
            "scene": _show}


def _play(story: Story, stmt: Stmt) -> ev.Event:
    """play/queue with Ren'Py's audio names and registered channels (audio_names.py);
    the statement as written when it uses neither."""
    a = stmt.args
    files = audio_value(story.constants, _defined(story), a["files"])
    channel = engine_channel(story.program, a["channel"])
    if files is not a["files"] or channel != a["channel"]:
        stmt = Stmt(stmt.kind, stmt.loc, stmt.source, stmt.label, stmt.occ,
                    {**a, "files": files, "channel": channel}, stmt.implicit)
    return STEPS[stmt.kind](story, stmt)


def _stop(story: Story, stmt: Stmt) -> ev.Event:
    channel = engine_channel(story.program, stmt.args["channel"])
    if channel != stmt.args["channel"]:
        stmt = Stmt(stmt.kind, stmt.loc, stmt.source, stmt.label, stmt.occ,
                    {**stmt.args, "channel": channel}, stmt.implicit)
    return STEPS["stop"](story, stmt)


def _defined(story: Story) -> Callable[[str], bool]:
    def defined(name: str) -> bool:
        try:
            story.lookup(name)
        except ExprError:
            return False
        return True
    return defined


HANDLERS.update({"play": _play, "queue": _play, "stop": _stop})
