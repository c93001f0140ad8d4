"""Pixel checks of every overlay screen at 1280x720 and 1920x1080: nothing of the screen
beneath reads through, nothing is cut off at the window's edge; the quick menu lies inside
the dialogue box, reads against it and hides with it; the save screen's slots are numbered
across pages and Load opens on the newest save's page."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pygame
import pytest

from engine import saves
from engine.contrast import AA, ratio
from engine.present import quickmenu
from engine.present.app import App, Options
from engine.present.screen import Screen
from engine.screens.registry import SCREENS
from engine.screens.slots import slot_title
from engine.theme import lightest_box
from tests.player.helpers import DEMO, ROOT, data_dir, make_game

SIZES = [(1280, 720), (1920, 1080)]
# Screens that paint the whole window with their own picture (no overlay backdrop).
OWN_PICTURE = {"title", "game", "error", "picture-view"}
EDGE = 4  # canvas pixels along the window's edge where no overlay draws anything


def make_app(tmp: Path, size: tuple[int, int], game: Path = DEMO, warp: str | None = "start"
             ) -> App:
    app = App(Options(game=game, warp=warp, data_dir=data_dir(tmp), headless=True,
                      instant=True, size=size))
    app.begin()
    return app


class Probe(Screen):
    """A screen beneath that no overlay may let through: loud magenta everywhere."""

    name = "probe"
    backdrop = False

    def draw(self, target: pygame.Surface, now: float) -> None:
        target.fill((255, 0, 255))


def frame(app: App) -> bytes:
    app.draw(0.0)
    return pygame.image.tobytes(app.window, "RGB")


def overlay_args(play: Any, name: str) -> dict[str, Any]:
    if name == "confirm":
        return {"question": "Overwrite this save?", "on_yes": lambda: None}
    if name in ("game-menu", "history", "save"):
        return {"play": play}
    if name == "text-entry":
        return {"prompt": "What is your name?", "default": "Sam", "length": 20,
                "allow": None, "exclude": "", "on_done": lambda text: None}
    return {}


def overlays() -> list[str]:
    return [name for name in SCREENS if name not in OWN_PICTURE]


@pytest.mark.parametrize(("size", "game"), [(SIZES[0], DEMO), (SIZES[1], DEMO),
                                            (SIZES[0], ROOT)])
def test_no_overlay_lets_the_screen_beneath_read_through(
        tmp_path: Path, size: tuple[int, int], game: Path) -> None:
    """Each overlay over the game, over the title and over a magenta probe: the same
    picture to the pixel, and no magenta. (The real game has a title picture.)"""
    app = make_app(tmp_path, size, game=game, warp="start" if game == DEMO else "night_road")
    playing = app.game()
    assert playing is not None
    title = SCREENS["title"](app)
    play = playing.play
    for name in overlays():
        pictures = []
        for beneath in (playing, title, Probe(app)):
            app.stack = [beneath]
            app.push(SCREENS[name](app, **overlay_args(play, name)))
            pictures.append(frame(app))
        assert _no_magenta(app), name  # the window holds the frame over the probe
        assert pictures[0] == pictures[1] == pictures[2], f"{name}: the screen beneath shows"
        app.stack = [playing]


def _no_magenta(app: App) -> bool:
    surf = app.window
    w, h = surf.get_size()
    return all(tuple(surf.get_at((x, y)))[:3] != (255, 0, 255)
               for x in range(0, w, 7) for y in range(0, h, 7))


@pytest.mark.parametrize("size", SIZES)
def test_nothing_is_cut_off_at_the_window_edge(tmp_path: Path, size: tuple[int, int]) -> None:
    """Along the window's edge every overlay shows only its backdrop: no text or panel runs
    off the window (the save screen's key-hint line once did)."""
    app = make_app(tmp_path, size)
    bare = pygame.Surface(app.window.get_size())
    app.backdrop(bare)
    edge = app.vp.px(EDGE)
    w, h = bare.get_size()
    bands = [pygame.Rect(0, 0, w, edge), pygame.Rect(0, h - edge, w, edge),
             pygame.Rect(0, 0, edge, h), pygame.Rect(w - edge, 0, edge, h)]
    game = app.game()
    for name in overlays():
        app.stack = [game]
        app.push(SCREENS[name](app, **overlay_args(game.play, name)))
        app.draw(0.0)
        for band in bands:
            got = pygame.image.tobytes(app.window.subsurface(band), "RGB")
            assert got == pygame.image.tobytes(bare.subsurface(band), "RGB"), \
                f"{name} draws at the window's edge {band}"


@pytest.mark.parametrize("size", SIZES)
def test_the_quick_menu_lies_inside_the_box_and_reads_against_it(
        tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, size)
    g = app.game()
    assert g is not None and g.box_visible
    box = app.vp.crect(*g.box_rect())
    with_menu = frame(app)
    buttons = app.status()["buttons_at"]
    for label, _ in quickmenu.ITEMS:
        assert box.contains(app.vp.crect(*buttons[label])), label
    # Every pixel the quick menu paints is inside the box.
    g.quick_frame = lambda: None  # type: ignore[method-assign]
    without = frame(app)
    assert with_menu != without
    w = app.window.get_width()
    changed = [i // 3 for i in range(0, len(with_menu), 3)
               if with_menu[i:i + 3] != without[i:i + 3]]
    xs, ys = [i % w for i in changed], [i // w for i in changed]
    assert box.contains(pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1,
                                    max(ys) - min(ys) + 1))
    # Readable: 4.5:1 against the lightest the box can look.
    assert ratio(quickmenu.IDLE, lightest_box()) >= AA


def test_the_quick_menu_hides_with_the_box(tmp_path: Path) -> None:
    """Window hide, a centred line and the hidden UI take it away; a choice keeps it; on
    an NVL page it sits inside the page."""
    game = make_game(tmp_path, """
        define n = Character(None, kind=nvl)
        label start:
            scene bg room
            "In the box."
            window hide
            pause
            centered "Days later..."
            scene bg room
            menu:
                "Pick me.":
                    pass
            n "On the page."
            return
    """)
    app = make_app(tmp_path, (1280, 720), game=game)
    g = app.game()
    assert "Q.Save" in app.status()["buttons_at"]
    g.action("advance")
    assert not g.box_visible
    assert "Q.Save" not in app.status()["buttons_at"]  # window hide: no box, no menu
    g.action("advance")
    assert app.status()["text"] == "Days later..."
    assert "Q.Save" not in app.status()["buttons_at"]  # a centred line has no box
    g.action("advance")
    # A choice with the box hidden: the row keeps the box's place (Ren'Py shows it then).
    assert g.choices is not None and not g.box_visible
    assert app.vp.crect(*g.box_rect()).contains(
        app.vp.crect(*app.status()["buttons_at"]["Q.Save"]))
    g.action("number", n=1)
    assert g.page_visible
    page = app.vp.crect(*quickmenu_page())
    assert page.contains(app.vp.crect(*app.status()["buttons_at"]["Q.Save"]))
    g.action("hide")
    assert "Q.Save" not in app.status()["buttons_at"]


def quickmenu_page() -> tuple[int, int, int, int]:
    from engine.textbox import NVL_PAGE

    return NVL_PAGE


def test_slots_are_numbered_across_pages() -> None:
    assert [slot_title(s) for s in saves.page_slots(1)] == [f"Slot {n}" for n in range(1, 7)]
    assert [slot_title(s) for s in saves.page_slots(2)] == [f"Slot {n}" for n in range(7, 13)]
    assert slot_title("3-6") == "Slot 18"


def test_load_opens_on_the_newest_saves_page(tmp_path: Path) -> None:
    app = make_app(tmp_path, (1280, 720), warp=None)
    folder = app.data_dir / "saves"
    folder.mkdir(parents=True, exist_ok=True)
    app.session["slot_page"] = 3  # the last page used, empty
    assert app.open("load").status()["page"] == 3  # no saves: where the player was
    app.pop(app.top)
    from engine.playthrough import Playthrough
    from engine.screens.saving import thumbnail
    from engine.script import Story

    play = Playthrough(Story(app.program), app.data)
    data = play.save_data(thumbnail(pygame.Surface((64, 36))))
    now = time.time()
    for slot, age in (("1-1", 30), ("2-3", 10), ("3-2", 20)):
        path = saves.write(folder, slot, data, app.game_name)
        os.utime(path, (now - age, now - age))
    assert app.open("load").status()["page"] == 2
    app.pop(app.top)
    os.utime(saves.write(folder, "auto", data, app.game_name), (now, now))
    assert app.open("load").status()["page"] == "aq"
    app.pop(app.top)
    assert app.open("save", play=play).status()["page"] == 3  # Save keeps the page used


@pytest.mark.parametrize("text_size", [85, 100, 115, 130])
def test_the_longest_line_ends_above_the_quick_menu(tmp_path: Path, text_size: int) -> None:
    import json

    from engine.textbox import TEXT_Y

    long = " ".join(["A long line that wraps and wraps across the dialogue box, going on."] * 5)
    game = make_game(tmp_path, f'define s = Character("Sakura")\nlabel start:\n'
                               f'    scene bg room\n    s "{long}"\n    return\n')
    data = data_dir(tmp_path)
    (data / "settings.json").write_text(json.dumps({"text_cps": 0, "text_size": text_size}))
    app = App(Options(game=game, warp="start", data_dir=data, headless=True, instant=True))
    app.begin()
    g = app.game()
    assert g is not None and g.layout is not None
    text_bottom = TEXT_Y - g.grow() + 6 + g.layout.height  # a speaker's line sits 6 lower
    row_top = app.status()["buttons_at"]["Q.Save"][1]
    assert text_bottom <= row_top
