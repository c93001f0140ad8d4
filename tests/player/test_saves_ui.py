"""Saves, rollback, history, skip and auto, settings: through `main.py --headless --test`
scripts (few runs, each checking several things) and, for the 100-line rollback and the
look of settings, through an App driven in-process."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pygame
import pytest

from engine import saves
from engine.present.app import App, Options
from engine.textbox import BOX
from tests.player.helpers import DEMO, Result, make_game, run_main, script_args


def run(tmp: Path, script: str, data: Path, game: Path = DEMO, warp: str | None = "start",
        name: str = "script", env: dict | None = None) -> Result:
    """One run of the real loop on `data` (kept between runs, unlike helpers.play)."""
    return run_main(script_args(tmp, script, game, data, warp, name=name), env)


def ok(result: Result) -> None:
    assert result.returncode == 0, result.stderr


def fresh_data(tmp: Path, **settings: object) -> Path:
    data = tmp / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"text_cps": 0, **settings}))
    return data


def same_picture(a: Path, b: Path) -> bool:
    pa, pb = pygame.image.load(str(a)), pygame.image.load(str(b))
    return pa.get_size() == pb.get_size() and \
        pygame.image.tobytes(pa, "RGB") == pygame.image.tobytes(pb, "RGB")


# --------------------------------------------------------------------------- scripts


@pytest.mark.slow
def test_save_load_quick_rollback_and_history(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    s = {k: tmp_path / f"{k}.png" for k in ("a", "a_hidden", "b", "b_hidden", "save",
                                             "history", "quick")}
    ok(run(tmp_path, f"""
        expect-text Welcome to the demo
        advance 3
        expect-text Now I look sad.
        shot {s['a']}
        key h
        shot {s['a_hidden']}
        key h
        # Save through the game menu into slot 1-1, then move on two lines.
        key escape
        expect-screen game-menu
        press Save
        expect-screen save
        press "Slot 1-1"
        expect-slot 1-1 saved
        key escape
        expect-screen game
        advance 2
        expect-text Counting 1.
        # Load it: the same line and the same picture, UI shown or hidden.
        key escape
        press Load
        expect-screen load
        press "Slot 1-1"
        expect-screen game
        expect-text Now I look sad.
        shot {s['b']}
        key h
        shot {s['b_hidden']}
        key h
        # After loading, the rollback log still steps back.
        wheel up
        expect-text This is bold and italic.
        wheel down
        expect-text Now I look sad.
        # Quick save and quick load, from the keys and from the quick menu.
        key f5
        expect-notice Quick saved
        expect-slot quick saved
        advance
        expect-text And I'm Lucy!
        press Q.Load
        expect-text Now I look sad.
        # Rollback across a menu and a different choice.
        advance 4
        expect-text What now?
        expect-slot auto saved
        choose 1
        expect-text The park is quiet
        wheel up
        expect-text What now?
        choose 2
        expect-text Home it is.
        # Overwrite asks first; then the history has the new branch only.
        key escape
        press Save
        press "Slot 1-1"
        expect-screen confirm
        press Yes
        expect-screen save
        shot {s['save']}
        key escape
        press History
        expect-screen history
        expect-text Eileen: Home it is.
        shot {s['history']}
        key escape
        expect-screen game
    """, data))
    assert same_picture(s["a"], s["b"])
    assert same_picture(s["a_hidden"], s["b_hidden"])
    assert not same_picture(s["a"], s["a_hidden"])  # the box really was hidden
    saved = saves.read(data / "saves", "1-1")
    assert isinstance(saved, saves.SaveData)
    texts = [h["text"] for h in saved.history]
    assert texts[-1] == "Home it is. Score: -1." and saved.line_text == texts[-1]
    assert not any("park" in t for t in texts)  # rolled-back lines leave the history
    assert saved.scene == "room · eileen sad"
    assert len(saved.rollback) >= 8
    assert pygame.image.load(io.BytesIO(saved.thumbnail)).get_size() == (320, 180)
    # Auto-saved at the menu, then again at the park scene's first line.
    auto = saves.read(data / "saves", "auto")
    assert isinstance(auto, saves.SaveData) and auto.line_text.startswith("The park is")


@pytest.mark.slow
def test_load_after_the_scene_file_changed_and_unreadable_slots(tmp_path: Path) -> None:
    game = tmp_path / "demo"
    shutil.copytree(DEMO, game)
    data = fresh_data(tmp_path)
    ok(run(tmp_path, """
        advance 3
        expect-text Now I look sad.
        key escape
        press Save
        press "Slot 1-1"
        expect-slot 1-1 saved
        key escape
        advance
        expect-text And I'm Lucy!
        key escape
        press Save
        press "Slot 1-2"
        expect-slot 1-2 saved
    """, data, game=game, name="first"))
    scene = game / "scenes" / "demo.scene"
    text = scene.read_text()
    # Lines added above the saved one; the second saved line's text rewritten.
    text = text.replace('label start:\n', 'label start:\n    "A new first line."\n'
                        '    "And a second one."\n', 1)
    text = text.replace("And I'm Lucy!", "Hello, I am Lucy!")
    scene.write_text(text)
    (data / "saves" / "1-3.json").write_bytes(b'{"format": "the-road-out-save", "sch')
    (data / "saves" / "1-4.json").write_text(json.dumps({"hello": "world"}))
    shot = tmp_path / "load.png"
    ok(run(tmp_path, f"""
        expect-text Demo
        press Load
        expect-screen load
        expect-text 1-3: unreadable
        expect-text 1-4: unreadable: the file is not a save of this game
        shot {shot}
        press "Slot 1-3"
        expect-notice cannot be loaded
        press "Slot 1-1"
        expect-screen game
        expect-text Now I look sad.
        wheel up
        expect-text This is bold and italic.
        key escape
        press Load
        press "Slot 1-2"
        expect-notice going back to the start of “Welcome”
        expect-text A new first line.
        advance 2
        expect-text Welcome to the demo
        # Delete asks, then the slot is empty. (Load opens on the newest save's page: the
        # auto-save the restart wrote.)
        key escape
        press Load
        expect-slot auto saved
        press "Page 1"
        press "Slot 1-1"
        expect-screen game
        key escape
        press Load
        press "Page 1"
        key right
        key delete
        expect-screen confirm
        press Yes
        expect-slot 1-1 empty
        expect-slot 1-2 saved
    """, data, game=game, warp=None, name="second"))
    assert (tmp_path / "load.png").is_file()


@pytest.mark.slow
def test_skip_stops_at_unread_text_and_menus_auto_forward(tmp_path: Path) -> None:
    data = fresh_data(tmp_path, auto_delay=1.0)
    # A first playthrough reads up to the third line.
    ok(run(tmp_path, """
        advance 3
        expect-text Now I look sad.
    """, data, name="read"))
    assert len(json.loads((data / "persistent.json").read_text())["read"]) == 3
    ok(run(tmp_path, """
        expect-text Welcome to the demo
        key tab
        # Skipping runs through the read lines and stops at the first unread one.
        expect-text And I'm Lucy!
        expect-mode none
        wheel up 2
        expect-text This is bold and italic.
        # Ctrl held skips too; Lucy's line is read now, so it stops at the next one.
        keydown left ctrl
        expect-mode skip
        expect-text Counting 1.
        keyup left ctrl
        expect-mode none
        # Skipping unread text too, from the settings: it stops at the menu.
        key escape
        press Settings
        expect-screen settings
        key down
        key down
        key down
        key down
        key down
        key down
        key right
        expect-text Skip: All text
        key escape
        expect-screen game
        press Skip
        expect-text What now?
        expect-mode none
        choose 1
        expect-text The park is quiet
        # Auto-forward moves on by itself (auto_delay 1: about a fifth of a second).
        key a
        expect-mode auto
        expect-text At least we met Lucy.
        expect-text Ending — Park
    """, data, name="skip"))


@pytest.mark.slow
def test_settings_survive_a_restart_and_a_corrupt_file_falls_back(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    shot = tmp_path / "settings.png"
    ok(run(tmp_path, f"""
        expect-text Demo
        press Settings
        expect-screen settings
        key left
        key down
        key right
        key down
        key left
        key down
        key down
        key down
        key down
        key down
        key left
        key down
        key right
        key right
        key down
        key right
        key down
        key right
        key down
        key right
        key down
        key right
        expect-text Self-voicing: On
        shot {shot}
        key escape
    """, data, warp=None, name="set",
        # A recording voice: the row must turn on whether or not espeak-ng is installed.
        env={"ROADOUT_FAKE_VOICE": str(tmp_path / "spoken.json")}))
    saved = json.loads((data / "settings.json").read_text())
    assert saved == {"text_cps": 120, "auto_delay": 16.0, "music_volume": 0.6,
                     "ambient_volume": 0.7, "sound_volume": 0.8, "fullscreen": False,
                     "skip_unread": False,
                     "box_opacity": 0.8, "text_size": 130, "reduce_motion": True,
                     "high_contrast": True, "readable_font": True, "self_voicing": True}
    ok(run(tmp_path, """
        expect-text Demo
        press Settings
        expect-text Text speed: Very fast
        expect-text Text size: Larger
        expect-text Music volume: 60%
        expect-text Readable font: On
    """, data, warp=None, name="again"))
    (data / "settings.json").write_text("{ not json")
    r = run(tmp_path, """
        expect-text settings.json could not be read
        press Settings
        expect-text Text speed: Normal
    """, data, warp=None, name="corrupt")
    ok(r)
    assert "settings.json could not be read" in r.stderr


# --------------------------------------------------------------------------- in-process


def make_app(tmp: Path, game: Path, **settings: object) -> App:
    app = App(Options(game=game, warp="start", data_dir=fresh_data(tmp, **settings),
                      headless=True, instant=True))
    app.begin()
    return app


def test_rollback_100_lines_restores_picture_and_music(tmp_path: Path) -> None:
    lines = []
    for n in range(150):
        if n % 30 == 0:
            bg = "room" if n // 30 % 2 == 0 else "park"
            lines += [f"    scene bg {bg}", f'    play music "m{n // 30}.ogg"']
        if n % 30 == 10:
            lines.append("    show eileen happy at left")
        if n % 30 == 20:
            lines.append("    show eileen sad at right")
        lines.append(f'    "Line {n}."')
    game = make_game(tmp_path, "label start:\n" + "\n".join(lines) + "\n    return\n")
    app = make_app(tmp_path, game)
    g = app.game()
    assert g is not None
    seen = []
    for _ in range(149):
        g.draw(app.window, 0.0)
        seen.append((g.shown_text(), json.dumps(g.story.stage, sort_keys=True),
                     pygame.image.tobytes(app.window, "RGB")))
        g.action("advance")
    assert g.shown_text() == "Line 149."
    for text, stage, picture in reversed(seen[-120:]):
        assert g.roll(back=True)
        g.draw(app.window, 0.0)
        assert g.shown_text() == text
        assert json.dumps(g.story.stage, sort_keys=True) == stage
        assert app.audio.now == {"music": g.story.stage["music"],
                                 "ambient": g.story.stage["ambient"]}
        assert pygame.image.tobytes(app.window, "RGB") == picture
    assert len(g.history) == 30  # lines 0..29: the one on screen is the last
    for text, stage, _ in seen[-119:]:
        assert g.roll(back=False)
        assert g.shown_text() == text and json.dumps(g.story.stage, sort_keys=True) == stage
    assert g.roll(back=False)
    assert g.shown_text() == "Line 149."
    assert not g.roll(back=False)


@pytest.mark.parametrize("size", [85, 100, 115, 130])
def test_text_size_reflows_inside_the_box(tmp_path: Path, size: int) -> None:
    long = " ".join(["A long line that wraps and wraps across the dialogue box."] * 5)
    game = make_game(tmp_path, f'label start:\n    "{long}"\n    return\n')
    app = make_app(tmp_path, game, text_size=size)
    g = app.game()
    assert g is not None and g.layout is not None
    vp = app.vp
    assert g.layout.height <= vp.px(BOX[1] + BOX[3] - 566 - 6)
    for line in g.layout.lines:
        last = line.runs[-1]
        assert last.x + last.edges[len(last.text.rstrip())] <= vp.px(1120)


def test_high_contrast_box_and_readable_font(tmp_path: Path) -> None:
    game = make_game(tmp_path, 'label start:\n    scene bg room\n    "Hello."\n    return\n')
    app = make_app(tmp_path, game, high_contrast=True, readable_font=True, box_opacity=0.3)
    g = app.game()
    assert g is not None
    g.draw(app.window, 0.0)
    x, y = app.vp.to_window(BOX[0] + BOX[2] - 30, BOX[1] + 40)
    assert tuple(app.window.get_at((x, y)))[:3] == (0, 0, 0)  # opaque black, any opacity
    assert app.fonts._file(False, False).name == "DejaVuSans.ttf"
    app.data.settings["high_contrast"] = False
    app.apply_settings()
    g.draw(app.window, 0.0)
    assert tuple(app.window.get_at((x, y)))[:3] != (0, 0, 0)  # 30%: the room shows through


def test_hand_edited_saves_with_a_valid_checksum_never_crash(tmp_path: Path) -> None:
    """Anyone can recompute the checksum: what is inside must still be checked."""
    from engine.screens.saving import start_from_save

    app = make_app(tmp_path, DEMO)
    g = app.game()
    assert g is not None
    g.action("advance")
    good = g.story.snapshot()
    bad_states = [
        dict(good, stage={"scene": None, "sprites": [{"tag": 1}], "music": None}),
        dict(good, vars=[]), dict(good, stack=[{"pc": 10**9}]),
        dict(good, pc="x", fp="gone", label="nowhere"),
        dict(good, version=99), {},
    ]
    for state in bad_states:
        data = saves.SaveData(state=state, label="start", line_who=None, line_text="x",
                              scene="s")
        message = start_from_save(app, data)
        assert message is not None and message.startswith("This save cannot be loaded")
    # A good state with a damaged rollback log and history: loads, and rolling back over
    # the damaged entries stops instead of crashing.
    data = saves.SaveData(state=good, label="start", line_who=None, line_text="x",
                          scene="s", rollback=[{"state": {"pc": "?"}}, {"state": 3}, {}],
                          history=[{"who": 5, "text": None, "color": 7}])
    assert start_from_save(app, data) is None
    g2 = app.game()
    assert g2 is not None
    for _ in range(4):
        g2.roll(back=True)
        g2.draw(app.window, 0.0)
    app.open("history", play=g2.play)
    app.draw(0.0)
    assert app.top.name == "history"
