"""Pictures chosen by the story's variables (engine/script/parse_conds.py), chosen as Ren'Py
chooses them: at each interaction. Before the story hands out an event (a line, a menu, a
pause, a change of the stage), each shown sprite with condition groups gets the branch
each group draws now, kept on the sprite as "conds": [index, ...] (-1: no branch holds),
and a scene image's (`image bg street = ConditionSwitch(…)`) on the stage as
"scene_conds": plain data that saves and rollback carry. So `$ mood = "sad"` changes the
picture at the next line, and a step back shows the picture of the line stepped back to.

A stage is never changed in place: a new one is built only when a choice changed. A game
without conditional pictures never comes here (Story checks its table once per event).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import events as ev
from .errors import Loc, ScriptError
from .expr import ExprError, evaluate
from .program import Program
from .state import Stage

if TYPE_CHECKING:
    from .story import Story

# image name -> (its condition groups, the file that defines it)
Table = dict[str, tuple[list[list[dict[str, Any]]], str]]


def table(program: Program) -> Table:
    """The images with condition groups, by name."""
    return {i.name: (i.expr["conds"], i.loc.file) for i in program.inits  # type: ignore[index]
            if i.kind == "layeredimage" and i.expr.get("conds")}  # type: ignore[union-attr]


def at_interaction(story: Story, event: ev.Event) -> ev.Event:
    """The event with the stage's pictures chosen afresh (the story's stage too)."""
    st = story.state
    stage = refresh(story, st.stage)
    if stage is st.stage:
        return event
    st.stage = stage
    if isinstance(event, ev.StageChange):
        event = replace(event, stage=stage)
    return event


def refresh(story: Story, stage: Stage) -> Stage:
    """`stage` with each conditional sprite's choices as the variables make them now; the
    same stage when none changed."""
    images = story.cond_images
    stage = _scene(story, stage, images)
    sprites = stage["sprites"]
    new: list[dict[str, Any]] | None = None
    for i, sprite in enumerate(sprites):
        name = sprite["tag"]
        if name not in images:
            name = " ".join([name, *sprite["attrs"]])
            if name not in images:
                continue
        picks = _picks(story, name, images)
        if sprite.get("conds") != picks:
            if new is None:
                new = list(sprites)
            new[i] = {**sprite, "conds": picks}
    return stage if new is None else {**stage, "sprites": new}


def _scene(story: Story, stage: Stage, images: Table) -> Stage:
    """`stage` with its scene's choice (`image bg street = ConditionSwitch(…)`) kept as
    "scene_conds", or without one when its scene has no conditions (a choice left over
    from the scene before)."""
    scene = stage.get("scene")
    name = " ".join(scene) if scene else None
    if name is None or name not in images:
        if stage.get("scene_conds") is None:
            return stage
        return {k: v for k, v in stage.items() if k != "scene_conds"}
    picks = _picks(story, name, images)
    return stage if stage.get("scene_conds") == picks else {**stage, "scene_conds": picks}


def _picks(story: Story, name: str, images: Table) -> list[int]:
    """The branch each of image `name`'s condition groups draws now."""
    groups, file = images[name]
    return [choose(story, name, branches, file) for branches in groups]


def choose(story: Story, name: str, branches: list[dict[str, Any]], file: str) -> int:
    """The first branch whose condition holds (an else always does); -1 for none."""
    for n, branch in enumerate(branches):
        cond = branch["if"]
        if cond is None:
            return n
        try:
            if evaluate(cond, story.lookup):
                return n
        except ExprError as exc:
            raise ScriptError(Loc(file, branch["line"], branch["col"]),
                              f"image '{name}': {exc}", branch["src"], hint=exc.hint) from None
    return -1
