"""A sprite that moves, through the real loop on the harness's virtual clock: sampled
mid-animation with `wait` and `shot`, drawn every frame while it moves and not once it
has stopped: a stand-in transform patched into the renderer's one adapter
(engine/present/placing.py), and a real ATL transform."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pygame
import pytest

from engine.atl.placement import Placement
from engine.present import placing

from .helpers import loop_at_start, make_game, play

SLIDE_SECONDS = 2.0


def slide(sprite: dict[str, Any], transforms: Any, t: float, event: Any = None,
          marks: Any = None, start: Any = None) -> tuple[Placement, bool]:
    """`at slide`: from the left edge to the right edge in two seconds, linearly."""
    if placing.transform_names(sprite) != ["slide"]:
        return placing._stand_in(sprite, transforms, t, event)
    f = min(1.0, t / SLIDE_SECONDS)
    return Placement(xpos=f, xanchor=f), f >= 1.0


SCENE = """\
label start:
    scene bg park
    "Before."
    show eileen happy at slide
    "Moving."
    return
"""


def sprite_columns(shot: Path, back: Path) -> tuple[int, int]:
    """Where a shot differs from the empty background, above the dialogue box."""
    a, b = pygame.image.load(str(shot)), pygame.image.load(str(back))
    xs = [x for x in range(0, a.get_width(), 3) for y in range(200, 520, 8)
          if a.get_at((x, y)) != b.get_at((x, y))]
    return (min(xs), max(xs)) if xs else (-1, -1)


def filmed(tmp_path: Path, scene: str, script: str) -> dict[str, tuple[int, int]]:
    """Play `scene` by `script`, where `SHOT name` takes a shot; the sprite's columns in
    each shot, against the one named `bg` (the background alone)."""
    game = make_game(tmp_path, scene)
    names = re.findall(r"SHOT (\w+)", script)
    r = play(tmp_path, re.sub(r"SHOT (\w+)", lambda m: f"shot {tmp_path / m[1]}.png", script),
             game=game)
    assert r.returncode == 0, r.stderr
    back = tmp_path / "bg.png"
    return {n: sprite_columns(tmp_path / f"{n}.png", back) for n in names if n != "bg"}


def test_moving_sprite_sampled_mid_animation(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(placing, "placement_for", slide)
    at = filmed(tmp_path, SCENE, """
        expect-text Before.
        SHOT bg
        advance
        expect-text Moving.
        SHOT start
        wait 1.0
        SHOT mid
        wait 1.5
        SHOT end
        wait 1.0
        SHOT still
    """)
    start, mid, end = at["start"], at["mid"], at["end"]
    width = end[1] - start[0]  # the whole path, edge to edge
    assert start[0] < 60 and end[1] > 1280 - 60
    # Half-way in time, half-way along its path (a frame or two either side).
    centre = (mid[0] + mid[1]) / 2
    assert abs(centre - (start[0] + width / 2)) < 40
    assert sprite_columns(tmp_path / "still.png", tmp_path / "end.png") == (-1, -1)


def test_moving_sprite_draws_every_frame_and_idles_once_still(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(placing, "placement_for", slide)
    game = make_game(tmp_path, SCENE)
    g, clock = loop_at_start(tmp_path, game)
    g.action("advance")
    now = clock.now()
    assert g.shown_stage["sprites"] and g.sprites_moving(now)
    assert g.deadline(now) == pytest.approx(now + 1 / 60)
    assert g.update(now + 0.5)  # the picture changed
    later = now + SLIDE_SECONDS + 0.1
    assert not g.sprites_moving(later)
    d = g.deadline(later)
    assert d is None or d - later > 0.25  # only the continue mark's blink is left


def test_hide_with_moveoutleft_through_the_loop(tmp_path: Path) -> None:
    at = filmed(tmp_path, """\
        label start:
            scene bg park
            "Empty."
            show eileen happy
            "Shown."
            hide eileen with moveoutleft
            "Gone."
            return
        """, """
        expect-text Empty.
        SHOT bg
        advance
        expect-text Shown.
        SHOT shown
        advance
        wait 0.25
        SHOT mid
        expect-text Gone.
        SHOT gone
    """)
    shown, mid = at["shown"], at["mid"]
    assert shown[0] > 300 and mid[1] < shown[1] and mid[0] < shown[0]
    assert at["gone"] == (-1, -1)


def test_an_atl_transform_moves_the_sprite_through_the_loop(tmp_path: Path) -> None:
    at = filmed(tmp_path, """\
        transform glide:
            xpos 0.0 xanchor 0.0
            linear 2.0 xpos 1.0 xanchor 1.0

        label start:
            scene bg park
            "Before."
            show eileen happy at glide
            "Moving."
            return
        """, """
        expect-text Before.
        SHOT bg
        advance
        expect-text Moving.
        SHOT start
        wait 1.0
        SHOT mid
        wait 1.5
        SHOT end
    """)
    start, mid, end = at["start"], at["mid"], at["end"]
    assert start[0] < 60 and end[1] > 1280 - 60
    assert abs((mid[0] + mid[1]) / 2 - (start[0] + end[1]) / 2) < 40


GLIDES = """\
    transform to_right:
        linear {t} xpos 1.0 xanchor 1.0

    label start:
        scene bg park
        "Before."
        show eileen happy at left
        "Left."
        show eileen at to_right
        "Going."
        return
    """


def test_new_transforms_move_on_from_where_the_sprite_stood(tmp_path: Path) -> None:
    """ATL's replace: `show eileen at to_right` while she stands at the left starts the
    glide at the left, not at the default centre."""
    at = filmed(tmp_path, GLIDES.format(t=2.0), """
        expect-text Before.
        SHOT bg
        advance
        expect-text Left.
        SHOT left
        advance
        expect-text Going.
        SHOT start
        wait 1.0
        SHOT mid
        wait 1.5
        SHOT end
    """)
    assert abs(at["start"][0] - at["left"][0]) <= 6  # where she stood
    assert at["left"][0] < at["mid"][0] < at["end"][0] and at["end"][1] > 1280 - 60


def test_a_save_mid_motion_loads_at_the_motion_s_end(tmp_path: Path) -> None:
    at = filmed(tmp_path, GLIDES.format(t=4.0), """
        expect-text Before.
        SHOT bg
        advance 2
        expect-text Going.
        wait 1.0
        SHOT saved
        key f5
        expect-notice Quick saved
        key f9
        expect-text Going.
        SHOT loaded
    """)
    assert at["saved"][1] < 1280 - 200 and at["loaded"][1] > 1280 - 60  # mid-way, the end


def test_rollback_across_a_move_shows_each_line_s_placement(tmp_path: Path) -> None:
    at = filmed(tmp_path, GLIDES.format(t=3.0), """
        expect-text Before.
        SHOT bg
        advance
        expect-text Left.
        SHOT left
        advance
        expect-text Going.
        wait 1.0
        SHOT mid
        wheel up
        expect-text Left.
        SHOT back
        wheel down
        expect-text Going.
        SHOT again
    """)
    assert at["back"] == at["left"]  # back where she stood
    assert at["left"][0] < at["mid"][0] < at["again"][0] and at["again"][1] > 1280 - 60
