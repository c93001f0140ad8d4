"""Toolkit for the event illustrations (CGs): a placed pen, the cast's colours, picture effects.

A `Pen` draws through `draw.Painter` with a transform (offset, scale, rotation, mirror), so a
head or a hand authored once in its own small design space can be placed anywhere on the
1280x720 picture, tilted or turned. Outlines scale with the pen, as in the sprites.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pygame
from draw import Color, Painter, Pt, hexc, mix

W, H = 1280, 720
INK = (40, 24, 40)


def dark(c: Color, t: float = 0.55) -> Color:
    """Outline colour of a fill: towards the deep plum ink of the sprites."""
    return mix(c, INK, t)


@dataclass(frozen=True)
class Pal:
    """One character's colours (the sprites' own values)."""

    skin: Color
    skin_shade: Color
    hair: Color
    hair_shade: Color
    hair_light: Color
    iris: Color
    iris_dark: Color
    brow: Color
    lash: Color
    cloth: Color
    cloth_shade: Color
    trim: Color = (245, 235, 225)
    pupils: bool = True


SAKURA = Pal((253, 228, 210), (240, 190, 170), hexc("#f4a6c2"), hexc("#d9789f"),
             hexc("#fdd3e2"), hexc("#4fbf7f"), hexc("#1f6b47"), hexc("#c9678d"),
             (60, 30, 40), hexc("#c9303f"), hexc("#94203a"), hexc("#f6e8dc"))
SASUKE = Pal(hexc("#fbe2d2"), hexc("#e6bba8"), hexc("#2a2f4f"), hexc("#181b33"),
             hexc("#55628f"), hexc("#3a3440"), hexc("#141018"), hexc("#1f2238"),
             hexc("#141222"), hexc("#2f3448"), hexc("#1d2133"), hexc("#d9d6e6"))
NARUTO = Pal(hexc("#f9dcc4"), hexc("#e7b89c"), hexc("#f6cc3f"), hexc("#d89a22"),
             hexc("#fff0a8"), hexc("#3f8fe8"), hexc("#17458f"), hexc("#c88a1e"),
             hexc("#3a2a24"), hexc("#bcd8e4"), hexc("#8db4c8"))
HINATA = Pal(hexc("#fdebe0"), hexc("#ecc7b8"), hexc("#2e2b5e"), hexc("#1d1a42"),
             hexc("#5a5a9c"), hexc("#d9d3ea"), hexc("#a79cc8"), hexc("#2a2752"),
             hexc("#1e1a3a"), hexc("#c6b6e0"), hexc("#9c88c4"), hexc("#f3eefa"), pupils=False)
WHITE = (246, 244, 238)
BANDAGE_LINE = (150, 150, 160)


class Pen:
    """Draws on a Painter through a similarity transform (and an optional mirror)."""

    def __init__(self, painter: Painter, ox: float = 0.0, oy: float = 0.0, s: float = 1.0,
                 rot: float = 0.0, flip: bool = False) -> None:
        self.p = painter
        self.ox, self.oy, self.s, self.rot, self.flip = ox, oy, s, rot, flip
        self._c, self._s = math.cos(rot), math.sin(rot)

    def at(self, x: float, y: float, s: float = 1.0, rot: float = 0.0,
           flip: bool = False) -> Pen:
        """A pen whose origin is (x, y) in this pen's units, scaled and turned further."""
        ox, oy = self.tp([(x, y)])[0]
        r = -rot if self.flip else rot
        return Pen(self.p, ox, oy, self.s * s, self.rot + r, self.flip != flip)

    def tp(self, pts: Sequence[Pt]) -> list[Pt]:
        c, sn, s, f = self._c, self._s, self.s, -1.0 if self.flip else 1.0
        return [(self.ox + s * (f * x * c - y * sn), self.oy + s * (f * x * sn + y * c))
                for x, y, *_ in pts]

    def part(self, pts: Sequence[Pt], fill: Color, line: Color | None = None,
             width: float = 2.2, shades: Sequence[tuple[Sequence[Pt], Color]] = ()) -> None:
        self.p.part(self.tp(pts), fill, line, width * self.s,
                    [(self.tp(sp), col) for sp, col in shades])

    def stroke(self, pts: Sequence[Pt], color: Color, width: float = 3.0, closed: bool = False,
               taper: bool = False) -> None:
        self.p.stroke(self.tp(pts), color, width * self.s, closed, taper)

    def circle(self, c: Pt, r: float, color: Color) -> None:
        self.p.circle(self.tp([c])[0], r * self.s, color)

    def poly(self, pts: Sequence[Pt], color: Color) -> None:
        self.p.poly(self.tp(pts), color)

    def overlay(self, pts: Sequence[Pt], color: Color) -> None:
        """Alpha-blended polygon, drawn on a layer only as big as the shape."""
        k = self.p.k
        q = [(x * k, y * k) for x, y in self.tp(pts)]
        x0, y0 = int(min(x for x, _ in q)) - 2, int(min(y for _, y in q)) - 2
        x1, y1 = int(max(x for x, _ in q)) + 3, int(max(y for _, y in q)) + 3
        layer = pygame.Surface((max(1, x1 - x0), max(1, y1 - y0)), pygame.SRCALPHA)
        layer.fill((0, 0, 0, 0))
        pygame.draw.polygon(layer, color, [(x - x0, y - y0) for x, y in q])
        self.p.surf.blit(layer, (x0, y0))


# ---------------------------------------------------------------------------------------
# pictures as numpy arrays: (h, w, 3) float 0..255
# ---------------------------------------------------------------------------------------

def grid(w: int = W, h: int = H) -> tuple[np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return xx, yy


def vgrad(stops: list[tuple[float, Color]], w: int = W, h: int = H) -> np.ndarray:
    """A vertical gradient through colour stops at fractions of the height."""
    ys = np.linspace(0, 1, h)
    cols = np.stack([np.interp(ys, [s[0] for s in stops], [s[1][c] for s in stops])
                     for c in range(3)], axis=1).astype(np.float32)
    return np.repeat(cols[:, None, :], w, axis=1)


def glow(cx: float, cy: float, rx: float, ry: float | None = None) -> np.ndarray:
    """A soft round falloff, 1 in the middle, as a (h, w) mask."""
    xx, yy = grid()
    d = ((xx - cx) / rx) ** 2 + ((yy - cy) / (ry or rx)) ** 2
    return np.exp(-d * 2.0)


def over(img: np.ndarray, mask: np.ndarray, color: Sequence[float]) -> None:
    """Blend a colour into img where the mask (0..1) says."""
    m = np.clip(mask, 0.0, 1.0)[..., None]
    img[:] = img * (1 - m) + np.asarray(color[:3], np.float32) * m


def shape_mask(polys: Sequence[Sequence[Pt]], w: int = W, h: int = H) -> np.ndarray:
    """Antialiased coverage (0..1) of filled polygons, drawn at 2x and averaged."""
    surf = pygame.Surface((w * 2, h * 2), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    for pts in polys:
        pygame.draw.polygon(surf, (255, 255, 255, 255), [(x * 2, y * 2) for x, y in pts])
    a = pygame.surfarray.array_alpha(surf).T.astype(np.float32) / 255.0
    return a.reshape(h, 2, w, 2).mean(axis=(1, 3))


def layer_arrays(surf: pygame.Surface) -> tuple[np.ndarray, np.ndarray]:
    """(rgb float, alpha 0..1) of an RGBA surface."""
    rgb = pygame.surfarray.array3d(surf).transpose(1, 0, 2).astype(np.float32)
    a = pygame.surfarray.array_alpha(surf).T.astype(np.float32) / 255.0
    return rgb, a


def grade(surf: pygame.Surface, mul: Sequence[float], add: Sequence[float] = (0, 0, 0)
          ) -> tuple[np.ndarray, np.ndarray]:
    """A figure layer under the scene's light: rgb * mul + add (keeps alpha)."""
    rgb, a = layer_arrays(surf)
    rgb = rgb * np.asarray(mul, np.float32) + np.asarray(add, np.float32)
    return np.clip(rgb, 0, 255), a


def composite(img: np.ndarray, layer: tuple[np.ndarray, np.ndarray]) -> None:
    rgb, a = layer
    img[:] = img * (1 - a[..., None]) + rgb * a[..., None]


def figures(draw_fn) -> pygame.Surface:  # noqa: ANN001 - a callable taking a Pen
    """Draw with a fresh 2x painter and return the smooth-scaled 1280x720 layer."""
    painter = Painter(W, H, 2.0)
    draw_fn(Pen(painter))
    return painter.result()


def vignette(img: np.ndarray, strength: float = 0.35, color: Color = (10, 8, 24)) -> None:
    xx, yy = grid()
    d = ((xx - W / 2) / (W * 0.62)) ** 2 + ((yy - H / 2) / (H * 0.62)) ** 2
    over(img, np.clip(d - 0.45, 0, 1) * strength * 1.6, color)


def finish(img: np.ndarray) -> pygame.Surface:
    """The final opaque 1280x720 picture (24-bit: smaller files, nothing to blend)."""
    rgb = np.clip(img + 0.5, 0, 255).astype(np.uint8)
    surf = pygame.Surface((rgb.shape[1], rgb.shape[0]), 0, 24)
    pygame.surfarray.blit_array(surf, np.ascontiguousarray(rgb.transpose(1, 0, 2)))
    return surf
