"""Waist-up character sprites: one body per character, expressions as face variants.

Every figure is authored facing the viewer's right in a 560x640 design space and mirrored
for the characters who stand on the right of the stage (Sasuke, Hinata).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame
from draw import Color, CPt, Painter, Pt, ellipse_pts, hexc, mix, spline

W, H = 560, 640
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


def draw_neck(p: Painter, lk: Look) -> None:
    neck = spline([(262, 290), (266, 340), (256, 382, 1), (330, 382, 1), (322, 340), (324, 292)])
    shade = spline([(250, 280), (340, 280), (330, 330), (300, 348), (262, 338)])
    p.part(neck, lk.skin, dark(lk.skin), 2.0, [(shade, lk.skin_shade)])


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
        shape = spline([(mx - 17, my - 4, 1), (mx, my - 7), (mx + 16, my - 5, 1), (mx + 9, my + 13),
                        (mx - 8, my + 13)])
        p.part(shape, inside, line, 2.0, [(ellipse_pts(mx, my + 13, 10, 5), (230, 110, 125))])
        p.poly(spline([(mx - 14, my - 3), (mx, my - 6), (mx + 13, my - 4), (mx, my - 1)]),
               (255, 255, 255))
    elif m == "grit":
        shape = spline([(mx - 15, my - 2, 1), (mx + 13, my - 4, 1), (mx + 12, my + 5, 1),
                        (mx - 14, my + 6, 1)])
        p.part(shape, (250, 250, 250), line, 2.0)
        p.stroke([(mx - 14, my + 1.5), (mx + 12, my + 0.5)], (190, 190, 200), 1.2)
    elif m == "smirk":
        p.stroke(spline([(mx - 12, my + 2), (mx + 2, my + 2), (mx + 13, my - 5)], closed=False),
                 line, 2.4)
        p.stroke([(mx + 12, my - 5), (mx + 15, my - 2)], line, 1.6)
    elif m == "tight":
        p.stroke(spline([(mx - 11, my + 1), (mx, my - 1), (mx + 10, my + 1)], closed=False), line,
                 2.8)


def draw_sweat(p: Painter) -> None:
    drop = spline([(372, 160, 1), (380, 178), (372, 186), (365, 178)])
    p.part(drop, (200, 230, 255), (110, 160, 210), 1.6)


# ---------------------------------------------------------------------------------------
# character-specific hair and clothes
# ---------------------------------------------------------------------------------------

def sakura_back(p: Painter, lk: Look) -> None:
    back = spline([(190, 110), (255, 62), (340, 66), (398, 118), (414, 210), (412, 300),
                   (420, 372, 1), (390, 352), (372, 378, 1), (350, 330), (250, 330),
                   (222, 372, 1), (200, 350), (168, 376, 1), (176, 300), (170, 200)])
    p.part(back, lk.hair_shade, dark(lk.hair), 2.4,
           [(spline([(160, 300), (420, 300), (420, 400), (160, 400)]),
             mix(lk.hair_shade, INK, 0.2))])


def sakura_body(p: Painter, lk: Look) -> None:
    # arms (sleeveless)
    for arm in ([(166, 392), (132, 420), (116, 520), (112, 640, 1), (170, 640, 1), (172, 520),
                 (182, 440)],
                [(412, 390), (440, 418), (454, 520), (460, 640, 1), (404, 640, 1), (400, 520),
                 (396, 440)]):
        pts = spline(arm)
        p.part(pts, lk.skin, dark(lk.skin), 2.2,
               [(spline([(arm[0][0] + 25, 380), (arm[0][0] + 25, 660), (arm[0][0] + 5, 660)]),
                 lk.skin_shade)])
    draw_neck(p, lk)
    torso = spline([(256, 372), (210, 378), (170, 394), (160, 440), (168, 530), (166, 640, 1),
                    (408, 640, 1), (404, 530), (408, 440), (404, 396), (370, 380), (330, 372)])
    shade = spline([(340, 380), (420, 390), (420, 660), (360, 660), (372, 520), (356, 430)])
    p.part(torso, lk.cloth, dark(lk.cloth), 2.4, [(shade, lk.cloth_shade)])
    # mandarin collar and front trim
    collar = spline([(252, 360, 1), (292, 370), (334, 360, 1), (338, 384, 1), (292, 394),
                     (248, 384, 1)])
    p.part(collar, lk.cloth, dark(lk.cloth), 2.2, [(spline([(300, 350), (340, 350), (340, 400),
                                                            (300, 400)]), lk.cloth_shade)])
    p.stroke(spline([(250, 384), (292, 394), (336, 384)], closed=False), lk.trim, 3.0)
    p.stroke([(292, 394), (300, 640)], dark(lk.cloth, 0.35), 2.0)
    # small side fastening
    p.stroke([(318, 410), (336, 404)], lk.trim, 3.2)
    p.stroke([(316, 428), (334, 422)], lk.trim, 3.2)


def sakura_front(p: Painter, lk: Look) -> None:
    front = spline([
        (182, 340, 1), (168, 270), (170, 180), (196, 112), (255, 70), (330, 72), (384, 108),
        (404, 180), (402, 270), (392, 336, 1), (378, 290), (372, 230), (366, 190),
        (354, 192, 1), (342, 150), (318, 196, 1), (298, 146), (276, 198, 1), (256, 148),
        (232, 196, 1), (214, 160), (206, 198), (200, 250), (196, 300),
    ])
    shine = spline([(212, 110), (260, 92), (320, 92), (360, 112), (352, 122), (320, 106),
                    (262, 106), (220, 124)])
    under = spline([(352, 100), (410, 160), (410, 340), (380, 340), (384, 220), (372, 150)])
    side = spline([(170, 250), (190, 250), (196, 340), (180, 340)])
    p.part(front, lk.hair, dark(lk.hair), 2.4,
           [(under, lk.hair_shade), (side, lk.hair_shade), (shine, lk.hair_light)])
    # strand lines
    for a, b in (((258, 100), (240, 170)), ((300, 96), (300, 160)), ((338, 104), (346, 160))):
        p.stroke([a, b], dark(lk.hair, 0.3), 1.4)


def sasuke_back(p: Painter, lk: Look) -> None:
    # spikes fan out behind and above the head towards the back (left)
    back = spline([(240, 90), (262, 56), (310, 50), (356, 72), (388, 130), (394, 200),
                   (384, 260), (356, 300), (240, 300), (208, 270, 1), (150, 292, 1),
                   (186, 234), (104, 230, 1), (176, 188), (92, 150, 1), (180, 140),
                   (118, 66, 1), (204, 104), (196, 30, 1), (236, 84)])
    p.part(back, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(110, 150), (200, 170), (230, 260), (140, 280)]), lk.hair_shade),
            (spline([(150, 100), (230, 80), (250, 110), (190, 130)]), lk.hair_light)])


def sasuke_pack(p: Painter, lk: Look) -> None:
    pack = spline([(120, 390), (140, 330), (200, 318), (236, 340), (236, 420), (150, 440)])
    tan = (150, 120, 90)
    p.part(pack, tan, dark(tan), 2.4, [(spline([(110, 400), (240, 380), (240, 450), (110, 450)]),
                                       mix(tan, INK, 0.3))])
    p.stroke(spline([(140, 338), (190, 328), (232, 346)], closed=False), mix(tan, INK, 0.4), 3.0)


def sasuke_body(p: Painter, lk: Look) -> None:
    sasuke_pack(p, lk)
    # arms in short sleeves, skin below
    for arm, sleeve in (
        ([(170, 392), (138, 420), (122, 520), (118, 640, 1), (176, 640, 1), (178, 520), (186, 440)],
         [(172, 386), (134, 414), (122, 478, 1), (184, 486, 1), (190, 420)]),
        ([(410, 390), (436, 418), (450, 520), (454, 640, 1), (400, 640, 1), (398, 520), (394, 440)],
         [(408, 386), (440, 414), (452, 478, 1), (394, 486, 1), (392, 420)]),
    ):
        p.part(spline(arm), lk.skin, dark(lk.skin), 2.2,
               [(spline([(arm[0][0] + 20, 380), (arm[0][0] + 22, 660), (arm[0][0] + 2, 660)]),
                 lk.skin_shade)])
        p.part(spline(sleeve), lk.cloth, dark(lk.cloth, 0.45), 2.2,
               [(spline([(sleeve[0][0], 380), (sleeve[0][0] + 40, 380), (sleeve[0][0] + 40, 500)]),
                 lk.cloth_shade)])
    draw_neck(p, lk)
    torso = spline([(250, 372), (208, 380), (176, 396), (168, 440), (172, 530), (170, 640, 1),
                    (404, 640, 1), (402, 530), (404, 440), (400, 398), (368, 380), (332, 372)])
    p.part(torso, lk.cloth, dark(lk.cloth, 0.45), 2.4,
           [(spline([(340, 380), (420, 390), (420, 660), (356, 660), (366, 520), (352, 430)]),
             lk.cloth_shade)])
    # high collar: wide, standing up around the jaw
    collar = spline([(236, 300, 1), (262, 338), (300, 350), (340, 336), (356, 296, 1), (368, 330),
                     (364, 386, 1), (300, 408), (222, 388, 1), (220, 334)])
    inner = spline([(262, 338), (300, 350), (340, 336), (320, 372), (270, 370)])
    p.part(collar, lk.cloth, dark(lk.cloth, 0.45), 2.4,
           [(inner, mix(lk.cloth, INK, 0.5)),
            (spline([(330, 290), (380, 290), (370, 400), (320, 400)]), lk.cloth_shade)])
    # pack straps over both shoulders
    strap = (120, 96, 78)
    for pts in ([(214, 382), (196, 392), (200, 640, 1), (222, 640, 1), (226, 420), (236, 388)],
                [(362, 380), (382, 392), (386, 640, 1), (364, 640, 1), (360, 420), (352, 388)]):
        p.part(spline(pts), strap, dark(strap), 2.0)
    p.part(spline([(190, 520, 1), (232, 520, 1), (232, 540, 1), (190, 540, 1)]), (170, 170, 175),
           dark((170, 170, 175)), 1.6)


def sasuke_front(p: Painter, lk: Look) -> None:
    front = spline([
        (200, 300, 1), (186, 230), (190, 150), (230, 96), (300, 80), (360, 100), (392, 160),
        (392, 240), (376, 304, 1), (368, 250), (362, 200), (352, 216, 1), (340, 160),
        (316, 206, 1), (296, 150), (276, 180, 1), (262, 150), (236, 206, 1), (226, 168),
        (214, 220), (210, 262),
    ])
    p.part(front, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(350, 96), (410, 160), (410, 320), (376, 320), (380, 210), (370, 140)]),
             lk.hair_shade),
            (spline([(222, 118), (290, 98), (350, 112), (340, 124), (290, 112), (228, 130)]),
             lk.hair_light)])


def naruto_back(p: Painter, lk: Look) -> None:
    pass


def naruto_body(p: Painter, lk: Look) -> None:
    gown = lk.cloth
    for arm, sleeve in (
        ([(170, 392), (138, 420), (122, 520), (118, 640, 1), (176, 640, 1), (178, 520), (186, 440)],
         [(172, 384), (130, 412), (118, 500, 1), (186, 506, 1), (192, 420)]),
        ([(410, 390), (436, 418), (450, 520), (454, 640, 1), (400, 640, 1), (398, 520), (394, 440)],
         [(408, 384), (444, 412), (456, 500, 1), (394, 506, 1), (390, 420)]),
    ):
        p.part(spline(arm), lk.skin, dark(lk.skin), 2.2,
               [(spline([(arm[0][0] + 20, 380), (arm[0][0] + 22, 660), (arm[0][0] + 2, 660)]),
                 lk.skin_shade)])
        p.part(spline(sleeve), gown, dark(gown, 0.5), 2.2,
               [(spline([(sleeve[0][0], 380), (sleeve[0][0] + 40, 380), (sleeve[0][0] + 40, 510)]),
                 lk.cloth_shade)])
    draw_neck(p, lk)
    torso = spline([(250, 366), (208, 376), (174, 392), (166, 440), (172, 530), (170, 640, 1),
                    (404, 640, 1), (402, 530), (404, 440), (402, 396), (368, 378), (334, 366)])
    p.part(torso, gown, dark(gown, 0.5), 2.4,
           [(spline([(340, 380), (420, 390), (420, 660), (356, 660), (366, 520), (352, 430)]),
             lk.cloth_shade),
            ])
    # loose V neckline showing the collarbone
    v = spline([(250, 366), (292, 440, 1), (334, 366), (300, 372), (282, 372)])
    p.part(v, lk.skin, dark(lk.skin), 2.0, [(spline([(250, 360), (340, 360), (300, 392)]),
                                             lk.skin_shade)])
    p.stroke(spline([(262, 392), (278, 398), (288, 396)], closed=False), dark(lk.skin, 0.3), 1.4)
    p.stroke(spline([(296, 396), (310, 398), (324, 390)], closed=False), dark(lk.skin, 0.3), 1.4)
    # overlapping gown flap and tie
    p.stroke(spline([(292, 440), (320, 470), (330, 640)], closed=False), dark(gown, 0.45), 2.0)
    p.stroke([(318, 462), (342, 470)], mix(gown, (255, 255, 255), 0.5), 3.0)
    # dotted print on the gown
    for i, (x, y) in enumerate([(210, 470), (250, 520), (200, 590), (360, 450), (380, 560),
                                (290, 600), (330, 520), (236, 430)]):
        p.circle((x + (i % 3), y), 3.0, mix(gown, (60, 110, 150), 0.35))


def naruto_front(p: Painter, lk: Look) -> None:
    # spiky crown
    spikes = spline([
        (196, 240, 1), (184, 200), (150, 196, 1), (180, 168), (148, 132, 1), (194, 130),
        (186, 84, 1), (232, 102), (246, 46, 1), (282, 88), (320, 44, 1), (334, 92),
        (382, 68, 1), (378, 116), (420, 124, 1), (392, 156), (420, 192, 1), (390, 200),
        (380, 250, 1), (366, 214), (350, 206, 1), (332, 176), (316, 210, 1), (296, 172),
        (276, 212, 1), (256, 176), (234, 214, 1), (220, 186), (210, 230),
    ])
    p.part(spikes, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(190, 200), (260, 160), (340, 160), (400, 200), (400, 260), (190, 260)]),
             lk.hair_shade),
            (spline([(206, 118), (270, 96), (340, 100), (330, 114), (270, 110), (214, 132)]),
             lk.hair_light)])
    # bandage round the head, crossing the forehead
    band = spline([(186, 152, 1), (272, 138), (378, 146, 1), (376, 172, 1), (274, 166),
                   (190, 182, 1)])
    white = (246, 244, 238)
    p.part(band, white, (150, 150, 160), 2.2,
           [(spline([(330, 130), (390, 130), (390, 190), (330, 190)]), (214, 216, 222))])
    p.stroke(spline([(220, 170), (260, 150), (300, 160)], closed=False), (200, 200, 210), 1.4)
    p.stroke(spline([(300, 145), (340, 158), (372, 150)], closed=False), (200, 200, 210), 1.4)
    # loose end trailing behind the near side
    tail = spline([(188, 160, 1), (160, 176), (146, 214, 1), (168, 196), (190, 178, 1)])
    p.part(tail, white, (150, 150, 160), 2.0)


def naruto_marks(p: Painter, lk: Look) -> None:
    col = mix(lk.skin, (120, 70, 60), 0.6)
    for i in range(3):
        y = 266 + i * 8
        p.stroke([(212, y - 2), (232, y)], col, 1.8)
        p.stroke([(350, y), (364, y - 2)], col, 1.6)


def hinata_back(p: Painter, lk: Look) -> None:
    back = spline([(196, 110), (260, 62), (340, 64), (396, 112), (414, 220), (420, 400),
                   (430, 640, 1), (150, 640, 1), (158, 400), (168, 220)])
    p.part(back, lk.hair_shade, dark(lk.hair, 0.5), 2.4,
           [(spline([(150, 380), (430, 380), (430, 660), (150, 660)]),
             mix(lk.hair_shade, INK, 0.25))])


def hinata_body(p: Painter, lk: Look) -> None:
    jacket = lk.cloth
    for arm in ([(172, 386), (136, 414), (120, 520), (116, 640, 1), (180, 640, 1), (184, 520),
                 (192, 430)],
                [(408, 386), (440, 414), (456, 520), (460, 640, 1), (398, 640, 1), (394, 520),
                 (390, 430)]):
        p.part(spline(arm), jacket, dark(jacket, 0.5), 2.4,
               [(spline([(arm[0][0] + 18, 380), (arm[0][0] + 22, 660), (arm[0][0] + 2, 660)]),
                 lk.cloth_shade)])
    draw_neck(p, lk)
    torso = spline([(250, 366), (208, 376), (176, 392), (170, 440), (176, 530), (176, 640, 1),
                    (400, 640, 1), (398, 530), (400, 440), (398, 396), (368, 376), (334, 366)])
    p.part(torso, jacket, dark(jacket, 0.5), 2.4,
           [(spline([(340, 380), (416, 390), (416, 660), (352, 660), (362, 520), (350, 430)]),
             lk.cloth_shade)])
    # high collar of the jacket, folded, with pale trim
    collar = spline([(244, 340, 1), (292, 356), (340, 340, 1), (350, 390, 1), (294, 404),
                     (238, 390, 1)])
    p.part(collar, lk.trim, dark(lk.trim, 0.45), 2.2,
           [(spline([(300, 330), (360, 330), (360, 410), (300, 410)]), mix(lk.trim, jacket, 0.5))])
    p.stroke([(294, 404), (300, 640)], dark(jacket, 0.4), 2.2)
    p.stroke([(294, 404), (300, 640)], lk.trim, 1.0)
    # zip pull and the seams of the sleeves
    p.part(spline([(292, 410, 1), (304, 410, 1), (302, 432, 1), (294, 432, 1)]), lk.trim,
           dark(lk.trim), 1.4)
    p.stroke(spline([(184, 400), (176, 460), (178, 520)], closed=False), dark(jacket, 0.3), 1.6)
    p.stroke(spline([(396, 400), (402, 460), (400, 520)], closed=False), dark(jacket, 0.3), 1.6)


def hinata_front(p: Painter, lk: Look) -> None:
    # straight hime bangs and long side locks falling over the shoulders
    front = spline([
        (176, 470, 1), (170, 330), (172, 200), (196, 116), (256, 74), (330, 74), (388, 112),
        (410, 200), (412, 330), (414, 460, 1), (392, 470, 1), (384, 330), (374, 222),
        (368, 196, 1), (330, 200), (300, 192, 1), (276, 200), (240, 198, 1), (214, 196),
        (206, 222, 1), (204, 330), (198, 460, 1),
    ])
    p.part(front, lk.hair, dark(lk.hair, 0.5), 2.4,
           [(spline([(356, 96), (420, 160), (420, 480), (392, 480), (388, 220), (376, 140)]),
             lk.hair_shade),
            (spline([(170, 300), (206, 300), (206, 480), (170, 480)]), lk.hair_shade),
            (spline([(214, 114), (280, 94), (350, 100), (380, 120), (366, 128), (300, 110),
                     (226, 126)]), lk.hair_light)])
    for a, b in (((240, 110), (228, 190)), ((300, 100), (300, 186)), ((350, 110), (362, 190)),
                 ((188, 330), (186, 450)), ((398, 330), (402, 450))):
        p.stroke([a, b], dark(lk.hair, 0.2), 1.4)


# ---------------------------------------------------------------------------------------
# the cast
# ---------------------------------------------------------------------------------------

def _cast() -> dict[str, tuple[Look, dict]]:
    sakura = Look(
        name="sakura", hair=hexc("#f4a6c2"), hair_shade=hexc("#d9789f"), hair_light=hexc("#fdd3e2"),
        iris=hexc("#4fbf7f"), iris_dark=hexc("#1f6b47"), brow_col=hexc("#c9678d"),
        cloth=hexc("#c9303f"), cloth_shade=hexc("#94203a"), trim=hexc("#f6e8dc"),
    )
    sakura.faces = {
        "neutral": Face(mouth="line"),
        "sad": Face(brow=(-7, 5), lid_tilt=5, look=(2, 5), mouth="frown", eye_open=0.9),
        "crying": Face(brow=(-10, 6), lid_tilt=7, look=(2, 4), mouth="open_sad", tears=2,
                       eye_open=0.85, blush=1),
        "smile": Face(brow=(-6, 3), lid_tilt=4, mouth="wobble", tears=1, eye_open=0.8),
        "smile_tears": Face(brow=(-8, 4), lid_tilt=5, mouth="wobble", tears=2, eye_open=0.72,
                            blush=1),
        "surprised": Face(brow=(-12, -10), eye_open=1.15, pupil=0.6, look=(0, 0), mouth="open"),
        "angry": Face(brow=(10, -5), eye_open=0.9, lid_tilt=-5, mouth="shout", look=(4, 0)),
        "determined": Face(brow=(6, -3), eye_open=0.95, lid_tilt=-3, mouth="tight", tears=1),
    }
    sasuke = Look(
        name="sasuke", skin=hexc("#fbe2d2"), skin_shade=hexc("#e6bba8"),
        hair=hexc("#2a2f4f"), hair_shade=hexc("#181b33"), hair_light=hexc("#55628f"),
        iris=hexc("#3a3440"), iris_dark=hexc("#141018"), brow_col=hexc("#1f2238"),
        lash=hexc("#141222"), cloth=hexc("#2f3448"), cloth_shade=hexc("#1d2133"),
        trim=hexc("#d9d6e6"), flip=True,
    )
    sasuke.faces = {
        "cold": Face(brow=(2, 0), eyes="narrow", eye_open=1.0, mouth="line"),
        "smirk": Face(brow=(3, -3), eyes="narrow", eye_open=1.05, mouth="smirk"),
        "soft": Face(brow=(-5, 3), lid_tilt=3, eye_open=0.85, look=(2, 3), mouth="soft"),
        "angry": Face(brow=(11, -4), lid_tilt=-6, eye_open=0.9, mouth="grit", pupil=0.8),
        "surprised": Face(brow=(-10, -8), eye_open=1.12, pupil=0.55, look=(0, 0), mouth="open"),
        "sad": Face(brow=(-6, 4), lid_tilt=5, eye_open=0.7, look=(2, 6), mouth="frown"),
    }
    naruto = Look(
        name="naruto", skin=hexc("#f9dcc4"), skin_shade=hexc("#e7b89c"),
        hair=hexc("#f6cc3f"), hair_shade=hexc("#d89a22"), hair_light=hexc("#fff0a8"),
        iris=hexc("#3f8fe8"), iris_dark=hexc("#17458f"), brow_col=hexc("#c88a1e"),
        lash=hexc("#3a2a24"), cloth=hexc("#bcd8e4"), cloth_shade=hexc("#8db4c8"),
    )
    naruto.faces = {
        "neutral": Face(mouth="line"),
        "sad": Face(brow=(-8, 5), lid_tilt=6, look=(2, 6), mouth="frown", eye_open=0.85),
        "crying": Face(brow=(-10, 6), lid_tilt=7, look=(2, 4), mouth="open_sad", tears=2,
                       eye_open=0.8),
        "smile": Face(brow=(-6, 3), lid_tilt=4, mouth="smile", eye_open=0.75, tears=1),
        "surprised": Face(brow=(-12, -10), eye_open=1.15, pupil=0.6, look=(0, 0), mouth="open"),
        "pained": Face(brow=(8, -2), eyes="closed_sad", mouth="grit", sweat=True),
    }
    hinata = Look(
        name="hinata", skin=hexc("#fdebe0"), skin_shade=hexc("#ecc7b8"),
        hair=hexc("#2e2b5e"), hair_shade=hexc("#1d1a42"), hair_light=hexc("#5a5a9c"),
        iris=hexc("#d9d3ea"), iris_dark=hexc("#a79cc8"), pupils=False, brow_col=hexc("#2a2752"),
        lash=hexc("#1e1a3a"), cloth=hexc("#c6b6e0"), cloth_shade=hexc("#9c88c4"),
        trim=hexc("#f3eefa"), flip=True,
    )
    hinata.faces = {
        "neutral": Face(brow=(-2, 1), mouth="soft"),
        "shy": Face(brow=(-6, 3), lid_tilt=4, look=(3, 7), eye_open=0.8, mouth="soft", blush=1),
        "blush": Face(brow=(-7, 4), lid_tilt=5, look=(4, 4), eye_open=0.9, mouth="wobble",
                      blush=2),
        "smile": Face(brow=(-3, 2), eyes="closed_happy", mouth="smile", blush=1),
        "surprised": Face(brow=(-12, -9), eye_open=1.15, look=(0, 0), mouth="open", blush=1),
        "sad": Face(brow=(-8, 5), lid_tilt=6, look=(2, 6), eye_open=0.85, mouth="frown",
                    tears=1),
        "resolute": Face(brow=(4, -3), lid_tilt=-2, eye_open=1.0, mouth="tight"),
    }
    fns = {
        "sakura": (sakura_back, sakura_body, sakura_front, None),
        "sasuke": (sasuke_back, sasuke_body, sasuke_front, None),
        "naruto": (naruto_back, naruto_body, naruto_front, naruto_marks),
        "hinata": (hinata_back, hinata_body, hinata_front, None),
    }
    return {lk.name: (lk, dict(zip(("back", "body", "front", "marks"), fns[lk.name], strict=True)))
            for lk in (sakura, sasuke, naruto, hinata)}


def render(lk: Look, fns: dict, face: Face) -> pygame.Surface:
    """Draw one expression of one character at 2x and return the 560x640 sprite."""
    p = Painter(W, H, 2.0)
    fns["back"](p, lk)
    fns["body"](p, lk)
    draw_face_base(p, lk, face)
    if fns["marks"]:
        fns["marks"](p, lk)
    draw_nose(p, lk)
    draw_mouth(p, lk, face)
    draw_eye(p, lk, face, NEAR_EYE, 50, True)
    draw_eye(p, lk, face, FAR_EYE, 40, False)
    fns["front"](p, lk)
    draw_brows(p, lk, face)
    draw_tears(p, face)
    if face.sweat:
        draw_sweat(p)
    out = p.result()
    if lk.flip:
        out = pygame.transform.flip(out, True, False)
    return out


def build_all() -> dict[str, dict[str, pygame.Surface]]:
    """Every character and expression as surfaces, in a stable order."""
    out: dict[str, dict[str, pygame.Surface]] = {}
    for name, (lk, fns) in _cast().items():
        out[name] = {expr: render(lk, fns, face) for expr, face in lk.faces.items()}
    return out
