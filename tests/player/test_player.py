"""The real game loop, driven headless through `main.py --test` scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from tests.player.helpers import DEMO, ROOT, make_game, play


def ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr


def test_demo_park_route_every_statement_draws(tmp_path: Path) -> None:
    shot = tmp_path / "ending.png"
    r = play(tmp_path, f"""
        expect-text Welcome to the demo, friend.
        advance
        expect-text This is bold and italic.
        advance
        expect-text And this came after a wait.
        advance
        expect-text Now I look sad.
        advance
        expect-text And I'm Lucy!
        advance 3
        expect-text What now?
        choose 1
        expect-text The park is quiet. Score: 2.
        advance
        expect-text At least we met Lucy.
        advance 2
        expect-text Ending — Park
        shot {shot}
        click
        expect-text Park
    """)
    ok(r)
    saved = json.loads((tmp_path / "data" / "persistent.json").read_text())
    assert saved["endings"] == ["Park"]
    assert len(saved["read"]) >= 8  # "Counting [n]" is one line, read twice
    picture = pygame.image.load(str(shot))
    assert picture.get_size() == (1280, 720)


def test_typing_at_player_speed_and_click_finishes_the_line(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Welcome to the demo
        advance
        # 40 characters a second: the line is still typing right after the click.
        click
        expect-text This is bold and italic.
        advance
        expect-text came after a wait.
    """, cps=40)
    ok(r)


def test_menu_answers_to_number_keys(tmp_path: Path) -> None:
    r = play(tmp_path, """
        advance 7
        expect-text What now?
        key 2
        expect-text Home it is. Score: -1.
    """)
    ok(r)


def test_menu_answers_to_arrow_keys_and_enter(tmp_path: Path) -> None:
    r = play(tmp_path, """
        advance 7
        expect-text What now?
        key down
        key down
        key return
        expect-text Home it is.
        advance
        advance
        expect-text Ending — Home
    """)
    ok(r)


def test_menu_answers_to_the_mouse(tmp_path: Path) -> None:
    # The first choice sits above the second; click it by canvas position.
    r = play(tmp_path, """
        advance 7
        choose 2
        expect-text Home it is.
    """)
    ok(r)


def test_expect_text_failure_names_the_line(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Welcome
        expect-text This line is not in the demo
    """, extra=[])
    assert r.returncode == 1
    assert "script.test:2:" in r.stderr
    assert "Welcome to the demo, friend." in r.stderr


def test_transitions_end_at_real_speed(tmp_path: Path) -> None:
    # The demo opens with `scene ... with fade` and shows Eileen `with dissolve`.
    r = play(tmp_path, """
        expect-text Welcome
        advance
        expect-text I'm Eileen
    """, cps=120)
    ok(r)


def test_escape_opens_the_game_menu_and_resume_closes_it(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Welcome
        key escape
        expect-text Resume
        key return
        expect-text Welcome
        advance
        expect-text I'm Eileen
    """)
    ok(r)


def test_hide_ui_and_screenshot_key(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Welcome
        key h
        click
        key s
        advance
        expect-text I'm Eileen
    """)
    ok(r)
    assert list((tmp_path / "data" / "screenshots").glob("*.png"))


def test_title_screen_start_and_settings(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Demo
        press Settings
        expect-text Text speed
        key escape
        press Load
        expect-screen load
        expect-text No saves yet
        key escape
        press Start
        expect-text Welcome
    """, warp=None)
    ok(r)


def test_missing_image_shows_a_placeholder(tmp_path: Path) -> None:
    game = make_game(tmp_path, """
        label start:
            scene bg nowhere
            show ghost sad at center
            "Where am I?"
            return
    """)
    shot = tmp_path / "shot.png"
    r = play(tmp_path, f"""
        expect-text Where am I?
        shot {shot}
    """, game=game)
    ok(r)
    assert "ghost sad" in r.stderr and "nowhere" in r.stderr
    picture = pygame.image.load(str(shot))
    # The placeholder's magenta stripes, where the sprite would stand.
    r_, g, b, _ = picture.get_at((640, 300))
    assert r_ > g + 40 and r_ > 90


def test_script_error_at_load_shows_the_error_screen(tmp_path: Path) -> None:
    game = make_game(tmp_path, """
        label start:
            "Fine."
            python:
                import os
    """)
    r = play(tmp_path, """
        expect-text game.scene:4
        click 520 628
    """, game=game)
    ok(r)


def test_script_error_while_running_shows_the_error_screen(tmp_path: Path) -> None:
    game = make_game(tmp_path, """
        label start:
            "Before."
            $ x = nothing_here + 1
            "After."
            return
    """)
    r = play(tmp_path, """
        expect-text Before.
        advance
        expect-text game.scene:3
        expect-text nothing_here
    """, game=game)
    ok(r)


def test_reload_after_fixing_the_scene_carries_on(tmp_path: Path) -> None:
    from engine.present.app import App, Options

    game = make_game(tmp_path, """
        label start:
            "Before."
            $ x = nothing_here + 1
            "After."
            return
    """)
    app = App(Options(game=game, data_dir=tmp_path / "data", headless=True, instant=True,
                      warp="start"))
    app.begin()
    g = app.game()
    assert g is not None and app.status()["text"] == "Before."
    g.action("advance")
    assert app.status()["screen"] == "error"
    scene = game / "scenes" / "game.scene"
    scene.write_text(scene.read_text().replace("nothing_here + 1", "2"))
    app.top.reload()  # the Reload button
    assert app.status()["screen"] == "game"
    assert app.status()["text"] == "After."


def test_corrupt_persistent_data_is_replaced(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "persistent.json").write_text("{not json")
    r = play(tmp_path, """
        expect-text could not be read
        press Start
        advance 7
        choose 2
        advance 2
        expect-text Ending — Home
    """, warp=None)
    ok(r)
    assert json.loads((data / "persistent.json").read_text())["endings"] == ["Home"]


def test_unknown_action_is_refused(tmp_path: Path) -> None:
    r = play(tmp_path, "jump around\n")
    assert r.returncode == 2
    assert "script.test:1" in r.stderr


def test_engine_shot_renders_at_the_asked_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    r = subprocess.run([sys.executable, "-m", "engine", "shot", "--game", str(DEMO),
                        "--warp", "start", "--steps", "2", "--size", "1920x1080",
                        "-o", str(out)], capture_output=True, text=True, cwd=ROOT,
                       timeout=60)
    ok(r)
    assert pygame.image.load(str(out)).get_size() == (1920, 1080)


@pytest.mark.parametrize("size", ["1920x1080", "1000x1000"])
def test_other_window_sizes_letterbox(tmp_path: Path, size: str) -> None:
    shot = tmp_path / "s.png"
    r = play(tmp_path, f"expect-text Welcome\nshot {shot}\n", extra=["--size", size])
    ok(r)
    w, h = (int(v) for v in size.split("x"))
    picture = pygame.image.load(str(shot))
    assert picture.get_size() == (w, h)
    if w / h < 16 / 9:  # bars above and below
        assert picture.get_at((w // 2, 2))[:3] == (0, 0, 0)
