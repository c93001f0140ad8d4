"""The game's interface pictures (assets/gui/), scaled to the window and cached, and the
one backdrop every overlay screen is drawn on."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine import safefs

from .ui import Painter

# The overlays' veil over their picture: dark enough that panels and text read on it.
BACKDROP_VEIL, BACKDROP_ALPHA = (8, 7, 20), 210
MISSING = (16, 14, 34)  # a picture the game lacks or cannot read: a plain night blue


class GuiPictures:
    def __init__(self, game: Path, painter: Painter) -> None:
        self.folder = game / "assets" / "gui"
        self.painter = painter
        self._cache: dict[tuple[str, tuple[int, int]], pygame.Surface] = {}

    def clear(self) -> None:
        """The window changed size."""
        self._cache.clear()

    def picture(self, name: str, size: tuple[int, int]) -> pygame.Surface:
        key = (name, size)
        surf = self._cache.get(key)
        if surf is None:
            path = self.folder / name
            try:  # a FIFO would hang SDL's loader, a link could lead out of the game
                raw = pygame.image.load(str(safefs.check_named(path, [path.parents[2]])))
                raw = raw.convert()
                surf = pygame.transform.smoothscale(raw, size)
            except (pygame.error, OSError, FileNotFoundError):
                surf = pygame.Surface(size).convert()
                surf.fill(MISSING)
            self._cache[key] = surf
        return surf

    def backdrop(self, size: tuple[int, int]) -> pygame.Surface:
        """Every overlay's background, as Ren'Py's game menu has its own: the game's
        gui/game_menu.png (else its title picture) under a dark veil. Fully opaque, so
        nothing of the screen beneath reads through."""
        key = ("<backdrop>", size)
        surf = self._cache.get(key)
        if surf is None:
            own = (self.folder / "game_menu.png").is_file()
            surf = self.picture("game_menu.png" if own else "title.png", size).copy()
            surf.blit(self.painter.box(size, BACKDROP_VEIL, BACKDROP_ALPHA, 0), (0, 0))
            self._cache[key] = surf
        return surf
