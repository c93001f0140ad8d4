"""The background renderer's draw list fitted to the canvas: each drawn picture with its
animation frames, the cover-and-crop fit, and the animated regions redrawn each frame.

A map is rendered once; only its animated regions are recomposited while it shows, from
every layer that touches them, and each combination of frames is kept once drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

REGION_BLOCK = 128  # map pixels per side of an animated region's block
REGION_STATES = 16  # frame combinations remembered per region


def flatten(surface: pygame.Surface) -> pygame.Surface:
    # Smoothscaling a transparent surface blends colours of invisible pixels into the edges;
    # a background is opaque anyway, so flatten onto black first.
    flat = pygame.Surface(surface.get_size())
    flat.fill((0, 0, 0))
    flat.blit(surface, (0, 0))
    return flat


@dataclass(slots=True)
class DrawOp:
    """One thing drawn: a picture per animation frame, at its place in map pixels."""

    frames: list[tuple[pygame.Surface, int, int]]
    durations: list[int]
    rect: pygame.Rect

    def frame_at(self, time_ms: int) -> int:
        total = sum(self.durations)
        if total <= 0:
            return 0
        t = time_ms % total
        for index, duration in enumerate(self.durations):
            if t < duration:
                return index
            t -= duration
        return len(self.durations) - 1


def union(frames: list[tuple[pygame.Surface, int, int]]) -> pygame.Rect:
    rects = [pygame.Rect((x, y), image.get_size()) for image, x, y in frames]
    return rects[0].unionall(rects[1:])



class SpatialIndex:
    """Which draw operations touch a rectangle, in draw order."""

    CELL = 64

    def __init__(self, ops: list[DrawOp]) -> None:
        self.ops = ops
        self.buckets: dict[tuple[int, int], list[int]] = {}
        for number, op in enumerate(ops):
            for key in self._keys(op.rect):
                self.buckets.setdefault(key, []).append(number)

    def _keys(self, rect: pygame.Rect) -> list[tuple[int, int]]:
        c = self.CELL
        return [
            (bx, by)
            for by in range(rect.top // c, (rect.bottom - 1) // c + 1)
            for bx in range(rect.left // c, (rect.right - 1) // c + 1)
        ]

    def query(self, rect: pygame.Rect) -> list[DrawOp]:
        found: set[int] = set()
        for key in self._keys(rect):
            found.update(self.buckets.get(key, ()))
        return [self.ops[n] for n in sorted(found) if self.ops[n].rect.colliderect(rect)]


@dataclass(frozen=True)
class Fit:
    """Scale to cover the canvas, keeping the aspect, and crop the overflow evenly."""

    source: tuple[int, int]
    scaled_size: tuple[int, int]
    crop: tuple[int, int]
    canvas: tuple[int, int]

    @classmethod
    def cover(cls, source: tuple[int, int], canvas: tuple[int, int]) -> Fit:
        scale = max(canvas[0] / source[0], canvas[1] / source[1])
        scaled = (
            max(canvas[0], round(source[0] * scale)),
            max(canvas[1], round(source[1] * scale)),
        )
        crop = ((scaled[0] - canvas[0]) // 2, (scaled[1] - canvas[1]) // 2)
        return cls(source, scaled, crop, canvas)

    @property
    def scaled(self) -> bool:
        return self.scaled_size != self.source

    @property
    def factors(self) -> tuple[float, float]:
        return self.scaled_size[0] / self.source[0], self.scaled_size[1] / self.source[1]

    def apply(self, surface: pygame.Surface) -> pygame.Surface:
        if self.scaled:
            surface = pygame.transform.smoothscale(surface, self.scaled_size)
        return surface.subsurface(pygame.Rect(self.crop, self.canvas)).copy()

    def point(self, x: float, y: float) -> tuple[float, float]:
        fx, fy = self.factors
        return x * fx - self.crop[0], y * fy - self.crop[1]

    def span(self, rect: pygame.Rect) -> pygame.Rect:
        """Canvas-scaled pixels covering `rect` (before the crop)."""
        fx, fy = self.factors
        left, top = math.floor(rect.left * fx), math.floor(rect.top * fy)
        right, bottom = math.ceil(rect.right * fx), math.ceil(rect.bottom * fy)
        return pygame.Rect(left, top, right - left, bottom - top)


class Region:
    """An animated area of the map, recomposited from every layer that touches it.

    Redrawing only the animated tile would paint it over the layers above it, so the area is
    rebuilt in draw order; the result is kept per combination of frames, so after the first
    cycle drawing is one blit per area.
    """

    def __init__(
        self,
        inner: pygame.Rect,
        outer: pygame.Rect,
        ops: list[DrawOp],
        fit: Fit,
        background: pygame.Color | None,
    ) -> None:
        self.inner = inner
        self.outer = outer
        self.ops = ops
        self.moving = [op for op in ops if op.durations]
        self.fit = fit
        self.background = background
        outer_span = fit.span(outer)
        inner_span = fit.span(inner)
        self.scaled_size = outer_span.size
        self.source_area = inner_span.move(-outer_span.left, -outer_span.top)
        self.dest = (inner_span.left - fit.crop[0], inner_span.top - fit.crop[1])
        self._cache: dict[tuple[int, ...], pygame.Surface] = {}

    def draw(self, target: pygame.Surface, time_ms: int) -> None:
        state = tuple(op.frame_at(time_ms) for op in self.moving)
        picture = self._cache.get(state)
        if picture is None:
            if len(self._cache) >= REGION_STATES:  # animations that never line up again
                self._cache.clear()
            picture = self._cache[state] = self._composite(time_ms)
        target.blit(picture, self.dest, self.source_area)

    def _composite(self, time_ms: int) -> pygame.Surface:
        layer = pygame.Surface(self.outer.size, pygame.SRCALPHA)
        layer.fill(self.background if self.background is not None else (0, 0, 0, 0))
        for op in self.ops:
            image, x, y = op.frames[op.frame_at(time_ms)]
            layer.blit(image, (x - self.outer.left, y - self.outer.top))
        flat = flatten(layer)
        if self.fit.scaled:
            flat = pygame.transform.smoothscale(flat, self.scaled_size)
        return flat


def animated_regions(ops: list[DrawOp], pixel_size: tuple[int, int], fit: Fit,
                     background: pygame.Color | None) -> list[Region]:
    """The animated parts of a draw list, as regions redrawn on their own."""
    animated = [op for op in ops if op.durations]
    if not animated:
        return []
    # One region per block of the map, not per animated cell: a map of animated water has
    # thousands of cells, and thousands of tiny blits per frame cost more than a few big
    # ones. Each region is the box around the animated pictures in its block.
    block = REGION_BLOCK
    bounds = pygame.Rect((0, 0), pixel_size)
    boxes: dict[tuple[int, int], pygame.Rect] = {}
    for op in animated:
        area = op.rect.clip(bounds)
        if not area.w or not area.h:
            continue
        for by in range(area.top // block, (area.bottom - 1) // block + 1):
            for bx in range(area.left // block, (area.right - 1) // block + 1):
                part = area.clip(pygame.Rect(bx * block, by * block, block, block))
                box = boxes.get((bx, by))
                boxes[(bx, by)] = part if box is None else box.union(part)
    index = SpatialIndex(ops)
    regions = []
    for inner in boxes.values():
        # A pixel of margin, so smoothscale sees the same neighbours as for the full map.
        outer = inner.inflate(2, 2).clip(bounds) if fit.scaled else inner
        regions.append(Region(inner, outer, index.query(outer), fit, background))
    return regions
