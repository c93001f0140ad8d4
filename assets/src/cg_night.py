"""The night road CGs: the confession, him behind her, the two of them walking away."""

from __future__ import annotations

import numpy as np
from cg_cast import hand, sakura_head, sasuke_head
from cg_faces import Face, brows
from cg_kit import (
    SAKURA,
    SASUKE,
    H,
    Pen,
    W,
    composite,
    dark,
    figures,
    glow,
    grade,
    over,
    shape_mask,
    vgrad,
    vignette,
)
from draw import mix, spline

NIGHT = (0.80, 0.82, 0.98)  # the figures under moonlight
CLOUD = (0.66, 0.66, 0.86)


def star(img: np.ndarray, x: float, y: float, r: float, a: float) -> None:
    """A soft point of light, painted on a small patch only."""
    x0, y0 = max(0, int(x) - 6), max(0, int(y) - 6)
    patch = img[y0:int(y) + 7, x0:int(x) + 7]
    yy, xx = np.mgrid[y0:y0 + patch.shape[0], x0:x0 + patch.shape[1]].astype(np.float32)
    m = (np.exp(-(((xx - x) / r) ** 2 + ((yy - y) / r) ** 2) * 2.0) * a)[..., None]
    patch[:] = patch * (1 - m) + np.asarray((230, 230, 255), np.float32) * m


def night_road(moon: tuple[float, float], horizon: float, cloud: float,
               gate: bool = False) -> np.ndarray:
    """Sky with a moon, treeline, the pale road to a vanishing point; cloud 0..1."""
    img = vgrad([(0.0, (14, 14, 40)), (0.45, (40, 36, 84)), (horizon / H, (76, 64, 120)),
                 (horizon / H + 0.001, (30, 40, 44)), (1.0, (18, 24, 30))])
    rng = np.random.default_rng(13)
    for _ in range(140):  # stars
        x, y = rng.uniform(0, W), rng.uniform(0, horizon * 0.8)
        star(img, x, y, rng.uniform(1.2, 2.4), 1 - cloud * 0.8)
    mx, my = moon
    over(img, glow(mx, my, 260, 200) * 0.45, (150, 140, 200))
    over(img, shape_mask([[(mx + 38 * np.cos(a), my + 38 * np.sin(a))
                           for a in np.linspace(0, 2 * np.pi, 64)]]), (250, 246, 226))
    over(img, glow(mx - 10, my - 8, 26) * 0.5, (255, 255, 245))
    if cloud:  # dark cloud fanning out over the sky, a veil across the moon
        xx = np.arange(W, dtype=np.float32)
        edge = horizon * 0.55 + 40 * np.sin(xx / 97.0) + 24 * np.sin(xx / 41.0 + 1.0)
        yy = np.arange(H, dtype=np.float32)[:, None]
        mass = np.clip((edge[None, :] - yy) / 60.0, 0, 1)
        over(img, mass * 0.8 * cloud, (22, 18, 44))
        over(img, glow(mx, my + 10, 220, 26) * 0.7 * cloud, (60, 52, 96))
    trees = []
    for i, x in enumerate(range(-40, W + 80, 46)):
        top = horizon - 60 - 40 * ((i * 7) % 5) / 4 - 30 * np.sin(i * 1.7)
        trees.append([(x - 34, horizon + 4), (x - 20, top + 60), (x - 8, top + 26), (x, top),
                      (x + 8, top + 26), (x + 20, top + 60), (x + 34, horizon + 4)])
    over(img, shape_mask(trees), (22, 22, 46))
    vx = W / 2
    road = [(vx - 14, horizon), (vx + 14, horizon), (W * 0.86, H), (W * 0.14, H)]
    rm = shape_mask([road])
    over(img, rm, (84, 82, 112))
    over(img, rm * glow(vx, horizon + 40, 260, 160) * 0.8, (170, 166, 200))
    over(img, rm * glow(vx, H, 500, 200) * 0.35, (130, 126, 160))
    if gate:
        gx, gy = vx, horizon + 2
        over(img, shape_mask([[(gx - 22, gy), (gx - 19, gy - 34), (gx - 16, gy - 34),
                               (gx - 17, gy)],
                              [(gx + 17, gy), (gx + 16, gy - 34), (gx + 19, gy - 34),
                               (gx + 22, gy)],
                              [(gx - 28, gy - 36), (gx + 28, gy - 36), (gx + 26, gy - 41),
                               (gx - 26, gy - 41)],
                              [(gx - 22, gy - 29), (gx + 22, gy - 29), (gx + 22, gy - 27),
                               (gx - 22, gy - 27)]]), (60, 30, 50))
        over(img, glow(gx, gy - 10, 22) * 0.6, (255, 200, 140))
    return img


def sakura_bust(p: Pen, f: Face, turn: float, arms: str = "fists") -> None:
    """Sakura from the waist up, head at the pen's origin."""
    pal = SAKURA
    line = dark(pal.cloth)
    # neck and shoulders, sleeveless red top with its collar
    p.part(spline([(-30, 80), (-32, 120), (-40, 160, 1), (40, 160, 1), (32, 120), (30, 80)]),
           pal.skin, dark(pal.skin), 2.0,
           [(spline([(-50, 70), (50, 70), (40, 140), (-40, 150)]), pal.skin_shade)])
    for side in (-1, 1):  # upper arms
        p.part(spline([(side * 130, 160), (side * 176, 200), (side * 196, 330), (side * 194, 520),
                       (side * 134, 520), (side * 128, 360), (side * 120, 230)]), pal.skin,
               dark(pal.skin), 2.2, [(spline([(side * 166, 160), (side * 220, 200),
                                              (side * 210, 520), (side * 176, 520)]),
                                      pal.skin_shade)])
    torso = spline([(-40, 142), (-126, 158), (-162, 204), (-158, 360), (-150, 560, 1),
                    (150, 560, 1), (158, 360), (162, 204), (126, 158), (40, 142)])
    p.part(torso, pal.cloth, line, 2.4,
           [(spline([(70, 190), (170, 220), (170, 580), (90, 580), (110, 380)]),
             pal.cloth_shade)])
    collar = spline([(-42, 130, 1), (0, 142), (42, 130, 1), (46, 158, 1), (0, 170), (-46, 158, 1)])
    p.part(collar, pal.cloth, line, 2.2)
    p.stroke(spline([(-46, 158), (0, 170), (46, 158)], closed=False), pal.trim, 3.0)
    p.stroke([(0, 170), (4, 560)], dark(pal.cloth, 0.35), 2.0)
    p.stroke([(24, 190), (44, 184)], pal.trim, 3.2)
    p.stroke([(22, 210), (42, 204)], pal.trim, 3.2)
    if arms == "fists":  # forearms folded up, fists held to her chest
        for side in (-1, 1):
            p.part(spline([(side * 196, 470), (side * 134, 500), (side * 46, 290),
                           (side * 40, 250), (side * 84, 246), (side * 160, 400)]), pal.skin,
                   dark(pal.skin), 2.2, [(spline([(side * 190, 470), (side * 70, 290),
                                                  (side * 50, 320), (side * 150, 530)]),
                                          pal.skin_shade)])
            hand(p.at(side * 40, 246, 1.1, 0.0, flip=side > 0), pal.skin, pal.skin_shade,
                 fist=True)
    sakura_head(p, f, turn)
    brows(p, pal, f, (-42 + turn * 18, 0), (42 + turn * 29, 0), 50, 50)


def confession(variant: str) -> np.ndarray:
    faces = {
        "": Face(brow=(-10, 6), lid_tilt=7, eye_open=0.9, mouth="open_sad", tears=1, blush=1,
                 look=(0, 3)),
        "tears": Face(brow=(-12, 6), lid_tilt=8, eye_open=0.8, mouth="cry", tears=2, blush=2,
                      look=(0, 2)),
        "eyes_closed": Face(eyes="closed_sad", brow=(-12, 6), mouth="wobble", tears=2, blush=2),
    }
    img = night_road((980, 120), 430, 0.9)
    over(img, glow(640, 230, 300, 260) * 0.35, (120, 110, 170))

    def draw(p: Pen) -> None:
        head = p.at(640, 196, 0.98, -0.04)
        sakura_bust(head, faces[variant], 0.08)

    composite(img, grade(figures(draw), CLOUD, (6, 4, 18)))
    vignette(img, 0.5)
    return img


def behind_her(variant: str) -> np.ndarray:
    wide = Face(eye_open=1.18, pupil=0.55, brow=(-12, -10), mouth="open",
                tears=1 if variant == "tears" else 0)
    his = Face(eyes="closed_soft", brow=(-5, 3), mouth="soft")
    img = night_road((260, 110), 430, 0.9)

    def draw(p: Pen) -> None:
        # him first: head lowered at her shoulder, his dark shirt behind her
        pal = SASUKE
        p.part(spline([(700, 560), (780, 500), (1000, 520), (1060, 720, 1), (700, 720, 1)]),
               pal.cloth, dark(pal.cloth, 0.45), 2.6,
               [(spline([(900, 500), (1100, 520), (1100, 720), (960, 720)]), pal.cloth_shade)])
        p.part(spline([(760, 470), (830, 540), (900, 530), (930, 470), (920, 560, 1),
                       (760, 570, 1)]), pal.cloth, dark(pal.cloth, 0.45), 2.4,
               [(spline([(760, 500), (940, 500), (940, 580), (760, 580)]),
                 mix(pal.cloth, (40, 24, 40), 0.4))])
        sasuke_head(p.at(790, 402, 1.1, -0.3), his, -0.35)
        she = p.at(580, 268, 1.18, 0.02)
        sakura_bust(she, wide, 0.0, arms="down")

    composite(img, grade(figures(draw), CLOUD, (6, 4, 18)))
    vignette(img, 0.5)
    return img


def walker(p: Pen, who: str) -> None:
    """A small figure seen from behind, feet at the origin, about 170 tall."""
    if who == "sakura":
        pal = SAKURA
        legs, shorts, top = pal.skin, (70, 56, 74), pal.cloth
    else:
        pal = SASUKE
        legs, shorts, top = pal.skin, (92, 96, 124), pal.cloth
    for side, lift in ((-1, 0), (1, -6)):
        p.part(spline([(side * 4, -80), (side * 16, -80), (side * 14, lift - 4),
                       (side * 8, lift, 1), (side * 2, lift - 4)]), legs, dark(legs), 1.6)
        p.part(spline([(side * 4, lift - 10, 1), (side * 15, lift - 10, 1), (side * 15, lift),
                       (side * 3, lift)]), (50, 44, 60), None)
    p.part(spline([(-20, -70, 1), (20, -70, 1), (18, -100), (-18, -100)]), shorts,
           dark(shorts), 1.6)
    for side in (-1, 1):
        p.part(spline([(side * 16, -140), (side * 26, -120), (side * 26, -84), (side * 18, -82),
                       (side * 16, -120)]), pal.skin, dark(pal.skin), 1.4)
    p.part(spline([(-20, -96, 1), (20, -96, 1), (22, -136), (14, -144), (-14, -144),
                   (-22, -136)]), top, dark(top, 0.5), 1.8)
    if who == "sasuke":
        p.part(spline([(-14, -132), (14, -132), (16, -104), (-16, -104)]), (150, 120, 90),
               dark((150, 120, 90)), 1.6)
        p.part(spline([(-16, -144), (-24, -176, 1), (-8, -164), (0, -184, 1), (8, -164),
                       (24, -178, 1), (16, -146), (0, -140)]), pal.hair, dark(pal.hair, 0.5),
               1.8, [(spline([(-20, -180), (10, -180), (0, -160)]), pal.hair_light)])
    else:
        p.part(spline([(-15, -140), (-17, -160), (-10, -174), (10, -174), (17, -160),
                       (15, -140), (0, -136)]), pal.hair, dark(pal.hair), 1.8,
               [(spline([(-12, -172), (8, -172), (0, -164)]), pal.hair_light)])


def walking_away(variant: str) -> np.ndarray:
    img = night_road((640, 150), 392, 0.35, gate=True)
    # their long shadows towards us, the moon ahead of them
    over(img, shape_mask([[(610, 540), (620, 540), (590, 720), (566, 720)],
                          [(660, 537), (670, 537), (690, 720), (666, 720)]]) * 0.45, (20, 20, 40))

    def draw(p: Pen) -> None:
        walker(p.at(615, 540, 0.5), "sasuke")
        walker(p.at(665, 537, 0.46), "sakura")

    composite(img, grade(figures(draw), NIGHT, (4, 4, 14)))
    vignette(img, 0.55)
    return img


CGS = {"confession": (confession, ("", "tears", "eyes_closed")),
       "behind_her": (behind_her, ("", "tears")),
       "walking_away": (walking_away, ("",))}

