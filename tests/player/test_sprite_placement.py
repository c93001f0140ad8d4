"""Sprites drawn by Placement, checked on pixels: position and anchor, flip, alpha, tint,
brightness, zoom and rotation; the stand-in for ATL's evaluator; marks; draw order."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.atl.placement import Placement
from engine.present import placing
from engine.present.compose import draw_order
from engine.present.picture import StageView, Viewport
from engine.present.richtext import Fonts
from engine.present.sprite_times import SpriteTimes
from engine.present.sprites import Picture, SpriteArt

from .helpers import make_game, small_display

ROOT = Path(__file__).resolve().parents[2]
RED, BLUE = (255, 0, 0), (0, 0, 255)


@pytest.fixture(scope="module", autouse=True)
def display() -> None:
    small_display()


def two_tone() -> Picture:
    """100x200, opaque: the left half red, the right half blue."""
    surf = pygame.Surface((100, 200), pygame.SRCALPHA)
    surf.fill(RED)
    surf.fill(BLUE, pygame.Rect(50, 0, 50, 200))
    return Picture("two-tone", surf, (100.0, 200.0))


def drawn(p: Placement, back: tuple[int, int, int] = (0, 0, 0), scale: float = 1.0
          ) -> tuple[pygame.Surface, pygame.Rect]:
    target = pygame.Surface((round(1280 * scale), round(720 * scale)))
    target.fill(back)
    rect = SpriteArt().draw(target, two_tone(), p, scale)
    return target, rect


def ink(target: pygame.Surface, back: tuple[int, int, int] = (0, 0, 0)) -> pygame.Rect:
    """The bounding box of the pixels that are not the background."""
    mask = pygame.mask.from_threshold(target, back, (1, 1, 1, 255))
    mask.invert()
    rects = mask.get_bounding_rects()
    return rects[0].unionall(rects[1:]) if rects else pygame.Rect(0, 0, 0, 0)


def test_default_placement_stands_at_the_bottom_middle() -> None:
    target, rect = drawn(Placement())
    assert rect == pygame.Rect(590, 520, 100, 200)
    assert ink(target) == rect


def test_positions_fractions_pixels_anchors_and_offsets() -> None:
    _, rect = drawn(Placement(xpos=100, xanchor=0.0, ypos=0.25, yanchor=0.0, xoffset=7,
                              yoffset=-5))
    assert rect.topleft == (107, 175)
    _, rect = drawn(Placement(xpos=1.0, xanchor=1.0, ypos=300, yanchor=50))
    assert rect.topleft == (1180, 250)


def test_scaled_window_scales_positions_and_size() -> None:
    target, rect = drawn(Placement(xpos=0.0, xanchor=0.0), scale=1.5)
    assert rect == pygame.Rect(0, 1080 - 300, 150, 300)


def test_negative_xzoom_mirrors_the_picture() -> None:
    plain, rect = drawn(Placement())
    flipped, rect2 = drawn(Placement(xzoom=-1.0))
    assert rect2 == rect
    left, right = (rect.x + 10, rect.y + 50), (rect.right - 10, rect.y + 50)
    assert plain.get_at(left)[:3] == RED and plain.get_at(right)[:3] == BLUE
    assert flipped.get_at(left)[:3] == BLUE and flipped.get_at(right)[:3] == RED


def test_alpha_half_blends_with_what_is_behind() -> None:
    target, rect = drawn(Placement(alpha=0.5), back=(255, 255, 255))
    r, g, b = target.get_at((rect.x + 10, rect.y + 10))[:3]
    assert r == 255 and 120 <= g <= 135 and 120 <= b <= 135
    target, rect = drawn(Placement(alpha=0.0), back=(255, 255, 255))
    assert ink(target, (255, 255, 255)).width == 0


def test_tint_multiplies_each_channel_and_brightness_adds() -> None:
    target, rect = drawn(Placement(tint=(0.5, 1.0, 1.0)))
    r, g, b = target.get_at((rect.x + 10, rect.y + 10))[:3]
    assert 125 <= r <= 130 and g == 0 and b == 0
    target, rect = drawn(Placement(brightness=0.5))
    r, g, b = target.get_at((rect.x + 10, rect.y + 10))[:3]
    assert r == 255 and 125 <= g <= 130 and 125 <= b <= 130
    target, rect = drawn(Placement(brightness=-1.0))
    assert target.get_at((rect.x + 10, rect.y + 10))[:3] == (0, 0, 0)


def test_zoom_half_halves_the_size_about_the_anchor() -> None:
    target, rect = drawn(Placement(zoom=0.5))
    assert rect.size == (50, 100) and rect.midbottom == (640, 720)
    assert ink(target) == rect
    _, rect = drawn(Placement(xzoom=2.0, yzoom=0.5))
    assert rect.size == (200, 100)


def test_rotate_turns_clockwise_and_grows_the_bounding_box() -> None:
    target, rect = drawn(Placement(rotate=90, ypos=0.5, yanchor=0.5))
    assert abs(rect.width - 200) <= 2 and abs(rect.height - 100) <= 2
    # Turned clockwise, the red left half ends up on top.
    assert target.get_at((rect.centerx, rect.y + 10))[:3] == RED
    assert target.get_at((rect.centerx, rect.bottom - 10))[:3] == BLUE
    _, rect = drawn(Placement(rotate=45, ypos=0.5, yanchor=0.5))
    assert rect.width > 200 and rect.height > 200


def test_transforms_are_cached_not_redone_each_frame() -> None:
    art, pic = SpriteArt(), two_tone()
    target = pygame.Surface((1280, 720))
    for x in range(50):  # a sprite sliding with a fixed zoom and tint
        art.draw(target, pic, Placement(xpos=x * 10, zoom=0.8, tint=(1, 0.5, 0.5)), 1.0)
    assert art.made == 1
    for k in range(50):  # a zoom: one rescale per rounded step at most
        art.draw(target, pic, Placement(zoom=1.0 + k * 0.0001), 1.0)
    assert art.made <= 3


def test_stand_in_maps_builtin_positions_and_marks_win_over_them() -> None:
    p, finished = placing.stage_placement({"tag": "a", "attrs": [], "at": "right"}, {},
                                          3.0, {})
    assert finished and (p.xpos, p.xanchor, p.ypos, p.yanchor) == (1.0, 1.0, 1.0, 1.0)
    sprite = {"tag": "a", "attrs": [], "at": "left",
              "transforms": [{"name": "left", "args": {}}]}
    p, _ = placing.stage_placement(sprite, {}, 0.0, {"left": (330.0, 700.0)})
    assert (p.xpos, p.ypos, p.xanchor, p.yanchor) == (330, 700, 0.5, 1.0)
    p, _ = placing.stage_placement({"tag": "a", "attrs": [], "at": "truecenter"}, {}, 0.0,
                                   {"truecenter": (1.0, 1.0)})
    assert (p.xpos, p.ypos) == (0.5, 0.5)


def test_draw_order_is_zorder_then_order_of_showing() -> None:
    sprites = [{"tag": "a", "zorder": 1}, {"tag": "b"}, {"tag": "c", "zorder": -1},
               {"tag": "d", "zorder": 1}]
    assert [s["tag"] for s in draw_order(sprites)] == ["c", "b", "a", "d"]


def test_sprite_times_keep_an_attribute_change_and_restart_new_transforms() -> None:
    times = SpriteTimes()
    times.sync({"sprites": [{"tag": "s", "attrs": ["sad"], "at": "left"}]}, 10.0)
    times.sync({"sprites": [{"tag": "s", "attrs": ["happy"], "at": "left"}]}, 12.0)
    assert times.starts["s"] == 10.0
    times.sync({"sprites": [{"tag": "s", "attrs": ["happy"], "at": "right"}]}, 13.0)
    assert times.starts["s"] == 13.0
    times.sync({"sprites": []}, 14.0)
    assert times.starts == {}


def test_stage_view_draws_sprites_by_position_on_a_scaled_window(tmp_path: Path) -> None:
    game = make_game(tmp_path, "label start:\n    return\n")
    fonts = Fonts([ROOT / "assets" / "fonts"])
    view = StageView(game, fonts.get)
    vp = Viewport((1920, 1080))
    stage = {"scene": ["black"], "sprites": [{"tag": "lucy", "attrs": [], "at": "left"},
                                             {"tag": "lucy2", "attrs": [], "at": "right"}]}
    frame = view.compose(stage, vp)
    box = ink(frame)
    assert box.x < 60 and box.right >= 1920 - 3  # lucy at the left, a placeholder right
    assert box.bottom == 1080
    assert view.compose(stage, vp) is frame  # nothing moves: composed once


def test_a_cropped_picture_turns_about_the_middle_of_the_whole_picture() -> None:
    """Only the visible pixels are kept; turned half a turn, a square in the top-left
    corner of a picture must land in its bottom-right corner."""
    surf = pygame.Surface((100, 200), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    surf.fill(RED, pygame.Rect(0, 0, 20, 20))
    pic = Picture("corner", surf, (100.0, 200.0))
    assert pic.surface.get_size() == (20, 20)
    for degrees, corner in ((0, (0, 0)), (180, (80, 180)), (90, (180, 0))):
        target = pygame.Surface((1280, 720))
        p = Placement(xpos=100, ypos=100, xanchor=0.0, yanchor=0.0, rotate=degrees)
        SpriteArt().draw(target, pic, p, 1.0)
        box = ink(target)
        assert abs(box.x - (100 + corner[0])) <= 2 and abs(box.y - (100 + corner[1])) <= 2
        assert abs(box.width - 20) <= 2 and abs(box.height - 20) <= 2


def test_a_failing_transform_leaves_the_sprite_still_at_its_position() -> None:
    # A warper no evaluator knows (an edited save could hold one): the evaluator raises.
    bad = {"params": [], "defaults": {}, "body": [
        {"op": "interp", "warper": "nosuch", "duration": ["lit", 1.0],
         "props": [["xpos", ["lit", 1.0]]], "to": None}]}
    sprite = {"tag": "a", "attrs": [], "at": "left",
              "transforms": [{"name": "left", "args": {}}, {"name": "bad", "args": {}}]}
    with pytest.raises(Exception):  # noqa: B017 - whatever the evaluator raises
        placing.placement_for(sprite, {"bad": bad}, 0.5, None, {"left": (330.0, 720.0)})
    p, finished = placing.stage_placement(sprite, {"bad": bad}, 0.5,
                                          {"left": (330.0, 720.0)})
    assert finished and (p.xpos, p.ypos, p.xanchor) == (330, 720, 0.5)
