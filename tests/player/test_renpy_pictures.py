"""Pictures from Ren'Py's script drawn by the stage view (issue 17, media): a layered
image's layers as one picture, a Composite's pictures at their offsets, `show text` as
its text, a colour as the background."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.present.picture import StageView, Viewport
from engine.present.richtext import Fonts
from engine.script import Story
from tests.conftest import ROOT
from tests.player.helpers import small_display
from tests.script.helpers import program

VP = Viewport((640, 360))
SPEC = {"layers": [
    {"group": None, "attr": None, "file": "ann_base", "default": True, "if_any": [],
     "if_all": [], "if_not": []},
    {"group": "face", "attr": "cross", "file": None, "default": False, "if_any": [],
     "if_all": [], "if_not": []},
    {"group": None, "attr": "hat", "file": "../outside.png", "default": False,
     "if_any": [], "if_all": [], "if_not": []}], "multiple": []}


@pytest.fixture
def view(tmp_path: Path) -> StageView:
    small_display()
    game = tmp_path / "game"
    (game / "images" / "ann").mkdir(parents=True)
    base = pygame.Surface((4, 6), pygame.SRCALPHA)
    base.fill((10, 20, 30, 255))
    pygame.image.save(base, str(game / "images" / "ann" / "ann_base.png"))
    face = pygame.Surface((2, 2), pygame.SRCALPHA)
    face.fill((200, 0, 0, 255))
    pygame.image.save(face, str(game / "images" / "ann_face_cross.png"))
    pygame.image.save(face, str(tmp_path / "outside.png"))
    v = StageView(game, Fonts([ROOT / "assets" / "fonts"]).get)
    v.use_images({"night": "#203040", "ctc": "{text} ➤", "notes": "{text}abc"},
                 {"ann": SPEC})
    return v


def _sprite(tag: str, attrs: list[str], **more: object) -> dict:
    return {"tag": tag, "attrs": attrs, "at": None, "transforms": [], "atl": None,
            "zorder": 0, "as": None, "seed": 0, **more}


def test_a_layered_image_is_its_layers_over_each_other(view: StageView) -> None:
    calm = view.picture(_sprite("ann", []), VP)
    assert calm.size == (4, 6)
    cross = view.picture(_sprite("ann", ["cross"]), VP)
    assert cross.surface.get_at((0, 0))[:3] == (200, 0, 0)
    assert cross.surface.get_at((3, 5))[:3] == (10, 20, 30)
    # a layer outside the game is left out, with a warning, not loaded
    hat = view.picture(_sprite("ann", ["hat"]), VP)
    assert hat.surface.get_at((0, 0))[:3] == (10, 20, 30)
    assert any("outside.png" in w for w in view.warned)


def test_show_text_draws_its_text_and_a_colour_fills_the_background(
        view: StageView) -> None:
    short = view.picture(_sprite("text", [], text="{b}Ten years later.{/b}"), VP)
    long = view.picture(_sprite("text", [], text="x" * 100_000), VP)
    assert 0 < short.surface.get_width() < long.surface.get_width() < 200 * 40
    bg, _ = view.background(["night"], VP)
    assert bg.get_at((5, 5))[:3] == (0x20, 0x30, 0x40)
    # a Text image draws as its text; as a background, black
    assert view.picture(_sprite("ctc", []), VP).surface.get_width() < short.surface.get_width()
    bg, _ = view.background(["notes"], VP)
    assert bg.get_at((5, 5))[:3] == (0, 0, 0)
    # a colour shown as a sprite covers the canvas: a defined one, and Ren'Py's `black`
    for name, rgb in (("night", (0x20, 0x30, 0x40)), ("black", (0, 0, 0))):
        pic = view.picture(_sprite(name, []), VP)
        assert pic.canvas_size == (1280.0, 720.0) and pic.surface.get_at((1, 1))[:3] == rgb


def test_a_composite_draws_each_picture_at_its_offset(view: StageView) -> None:
    images = Story(program('image face = "ann_face_cross.png"\n'
                           'image duo = Composite((10, 10), (0, 0), "ann/ann_base.png",\n'
                           '    (5, 7), "face", (1, 1), "missing.png")\n'
                           'label start:\n    "x"\n')).images
    view.use_images(images, {})
    pic = view.picture(_sprite("duo", []), VP)
    assert pic.size == (10, 10) and pic.canvas_size == (10.0, 10.0)
    assert pic.crop.topleft == (0, 0)
    assert pic.surface.get_at((3, 5))[:3] == (10, 20, 30)
    assert pic.surface.get_at((5, 7))[:3] == (200, 0, 0)
    assert pic.surface.get_at((6, 8))[:3] == (200, 0, 0)
    assert pic.surface.get_at((4, 0))[3] == 0 and pic.surface.get_at((5, 6))[3] == 0
    assert any("missing.png" in w for w in view.warned)
    # as a background, the same picture over the whole canvas
    bg, _ = view.background(["duo"], VP)
    assert bg.get_size() == VP.size
    assert bg.get_at((10, 10))[:3] == (10, 20, 30)
    assert bg.get_at((420, 300))[:3] == (200, 0, 0)


def test_a_condition_switch_background_draws_the_branch_the_story_chose(
        view: StageView) -> None:
    from engine.script import Say

    assets = view.game_dir / "assets"
    assets.mkdir()
    for name, rgb in (("street_day", (200, 220, 120)), ("street_night", (20, 30, 90))):
        pic = pygame.Surface((16, 9))
        pic.fill(rgb)
        pygame.image.save(pic, str(assets / f"{name}.png"))
    story = Story(program('default time_of_day = "day"\n'
                          "image bg street = ConditionSwitch(\n"
                          "    \"time_of_day == 'night'\", \"street_night.png\",\n"
                          "    \"time_of_day == 'day'\", \"street_day.png\")\n"
                          "label start:\n    scene bg street\n    \"Day.\"\n"
                          "    $ time_of_day = 'night'\n    \"Night.\"\n"
                          "    $ time_of_day = 'dusk'\n    \"Dusk.\"\n"))
    view.use_images(story.images, story.layered)
    story.start()
    drawn = []
    for _ in range(3):
        while not isinstance(story.next(), Say):
            pass
        drawn.append(tuple(view.compose(story.stage, VP).get_at((320, 180)))[:3])
    # day, night after the `$`, then black: no condition holds (Ren'Py's Null)
    assert drawn == [(200, 220, 120), (20, 30, 90), (0, 0, 0)]
    assert view.missing == []
