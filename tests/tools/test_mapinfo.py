"""engine.mapinfo: a Tiled map's structure as the renderer and lint both read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.lint import lint, map_names
from engine.mapinfo import LayerStyle, MapStructure, decode_gid, tiled_color
from tests.tools.helpers import make_game

MAP = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="4" height="4"
     tilewidth="8" tileheight="8" infinite="0">
 <tileset firstgid="1" source="tiles.tsx"/>
 <layer name="ground" width="4" height="4"><data encoding="csv">0</data></layer>
 <group name="weather" visible="0" opacity="0.5" offsetx="3">
  <layer name="rain" width="4" height="4" offsety="2"><data encoding="csv">0</data></layer>
  <imagelayer name="fog" visible="0"/>
 </group>
 <group name="marks" offsetx="10">
  <objectgroup name="stage">
   <object id="1" name="door" x="8" y="16" width="4" height="8"/>
   <object id="2" name="spot" x="1" y="2"><point/></object>
   <object id="3" template="hero.tx" x="20" y="30"/>
   <object id="4" gid="1" name="sign" x="0" y="32" width="8" height="8"/>
  </objectgroup>
 </group>
 <objectgroup name="stage"><object id="5" name="ignored" x="0" y="0"/></objectgroup>
</map>
"""
TSX = """<tileset name="t" tilewidth="8" tileheight="8" tilecount="1" columns="1"
  objectalignment="center"><image source="tiles.png" width="8" height="8"/></tileset>"""
TEMPLATE = """<template><object name="hero" width="6" height="6"/></template>"""


@pytest.fixture
def tmx(tmp_path: Path) -> Path:
    (tmp_path / "tiles.tsx").write_text(TSX)
    (tmp_path / "hero.tx").write_text(TEMPLATE)
    path = tmp_path / "map.tmx"
    path.write_text(MAP)
    return path


def test_layer_names_are_every_named_layer_and_group(tmx: Path) -> None:
    assert MapStructure(tmx).layer_names == {"ground", "weather", "rain", "fog", "marks",
                                             "stage"}


def test_layers_come_in_document_order_with_what_their_groups_give(tmx: Path) -> None:
    placed = list(MapStructure(tmx).layers())
    assert [p.elem.get("name") for p in placed] == ["ground", "rain", "fog", "stage", "stage"]
    assert [p.on for p in placed] == [True, False, False, True, True]
    rain = placed[1]
    assert rain.style == LayerStyle(0.5, (3.0, 2.0), None)
    # Naming a hidden group shows its visible children, not its hidden ones ...
    assert [p.on for p in MapStructure(tmx).layers({"weather"})][1:3] == [True, False]
    # ... and a hidden layer named itself shows even inside a hidden group.
    assert [p.on for p in MapStructure(tmx).layers({"fog"})][1:3] == [False, True]


def test_stage_marks_resolve_templates_offsets_and_tile_alignment(tmx: Path) -> None:
    marks = MapStructure(tmx).stage_marks
    # Only the first stage layer counts, as the renderer draws sprites on it.
    assert set(marks) == {"door", "spot", "hero", "sign"}
    assert marks["door"] == (10 + 8 + 2, 16 + 8)  # a box: its bottom centre
    assert marks["spot"] == (10 + 1, 2)  # a point: where it is
    assert marks["hero"] == (10 + 20 + 3, 30 + 6)  # the template's name and size
    # A tile object of a tileset aligned at its centre: its box's bottom centre.
    assert marks["sign"] == (10 + 0, 32 + 4)


def test_a_map_whose_tileset_is_missing_still_has_its_layer_names(tmx: Path) -> None:
    (tmx.parent / "tiles.tsx").unlink()
    structure = MapStructure(tmx)
    assert "rain" in structure.layer_names
    with pytest.raises(OSError):
        structure.tilesets  # noqa: B018 - reading it is the test
    layers, marks = map_names(tmx)
    assert "rain" in layers and marks == frozenset()


@pytest.mark.parametrize("change, message", [
    (('orientation="orthogonal"', 'orientation="isometric"'), "isometric maps are not"),
    (('infinite="0"', 'infinite="1"'), "infinite maps are not supported"),
    (('renderorder="right-down"', 'renderorder="down"'), "unknown render order 'down'"),
    (('width="4" height="4"\n', 'width="0" height="4"\n'), "map has no size"),
])
def test_maps_the_renderer_cannot_draw_say_why(tmx: Path, change: tuple[str, str],
                                                message: str) -> None:
    assert MapStructure(tmx).unsupported() is None
    tmx.write_text(MAP.replace(*change, 1))
    assert message in (MapStructure(tmx).unsupported() or "")


def test_gids_and_colours_decode_as_tiled_writes_them() -> None:
    assert decode_gid(5 | 0x80000000 | 0x20000000) == (5, (True, False, True))
    assert tiled_color("#ff0000") == (255, 0, 0, 255)
    assert tiled_color("#80ff0000") == (255, 0, 0, 128)
    with pytest.raises(ValueError):
        tiled_color("#abc")


def test_lint_accepts_a_stage_mark_named_only_in_a_template(tmp_path: Path, tmx: Path
                                                             ) -> None:
    game = make_game(tmp_path, """
        image eileen = "characters/eileen/happy.png"
        label start:
            scene bg yard weather
            show eileen at hero
            show eileen at ignored
            return
    """)
    folder = game / "assets" / "backgrounds"
    for name in ("tiles.tsx", "hero.tx"):
        (folder / name).write_text((tmx.parent / name).read_text())
    (folder / "yard.tmx").write_text(MAP)
    found = [p.message for p in lint(game) if p.severity == "error"]
    assert found == ["unknown transform or position 'ignored'"]
