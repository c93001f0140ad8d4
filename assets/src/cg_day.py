"""The daylight CGs: the bench by the gate at dawn, the hospital bed, the kiss."""

from __future__ import annotations

import numpy as np
from cg_cast import hand, hinata_profile, naruto_head, naruto_profile, sakura_head
from cg_faces import Face, brows, profile_neck
from cg_kit import (
    HINATA,
    NARUTO,
    SAKURA,
    WHITE,
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

DAWN = (1.0, 0.93, 0.92)
WOOD = (150, 104, 76)


def dawn_gate() -> np.ndarray:
    img = vgrad([(0.0, (120, 120, 176)), (0.35, (214, 170, 190)), (0.52, (250, 210, 180)),
                 (0.5201, (120, 136, 110)), (1.0, (84, 100, 80))])
    over(img, glow(860, 370, 340, 120) * 0.7, (255, 232, 190))
    hills = [[(x, 340 - 22 * np.sin(x / 140.0) - 12 * np.sin(x / 53.0 + 2)) for x in
              range(0, W + 20, 20)] + [(W, 376), (0, 376)]]
    over(img, shape_mask(hills), (150, 140, 170))
    road = [(840, 374), (880, 374), (1280, 560), (1280, 720), (760, 720)]
    over(img, shape_mask([road]), (214, 190, 170))
    gx, gy, red = 860, 380, (176, 56, 60)
    posts = [[(gx - 92, gy), (gx - 84, gy - 190), (gx - 72, gy - 190), (gx - 70, gy)],
             [(gx + 70, gy), (gx + 72, gy - 190), (gx + 84, gy - 190), (gx + 92, gy)],
             [(gx - 130, gy - 196), (gx + 130, gy - 196), (gx + 140, gy - 214),
              (gx - 140, gy - 214)],
             [(gx - 100, gy - 160), (gx + 100, gy - 160), (gx + 100, gy - 148),
              (gx - 100, gy - 148)]]
    over(img, shape_mask(posts), red)
    over(img, shape_mask([[(gx - 150, gy - 210), (gx + 150, gy - 210), (gx + 144, gy - 222),
                           (gx - 144, gy - 222)]]), (70, 40, 50))
    return img


def bench(p: Pen) -> None:
    """The bench: seat from x 0 to 620 at y 0 (its top), seen a little from above."""
    line = dark(WOOD)
    for x in (40, 560):
        p.part(spline([(x, 20, 1), (x + 26, 20, 1), (x + 24, 150, 1), (x + 2, 150, 1)]),
               mix(WOOD, (40, 24, 40), 0.3), line, 2.2)
    p.part(spline([(-10, -8, 1), (630, -8, 1), (640, 10, 1), (630, 26, 1), (-10, 26, 1),
                   (-20, 10, 1)]), WOOD, line, 2.4,
           [(spline([(-30, 12), (650, 12), (650, 40), (-30, 40)]), mix(WOOD, (40, 24, 40), 0.25))])
    for x in (150, 310, 470):
        p.stroke([(x, -6), (x, 10)], line, 1.4)


def sakura_lying(p: Pen) -> None:
    """Asleep on her side along the bench (origin at her head), feet to the right."""
    pal = SAKURA
    skin_line = dark(pal.skin)
    for dx in (0, 16):  # legs, knees a little bent
        p.part(spline([(300 + dx, 30), (420 + dx, 50), (470 + dx, 60), (560, 84 + dx / 2),
                       (566, 104 + dx / 2), (470, 92), (420 + dx, 80), (310, 76)]),
               pal.skin, skin_line, 2.2, [(spline([(300, 70), (580, 90), (580, 120), (300, 100)]),
                                           pal.skin_shade)])
    p.part(spline([(556, 80), (590, 86, 1), (594, 112, 1), (560, 108)]), (70, 56, 74),
           dark((70, 56, 74)), 2.0)
    p.part(spline([(230, 20), (330, 22), (350, 50), (330, 82), (230, 86)]), (70, 56, 74),
           dark((70, 56, 74)), 2.2)
    p.part(spline([(60, 40), (120, 12), (240, 14), (260, 50), (240, 88), (110, 90), (70, 80)]),
           pal.cloth, dark(pal.cloth), 2.4, [(spline([(60, 66), (270, 64), (270, 100), (60, 100)]),
                                              pal.cloth_shade)])
    # the arm along her side, the hand resting by her knee
    p.part(spline([(120, 22), (200, 26), (280, 30), (300, 40), (286, 48), (200, 44),
                   (120, 40)]), pal.skin, skin_line, 2.0)
    hand(p.at(292, 40, 0.55, 0.1), pal.skin, pal.skin_shade)
    # the lower arm folded under her head as a pillow
    p.part(spline([(-40, 66), (40, 50), (80, 56), (70, 76), (-30, 86)]), pal.skin, skin_line,
           2.0)
    sakura_head(p.at(-10, -30, 0.55, -1.45), Face(eyes="closed_soft", mouth="soft",
                                                  brow=(-4, 2)), 0.0)


def sakura_sitting(p: Pen, f: Face) -> None:
    """Sitting up on the bench, hands on the seat; origin at the seat's middle."""
    pal = SAKURA
    skin_line = dark(pal.skin)
    for side in (-1, 1):
        p.part(spline([(side * 40, 10), (side * 56, 20), (side * 58, 150), (side * 50, 190),
                       (side * 30, 190), (side * 28, 150), (side * 22, 20)]), pal.skin,
               skin_line, 2.2, [(spline([(side * 44, 0), (side * 70, 0), (side * 70, 200),
                                         (side * 50, 200)]), pal.skin_shade)])
        p.part(spline([(side * 26, 176, 1), (side * 60, 176, 1), (side * 62, 200, 1),
                       (side * 22, 200, 1)]), (70, 56, 74), None)
    p.part(spline([(-74, -30), (74, -30), (80, 20), (60, 36), (0, 30), (-60, 36), (-80, 20)]),
           (70, 56, 74), dark((70, 56, 74)), 2.2)
    for side in (-1, 1):  # arms down to the seat
        p.part(spline([(side * 76, -170), (side * 100, -150), (side * 110, -60),
                       (side * 112, 0), (side * 92, 0), (side * 86, -70), (side * 70, -140)]),
               pal.skin, skin_line, 2.2)
        hand(p.at(side * 104, -2, 0.5, 1.45 if side < 0 else -1.45, flip=side > 0), pal.skin,
             pal.skin_shade)
    p.part(spline([(-20, -226), (-72, -210), (-84, -176), (-64, -100), (-72, -40, 1),
                   (72, -40, 1), (64, -100), (84, -176), (72, -210), (20, -226)]), pal.cloth,
           dark(pal.cloth), 2.4,
           [(spline([(30, -230), (100, -200), (100, -30), (40, -30)]), pal.cloth_shade)])
    p.stroke([(0, -216), (2, -40)], dark(pal.cloth, 0.35), 1.6)
    sakura_head(p.at(0, -290, 0.6, 0.08), f, 0.2)
    brows(p.at(0, -290, 0.6, 0.08), pal, f, (-38, 0), (55, 0), 50, 45)


def bench_dawn(variant: str) -> np.ndarray:
    img = dawn_gate()

    def draw(p: Pen) -> None:
        bench(p.at(170, 500))
        if variant == "awake":
            sakura_sitting(p.at(470, 500), Face(brow=(-7, 5), lid_tilt=5, eye_open=0.85,
                                                look=(6, 2), mouth="frown", tears=1))
        else:
            sakura_lying(p.at(250, 420))

    composite(img, grade(figures(draw), DAWN, (8, 0, 4)))
    over(img, glow(860, 370, 500, 260) * 0.12, (255, 220, 190))
    vignette(img, 0.3, (60, 30, 50))
    return img


def hospital_bed(variant: str) -> np.ndarray:
    """From above: his head on the pillow, looking up at the ceiling (at us)."""
    img = vgrad([(0, (214, 226, 226)), (1, (190, 206, 210))])
    f = Face(brow=(-8, 5), lid_tilt=6, eye_open=0.9, look=(0, -2), mouth="frown",
             tears=2 if variant == "tears" else 0, tear_side=True)

    def draw(p: Pen) -> None:
        p.part(spline([(250, 60), (1030, 50), (1070, 300), (1040, 520), (240, 530), (210, 300)]),
               WHITE, (170, 176, 190), 2.6,
               [(spline([(200, 380), (1080, 380), (1080, 560), (200, 560)]), (214, 220, 230))])
        pal = NARUTO
        p.part(spline([(420, 420), (640, 460), (860, 420), (960, 520), (980, 720, 1),
                       (300, 720, 1), (320, 520)]), pal.cloth, dark(pal.cloth, 0.5), 2.4)
        p.part(spline([(560, 430), (640, 520, 1), (720, 430), (640, 446)]), pal.skin,
               dark(pal.skin), 2.0)
        sheet = (236, 240, 246)
        p.part(spline([(240, 600), (640, 580), (1040, 600), (1060, 720, 1), (220, 720, 1)]),
               sheet, (170, 176, 190), 2.6,
               [(spline([(220, 640), (1060, 630), (1060, 720), (220, 720)]), (212, 220, 232))])
        p.stroke(spline([(260, 626), (640, 608), (1030, 626)], closed=False), (190, 196, 210),
                 2.0)
        naruto_head(p.at(640, 260, 1.15, 0.06), f)

    composite(img, grade(figures(draw), (1.0, 0.98, 0.96)))
    for i in range(3):  # window light across the bed
        x = 200 + i * 330
        over(img, shape_mask([[(x, 0), (x + 160, 0), (x + 420, H), (x + 260, H)]]) * 0.10,
             (255, 250, 220))
    vignette(img, 0.35, (40, 50, 70))
    return img


def kiss(variant: str) -> np.ndarray:
    """Profiles in the warm light: her hand over his, then the kiss."""
    img = vgrad([(0, (240, 196, 170)), (0.6, (226, 170, 160)), (1, (170, 130, 140))])
    over(img, glow(640, 260, 420, 300) * 0.7, (255, 236, 200))
    for x, y, r in ((180, 140, 60), (1100, 200, 80), (980, 90, 40), (300, 560, 70)):
        over(img, glow(x, y, r) * 0.25, (255, 246, 220))
    close = variant != "hands"
    his = Face(eyes="closed_soft", brow=(-4, 2), blush=1) if close else \
        Face(eye_open=1.1, brow=(-10, -6), tears=2, look=(2, 0))
    hers = Face(eyes="closed_soft", brow=(-4, 2), blush=2) if close else \
        Face(eyes="closed_happy", brow=(-4, 2), blush=2, mouth="smile")

    def draw(p: Pen) -> None:
        npal, hpal = NARUTO, HINATA
        nx, hx = (560, 728) if close else (490, 800)
        nrot, hrot = (-0.12, 0.1) if close else (0.0, 0.0)
        hy, sy = 206, 0.96
        n_at = p.at(nx, hy + 6, sy * 1.04, nrot)
        h_at = p.at(hx, hy, sy, hrot, flip=True)
        profile_neck(n_at, npal)
        profile_neck(h_at, hpal)
        p.part(spline([(nx - 200, 390), (nx - 40, 372), (nx + 60, 392), (nx + 110, 720, 1),
                       (nx - 280, 720, 1)]), npal.cloth, dark(npal.cloth, 0.5), 2.4,
               [(spline([(nx - 320, 470), (nx + 200, 470), (nx + 200, 720), (nx - 320, 720)]),
                 npal.cloth_shade)])
        p.part(spline([(hx + 200, 390), (hx + 40, 372), (hx - 60, 392), (hx - 100, 720, 1),
                       (hx + 280, 720, 1)]), hpal.cloth, dark(hpal.cloth, 0.5), 2.4,
               [(spline([(hx + 320, 470), (hx - 200, 470), (hx - 200, 720), (hx + 320, 720)]),
                 hpal.cloth_shade)])
        naruto_profile(n_at, his)
        hinata_profile(h_at, hers)
        # his hand on the sheet, hers laid over it: sleeves lead to both
        p.part(spline([(330, 570, 1), (380, 490), (470, 466), (500, 510), (420, 580, 1)]),
               npal.cloth, dark(npal.cloth, 0.5), 2.2)
        hand(p.at(488, 492, 0.95, -0.08), npal.skin, npal.skin_shade)
        p.part(spline([(900, 570, 1), (800, 466), (618, 456), (604, 500), (780, 580, 1)]),
               hpal.cloth, dark(hpal.cloth, 0.5), 2.2)
        hand(p.at(612, 482, 0.95, 0.1, flip=True), hpal.skin, hpal.skin_shade)

    composite(img, grade(figures(draw), (1.0, 0.95, 0.92), (6, 0, 0)))
    over(img, glow(650, 220, 160, 200) * 0.25, (255, 240, 220))
    vignette(img, 0.35, (90, 40, 60))
    return img


CGS = {"bench_dawn": (bench_dawn, ("", "awake")),
       "hospital_bed": (hospital_bed, ("", "tears")),
       "kiss": (kiss, ("", "hands"))}

