"""Extras' music room: the score's tracks by name once the story has played them, "???"
before, kept between runs in persistent.json's heard_music (a damaged entry is skipped and
reported); play, stop and next by keyboard, gamepad and mouse; leaving gives the title its
music back."""

from __future__ import annotations

import json
from pathlib import Path

from engine.screens.music_room import readable
from tests.player.helpers import Result, play
from tests.player.test_audio import audio_game, make_app


def ok(result: Result) -> None:
    assert result.returncode == 0, result.stderr


def heard_once(tmp: Path) -> Path:
    """The game played to its end once: its title, road and room tracks heard."""
    game = audio_game(tmp, """\
        define config.main_menu_music = "music/title.ogg"
        label start:
            play music "music/road.ogg"
            "One."
            $ ending = "Done"
            return
    """)
    ok(play(tmp, "advance-to ending\nclick\nexpect-screen title", game=game))
    return game


def test_tracks_heard_are_named_and_kept_the_rest_locked(tmp_path: Path) -> None:
    game = heard_once(tmp_path)
    saved = json.loads((tmp_path / "data" / "persistent.json").read_text())
    # The title's music fades in after the story's fades out: not before this run ended.
    assert saved["heard_music"] == ["music/road.ogg"]
    app = make_app(tmp_path, game, warp=None)
    app.open("extras", page="Music")
    app.draw(0.0)
    status = app.status()
    assert status["text"].splitlines()[6:] == ["Title Theme, playing", "Road",
                                               "???, not heard yet"]
    assert status["locked"] == [False, False, True]
    assert readable("night_road") == "The Road Out" and readable("a_new_day") == "A New Day"


def test_a_damaged_heard_music_entry_is_reported_and_skipped(tmp_path: Path) -> None:
    game = audio_game(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / "persistent.json").write_text(json.dumps(
        {"version": 1, "heard_music": ["music/room.ogg", 7, ""]}))
    app = make_app(tmp_path, game, warp=None)
    assert "persistent.json: 2 damaged heard_music entries skipped" in app.data.problems
    app.open("extras", page="Music")
    assert app.status()["locked"] == [False, True, False]  # title (playing), road, room


def test_music_room_by_keyboard_only(tmp_path: Path) -> None:
    game = heard_once(tmp_path)
    ok(play(tmp_path, """
        expect-screen title
        # Up from no focus: Quit, About, Help, Extras.
        key up
        key up
        key up
        key up
        key return
        expect-screen extras
        key right
        key right
        expect-text Extras: Music
        expect-text Title Theme, playing
        key down
        key down
        key return
        expect-text Road, playing
        key down
        key return
        expect-text Not heard yet
        key down
        key right
        key return
        key right
        key return
        expect-text Title Theme, playing
        key return
        expect-text Road, playing
        key return
        expect-text Title Theme, playing
        key up
        key up
        key up
        key up
        key up
        expect-text Extras: Music
        key right
        key return
        expect-screen help
        key escape
        key escape
        expect-screen title
    """, game=game, warp=None))


def test_music_room_by_gamepad_and_mouse(tmp_path: Path) -> None:
    game = heard_once(tmp_path)
    ok(play(tmp_path, """
        expect-screen title
        pad up
        pad up
        pad up
        pad up
        pad a
        expect-screen extras
        pad right
        pad right
        pad down
        pad down
        pad a
        expect-text Road, playing
        press Next
        expect-text Title Theme, playing
        press Road
        expect-text Road, playing
        press Stop
        press Play
        expect-text Road, playing
        pad b
        expect-screen title
    """, game=game, warp=None))


def test_leaving_the_music_room_gives_the_title_its_music_back(tmp_path: Path) -> None:
    app = make_app(tmp_path, heard_once(tmp_path), warp=None)
    extras = app.open("extras", page="Music")
    extras.action("down")
    extras.action("down")
    extras.action("activate")
    assert app.audio.current_music() == "music/road.ogg"
    extras.action("back")
    assert app.top.name == "title" and app.audio.current_music() == "music/title.ogg"
