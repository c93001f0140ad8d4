"""Issue 7: the route map, self-voicing, clipboard voicing, keyboard-only and gamepad-only
play, through the real game loop (`main.py --headless --test`)."""

from __future__ import annotations

import json
import subprocess
import wave
from pathlib import Path

import pytest

from engine.present.persist import TEXT_SIZES
from engine.textbox import BOX, TEXT_PX
from engine.voice import find_engine
from tests.player.helpers import ROOT, make_game, play
from tests.player.test_saves_ui import make_app

# Canvas centres of the title screen's buttons (Start, Route map).
TITLE_START, TITLE_ROUTES = "press Start", "press Route map"


def ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr


def routes_file(tmp: Path) -> dict:
    return json.loads((tmp / "data" / "routes.json").read_text())


# --- the route map ------------------------------------------------------------------------


def test_route_map_before_playing_hides_everything_but_the_start(tmp_path: Path) -> None:
    r = play(tmp_path, f"""
        expect-screen title
        {TITLE_ROUTES}
        expect-screen route-map
        # The start node by its title (the demo's `$ save_name = "Welcome"`).
        expect-text Welcome
        key escape
        expect-screen title
    """, warp=None)
    ok(r)


def test_route_map_records_one_route_and_starts_again_from_its_choice(tmp_path: Path
                                                                      ) -> None:
    r = play(tmp_path, f"""
        {TITLE_START}
        advance-to menu
        choose 1
        advance-to ending
        click
        expect-screen title
        {TITLE_ROUTES}
        expect-screen route-map
        # What was seen is named; the untaken "Stay home." is not.
        expect-text Ending: Park
        expect-text Go to the park.
        # The focus starts on the deepest choice point reached: Enter starts from it.
        expect-text Press Enter to start again from here
        key return
        expect-screen game
        expect-text What now?
        choose 2
        expect-text Home it is. Score: -1.
    """, warp=None)
    ok(r)
    data = routes_file(tmp_path)
    (fp,) = data["snapshots"]
    assert data["choices"][fp] == [0, 1]  # both options, as written, now taken
    assert "start" in data["labels"]  # where the menu was reached
    assert "Stay home." not in r.stdout


def test_route_map_keeps_the_unseen_hidden(tmp_path: Path) -> None:
    r = play(tmp_path, f"""
        {TITLE_START}
        advance-to menu
        choose 1
        advance-to ending
        click
        {TITLE_ROUTES}
        expect-screen route-map
        # Down from the choice point to its choices, then right: the untaken one.
        key down
        expect-text Choice taken: Go to the park.
        key right
        expect-text ??? (a choice not seen yet)
        key down
        key return
        expect-message Not reached yet
        pad b
        expect-screen title
    """, warp=None)
    ok(r)


def test_route_map_from_the_game_menu_and_back(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Welcome
        key escape
        expect-screen game-menu
        key down
        key down
        key down
        key down
        key return
        expect-screen route-map
        # As Save, Load and Settings do, the route map replaces the pause menu.
        key escape
        expect-text Welcome
        advance-to menu
        choose 2
        expect-text Home it is.
        key escape
        key down
        key down
        key down
        key down
        key return
        expect-screen route-map
        # Starting again from a choice while a game runs asks first; Escape says no.
        key return
        expect-screen confirm
        key escape
        expect-screen route-map
        key return
        expect-screen confirm
        key return
        expect-screen game
        expect-text What now?
    """)
    ok(r)


# --- self-voicing --------------------------------------------------------------------------


def test_self_voicing_speaks_lines_choices_and_buttons(tmp_path: Path) -> None:
    spoken = tmp_path / "spoken.json"
    r = play(tmp_path, """
        expect-text Welcome
        key v
        expect-message Self-voicing on
        expect-spoken Welcome to the demo, friend.
        advance
        expect-spoken Eileen: I'm Eileen. This is bold and italic.
        advance-to menu
        expect-spoken What now?
        key down
        expect-spoken Go to the park.
        key down
        expect-spoken Stay home.
        key escape
        key down
        expect-spoken History
        key down
        expect-spoken Save
        key return
        expect-screen save
        key down
        expect-spoken Save slot 1-1: empty
        key return
        expect-spoken Saved
        key escape
        key escape
        key down
        key down
        key down
        key down
        key down
        key return
        expect-screen settings
        key down
        expect-spoken Auto-forward time
        key escape
        key v
        expect-message Self-voicing off
    """, env={"ROADOUT_FAKE_VOICE": str(spoken)})
    ok(r)
    said = json.loads(spoken.read_text())
    assert said[0].startswith("Self-voicing on")
    assert said[-1] == "Self-voicing off"
    assert not any("{b}" in s for s in said)  # tags are never read out
    settings = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert settings["self_voicing"] is False


def test_self_voicing_reads_the_title_and_the_route_map(tmp_path: Path) -> None:
    spoken = tmp_path / "spoken.json"
    r = play(tmp_path, """
        expect-screen title
        key v
        expect-spoken Self-voicing on
        key down
        expect-spoken Start
        key up
        expect-spoken Quit
        key up
        expect-spoken About
        key up
        expect-spoken Help
        key up
        expect-spoken Extras
        key up
        expect-spoken Route map
        key return
        expect-spoken Welcome
        key return
        expect-spoken Choose a choice point
        key escape
        expect-spoken Route map
        key up
        key up
        key up
        key return
        expect-spoken Welcome to the demo
    """, warp=None, env={"ROADOUT_FAKE_VOICE": str(spoken)})
    ok(r)


def test_no_speech_engine_is_a_clear_message(tmp_path: Path) -> None:
    r = play(tmp_path, """
        expect-text Welcome
        key v
        expect-message install espeak-ng
        advance
        expect-text I'm Eileen
    """, env={"ROADOUT_NO_VOICE": "1"})
    ok(r)
    settings = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert settings.get("self_voicing") is False


@pytest.mark.slow
@pytest.mark.skipif(find_engine() is None, reason="espeak-ng is not installed")
def test_self_voicing_with_real_espeak(tmp_path: Path) -> None:
    # Real seconds: espeak-ng is another process, writing while the game waits.
    wav = tmp_path / "line.wav"
    r = play(tmp_path, """
        expect-text Welcome
        key v
        expect-message Self-voicing on
        wait 1.5
    """, env={"ROADOUT_VOICE_TO_FILE": str(wav), "ROADOUT_REAL_CLOCK": "1"})
    ok(r)
    with wave.open(str(wav)) as w:
        # Welcome to the demo, friend: about a second of speech, not an empty file.
        assert w.getnframes() / w.getframerate() > 0.5


# --- clipboard voicing ------------------------------------------------------------------


def test_clipboard_voicing_copies_each_line(tmp_path: Path) -> None:
    clip = tmp_path / "clipboard.json"
    r = play(tmp_path, """
        expect-text Welcome
        key shift+c
        expect-message Clipboard voicing on
        advance
        expect-text I'm Eileen
        advance
        expect-text came after a wait.
        advance
        expect-text Now I look sad.
        key shift+c
        expect-message Clipboard voicing off
        advance
        expect-text And I'm Lucy!
    """, env={"ROADOUT_FAKE_CLIPBOARD": str(clip)})
    ok(r)
    copied = json.loads(clip.read_text())
    assert copied == ["Welcome to the demo, friend.",
                      "Eileen: I'm Eileen. This is bold and italic. And this came after a "
                      "wait.",
                      "Eileen: Now I look sad."]


# --- keyboard only, gamepad only ----------------------------------------------------------


@pytest.mark.slow
def test_keyboard_only_whole_route_of_the_game(tmp_path: Path) -> None:
    downs = "\n".join(["key down"] * 9)
    r = play(tmp_path, f"""
        expect-screen title
        # Settings first: reduce motion (transitions become cuts), and the text size up.
        key down
        key down
        key down
        key return
        expect-screen settings
        {downs}
        key right
        key up
        key right
        key escape
        expect-screen title
        key up
        key up
        key return
        advance-to menu key
        # Ask him why.
        key down
        key return
        advance-to menu key
        key escape
        expect-screen game-menu
        key down
        key down
        key return
        expect-screen save
        key right
        key return
        expect-slot 1-1 saved
        key escape
        expect-screen game
        key escape
        key down
        key down
        key down
        key down
        key down
        key return
        expect-screen settings
        key down
        key right
        key escape
        expect-screen game
        key escape
        key down
        key down
        key down
        key return
        expect-screen load
        key right
        key return
        expect-screen game
        # Scream for help.
        key 2
        advance-to ending key
        key return
        expect-screen title
    """, game=ROOT, warp=None)
    ok(r)
    ends = json.loads((tmp_path / "data" / "persistent.json").read_text())["endings"]
    assert ends == ["Thank You"]
    settings = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert settings["reduce_motion"] is True and settings["text_size"] == 115


@pytest.mark.slow
def test_gamepad_only_whole_route_of_the_game(tmp_path: Path) -> None:
    downs = "\n".join(["pad down"] * 9)
    r = play(tmp_path, f"""
        expect-screen title
        # Settings first: reduce motion on (transitions become cuts).
        pad down
        pad down
        pad down
        pad a
        expect-screen settings
        {downs}
        pad right
        pad b
        expect-screen title
        pad up
        pad up
        pad a
        advance-to menu pad
        # Ask him why.
        pad down
        pad a
        advance-to menu pad
        pad b
        expect-screen game-menu
        pad down
        pad down
        pad a
        expect-screen save
        pad down
        pad a
        expect-slot 1-1 saved
        pad b
        expect-screen game
        pad b
        pad down
        pad down
        pad down
        pad down
        pad a
        expect-screen route-map
        pad up
        pad b
        expect-screen game
        # Take me with you.
        pad down
        pad a
        advance-to menu pad
        # Let her go.
        pad down
        pad down
        pad a
        advance-to ending pad
        pad a
        expect-screen title
    """, game=ROOT, warp=None)
    ok(r)
    ends = json.loads((tmp_path / "data" / "persistent.json").read_text())["endings"]
    assert ends == ["Alone"]
    assert json.loads((tmp_path / "data" / "settings.json").read_text())["reduce_motion"]


# --- text size: the box grows instead of shrinking the line --------------------------------


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_a_three_line_line_keeps_its_size_at_every_text_size(tmp_path: Path, size: int
                                                              ) -> None:
    # The seed's longest line, said by a speaker: three lines at the largest size.
    line = ("Even if you say you'd do anything for me we both know you don't have the heart, "
            "the drive, the pain and solitude that I do to follow my path.")
    game = make_game(tmp_path, f'''
        define s = Character("Sasuke", color="#a8b8ff")
        label start:
            s "{line}"
            menu:
                s "{line}"
                "Yes.":
                    return
    ''')
    app = make_app(tmp_path, game, text_size=size)
    g = app.game()
    assert g is not None and g.layout is not None
    vp = app.vp
    px = vp.px(round(TEXT_PX * size / 100))
    # Not shrunk: every line is as tall as the chosen size's font makes it.
    assert all(ln.height >= app.fonts.get(px).get_linesize() for ln in g.layout.lines)
    x, y, w, h = g.box_rect()
    assert y + h == BOX[1] + BOX[3]  # grows upward; the bottom edge stays
    assert g.layout.height <= vp.px(h - 30 - 14 + 6)
    # With the prompt shown, the choices sit above the (taller) box.
    g.action("advance")
    assert g.choices is not None
    for b in g.choices.buttons:
        assert b.rect[1] + b.rect[3] <= y


# --- settings rows wired here: self-voicing, reduce motion ----------------------------------


def test_self_voicing_row_of_the_settings_screen_turns_the_voice_on(tmp_path: Path) -> None:
    spoken = tmp_path / "spoken.json"
    downs = "\n".join(["key down"] * 12)
    r = play(tmp_path, f"""
        expect-screen title
        press Settings
        expect-screen settings
        {downs}
        key right
        expect-message Self-voicing on
        expect-spoken Self-voicing: On
        key up
        expect-spoken Readable font: Off
        key escape
        expect-screen title
        # Back on the title, the focus is still on Settings: the next button is read.
        key down
        expect-spoken Route map
    """, warp=None, env={"ROADOUT_FAKE_VOICE": str(spoken)})
    ok(r)
    settings = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert settings["self_voicing"] is True


@pytest.mark.parametrize("reduce", [False, True])
def test_reduce_motion_cuts_transitions_and_shows_text_at_once(tmp_path: Path,
                                                               reduce: bool) -> None:
    from engine.present.app import App, Options
    from tests.player.test_saves_ui import fresh_data

    game = make_game(tmp_path, '''
        label start:
            scene bg room with fade
            "A line that would type out slowly, one letter at a time."
            return
    ''')
    app = App(Options(game=game, warp="start", headless=True,
                      data_dir=fresh_data(tmp_path, reduce_motion=reduce, text_cps=20)))
    app.begin()
    g = app.game()
    assert g is not None
    if reduce:
        assert g.transition is None and g.typer is not None and not g.typer.typing
        assert "one letter at a time" in g.shown_text()
    else:
        assert g.transition is not None  # the fade runs first; then the line types
