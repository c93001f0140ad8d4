"""Music and ambience on their own channels: they play together, each at its own volume;
load and rollback bring back both; the title has its music and an ending keeps its own
until the title; with no audio device at all the game still plays, silently."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
import pytest

from engine.present.app import App, Options
from engine.present.audio import Audio
from tests.player.helpers import ROOT, make_game, play_subprocess

SCENE = """\
define config.main_menu_music = "music/title.ogg"
label start:
    play music "music/road.ogg"
    play ambient "wind.ogg" fadein 1.0
    "One."
    stop ambient fadeout 1.0
    "Two."
    play music "music/room.ogg"
    play ambient "beep.ogg"
    "Three."
    $ ending = "Done"
    return
"""


def audio_game(tmp: Path, scene: str = SCENE) -> Path:
    """A game with real OGG files: the title's and two tracks of music, two ambiences."""
    game = make_game(tmp, scene)
    for folder in ("audio", "music"):
        (game / "assets" / folder).mkdir()
    real = ROOT / "assets" / "audio"
    for src, dst in (("night_road.ogg", "audio/wind.ogg"), ("hospital.ogg", "audio/beep.ogg"),
                     ("night_road.ogg", "music/title.ogg"), ("hospital.ogg", "music/road.ogg"),
                     ("night_road.ogg", "music/room.ogg")):
        shutil.copy(real / src, game / "assets" / dst)
    return game


def make_app(tmp: Path, game: Path, warp: str | None = "start") -> App:
    data = tmp / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"text_cps": 0}))
    if pygame.mixer.get_init():
        pygame.mixer.music.stop()  # another test's, in this process: a fade would wait
    app = App(Options(game=game, warp=warp, data_dir=data, headless=True, instant=True))
    app.begin()
    app.late_init()
    return app


def test_music_and_ambience_play_together_each_at_its_own_volume(tmp_path: Path) -> None:
    game = audio_game(tmp_path)
    a = Audio(game, music_volume=0.5, sound_volume=0.8, ambient_volume=0.25)
    assert a.enabled
    heard: list[str] = []
    a.on_track = heard.append
    a.handle("play", "music", ("music/road.ogg",), 0.0, 0.0, True)
    a.handle("play", "ambient", ("wind.ogg",), 0.0, 0.0, True)
    assert pygame.mixer.music.get_busy() and a.ambient.channel.get_busy()
    assert (a.current_music(), a.ambient.playing()) == ("music/road.ogg", "audio/wind.ogg")
    assert heard == ["music/road.ogg"]  # ambience is not music: the music room skips it
    assert pygame.mixer.music.get_volume() == pytest.approx(0.5, abs=0.01)
    assert a.ambient.channel.get_volume() == pytest.approx(0.25, abs=0.01)
    a.set_volumes(0.9, 0.8, 0.1)
    assert pygame.mixer.music.get_volume() == pytest.approx(0.9, abs=0.01)
    assert a.ambient.channel.get_volume() == pytest.approx(0.1, abs=0.01)
    a.set_volumes(0.2, 0.8, 0.1)  # the music's setting leaves the ambience alone
    assert pygame.mixer.music.get_volume() == pytest.approx(0.2, abs=0.01)
    assert a.ambient.channel.get_volume() == pytest.approx(0.1, abs=0.01)
    # A loop waits in the channel's queue (no gap); a queued file takes its place.
    wind, beep = (a.load_sound(game / "assets" / "audio" / f) for f in ("wind.ogg",
                                                                         "beep.ogg"))
    assert a.ambient.channel.get_queue() is wind
    a.handle("queue", "ambient", ("beep.ogg",), 0.0, 0.0, True)
    assert a.ambient.channel.get_queue() is beep
    assert [p.name for p in a.ambient.playlist] == ["wind.ogg", "beep.ogg"]
    a.handle("stop", "ambient", (), 0.0, 0.0, False)
    assert not a.ambient.channel.get_busy() and pygame.mixer.music.get_busy()
    a.stop_all()
    assert not pygame.mixer.music.get_busy()


def test_rollback_and_load_bring_back_music_and_ambience(tmp_path: Path) -> None:
    app = make_app(tmp_path, audio_game(tmp_path))
    g = app.game()
    assert g is not None and g.shown_text() == "One."
    audio = app.audio

    def playing() -> tuple[str | None, str | None]:
        return audio.current_music(), audio.ambient.playing()

    assert playing() == ("music/road.ogg", "audio/wind.ogg")
    g.action("advance")
    assert g.shown_text() == "Two." and playing() == ("music/road.ogg", None)
    g.action("advance")
    assert g.shown_text() == "Three." and playing() == ("music/room.ogg", "audio/beep.ogg")
    assert audio.now == {"music": {"files": ["music/room.ogg"], "loop": True},
                         "ambient": {"files": ["beep.ogg"], "loop": True}}
    saved = g.story.snapshot()
    app.data.settings.update(music_volume=0.6, ambient_volume=0.2)  # the settings screen's
    app.apply_settings()
    assert pygame.mixer.music.get_volume() == pytest.approx(0.6, abs=0.01)
    assert audio.ambient.channel.get_volume() == pytest.approx(0.2, abs=0.01)
    assert g.roll(back=True) and g.shown_text() == "Two."
    assert playing() == ("music/road.ogg", None)
    assert g.roll(back=True) and g.shown_text() == "One."
    assert playing() == ("music/road.ogg", "audio/wind.ogg")
    assert audio.now["ambient"] == g.story.stage["ambient"]
    app.reset("title")
    assert playing() == ("music/title.ogg", None)
    app.reset("game", resume=saved)
    assert app.game() is not None
    assert playing() == ("music/room.ogg", "audio/beep.ogg")


def test_the_title_plays_its_music_and_an_ending_keeps_its_own(tmp_path: Path) -> None:
    app = make_app(tmp_path, audio_game(tmp_path), warp=None)
    audio = app.audio
    assert app.top.name == "title" and audio.current_music() == "music/title.ogg"
    app.reset("game", label="start")
    g = app.game()
    assert g is not None and audio.current_music() == "music/road.ogg"
    for _ in range(3):
        g.action("advance")
    assert app.status()["screen"] == "ending"
    assert (audio.current_music(), audio.ambient.playing()) == ("music/room.ogg",
                                                                "audio/beep.ogg")
    app.reset("title")
    assert (audio.current_music(), audio.ambient.playing()) == ("music/title.ogg", None)
    assert app.data.persistent["heard_music"] == ["music/title.ogg", "music/road.ogg",
                                                  "music/room.ogg"]


def test_with_no_audio_device_the_game_plays_silently(tmp_path: Path) -> None:
    r = play_subprocess(tmp_path, """
        expect-screen title
        press Start
        advance-to ending
        click
        expect-screen title
    """, game=audio_game(tmp_path), warp=None, env={"SDL_AUDIODRIVER": "nosuchdriver"})
    assert r.returncode == 0, r.stderr
    assert "playing silently" in r.stderr


def test_an_ambient_playlist_moves_on_and_loops_without_stopping(tmp_path: Path) -> None:
    import time
    import wave
    from array import array

    game = audio_game(tmp_path)
    for name in ("a.ogg", "b.ogg"):  # 50 ms each (WAV inside: the mixer reads either)
        with wave.open(str(game / "assets" / "audio" / name), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(44100)
            w.writeframes(array("h", [0] * 2205).tobytes())
    pygame.display.init()
    a = Audio(game)
    pygame.event.clear()
    a.ambient.play(["a.ogg", "b.ogg"])
    names, ends = [], 0
    until = time.monotonic() + 0.6
    while time.monotonic() < until:
        for event in pygame.event.get():
            if event.type == a.ambient_end_event:
                ends += 1
                a.ambient.on_end()
                names.append(a.ambient.playing())
        time.sleep(0.005)
    assert ends >= 4 and a.ambient.channel.get_busy()
    # An end event left over from another test in this process changes nothing.
    moved = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
    assert moved[moved.index("audio/b.ogg"):][:4] == ["audio/b.ogg", "audio/a.ogg",
                                                      "audio/b.ogg", "audio/a.ogg"]
    a.ambient.stop()
    time.sleep(0.1)
    assert not a.ambient.channel.get_busy()  # the queued file did not start after all
