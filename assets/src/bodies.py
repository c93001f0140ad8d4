"""Bodies and poses: torso, neck, arms and hands of the four characters.

Drawn facing the viewer's right in the 560x640 sprite space (see characters.py). A `Pose`
places both arms (shoulder, elbow, wrist) and says which hand to draw at the wrist; the
same body and clothes are shared by every pose of a character.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from draw import Painter, Pt, draw_fist, draw_open_hand, spline, tube
from faces import INK, Look, dark, mix


@dataclass(frozen=True)
class Arm:
    """One arm: joints shoulder -> elbow -> wrist, and the hand at the wrist."""

    chain: tuple[Pt, ...]
    hand: str = ""  # "" (below the frame) | "open" | "fist"
    angle: float = 0.0  # the hand's direction, degrees clockwise from +x
    mirror: bool = False  # show the other side of the hand
    front: bool = False  # drawn over the face and hair
    spread: float = 1.0
    curl: float = 0.0
    scale: float = 1.25


@dataclass(frozen=True)
class Pose:
    """How one figure stands: its arms, the head's tilt, and whether it is seen from behind."""

    near: Arm
    far: Arm
    tilt: float = 0.0  # head rotation (degrees, clockwise) about the neck
    head_at: Pt = (0.0, 0.0)  # head offset
    from_behind: bool = False
    body_dx: float = 0.0  # the body's offset under the head (turned away)


NEAR_REST = Arm(((178, 412), (158, 540), (152, 680)))
FAR_REST = Arm(((402, 412), (422, 540), (428, 680)))
DEFAULT = Pose(NEAR_REST, FAR_REST)
NECK_PIVOT = (292.0, 340.0)

# widths at shoulder, elbow, wrist
ARM_W = (50.0, 38.0, 30.0)


@dataclass
class Style:
    """What a character wears on the arms."""

    sleeve: str = "none"  # none | short | long
    sleeve_col: tuple = (0, 0, 0)
    sleeve_shade: tuple = (0, 0, 0)
    extra: dict = field(default_factory=dict)


def _shift(chain: tuple[Pt, ...], dx: float) -> tuple[Pt, ...]:
    return tuple((x + dx, y) for x, y in chain)


def _lerp(a: Pt, b: Pt, t: float) -> Pt:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def draw_arm(p: Painter, lk: Look, st: Style, arm: Arm, side: int, dx: float = 0.0) -> None:
    """Arm with its sleeve and hand. `side` is -1 for the near arm, +1 for the far one."""
    chain = _shift(arm.chain, dx)
    s, e, w = chain
    # a little more of the upper arm near the shoulder, for a rounded deltoid
    pts = [s, _lerp(s, e, 0.5), e, _lerp(e, w, 0.5), w]
    widths = [ARM_W[0], ARM_W[0] * 0.9, ARM_W[1], ARM_W[1] * 0.9, ARM_W[2]]
    shade = spline(tube([(x - side * 14, y) for x, y in pts], [wd * 0.55 for wd in widths]))
    if st.sleeve == "long":
        p.part(spline(tube(pts, [wd + 6 for wd in widths])), st.sleeve_col,
               dark(st.sleeve_col, 0.5), 2.3, [(shade, st.sleeve_shade)])
        # cuff, a little wider, at the wrist
        cuff = tube([_lerp(e, w, 0.8), w], [ARM_W[2] + 12, ARM_W[2] + 14])
        p.part(spline(cuff), mix(st.sleeve_col, (255, 255, 255), 0.25),
               dark(st.sleeve_col, 0.5), 2.0)
        p.stroke([_lerp(s, e, 0.95), _lerp(e, w, 0.05)], dark(st.sleeve_col, 0.3), 1.6)
    else:
        p.part(spline(tube(pts, widths)), lk.skin, dark(lk.skin), 2.2, [(shade, lk.skin_shade)])
        # the crease of the elbow
        p.stroke([_lerp(e, s, 0.06), _lerp(e, w, 0.06)], mix(dark(lk.skin), lk.skin, 0.5), 1.3)
        if st.sleeve == "short":
            sl = [s, _lerp(s, e, 0.28), _lerp(s, e, 0.5)]
            p.part(spline(tube(sl, [ARM_W[0] + 14, ARM_W[0] + 10, ARM_W[0] + 8])), st.sleeve_col,
                   dark(st.sleeve_col, 0.5), 2.3,
                   [(spline(tube([(x - side * 16, y) for x, y in sl], [30, 28, 26])),
                     st.sleeve_shade)])
    if arm.hand == "open":
        draw_open_hand(p, w, arm.angle, arm.scale, lk.skin, lk.skin_shade, dark(lk.skin),
                       arm.mirror, arm.spread, arm.curl)
    elif arm.hand == "fist":
        draw_fist(p, w, arm.angle, arm.scale, lk.skin, lk.skin_shade, dark(lk.skin), arm.mirror)


def draw_neck(p: Painter, lk: Look, dx: float = 0.0) -> None:
    neck = spline([(264 + dx, 290), (268 + dx, 338), (254 + dx, 380, 1), (332 + dx, 380, 1),
                   (320 + dx, 338), (322 + dx, 292)])
    shade = spline([(250 + dx, 280), (340 + dx, 280), (330 + dx, 330), (300 + dx, 350),
                    (262 + dx, 338)])
    p.part(neck, lk.skin, dark(lk.skin), 2.0, [(shade, lk.skin_shade)])


def torso_pts(dx: float = 0.0) -> list:
    """A torso with sloping shoulders and a waist, cut by the bottom of the frame."""
    return spline([(254 + dx, 366), (214 + dx, 376), (184 + dx, 392), (168 + dx, 418),
                   (166 + dx, 462), (178 + dx, 530), (184 + dx, 584), (182 + dx, 640, 1),
                   (398 + dx, 640, 1), (396 + dx, 584), (402 + dx, 530), (414 + dx, 462),
                   (412 + dx, 418), (396 + dx, 392), (368 + dx, 376), (330 + dx, 366)])


def torso_shade(dx: float = 0.0) -> list:
    return spline([(340 + dx, 380), (420 + dx, 392), (420 + dx, 660), (360 + dx, 660),
                   (372 + dx, 540), (356 + dx, 440)])


# ---------------------------------------------------------------------------------------
# clothes over the torso
# ---------------------------------------------------------------------------------------

def sakura_torso(p: Painter, lk: Look, pose: Pose) -> None:
    draw_neck(p, lk)
    p.part(torso_pts(), lk.cloth, dark(lk.cloth), 2.4, [(torso_shade(), lk.cloth_shade)])
    collar = spline([(252, 360, 1), (292, 370), (334, 360, 1), (338, 384, 1), (292, 394),
                     (248, 384, 1)])
    p.part(collar, lk.cloth, dark(lk.cloth), 2.2, [(spline([(300, 350), (340, 350), (340, 400),
                                                            (300, 400)]), lk.cloth_shade)])
    p.stroke(spline([(250, 384), (292, 394), (336, 384)], closed=False), lk.trim, 3.0)
    p.stroke([(292, 394), (300, 640)], dark(lk.cloth, 0.35), 2.0)
    p.stroke([(318, 410), (336, 404)], lk.trim, 3.2)
    p.stroke([(316, 428), (334, 422)], lk.trim, 3.2)
    # the fold under the bust and at the waist
    p.stroke(spline([(200, 500), (240, 512), (270, 510)], closed=False), dark(lk.cloth, 0.3), 1.6)
    p.stroke(spline([(330, 510), (360, 512), (390, 500)], closed=False), dark(lk.cloth, 0.3), 1.6)


def sasuke_pack(p: Painter, lk: Look) -> None:
    pack = spline([(122, 392), (140, 332), (200, 318), (236, 340), (236, 420), (150, 440)])
    tan = (150, 120, 90)
    p.part(pack, tan, dark(tan), 2.4, [(spline([(110, 400), (240, 380), (240, 450), (110, 450)]),
                                       mix(tan, INK, 0.3))])
    p.stroke(spline([(140, 338), (190, 328), (232, 346)], closed=False), mix(tan, INK, 0.4), 3.0)


def sasuke_torso(p: Painter, lk: Look, pose: Pose) -> None:
    if pose.from_behind:
        sasuke_back_view(p, lk, pose.body_dx)
        return
    draw_neck(p, lk)
    p.part(torso_pts(), lk.cloth, dark(lk.cloth, 0.45), 2.4, [(torso_shade(), lk.cloth_shade)])
    # high collar: wide, standing up around the jaw
    collar = spline([(236, 300, 1), (262, 338), (300, 350), (340, 336), (356, 296, 1), (368, 330),
                     (364, 386, 1), (300, 408), (222, 388, 1), (220, 334)])
    inner = spline([(262, 338), (300, 350), (340, 336), (320, 372), (270, 370)])
    p.part(collar, lk.cloth, dark(lk.cloth, 0.45), 2.4,
           [(inner, mix(lk.cloth, INK, 0.5)),
            (spline([(330, 290), (380, 290), (370, 400), (320, 400)]), lk.cloth_shade)])
    strap = (120, 96, 78)
    for pts in ([(216, 380), (198, 392), (204, 640, 1), (226, 640, 1), (228, 420), (238, 388)],
                [(360, 378), (380, 392), (384, 640, 1), (362, 640, 1), (358, 420), (350, 388)]):
        p.part(spline(pts), strap, dark(strap), 2.0)
    p.part(spline([(194, 520, 1), (236, 520, 1), (236, 540, 1), (194, 540, 1)]), (170, 170, 175),
           dark((170, 170, 175)), 1.6)


def sasuke_back_view(p: Painter, lk: Look, dx: float) -> None:
    """Seen from behind: back of the shirt, the collar round the nape, the pack on his back."""
    draw_neck(p, lk, dx)
    p.part(torso_pts(dx), lk.cloth, dark(lk.cloth, 0.45), 2.4,
           [(torso_shade(dx), lk.cloth_shade)])
    # the spine's fold and the shoulder blades under the shirt
    p.stroke(spline([(292 + dx, 400), (290 + dx, 520), (292 + dx, 640)], closed=False),
             dark(lk.cloth, 0.3), 1.6)
    # back of the high collar
    collar = spline([(226 + dx, 318, 1), (292 + dx, 330), (352 + dx, 316, 1), (364 + dx, 384, 1),
                     (292 + dx, 402), (220 + dx, 384, 1)])
    p.part(collar, lk.cloth, dark(lk.cloth, 0.45), 2.4,
           [(spline([(300 + dx, 300), (380 + dx, 300), (380 + dx, 410), (310 + dx, 410)]),
             lk.cloth_shade)])
    # the pack on his back, straps over both shoulders
    strap = (120, 96, 78)
    tan = (150, 120, 90)
    for pts in ([(230, 386), (214, 392), (218, 470, 1), (236, 470, 1), (242, 400)],
                [(344, 386), (366, 392), (362, 470, 1), (346, 470, 1), (340, 400)]):
        p.part(spline([(x + dx, y, *r) for x, y, *r in pts]), strap, dark(strap), 2.0)
    pack = spline([(206 + dx, 470), (226 + dx, 440), (292 + dx, 432), (358 + dx, 440),
                   (378 + dx, 470), (382 + dx, 600), (292 + dx, 618), (202 + dx, 600)])
    p.part(pack, tan, dark(tan), 2.4,
           [(spline([(330 + dx, 430), (400 + dx, 430), (400 + dx, 640), (340 + dx, 640)]),
             mix(tan, INK, 0.3))])
    flap = spline([(210 + dx, 468), (230 + dx, 444), (292 + dx, 438), (354 + dx, 444),
                   (374 + dx, 468), (366 + dx, 512, 1), (292 + dx, 524), (218 + dx, 512, 1)])
    p.part(flap, mix(tan, INK, 0.12), dark(tan), 2.2)
    p.part(spline([(282 + dx, 510, 1), (302 + dx, 510, 1), (302 + dx, 536, 1),
                   (282 + dx, 536, 1)]), (170, 170, 175), dark((170, 170, 175)), 1.6)
    p.stroke(spline([(240 + dx, 560), (292 + dx, 568), (344 + dx, 560)], closed=False),
             mix(tan, INK, 0.4), 1.8)


def naruto_torso(p: Painter, lk: Look, pose: Pose) -> None:
    gown = lk.cloth
    draw_neck(p, lk)
    p.part(torso_pts(), gown, dark(gown, 0.5), 2.4, [(torso_shade(), lk.cloth_shade)])
    v = spline([(250, 366), (292, 440, 1), (334, 366), (300, 372), (282, 372)])
    p.part(v, lk.skin, dark(lk.skin), 2.0, [(spline([(250, 360), (340, 360), (300, 392)]),
                                             lk.skin_shade)])
    p.stroke(spline([(262, 392), (278, 398), (288, 396)], closed=False), dark(lk.skin, 0.3), 1.4)
    p.stroke(spline([(296, 396), (310, 398), (324, 390)], closed=False), dark(lk.skin, 0.3), 1.4)
    p.stroke(spline([(292, 440), (320, 470), (330, 640)], closed=False), dark(gown, 0.45), 2.0)
    p.stroke([(318, 462), (342, 470)], mix(gown, (255, 255, 255), 0.5), 3.0)
    for i, (x, y) in enumerate([(214, 470), (250, 520), (206, 590), (360, 450), (380, 560),
                                (290, 600), (330, 520), (236, 430)]):
        p.circle((x + (i % 3), y), 3.0, mix(gown, (60, 110, 150), 0.35))


def hinata_torso(p: Painter, lk: Look, pose: Pose) -> None:
    jacket = lk.cloth
    draw_neck(p, lk)
    p.part(torso_pts(), jacket, dark(jacket, 0.5), 2.4, [(torso_shade(), lk.cloth_shade)])
    collar = spline([(244, 340, 1), (292, 356), (340, 340, 1), (350, 390, 1), (294, 404),
                     (238, 390, 1)])
    p.part(collar, lk.trim, dark(lk.trim, 0.45), 2.2,
           [(spline([(300, 330), (360, 330), (360, 410), (300, 410)]), mix(lk.trim, jacket, 0.5))])
    p.stroke([(294, 404), (300, 640)], dark(jacket, 0.4), 2.2)
    p.stroke([(294, 404), (300, 640)], lk.trim, 1.0)
    p.part(spline([(292, 410, 1), (304, 410, 1), (302, 432, 1), (294, 432, 1)]), lk.trim,
           dark(lk.trim), 1.4)


TORSOS = {"sakura": sakura_torso, "sasuke": sasuke_torso, "naruto": naruto_torso,
          "hinata": hinata_torso}


def style(lk: Look) -> Style:
    if lk.name in ("sasuke", "naruto"):
        return Style("short", lk.cloth, lk.cloth_shade)
    if lk.name == "hinata":
        return Style("long", lk.cloth, lk.cloth_shade)
    return Style("none")


def draw_body(p: Painter, lk: Look, pose: Pose) -> None:
    """Everything below the head that is behind it: pack, torso, the arms not in front."""
    st = style(lk)
    if lk.name == "sasuke" and not pose.from_behind:
        sasuke_pack(p, lk)
    TORSOS[lk.name](p, lk, pose)
    for arm, side in ((pose.near, -1), (pose.far, 1)):
        if not arm.front:
            draw_arm(p, lk, st, arm, side, pose.body_dx)


def draw_front_arms(p: Painter, lk: Look, pose: Pose) -> None:
    """Arms drawn over the face and hair (a hand at the chest, the cheek, the head)."""
    st = style(lk)
    for arm, side in ((pose.near, -1), (pose.far, 1)):
        if arm.front:
            draw_arm(p, lk, st, arm, side, pose.body_dx)
