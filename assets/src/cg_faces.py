"""Faces for the CGs, in the sprites' style: a front head that can turn a little, and a profile.

Head space: the eye line is y = 0, the middle of the face x = 0, the chin near y = 106, the
crown near y = -170. A front head facing a little to the viewer's right has `turn` > 0.
The profile faces right (its nose at x ~ 104); mirror the pen for one facing left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cg_kit import INK, Pal, Pen, dark
from draw import Pt, ellipse_pts, mix, spline

LINE = (120, 50, 60)
INSIDE = (150, 50, 70)
TEAR = (160, 215, 255, 170)
TEAR_EDGE = (110, 170, 230)


@dataclass(frozen=True)
class Face:
    """One expression (the sprites' vocabulary)."""

    eyes: str = "open"  # open | closed_sad | closed_happy | closed_soft
    eye_open: float = 1.0
    look: Pt = (0.0, 0.0)
    pupil: float = 1.0
    lid_tilt: float = 0.0
    brow: tuple[float, float] = (0.0, 0.0)  # (inner dy, outer dy); negative = raised
    mouth: str = "line"
    tears: int = 0  # 0 none, 1 welling, 2 streaming
    tear_side: bool = False  # streams run sideways (lying on the back)
    blush: int = 0


# ---------------------------------------------------------------------------------------
# eyes, brows, mouth
# ---------------------------------------------------------------------------------------

def eye(p: Pen, pal: Pal, f: Face, c: Pt, w: float, inner: int, near: bool = True) -> None:
    """One eye; `inner` is +1 when the inner corner is towards +x."""
    cx, cy = c
    lash = pal.lash
    if f.eyes.startswith("closed"):
        if f.eyes == "closed_happy":
            arc = [(cx - w / 2, cy + 4), (cx, cy - 8), (cx + w / 2, cy + 4)]
        else:
            sag = 9 if f.eyes == "closed_sad" else 6
            arc = [(cx - w / 2, cy - 1), (cx, cy + sag), (cx + w / 2, cy - 1)]
        p.stroke(spline(arc, closed=False), lash, 4.2)
        ox = cx - inner * w / 2
        p.stroke([(ox, cy), (ox - inner * 8, cy + 3)], lash, 3.0)
        for i in (0.25, 0.5):  # lashes on the lowered lid
            x = cx - inner * w * i
            p.stroke([(x, cy + 6), (x - inner * 3, cy + 12)], lash, 1.6)
        if f.tears:
            p.overlay(spline([(cx - w * 0.4, cy + 8), (cx, cy + 14), (cx + w * 0.4, cy + 8),
                              (cx, cy + 10)]), (170, 220, 255, 200))
        return
    h = 46.0
    o = f.eye_open
    top = cy - h * 0.5 * o
    bot = cy + h * 0.42 * max(0.75, min(o, 1.15))
    outer_x, inner_x = cx - inner * w / 2, cx + inner * w / 2
    t_out, t_in = top + 6 + f.lid_tilt * 0.5, top + 5 - f.lid_tilt
    white = spline([(outer_x, cy + 3, 1), (cx - inner * w * 0.22, t_out - 3),
                    (cx + inner * w * 0.18, t_in - 2), (inner_x, cy - 2, 1),
                    (cx + inner * w * 0.15, bot - 1), (cx - inner * w * 0.2, bot)])
    ix, iy = cx + f.look[0], cy + 2 + f.look[1]
    irx, iry = w * 0.36, h * 0.42
    shades = [
        (spline([(outer_x, cy), (cx, top - 4), (inner_x, cy - 4), (cx, cy - h * 0.18)]),
         (222, 226, 240)),
        (ellipse_pts(ix, iy, irx, iry), pal.iris_dark),
        (ellipse_pts(ix, iy, irx - 3, iry - 3), pal.iris),
        (spline([(ix - irx - 2, iy - 2), (ix, iy - iry - 4), (ix + irx + 2, iy - 2),
                 (ix, iy - iry * 0.2)]), mix(pal.iris_dark, pal.iris, 0.35)),
        (ellipse_pts(ix, iy + iry * 0.45, irx * 0.7, iry * 0.42),
         mix(pal.iris, (255, 255, 255), 0.35)),
    ]
    if pal.pupils:
        pr = irx * 0.42 * f.pupil
        shades.append((ellipse_pts(ix, iy - 1, pr, pr * 1.35), mix(pal.iris_dark, INK, 0.6)))
    else:
        shades.append((ellipse_pts(ix, iy, irx * 0.62, iry * 0.62),
                       mix(pal.iris, (255, 255, 255), 0.45)))
    shades.append((spline([(outer_x - 5, cy - 2), (cx, top - 10), (inner_x + 5, cy - 6),
                           (cx, top + 7)]), (150, 130, 160)))
    p.part(white, (252, 252, 255), None, 0, shades)
    p.circle((ix - irx * 0.35, iy - iry * 0.4), 4.6 if near else 3.9, (255, 255, 255))
    p.circle((ix + irx * 0.35, iy + iry * 0.45), 2.2, (255, 255, 255))
    lid = spline([(outer_x - inner * 6, cy + 2), (outer_x, cy + 2),
                  (cx - inner * w * 0.22, t_out - 3), (cx + inner * w * 0.18, t_in - 2),
                  (inner_x, cy - 2)], closed=False)
    p.stroke(lid, lash, 4.6 if near else 4.0)
    p.stroke([(outer_x, cy + 1), (outer_x - inner * 9, cy - 5)], lash, 3.2)
    p.stroke(spline([(cx - inner * w * 0.32, bot - 2), (cx, bot + 1),
                     (cx + inner * w * 0.32, bot - 3)], closed=False), mix(lash, pal.skin, 0.35),
             1.8)
    if f.tears:
        p.overlay(spline([(cx - w * 0.45, bot - 5), (cx, bot + 5), (cx + w * 0.45, bot - 5),
                          (cx, bot - 1)]), (170, 220, 255, 200))
        p.circle((cx - w * 0.15, bot - 1), 2.0, (255, 255, 255))


def tear_stream(p: Pen, x0: float, y0: float, sway: float, length: float = 66.0) -> None:
    """A stream down the cheek from (x0, y0) and a drop below it."""
    ln = length
    stream = spline([(x0 - 3, y0), (x0 + sway * 2 - 4, y0 + ln * 0.45),
                     (x0 + sway * 4 - 5, y0 + ln * 0.85), (x0 + sway * 4, y0 + ln, 1),
                     (x0 + sway * 4 + 4, y0 + ln * 0.85), (x0 + sway * 2 + 4, y0 + ln * 0.45),
                     (x0 + 4, y0)])
    p.overlay(stream, TEAR)
    p.stroke(spline([(x0 + 3, y0 + 4), (x0 + sway * 2 + 3, y0 + ln * 0.45),
                     (x0 + sway * 4 + 3, y0 + ln * 0.83)], closed=False), TEAR_EDGE, 1.2)
    p.stroke([(x0 - 1, y0 + 10), (x0 + sway * 2 - 2, y0 + ln * 0.42)], (255, 255, 255), 1.4)
    dx, dy = x0 + sway * 6, y0 + ln + 18
    p.overlay(spline([(dx, dy - 9, 1), (dx + 4, dy), (dx, dy + 4), (dx - 4, dy)]),
              (160, 215, 255, 210))
    p.circle((dx - 1, dy - 1), 1.2, (255, 255, 255))


def mouth(p: Pen, m: str, mx: float, my: float) -> None:
    """The sprites' mouths, at (mx, my)."""
    if m == "line":
        p.stroke(spline([(mx - 13, my), (mx, my + 1), (mx + 11, my - 1)], closed=False), LINE,
                 2.4)
    elif m == "smile":
        p.stroke(spline([(mx - 15, my - 3), (mx - 1, my + 4), (mx + 13, my - 4)], closed=False),
                 LINE, 2.6)
    elif m == "soft":
        p.stroke(spline([(mx - 10, my), (mx, my + 3), (mx + 10, my - 1)], closed=False), LINE,
                 2.2)
    elif m == "frown":
        p.stroke(spline([(mx - 13, my + 3), (mx, my - 2), (mx + 11, my + 2)], closed=False),
                 LINE, 2.4)
    elif m == "wobble":
        pts = [(mx - 16 + i * 2.0, my + 1 - 3.5 * math.sin(i / 16 * math.pi)
                + 1.6 * math.sin(i * 1.3)) for i in range(17)]
        p.stroke(pts, LINE, 2.4)
    elif m == "open":
        p.part(ellipse_pts(mx, my + 2, 8, 10), INSIDE, LINE, 1.8,
               [(ellipse_pts(mx, my + 8, 7, 4), (235, 120, 130))])
    elif m == "open_sad":
        shape = spline([(mx - 14, my + 7, 1), (mx - 6, my - 2), (mx + 6, my - 3),
                        (mx + 13, my + 5, 1), (mx, my + 10)])
        p.part(shape, INSIDE, LINE, 1.8, [(ellipse_pts(mx, my + 9, 8, 3), (225, 110, 125))])
    elif m == "cry":  # wide open, the corners pulled down
        shape = spline([(mx - 17, my + 6, 1), (mx - 8, my - 4), (mx + 8, my - 5),
                        (mx + 16, my + 5, 1), (mx + 6, my + 15), (mx - 6, my + 15)])
        p.part(shape, INSIDE, LINE, 2.0, [(ellipse_pts(mx, my + 14, 10, 4), (230, 110, 125))])
        p.poly(spline([(mx - 11, my - 1), (mx, my - 4), (mx + 10, my - 2), (mx, my)]),
               (255, 255, 255))


def brows(p: Pen, pal: Pal, f: Face, le: Pt, re: Pt, wl: float, wr: float) -> None:
    """Brows over the left (le) and right (re) eyes; inner ends face each other."""
    bi, bo = f.brow
    for (ex, ey), w, side in ((le, wl, -1), (re, wr, 1)):
        outer = (ex + side * w * 0.62, ey - 36 + bo)
        mid = (ex + side * w * 0.1, ey - 45 + (bi + bo) / 2 - 2)
        inner = (ex - side * w * 0.5, ey - 40 + bi)
        p.stroke(spline([outer, mid, inner], closed=False), pal.brow, 4.2, taper=True)


# ---------------------------------------------------------------------------------------
# heads
# ---------------------------------------------------------------------------------------

FRONT: list[tuple[float, float]] = [
    (-88, -112), (-94, -40), (-90, 20), (-78, 56), (-54, 84), (-22, 102), (0, 106),
    (22, 102), (54, 84), (78, 56), (90, 20), (94, -40), (88, -112), (0, -150)]


def front_outline(turn: float) -> list:
    out: list = []
    for x, y in FRONT:
        u = x / 94
        nx = x * (1 - 0.28 * turn * u) + turn * 20 * max(0.0, y / 106)
        out.append((nx, y, 1) if (x, y) == (0, 106) else (nx, y))
    return spline(out)


def front_face(p: Pen, pal: Pal, f: Face, turn: float = 0.0, marks: bool = False) -> None:
    """Ears, face, features of a front head (hair is drawn by the caller around it)."""
    for side in (-1, 1):
        if side * turn > 0.35:
            continue
        ex = side * (92 - 6 * side * turn)
        ear = spline([(ex, -14), (ex + side * 16, -22), (ex + side * 20, 6), (ex + side * 10, 38),
                      (ex - side * 4, 40)])
        p.part(ear, pal.skin, dark(pal.skin), 2.0,
               [(spline([(ex + side * 6, -6), (ex + side * 12, 8), (ex + side * 6, 26)]),
                 pal.skin_shade)])
    shade_side = 1 if turn >= 0 else -1
    far = spline([(shade_side * 70, -120), (shade_side * 104, -40), (shade_side * 96, 40),
                  (shade_side * 40, 110), (shade_side * 60, 60), (shade_side * 78, -10)])
    p.part(front_outline(turn), pal.skin, dark(pal.skin), 2.2, [(far, pal.skin_shade)])
    cf = turn * 22
    le, re = (-42 + cf * 0.8, 0.0), (42 + cf * 1.3, 0.0)
    wl, wr = 50 * (1 + 0.12 * turn), 50 * (1 - 0.2 * turn)
    if f.blush:
        a = 70 if f.blush == 1 else 120
        for (ex, _), w in ((le, wl), (re, wr)):
            p.overlay(ellipse_pts(ex - 4 * (1 if ex < cf else -1), 40, w * 0.48, 9),
                      (240, 110, 130, a))
    if marks:
        col = mix(pal.skin, (120, 70, 60), 0.6)
        for i in range(3):
            y = 32 + i * 8
            p.stroke([(le[0] - 34, y - 2), (le[0] - 14, y)], col, 1.8)
            p.stroke([(re[0] + 14, y), (re[0] + 32, y - 2)], col, 1.8)
    p.stroke(spline([(cf * 1.5 + 2, 26), (cf * 1.5 + 6, 40), (cf * 1.5 - 2, 44)], closed=False),
             dark(pal.skin, 0.4), 2.0)
    mouth(p, f.mouth, cf * 1.35, 70)
    eye(p, pal, f, le, wl, 1, near=turn >= 0)
    eye(p, pal, f, re, wr, -1, near=turn < 0)
    face_tears(p, f, le, re)


def face_tears(p: Pen, f: Face, le: Pt, re: Pt) -> None:
    if f.tears < 2:
        return
    if f.tear_side:  # lying face up: from the outer corners towards the ears
        for (ex, ey), side in ((le, -1), (re, 1)):
            pen = p.at(ex + side * 20, ey + 14, 1.0, -side * 1.2)
            tear_stream(pen, 0, 0, side * 0.5, 50)
        return
    for (ex, ey), sway in ((le, -1.0), (re, 1.0)):
        tear_stream(p, ex + sway * 8, ey + 20, sway)


PROFILE = [
    (-60, -150), (40, -140), (74, -104), (84, -56), (86, -16), (80, 4), (90, 24), (104, 40, 1),
    (90, 47), (88, 53), (94, 61), (86, 67, 1), (91, 73), (84, 82), (88, 94), (78, 106),
    (46, 114), (10, 104), (-30, 74), (-100, 40), (-120, -40)]


def profile_neck(p: Pen, pal: Pal) -> None:
    p.part(spline([(46, 100), (40, 150), (38, 200, 1), (-54, 200, 1), (-50, 150),
                   (-40, 60)]), pal.skin, dark(pal.skin), 2.0,
           [(spline([(-60, 90), (60, 110), (50, 136), (-60, 150)]), pal.skin_shade)])


def profile_ear(p: Pen, pal: Pal) -> None:
    ear = spline([(-8, -10), (-26, -18), (-36, 12), (-28, 42), (-8, 46)])
    p.part(ear, pal.skin, dark(pal.skin), 2.0,
           [(spline([(-20, -4), (-28, 12), (-20, 32)]), pal.skin_shade)])


def profile_face(p: Pen, pal: Pal, f: Face, neck: bool = False) -> None:
    """A profile facing right: neck, face, ear, eye, brow, mouth detail."""
    if neck:
        profile_neck(p, pal)
    p.part(spline(PROFILE), pal.skin, dark(pal.skin), 2.2,
           [(spline([(-50, 60), (10, 92), (50, 118), (-10, 130)]), pal.skin_shade)])
    if f.blush:
        p.overlay(ellipse_pts(54, 40, 22, 9), (240, 110, 130, 70 if f.blush == 1 else 120))
    ex = 60.0
    lash = pal.lash
    if f.eyes.startswith("closed"):
        p.stroke(spline([(40, -4), (56, 7), (72, 2)], closed=False), lash, 4.4)
        p.stroke([(40, -4), (32, 1)], lash, 3.2)
        for x in (46, 54, 62):
            p.stroke([(x, 6), (x - 4, 13)], lash, 1.8)
    else:
        o = f.eye_open
        white = spline([(44, 6, 1), (52, -20 * o), (68, -16 * o), (76, 2, 1), (62, 14)])
        p.part(white, (252, 252, 255), None, 0,
               [(ellipse_pts(ex + 4 + f.look[0], 2, 7, 14 * o), pal.iris_dark),
                (ellipse_pts(ex + 5 + f.look[0], 3, 5, 11 * o), pal.iris),
                (spline([(40, -4), (60, -22), (80, -6), (60, -8)]), (150, 130, 160))])
        p.circle((ex + 2, -5 * o), 2.6, (255, 255, 255))
        p.stroke(spline([(38, 2), (48, -12 * o), (64, -17 * o), (75, -4)], closed=False),
                 lash, 4.2)
        p.stroke([(46, 2), (38, -6)], lash, 2.6)
        if f.tears:
            p.overlay(spline([(50, 10), (62, 16), (74, 6), (62, 11)]), (170, 220, 255, 210))
    bi, bo = f.brow
    p.stroke(spline([(40, -40 + bo), (58, -46 + bi / 2), (76, -40 + bi)], closed=False),
             pal.brow, 4.0, taper=True)
    if f.tears >= 2:
        tear_stream(p.at(62, 16, 1.0, 0.25), 0, 0, -0.5, 54)
    if f.mouth in ("smile", "soft"):
        p.stroke([(86, 67), (80, 66)], LINE, 2.0)
