"""Issue 15, part 2: names a player reads (save names on cards and in the save data,
route-map titles), the title's Continue, Help and About, and choices marked as taken in
an earlier playthrough."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from engine import saves
from engine.present.app import App, Options
from tests.player.helpers import ROOT, make_game, play
from tests.player.test_saves_ui import fresh_data, make_app


def ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr


def title_app(tmp: Path, game: Path) -> App:
    app = App(Options(game=game, data_dir=fresh_data(tmp), headless=True, instant=True))
    app.begin()
    assert app.top.name == "title"
    return app


NAMED = '''
    label start:
        $ save_name = "The first room"
        "One."
        "Two."
        jump second
    label second:
        $ save_name = "The second room — Ann and Bo"
        "Three."
        "Four."
        return
'''


# --- save names ------------------------------------------------------------------------------


def test_a_save_carries_its_save_name_and_the_card_shows_it(tmp_path: Path) -> None:
    game = make_game(tmp_path, NAMED)
    r = play(tmp_path, """
        advance 3
        expect-text Four.
        key f5
        expect-notice Quick saved
        key escape
        expect-screen game-menu
        press Load
        expect-screen load
        press Auto / Quick
        expect-text quick: The second room — Ann and Bo · Four.
    """, game=game)
    ok(r)
    data = saves.read(tmp_path / "data" / "saves", "quick")
    assert isinstance(data, saves.SaveData)
    assert data.description == "The second room — Ann and Bo"
    # It is in the file as written, next to the label it was saved in.
    body = json.loads((tmp_path / "data" / "saves" / "quick.json").read_text())
    assert body["description"] == "The second room — Ann and Bo" and body["label"] == "second"


def test_an_old_save_without_a_description_is_named_by_its_label(tmp_path: Path) -> None:
    game = make_game(tmp_path, NAMED)
    ok(play(tmp_path, "advance 3\nexpect-text Four.\nkey f5\nexpect-notice Quick saved", game=game))
    folder = tmp_path / "data" / "saves"
    old = saves.read(folder, "quick")
    assert isinstance(old, saves.SaveData)
    old.description = ""  # as a save from before save_name was kept
    saves.write(folder, "quick", old, "game")
    body = json.loads((folder / "quick.json").read_text())
    body.pop("description")  # and without the field at all
    body.pop("checksum")
    body["checksum"] = saves._checksum(body)
    (folder / "quick.json").write_text(json.dumps(body))
    assert isinstance(saves.read(folder, "quick"), saves.SaveData)
    ok(play(tmp_path, """
        expect-screen title
        press Load
        press Auto / Quick
        expect-text quick: The second room — Ann and Bo · Four.
    """, game=game, warp=None))


def test_a_label_without_a_title_still_reads_as_words(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            jump by_the_road
        label by_the_road:
            "Here."
            return
    ''')
    ok(play(tmp_path, """
        expect-text Here.
        key f5
        expect-notice Quick saved
        key escape
        press Load
        press Auto / Quick
        expect-text quick: By the road · Here.
    """, game=game))


def test_the_route_map_shows_titles_not_label_names(tmp_path: Path) -> None:
    from engine.routemap_data import build_route_graph
    from engine.script.loader import load_game

    program = load_game(ROOT)
    nodes = build_route_graph(program).nodes
    assert nodes["label:road_plead"].title == "She asks him why"
    assert nodes["label:night_road"].title == "The night road — Sakura and Sasuke"
    assert not [n.title for n in nodes.values() if n.kind == "label" and "_" in n.title]


# --- the title: Continue, Help, About ---------------------------------------------------------


def test_no_continue_without_a_save(tmp_path: Path) -> None:
    app = title_app(tmp_path, make_game(tmp_path, NAMED))
    assert app.top.status()["buttons"] == ["Start", "Load", "Settings", "Route map", "Extras",
                                           "Help", "About", "Quit"]


def test_continue_loads_the_newest_save_of_any_slot(tmp_path: Path) -> None:
    game = make_game(tmp_path, NAMED)
    # A numbered save at "Two.", then a quick save at "Four.": the quick one is newer.
    ok(play(tmp_path, """
        advance 1
        expect-text Two.
        key escape
        press Save
        press Slot 1-1
        expect-slot 1-1 saved
        key escape
        expect-screen game
        advance 2
        expect-text Four.
        key f5
        expect-notice Quick saved
    """, game=game))
    folder = tmp_path / "data" / "saves"
    # Saved within the same second: the file's time decides. Make the order plain.
    os.utime(folder / "1-1.json", ns=(1_000_000_000, 1_000_000_000))
    ok(play(tmp_path, """
        expect-screen title
        press Continue
        expect-screen game
        expect-text Four.
    """, game=game, warp=None))
    # Now the numbered save is the newest (its time written as later): Continue takes it.
    data = saves.read(folder, "1-1")
    assert isinstance(data, saves.SaveData)
    data.created = "2999-01-01T00:00:00"
    saves.write(folder, "1-1", data, "game")
    ok(play(tmp_path, """
        expect-screen title
        press Continue
        expect-screen game
        expect-text Two.
    """, game=game, warp=None))


def test_help_and_about_open_from_the_title(tmp_path: Path) -> None:
    ok(play(tmp_path, """
        expect-screen title
        press Help
        expect-screen help
        expect-text quick save
        key escape
        expect-screen title
        press About
        expect-screen about
        expect-text SIL Open Font License 1.1
        expect-text FluidR3 GM
        key escape
        expect-screen title
    """, game=ROOT, warp=None))


def test_the_endings_line_fits_inside_the_title_band(tmp_path: Path) -> None:
    app = title_app(tmp_path, ROOT)
    app.data.persistent["endings"] = ["Someone to Want Me", "Alone", "Thank You",
                                      "Go Home and Sleep"]
    title = app.top
    assert title.endings_line().startswith("Endings seen: 4 of 4 — ")
    font = app.fonts.get(app.vp.px(18))
    from engine.screens.title import ENDINGS_W

    lines = title.endings_lines(font, app.vp.px(ENDINGS_W))
    # Both lines drawn, inside the band, above the first button; no name cut in two.
    assert len(lines) == 2
    assert all(font.size(line)[0] <= app.vp.px(ENDINGS_W) for line in lines)
    assert " ".join(lines) == title.endings_line()
    assert lines[1].startswith(("Go Home and Sleep", "Thank You", "Alone"))


# --- choices taken before are marked -----------------------------------------------------------


MENU = '''
    label start:
        $ save_name = "The fork"
        "At the fork."
        menu:
            "Go left.":
                "Left."
            "Go right.":
                "Right."
        return
'''


def test_a_choice_taken_in_an_earlier_playthrough_is_marked(tmp_path: Path) -> None:
    game = make_game(tmp_path, MENU)
    app = make_app(tmp_path, game)
    g = app.game()
    g.action("advance")
    assert g.choices is not None
    assert [b.chosen for b in g.choices.buttons] == [False, False]  # the first time
    g.choices.buttons[1].action()
    persisted = json.loads((tmp_path / "data" / "persistent.json").read_text())
    assert persisted["chosen"] == ["game.scene:start:Go right."]
    # A second playthrough, a new run of the game: "Go right." is marked, "Go left." not.
    app2 = make_app(tmp_path, game)
    g2 = app2.game()
    g2.action("advance")
    assert [b.chosen for b in g2.choices.buttons] == [False, True]
    assert g2.status()["menu_chosen"] == [False, True]


def test_damaged_chosen_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    (data / "persistent.json").write_text(json.dumps(
        {"version": 1, "chosen": ["game.scene:start:Go left.", 7, "", None]}))
    from engine.present.persist import DataStore

    store = DataStore(data)
    assert store.was_chosen("game.scene:start:Go left.")
    assert any("3 damaged chosen entries skipped" in p for p in store.problems)


def test_the_mark_is_drawn_inside_the_marked_button_only(tmp_path: Path) -> None:
    import pygame

    app = make_app(tmp_path, make_game(tmp_path, MENU))
    g = app.game()
    g.action("advance")
    assert g.choices is not None

    def frame() -> pygame.Surface:
        g.draw(app.window, 0.0)
        return app.window.copy()

    plain = frame()
    g.choices.buttons[0].chosen = True
    marked = frame()
    changed = [(x, y) for x in range(0, plain.get_width(), 2)
               for y in range(0, plain.get_height(), 2)
               if plain.get_at((x, y)) != marked.get_at((x, y))]
    assert changed, "a chosen choice looks the same as any other"
    inside = app.vp.crect(*g.choices.buttons[0].rect)
    assert all(inside.collidepoint(p) for p in changed)


def test_every_title_button_sits_inside_the_band_below_the_endings(tmp_path: Path) -> None:
    from engine.screens import title as t

    game = make_game(tmp_path, NAMED)
    ok(play(tmp_path, "advance 1\nkey f5\nexpect-notice Quick saved", game=game))
    app = title_app(tmp_path, game)
    buttons = app.top.buttons.buttons
    assert buttons[0].label == "Continue" and len(buttons) == 9
    first, last = buttons[0].rect, buttons[-1].rect
    assert first[1] >= t.ENDINGS_Y + 2 * t.ENDINGS_LINE  # two lines of endings above
    assert last[1] + last[3] <= 720 - 24  # the band's foot stays on the screen
    assert all(t.BAND_X < b.rect[0] and b.rect[0] + b.rect[2] < t.BAND_X + t.BAND_W
               for b in buttons)


def test_about_reads_the_credits_file_and_scrolls_when_it_runs_long(tmp_path: Path) -> None:
    game = make_game(tmp_path, NAMED)
    lines = ["## A note for whoever edits this file.", "# Code"]
    lines += [f"Contributor number {n}, who wrote part {n}." for n in range(40)]
    (game / "assets" / "credits.txt").write_text("\n".join(lines) + "\n")
    app = title_app(tmp_path, game)
    app.open("about")
    about = app.top
    about.draw(app.window, 0.0)
    text = about.status()["text"]
    assert "Contributor number 39" in text and "A note" not in text
    assert about.status()["scroll"] == 0
    about.action("down")
    assert about.status()["scroll"] > 0
    for _ in range(50):
        about.action("down")
    assert about.status()["scroll"] == about.max_offset  # no further than the last line
