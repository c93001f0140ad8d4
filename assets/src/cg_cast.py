"""The cast's heads for the CGs: hair around `cg_faces` faces, front and profile, plus hands.

Every function draws in head space (see cg_faces) through a placed Pen.
"""

from __future__ import annotations

from cg_faces import Face, front_face, profile_ear, profile_face
from cg_kit import BANDAGE_LINE, HINATA, NARUTO, SAKURA, SASUKE, WHITE, Pal, Pen, dark
from draw import Color, mix, spline


def sakura_head(p: Pen, f: Face, turn: float = 0.0) -> None:
    pal = SAKURA
    back = spline([(-104, -120), (-60, -170), (0, -180), (60, -170), (104, -120), (120, -40),
                   (122, 60), (130, 132, 1), (104, 118), (88, 140, 1), (64, 108), (-64, 108),
                   (-88, 140, 1), (-104, 118), (-130, 132, 1), (-122, 60), (-120, -40)])
    p.part(back, pal.hair_shade, dark(pal.hair), 2.4,
           [(spline([(-140, 70), (140, 70), (140, 160), (-140, 160)]),
             mix(pal.hair_shade, (40, 24, 40), 0.2))])
    front_face(p, pal, f, turn)
    sakura_fringe(p, pal, turn)


def sakura_fringe(p: Pen, pal: Pal, turn: float = 0.0) -> None:
    t = turn * 14
    front = spline([
        (-124, 104, 1), (-124, 10), (-116, -84), (-84, -150), (0, -176), (84, -150),
        (116, -84), (124, 10), (124, 104, 1), (108, 50), (100, -10), (94, -44, 1),
        (78 + t, -88), (58 + t, -34, 1), (38 + t, -96), (16 + t, -26, 1), (-6 + t, -98),
        (-30 + t, -30, 1), (-50 + t, -92), (-70 + t, -36, 1), (-84, -80), (-96, -40, 1),
        (-102, -10), (-110, 50)])
    shine = spline([(-80, -128), (-30, -152), (30, -152), (80, -128), (72, -116), (30, -138),
                    (-30, -138), (-72, -114)])
    p.part(front, pal.hair, dark(pal.hair), 2.4,
           [(spline([(80, -150), (140, -80), (140, 110), (106, 110), (104, -40)]),
             pal.hair_shade),
            (spline([(-140, 0), (-108, 0), (-106, 110), (-140, 110)]), pal.hair_shade),
            (shine, pal.hair_light)])
    for a, b in (((-30, -150), (-44, -100)), ((10, -160), (8, -104)), ((48, -148), (56, -100))):
        p.stroke([a, b], dark(pal.hair, 0.3), 1.4)


def sasuke_head(p: Pen, f: Face, turn: float = 0.0) -> None:
    pal = SASUKE
    back = spline([(-90, -100), (-150, -150, 1), (-80, -150), (-100, -230, 1), (-30, -176),
                   (10, -250, 1), (40, -176), (110, -220, 1), (96, -140), (170, -140, 1),
                   (110, -96), (150, -40, 1), (106, -30), (100, 40), (-100, 40), (-110, -30)])
    p.part(back, pal.hair, dark(pal.hair, 0.5), 2.4,
           [(spline([(-160, -140), (-60, -120), (-60, 40), (-160, 40)]), pal.hair_shade),
            (spline([(-60, -190), (20, -200), (60, -170), (0, -170)]), pal.hair_light)])
    front_face(p, pal, f, turn)
    t = turn * 12
    front = spline([
        (-110, 96, 1), (-112, 0), (-104, -96), (-60, -160), (20, -172), (90, -140), (112, -80),
        (112, 20), (108, 100, 1), (96, 40), (92, -30), (80, -60, 1), (66 + t, -20),
        (54 + t, -66, 1), (30 + t, -14), (14 + t, -80, 1), (-6 + t, -30), (-22 + t, -84, 1),
        (-46 + t, -24), (-62 + t, -76, 1), (-80, -30), (-92, 30)])
    p.part(front, pal.hair, dark(pal.hair, 0.5), 2.4,
           [(spline([(60, -160), (130, -100), (130, 120), (100, 120), (96, -40)]),
             pal.hair_shade),
            (spline([(-70, -130), (0, -152), (60, -140), (50, -128), (0, -138), (-64, -118)]),
             pal.hair_light)])


def naruto_head(p: Pen, f: Face, turn: float = 0.0, band: bool = True) -> None:
    pal = NARUTO
    spikes = [(-96, 40, 1), (-150, 10), (-118, -20, 1), (-170, -70), (-120, -90, 1),
              (-150, -160), (-90, -150, 1), (-90, -220), (-40, -176, 1), (-10, -240),
              (30, -180, 1), (80, -224), (90, -156, 1), (160, -160), (124, -100, 1),
              (176, -60), (120, -24, 1), (154, 16), (96, 40, 1)]
    p.part(spline(spikes), pal.hair_shade, dark(pal.hair, 0.5), 2.4)
    front_face(p, pal, f, turn, marks=True)
    t = turn * 12
    front = spline([
        (-104, -30, 1), (-120, -110), (-80, -170), (0, -186), (80, -170), (120, -110),
        (104, -30, 1), (84, -64), (74 + t, -40, 1), (56 + t, -84), (34 + t, -46, 1),
        (14 + t, -90), (-8 + t, -50, 1), (-26 + t, -92), (-48 + t, -46, 1), (-64 + t, -86),
        (-80, -44, 1), (-92, -70)])
    p.part(front, pal.hair, dark(pal.hair, 0.5), 2.4,
           [(spline([(60, -170), (140, -110), (120, -20), (90, -60)]), pal.hair_shade),
            (spline([(-70, -150), (0, -172), (70, -156), (60, -144), (0, -158), (-62, -136)]),
             pal.hair_light)])
    if band:
        bandage(p, [(-108, -96, 1), (0, -112), (108, -96, 1), (106, -70, 1), (0, -86),
                    (-106, -70, 1)])


def bandage(p: Pen, pts: list) -> None:
    p.part(spline(pts), WHITE, BANDAGE_LINE, 2.2,
           [(spline([(60, -140), (140, -140), (140, 0), (60, 0)]), (214, 216, 222))])
    xs = [q[0] for q in pts]
    ys = [q[1] for q in pts]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    p.stroke(spline([(mx - 70, my + 6), (mx - 20, my - 6), (mx + 20, my)], closed=False),
             (200, 200, 210), 1.4)
    p.stroke(spline([(mx + 10, my - 4), (mx + 50, my + 6), (mx + 90, my - 2)], closed=False),
             (200, 200, 210), 1.4)


def naruto_profile(p: Pen, f: Face) -> None:
    pal = NARUTO
    back = spline([(70, -110), (40, -186, 1), (0, -156), (-40, -216, 1), (-64, -150),
                   (-140, -180, 1), (-116, -120), (-186, -106, 1), (-132, -66), (-176, -10, 1),
                   (-120, 0), (-150, 60, 1), (-80, 50), (-50, 70)])
    p.part(back, pal.hair_shade, dark(pal.hair, 0.5), 2.4)
    profile_face(p, pal, f)
    for i in range(3):
        p.stroke([(24, 30 + i * 8), (44, 32 + i * 8)], mix(pal.skin, (120, 70, 60), 0.6), 1.8)
    cap = spline([(96, -86, 1), (70, -150), (0, -176), (-90, -150), (-130, -70), (-120, 10),
                  (-84, 56, 1), (-60, 20), (-44, -20), (-24, -40), (10, -56, 1), (30, -44),
                  (48, -76, 1), (66, -46), (72, -80, 1), (86, -52, 1)])
    p.part(cap, pal.hair, dark(pal.hair, 0.5), 2.4,
           [(spline([(-140, -40), (-40, -30), (-50, 70), (-140, 70)]), pal.hair_shade),
            (spline([(-70, -150), (0, -166), (50, -150), (0, -154)]), pal.hair_light)])
    profile_ear(p, pal)
    bandage(p, [(92, -118, 1), (-122, -104), (-124, -80, 1), (92, -94, 1)])


def hinata_profile(p: Pen, f: Face) -> None:
    pal = HINATA
    back = spline([(40, -160), (-60, -170), (-130, -110), (-150, 0), (-160, 200),
                   (-172, 600, 1), (-40, 600, 1), (-50, 200), (-40, 70)])
    p.part(back, pal.hair_shade, dark(pal.hair, 0.5), 2.4,
           [(spline([(-180, 120), (-30, 120), (-30, 620), (-180, 620)]),
             mix(pal.hair_shade, (40, 24, 40), 0.25))])
    profile_face(p, pal, f)
    profile_ear(p, pal)
    cap = spline([(100, -36, 1), (92, -120), (40, -172), (-60, -172), (-128, -110), (-142, 0),
                  (-140, 140), (-128, 200, 1), (-96, 150), (-86, 40), (-60, -40), (0, -60),
                  (58, -52), (62, -36, 1)])
    p.part(cap, pal.hair, dark(pal.hair, 0.5), 2.4,
           [(spline([(-40, -156), (40, -164), (84, -120), (40, -136), (-30, -140)]),
             pal.hair_light),
            (spline([(-150, 40), (-90, 40), (-90, 220), (-150, 220)]), pal.hair_shade)])
    lock = spline([(-4, -50), (-20, 40), (-24, 160), (-30, 230, 1), (-46, 160), (-40, 40),
                   (-30, -40)])
    p.part(lock, pal.hair, dark(pal.hair, 0.5), 2.2,
           [(spline([(-50, 60), (-26, 60), (-26, 240), (-50, 240)]), pal.hair_shade)])
    for a, b in (((30, -150), (70, -50)), ((-110, 0), (-112, 140))):
        p.stroke([a, b], dark(pal.hair, 0.2), 1.4)


def hand(p: Pen, skin: Color, shade: Color, fist: bool = False) -> None:
    """A right hand, back of it up, fingers towards +x, thumb towards -y (mirror the pen
    for a left one). Origin at the wrist; about 110 long. A fist is seen from the front."""
    line = dark(skin)
    if fist:
        p.part(spline([(-30, -20), (30, -24), (36, 0), (32, 30), (0, 36), (-32, 30), (-36, 0)]),
               skin, line, 2.2, [(spline([(-40, 18), (40, 18), (40, 40), (-40, 40)]), shade)])
        for x in (-15, 1, 17):
            p.stroke(spline([(x, 2), (x + 1, 16), (x - 1, 30)], closed=False), line, 1.6)
        p.part(spline([(-34, -10), (-10, -22), (22, -20), (30, -10), (8, -6), (-28, 0)]), skin,
               line, 2.0, [(spline([(-40, -4), (30, -10), (30, 4), (-40, 4)]), shade)])
        return
    for y, ln in ((-17, 50), (-5, 56), (7, 52), (18, 42)):
        finger = spline([(40, y - 6), (40 + ln - 7, y - 5.5), (40 + ln, y, 1),
                         (40 + ln - 7, y + 5.5), (40, y + 6)])
        p.part(finger, skin, line, 1.8, [(spline([(40, y + 2), (100, y + 2), (100, y + 8),
                                                  (40, y + 8)]), shade)])
    p.part(spline([(22, -26), (48, -38), (70, -44, 1), (66, -34), (44, -22)]), skin, line, 1.8)
    palm = spline([(0, -22), (30, -26), (50, -23), (54, 0), (50, 24), (20, 26), (0, 22)])
    p.part(palm, skin, line, 2.0, [(spline([(0, 12), (60, 14), (60, 40), (0, 40)]), shade)])
    for y in (-12, 0, 12):
        p.stroke([(34, y * 0.9), (46, y)], mix(line, skin, 0.5), 1.2)


__all__ = ["sakura_head", "sasuke_head", "naruto_head", "naruto_profile", "hinata_profile",
           "hand", "HINATA", "NARUTO", "SAKURA", "SASUKE"]
