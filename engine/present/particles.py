"""Ren'Py's SnowBlossom drawn: `count` copies of a picture falling across the canvas at
speeds drawn from the given ranges, each leaving by the bottom (plus `border` pixels)
and coming in again at the top at a new place; `horizontal` turns it all sideways.

Every position is a pure function of the arguments, the sprite's seed and the time since
it was shown, so a frame on the virtual clock (a test, a replay) is the same every time,
and no state is kept between frames or in a save. A particle's speeds are its own for
ever; where it comes in each time it crosses the screen is hashed from its number and
how many times it has crossed.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from engine.atl.placement import DEFAULT, Placement

from .sprites import Picture, SpriteArt

CANVAS = (1280, 720)
_GOLDEN = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1


def _unit(*keys: int) -> float:
    """A number in [0, 1) hashed from `keys` (splitmix64): cheap enough for every
    particle every frame, and the same on every machine."""
    z = 0
    for k in keys:
        z = (z + (k & _MASK) + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        z ^= z >> 31
    return z / float(1 << 64)


def _between(r: list[float] | tuple[float, float], u: float) -> float:
    return r[0] + (r[1] - r[0]) * u


def positions(spec: dict[str, Any], seed: int, t: float, size: tuple[float, float],
              canvas: tuple[int, int] = CANVAS) -> list[tuple[float, float]]:
    """The top-left canvas pixel of each particle `t` seconds after the snow was shown
    (a particle not yet started is left out). `size` is the picture's canvas size."""
    horizontal = bool(spec.get("horizontal"))
    # Worked out falling down a screen; turned sideways at the end for `horizontal`.
    sw, sh = (canvas[1], canvas[0]) if horizontal else canvas
    pw, ph = (size[1], size[0]) if horizontal else size
    border = float(spec.get("border", 50))
    main = spec["xspeed"] if horizontal else spec["yspeed"]  # along the fall
    side = spec["yspeed"] if horizontal else spec["xspeed"]  # across it
    count = int(spec.get("count", 10))
    start = float(spec.get("start", 0.0))
    fast = bool(spec.get("fast"))
    span_y = sh + 2 * border + ph  # from just above the top to just below the bottom
    span_x = sw + 2 * border + pw
    out: list[tuple[float, float]] = []
    for i in range(count):
        since = t - i * start  # Ren'Py adds one particle `start` seconds after another
        if since < 0:
            continue
        vy = _between(main, _unit(seed, i, 1))
        vx = _between(side, _unit(seed, i, 2))
        travelled = abs(vy) * since + (_unit(seed, i, 3) * span_y if fast else 0.0)
        crossing = math.floor(travelled / span_y) if vy else 0
        along = travelled - crossing * span_y
        y = -border - ph + along if vy >= 0 else sh + border - along
        # Across: from a place of its own each crossing, drifting, wrapping at the sides.
        drift = vx * (along / abs(vy) if vy else since)
        x = -border - pw + (_unit(seed, i, 4, crossing) * span_x + drift) % span_x
        out.append((y, x) if horizontal else (x, y))
    return out


class Particles(Picture):
    """A SnowBlossom as a sprite's picture: it covers the canvas (for the transitions'
    sums of what changed) and draws `piece`, the particle's picture, by `spec`."""

    __slots__ = ("spec", "piece")

    def __init__(self, key: Any, spec: dict[str, Any], piece: Picture) -> None:
        Picture.__init__(self, key, pygame.Surface((8, 8), pygame.SRCALPHA),
                         (float(CANVAS[0]), float(CANVAS[1])))
        self.spec = spec
        self.piece = piece


def draw(target: pygame.Surface, art: SpriteArt, spec: dict[str, Any], pic: Picture,
         p: Placement, seed: int, t: float, scale: float, origin: tuple[int, int] = (0, 0),
         alpha: float = 1.0) -> None:
    """The particles onto `target` (the canvas at `origin`), faded by the sprite's alpha
    and shifted by its offsets; the picture's zoom, tint and the like are its own."""
    a = max(0.0, min(1.0, p.alpha * alpha))
    if a <= 0.0:
        return
    surf, (ox, oy), _ = art.transformed(pic, DEFAULT, scale)
    at = positions(spec, seed, t, pic.canvas_size)
    dx, dy = origin[0] + ox + p.xoffset * scale, origin[1] + oy + p.yoffset * scale
    if a < 1.0:
        surf.set_alpha(round(255 * a))
    target.blits([(surf, (round(x * scale + dx), round(y * scale + dy))) for x, y in at],
                 doreturn=False)
    if a < 1.0:
        surf.set_alpha(255)
