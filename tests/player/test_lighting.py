"""A scene's light on its sprites: a map's `sprite_tint` property (on the map, or on a layer
or group a scene switches on) multiplies every sprite's pixels, times any transform tint."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pygame
import pytest

from engine.mapinfo import MapStructure, light
from engine.present.app import App, Options
from tests.player.helpers import data_dir

SPRITE = (200, 200, 200)
MAP = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="32" height="18"
     tilewidth="40" tileheight="40" infinite="0" nextlayerid="5" nextobjectid="1">
 <properties>
  <property name="sprite_tint" value="#808080"/>
 </properties>
 <imagelayer id="1" name="ground">
  <image source="ground.png" width="1280" height="720"/>
 </imagelayer>
 <group id="2" name="cloud" visible="0">
  <properties>
   <property name="sprite_tint" value="#ff0000"/>
  </properties>
  <imagelayer id="3" name="cloud_veil">
   <image source="ground.png" width="1280" height="720"/>
  </imagelayer>
 </group>
 <imagelayer id="4" name="glow" visible="0">
  <properties>
   <property name="sprite_tint" type="color" value="#800000ff"/>
  </properties>
  <image source="ground.png" width="1280" height="720"/>
 </imagelayer>
</map>
"""


def lit_game(tmp: Path, scene: str, at: str = "") -> Path:
    game = tmp / "game"
    (game / "scenes").mkdir(parents=True)
    bgs, chars = game / "assets" / "backgrounds", game / "assets" / "characters"
    bgs.mkdir(parents=True)
    chars.mkdir(parents=True)
    pygame.display.init()
    ground = pygame.Surface((1280, 720))
    ground.fill((10, 10, 10))
    pygame.image.save(ground, str(bgs / "ground.png"))
    (bgs / "lit.tmx").write_text(MAP)
    ghost = pygame.Surface((200, 200))
    ghost.fill(SPRITE)
    pygame.image.save(ghost, str(chars / "ghost.png"))
    (game / "scenes" / "game.scene").write_text(at + textwrap.dedent(f"""\
        label start:
            scene {scene}
            show ghost{' at warm' if at else ''}
            "Here."
            return
        """))
    return game


def sprite_pixel(tmp: Path, scene: str, at: str = "") -> tuple[int, int, int]:
    game = lit_game(tmp, scene, at)
    app = App(Options(game=game, warp="start", data_dir=data_dir(tmp), headless=True,
                      instant=True))
    app.begin()
    g = app.game()
    assert g is not None
    picture = app.stage_view.compose(g.story.stage, app.vp)
    return tuple(picture.get_at((640, 620)))[:3]  # type: ignore[return-value]


def near(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(x - y) <= 2 for x, y in zip(a, b, strict=True))


def test_the_map_s_light_multiplies_the_sprite_s_pixels(tmp_path: Path) -> None:
    assert near(sprite_pixel(tmp_path, "bg lit"), (100, 100, 100))


def test_a_group_the_scene_switches_on_brings_its_own_light(tmp_path: Path) -> None:
    assert near(sprite_pixel(tmp_path, "bg lit cloud"), (200, 0, 0))


def test_the_light_multiplies_with_a_transform_s_tint(tmp_path: Path) -> None:
    at = 'transform warm:\n    matrixcolor TintMatrix("#ff8000")\n'
    assert near(sprite_pixel(tmp_path, "bg lit", at), (100, 50, 0))


def test_a_picture_background_leaves_sprites_as_they_are(tmp_path: Path) -> None:
    assert near(sprite_pixel(tmp_path, "bg ground"), SPRITE)


def test_the_structure_reader_gives_the_light_for_each_scene(tmp_path: Path) -> None:
    path = tmp_path / "lit.tmx"
    path.write_text(MAP)
    m = MapStructure(path)
    assert m.sprite_tint() == pytest.approx((128 / 255,) * 3)
    assert m.sprite_tint({"cloud"}) == pytest.approx((1.0, 0.0, 0.0))
    # Tiled's colour type, #AARRGGBB: the alpha is how strongly (here about half).
    k = 128 / 255
    assert m.sprite_tint({"glow"}) == pytest.approx((1 - k, 1 - k, 1.0))
    # The last shown layer declaring one wins: glow comes after cloud in the file.
    assert m.sprite_tint({"cloud", "glow"}) == pytest.approx((1 - k, 1 - k, 1.0))
    with pytest.raises(ValueError):
        light("#12345")
    path.write_text(MAP.replace('value="#808080"', 'value="dusk"'))
    with pytest.raises(ValueError):
        MapStructure(path).sprite_tint()


def test_a_bad_light_is_reported_and_the_sprites_drawn_untinted(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    game = lit_game(tmp_path, "bg lit")
    tmx = game / "assets" / "backgrounds" / "lit.tmx"
    tmx.write_text(MAP.replace('value="#808080"', 'value="moonlight"'))
    app = App(Options(game=game, warp="start", data_dir=data_dir(tmp_path), headless=True,
                      instant=True))
    app.begin()
    g = app.game()
    assert g is not None
    picture = app.stage_view.compose(g.story.stage, app.vp)
    assert near(tuple(picture.get_at((640, 620)))[:3], SPRITE)
    assert "sprite_tint is not a colour" in caplog.text
