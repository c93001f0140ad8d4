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
# Transformed pictures kept, at a 1280x720 window; a bigger window keeps more, in
# proportion to its area (two sprites zooming at 4K need their trails of sizes too).
CACHE_BYTES = 12 * 1024 * 1024
SIZES_KEPT = 4  # transformed sizes kept per sprite look (a zoom leaves a trail)


class Picture:
    """A sprite's picture at its source resolution and the canvas size it stands for (a
    placeholder is drawn at the window's resolution, so its text stays sharp).

    Art is mostly transparent margin: only the visible pixels are kept (`surface`, the
    `crop` of the source's `size`), so scaling, blitting and memory skip the margin."""

    __slots__ = ("key", "surface", "crop", "size", "canvas_size")

    def __init__(self, key: Any, surface: pygame.Surface, canvas_size: tuple[float, float]
                 ) -> None:
        self.key = key
        self.size = surface.get_size()
        self.canvas_size = canvas_size
        crop = surface.get_bounding_rect() if surface.get_flags() & pygame.SRCALPHA \
            else surface.get_rect()
        if crop.width * crop.height > 0.9 * surface.get_width() * surface.get_height() \
                or crop.width == 0 or crop.height == 0:
            crop = surface.get_rect()
        self.crop = crop
        self.surface = surface.subsurface(crop).copy() if crop != surface.get_rect() \
            else surface


def _turned(surf: pygame.Surface, offset: tuple[float, float], box: tuple[int, int],
            degrees: float) -> tuple[pygame.Surface, tuple[float, float], tuple[int, int]]:
    """The visible part turned clockwise about the middle of the whole picture's box:
    the turned part, where it sits in the turned box, and that box's size."""
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    w, h = box
    turned_w = abs(w * cos) + abs(h * sin)
    turned_h = abs(w * sin) + abs(h * cos)
    dx = offset[0] + surf.get_width() / 2 - w / 2  # the part's middle, from the box's
    dy = offset[1] + surf.get_height() / 2 - h / 2
    tx, ty = dx * cos - dy * sin, dx * sin + dy * cos  # clockwise, y pointing down
    out = pygame.transform.rotozoom(surf, -degrees, 1.0)
    ox = turned_w / 2 + tx - out.get_width() / 2
    oy = turned_h / 2 + ty - out.get_height() / 2
    return out, (ox, oy), (round(turned_w), round(turned_h))


def lighting(p: Placement) -> tuple[tuple[int, ...], int]:
    """A Placement's tint (0-255 a channel) and brightness (-255..255), as light() takes
    them."""
    return (tuple(max(0, min(255, round(c * 255))) for c in p.tint),
            max(-255, min(255, round(p.brightness * 255))))


def light(surf: pygame.Surface, tint: tuple[int, ...], bright: int) -> None:
    """A tint (0-255 a channel, multiplied) and a brightness (-255..255, added) on `surf`,
    in place: ATL's matrixcolor as this renderer does it, for sprites and cameras alike."""
    if tint != (255, 255, 255):
        surf.fill(tint, special_flags=pygame.BLEND_RGB_MULT)
    if bright > 0:
        surf.fill((bright,) * 3, special_flags=pygame.BLEND_RGB_ADD)
    elif bright < 0:
        surf.fill((-bright,) * 3, special_flags=pygame.BLEND_RGB_SUB)


def _bytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * 4


def _q(v: float, step: float) -> float:
    return round(v / step) * step


class SpriteArt:
    """Transformed pictures, cached by what was done to them."""

    def __init__(self) -> None:
        self._made: OrderedDict[tuple, tuple] = OrderedDict()
        self._bytes = 0
        self.made = 0  # how many transforms were computed (tests, bench)
        # Rescales allowed in this frame (None: no limit). A sprite over the budget is
        # drawn at its last size, a frame late: two sprites zooming at once then cost one
        # rescale a frame, not two.
        self.budget: int | None = None
        self._last: dict[tuple, tuple] = {}
        self._buffers: dict[tuple, pygame.Surface | None] = {}  # what each entry holds on to
        self._pool: list[pygame.Surface] = []  # big surfaces to draw the next into
        self._flips: dict[tuple, pygame.Surface] = {}

    def begin_frame(self, rescales: int = 1) -> None:
        self.budget = rescales

    def clear(self) -> None:
        self._last.clear()
        self._buffers.clear()
        self._pool.clear()
        self._flips.clear()
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

    def transformed(self, pic: Picture, p: Placement, scale: float
                    ) -> tuple[pygame.Surface, tuple[int, int], tuple[int, int]]:
        """The transformed picture, where it sits inside the whole picture's box (the
        margin cropped off), and that box's size, all in window pixels."""
        w, h, fx, fy = self.size_px(pic, p, scale)
        rot = _q(p.rotate % 360.0, ROTATE_STEP) % 360.0
        tint, bright = lighting(p)
        key = (pic.key, w, h, fx, fy, rot, tint, bright)
        found = self._made.get(key)
        if found is not None:
            self._made.move_to_end(key)
            return found
        look = (pic.key, fx, fy, rot, tint, bright)
        if self.budget is not None:
            if self.budget <= 0 and look in self._last:
                return self._last[look]
            self.budget -= 1
        src = pic.surface
        sw, sh = pic.size
        crop = pic.crop
        kx, ky = w / sw, h / sh
        out = (max(1, round(crop.width * kx)), max(1, round(crop.height * ky)))
        ox = (sw - crop.right if fx else crop.x) * kx
        oy = (sh - crop.bottom if fy else crop.y) * ky
        if fx or fy:  # flipped while small, before scaling
            flipped = self._flips.get((pic.key, rot, fx, fy))
            if flipped is None:
                flipped = self._flips[(pic.key, rot, fx, fy)] = \
                    pygame.transform.flip(src, fx, fy)
            src = flipped
        buffer = None
        plain = tint == (255, 255, 255) and not bright
        if src.get_size() == out and plain:
            surf = src
        else:
            buffer = self._buffer(out)
            surf = buffer.subsurface(pygame.Rect((0, 0), out))
            if src.get_size() == out:
                pygame.transform.scale(src, out, surf)  # a copy, into the buffer
            else:
                pygame.transform.smoothscale(src, out, surf)
            light(surf, tint, bright)
        size = (w, h)
        if rot:
            # Ren'Py turns clockwise, pygame anticlockwise; rotozoom smooths the edges.
            surf, (ox, oy), size = _turned(surf, (ox, oy), (w, h), rot)
            if buffer is not None:
                self._recycle(buffer)
                buffer = None
        self.made += 1
        made = (surf, (round(ox), round(oy)), size)
        self._made[key] = made
        self._last[look] = made
        self._buffers[key] = buffer
        self._bytes += _bytes(surf if buffer is None else buffer)
        # A zoom that keeps changing leaves a trail of sizes: keep the last few of each
        # sprite's, and draw the next into the memory of the oldest.
        sizes = [k for k in self._made if k[:1] + k[3:] == look]
        for k in sizes[:-SIZES_KEPT]:
            self._evict(k)
        while self._bytes > CACHE_BYTES * max(1.0, scale) ** 2 and len(self._made) > 1:
            self._evict(next(iter(self._made)))
        return made

    def _evict(self, key: tuple) -> None:
        gone = self._made.pop(key)
        held = self._buffers.pop(key)
        self._bytes -= _bytes(gone[0] if held is None else held)
        look = key[:1] + key[3:]
        if self._last.get(look) is gone:
            del self._last[look]
        if held is not None:
            self._recycle(held)

    def _buffer(self, size: tuple[int, int]) -> pygame.Surface:
        """A surface at least `size`: a recycled one when one fits (a fresh big surface
        costs more than the rescale itself: the memory is new to the process)."""
        w, h = size
        for i, buf in enumerate(self._pool):
            bw, bh = buf.get_size()
            if w <= bw and h <= bh and w * h * 2 >= bw * bh:
                return self._pool.pop(i)
        return pygame.Surface((w + w // 4 + 8, h + h // 4 + 8), pygame.SRCALPHA)

    def _recycle(self, buf: pygame.Surface) -> None:
        self._pool.append(buf)
        del self._pool[:-4]

    def place(self, pic: Picture, p: Placement, scale: float
              ) -> tuple[pygame.Surface, tuple[int, int]]:
        """The picture as placed by `p`, and its top-left pixel on the scaled canvas."""
        surf, (ox, oy), (w, h) = self.transformed(pic, p, scale)
        x, y = canvas_xy(p, (w / scale, h / scale))
        return surf, (round(x * scale) + ox, round(y * scale) + oy)

    def rect(self, pic: Picture, p: Placement, scale: float) -> pygame.Rect:
        """Where the sprite's visible pixels fall on the scaled canvas."""
        if p.alpha <= 0.0:
            return pygame.Rect(0, 0, 0, 0)
        surf, pos = self.place(pic, p, scale)
        return pygame.Rect(pos, surf.get_size())

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

    def draw_mix(self, target: pygame.Surface, old: Picture, new: Picture, p: Placement,
                 scale: float, origin: tuple[int, int] = (0, 0), alpha: float = 1.0
                 ) -> pygame.Rect:
        """An ATL frame's `with`: `old` dissolving into `new`, both placed by `p`, mixed
        as Ren'Py's Dissolve mixes them (premultiplied, so a pixel only one of them
        covers fades and one both cover turns from one colour to the other)."""
        a = max(0.0, min(1.0, p.alpha * alpha))
        if a <= 0.0 or not math.isfinite(p.zoom):
            return pygame.Rect(0, 0, 0, 0)
        f = max(0.0, min(1.0, p.child_mix))
        parts = [(*self.place(pic, p, scale), k) for pic, k in ((old, 1.0 - f), (new, f))]
        box = pygame.Rect(parts[0][1], parts[0][0].get_size()).union(
            pygame.Rect(parts[1][1], parts[1][0].get_size()))
        mixed = pygame.Surface(box.size, pygame.SRCALPHA)
        for surf, (x, y), k in parts:
            level = round(255 * k * a)
            if level <= 0:
                continue
            pm = (surf if surf.get_flags() & pygame.SRCALPHA else
                  surf.convert_alpha()).premul_alpha()
            if level < 255:
                pm.fill((level,) * 4, special_flags=pygame.BLEND_RGBA_MULT)
            mixed.blit(pm, (x - box.x, y - box.y), special_flags=pygame.BLEND_RGBA_ADD)
        return target.blit(mixed, (origin[0] + box.x, origin[1] + box.y),
                           special_flags=pygame.BLEND_PREMULTIPLIED)
