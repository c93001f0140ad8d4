"""The contract between the ATL evaluator and the renderer.

A sprite on the story's stage (Story.stage["sprites"], plain JSON) is:

    {"tag": "sakura", "attrs": ["sad"],  # the picture: image tag and attributes
     "at": "left" | None,            # the first transform's name, kept for older readers
     "transforms": [{"name": "left", "args": {}}, {"name": "slide", "args": {"x": 0.2}}],
     "atl": <bound inline ATL block, plain data> | None,
     "zorder": 0, "as": None,        # draw order: zorder, then order of showing
     "seed": 1234}                   # seeds ATL's `choice` (from the show statement)

The sprite list is already in drawing order (zorder, then order of showing, `behind TAG`
resolved into it): draw it first to last. A sprite is known on stage by sprite_key():
its `as` tag if shown `as` one, else "tag"; the picture is always "tag" + "attrs".
Transform args are bound by parameter name. Transform names are looked up in the
program's `transform` definitions (Story.transforms), then the map's stage marks, then
engine/atl's built-ins (left, right, center, truecenter, offscreenleft, offscreenright,
topleft, top, topright, default, reset); "Transform"/"Position" carry properties in args.
A name that is none of these is a stage mark the renderer could not find (mark_name()).

The stage also has "scene_at": {"transforms", "atl", "seed"} | None, the transforms of
the scene image (`scene bg x at ...:`), evaluated like a sprite's.

Transitions are what `with` gives: {"kind": NAME, "duration": S, ...}, NAME one of
Ren'Py's built-in transitions (engine/atl/transitions.py: TRANSITIONS[NAME]["family"]
says how to play it) or "pause".

The evaluator gives a Placement for a sprite at a time since it was shown; the renderer
draws the sprite's picture by it. Positions follow Ren'Py: a float is a fraction of the
screen (xpos 0.5 is the middle), an int is canvas pixels (1280x720 canvas); the anchor
is a fraction (or pixels) of the picture; offsets are pixels. `extra` holds the
properties the Placement has no field for (xsize, ysize, blur). `child` is the picture an
ATL block set (draw it instead of the sprite's own); while a `with` fades to it,
`child_prev` is the one before and `child_mix` how far the fade has come.
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
    # The picture an ATL `child` set (a file, "#rrggbb" or an image name; None: the
    # sprite's own), and while a `with` cross-fades to it, the one before ("": the
    # sprite's own) and how far the fade is (0..1).
    child: str | None = None
    child_prev: str | None = None
    child_mix: float = 1.0

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
