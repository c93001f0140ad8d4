"""Sprites drawn by Placement: zoomed, flipped, rotated, tinted, brightened, faded.

Pictures are loaded once at their own size (canvas pixels: the art is drawn for the
1280x720 canvas). A transformed picture is made with pygame-ce's own transforms and kept,
keyed by the picture and its rounded zoom, rotation, tint and brightness, so a sprite that
stands still costs a blit and one that moves costs a blit and, now and then, a rescale.
Alpha is the surface's alpha at blit time, never a new surface.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import pygame

from engine.atl.placement import Placement, canvas_xy

ZOOM_STEPS = 256  # a zoom is rounded to 1/256 of the picture's size
ROTATE_STEP = 0.25  # degrees
CACHE_BYTES = 160 * 1024 * 1024


class Picture:
    """A sprite's picture at its source resolution and the canvas size it stands for (a
    placeholder is drawn at the window's resolution, so its text stays sharp)."""

    __slots__ = ("key", "surface", "canvas_size")

    def __init__(self, key: Any, surface: pygame.Surface, canvas_size: tuple[float, float]
                 ) -> None:
        self.key = key
        self.surface = surface
        self.canvas_size = canvas_size


def _q(v: float, step: float) -> float:
    return round(v / step) * step


class SpriteArt:
    """Transformed pictures, cached by what was done to them."""

    def __init__(self) -> None:
        self._made: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._bytes = 0
        self.made = 0  # how many transforms were computed (tests, bench)

    def clear(self) -> None:
        self._made.clear()
        self._bytes = 0

    def size_px(self, pic: Picture, p: Placement, scale: float) -> tuple[int, int, bool, bool]:
        """The zoomed size in window pixels (rounded to a zoom step), and the flips."""
        cw, ch = pic.canvas_size
        zx, zy = p.zoom * p.xzoom, p.zoom * p.yzoom
        full_w, full_h = cw * scale, ch * scale
        step = 1 / ZOOM_STEPS
        w = max(1, round(full_w * _q(abs(zx), step)))
        h = max(1, round(full_h * _q(abs(zy), step)))
        return w, h, zx < 0, zy < 0

    def transformed(self, pic: Picture, p: Placement, scale: float) -> pygame.Surface:
        w, h, fx, fy = self.size_px(pic, p, scale)
        rot = _q(p.rotate % 360.0, ROTATE_STEP) % 360.0
        tint = tuple(max(0, min(255, round(c * 255))) for c in p.tint)
        bright = max(-255, min(255, round(p.brightness * 255)))
        key = (pic.key, w, h, fx, fy, rot, tint, bright)
        found = self._made.get(key)
        if found is not None:
            self._made.move_to_end(key)
            return found
        surf = pic.surface
        if surf.get_size() != (w, h):
            surf = pygame.transform.smoothscale(surf, (w, h))
        if fx or fy:
            surf = pygame.transform.flip(surf, fx, fy)
        if tint != (255, 255, 255) or bright:
            if surf is pic.surface:
                surf = surf.copy()
            if tint != (255, 255, 255):
                surf.fill(tint, special_flags=pygame.BLEND_RGB_MULT)
            if bright > 0:
                surf.fill((bright,) * 3, special_flags=pygame.BLEND_RGB_ADD)
            elif bright < 0:
                surf.fill((-bright,) * 3, special_flags=pygame.BLEND_RGB_SUB)
        if rot:
            # Ren'Py turns clockwise, pygame anticlockwise; rotozoom smooths the edges.
            surf = pygame.transform.rotozoom(surf, -rot, 1.0)
        self.made += 1
        self._made[key] = surf
        self._bytes += surf.get_width() * surf.get_height() * 4
        while self._bytes > CACHE_BYTES and len(self._made) > 1:
            _, old = self._made.popitem(last=False)
            self._bytes -= old.get_width() * old.get_height() * 4
        return surf

    def place(self, pic: Picture, p: Placement, scale: float
              ) -> tuple[pygame.Surface, tuple[int, int]]:
        """The picture as placed by `p`, and its top-left pixel on the scaled canvas."""
        surf = self.transformed(pic, p, scale)
        w, h = surf.get_size()
        x, y = canvas_xy(p, (w / scale, h / scale))
        return surf, (round(x * scale), round(y * scale))

    def draw(self, target: pygame.Surface, pic: Picture, p: Placement, scale: float,
             origin: tuple[int, int] = (0, 0), alpha: float = 1.0) -> pygame.Rect:
        """Draw on `target` (the canvas at `origin`); the window rectangle drawn over."""
        a = max(0.0, min(1.0, p.alpha * alpha))
        if a <= 0.0 or not math.isfinite(p.zoom):
            return pygame.Rect(0, 0, 0, 0)
        surf, (x, y) = self.place(pic, p, scale)
        pos = (origin[0] + x, origin[1] + y)
        if a >= 1.0:
            return target.blit(surf, pos)
        surf.set_alpha(round(255 * a))
        rect = target.blit(surf, pos)
        surf.set_alpha(255)
        return rect
