"""Waist-up character sprites: the cast, their expressions and their poses.

Every figure is authored facing the viewer's right in a 560x640 design space and mirrored
for the characters who stand on the right of the stage (Sasuke, Hinata). A sprite is drawn
in four layers at 2x: the hair behind the head, the body (torso, arms, hands), the head
(face, expression, front hair; turned by the pose's tilt about the neck) and any arm in
front of the head. `faces.py` draws the head, `hair.py` the hair, `bodies.py` the bodies
and poses; `draw.py` holds the hands.

Images: `<name>/<expression>.png` for the default pose, `<name>/<pose>_<expression>.png`
for the others (the story's `show sakura fists crying` finds `sakura/fists_crying.png`).
"""

from __future__ import annotations

import math

import faces as fc
import hair
import pygame
from bodies import DEFAULT, FAR_REST, NEAR_REST, NECK_PIVOT, Arm, Pose, draw_body, draw_front_arms
from draw import Painter, hexc
from faces import Face, Look

W, H = 560, 640

# ---------------------------------------------------------------------------------------
# poses: arms (shoulder, elbow, wrist), hands, head tilt
# ---------------------------------------------------------------------------------------
POSES: dict[str, dict[str, Pose]] = {
    "sakura": {
        # fists held to her chest, clenched
        "fists": Pose(
            Arm(((178, 412), (184, 566), (252, 472)), "fist", -62, front=True),
            Arm(((402, 412), (398, 570), (326, 476)), "fist", -118, mirror=True, front=True),
            tilt=2.0),
    },
    "sasuke": {
        # turned away up the road, looking back over his shoulder
        "back": Pose(NEAR_REST, FAR_REST, tilt=-4.0, from_behind=True, body_dx=-56),
    },
    "naruto": {
        # reaching out: a hand raised towards the one beside him (her cheek, her hand)
        "reach": Pose(NEAR_REST,
                      Arm(((402, 412), (482, 482), (500, 376)), "open", -76, front=True)),
        # a hand to his bandaged head
        "head": Pose(Arm(((178, 412), (110, 350), (168, 262)), "open", -62, mirror=True,
                         front=True, curl=0.25),
                     FAR_REST, tilt=4.0),
    },
    "hinata": {
        # hands clasped in front of her
        "clasped": Pose(
            Arm(((178, 412), (176, 560), (260, 530)), "fist", -24),
            Arm(((402, 412), (408, 566), (334, 532)), "open", 196, mirror=True, curl=0.45)),
        # reaching out to lay her hand over his
        "reach": Pose(NEAR_REST,
                      Arm(((402, 412), (448, 526), (472, 580)), "open", 8, mirror=True)),
    },
}

# which expressions each extra pose is drawn with
POSE_FACES: dict[str, dict[str, tuple[str, ...]]] = {
    "sakura": {"fists": ("crying", "sad", "angry", "determined", "smile_tears")},
    "sasuke": {"back": ("cold", "smirk", "sad", "soft")},
    "naruto": {"reach": ("neutral", "sad", "smile", "crying", "surprised"),
               "head": ("pained", "sad")},
    "hinata": {"clasped": ("neutral", "shy", "blush", "sad", "smile"),
               "reach": ("smile", "blush", "sad", "surprised")},
}


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
        "angry": Face(brow=(15, -7), eye_open=0.95, lid_tilt=-7, mouth="shout", look=(4, 0),
                      tears=2, blush=1),
        "determined": Face(brow=(6, -3), eye_open=0.95, lid_tilt=-3, mouth="tight", tears=1),
        "asleep": Face(brow=(-3, 2), eyes="closed_sad", mouth="soft"),
    }
    sasuke = Look(
        name="sasuke", skin=hexc("#fbe2d2"), skin_shade=hexc("#e6bba8"),
        hair=hexc("#2a2f4f"), hair_shade=hexc("#181b33"), hair_light=hexc("#55628f"),
        iris=hexc("#3a3440"), iris_dark=hexc("#141018"), brow_col=hexc("#1f2238"),
        lash=hexc("#141222"), cloth=hexc("#2f3448"), cloth_shade=hexc("#1d2133"),
        trim=hexc("#d9d6e6"), flip=True,
    )
    sasuke.faces = {
        "cold": Face(brow=(5, 3), eyes="narrow", eye_open=1.0, mouth="flat", lid_flat=True,
                     look=(5, 1), pupil=0.8),
        "smirk": Face(brow=(4, -4), eyes="narrow", eye_open=1.05, mouth="smirk", lid_flat=True,
                      look=(4, 0)),
        "downcast": Face(brow=(2, 4), eyes="narrow", eye_open=0.75, mouth="flat",
                         lid_flat=True, look=(1, 9), lid_tilt=2),
        "soft": Face(brow=(-5, 3), lid_tilt=3, eye_open=0.85, look=(2, 3), mouth="soft"),
        "angry": Face(brow=(14, -6), lid_tilt=-7, eye_open=0.95, mouth="grit", pupil=0.75),
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
        "sakura": (hair.sakura_back, hair.sakura_front, None),
        "sasuke": (hair.sasuke_back, hair.sasuke_front, None),
        "naruto": (hair.naruto_back, hair.naruto_front, hair.naruto_marks),
        "hinata": (hair.hinata_back, hair.hinata_front, None),
    }
    return {lk.name: (lk, dict(zip(("back", "front", "marks"), fns[lk.name], strict=True)))
            for lk in (sakura, sasuke, naruto, hinata)}


def _layer() -> Painter:
    return Painter(W, H, 2.0)


def _turn(surf: pygame.Surface, angle: float, offset: tuple[float, float]) -> pygame.Surface:
    """Rotate a 2x layer by `angle` degrees (clockwise) about the neck and move it."""
    if not angle and offset == (0.0, 0.0):
        return surf
    k = 2.0
    px, py = NECK_PIVOT[0] * k, NECK_PIVOT[1] * k
    rot = pygame.transform.rotate(surf, -angle)
    # where the pivot went: rotate the pivot's offset from the centre
    cx, cy = surf.get_width() / 2, surf.get_height() / 2
    a = math.radians(angle)
    vx, vy = px - cx, py - cy
    nx = vx * math.cos(a) - vy * math.sin(a)
    ny = vx * math.sin(a) + vy * math.cos(a)
    rcx, rcy = rot.get_width() / 2, rot.get_height() / 2
    out = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    out.fill((0, 0, 0, 0))
    out.blit(rot, (round(px - (rcx + nx) + offset[0] * k), round(py - (rcy + ny) + offset[1] * k)))
    return out


def render(lk: Look, fns: dict, face: Face, pose: Pose = DEFAULT) -> pygame.Surface:
    """Draw one expression of one character in one pose; return the 560x640 sprite."""
    back, body, head, front = _layer(), _layer(), _layer(), _layer()
    fns["back"](back, lk)
    draw_body(body, lk, pose)
    fc.draw_face_base(head, lk, face)
    if fns["marks"]:
        fns["marks"](head, lk)
    fc.draw_nose(head, lk)
    fc.draw_mouth(head, lk, face)
    fc.draw_eye(head, lk, face, fc.NEAR_EYE, 50, True)
    fc.draw_eye(head, lk, face, fc.FAR_EYE, 40, False)
    fns["front"](head, lk)
    fc.draw_brows(head, lk, face)
    fc.draw_tears(head, face)
    if face.sweat:
        fc.draw_sweat(head)
    draw_front_arms(front, lk, pose)
    canvas = _layer()
    hair = _turn(back.surf, pose.tilt, pose.head_at)
    if pose.from_behind:  # turned away: the back of the head is nearer than the body
        layers = [body.surf, hair]
    else:
        layers = [hair, body.surf]
    for s in [*layers, _turn(head.surf, pose.tilt, pose.head_at), front.surf]:
        canvas.surf.blit(s, (0, 0))
    out = canvas.result()
    if lk.flip:
        out = pygame.transform.flip(out, True, False)
    return out


def images() -> list[tuple[str, str, str, Look, dict, Face, Pose]]:
    """Every sprite as (character, pose, expression, ...), in a stable order."""
    out = []
    for name, (lk, fns) in _cast().items():
        for expr, face in lk.faces.items():
            out.append((name, "", expr, lk, fns, face, DEFAULT))
        for pose_name, pose in POSES[name].items():
            for expr in POSE_FACES[name][pose_name]:
                out.append((name, pose_name, expr, lk, fns, lk.faces[expr], pose))
    return out


def file_stem(pose: str, expr: str) -> str:
    """`sakura/<stem>.png`: the expression for the default pose, else pose_expression."""
    return f"{pose}_{expr}" if pose else expr


def build_one(name: str, pose: str, expr: str) -> pygame.Surface:
    """One sprite (for tests)."""
    lk, fns = _cast()[name]
    return render(lk, fns, lk.faces[expr], POSES[name][pose] if pose else DEFAULT)


def build_all() -> dict[str, dict[str, pygame.Surface]]:
    """Every character's sprites keyed by file stem (`crying`, `fists_crying`), in order."""
    out: dict[str, dict[str, pygame.Surface]] = {}
    for name, pose, expr, lk, fns, face, p in images():
        out.setdefault(name, {})[file_stem(pose, expr)] = render(lk, fns, face, p)
    return out


def sheet_rows(chars: dict[str, dict[str, pygame.Surface]]
               ) -> list[tuple[str, list[tuple[str, pygame.Surface]]]]:
    """The contact sheet's rows: one per character and pose."""
    rows = []
    for name, sprites in chars.items():
        prefixes = tuple(f"{p}_" for p in POSES.get(name, {}))
        rows.append((name, [(k, s) for k, s in sprites.items() if not k.startswith(prefixes)]))
        for pose in POSES.get(name, {}):
            rows.append((f"{name} {pose}", [(k[len(pose) + 1:], s) for k, s in sprites.items()
                                            if k.startswith(pose + "_")]))
    return rows
