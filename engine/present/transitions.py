"""Ren'Py's built-in transitions, played between the old stage and the new one.

A transition arrives as plain data, {"kind": NAME, "duration": S, ...} (missing keys take
Ren'Py's defaults, from renpy/common/00definitions.rpy). REGISTRY maps each kind to the
function that draws a frame of it and its default time. A frame function gets the
Transition (the two stages, the StageView, the viewport, the sprites' clocks), the
target, where the canvas sits on it, the time and the progress f in [0, 1).

Whole-picture transitions (dissolve, fade, wipes, slides, pushes, iris, pixellate,
blinds, squares, punches) work on the two composed pictures; move-type ones (moves.py)
redraw the sprites themselves between their old and new placements.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pygame

from .moves import STYLES, draw_move
from .sprite_times import SpriteTimes

log = logging.getLogger("roadout.picture")

Frame = Callable[["Transition", pygame.Surface, tuple[int, int], float, float], None]
Box = tuple[float, float, float, float]


class Transition:
    """One transition from the old stage to the new, by the screen's clock."""

    def __init__(self, spec: dict[str, Any], old_stage: dict[str, Any],
                 new_stage: dict[str, Any], view: Any, vp: Any, now: float,
                 old_times: SpriteTimes | None = None,
                 new_times: SpriteTimes | None = None) -> None:
        self.spec = spec
        kind = str(spec.get("kind") or "dissolve")
        if kind not in REGISTRY:
            log.warning("no transition named '%s': dissolving instead", kind)
            kind = "dissolve"
        self.kind = kind
        self.frame_fn, default = REGISTRY[kind]
        self.duration = duration_of(spec)
        self.old_stage, self.new_stage = old_stage, new_stage
        self.view, self.vp = view, vp
        self.old_times = old_times or SpriteTimes()
        self.new_times = new_times or SpriteTimes()
        self.start = now
        self.memo: dict[Any, pygame.Surface] = {}

    def finished(self, now: float) -> bool:
        return now - self.start >= self.duration

    def old_frame(self, now: float) -> pygame.Surface:
        return self.view.compose(self.old_stage, self.vp, round(now * 1000), now,
                                 self.old_times, slot="old")

    def new_frame(self, now: float) -> pygame.Surface:
        return self.view.compose(self.new_stage, self.vp, round(now * 1000), now,
                                 self.new_times, slot="new")

    def draw(self, target: pygame.Surface, pos: tuple[int, int], now: float) -> None:
        t = now - self.start
        if t >= self.duration:
            self.view.draw_stage(target, pos, self.new_stage, self.vp, round(now * 1000),
                                 now, self.new_times)
            return
        f = max(0.0, t / self.duration) if self.duration > 0 else 1.0
        self.frame_fn(self, target, pos, now, f)


def _num(spec: dict[str, Any], key: str, default: float) -> float:
    v = spec.get(key)
    try:
        v = float(v) if v is not None else default
    except (TypeError, ValueError):
        return default
    return v if v >= 0 and v == v else default


def duration_of(spec: dict[str, Any]) -> float:
    """How long a transition takes: its own time, else Ren'Py's for its kind."""
    kind = str(spec.get("kind") or "dissolve")
    default = REGISTRY.get(kind, REGISTRY["dissolve"])[1]
    if kind == "fade" and spec.get("duration") is None:
        return _num(spec, "out", 0.5) + _num(spec, "hold", 0.0) + _num(spec, "in", 0.5)
    return _num(spec, "duration", default)


def _color(spec: dict[str, Any]) -> tuple[int, int, int]:
    try:
        c = pygame.Color(str(spec.get("color") or "#000000"))
        return (c.r, c.g, c.b)
    except (ValueError, TypeError):
        return (0, 0, 0)


# --- whole pictures ----------------------------------------------------------------------

def dissolve(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
             f: float) -> None:
    if _dissolve_sprites(tr, target, pos, now, f):
        return
    target.blit(tr.old_frame(now), pos)
    new = tr.new_frame(now)
    new.set_alpha(round(255 * f))
    target.blit(new, pos)
    new.set_alpha(None)


def _dissolve_sprites(tr: Transition, target: pygame.Surface, pos: tuple[int, int],
                      now: float, f: float) -> bool:
    """A dissolve on one still background blends only where the two pictures differ:
    the sprites that are not drawn alike on both. The background and the sprites both
    share go straight onto the target (the same pixels as blending them with themselves).
    False when the backgrounds differ."""
    view, vp = tr.view, tr.vp
    parts = view.split(tr.old_stage, tr.new_stage, vp, now, tr.old_times, tr.new_times)
    if parts is None:
        return False
    common, old_rest, new_rest = parts
    clip = target.get_clip()
    target.set_clip(pygame.Rect(pos, vp.size).clip(clip))
    try:
        view.paint_scene(target, tr.new_stage, vp, 0, pos, now, tr.new_times)
        view.draw_placed(target, common, vp, pos)
        # Sprites only coming (or only going), none over another: blending the two
        # pictures is drawing each of them at the dissolve's alpha, pixel for pixel.
        if not old_rest and view.apart(new_rest, vp):
            view.draw_placed(target, new_rest, vp, pos, f)
            return True
        if not new_rest and view.apart(old_rest, vp):
            view.draw_placed(target, old_rest, vp, pos, 1.0 - f)
            return True
        box = view.rects(old_rest + new_rest, vp)
        if box is None:
            return True
        on_target = box.move(pos)
        new = view.work("dissolve-new", vp.size).subsurface(box)
        new.blit(target, (0, 0), on_target)
        view.draw_placed(new, new_rest, vp, (-box.x, -box.y))
        if old_rest:
            view.draw_placed(target, old_rest, vp, pos)
        new.set_alpha(round(255 * f))
        target.blit(new, on_target)
    finally:
        target.set_clip(clip)
    return True


def pause(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
          f: float) -> None:
    target.blit(tr.new_frame(now), pos)


def fade(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
         f: float) -> None:
    t = now - tr.start
    out, hold = _num(tr.spec, "out", 0.5), _num(tr.spec, "hold", 0.0)
    in_ = max(1e-6, tr.duration - out - hold)
    if t < out:
        picture, veil = tr.old_frame(now), t / max(out, 1e-6)
    elif t < out + hold:
        picture, veil = tr.new_frame(now), 1.0
    else:
        picture, veil = tr.new_frame(now), 1.0 - min(1.0, (t - out - hold) / in_)
    target.blit(picture, pos)
    if veil > 0:
        target.blit(_veil(picture.get_size(), _color(tr.spec), veil), pos)


_VEILS: dict[tuple, pygame.Surface] = {}


def _veil(size: tuple[int, int], color: tuple[int, int, int], a: float) -> pygame.Surface:
    veil = _VEILS.get((size, color))
    if veil is None:
        veil = pygame.Surface(size).convert()
        veil.fill(color)
        _VEILS.clear()
        _VEILS[(size, color)] = veil
    veil.set_alpha(round(255 * min(1.0, a)))
    return veil


def pixellate(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
              f: float) -> None:
    """Pixellate(1.0, 5): the old picture in ever bigger blocks, then the new in ever
    smaller ones; a block is 2**step canvas pixels."""
    steps = max(1, int(_num(tr.spec, "steps", 5)))
    step = min(2 * steps - 1, int(f * 2 * steps))
    old = step < steps
    px = 2 ** step if old else 2 ** (2 * steps - step - 1)
    frame = tr.old_frame(now) if old else tr.new_frame(now)
    block = max(1, round(px * tr.vp.scale))
    if block == 1:
        target.blit(frame, pos)
        return
    w, h = frame.get_size()
    small = pygame.transform.smoothscale(frame, (max(1, w // block), max(1, h // block)))
    target.blit(pygame.transform.scale(small, (w, h)), pos)


def _rect(box: Box, size: tuple[int, int]) -> pygame.Rect:
    w, h = size
    return pygame.Rect(round(box[0] * w), round(box[1] * h), round(box[2] * w),
                       round(box[3] * h))


def _mix(a: Box, b: Box, f: float) -> Box:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f,
            a[2] + (b[2] - a[2]) * f, a[3] + (b[3] - a[3]) * f)


FULL: Box = (0.0, 0.0, 1.0, 1.0)

# CropMove's modes: (start crop, start pos, end crop, end pos, the new picture on top).
CROPS: dict[str, tuple[Box, tuple[float, float], Box, tuple[float, float], bool]] = {
    "wiperight": ((0, 0, 0, 1), (0, 0), FULL, (0, 0), True),
    "wipeleft": ((1, 0, 0, 1), (1, 0), FULL, (0, 0), True),
    "wipedown": ((0, 0, 1, 0), (0, 0), FULL, (0, 0), True),
    "wipeup": ((0, 1, 1, 0), (0, 1), FULL, (0, 0), True),
    "slideright": ((1, 0, 0, 1), (0, 0), FULL, (0, 0), True),
    "slideleft": ((0, 0, 0, 1), (1, 0), FULL, (0, 0), True),
    "slideup": ((0, 0, 1, 0), (0, 1), FULL, (0, 0), True),
    "slidedown": ((0, 1, 1, 0), (0, 0), FULL, (0, 0), True),
    "slideawayleft": (FULL, (0, 0), (1, 0, 0, 1), (0, 0), False),
    "slideawayright": (FULL, (0, 0), (0, 0, 0, 1), (1, 0), False),
    "slideawaydown": (FULL, (0, 0), (0, 0, 1, 0), (0, 1), False),
    "slideawayup": (FULL, (0, 0), (0, 1, 1, 0), (0, 0), False),
    "irisout": ((0.5, 0.5, 0, 0), (0.5, 0.5), FULL, (0, 0), True),
    "irisin": (FULL, (0, 0), (0.5, 0.5, 0, 0), (0.5, 0.5), False),
}


def crop_move(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
              f: float) -> None:
    """Ren'Py's CropMove: a growing or shrinking slice of one picture over the other."""
    crop0, pos0, crop1, pos1, topnew = CROPS[tr.kind]
    old, new = tr.old_frame(now), tr.new_frame(now)
    bottom, top = (old, new) if topnew else (new, old)
    size = top.get_size()
    target.blit(bottom, pos)
    crop = _rect(_mix(crop0, crop1, f), size).clip(top.get_rect())
    at = _rect((pos0[0], pos0[1], 0, 0), size).topleft
    end = _rect((pos1[0], pos1[1], 0, 0), size).topleft
    x = round(at[0] + (end[0] - at[0]) * f)
    y = round(at[1] + (end[1] - at[1]) * f)
    if crop.width > 0 and crop.height > 0:
        target.blit(top, (pos[0] + x, pos[1] + y), crop)


# PushMove: the direction the old picture is pushed (the new follows it in).
PUSHES = {"pushright": (1, 0), "pushleft": (-1, 0), "pushup": (0, -1), "pushdown": (0, 1)}


def push(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
         f: float) -> None:
    dx, dy = PUSHES[tr.kind]
    old, new = tr.old_frame(now), tr.new_frame(now)
    w, h = old.get_size()
    ox, oy = round(dx * w * f), round(dy * h * f)
    clip = target.get_clip()
    target.set_clip(pygame.Rect(pos, (w, h)).clip(clip))
    target.blit(old, (pos[0] + ox, pos[1] + oy))
    target.blit(new, (pos[0] + ox - dx * w, pos[1] + oy - dy * h))
    target.set_clip(clip)


# vpunch and hpunch: Move((0, 10), (0, -10), .10, bounce=True, repeat=True, delay=.275).
PUNCHES = {"vpunch": (0, 10), "hpunch": (15, 0)}


def punch(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
          f: float) -> None:
    ax, ay = PUNCHES[tr.kind]
    ax, ay = _num(tr.spec, "dx", ax), _num(tr.spec, "dy", ay)
    period = _num(tr.spec, "period", 0.10) or 0.10
    t = ((now - tr.start) / period) % 1.0 * 2.0
    t = 2.0 - t if t > 1.0 else t  # bounce: there and back in each period
    k = 1.0 - 2.0 * t  # from +1 to -1 and back
    new = tr.new_frame(now)
    clip = target.get_clip()
    target.set_clip(pygame.Rect(pos, new.get_size()).clip(clip))
    target.fill((0, 0, 0), pygame.Rect(pos, new.get_size()))
    target.blit(new, (pos[0] + round(ax * k * tr.vp.scale), pos[1] + round(ay * k * tr.vp.scale)))
    target.set_clip(clip)


def blinds(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
           f: float) -> None:
    """ImageDissolve with Ren'Py's blinds tile: the new picture opens in vertical slats."""
    old, new = tr.old_frame(now), tr.new_frame(now)
    target.blit(old, pos)
    w, h = new.get_size()
    slats = 16
    for i in range(slats):
        x0, x1 = round(i * w / slats), round((i + 1) * w / slats)
        width = round((x1 - x0) * f)
        if width > 0:
            target.blit(new, (pos[0] + x0, pos[1]), pygame.Rect(x0, 0, width, h))


def _grey(i: int, j: int) -> float:
    """A fixed shade in [0, 1) for each square (the squares tile's greys)."""
    n = (i * 73856093) ^ (j * 19349663)
    return ((n * 2654435761) & 0xFFFF) / 65536.0


def squares(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
            f: float) -> None:
    """ImageDissolve with Ren'Py's squares tile (ramp 256): each square fades in on its
    own, the lighter squares of the tile first."""
    old, new = tr.old_frame(now), tr.new_frame(now)
    target.blit(old, pos)
    w, h = new.get_size()
    side = max(1, round(64 * tr.vp.scale))
    offset = -1.0 + 2.0 * f
    for j, y in enumerate(range(0, h, side)):
        for i, x in enumerate(range(0, w, side)):
            a = min(1.0, max(0.0, _grey(i, j) + offset))
            if a <= 0:
                continue
            part = new.subsurface(pygame.Rect(x, y, side, side).clip(new.get_rect()))
            if a < 1:
                part.set_alpha(round(255 * a))
            target.blit(part, (pos[0] + x, pos[1] + y))


REGISTRY: dict[str, tuple[Frame, float]] = {
    "dissolve": (dissolve, 0.5),
    "fade": (fade, 1.0),
    "pause": (pause, 0.5),
    "pixellate": (pixellate, 1.0),
    "blinds": (blinds, 1.0),
    "squares": (squares, 1.0),
    "vpunch": (punch, 0.275),
    "hpunch": (punch, 0.275),
    **{kind: (crop_move, 1.0) for kind in CROPS},
    **{kind: (push, 1.0) for kind in PUSHES},
    **{kind: (draw_move, seconds) for kind, (_, seconds) in STYLES.items()},
}
