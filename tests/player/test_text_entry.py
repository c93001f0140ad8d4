"""renpy.input on screen: the text-entry screen over the game takes typing (the keymap's
letters do not fire), Backspace and Return, and the story goes on with the answer."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine.present.app import App
from tests.player.helpers import make_game, play, started_app

SCENE = """
label start:
    $ name = renpy.input("What is your name?", default="Al", length=6, exclude="0").strip()
    $ renpy.notify("Name taken")
    "Hello, [name]."
"""


def key(app: App, k: int, text: str = "") -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=text, scancode=0))
    if text:
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=text))


def test_typing_an_answer_goes_into_the_story(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    app = started_app(tmp_path, game)
    app.draw(0.0)
    st = app.top.status()
    assert app.top.name == "text-entry"
    assert (st["prompt"], st["typed"]) == ("What is your name?", "Al")
    fullscreen = app.options.size
    for ch in "fs0x":  # f and s are fullscreen and screenshot keys: here they type
        key(app, getattr(pygame, f"K_{ch}"), ch)
    key(app, pygame.K_BACKSPACE)
    assert app.top.status()["typed"] == "Alfs"  # 0 is excluded; Backspace took the x
    assert app.options.size == fullscreen
    key(app, pygame.K_RETURN)
    assert app.top.name == "game"
    assert app.top.story.variables["name"] == "Alfs"
    assert app.top.play.say.text == "Hello, Alfs."


def test_a_test_script_types_an_answer(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    r = play(tmp_path, """
        expect-screen text-entry
        type "rie"
        key return
        expect-text Hello, Alrie.
    """, game=game)
    assert r.returncode == 0, r.stderr


def test_window_keys_work_while_typing_and_printable_keys_type(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    app = started_app(tmp_path, game)
    app.draw(0.0)
    shots: list[str] = []
    app.screenshot = lambda path=None: shots.append("shot") or tmp_path / "x.png"

    def press(k: int, mod: int = 0, text: str = "") -> None:
        app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text,
                                        scancode=0))

    fullscreen = app.data.settings["fullscreen"]
    press(pygame.K_F11)
    assert app.data.settings["fullscreen"] is not fullscreen  # F11 works while typing
    press(pygame.K_RETURN, pygame.KMOD_LALT, "\r")  # Alt+Enter: fullscreen, not an answer
    assert app.data.settings["fullscreen"] is fullscreen
    assert app.top.name == "text-entry"
    press(pygame.K_s, pygame.KMOD_LALT)
    assert shots == ["shot"]  # Alt+S: the screenshot key while S types
    for k, ch in ((pygame.K_s, "s"), (pygame.K_f, "f"), (pygame.K_r, "R")):
        press(k, pygame.KMOD_LSHIFT if ch == "R" else 0, ch)
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    press(pygame.K_TAB, 0, "\t")  # skip, page up, Escape: nothing happens here
    press(pygame.K_PAGEUP)
    press(pygame.K_ESCAPE, 0, "\x1b")
    assert shots == ["shot"] and app.data.settings["fullscreen"] is fullscreen
    assert app.top.name == "text-entry" and app.top.status()["typed"] == "AlsfR"
