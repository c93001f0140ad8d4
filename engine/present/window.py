"""The window: its size, the letterboxed viewport, fullscreen, screenshots and the icon."""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path

import pygame

from .picture import Viewport


class Window:
    def __init__(self, size: tuple[int, int], headless: bool, caption: str) -> None:
        # Every picture is drawn in software; letting SDL back the window with OpenGL
        # (llvmpipe where there is no GPU) only adds two busy threads: ~1.8% of a core idle.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(caption)
        self.headless = headless
        self.fullscreen = False
        self.windowed: tuple[tuple[int, int], tuple[int, int]] | None = None  # size, place
        self.surface = pygame.display.set_mode(size, 0 if headless else pygame.RESIZABLE)
        self.vp = Viewport(self.surface.get_size())
        pygame.event.clear()  # nothing left over from an earlier window of this process
        # No input can arrive on the dummy driver but the harness's: poll it less often.
        self.poll_step = 0.1 if pygame.display.get_driver() in ("dummy", "offscreen") \
            else 0.016

    def set_icon(self, icon: Path) -> None:
        if icon.is_file() and not self.headless:
            try:
                pygame.display.set_icon(pygame.image.load(str(icon)))
            except pygame.error:
                pass

    def resized(self) -> None:
        self.surface = pygame.display.get_surface()
        self.vp = Viewport(self.surface.get_size())

    def set_fullscreen(self, on: bool) -> None:
        """SDL's desktop fullscreen: the window fills the display it is on, at that
        display's own resolution (no mode change); going back puts it at the size and place
        it had before."""
        if self.headless:
            return
        win = self.sdl_window()
        if on and not self.fullscreen:
            self.windowed = (tuple(win.size), tuple(win.position))
            win.set_fullscreen(desktop=True)
        elif not on and self.fullscreen:
            win.set_windowed()
            if self.windowed is not None:
                size, place = self.windowed
                # SDL restores these itself; some window managers need telling again.
                if tuple(win.size) != size:
                    win.size = size
                if tuple(win.position) != place:
                    win.position = place
        self.fullscreen = on
        self.resized()

    def sdl_window(self) -> pygame.Window:
        """The display module's window, as an object that can go fullscreen and back."""
        with warnings.catch_warnings():
            # Deprecated for drawing through the Window; we only move and size it.
            warnings.simplefilter("ignore", DeprecationWarning)
            return pygame.Window.from_display_module()

    def screenshot(self, folder: Path, path: Path | None = None) -> Path:
        """Save the window's picture: to `path`, or a new time-stamped file in `folder`."""
        if path is None:
            folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = folder / f"screenshot-{stamp}.png"
            n = 1
            while path.exists():
                path = folder / f"screenshot-{stamp}-{n}.png"
                n += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(path))
        return path
