"""ATL frames and SnowBlossom drawn (issue 17, media): the stage view draws the picture a
sprite's ATL set, cross-fading through a frame's `with`; SnowBlossom's particles fall,
the same at the same time; through the real loop, an animated sprite keeps the loop
drawing while it changes and lets it idle once it is still, and a save taken mid-way
loads as Ren'Py would show it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.present import particles
from engine.present.picture import StageView, Viewport
from engine.present.richtext import Fonts
from engine.present.sprite_times import SpriteTimes
from tests.conftest import ROOT

from .helpers import loop_at_start, make_game, play, small_display

VP = Viewport((640, 360))
RED, BLUE, GREEN = (220, 30, 30), (30, 30, 220), (20, 120, 20)


def _save(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> None:
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((*colour, 255))
    pygame.image.save(surf, str(path))


@pytest.fixture
def view(tmp_path: Path) -> StageView:
    small_display()
    game = tmp_path / "game"
    (game / "assets").mkdir(parents=True)
    _save(game / "assets" / "red.png", (200, 400), RED)
    _save(game / "assets" / "blue.png", (200, 400), BLUE)
    _save(game / "assets" / "dot.png", (10, 10), (255, 255, 255))
    v = StageView(game, Fonts([ROOT / "assets" / "fonts"]).get)
    v.use_images({"bg green": "#147814", "eileen happy": "blue.png",
                  "snow": '{snow}{"d": "dot.png", "count": 40, "border": 50, '
                          '"xspeed": [20.0, 50.0], "yspeed": [100.0, 200.0], "start": 0.0, '
                          '"fast": false, "horizontal": false}'}, {})
    return v


def _sprite(tag: str, attrs: list[str], atl: list | None = None, seed: int = 7) -> dict:
    return {"tag": tag, "attrs": attrs, "at": None, "transforms": [], "atl": atl,
            "zorder": 0, "as": None, "seed": seed}


FRAMES = [{"op": "child", "image": "red.png", "trans": None},
          {"op": "pause", "duration": ["lit", 1.0]},
          {"op": "child", "image": "eileen happy",
           "trans": ["lit", {"kind": "dissolve", "duration": 1.0}]},
          {"op": "pause", "duration": ["lit", 1.0]},
          {"op": "repeat", "count": None}]


def _frame(view: StageView, stage: dict, t: float) -> pygame.Surface:
    times = SpriteTimes()
    times.sync(stage, 0.0)
    return view.compose(stage, VP, now=t, times=times).copy()


def test_the_picture_an_atl_sets_is_drawn_and_cross_fades(view: StageView) -> None:
    stage = {"scene": ["bg", "green"], "sprites": [_sprite("nobody", [], FRAMES)]}
    middle = (320, 300)
    shots = {t: _frame(view, stage, t).get_at(middle)[:3] for t in (0.5, 1.5, 1.99, 2.5)}
    assert shots[0.5] == RED
    assert shots[1.99] == pytest.approx(BLUE, abs=6)
    mid = shots[1.5]  # half-way: half of each, as Ren'Py's Dissolve mixes them
    assert all(abs(m - (r + b) / 2) <= 3 for m, r, b in zip(mid, RED, BLUE, strict=True))
    assert shots[2.5] == RED  # repeated
    assert _frame(view, stage, 0.5).get_at((20, 20))[:3] == GREEN
    assert "nobody" not in " ".join(view.missing)  # its own (missing) picture never drawn
    # the sprite is still moving at every one of those times
    times = SpriteTimes()
    times.sync(stage, 0.0)
    assert view.moving(stage, VP, 0.5, times)


def test_a_fade_from_a_smaller_picture_fades_where_only_one_of_them_is(
        view: StageView) -> None:
    atl = [{"op": "child", "image": "dot.png", "trans": None},
           {"op": "child", "image": "blue.png",
            "trans": ["lit", {"kind": "dissolve", "duration": 2.0}]}]
    stage = {"scene": ["bg", "green"], "sprites": [_sprite("x", [], atl)]}
    edge = _frame(view, stage, 1.0).get_at((280, 300))[:3]  # blue only: half over green
    assert all(abs(e - (b + g) / 2) <= 3 for e, b, g in zip(edge, BLUE, GREEN, strict=True))


def test_snow_is_the_same_at_the_same_time_and_falls(view: StageView) -> None:
    spec = {"d": "dot.png", "count": 40, "border": 50, "xspeed": [20.0, 50.0],
            "yspeed": [100.0, 200.0], "start": 0.0, "fast": False, "horizontal": False}
    a = particles.positions(spec, 7, 3.0, (10, 10))
    assert a == particles.positions(spec, 7, 3.0, (10, 10)) and len(a) == 40
    assert a != particles.positions(spec, 8, 3.0, (10, 10))  # another show, other snow
    later = particles.positions(spec, 7, 3.1, (10, 10))
    falls = [y1 - y0 for (_, y0), (_, y1) in zip(a, later, strict=True) if y1 > y0]
    assert len(falls) >= 36 and all(10 - 0.5 <= d <= 20 + 0.5 for d in falls)
    for t in (0.0, 5.0, 60.0, 3600.0):  # wrapping: always on or just off the screen
        for x, y in particles.positions(spec, 7, t, (10, 10)):
            assert -60 <= x <= 1280 + 50 and -60 <= y <= 720 + 50
    deep = particles.positions(spec, 7, 600.0, (10, 10))
    assert sum(1 for _, y in deep if 0 <= y <= 720) >= 25  # spread over the screen
    sideways = particles.positions({**spec, "horizontal": True, "fast": True}, 7, 2.0,
                                   (10, 10))
    assert sum(1 for x, _ in sideways if 0 <= x <= 1280) >= 25
    staggered = particles.positions({**spec, "start": 1.0}, 7, 4.5, (10, 10))
    assert len(staggered) == 5  # one more every `start` seconds
    stage = {"scene": ["bg", "green"], "sprites": [_sprite("snow", [])]}
    one, two = _frame(view, stage, 3.0), _frame(view, stage, 3.0)
    assert pygame.image.tobytes(one, "RGB") == pygame.image.tobytes(two, "RGB")
    white = [(x, y) for x in range(0, 640, 2) for y in range(0, 360, 2)
             if one.get_at((x, y))[:3] == (255, 255, 255)]
    assert white  # dots drawn, each a small square: not noise
    assert pygame.image.tobytes(_frame(view, stage, 3.5), "RGB") != \
        pygame.image.tobytes(one, "RGB")
    times = SpriteTimes()
    times.sync(stage, 0.0)
    assert view.moving(stage, VP, 1000.0, times)


SCENE = """\
image bg park = "backgrounds/park.png"
image flick:
    "characters/eileen/happy.png"
    pause 0.5
    "characters/eileen/sad.png"
    pause 0.5
    repeat
image once:
    "characters/eileen/happy.png"
    pause 0.5
    "characters/eileen/sad.png"
label start:
    scene bg park
    "Before."
    show flick
    "Flicking."
    hide flick
    show once
    "Once."
    return
"""


def test_frames_through_the_loop_differ_where_the_picture_changes(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    shots = [tmp_path / f"{n}.png" for n in range(4)]
    r = play(tmp_path, f"""
        expect-text Before.
        advance
        expect-text Flicking.
        shot {shots[0]}
        wait 0.5
        shot {shots[1]}
        wait 0.5
        shot {shots[2]}
        wait 0.25
        shot {shots[3]}
    """, game=game)
    assert r.returncode == 0, r.stderr
    pics = [pygame.image.tobytes(pygame.image.load(str(p)), "RGB") for p in shots]
    assert pics[0] != pics[1]  # the picture changed
    assert pics[0] == pics[2] or pics[1] == pics[2]  # and came back, or held


def test_a_repeating_frame_animation_keeps_drawing_and_a_finished_one_idles(
        tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    g, clock = loop_at_start(tmp_path, game)
    g.action("advance")
    now = clock.now()
    assert g.sprites_moving(now) and g.sprites_moving(now + 100.0)
    g.action("advance")
    now = clock.now()
    assert g.sprites_moving(now)
    assert not g.sprites_moving(now + 0.6)  # still on its last picture
    d = g.deadline(now + 0.6)
    assert d is None or d - (now + 0.6) > 0.25


def test_a_frame_animation_is_drawn_when_its_picture_changes_not_through_its_pauses(
        tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    g, clock = loop_at_start(tmp_path, game)
    g.action("advance")  # "Flicking.": a new picture every 0.5 s, for ever
    start = clock.now()
    drawn = [round(t - start, 2) for t in (start + i / 60 for i in range(1, 150))
             if g.stage_changed(t)]
    # The first frame, then one when the picture changes (0.5 s, 1.0 s, ...), none between.
    assert len(drawn) == 5 and drawn[0] < 0.05
    for t, want in zip(drawn[1:], (0.5, 1.0, 1.5, 2.0), strict=True):
        assert want <= t < want + 0.02
    assert g.deadline(start + 0.7) is not None  # still woken each frame, to look


def test_a_save_mid_animation_loads_at_a_finished_ones_end(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    shots = {n: tmp_path / f"{n}.png" for n in ("mid", "end", "loaded")}
    r = play(tmp_path, f"""
        expect-text Before.
        advance 2
        expect-text Once.
        wait 0.1
        shot {shots["mid"]}
        key f5
        expect-notice Quick saved
        wait 1.0
        shot {shots["end"]}
        key f9
        expect-text Once.
        shot {shots["loaded"]}
    """, game=game)
    assert r.returncode == 0, r.stderr
    # the stage only: a notice says it was loaded, above it
    pics = {n: pygame.image.tobytes(pygame.image.load(str(p)).subsurface(0, 120, 1280, 400),
                                    "RGB") for n, p in shots.items()}
    assert pics["mid"] != pics["end"] and pics["loaded"] == pics["end"]
