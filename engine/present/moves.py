"""Ren'Py's move-type transitions: sprites glide from where they stood on the old stage
to where they stand on the new (move, ease), enter from or leave by a side of the screen
(moveinleft … easeoutbottom), or zoom in and out of their place (zoomin, zoomout,
zoominout). The background is the new stage's from the start, as in Ren'Py.

The rules are MoveTransition's (renpy/common/00definitions.rpy): a sprite on both stages
moves from its old placement to its new one; one only on the new stage slides in from its
side (or appears at once, without an enter side); one only on the old stage slides out by
its side (or is gone at once).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from engine.atl.placement import Placement, canvas_xy

from .camera import layered
from .compose import Placed

if TYPE_CHECKING:
    from .transitions import Transition

CANVAS = (1280, 720)
Warp = Callable[[float], float]


def linear(x: float) -> float:
    return x


def ease(x: float) -> float:  # Ren'Py's _ease_time_warp
    return 0.5 - math.cos(math.pi * x) / 2.0


def ease_in(x: float) -> float:  # _ease_in_time_warp, for entering sprites
    return math.cos((1.0 - x) * math.pi / 2.0)


def ease_out(x: float) -> float:  # _ease_out_time_warp, for leaving sprites
    return 1.0 - math.cos(x * math.pi / 2.0)


# _moveleft, _moveright, _movetop, _movebottom: just off that side of the screen.
SIDES: dict[str, dict[str, float]] = {
    "left": {"xpos": 0.0, "xanchor": 1.0}, "right": {"xpos": 1.0, "xanchor": 0.0},
    "top": {"ypos": 0.0, "yanchor": 1.0}, "bottom": {"ypos": 1.0, "yanchor": 0.0},
}


def _size(pic: Any, p: Placement) -> tuple[float, float]:
    """The picture's zoomed size in canvas pixels."""
    w, h = pic.canvas_size
    return w * abs(p.zoom * p.xzoom), h * abs(p.zoom * p.yzoom)


def _abs(v: float, whole: float) -> float:
    return v * whole if isinstance(v, float) else float(v)


def _frac(v: float, part: float) -> float:
    return v if isinstance(v, float) else (float(v) / part if part else 0.0)


def lerp(a: Placement, b: Placement, t: float, pic_a: Any, pic_b: Any) -> Placement:
    """`a` at t=0, `b` at t=1: positions in canvas pixels, the rest by number."""
    def mix(x: float, y: float) -> float:
        return x + (y - x) * t

    sa, sb = _size(pic_a, a), _size(pic_b, b)
    x = mix(_abs(a.xpos, CANVAS[0]) + a.xoffset, _abs(b.xpos, CANVAS[0]) + b.xoffset)
    y = mix(_abs(a.ypos, CANVAS[1]) + a.yoffset, _abs(b.ypos, CANVAS[1]) + b.yoffset)
    return Placement(
        xpos=0.0, ypos=0.0, xoffset=x, yoffset=y,
        xanchor=mix(_frac(a.xanchor, sa[0]), _frac(b.xanchor, sb[0])),
        yanchor=mix(_frac(a.yanchor, sa[1]), _frac(b.yanchor, sb[1])),
        zoom=mix(a.zoom, b.zoom), xzoom=mix(a.xzoom, b.xzoom), yzoom=mix(a.yzoom, b.yzoom),
        alpha=mix(a.alpha, b.alpha), rotate=mix(a.rotate, b.rotate),
        tint=(mix(a.tint[0], b.tint[0]), mix(a.tint[1], b.tint[1]),
              mix(a.tint[2], b.tint[2])),
        brightness=mix(a.brightness, b.brightness))


def off_side(p: Placement, side: str) -> Placement:
    return p.but(**SIDES[side])


def zoomed_about_centre(item: Placed, z: float) -> Placement:
    """The sprite zoomed by `z` about the middle of where it stands."""
    p = item.p
    w, h = _size(item.pic, p)
    x, y = canvas_xy(p, (w, h))
    return p.but(xpos=0.0, ypos=0.0, xoffset=x + w / 2, yoffset=y + h / 2, xanchor=0.5,
                 yanchor=0.5, zoom=p.zoom * z)


class MoveStyle:
    """One member of a move family: how sprites move, enter and leave."""

    def __init__(self, warp: Warp = linear, enter: str | None = None,
                 leave: str | None = None, enter_warp: Warp | None = None,
                 leave_warp: Warp | None = None, zoom_in: bool = False,
                 zoom_out: bool = False) -> None:
        self.warp = warp
        self.enter, self.leave = enter, leave
        self.enter_warp = enter_warp or warp
        self.leave_warp = leave_warp or warp
        self.zoom_in, self.zoom_out = zoom_in, zoom_out

    def frame(self, old: list[Placed], new: list[Placed], f: float) -> list[Placed]:
        """The sprites to draw at progress `f`, in drawing order."""
        before = {x.key: x for x in old}
        after = {x.key for x in new}
        out: list[Placed] = []
        for item in new:
            was = before.get(item.key)
            if was is not None:
                p = lerp(was.p, item.p, self.warp(f), was.pic, item.pic)
            elif self.enter:
                start = off_side(item.p, self.enter)
                p = lerp(start, item.p, self.enter_warp(f), item.pic, item.pic)
            elif self.zoom_in:
                p = zoomed_about_centre(item, 0.01 + 0.99 * f)
            else:
                p = item.p
            out.append(Placed(item.key, item.sprite, item.pic, p, item.finished))
        for i, item in enumerate(old):
            if item.key in after:
                continue
            if self.leave:
                end = off_side(item.p, self.leave)
                p = lerp(item.p, end, self.leave_warp(f), item.pic, item.pic)
            elif self.zoom_out:
                p = zoomed_about_centre(item, 1.0 - 0.99 * f)
            else:
                continue
            out.insert(min(i, len(out)), Placed(item.key, item.sprite, item.pic, p, False))
        return out


def move_styles() -> dict[str, tuple[MoveStyle, float]]:
    """Every move-type transition by name, with Ren'Py's time for it."""
    styles: dict[str, tuple[MoveStyle, float]] = {}
    families = {"move": (linear, linear, linear), "ease": (ease, ease_in, ease_out)}
    for prefix, (warp, warp_in, warp_out) in families.items():
        styles[prefix] = (MoveStyle(warp), 0.5)
        for side in SIDES:
            styles[f"{prefix}in{side}"] = (MoveStyle(warp, enter=side, enter_warp=warp_in),
                                           0.5)
            styles[f"{prefix}out{side}"] = (MoveStyle(warp, leave=side,
                                                      leave_warp=warp_out), 0.5)
    styles["zoomin"] = (MoveStyle(zoom_in=True), 0.5)
    styles["zoomout"] = (MoveStyle(zoom_out=True), 0.5)
    styles["zoominout"] = (MoveStyle(zoom_in=True, zoom_out=True), 0.5)
    return styles


STYLES = move_styles()


def draw_move(tr: Transition, target: pygame.Surface, pos: tuple[int, int], now: float,
              f: float) -> None:
    """The new stage's background, the sprites where the move has them at `f`."""
    style = STYLES.get(tr.kind, STYLES["move"])[0]
    view, vp = tr.view, tr.vp
    if layered(tr.old_stage) or layered(tr.new_stage):
        # Sprites under a camera or on other layers: the two pictures blend, as a
        # dissolve, rather than sprites moving outside their layers.
        target.blit(tr.old_frame(now), pos)
        new = tr.new_frame(now)
        new.set_alpha(round(255 * f))
        target.blit(new, pos)
        new.set_alpha(None)
        return
    clip = target.get_clip()
    target.set_clip(pygame.Rect(pos, vp.size).clip(clip))
    try:
        marks = view.paint_scene(target, tr.new_stage, vp, round(now * 1000), pos, now,
                                 tr.new_times)
        new = view.placements(tr.new_stage, vp, now, tr.new_times, marks)
        old = view.placements(tr.old_stage, vp, now, tr.old_times)
        view.draw_placed(target, style.frame(old, new, f), vp, pos)
    finally:
        target.set_clip(clip)
