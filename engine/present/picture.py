"""The picture behind the dialogue: background and sprites, composed at the window's real
resolution, plus the transitions between two pictures.

Layout is in canvas coordinates (1280x720, as the art is drawn); every surface is scaled
once per window size and cached, so a frame is a handful of blits.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from engine.stage import SpriteSpec, resolve_background, resolve_sprite

from .tiled import Background, BackgroundCache

log = logging.getLogger("roadout.picture")

CANVAS = (1280, 720)


@dataclass(frozen=True)
class Viewport:
    """Where the 16:9 canvas sits in the window: scale and letterbox offset."""

    window: tuple[int, int]

    @property
    def scale(self) -> float:
        return min(self.window[0] / CANVAS[0], self.window[1] / CANVAS[1])

    @property
    def size(self) -> tuple[int, int]:
        s = self.scale
        return (max(1, round(CANVAS[0] * s)), max(1, round(CANVAS[1] * s)))

    @property
    def offset(self) -> tuple[int, int]:
        w, h = self.size
        return ((self.window[0] - w) // 2, (self.window[1] - h) // 2)

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect(self.offset, self.size)

    def px(self, v: float) -> int:
        return round(v * self.scale)

    def to_window(self, x: float, y: float) -> tuple[int, int]:
        ox, oy = self.offset
        return (ox + round(x * self.scale), oy + round(y * self.scale))

    def to_canvas(self, x: float, y: float) -> tuple[float, float]:
        ox, oy = self.offset
        return ((x - ox) / self.scale, (y - oy) / self.scale)

    def crect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A canvas rectangle in window pixels."""
        x0, y0 = self.to_window(x, y)
        x1, y1 = self.to_window(x + w, y + h)
        return pygame.Rect(x0, y0, x1 - x0, y1 - y0)


def placeholder(size: tuple[int, int], name: str, font: pygame.font.Font) -> pygame.Surface:
    """A visible stand-in for a missing picture: a striped box with its name."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((120, 30, 60, 200))
    w, h = size
    for x in range(-h, w, 24):
        pygame.draw.line(surf, (170, 60, 90, 200), (x, h), (x + h, 0), 6)
    pygame.draw.rect(surf, (255, 220, 120), surf.get_rect(), 4)
    label = font.render(f"missing: {name}", True, (255, 255, 255))
    pad = pygame.Surface((label.get_width() + 16, label.get_height() + 8), pygame.SRCALPHA)
    pad.fill((0, 0, 0, 180))
    pad.blit(label, (8, 4))
    surf.blit(pad, pad.get_rect(center=(w // 2, h // 2)))
    return surf


class StageView:
    """Turns a stage dict into a surface the size of the scaled canvas."""

    def __init__(self, game_dir: Path, font_for: Any) -> None:
        self.game_dir = game_dir
        self.font_for = font_for  # px -> pygame Font, for placeholder labels
        self.backgrounds = BackgroundCache(capacity=3)
        self._sprites: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._composites: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.warned: set[str] = set()
        self.missing: list[str] = []  # names of pictures drawn as placeholders
        self.images: dict[str, str] = {}

    def warn(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            log.warning("%s", message)

    def clear(self) -> None:
        self.backgrounds.clear()
        self._sprites.clear()
        self._composites.clear()

    # --- pieces ------------------------------------------------------------------------

    def background(self, words: list[str] | None, vp: Viewport
                   ) -> tuple[Background | pygame.Surface, dict[str, tuple[float, float]]]:
        spec = resolve_background(self.game_dir, words, self.images)
        size = vp.size
        if spec.black:
            surf = pygame.Surface(size)
            surf.fill((0, 0, 0))
            return surf, {}
        if spec.path is None:
            self.warn(f"background '{spec.name}' not found in assets/backgrounds")
            self.missing.append(spec.name)
            return placeholder(size, f"background {spec.name}", self.font_for(vp.px(24))), {}
        attrs = spec.attrs
        try:
            bg = self.backgrounds.get(spec.path, attrs, size)
        except KeyError as exc:  # UnknownLayerError: draw without the unknown attributes
            self.warn(f"background '{spec.name}': {exc}; drawn without them")
            known = tuple(getattr(exc, "available", ()))
            attrs = tuple(a for a in attrs if a in known)
            try:
                bg = self.backgrounds.get(spec.path, attrs, size)
            except Exception as exc2:  # noqa: BLE001 - a broken map must not stop the game
                return self._broken_bg(spec.name, exc2, vp)
        except Exception as exc:  # noqa: BLE001 - a broken map must not stop the game
            return self._broken_bg(spec.name, exc, vp)
        s = vp.scale
        marks = {k: (x / s, y / s) for k, (x, y) in bg.marks.items()}
        return bg, marks

    def _broken_bg(self, name: str, exc: Exception, vp: Viewport
                   ) -> tuple[pygame.Surface, dict]:
        self.warn(f"background '{name}' could not be drawn: {exc}")
        self.missing.append(name)
        return placeholder(vp.size, f"background {name}", self.font_for(vp.px(24))), {}

    def sprite(self, spec: SpriteSpec, vp: Viewport) -> pygame.Surface:
        key = (str(spec.path), spec.name, vp.size)
        surf = self._sprites.get(key)
        if surf is not None:
            self._sprites.move_to_end(key)
            return surf
        picture = None
        if spec.path is not None:
            try:
                picture = pygame.image.load(str(spec.path)).convert_alpha()
            except (pygame.error, OSError) as exc:
                self.warn(f"sprite '{spec.name}' could not be loaded: {exc}")
        else:
            self.warn(f"sprite '{spec.name}' not found in assets/characters")
        if picture is None:
            self.missing.append(spec.name)
            size = (vp.px(360), vp.px(560))
            surf = placeholder(size, spec.name, self.font_for(vp.px(22)))
        else:
            w, h = picture.get_size()
            s = vp.scale
            surf = pygame.transform.smoothscale(picture, (max(1, round(w * s)),
                                                          max(1, round(h * s))))
        self._sprites[key] = surf
        while len(self._sprites) > 12:
            self._sprites.popitem(last=False)
        return surf

    def place(self, at: str | None, size: tuple[int, int], marks: dict, vp: Viewport
              ) -> tuple[int, int]:
        """Top-left window-canvas pixel of a sprite of `size` standing at `at`."""
        w, h = size
        cw, ch = vp.size
        if at and at in marks and at != "truecenter":
            x, y = marks[at]
            return (round(x * vp.scale - w / 2), round(y * vp.scale - h))
        if at in (None, "center"):
            return ((cw - w) // 2, ch - h)
        if at == "left":
            return (0, ch - h)
        if at == "right":
            return (cw - w, ch - h)
        if at == "truecenter":
            return ((cw - w) // 2, (ch - h) // 2)
        self.warn(f"no position named '{at}': drawn at center")
        return ((cw - w) // 2, ch - h)

    # --- whole picture -----------------------------------------------------------------

    def animated(self, stage: dict[str, Any], vp: Viewport) -> bool:
        bg, _ = self.background(stage.get("scene"), vp)
        return isinstance(bg, Background) and bg.animated

    def compose(self, stage: dict[str, Any], vp: Viewport, time_ms: int = 0) -> pygame.Surface:
        """The stage as one opaque surface of the canvas's window size (cached)."""
        key = (json.dumps([stage.get("scene"), stage.get("sprites")], sort_keys=True),
               vp.size)
        found = self._composites.get(key)
        if found is not None:
            self._composites.move_to_end(key)
            return found
        bg, marks = self.background(stage.get("scene"), vp)
        surf = pygame.Surface(vp.size).convert()
        surf.fill((0, 0, 0))
        animated = isinstance(bg, Background) and bg.animated
        if isinstance(bg, Background):
            bg.draw(surf, time_ms)
        else:
            surf.blit(bg, (0, 0))
        for sprite in stage.get("sprites", []):
            spec = resolve_sprite(self.game_dir, sprite, self.images)
            picture = self.sprite(spec, vp)
            surf.blit(picture, self.place(spec.at, picture.get_size(), marks, vp))
        if not animated:  # an animated background changes every frame: never cache it
            self._composites[key] = surf
            while len(self._composites) > 3:
                self._composites.popitem(last=False)
        return surf


class Transition:
    """A dissolve or fade from one picture to the next, by wall-clock time."""

    def __init__(self, spec: dict[str, Any], old: pygame.Surface, new: pygame.Surface,
                 now: float) -> None:
        self.kind = spec.get("kind", "dissolve")
        self.duration = max(0.0, float(spec.get("duration", 0.5)))
        self.out = float(spec.get("out", self.duration / 2))
        self.hold = float(spec.get("hold", 0.0))
        self.old = old
        self.new = new
        self.start = now

    def finished(self, now: float) -> bool:
        return now - self.start >= self.duration

    def draw(self, target: pygame.Surface, pos: tuple[int, int], now: float) -> None:
        t = now - self.start
        if self.kind == "fade":
            in_ = max(1e-6, self.duration - self.out - self.hold)
            if t < self.out:
                picture, black = self.old, t / max(self.out, 1e-6)
            elif t < self.out + self.hold:
                picture, black = self.new, 1.0
            else:
                picture, black = self.new, 1.0 - min(1.0, (t - self.out - self.hold) / in_)
            target.blit(picture, pos)
            if black > 0:
                veil = _veil(picture.get_size())
                veil.set_alpha(round(255 * min(1.0, black)))
                target.blit(veil, pos)
            return
        a = min(1.0, t / self.duration) if self.duration else 1.0
        target.blit(self.old, pos)
        self.new.set_alpha(round(255 * a))
        target.blit(self.new, pos)
        self.new.set_alpha(None)


_VEILS: dict[tuple[int, int], pygame.Surface] = {}


def _veil(size: tuple[int, int]) -> pygame.Surface:
    veil = _VEILS.get(size)
    if veil is None:
        veil = pygame.Surface(size).convert()
        veil.fill((0, 0, 0))
        _VEILS.clear()
        _VEILS[size] = veil
    return veil
