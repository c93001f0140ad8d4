"""Tile pictures for the background renderer: each tileset's images (an atlas or a
collection of images) cut, flipped and cached, found by gid.

Which tilesets a map uses, and their XML, come from engine.mapinfo; this module only turns
them into pictures.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

import pygame

from engine import safefs
from engine.mapinfo import Flags, TilesetRef, find_tileset, number, tiled_color


def pg_color(rgba: tuple[int, int, int, int] | None) -> pygame.Color | None:
    return None if rgba is None else pygame.Color(*rgba)


def apply_flags(image: pygame.Surface, flags: Flags) -> pygame.Surface:
    """Flip as Tiled does: the diagonal flip (a transpose) first, then horizontal, vertical."""
    flip_h, flip_v, flip_d = flags
    if flip_d:
        image = pygame.transform.flip(pygame.transform.rotate(image, -90), True, False)
    if flip_h or flip_v:
        image = pygame.transform.flip(image, flip_h, flip_v)
    return image


def load_image(base_dir: Path, image: ET.Element) -> pygame.Surface:
    source = image.get("source")
    if not source:
        raise ValueError("embedded image data is not supported; save images as files")
    # Below the game's assets/ only: a map (or its tileset) names files, not paths out.
    path = safefs.check_named(base_dir / source, [safefs.assets_root(base_dir / "x")])
    picture = pygame.image.load(str(path))
    trans = image.get("trans")
    if trans:
        picture.set_colorkey(pg_color(tiled_color(trans)))
    return picture.convert_alpha()


class Tileset:
    """One tileset, read from its XML: an atlas image or a collection of images."""

    def __init__(self, elem: ET.Element, base_dir: Path) -> None:
        self.name = elem.get("name", "")
        self.tilewidth = int(elem.get("tilewidth", "0"))
        self.tileheight = int(elem.get("tileheight", "0"))
        self.spacing = int(elem.get("spacing", "0"))
        self.margin = int(elem.get("margin", "0"))
        self.tilecount = int(elem.get("tilecount", "0"))
        self.columns = int(elem.get("columns", "0"))
        self.render_grid = elem.get("tilerendersize") == "grid"
        self.fill_mode = elem.get("fillmode", "stretch")
        self.alignment = elem.get("objectalignment", "unspecified")
        offset = elem.find("tileoffset")
        self.offset = (
            (int(number(offset, "x")), int(number(offset, "y"))) if offset is not None else (0, 0)
        )
        self.atlas: pygame.Surface | None = None
        image = elem.find("image")
        if image is not None:
            self.atlas = load_image(base_dir, image)
            if not self.columns and self.tilewidth:
                usable = self.atlas.get_width() - 2 * self.margin + self.spacing
                self.columns = max(1, usable // (self.tilewidth + self.spacing))
        self._own_images: dict[int, pygame.Surface] = {}
        self.animations: dict[int, list[tuple[int, int]]] = {}
        for tile in elem.findall("tile"):
            local = int(tile.get("id", "0"))
            tile_image = tile.find("image")
            if tile_image is not None and tile_image.get("source"):
                picture = load_image(base_dir, tile_image)
                if tile.get("width") or tile.get("x"):
                    # Tiled 1.9+: a collection tile may show only a part of its image.
                    rect = pygame.Rect(
                        int(number(tile, "x")),
                        int(number(tile, "y")),
                        int(number(tile, "width", picture.get_width())),
                        int(number(tile, "height", picture.get_height())),
                    ).clip(picture.get_rect())
                    picture = picture.subsurface(rect).copy()
                self._own_images[local] = picture
            animation = tile.find("animation")
            if animation is not None:
                frames = [
                    (int(frame.get("tileid", "0")), int(frame.get("duration", "0")))
                    for frame in animation.findall("frame")
                ]
                if frames:
                    self.animations[local] = frames
        self._cache: dict[tuple[int, Flags], pygame.Surface | None] = {}

    def image(self, local: int, flags: Flags) -> pygame.Surface | None:
        key = (local, flags)
        if key not in self._cache:
            base = self._base(local)
            self._cache[key] = None if base is None else apply_flags(base, flags)
        return self._cache[key]

    def _base(self, local: int) -> pygame.Surface | None:
        if local in self._own_images:
            return self._own_images[local]
        if self.atlas is None or not self.tilewidth or not self.tileheight:
            return None
        if self.tilecount and local >= self.tilecount:
            return None
        col, row = local % self.columns, local // self.columns
        rect = pygame.Rect(
            self.margin + col * (self.tilewidth + self.spacing),
            self.margin + row * (self.tileheight + self.spacing),
            self.tilewidth,
            self.tileheight,
        )
        if not self.atlas.get_rect().contains(rect):
            return None
        return self.atlas.subsurface(rect)


class Tilesets:
    """Maps gids to tile images, for one map (or one template's own tileset references).
    `loaded` is shared between them, so an external tileset's pictures load once."""

    def __init__(self, refs: Iterable[TilesetRef], loaded: dict[Path, Tileset]) -> None:
        self.refs = tuple(refs)
        self._pictures: dict[int, Tileset] = {}
        for ref in self.refs:
            if ref.source is None:
                self._pictures[id(ref)] = Tileset(ref.elem, ref.base_dir)
                continue
            if ref.source not in loaded:
                loaded[ref.source] = Tileset(ref.elem, ref.base_dir)
            self._pictures[id(ref)] = loaded[ref.source]

    def find(self, gid: int) -> tuple[Tileset, int] | None:
        found = find_tileset(self.refs, gid)
        return None if found is None else (self._pictures[id(found[0])], found[1])
