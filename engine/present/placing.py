"""Where a sprite stands: the one place the renderer asks the ATL evaluator.

`placement_for(sprite, transforms, t, event, marks, start) -> (Placement, finished)`
calls engine.atl's evaluator. A transform that fails at run time (a bad argument from an
edited save, say) falls back to a stand-in that maps the sprite's transforms (or its older
`at`) to Ren'Py's built-in positions and the map's stage marks, still.
"""

from __future__ import annotations

from typing import Any

from engine.atl import BUILTIN_TRANSFORMS, evaluate
from engine.atl.placement import DEFAULT, Placement

Marks = dict[str, tuple[float, float]]


def transform_names(sprite: dict[str, Any]) -> list[str]:
    """The names a sprite is shown `at`, first to last."""
    named = [t.get("name") for t in sprite.get("transforms") or [] if isinstance(t, dict)]
    names = [n for n in named if isinstance(n, str)]
    if not names and sprite.get("at"):
        names = [str(sprite["at"])]
    return names


def _stand_in(sprite: dict[str, Any], transforms: Any, t: float, event: str | None = None,
              marks: Marks | None = None) -> tuple[Placement, bool]:
    """Where a sprite whose transforms fail stands: its built-in positions and stage marks
    only (evaluated by engine.atl like any other), still, so always finished."""
    kept = [n for n in transform_names(sprite)
            if n in BUILTIN_TRANSFORMS or (marks and on_mark(n, marks, transforms))]
    still = {**sprite, "transforms": [{"name": n, "args": {}} for n in kept], "atl": None}
    try:
        return evaluate(still, {}, 0.0, "show", marks=marks)[0], True
    except Exception:  # noqa: BLE001 - nothing left to fall back on but the default
        return DEFAULT, True


def on_mark(name: str, marks: Marks, transforms: Any) -> bool:
    """The program's transforms first, then the map's marks (never "truecenter"), then
    the built-in positions: a map's "left" is where its author wants it."""
    return (name in marks and name != "truecenter"
            and not (isinstance(transforms, dict) and name in transforms))


def placement_for(sprite: dict[str, Any], transforms: Any, t: float,
                  event: str | None = None, marks: Marks | None = None,
                  start: Placement | None = None) -> tuple[Placement, bool]:
    """The sprite's Placement `t` seconds after it was shown (or given new transforms:
    event "replace", moving on from `start`), and whether its motion is over; `marks`:
    the background's stage marks (canvas pixels of a sprite's feet)."""
    return evaluate(sprite, transforms, t, event or "show", start=start, marks=marks)


def stage_placement(sprite: dict[str, Any], transforms: Any, t: float, marks: Marks,
                    event: str | None = None, start: Placement | None = None
                    ) -> tuple[Placement, bool]:
    """placement_for, never failing: a broken transform draws the sprite still, at its
    built-in position or stage mark."""
    try:
        return placement_for(sprite, transforms, t, event, marks, start)
    except Exception:  # noqa: BLE001 - a broken transform must not stop the game
        return _stand_in(sprite, transforms, t, event, marks)


def transforms_of(story: Any) -> Any:
    """The program's transform definitions, wherever the runtime keeps them."""
    for owner in (story, getattr(story, "program", None)):
        table = getattr(owner, "transforms", None)
        if table is not None:
            return table
    return {}


def stand_in(tag: str, key: str, motion: dict[str, Any]) -> dict[str, Any]:
    """A motion that is not a sprite's (a camera's, the scene image's: {"transforms",
    "atl", "seed"}) as a sprite known by `key`, so SpriteTimes times it and the ATL
    evaluator places it as any sprite."""
    return {"tag": tag, "attrs": [], "as": key, "transforms": motion.get("transforms") or [],
            "atl": motion.get("atl"), "seed": motion.get("seed", 0), "at": None}

