"""The contract between the ATL evaluator and the renderer.

A sprite on the story's stage (Story.stage["sprites"], plain JSON) is:

    {"tag": "sakura", "attrs": ["sad"],
     "at": "left" | None,            # the first transform's name, kept for older readers
     "transforms": [{"name": "left", "args": {}}, {"name": "flip", "args": {}}],
     "atl": <compiled inline ATL block, plain data> | None,
     "zorder": 0, "as": None}        # draw order: zorder, then order of showing

`behind TAG` is resolved by the runtime into the sprite list's order. Transform names are
looked up in the program's `transform` definitions, then in engine/atl's built-ins
(left, right, center, truecenter, offscreenleft, offscreenright, topleft, top, topright,
default, reset). Transitions stay what `with` gives today: {"kind": NAME, "duration": S,
...}, NAME one of Ren'Py's built-in transitions.

The evaluator gives a Placement for a sprite at a time since it was shown; the renderer
draws the sprite's picture by it. Positions follow Ren'Py: a float is a fraction of the
screen (xpos 0.5 is the middle), an int is canvas pixels (1280x720 canvas); the anchor
is a fraction (or pixels) of the picture; offsets are pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Placement:
    xpos: float = 0.5
    ypos: float = 1.0
    xanchor: float = 0.5
    yanchor: float = 1.0
    xoffset: float = 0.0
    yoffset: float = 0.0
    zoom: float = 1.0
    xzoom: float = 1.0  # negative: flipped left-right
    yzoom: float = 1.0
    alpha: float = 1.0
    rotate: float = 0.0  # degrees, clockwise, about the picture's centre
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0)  # multiplies each channel
    brightness: float = 0.0  # -1 (black) .. 0 .. 1 (white), after the tint
    extra: dict[str, float] = field(default_factory=dict, compare=False)

    def but(self, **changes: object) -> Placement:
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT = Placement()


def canvas_xy(p: Placement, size: tuple[float, float],
              canvas: tuple[int, int] = (1280, 720)) -> tuple[float, float]:
    """The top-left canvas pixel of a picture of `size` (already zoomed) placed by `p`."""
    def pos(v: float, whole: int) -> float:
        return v * whole if isinstance(v, float) else float(v)

    def anchor(v: float, part: float) -> float:
        return v * part if isinstance(v, float) else float(v)

    x = pos(p.xpos, canvas[0]) - anchor(p.xanchor, size[0]) + p.xoffset
    y = pos(p.ypos, canvas[1]) - anchor(p.yanchor, size[1]) + p.yoffset
    return x, y


def sprite_key(sprite: dict) -> str:
    """The name a sprite is known by on stage: its `as` tag when it was shown `as` one
    (show eileen happy as twin), else its image tag. hide, behind and a say's attributes
    find sprites by it; the picture is still found from "tag" and "attrs"."""
    return sprite.get("as") or sprite["tag"]
