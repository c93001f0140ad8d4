"""Fullscreen is SDL's desktop fullscreen: it fills the display the window is on, and
going back restores the window's size and place. On the dummy driver (a 1024x768 desktop);
tests/player/test_xwindow.py repeats it in a real X window."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine.present.app import App, Options
from engine.present.window import Window
from tests.player.helpers import DEMO, data_dir


def test_desktop_fullscreen_fills_the_display_and_comes_back() -> None:
    win = Window((1280, 720), False, "test")
    sdl = win.sdl_window()
    place = tuple(sdl.position)
    desktop = pygame.display.get_desktop_sizes()[0]
    win.set_fullscreen(True)
    assert pygame.display.is_fullscreen()
    assert win.surface.get_size() == desktop == tuple(sdl.size)
    assert tuple(sdl.position) == (0, 0)
    # The canvas is letterboxed inside the display, never cut.
    assert win.vp.rect.width <= desktop[0] and win.vp.rect.height <= desktop[1]
    win.set_fullscreen(False)
    assert not pygame.display.is_fullscreen()
    assert win.surface.get_size() == (1280, 720)
    assert tuple(sdl.position) == place


def test_f11_and_the_setting_go_fullscreen_and_the_setting_is_kept(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    app = App(Options(game=DEMO, warp="start", data_dir=data, headless=False, instant=True))
    app.begin()
    app.key(pygame.K_F11)
    assert app.win.fullscreen and app.data.settings["fullscreen"]
    assert app.window.get_size() == pygame.display.get_desktop_sizes()[0]
    app.key(pygame.K_F11)
    assert not app.win.fullscreen and app.window.get_size() == (1280, 720)
    app.key(pygame.K_F11)
    # A new start comes back in fullscreen, as the player left it.
    again = App(Options(game=DEMO, warp="start", data_dir=data, headless=False))
    assert again.win.fullscreen
    again.win.set_fullscreen(False)
