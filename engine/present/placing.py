"""Where a sprite stands: the one place the renderer asks the ATL evaluator.

`placement_for(sprite, transforms, t, event) -> (Placement, finished)` is engine.atl's
evaluator when it has one. Until it lands, a stand-in maps the sprite's transforms (or its
older `at`) to Ren'Py's built-in positions, still and finished. Switching to the real
evaluator is the import below, nothing else.

Stage marks from a Tiled map (`show sakura at well`) are the renderer's business, not
ATL's: `stage_placement` puts the sprite's feet on the mark, whatever the transforms say.
"""

from __future__ import annotations

from typing import Any

from engine.atl.placement import DEFAULT, Placement

POS = tuple[float, float, float, float]  # xpos, xanchor, ypos, yanchor

# Ren'Py's built-in positions (renpy/common/00definitions.rpy).
BUILTIN: dict[str, POS] = {
    "left": (0.0, 0.0, 1.0, 1.0), "right": (1.0, 1.0, 1.0, 1.0),
    "center": (0.5, 0.5, 1.0, 1.0), "truecenter": (0.5, 0.5, 0.5, 0.5),
    "topleft": (0.0, 0.0, 0.0, 0.0), "topright": (1.0, 1.0, 0.0, 0.0),
    "top": (0.5, 0.5, 0.0, 0.0), "offscreenleft": (0.0, 1.0, 1.0, 1.0),
    "offscreenright": (1.0, 0.0, 1.0, 1.0), "default": (0.5, 0.5, 1.0, 1.0),
    "reset": (0.5, 0.5, 1.0, 1.0),
}


def transform_names(sprite: dict[str, Any]) -> list[str]:
    """The names a sprite is shown `at`, first to last."""
    named = [t.get("name") for t in sprite.get("transforms") or [] if isinstance(t, dict)]
    names = [n for n in named if isinstance(n, str)]
    if not names and sprite.get("at"):
        names = [str(sprite["at"])]
    return names


def _stand_in(sprite: dict[str, Any], transforms: Any, t: float, event: str | None = None
              ) -> tuple[Placement, bool]:
    """The built-in positions only: still, so always finished."""
    p = DEFAULT
    for name in transform_names(sprite):
        pos = BUILTIN.get(name)
        if pos is not None:
            p = p.but(xpos=pos[0], xanchor=pos[1], ypos=pos[2], yanchor=pos[3])
    return p, True


try:  # the real evaluator, once engine/atl has one
    from engine.atl import placement_for  # type: ignore[attr-defined]
except ImportError:
    placement_for = _stand_in


def on_mark(name: str, marks: dict, transforms: Any) -> bool:
    """A map's marks come before the built-in positions of the same name (a map's "left"
    is where its author wants it), but never before the program's own transforms."""
    return (name in marks and name != "truecenter"
            and not (isinstance(transforms, dict) and name in transforms))


def stage_placement(sprite: dict[str, Any], transforms: Any, t: float,
                    marks: dict[str, tuple[float, float]], event: str | None = None
                    ) -> tuple[Placement, bool]:
    """The sprite's Placement at `t` seconds after it was shown, its feet on a stage mark
    when it is shown at one."""
    try:
        p, finished = placement_for(sprite, transforms, t, event)
    except Exception:  # noqa: BLE001 - a broken transform must not stop the game
        p, finished = _stand_in(sprite, transforms, t, event)
    for name in transform_names(sprite):
        if on_mark(name, marks, transforms):
            x, y = marks[name]
            p = p.but(xpos=round(x), ypos=round(y), xanchor=0.5, yanchor=1.0)
            break
    return p, finished


def transforms_of(story: Any) -> Any:
    """The program's transform definitions, wherever the runtime keeps them."""
    for owner in (story, getattr(story, "program", None)):
        table = getattr(owner, "transforms", None)
        if table is not None:
            return table
    return {}
