"""The scene image's own transforms drawn (`scene bg x at T`, `scene bg x:` with ATL): the
background placed with a sprite's defaults (zoom grows it about the bottom centre), an
`xalign` pan over time, black where the picture does not reach, a still one composed once,
a scene with none drawn exactly as before; through the real loop, a dissolve onto a pan,
the loop idle once it stops, and a save taken mid-pan loads at the pan's end.

The background is a gradient: red counts canvas columns and green canvas rows, so a
pixel's colour says which point of the picture landed there."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.present import compose
from engine.present.picture import StageView, Viewport
from engine.present.richtext import Fonts
from engine.present.sprite_times import SpriteTimes
from engine.present.transitions import Transition
from tests.conftest import ROOT

from .helpers import loop_at_start, make_game, play

VP = Viewport((640, 360))  # scale 0.5
BLUE = 200  # the picture's blue: the black outside it has none


def _gradient(path: Path) -> None:
    surf = pygame.Surface((1280, 720))
    for x in range(1280):
        for y in range(0, 720, 4):
            surf.fill((round(x * 255 / 1279), round(y * 255 / 719), BLUE), (x, y, 1, 4))
    pygame.image.save(surf, str(path))


@pytest.fixture(scope="module")
def gradient(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    path = tmp_path_factory.mktemp("art") / "gradient.png"
    _gradient(path)
    return path


@pytest.fixture
def view(tmp_path: Path, gradient: Path) -> StageView:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((64, 64))
    game = make_game(tmp_path, "label start:\n    return\n")  # the demo's art, and:
    (game / "assets" / "backgrounds" / "grid.png").write_bytes(gradient.read_bytes())
    square = pygame.Surface((100, 100))
    square.fill((0, 255, 0))
    pygame.image.save(square, str(game / "assets" / "characters" / "green.png"))
    return StageView(game, Fonts([ROOT / "assets" / "fonts"]).get)


def _set(*props: tuple[str, float]) -> dict:
    return {"op": "set", "props": [[k, ["lit", v]] for k, v in props]}


def _linear(seconds: float, *props: tuple[str, float]) -> dict:
    return {"op": "interp", "warper": "linear", "duration": ["lit", seconds],
            "props": [[k, ["lit", v]] for k, v in props]}


def _stage(*atl: dict, seed: int = 1, sprites: list | None = None) -> dict:
    return {"scene": ["bg", "grid"], "sprites": sprites or [],
            "scene_at": {"transforms": [], "atl": list(atl), "seed": seed} if atl else None}


PAN = (_set(("zoom", 2.0), ("xalign", 0.0)), _linear(4.0, ("xalign", 1.0)))


def _frame(view: StageView, stage: dict, now: float = 0.0, start: float = 0.0
           ) -> pygame.Surface:
    times = SpriteTimes()
    times.sync(stage, start)
    return view.compose(stage, VP, 0, now, times).copy()


def _picture_point(frame: pygame.Surface, x: int, y: int) -> tuple[float, float] | None:
    """The canvas point of the picture drawn at window pixel (x, y); None: black."""
    r, g, b = frame.get_at((x, y))[:3]
    if b < BLUE // 2:
        return None
    return r * 1279 / 255, g * 719 / 255


def _near(found: tuple[float, float] | None, want: tuple[float, float], by: float = 12
          ) -> bool:
    return found is not None and all(abs(a - b) <= by for a, b in zip(found, want, strict=True))


def test_zoom_2_grows_the_scene_about_its_bottom_centre(view: StageView) -> None:
    frame = _frame(view, _stage(_set(("zoom", 2.0))))
    for x, y in ((20, 20), (320, 180), (600, 340), (100, 300), (500, 40)):
        cx, cy = x / VP.scale, y / VP.scale  # the canvas point of this window pixel
        want = (640 + (cx - 640) / 2, 720 + (cy - 720) / 2)
        assert _near(_picture_point(frame, x, y), want), (x, y)
    # only the middle half of the picture's width and its lower half are on the screen
    seen = [_picture_point(frame, x, y) for x in range(0, 640, 40) for y in range(0, 360, 40)]
    assert min(p[0] for p in seen) > 310 and max(p[0] for p in seen) < 970
    assert min(p[1] for p in seen) > 350


def test_a_shrunk_scene_leaves_black_around_it(view: StageView) -> None:
    frame = _frame(view, _stage(_set(("zoom", 0.5))))
    assert _picture_point(frame, 10, 10) is None and _picture_point(frame, 630, 350) is None
    assert _picture_point(frame, 320, 10) is None  # above it: it stands on the bottom
    assert _near(_picture_point(frame, 320, 355), (640, 700), 20)


def test_an_xalign_pan_moves_over_time_and_then_stops(view: StageView) -> None:
    stage = _stage(*PAN)
    times = SpriteTimes()
    times.sync(stage, 10.0)
    seen = {}
    for t in (0.0, 1.0, 2.0, 4.0):
        frame = view.compose(stage, VP, 0, 10.0 + t, times)
        seen[t] = _picture_point(frame, 0, 180)  # the left edge's middle
    # the zoomed picture is 2560 wide: its left edge shown at xalign x is 1280 * x
    for t, x in ((0.0, 0.0), (1.0, 320.0), (2.0, 640.0), (4.0, 1280.0)):
        assert _near(seen[t], (x / 2, 720 - 360 / 2)), (t, seen[t])
    assert view.moving(stage, VP, 13.0, times) and not view.moving(stage, VP, 14.5, times)


def test_a_still_transformed_scene_is_composed_once(view: StageView,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = []
    real = compose.draw_layer
    monkeypatch.setattr(compose, "draw_layer", lambda *a, **k: (drawn.append(1), real(*a, **k)))
    glide = {"tag": "green", "attrs": [], "at": None, "transforms": [], "zorder": 0,
             "as": None, "seed": 0, "atl": [_set(("xalign", 0.0)), _linear(5.0, ("xalign", 1.0))]}
    stage = _stage(_set(("zoom", 1.5), ("xalign", 1.0)), sprites=[glide])
    times = SpriteTimes()
    times.sync(stage, 0.0)
    target = pygame.Surface(VP.size)
    for now in (0.5, 1.0, 1.5, 2.0):  # the sprite moves: the stage is drawn every frame
        view.draw_stage(target, (0, 0), stage, VP, 0, now, times)
    assert len(drawn) == 1  # the scene's rescaled picture drawn once and kept
    still = _stage(_set(("zoom", 1.5), ("xalign", 1.0)))
    times.sync(still, 3.0)
    first = view.compose(still, VP, 0, 3.0, times)
    assert view.compose(still, VP, 0, 9.0, times) is first
    assert not view.moving(still, VP, 3.0, times)


def test_no_transforms_draw_exactly_as_before(view: StageView,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_a: object, **_k: object) -> None:
        raise AssertionError("a scene without transforms is not drawn through a Placement")

    monkeypatch.setattr(compose, "draw_layer", never)
    plain = {"scene": ["bg", "grid"], "sprites": []}
    background = pygame.image.tobytes(view.scene(plain, VP)[0], "RGB")
    for stage in (plain, _stage(), _stage(_set(("xalign", 0.5), ("yalign", 1.0)))):
        assert pygame.image.tobytes(_frame(view, stage), "RGB") == background
    assert not view._moved  # no copy of the screen kept for them


def test_a_camera_on_master_moves_the_transformed_scene_further(view: StageView) -> None:
    stage = _stage(_set(("zoom", 2.0), ("xalign", 1.0)))
    alone = _frame(view, stage)
    camera = {"master": {"transforms": [], "atl": [_set(("xoffset", 100))], "seed": 1}}
    moved = _frame(view, {**stage, "camera": camera})
    for x in (100, 300, 500):  # the camera's 100 canvas pixels are 50 window pixels
        assert _near(_picture_point(moved, x + 50, 180), _picture_point(alone, x, 180), 4)
    assert _picture_point(moved, 10, 180) is None  # the camera uncovered the left edge


def test_a_scene_statement_starts_its_pan_afresh_and_a_load_settles_it(
        view: StageView) -> None:
    from engine import atl

    first, second = _stage(*PAN, seed=1), _stage(*PAN, seed=2)
    times = SpriteTimes()
    times.sync(first, 0.0)
    times.sync(second, 3.0)  # a new scene statement: its motion starts now
    assert _near(_picture_point(view.compose(second, VP, 0, 3.0, times), 0, 180), (0, 540))
    times.restart(second, 5.0, lambda sp: atl.duration(sp, {}))
    assert _near(_picture_point(view.compose(second, VP, 0, 5.0, times), 0, 180), (640, 540))


def _transition(view: StageView, kind: str, old: dict, new: dict) -> Transition:
    times = SpriteTimes()
    times.sync(old, 0.0)
    old_times = times.copy()
    times.sync(new, 0.0)
    return Transition({"kind": kind}, old, new, view, VP, 0.0, old_times, times)


def _drawn(tr: Transition, now: float) -> pygame.Surface:
    out = pygame.Surface(VP.size)
    tr.draw(out, (0, 0), now)
    return out


def test_a_fade_and_a_dissolve_play_over_a_transformed_scene(view: StageView) -> None:
    plain = {"scene": ["bg", "grid"], "sprites": []}
    zoomed = _stage(_set(("zoom", 2.0)))
    fade = _transition(view, "fade", plain, zoomed)  # out 0.5 s, in 0.5 s
    assert _near(_picture_point(_drawn(fade, 0.0), 20, 20), (40, 40))
    dark = _drawn(fade, 0.5).get_at((320, 180))
    assert max(dark[:3]) < 10  # black between the two
    assert _near(_picture_point(_drawn(fade, 1.0), 20, 20), (340, 370))  # the zoomed one
    # a sprite coming over the same still, transformed scene: only the sprite blends, on
    # the scene drawn by its transform
    green = {"tag": "green", "attrs": [], "at": None, "transforms": [], "atl": None,
             "zorder": 0, "as": None, "seed": 0}
    coming = {**zoomed, "sprites": [green]}
    half = _drawn(_transition(view, "dissolve", zoomed, coming), 0.25)
    assert _near(_picture_point(half, 20, 20), (340, 370))
    r, _, b = half.get_at((320, 340))[:3]  # the green square, at its feet: half come
    assert 40 < r < 100 and 70 < b < 140  # the picture there: r 128, b 200; the square: 0


SCENE = """\
transform pan:
    zoom 2.0 xalign 0.0
    linear 4.0 xalign 1.0

label start:
    scene bg grid
    "Plain."
    scene bg grid at pan with dissolve
    "Panning."
    return
"""


def test_through_the_loop_a_dissolve_onto_a_pan_and_a_load_mid_pan(
        tmp_path: Path, gradient: Path) -> None:
    game = make_game(tmp_path, SCENE)
    (game / "assets" / "backgrounds" / "grid.png").write_bytes(gradient.read_bytes())
    shots = {n: tmp_path / f"{n}.png" for n in ("plain", "dissolving", "start", "mid",
                                                 "loaded")}
    r = play(tmp_path, f"""
        expect-text Plain.
        shot {shots['plain']}
        advance
        wait 0.25
        shot {shots['dissolving']}
        expect-text Panning.
        shot {shots['start']}
        wait 1.5
        shot {shots['mid']}
        key f5
        expect-notice Quick saved
        key f9
        expect-text Panning.
        shot {shots['loaded']}
        """, game=game, extra=["--size", "1280x720"])
    assert r.returncode == 0, r.stderr
    got = {n: pygame.image.load(str(p)) for n, p in shots.items()}
    at = {n: _picture_point(s, 0, 100) for n, s in got.items() if n != "dissolving"}
    assert _near(at["plain"], (0, 100))
    assert at["start"][0] < 150 < at["mid"][0] < 600 < at["loaded"][0]  # pans; load: its end
    mid_dissolve = got["dissolving"].get_at((640, 100))[:3]
    plain, start = got["plain"].get_at((640, 100))[:3], got["start"].get_at((640, 100))[:3]
    # half-way through the dissolve: between the plain scene and the pan (which is
    # further left still than when the dissolve has ended)
    assert start[0] + 5 < mid_dissolve[0] < plain[0] - 5


def test_the_loop_draws_every_frame_while_the_scene_pans_and_idles_after(
        tmp_path: Path, gradient: Path) -> None:
    game = make_game(tmp_path, SCENE)  # no sprites on the stage: only the scene moves
    (game / "assets" / "backgrounds" / "grid.png").write_bytes(gradient.read_bytes())
    g, clock = loop_at_start(tmp_path, game)
    g.action("advance")
    now = clock.now()
    assert not g.shown_stage["sprites"] and g.sprites_moving(now + 1.0)
    assert g.deadline(now + 1.0) == pytest.approx(now + 1.0 + 1 / 60)
    later = now + 4.6  # the dissolve and the four-second pan are over
    g.update(later)
    assert not g.sprites_moving(later)
    d = g.deadline(later)
    assert d is None or d - later > 0.25  # only the continue mark's blink is left
