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

    def paint_backdrop(self, target: pygame.Surface, rect: pygame.Rect) -> None:
        """Every overlay's background, as Ren'Py's game menu has its own: the game's
        gui/game_menu.png (else its title picture) under a dark veil. Fully opaque, so
        nothing of the screen beneath reads through. The veil is two blended fills on the
        target rather than a cached window-sized picture: 7 MB less held at 1280x720."""
        own = (self.folder / "game_menu.png").is_file()
        target.blit(self.picture("game_menu.png" if own else "title.png", rect.size), rect)
        keep = 255 - BACKDROP_ALPHA  # picture * (1 - a) + veil * a, as an alpha blit gives
        target.fill((keep, keep, keep), rect, special_flags=pygame.BLEND_MULT)
        target.fill(tuple(c * BACKDROP_ALPHA // 255 for c in BACKDROP_VEIL), rect,
                    special_flags=pygame.BLEND_ADD)
