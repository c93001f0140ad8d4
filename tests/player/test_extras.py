"""Extras: the gallery of CGs seen (kept across runs in persistent.json's seen_images),
locked tiles for the rest, the full view, the endings with their cards, by keyboard,
gamepad and mouse; and the ending card's "Ending N of M" and own picture."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from engine.gallery import ending_order, ending_slug, scan_cgs, shown_images
from engine.present.app import App, Options
from engine.script import load_game
from tests.player.helpers import DEMO, Result, data_dir, make_game, play

TITLE_START, TITLE_EXTRAS = "press Start", "press Extras"
SCENE = """\
label start:
    scene cg gate
    "The gate."
    scene cg gate rain
    "The gate in the rain."
    $ ending = "Park"
    return
"""


def ok(result: Result) -> None:
    assert result.returncode == 0, result.stderr


def cg_game(tmp: Path) -> Path:
    game = make_game(tmp, SCENE)
    folder = game / "assets" / "cg"
    folder.mkdir()
    pygame.display.init()
    for i, name in enumerate(("gate", "gate_rain", "road", "hospital_window")):
        pic = pygame.Surface((320, 180))
        pic.fill((40 * i + 60, 90, 200 - 30 * i))
        pygame.image.save(pic, str(folder / f"{name}.png"))
    return game


def extras_status(tmp: Path, game: Path, page: str = "Gallery") -> dict:
    app = App(Options(game=game, data_dir=tmp / "data", headless=True))
    app.begin()
    app.open("extras", page=page)
    app.draw(0.0)
    return app.status()


def test_cgs_group_their_variants_and_follow_the_story_s_order(tmp_path: Path) -> None:
    game = cg_game(tmp_path)
    cgs = scan_cgs(game, load_game(game))
    assert [c.name for c in cgs] == ["gate", "hospital_window", "road"]
    assert [v.label for v in cgs[0].variants] == ["", "rain"]
    assert [c.name for c in cgs[0:1] if c.seen({"cg gate rain"})] == ["gate"]
    assert scan_cgs(tmp_path / "nowhere") == []
    stage = {"scene": ["cg", "gate"], "sprites": [{"tag": "eileen", "attrs": ["happy"]}]}
    assert shown_images(stage) == ["cg gate", "eileen happy"]


def test_a_cg_shown_is_listed_as_seen_and_stays_seen_in_the_next_run(tmp_path: Path) -> None:
    game = cg_game(tmp_path)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    data_dir(fresh)
    before = extras_status(fresh, game)
    assert before["locked"] == [True, True, True]
    assert "Gate" not in before["text"] and "???" in before["text"]
    ok(play(tmp_path, f"""
        {TITLE_START}
        advance-to ending
        click
        expect-screen title
        quit
    """, game=game, warp=None))
    seen = json.loads((tmp_path / "data" / "persistent.json").read_text())["seen_images"]
    assert "cg gate" in seen and "cg gate rain" in seen
    after = extras_status(tmp_path, game)  # a new run on the same data folder
    assert after["locked"] == [False, True, True]
    assert "Gate, 2 of 2 pictures seen" in after["text"]
    # The mouse: a seen tile opens the full view, a locked one only says so.
    ok(play(tmp_path, f"""
        {TITLE_EXTRAS}
        expect-screen extras
        press Gate
        expect-screen picture-view
        expect-text Gate · 1 of 2
        click 640 360
        expect-text Gate — rain · 2 of 2
        click 640 360
        expect-screen extras
        click 460 260
        expect-text Not seen yet
    """, game=game, warp=None))


def test_extras_by_keyboard_only(tmp_path: Path) -> None:
    game = cg_game(tmp_path)
    ok(play(tmp_path, "advance-to ending\nclick\nexpect-screen title", game=game))
    ok(play(tmp_path, """
        expect-screen title
        # Up from no focus: Quit, About, Help, Extras.
        key up
        key up
        key up
        key up
        key return
        expect-screen extras
        expect-text Gate
        key down
        key return
        expect-screen picture-view
        expect-text Gate · 1 of 2
        key right
        expect-text Gate — rain · 2 of 2
        key right
        expect-text 2 of 2
        key left
        expect-text Gate · 1 of 2
        key escape
        expect-screen extras
        key up
        key right
        expect-text Ending 1 of 1
        key down
        key return
        expect-screen picture-view
        expect-text Ending: Park, Ending 1 of 1
        key escape
        key up
        key right
        key right
        key return
        expect-screen help
        key escape
        expect-screen extras
        key escape
        expect-screen title
    """, game=game, warp=None))


def test_extras_by_gamepad_only(tmp_path: Path) -> None:
    game = cg_game(tmp_path)
    ok(play(tmp_path, "advance-to ending pad\npad a\nexpect-screen title", game=game))
    ok(play(tmp_path, """
        expect-screen title
        pad up
        pad up
        pad up
        pad up
        pad a
        expect-screen extras
        pad down
        pad a
        expect-screen picture-view
        pad right
        expect-text Gate — rain · 2 of 2
        pad b
        expect-screen extras
        pad right
        pad a
        expect-text Not seen yet
        pad up
        pad right
        pad down
        pad a
        expect-text Ending: Park
        pad b
        pad b
        expect-screen title
    """, game=game, warp=None))


def test_no_cg_folder_says_there_is_nothing_yet(tmp_path: Path) -> None:
    st = extras_status(tmp_path, make_game(tmp_path, SCENE))
    assert "No illustrations yet" in st["text"]


@pytest.mark.parametrize("damage, problem", [
    (["cg gate", 5, None, ""], "3 damaged seen_images entries skipped"),
    ({"cg gate": True}, "seen_images is not a list"),
])
def test_a_damaged_seen_images_entry_is_reported_and_skipped(
        tmp_path: Path, damage: object, problem: str) -> None:
    game = cg_game(tmp_path)
    data = data_dir(tmp_path)
    (data / "persistent.json").write_text(json.dumps(
        {"version": 1, "endings": [], "read": [], "vars": {}, "seen_images": damage}))
    ok(play(tmp_path, f"expect-screen title\nexpect-text {problem}", game=game, warp=None))
    st = extras_status(tmp_path, game)  # the good entries were kept, and written back
    assert st["locked"][0] is (not isinstance(damage, list))


def test_the_ending_card_says_which_ending_of_how_many(tmp_path: Path) -> None:
    assert ending_order(load_game(DEMO)) == ["Park", "Home"]
    ok(play(tmp_path, """
        advance-to menu
        choose 2
        advance-to ending
        expect-text Ending — Home
        expect-text Ending 2 of 2
    """))


def test_the_ending_card_uses_the_ending_s_own_picture(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    gui = game / "assets" / "gui"
    gui.mkdir()
    pygame.display.init()
    for name, color in (("ending_card", (0, 0, 255)), (f"ending_{ending_slug('Park')}",
                                                       (255, 0, 0))):
        pic = pygame.Surface((64, 36))
        pic.fill(color)
        pygame.image.save(pic, str(gui / f"{name}.png"))
    ok(play(tmp_path, f"advance-to ending\nshot {tmp_path / 'own.png'}", game=game))
    assert tuple(pygame.image.load(str(tmp_path / "own.png")).get_at((5, 5)))[:3] == (255, 0, 0)
    (gui / "ending_park.png").unlink()
    ok(play(tmp_path, f"advance-to ending\nshot {tmp_path / 'generic.png'}", game=game))
    assert tuple(pygame.image.load(str(tmp_path / "generic.png")).get_at((5, 5)))[:3] \
        == (0, 0, 255)


def test_the_road_out_numbers_its_four_endings_as_written() -> None:
    root = Path(__file__).resolve().parents[2]
    names = ending_order(load_game(root))
    assert names == ["Someone to Want Me", "Alone", "Thank You", "Go Home and Sleep"]
    for name in names:
        assert (root / "assets" / "gui" / f"ending_{ending_slug(name)}.png").is_file()
