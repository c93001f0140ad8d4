"""ATL, Ren'Py's animation and transformation language, as declarative data (no pygame).

The story runtime keeps, for each sprite on stage, the transforms it is shown `at` (by
name, with literal arguments) and any inline ATL block, compiled to plain data. The
evaluator here turns those, and the time since the sprite was shown, into a Placement:
where and how the renderer draws the sprite. See placement.py for the contract.

    placement, finished = evaluate(sprite, story.transforms, t)   # each frame
    placement = final(sprite, story.transforms)                   # after loading a save
    transition_spec("moveinleft")                                 # {"kind": ..., ...}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .builtins import BUILTIN_TRANSFORMS
from .evaluate import INF, Marks, lookup_transform, run
from .placement import DEFAULT, Placement, canvas_xy, sprite_key
from .properties import PROPERTIES, to_placement
from .transitions import TRANSITIONS, transition_spec
from .warpers import WARPERS

__all__ = ["BUILTIN_TRANSFORMS", "DEFAULT", "PROPERTIES", "TRANSITIONS", "WARPERS",
           "Placement", "canvas_xy", "duration", "evaluate", "final", "lookup_transform",
           "mark_name", "restarts", "sprite_key", "transition_spec"]


def evaluate(sprite: Mapping[str, Any], transforms: Mapping[str, dict], t: float,
             event: str = "show", start: Placement | None = None,
             marks: Marks | None = None) -> tuple[Placement, bool]:
    """The sprite's Placement `t` seconds after it got its transforms, and whether its
    motion is over (nothing will change after t: stop animating it); the Placement's
    `child` is the picture the ATL set, if it set one.

    `transforms` is the program's table (Story.transforms); built-ins are added here.
    `event` is "show" for a sprite newly shown, "replace" when its transforms replaced
    others on a sprite already shown (pass `start`, where it was, so it moves from
    there), "hide" for a sprite being hidden: then only its `on hide` handlers run, from
    `start`, and `finished` says when to remove it. `marks` maps stage-mark names to
    canvas pixels (x, y) where the sprite's bottom centre stands."""
    state, done = run(sprite, transforms, max(0.0, t), event, start, marks)
    p = to_placement(state)
    return p, done is not None and p.child_prev is None  # a cross-fade still runs


def final(sprite: Mapping[str, Any], transforms: Mapping[str, dict],
          marks: Marks | None = None) -> Placement:
    """Where the sprite ends up: the end of a finite animation (what a save restores, as
    the animation is not replayed); for one that repeats for ever, its start (t = 0)."""
    state, done = run(sprite, transforms, INF, "show", None, marks)
    if done is None:
        state, _ = run(sprite, transforms, 0.0, "show", None, marks)
    return to_placement(state)


def duration(sprite: Mapping[str, Any], transforms: Mapping[str, dict],
             event: str = "show") -> float | None:
    """Seconds until the motion is over, or None when it repeats for ever (an `on` that
    waits for events counts as over when its handler is)."""
    _, done = run(sprite, transforms, INF, event)
    return None if done is None else float(done)


def mark_name(sprite: Mapping[str, Any], transforms: Mapping[str, dict]) -> str | None:
    """The last of the sprite's transform names that is neither the program's nor a
    built-in: a stage mark of the map, for the renderer to resolve (or warn about)."""
    names = [r["name"] for r in sprite.get("transforms") or []] or \
        ([sprite["at"]] if sprite.get("at") else [])
    unknown = [n for n in names if lookup_transform(n, transforms) is None]
    return unknown[-1] if unknown else None


def restarts(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> bool:
    """Whether the sprite's motion starts again (its clock goes back to 0) when `new`
    replaces `old` on stage: only when its transforms or its ATL changed, not when only
    its attributes (the picture) did, as in Ren'Py."""
    if old is None:
        return True
    return (old.get("transforms"), old.get("atl"), old.get("at")) != \
        (new.get("transforms"), new.get("atl"), new.get("at"))
