"""Pieces of the player that need no loop: text layout, typewriter, palette, viewport, data."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from engine.present.persist import DataStore
from engine.present.picture import Viewport
from engine.present.richtext import Fonts, Typewriter, layout
from engine.present.ui import Palette, contrast, over

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    pygame.display.init()
    pygame.font.init()
    return Fonts([ROOT / "assets" / "fonts"])


@pytest.mark.parametrize("width", [120, 300, 900])
def test_wrap_never_overflows(fonts: Fonts, width: int) -> None:
    text = ("A {b}bold{/b} and {i}italic{/i} line that goes on and on, with "
            "Supercalifragilisticexpialidociouslylongword and {color=#ff8080}colour{/color}.")
    lay = layout(text, fonts, 26, width, (255, 255, 255))
    assert len(lay.lines) > 1
    for line in lay.lines:
        last = line.runs[-1]
        # A line's trailing space may hang past the edge; its ink may not.
        assert last.x + last.edges[len(last.text.rstrip())] <= width
    assert lay.plain.replace("\n", "").replace(" ", "") == (
        "Abold and italic line that goes on and on, with "
        "Supercalifragilisticexpialidociouslylongword and colour.").replace(" ", "")


def test_waits_and_typing(fonts: Fonts) -> None:
    lay = layout("One.{w} Two.{w=0.5} Three.{p}Four.", fonts, 26, 800, (255, 255, 255))
    assert [s.seconds for s in lay.stops] == [None, 0.5, None]
    t = Typewriter(lay.length, lay.stops, 10, now=0.0)
    t.update(10.0)
    assert t.waiting_click and t.count == 4  # "One." then the {w}
    t.click(10.0)
    t.update(11.0)  # 10 cps: " Two." typed, then the half-second wait
    assert t.pause_until is not None
    t.click(11.0)  # a click skips the timed wait and types to the next click stop
    assert t.waiting_click and lay.plain.startswith("One. Two. Three.")
    t.click(12.0)
    assert t.click(12.0) and t.done
    assert not t.click(12.0)  # complete: the click is for the story


def test_instant_text(fonts: Fonts) -> None:
    lay = layout("All at {i}once{/i}.", fonts, 26, 800, (255, 255, 255))
    t = Typewriter(lay.length, lay.stops, 0, now=0.0)
    assert t.done and t.count == lay.length


@pytest.mark.parametrize("avg", [(0, 0, 0), (255, 255, 255), (40, 40, 120), (200, 230, 220),
                                 (255, 200, 0), (128, 128, 128)])
def test_box_text_contrast_on_any_scene(avg: tuple[int, int, int]) -> None:
    pal = Palette.from_color(avg)
    # The worst case: the box over pure white and over the scene's own colour.
    for under in ((255, 255, 255), avg):
        assert contrast((238, 238, 246), over(pal.box, pal.box_alpha, under)) >= 4.5


def test_viewport_letterboxes() -> None:
    vp = Viewport((1920, 1200))
    assert vp.size == (1920, 1080) and vp.offset == (0, 60)
    assert vp.to_window(640, 360) == (960, 600)
    assert Viewport((2560, 1440)).scale == 2.0


def test_corrupt_files_fall_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("[1, 2")
    (tmp_path / "persistent.json").write_text(json.dumps({"endings": "oops", "read": ["a"]}))
    data = DataStore(tmp_path)
    assert data.settings["text_cps"] == 40 and data.problems
    assert data.endings == [] and data.is_read("a")
    data.record_ending("Alone")
    assert json.loads((tmp_path / "persistent.json").read_text())["endings"] == ["Alone"]
    assert not list(tmp_path.glob("*.tmp"))
