"""The Extras screen's tiles: what each shows (a CG the player has seen, an ending's card,
or a locked "???"), the pages the full view turns through, and the thumbnails.

Thumbnails are made when the Extras screen first draws them, never at start-up: small
(a tile's size in window pixels), kept for the session (64 at most), and a locked one is
its picture blurred to a dark silhouette.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from engine.gallery import CG, scan_cgs
from engine.present.screen import Host

from . import cards

log = logging.getLogger("roadout.gallery")

THUMBS_KEPT = 64
LOCKED = "???"


@dataclass(frozen=True)
class Page:
    """One picture of the full view: a CG picture (path) or an ending's card (name)."""

    kind: str  # "picture" | "ending"
    title: str
    path: Path | None = None
    name: str = ""


@dataclass
class Tile:
    title: str  # under the thumbnail: the CG's or ending's name, or "???"
    sub: str  # a second, dimmer line
    locked: bool
    source: Path | None  # the thumbnail's picture
    start: int | None = None  # the page the full view opens at (None: locked)
    pages: list[Page] = field(default_factory=list)

    @property
    def words(self) -> str:
        """The tile for people (status and self-voicing)."""
        return f"{self.title}, {self.sub}" if self.sub else self.title


def gallery_tiles(host: Host) -> tuple[list[Tile], list[Page]]:
    """One tile a CG (seen or locked), and the pages of every picture seen, in order."""
    seen = set(host.data.persistent.get("seen_images", []))
    tiles: list[Tile] = []
    pages: list[Page] = []
    for cg in scan_cgs(host.stage_view.game_dir, host.program):
        shown = cg.seen(seen)
        if not shown:
            tiles.append(Tile(LOCKED, _count(cg, 0), True, cg.variants[0].path))
            continue
        start = len(pages)
        for v in shown:
            title = f"{cg.title} — {v.label}" if v.label else cg.title
            pages.append(Page("picture", title, v.path))
        tiles.append(Tile(cg.title, _count(cg, len(shown)), False, shown[0].path, start))
    return tiles, pages


def _count(cg: CG, seen: int) -> str:
    n = len(cg.variants)
    if n == 1:
        return "" if seen else "not seen yet"
    return f"{seen} of {n} pictures seen"


def ending_tiles(host: Host) -> tuple[list[Tile], list[Page]]:
    """One tile an ending of the game, with its card; the pages of the endings seen."""
    seen = set(host.data.endings)
    folder = host.stage_view.game_dir / "assets" / "gui"
    names = cards.endings_of(host) or list(host.data.endings)
    tiles: list[Tile] = []
    pages: list[Page] = []
    for name in names:
        number = cards.number_text(host, name)
        source = folder / cards.card_file(host, name)
        if name in seen:
            tiles.append(Tile(name, number, False, source, len(pages)))
            pages.append(Page("ending", name, name=name))
        else:
            tiles.append(Tile(LOCKED, number, True, source))
    return tiles, pages


def thumbnail(host: Host, path: Path | None, size: tuple[int, int], locked: bool
              ) -> pygame.Surface:
    """The tile's picture at `size` window pixels (cropped to fill), made once a session."""
    cache: OrderedDict = host.session.setdefault("thumbnails", OrderedDict())
    try:
        stamp = path.stat().st_mtime_ns if path is not None else 0
    except OSError:
        stamp = -1
    key = (str(path), stamp, size, locked)
    found = cache.get(key)
    if found is not None:
        cache.move_to_end(key)
        return found
    surf = _make(path, size, locked)
    cache[key] = surf
    while len(cache) > THUMBS_KEPT:
        cache.popitem(last=False)
    return surf


def _make(path: Path | None, size: tuple[int, int], locked: bool) -> pygame.Surface:
    w, h = max(1, size[0]), max(1, size[1])
    out = pygame.Surface((w, h)).convert()
    out.fill((24, 22, 40))
    if path is None:
        return out
    try:
        raw = pygame.image.load(str(path)).convert()
    except (pygame.error, OSError) as exc:
        log.warning("gallery: %s could not be read: %s", path.name, exc)
        return out
    rw, rh = raw.get_size()
    k = max(w / rw, h / rh)  # cover the tile, centred
    scaled = pygame.transform.smoothscale(raw, (max(w, round(rw * k)), max(h, round(rh * k))))
    out.blit(scaled, ((w - scaled.get_width()) // 2, (h - scaled.get_height()) // 2))
    if locked:  # a silhouette: blurred, grey and dark
        small = pygame.transform.smoothscale(out, (max(1, w // 14), max(1, h // 14)))
        out = pygame.transform.smoothscale(pygame.transform.grayscale(small), (w, h))
        out.fill((70, 64, 110), special_flags=pygame.BLEND_RGB_MULT)
    return out


def full_picture(host: Host, path: Path) -> pygame.Surface | None:
    """A CG at the window's canvas size (the whole picture, letterboxed if its shape
    differs); None when it cannot be read (reported in the log)."""
    vw, vh = host.vp.size
    try:
        raw = pygame.image.load(str(path)).convert()
    except (pygame.error, OSError) as exc:
        log.warning("gallery: %s could not be read: %s", path.name, exc)
        return None
    rw, rh = raw.get_size()
    k = min(vw / rw, vh / rh)
    return pygame.transform.smoothscale(raw, (max(1, round(rw * k)), max(1, round(rh * k))))
