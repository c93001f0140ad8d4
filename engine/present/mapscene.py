"""A .tmx map turned into an ordered draw list, the way Tiled draws it.

The structure (layer order, visibility, groups' opacity, offsets and tints, templates,
stage marks) is engine.mapinfo's; pytmx is used for what it does right: decoding the tile
layers' data. See engine/present/tiled.py for why pytmx's structure is not used.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pygame

from engine.mapinfo import (
    ALIGNMENT,
    DEFAULT_ALIGNMENT,
    Flags,
    LayerStyle,
    MapStructure,
    decode_gid,
    number,
    visible,
)

from .drawlist import DrawOp, Fit, Region, animated_regions, union
from .tilesets import Tileset, Tilesets, load_image, pg_color


class UnknownLayerError(ValueError, KeyError):
    """A scene attribute names no layer or group of the background.

    It is a ValueError and a KeyError, so callers may catch either.
    """

    def __init__(self, path: Path, unknown: Sequence[str], available: Sequence[str]) -> None:
        self.path = path
        self.unknown = tuple(unknown)
        self.available = tuple(available)
        names = ", ".join(self.available) if self.available else "none"
        super().__init__(
            f"{path.name}: no layer or group named {', '.join(map(repr, self.unknown))};"
            f" available: {names}"
        )

    def __str__(self) -> str:  # KeyError would otherwise print the repr of the message
        return str(self.args[0])


class MapScene:
    """A .tmx map turned into an ordered draw list, plus its stage marks."""

    def __init__(self, path: Path, attrs: Sequence[str]) -> None:
        self.path = path
        self.map = MapStructure(path)
        problem = self.map.unsupported()
        if problem:
            raise ValueError(problem)
        # The order tiles are drawn in: it shows only where tiles bigger than the grid overlap.
        self.leftward = self.map.render_order.startswith("left")
        self.upward = self.map.render_order.endswith("up")
        self.tile_w, self.tile_h = self.map.tile_size
        self.pixel_size = self.map.pixel_size
        self.background = pg_color(self.map.background)

        self._loaded: dict[Path, Tileset] = {}
        self.tilesets = Tilesets(self.map.tilesets, self._loaded)

        # pytmx is asked only for tile-layer data and its gid renumbering: tilesets and
        # image layers are loaded above, so its default loader (which loads no pictures)
        # saves a second copy of every image (~30 MB while a full-screen map loads).
        # allow_duplicate_names: a custom property called e.g. "name" must not stop loading.
        import pytmx  # here, not at the top: the title screen needs no map (~25 ms)

        self.tmx = pytmx.TiledMap(str(path), allow_duplicate_names=True)
        # pytmx renumbers gids; its imagemap says which Tiled gid and flips each one stands for.
        self._pytmx_gids: dict[int, tuple[int, Flags]] = {}
        for (tiled_gid, _), value in self.tmx.imagemap.items():
            if tiled_gid:  # the (0, 0) entry maps to a bare 0, not a (gid, flags) pair
                gid, flags = value
                self._pytmx_gids[gid] = (
                    tiled_gid,
                    (bool(flags[0]), bool(flags[1]), bool(flags[2])),
                )
        pytmx_tile_layers = [
            layer for layer in self.tmx.layers if isinstance(layer, pytmx.TiledTileLayer)
        ]

        names = self.map.layer_names
        unknown = [a for a in attrs if a not in names]
        if unknown:
            raise UnknownLayerError(path, unknown, sorted(names))

        self.ops: list[DrawOp] = []
        self.marks = dict(self.map.stage_marks)
        self._template_sets: dict[Path, Tilesets] = {}
        self._baked: dict[tuple, pygame.Surface] = {}
        self._keep_alive: list[pygame.Surface] = []
        tile_layers = 0  # every tile layer, shown or not, pairs with pytmx's in order
        for placed in self.map.layers(set(attrs)):
            elem, style = placed.elem, placed.style
            if elem.tag == "layer":
                data = pytmx_tile_layers[tile_layers]
                tile_layers += 1
                if placed.on:
                    self._tile_layer(elem, data, style)
            elif elem.tag == "objectgroup":
                if placed.on and not placed.is_stage:
                    self._object_layer(elem, style)
            elif placed.on:
                self._image_layer(elem, style)

    @property
    def animated(self) -> bool:
        return any(op.durations for op in self.ops)

    # -- the layers

    def _tile_layer(self, elem: ET.Element, data: Any, style: LayerStyle) -> None:
        if data.name != elem.get("name"):  # pairing by document order must agree with pytmx
            raise RuntimeError(f"tile layer {elem.get('name')!r} paired with {data.name!r}")
        ox, oy = style.offset
        rows = list(enumerate(data.data))
        for y, row in reversed(rows) if self.upward else rows:
            cells = list(enumerate(row))
            for x, gid in reversed(cells) if self.leftward else cells:
                if not gid:
                    continue
                tiled_gid, flags = self._pytmx_gids[gid]
                found = self.tilesets.find(tiled_gid)
                if found is None:
                    continue
                tileset, local = found
                self._add_tile(
                    tileset, local, flags, x * self.tile_w + ox, (y + 1) * self.tile_h + oy, style
                )

    def _add_tile(
        self,
        tileset: Tileset,
        local: int,
        flags: Flags,
        left: float,
        bottom: float,
        style: LayerStyle,
    ) -> None:
        """A tile in a cell: its bottom-left corner on the cell's, as Tiled draws big tiles."""
        sequence = tileset.animations.get(local, [(local, 0)])
        frames: list[tuple[pygame.Surface, int, int]] = []
        for frame_local, _ in sequence:
            image = tileset.image(frame_local, flags)
            if image is None:
                continue
            if tileset.render_grid:
                image = fit_image(image, (self.tile_w, self.tile_h), tileset.fill_mode)
            x = round(left + tileset.offset[0])
            y = round(bottom + tileset.offset[1]) - image.get_height()
            frames.append((self._bake(image, style), x, y))
        if not frames:
            return
        durations = [d for _, d in sequence] if len(frames) == len(sequence) > 1 else []
        self.ops.append(DrawOp(frames, durations, union(frames)))

    def _object_layer(self, elem: ET.Element, style: LayerStyle) -> None:
        objects = [self._resolve(obj) for obj in elem.findall("object")]
        if elem.get("draworder", "topdown") == "topdown":
            # Tiled's default: sorted by y, ties kept in document order (sort is stable).
            objects.sort(key=lambda item: number(item[0], "y"))
        for obj, tilesets in objects:
            if not visible(obj) or not obj.get("gid"):
                continue
            self._tile_object(obj, tilesets, style)

    def _resolve(self, obj: ET.Element) -> tuple[ET.Element, Tilesets]:
        """An object made from a template (.tx), with the tiles its gid counts in."""
        merged, template = self.map.resolve(obj)
        if template is None:
            return merged, self.tilesets
        if template.path not in self._template_sets:
            self._template_sets[template.path] = Tilesets(template.tilesets, self._loaded)
        return merged, self._template_sets[template.path]

    def _tile_object(self, obj: ET.Element, tilesets: Tilesets, style: LayerStyle) -> None:
        tiled_gid, flags = decode_gid(int(obj.get("gid", "0")))
        found = tilesets.find(tiled_gid)
        if found is None:
            return
        tileset, local = found
        sequence = tileset.animations.get(local, [(local, 0)])
        first = tileset.image(sequence[0][0], flags)
        if first is None:
            return
        width = number(obj, "width", first.get_width())
        height = number(obj, "height", first.get_height())
        size = (max(1, round(width)), max(1, round(height)))
        rotation = number(obj, "rotation")
        ax, ay = ALIGNMENT.get(tileset.alignment, DEFAULT_ALIGNMENT)
        pivot_x = number(obj, "x") + style.offset[0] + tileset.offset[0]
        pivot_y = number(obj, "y") + style.offset[1] + tileset.offset[1]
        frames: list[tuple[pygame.Surface, int, int]] = []
        for frame_local, _ in sequence:
            image = tileset.image(frame_local, flags)
            if image is None:
                continue
            if image.get_size() != size:
                image = pygame.transform.smoothscale(image, size)
            # The box's top-left relative to the object's position, then turned about it.
            corner = pygame.Vector2(-ax * width, -ay * height)
            if rotation:
                image = pygame.transform.rotate(image, -rotation)
                box = [corner + pygame.Vector2(dx, dy) for dx in (0, width) for dy in (0, height)]
                turned = [p.rotate(rotation) for p in box]
                corner = pygame.Vector2(min(p.x for p in turned), min(p.y for p in turned))
            frames.append(
                (self._bake(image, style), round(pivot_x + corner.x), round(pivot_y + corner.y))
            )
        if not frames:
            return
        durations = [d for _, d in sequence] if len(frames) == len(sequence) > 1 else []
        self.ops.append(DrawOp(frames, durations, union(frames)))

    def _image_layer(self, elem: ET.Element, style: LayerStyle) -> None:
        image_elem = elem.find("image")
        if image_elem is None or not image_elem.get("source"):
            return
        # Loaded here, never through pytmx's TiledImageLayer.image (pytmx issue 183).
        image = self._bake(load_image(self.path.parent, image_elem), style)
        w, h = image.get_size()
        x0, y0 = round(style.offset[0]), round(style.offset[1])
        map_w, map_h = self.pixel_size
        xs = [x0]
        ys = [y0]
        if elem.get("repeatx") == "1":
            xs = list(range(x0 % w - w if x0 % w else 0, map_w, w))
        if elem.get("repeaty") == "1":
            ys = list(range(y0 % h - h if y0 % h else 0, map_h, h))
        for y in ys:
            for x in xs:
                frames = [(image, x, y)]
                self.ops.append(DrawOp(frames, [], union(frames)))

    def _bake(self, image: pygame.Surface, style: LayerStyle) -> pygame.Surface:
        key = (id(image), style.opacity, None if style.tint is None else tuple(style.tint))
        baked = self._baked.get(key)
        if baked is None:
            # The key holds id(image); keeping the image alive keeps that id unique.
            baked = self._baked[key] = bake(image, style)
            self._keep_alive.append(image)
        return baked

    # -- output

    def render(self, time_ms: int) -> pygame.Surface:
        surface = pygame.Surface(self.pixel_size, pygame.SRCALPHA)
        surface.fill(self.background if self.background is not None else (0, 0, 0, 0))
        for op in self.ops:
            image, x, y = op.frames[op.frame_at(time_ms)]
            surface.blit(image, (x, y))
        return surface

    def animated_regions(self, fit: Fit) -> list[Region]:
        return animated_regions(self.ops, self.pixel_size, fit, self.background)


def bake(image: pygame.Surface, style: LayerStyle) -> pygame.Surface:
    alpha = round(255 * max(0.0, min(1.0, style.opacity)))
    if style.tint is None and alpha == 255:
        return image
    baked = image.convert_alpha()  # always a copy, never the shared tile
    factor = pygame.Color(255, 255, 255, 255) if style.tint is None else pygame.Color(style.tint)
    factor.a = round(factor.a * alpha / 255)
    baked.fill(factor, special_flags=pygame.BLEND_RGBA_MULT)
    return baked


def fit_image(image: pygame.Surface, size: tuple[int, int], mode: str) -> pygame.Surface:
    if mode == "preserve-aspect-fit":
        scale = min(size[0] / image.get_width(), size[1] / image.get_height())
        fitted = (
            max(1, round(image.get_width() * scale)),
            max(1, round(image.get_height() * scale)),
        )
        canvas = pygame.Surface(size, pygame.SRCALPHA)
        scaled = pygame.transform.smoothscale(image, fitted)
        canvas.blit(scaled, ((size[0] - fitted[0]) // 2, (size[1] - fitted[1]) // 2))
        return canvas
    return pygame.transform.smoothscale(image, size)
