"""Faces: one head drawn facing the viewer's right, expressions as `Face` variants.

The head sits in the 560x640 design space of the sprites (see characters.py); its features
are placed by the constants below, so every pose and expression shares one face.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from draw import Color, CPt, Painter, Pt, ellipse_pts, mix, spline

INK = (40, 24, 40)


def dark(c: Color, t: float = 0.55) -> Color:
    """Outline colour of a fill: towards a deep plum ink."""
    return mix(c, INK, t)

@dataclass
class Face:
    """One expression: brows, eyes, mouth, tears, blush."""

    brow: tuple[float, float] = (0.0, 0.0)  # (inner dy, outer dy); negative = raised
    eye_open: float = 1.0
    eyes: str = "open"  # open | closed_happy | closed_sad | narrow
    look: Pt = (3.0, 0.0)
    pupil: float = 1.0
    lid_tilt: float = 0.0  # >0 raises the inner corner of the upper lid (worry)
    mouth: str = "line"
    tears: int = 0  # 0 none, 1 welling, 2 streaming
    blush: int = 0  # 0 none, 1 light, 2 strong
    sweat: bool = False
    lid_flat: bool = False  # a straight, heavy upper lid (a cold or level look)


@dataclass
class Look:
    """Colours and the character-specific drawing functions."""

    name: str
    skin: Color = (253, 228, 210)
    skin_shade: Color = (240, 190, 170)
    hair: Color = (240, 150, 180)
    hair_shade: Color = (210, 110, 150)
    hair_light: Color = (255, 200, 220)
    iris: Color = (70, 160, 110)
    iris_dark: Color = (30, 90, 60)
    pupils: bool = True
    lash: Color = (60, 30, 40)
    brow_col: Color = (190, 100, 130)
    cloth: Color = (200, 40, 50)
    cloth_shade: Color = (150, 25, 45)
    trim: Color = (245, 235, 225)
    flip: bool = False
    faces: dict[str, Face] = field(default_factory=dict)

# ---------------------------------------------------------------------------------------
# shared anatomy (facing right)
# ---------------------------------------------------------------------------------------
FACE: list[CPt] = [
    (196, 150), (190, 210), (197, 262), (222, 300), (262, 325), (296, 330, 1),
    (332, 310), (360, 272), (372, 222), (372, 160), (340, 110), (280, 96), (225, 110),
]
NEAR_EYE = (240.0, 232.0)
FAR_EYE = (330.0, 232.0)
MOUTH = (302.0, 298.0)


def draw_face_base(p: Painter, lk: Look, face: Face) -> None:
    # near ear
    ear = spline([(200, 215), (182, 205), (176, 228), (186, 255), (204, 258)])
    p.part(ear, lk.skin, dark(lk.skin), 2.0, [(spline([(190, 220), (184, 232), (192, 248)]),
                                               lk.skin_shade)])
    fpts = spline(FACE)
    far_shade = spline([(352, 120), (380, 170), (374, 250), (340, 305), (300, 334),
                        (330, 290), (350, 240), (354, 180)])
    p.part(fpts, lk.skin, dark(lk.skin), 2.2, [(far_shade, lk.skin_shade)])
    # blush
    if face.blush:
        a = 70 if face.blush == 1 else 130
        col = (240, 110, 130, a)
        p.overlay(ellipse_pts(236, 272, 26, 10), col)
        p.overlay(ellipse_pts(336, 270, 17, 9), col)
        if face.blush == 2:
            for cx, n, wdt in ((236, 3, 9), (336, 2, 7)):
                for i in range(n):
                    x = cx - (n - 1) * wdt / 2 + i * wdt
                    p.stroke([(x + 4, 264), (x - 3, 279)], (220, 80, 100), 1.6)


def draw_eye(p: Painter, lk: Look, face: Face, c: Pt, w: float, near: bool) -> None:
    cx, cy = c
    h = 46.0
    lash = lk.lash
    # inner corner is towards +x for the near eye, -x for the far eye
    inner = 1 if near else -1
    if face.eyes in ("closed_happy", "closed_sad"):
        if face.eyes == "closed_happy":
            arc = [(cx - w / 2, cy + 4), (cx, cy - 8), (cx + w / 2, cy + 4)]
        else:
            arc = [(cx - w / 2, cy - 2), (cx, cy + 7), (cx + w / 2, cy - 2)]
        p.stroke(spline(arc, closed=False), lash, 4.2)
        # lash flick at the outer corner
        ox = cx - inner * w / 2
        p.stroke([(ox, cy + (4 if face.eyes == "closed_happy" else -2)),
                  (ox - inner * 7, cy - 2)], lash, 3.0)
        return
    o = face.eye_open * (0.62 if face.eyes == "narrow" else 1.0)
    top = cy - h * 0.5 * o
    bot = cy + h * 0.42 * max(0.75, min(o, 1.15))
    tilt = face.lid_tilt
    outer_x = cx - inner * w / 2
    inner_x = cx + inner * w / 2
    # upper lid: outer corner, top, inner corner (inner raised when worried)
    top_outer = top + 6 + (tilt * 0.5)
    top_inner = top + 5 - tilt
    if face.lid_flat:  # the lid cuts straight across the top of the iris
        top_outer = top_inner = top + 8 - tilt * 0.5
        bot -= 3
    white = spline([
        (outer_x, cy + 3, 1),
        (cx - inner * w * 0.22, top_outer - 3),
        (cx + inner * w * 0.18, top_inner - 2),
        (inner_x, cy - 2, 1),
        (cx + inner * w * 0.15, bot - 1),
        (cx - inner * w * 0.2, bot),
    ])
    lx, ly = face.look
    ix, iy = cx + lx, cy + 2 + ly
    irx, iry = w * 0.36, h * 0.42
    iris = ellipse_pts(ix, iy, irx, iry)
    iris_top = spline([(ix - irx - 2, iy - 2), (ix, iy - iry - 4), (ix + irx + 2, iy - 2),
                       (ix, iy - iry * 0.2)])
    iris_low = ellipse_pts(ix, iy + iry * 0.45, irx * 0.7, iry * 0.42)
    shades: list[tuple[list[Pt], Color]] = [
        (spline([(outer_x, cy), (cx, top - 4), (inner_x, cy - 4), (cx, cy - h * 0.18)]),
         (222, 226, 240)),
        (iris, lk.iris_dark),
        (ellipse_pts(ix, iy, irx - 3, iry - 3), lk.iris),
        (iris_top, mix(lk.iris_dark, lk.iris, 0.35)),
        (iris_low, mix(lk.iris, (255, 255, 255), 0.35)),
    ]
    if lk.pupils:
        pr = irx * 0.42 * face.pupil
        shades.append((ellipse_pts(ix, iy - 1, pr, pr * 1.35), mix(lk.iris_dark, INK, 0.6)))
    else:
        shades.append((ellipse_pts(ix, iy, irx * 0.62, iry * 0.62),
                       mix(lk.iris, (255, 255, 255), 0.45)))
    # upper lid shadow on the eyeball
    shades.append((spline([(outer_x - 5, cy - 2), (cx, top - 10), (inner_x + 5, cy - 6),
                           (cx, top + 7)]), (150, 130, 160)))
    p.part(white, (252, 252, 255), None, 0, shades)
    # highlights
    p.circle((ix - irx * 0.35, iy - iry * 0.4), 4.6 * (1.0 if near else 0.85), (255, 255, 255))
    p.circle((ix + irx * 0.35, iy + iry * 0.45), 2.2, (255, 255, 255))
    # upper lash line (thick), with outer flick
    lid = spline([(outer_x - inner * 6, cy + 2), (outer_x, cy + 2),
                  (cx - inner * w * 0.22, top_outer - 3), (cx + inner * w * 0.18, top_inner - 2),
                  (inner_x, cy - 2)], closed=False)
    p.stroke(lid, lash, 4.6 if near else 4.0)
    p.stroke([(outer_x, cy + 1), (outer_x - inner * 9, cy - 5)], lash, 3.2)
    # lower lash
    low = spline([(cx - inner * w * 0.32, bot - 2), (cx, bot + 1),
                  (cx + inner * w * 0.32, bot - 3)], closed=False)
    p.stroke(low, mix(lash, lk.skin, 0.35), 1.8)
    if face.tears:
        # welling water on the lower lid
        well = spline([(cx - w * 0.45, bot - 5), (cx, bot + 5), (cx + w * 0.45, bot - 5),
                       (cx, bot - 1)])
        p.overlay(well, (170, 220, 255, 200))
        p.circle((cx - w * 0.15, bot - 1), 2.0, (255, 255, 255))


def draw_tears(p: Painter, face: Face) -> None:
    if face.tears < 2:
        return
    col = (160, 215, 255, 170)
    edge = (110, 170, 230)
    for (cx, cy), sway in ((NEAR_EYE, -1.0), (FAR_EYE, 1.0)):
        x0 = cx + sway * 8
        y0 = cy + 20
        stream = spline([(x0 - 3, y0), (x0 + sway * 2 - 4, y0 + 30), (x0 + sway * 4 - 5, y0 + 56),
                         (x0 + sway * 4, y0 + 66, 1), (x0 + sway * 4 + 4, y0 + 56),
                         (x0 + sway * 2 + 4, y0 + 30), (x0 + 4, y0)])
        p.overlay(stream, col)
        p.stroke(spline([(x0 + 3, y0 + 4), (x0 + sway * 2 + 3, y0 + 30),
                         (x0 + sway * 4 + 3, y0 + 55)], closed=False), edge, 1.2)
        p.stroke([(x0 - 1, y0 + 10), (x0 + sway * 2 - 2, y0 + 28)], (255, 255, 255), 1.4)
        # a drop falling from the chin side
        dx, dy = x0 + sway * 6, y0 + 84
        drop = spline([(dx, dy - 9, 1), (dx + 4, dy), (dx, dy + 4), (dx - 4, dy)])
        p.overlay(drop, (160, 215, 255, 210))
        p.circle((dx - 1, dy - 1), 1.2, (255, 255, 255))


def draw_brows(p: Painter, lk: Look, face: Face) -> None:
    bi, bo = face.brow
    col = lk.brow_col
    # near brow: outer at left, inner at right
    nx, ny = NEAR_EYE
    near = spline([(nx - 30, ny - 37 + bo), (nx - 6, ny - 46 + (bo + bi) / 2 - 2),
                   (nx + 24, ny - 40 + bi)], closed=False)
    fx, fy = FAR_EYE
    far = spline([(fx - 20, fy - 40 + bi), (fx + 2, fy - 45 + (bo + bi) / 2 - 2),
                  (fx + 22, fy - 37 + bo)], closed=False)
    p.stroke(near, col, 4.4, taper=True)
    p.stroke(far, col, 3.8, taper=True)


def draw_nose(p: Painter, lk: Look) -> None:
    p.stroke(spline([(318, 258), (322, 272), (314, 276)], closed=False), dark(lk.skin, 0.4), 2.0)


def draw_mouth(p: Painter, lk: Look, face: Face) -> None:
    mx, my = MOUTH
    line = (120, 50, 60)
    inside = (150, 50, 70)
    m = face.mouth
    if m == "line":
        p.stroke(spline([(mx - 13, my), (mx, my + 1), (mx + 11, my - 1)], closed=False), line, 2.4)
    elif m == "smile":
        p.stroke(spline([(mx - 17, my - 4), (mx - 2, my + 5), (mx + 14, my - 5)], closed=False),
                 line, 2.6)
    elif m == "smile_open":
        shape = spline([(mx - 17, my - 4, 1), (mx, my - 1), (mx + 15, my - 5, 1), (mx + 6, my + 9),
                        (mx - 6, my + 9)])
        p.part(shape, inside, line, 1.8, [(ellipse_pts(mx, my + 9, 9, 5), (235, 120, 130))])
        p.poly(spline([(mx - 13, my - 3), (mx, my), (mx + 12, my - 4), (mx, my + 1)]),
               (255, 255, 255))
    elif m == "soft":
        p.stroke(spline([(mx - 10, my), (mx, my + 3), (mx + 10, my - 1)], closed=False), line, 2.2)
    elif m == "frown":
        p.stroke(spline([(mx - 13, my + 3), (mx, my - 2), (mx + 11, my + 2)], closed=False),
                 line, 2.4)
    elif m == "wobble":
        pts = [(mx - 16 + i * 2.0, my + 1 - 3.5 * math.sin(i / 16 * math.pi)
                + 1.6 * math.sin(i * 1.3)) for i in range(17)]
        p.stroke(pts, line, 2.4)
    elif m == "open":
        shape = ellipse_pts(mx, my + 2, 9, 11)
        p.part(shape, inside, line, 1.8, [(ellipse_pts(mx, my + 8, 7, 4), (235, 120, 130))])
    elif m == "open_sad":
        shape = spline([(mx - 14, my + 7, 1), (mx - 6, my - 2), (mx + 6, my - 3),
                        (mx + 13, my + 5, 1), (mx, my + 9)])
        p.part(shape, inside, line, 1.8, [(ellipse_pts(mx, my + 9, 8, 3), (225, 110, 125))])
    elif m == "shout":
        # yelling: wide open, the corners pulled down, upper teeth and the tongue showing
        shape = spline([(mx - 19, my + 3, 1), (mx - 7, my - 6), (mx + 8, my - 6),
                        (mx + 18, my + 2, 1), (mx + 14, my + 17), (mx, my + 25),
                        (mx - 14, my + 17)])
        p.part(shape, inside, line, 2.2, [(ellipse_pts(mx, my + 21, 12, 6), (225, 105, 120))])
        p.poly(spline([(mx - 13, my - 1), (mx, my - 4), (mx + 13, my - 1), (mx + 11, my + 3),
                       (mx, my + 1), (mx - 11, my + 4)]), (255, 255, 255))
    elif m == "flat":
        p.stroke([(mx - 11, my + 1.5), (mx, my + 0.5), (mx + 10, my + 1.5)], line, 2.4)
    elif m == "grit":
        shape = spline([(mx - 15, my - 2, 1), (mx + 13, my - 4, 1), (mx + 12, my + 5, 1),
                        (mx - 14, my + 6, 1)])
        p.part(shape, (250, 250, 250), line, 2.0)
        p.stroke([(mx - 14, my + 1.5), (mx + 12, my + 0.5)], (190, 190, 200), 1.2)
    elif m == "smirk":
        # one-sided: the near half flat, the far corner pulled up, a crease beside it
        p.stroke(spline([(mx - 11, my + 2), (mx + 1, my + 2), (mx + 9, my - 1),
                         (mx + 14, my - 7)], closed=False), line, 2.4)
        p.stroke(spline([(mx + 15, my - 10), (mx + 18, my - 5), (mx + 16, my - 1)],
                        closed=False), mix(line, (253, 228, 210), 0.45), 1.4)
    elif m == "tight":
        p.stroke(spline([(mx - 11, my + 1), (mx, my - 1), (mx + 10, my + 1)], closed=False), line,
                 2.8)


def draw_sweat(p: Painter) -> None:
    drop = spline([(372, 160, 1), (380, 178), (372, 186), (365, 178)])
    p.part(drop, (200, 230, 255), (110, 160, 210), 1.6)

