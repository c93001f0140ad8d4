"""The camera, layers and inline pictures drawn (issue 17, media): `camera: zoom 2.0`
doubles the background, a sprite onlayer overlay stays put above master's sprites, and an
{image=} sits in its line of text and counts as one character."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.lint import lint
from engine.present.picture import StageView, Viewport
from engine.present.richtext import Fonts, Typewriter, layout
from engine.present.sprite_times import SpriteTimes
from engine.script.text import strip_tags
from tests.conftest import ROOT
from tests.player.helpers import small_display

VP = Viewport((640, 360))  # scale 0.5
RED, BLUE, GREEN, PINK = (255, 0, 0), (0, 0, 255), (0, 255, 0), (230, 40, 90)


@pytest.fixture
def view(tmp_path: Path) -> StageView:
    small_display()
    game = tmp_path / "game"
    (game / "assets" / "backgrounds").mkdir(parents=True)
    (game / "assets" / "characters").mkdir(parents=True)
    stripes = pygame.Surface((1280, 720))
    for i in range(16):  # 80 canvas pixels each, red then blue
        stripes.fill(RED if i % 2 == 0 else BLUE, (i * 80, 0, 80, 720))
    pygame.image.save(stripes, str(game / "assets" / "backgrounds" / "stripes.png"))
    for name, colour in (("green", GREEN), ("pink", PINK)):
        square = pygame.Surface((100, 100))
        square.fill(colour)
        pygame.image.save(square, str(game / "assets" / "characters" / f"{name}.png"))
    return StageView(game, Fonts([ROOT / "assets" / "fonts"]).get)


def _sprite(tag: str, **more: object) -> dict:
    return {"tag": tag, "attrs": [], "at": None, "transforms": [], "atl": None, "zorder": 0,
            "as": None, "seed": 0, **more}


def _camera(*props: tuple[str, object], layer: str = "master") -> dict:
    atl = [{"op": "set", "props": [[k, ["lit", v]] for k, v in props]}]
    return {layer: {"transforms": [], "atl": atl, "seed": 1}}


def _frame(view: StageView, stage: dict) -> pygame.Surface:
    times = SpriteTimes()
    times.sync(stage, 0.0)
    return view.compose(stage, VP, 0, 5.0, times)


def _row(frame: pygame.Surface, y: int, xs: range) -> list[tuple[int, int, int]]:
    return [tuple(frame.get_at((x, y))[:3]) for x in xs]


def test_camera_zoom_2_doubles_the_background_about_the_top_left(view: StageView) -> None:
    plain = {"scene": ["bg", "stripes"], "sprites": []}
    zoomed = {**plain, "camera": _camera(("zoom", 2.0))}
    before, after = _frame(view, plain).copy(), _frame(view, zoomed)
    # a stripe is 40 window pixels at half size; zoomed, 80, from the top-left corner
    assert _row(before, 100, range(20, 320, 40)) == [RED, BLUE] * 4 == \
        _row(after, 100, range(40, 640, 80))
    for y in (10, 200, 350):
        for x in range(0, 600, 13):
            if min(x % 80, 80 - x % 80) > 3:  # away from the stripes' smoothed edges
                assert after.get_at((x, y)) == before.get_at((x // 2, y // 2))


def test_a_centred_zoom_leaves_no_black_edge_and_identity_draws_as_no_camera(
        view: StageView) -> None:
    stage = {"scene": ["bg", "stripes"], "sprites": [_sprite("green")]}
    zoomed = _frame(view, {**stage, "camera": _camera(("xalign", 0.5), ("yalign", 0.5),
                                                      ("zoom", 1.2))})
    for x, y in ((0, 0), (639, 0), (0, 359), (639, 359)):
        assert zoomed.get_at((x, y))[:3] != (0, 0, 0)
    same = _frame(view, {**stage, "camera": _camera(("zoom", 1.0))}).copy()
    none = _frame(view, stage)
    assert pygame.image.tobytes(same, "RGB") == pygame.image.tobytes(none, "RGB")


def test_an_overlay_sprite_is_not_moved_by_the_camera_and_draws_above_master(
        view: StageView) -> None:
    # both squares at the middle; the overlay's (pink) is shown first, master's later
    stage = {"scene": ["bg", "stripes"], "sprites": [
        _sprite("pink", layer="overlay", transforms=[{"name": "truecenter", "args": {}}]),
        _sprite("green", transforms=[{"name": "truecenter", "args": {}}])],
        "camera": _camera(("xoffset", 40))}
    frame = _frame(view, stage)
    # the squares are 50 window pixels wide; master's moved 20 right by its camera
    assert frame.get_at((330, 180))[:3] == PINK  # where both are: the overlay's on top
    assert frame.get_at((360, 180))[:3] == GREEN  # master's, moved
    assert frame.get_at((300, 180))[:3] == PINK  # the overlay's, where it was
    # `camera overlay` moves the overlay too
    moved = _frame(view, {**stage, "camera": {**stage["camera"],
                                              **_camera(("yoffset", 200), layer="overlay")}})
    assert moved.get_at((330, 180))[:3] == GREEN
    assert moved.get_at((300, 180 + 100))[:3] == PINK


def test_a_still_camera_is_composed_once(view: StageView) -> None:
    stage = {"scene": ["bg", "stripes"], "sprites": [],
             "camera": _camera(("xalign", 0.5), ("yalign", 0.5), ("zoom", 1.5))}
    times = SpriteTimes()
    times.sync(stage, 0.0)
    first = view.compose(stage, VP, 0, 1.0, times)
    assert view.compose(stage, VP, 0, 2.0, times) is first
    assert not view.moving(stage, VP, 2.0, times)
    moving = {**stage, "camera": {"master": {"transforms": [], "seed": 2, "atl": [
        {"op": "interp", "warper": "linear", "duration": ["lit", 2.0],
         "props": [["zoom", ["lit", 2.0]]]}]}}}
    times.sync(moving, 3.0)
    assert view.moving(moving, VP, 4.0, times) and not view.moving(moving, VP, 5.5, times)


def test_an_inline_picture_sits_on_the_baseline_and_types_as_one_character(
        tmp_path: Path) -> None:
    small_display()
    fonts = Fonts([ROOT / "assets" / "fonts"])
    heart = pygame.Surface((20, 20))
    heart.fill(PINK)
    fonts.use_pictures(lambda name: heart if name == "heart" else None)
    lay = layout("I {image=heart} you, and {image=gone} this.", fonts, 26, 600,
                 (255, 255, 255))
    assert lay.length == len("I * you, and * this.")  # a picture is one character
    assert "heart" not in lay.plain
    line = lay.lines[0]
    pic = next(r for r in line.runs if r.surface.get_width() == 20)
    target = pygame.Surface((600, 60), pygame.SRCALPHA)
    lay.draw(target, (0, 0), lay.length)
    pinks = [(x, y) for y in range(60) for x in range(600)
             if target.get_at((x, y))[:3] == PINK]
    assert {x for x, _ in pinks} == set(range(pic.x, pic.x + 20))
    font = fonts.get(26)
    baseline = line.y + line.height + font.get_descent()
    assert max(y for _, y in pinks) == baseline - 1 and max(y for _, y in pinks) < line.height
    # typed up to the picture: not yet drawn; one more character: drawn
    typer = Typewriter(lay.length, lay.stops, 10.0, 0.0)
    typer.shown = float(pic.start)
    target.fill((0, 0, 0, 0))
    lay.draw(target, (0, 0), typer.count)
    assert target.get_at((pic.x + 10, max(y for _, y in pinks)))[:3] != PINK
    lay.draw(target, (0, 0), pic.start + 1)
    assert target.get_at((pic.x + 10, max(y for _, y in pinks)))[:3] == PINK


def test_a_tall_inline_picture_is_scaled_to_the_line(tmp_path: Path) -> None:
    pygame.display.init()
    pygame.font.init()
    fonts = Fonts([ROOT / "assets" / "fonts"])
    tall = pygame.Surface((100, 400))
    fonts.use_pictures(lambda name: tall)
    pic = fonts.inline("tall", 26)
    assert pic.get_height() == fonts.get(26).get_ascent() and pic.get_width() < 100


def test_lint_names_a_missing_inline_picture_and_voicing_never_reads_the_name(
        tmp_path: Path) -> None:
    game = tmp_path / "game"
    (game / "scenes").mkdir(parents=True)
    (game / "images").mkdir()
    pygame.image.save(pygame.Surface((4, 4)), str(game / "images" / "heart.png"))
    (game / "scenes" / "a.rpy").write_text(
        'label start:\n    "I {image=heart} you {image=heart.png}."\n'
        '    "And {image=star.png} that."\n    return\n')
    found = [p.format().splitlines()[0] for p in lint(game)]
    assert found == ["scenes/a.rpy:3:5: error: text image 'star.png' not found (looked for "
                     "assets/star.png)"]
    assert "heart" not in strip_tags("I {image=heart.png} you")
