"""Backgrounds: Tiled maps (.tmx) and plain pictures, drawn the way Tiled draws them.

pytmx decodes the tile data, but the structure it reports is not trustworthy (see DESIGN.md):
layers come grouped by type, a hidden group's children look visible, a hidden image layer's
`visible` is the string '0', an image layer's `image` can be a tileset tile (pytmx issue 183),
image-collection tiles ignore their sub-rectangle and their flip bits, and object templates are
not resolved. So the XML is read here for order, nesting, visibility, objects and tilesets, and
pytmx is used for what it does right: decoding the layers' tile data.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

__all__ = [
    "Background",
    "BackgroundCache",
    "UnknownLayerError",
    "load_background",
    "render_map",
]

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".webp")

_FLIP_H = 0x80000000
_FLIP_V = 0x40000000
_FLIP_D = 0x20000000
_ROT_120 = 0x10000000  # hexagonal only; masked out so the tile id stays right
_GID_MASK = ~(_FLIP_H | _FLIP_V | _FLIP_D | _ROT_120) & 0xFFFFFFFF

# Where an object's (x, y) sits on its box, as fractions of (width, height).
_ALIGNMENT = {
    "topleft": (0.0, 0.0),
    "top": (0.5, 0.0),
    "topright": (1.0, 0.0),
    "left": (0.0, 0.5),
    "center": (0.5, 0.5),
    "right": (1.0, 0.5),
    "bottomleft": (0.0, 1.0),
    "bottom": (0.5, 1.0),
    "bottomright": (1.0, 1.0),
}

_REGION_BLOCK = 128  # map pixels per side of an animated region's block
_REGION_STATES = 16  # frame combinations remembered per region

_LAYER_TAGS = ("layer", "objectgroup", "imagelayer", "group")
_STAGE = "stage"

Flags = tuple[bool, bool, bool]  # horizontal, vertical, diagonal


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


# --------------------------------------------------------------------------- public API


@dataclass
class Background:
    """A background fitted to the canvas, with its stage marks and animated cells."""

    surface: pygame.Surface
    marks: dict[str, tuple[float, float]]
    animated: bool
    _regions: list[_Region] = field(default_factory=list, repr=False)

    def draw(self, target: pygame.Surface, time_ms: int) -> None:
        """Blit the picture at (0, 0), then the animated cells as they are at `time_ms`."""
        target.blit(self.surface, (0, 0))
        for region in self._regions:
            region.draw(target, time_ms)


def load_background(
    path: Path, attrs: Sequence[str] = (), size: tuple[int, int] = (1280, 720)
) -> Background:
    """Load a .tmx map or a picture, scaled to cover `size` and cropped centred."""
    path = Path(path)
    _ensure_display()
    if path.suffix.lower() != ".tmx":
        picture = _load_picture(path, attrs)
        fit = _Fit.cover(picture.get_size(), size)
        return Background(fit.apply(_flatten(picture)), {}, False)
    scene = _MapScene(path, attrs)
    fit = _Fit.cover(scene.pixel_size, size)
    surface = fit.apply(_flatten(scene.render(0)))
    marks = {name: fit.point(x, y) for name, (x, y) in scene.marks.items()}
    regions = scene.animated_regions(fit)
    return Background(surface, marks, scene.animated, regions)


def render_map(path: Path, attrs: Sequence[str] = ()) -> pygame.Surface:
    """The map at its own pixel size, as Tiled draws it at time 0 (transparent where empty)."""
    path = Path(path)
    _ensure_display()
    if path.suffix.lower() != ".tmx":
        return _load_picture(path, attrs)
    return _MapScene(path, attrs).render(0)


class BackgroundCache:
    """Keeps the last few backgrounds, so a background is rendered once, not every frame."""

    def __init__(self, capacity: int = 4) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[tuple, Background] = OrderedDict()

    def get(self, path: Path, attrs: Sequence[str], size: tuple[int, int]) -> Background:
        path = Path(path)
        key = (str(path.resolve()), path.stat().st_mtime_ns, tuple(attrs), tuple(size))
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return found
        background = load_background(path, attrs, size)
        self._entries[key] = background
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
        return background

    def clear(self) -> None:
        self._entries.clear()


# --------------------------------------------------------------------------- helpers


def _ensure_display() -> None:
    # convert_alpha (used by pytmx and here) needs a display surface to exist.
    if not pygame.display.get_init():
        pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1), pygame.HIDDEN)


def _load_picture(path: Path, attrs: Sequence[str]) -> pygame.Surface:
    if attrs:
        raise UnknownLayerError(path, attrs, ())
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise ValueError(f"{path}: not a Tiled map (.tmx) or a picture ({PICTURE_SUFFIXES})")
    return pygame.image.load(str(path)).convert_alpha()


def _flatten(surface: pygame.Surface) -> pygame.Surface:
    # Smoothscaling a transparent surface blends colours of invisible pixels into the edges;
    # a background is opaque anyway, so flatten onto black first.
    flat = pygame.Surface(surface.get_size())
    flat.fill((0, 0, 0))
    flat.blit(surface, (0, 0))
    return flat


def _color(text: str | None) -> pygame.Color | None:
    """Tiled colours are #RRGGBB or #AARRGGBB."""
    if not text:
        return None
    digits = text.lstrip("#")
    if len(digits) == 6:
        return pygame.Color(int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    if len(digits) == 8:
        a, r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4, 6))
        return pygame.Color(r, g, b, a)
    raise ValueError(f"bad Tiled colour {text!r}")


def _multiply(a: pygame.Color | None, b: pygame.Color | None) -> pygame.Color | None:
    if a is None:
        return b
    if b is None:
        return a
    return pygame.Color(*(round(x * y / 255) for x, y in zip(a, b, strict=True)))


def _float(elem: ET.Element, name: str, default: float = 0.0) -> float:
    value = elem.get(name)
    return float(value) if value not in (None, "") else default


def _visible(elem: ET.Element) -> bool:
    return elem.get("visible", "1") not in ("0", "false")


def _apply_flags(image: pygame.Surface, flags: Flags) -> pygame.Surface:
    """Flip as Tiled does: the diagonal flip (a transpose) first, then horizontal, vertical."""
    flip_h, flip_v, flip_d = flags
    if flip_d:
        image = pygame.transform.flip(pygame.transform.rotate(image, -90), True, False)
    if flip_h or flip_v:
        image = pygame.transform.flip(image, flip_h, flip_v)
    return image


def _decode_gid(raw: int) -> tuple[int, Flags]:
    return raw & _GID_MASK, (bool(raw & _FLIP_H), bool(raw & _FLIP_V), bool(raw & _FLIP_D))


# --------------------------------------------------------------------------- tilesets


class _Tileset:
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
            (int(_float(offset, "x")), int(_float(offset, "y"))) if offset is not None else (0, 0)
        )
        self.atlas: pygame.Surface | None = None
        image = elem.find("image")
        if image is not None:
            self.atlas = _load_image(base_dir, image)
            if not self.columns and self.tilewidth:
                usable = self.atlas.get_width() - 2 * self.margin + self.spacing
                self.columns = max(1, usable // (self.tilewidth + self.spacing))
        self._own_images: dict[int, pygame.Surface] = {}
        self.animations: dict[int, list[tuple[int, int]]] = {}
        for tile in elem.findall("tile"):
            local = int(tile.get("id", "0"))
            tile_image = tile.find("image")
            if tile_image is not None and tile_image.get("source"):
                picture = _load_image(base_dir, tile_image)
                if tile.get("width") or tile.get("x"):
                    # Tiled 1.9+: a collection tile may show only a part of its image.
                    rect = pygame.Rect(
                        int(_float(tile, "x")),
                        int(_float(tile, "y")),
                        int(_float(tile, "width", picture.get_width())),
                        int(_float(tile, "height", picture.get_height())),
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
            self._cache[key] = None if base is None else _apply_flags(base, flags)
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


def _load_image(base_dir: Path, image: ET.Element) -> pygame.Surface:
    source = image.get("source")
    if not source:
        raise ValueError("embedded image data is not supported; save images as files")
    picture = pygame.image.load(str(base_dir / source))
    trans = image.get("trans")
    if trans:
        picture.set_colorkey(_color(trans))
    return picture.convert_alpha()


class _Tilesets:
    """Maps gids to tile images, for one map (or one template's own tileset reference)."""

    def __init__(self, loaded: dict[Path, _Tileset]) -> None:
        self._loaded = loaded
        self.ranges: list[tuple[int, _Tileset, Path | None]] = []

    def add(self, elem: ET.Element, base_dir: Path) -> None:
        firstgid = int(elem.get("firstgid", "1"))
        source = elem.get("source")
        if source:
            tsx = (base_dir / source).resolve()
            if tsx not in self._loaded:
                self._loaded[tsx] = _Tileset(ET.parse(tsx).getroot(), tsx.parent)
            self.ranges.append((firstgid, self._loaded[tsx], tsx))
        else:
            self.ranges.append((firstgid, _Tileset(elem, base_dir), None))
        self.ranges.sort(key=lambda item: item[0])

    def find(self, gid: int) -> tuple[_Tileset, int] | None:
        found = None
        for firstgid, tileset, _ in self.ranges:
            if firstgid <= gid:
                found = (tileset, gid - firstgid)
        return found


# --------------------------------------------------------------------------- draw list


@dataclass(slots=True)
class _Op:
    """One thing drawn: a picture per animation frame, at its place in map pixels."""

    frames: list[tuple[pygame.Surface, int, int]]
    durations: list[int]
    rect: pygame.Rect

    def frame_at(self, time_ms: int) -> int:
        total = sum(self.durations)
        if total <= 0:
            return 0
        t = time_ms % total
        for index, duration in enumerate(self.durations):
            if t < duration:
                return index
            t -= duration
        return len(self.durations) - 1


@dataclass
class _Style:
    """What a layer inherits from its groups."""

    opacity: float = 1.0
    offset: tuple[float, float] = (0.0, 0.0)
    tint: pygame.Color | None = None

    def child(self, elem: ET.Element) -> _Style:
        return _Style(
            self.opacity * _float(elem, "opacity", 1.0),
            (self.offset[0] + _float(elem, "offsetx"), self.offset[1] + _float(elem, "offsety")),
            _multiply(self.tint, _color(elem.get("tintcolor"))),
        )


def _bake(image: pygame.Surface, style: _Style) -> pygame.Surface:
    alpha = round(255 * max(0.0, min(1.0, style.opacity)))
    if style.tint is None and alpha == 255:
        return image
    baked = image.convert_alpha()  # always a copy, never the shared tile
    factor = pygame.Color(255, 255, 255, 255) if style.tint is None else pygame.Color(style.tint)
    factor.a = round(factor.a * alpha / 255)
    baked.fill(factor, special_flags=pygame.BLEND_RGBA_MULT)
    return baked


# --------------------------------------------------------------------------- maps


class _MapScene:
    """A .tmx map turned into an ordered draw list, plus its stage marks."""

    def __init__(self, path: Path, attrs: Sequence[str]) -> None:
        self.path = path
        self.root = ET.parse(path).getroot()
        orientation = self.root.get("orientation", "orthogonal")
        if orientation != "orthogonal":
            raise ValueError(
                f"{path.name}: {orientation} maps are not supported; "
                "backgrounds must be orthogonal Tiled maps"
            )
        if self.root.get("infinite", "0") == "1":
            raise ValueError(
                f"{path.name}: infinite maps are not supported (pytmx cannot read chunks); "
                "untick 'Infinite' in Tiled's map properties"
            )
        # The order tiles are drawn in: it shows only where tiles bigger than the grid overlap.
        order = self.root.get("renderorder", "right-down")
        if order not in ("right-down", "right-up", "left-down", "left-up"):
            raise ValueError(f"{path.name}: unknown render order {order!r}")
        self.leftward = order.startswith("left")
        self.upward = order.endswith("up")

        self.tile_w = int(self.root.get("tilewidth", "0"))
        self.tile_h = int(self.root.get("tileheight", "0"))
        self.pixel_size = (
            int(self.root.get("width", "0")) * self.tile_w,
            int(self.root.get("height", "0")) * self.tile_h,
        )
        if self.pixel_size[0] <= 0 or self.pixel_size[1] <= 0:
            raise ValueError(f"{path.name}: map has no size")
        self.background = _color(self.root.get("backgroundcolor"))

        self._loaded: dict[Path, _Tileset] = {}
        self.tilesets = _Tilesets(self._loaded)
        for elem in self.root.findall("tileset"):
            self.tilesets.add(elem, path.parent)

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
        self._pytmx_tile_layers = [
            layer for layer in self.tmx.layers if isinstance(layer, pytmx.TiledTileLayer)
        ]

        names = self._layer_names()
        unknown = [a for a in attrs if a not in names]
        if unknown:
            raise UnknownLayerError(path, unknown, sorted(names))
        self.forced = set(attrs)

        self.ops: list[_Op] = []
        self.marks: dict[str, tuple[float, float]] = {}
        self._tile_layer_index = 0
        self._templates: dict[Path, tuple[ET.Element, _Tilesets]] = {}
        self._baked: dict[tuple, pygame.Surface] = {}
        self._keep_alive: list[pygame.Surface] = []
        self._walk(self.root, True, _Style())

    @property
    def animated(self) -> bool:
        return any(op.durations for op in self.ops)

    def _layer_names(self) -> set[str]:
        return {
            elem.get("name", "")
            for elem in self.root.iter()
            if elem.tag in _LAYER_TAGS and elem.get("name")
        }

    # -- walking the layer tree in document order

    def _walk(self, parent: ET.Element, parent_on: bool, style: _Style) -> None:
        for elem in parent:
            if elem.tag not in _LAYER_TAGS:
                continue
            # A layer named in attrs shows even if it or its group is hidden in the file;
            # otherwise it shows only if it and every group above it are visible.
            on = elem.get("name") in self.forced or (parent_on and _visible(elem))
            own = style.child(elem)
            if elem.tag == "layer":
                data = self._pytmx_tile_layers[self._tile_layer_index]
                self._tile_layer_index += 1
                if on:
                    self._tile_layer(elem, data, own)
            elif elem.tag == "objectgroup":
                if elem.get("name") == _STAGE:
                    if not self.marks:
                        self._stage_marks(elem, own)
                elif on:
                    self._object_layer(elem, own)
            elif elem.tag == "imagelayer":
                if on:
                    self._image_layer(elem, own)
            else:
                self._walk(elem, on, own)

    def _tile_layer(self, elem: ET.Element, data: Any, style: _Style) -> None:
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
        tileset: _Tileset,
        local: int,
        flags: Flags,
        left: float,
        bottom: float,
        style: _Style,
    ) -> None:
        """A tile in a cell: its bottom-left corner on the cell's, as Tiled draws big tiles."""
        sequence = tileset.animations.get(local, [(local, 0)])
        frames: list[tuple[pygame.Surface, int, int]] = []
        for frame_local, _ in sequence:
            image = tileset.image(frame_local, flags)
            if image is None:
                continue
            if tileset.render_grid:
                image = _fit_image(image, (self.tile_w, self.tile_h), tileset.fill_mode)
            x = round(left + tileset.offset[0])
            y = round(bottom + tileset.offset[1]) - image.get_height()
            frames.append((self._bake(image, style), x, y))
        if not frames:
            return
        durations = [d for _, d in sequence] if len(frames) == len(sequence) > 1 else []
        self.ops.append(_Op(frames, durations, _union(frames)))

    def _object_layer(self, elem: ET.Element, style: _Style) -> None:
        objects = [self._resolve_template(obj) for obj in elem.findall("object")]
        if elem.get("draworder", "topdown") == "topdown":
            # Tiled's default: sorted by y, ties kept in document order (sort is stable).
            objects.sort(key=lambda item: _float(item[0], "y"))
        for obj, tilesets in objects:
            if not _visible(obj) or not obj.get("gid"):
                continue
            self._tile_object(obj, tilesets, style)

    def _resolve_template(self, obj: ET.Element) -> tuple[ET.Element, _Tilesets]:
        """An object made from a template (.tx): the template's attributes, then its own."""
        template = obj.get("template")
        if not template:
            return obj, self.tilesets
        tx = (self.path.parent / template).resolve()
        if tx not in self._templates:
            root = ET.parse(tx).getroot()
            tilesets = _Tilesets(self._loaded)
            for ts in root.findall("tileset"):
                tilesets.add(ts, tx.parent)
            base = root.find("object")
            if base is None:
                raise ValueError(f"{tx}: template has no object")
            self._templates[tx] = (base, tilesets)
        base, tilesets = self._templates[tx]
        merged = ET.Element("object", dict(base.attrib))
        merged.attrib.update(obj.attrib)
        if "gid" in obj.attrib:  # the map's own gid counts in the map's tilesets
            tilesets = self.tilesets
        return merged, tilesets

    def _tile_object(self, obj: ET.Element, tilesets: _Tilesets, style: _Style) -> None:
        tiled_gid, flags = _decode_gid(int(obj.get("gid", "0")))
        found = tilesets.find(tiled_gid)
        if found is None:
            return
        tileset, local = found
        sequence = tileset.animations.get(local, [(local, 0)])
        first = tileset.image(sequence[0][0], flags)
        if first is None:
            return
        width = _float(obj, "width", first.get_width())
        height = _float(obj, "height", first.get_height())
        size = (max(1, round(width)), max(1, round(height)))
        rotation = _float(obj, "rotation")
        ax, ay = _ALIGNMENT.get(tileset.alignment, (0.0, 1.0))
        pivot_x = _float(obj, "x") + style.offset[0] + tileset.offset[0]
        pivot_y = _float(obj, "y") + style.offset[1] + tileset.offset[1]
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
        self.ops.append(_Op(frames, durations, _union(frames)))

    def _image_layer(self, elem: ET.Element, style: _Style) -> None:
        image_elem = elem.find("image")
        if image_elem is None or not image_elem.get("source"):
            return
        # Loaded here, never through pytmx's TiledImageLayer.image (pytmx issue 183).
        image = self._bake(_load_image(self.path.parent, image_elem), style)
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
                self.ops.append(_Op(frames, [], _union(frames)))

    def _stage_marks(self, elem: ET.Element, style: _Style) -> None:
        for raw in elem.findall("object"):
            obj, tilesets = self._resolve_template(raw)
            name = obj.get("name")
            if not name:
                continue
            x = _float(obj, "x") + style.offset[0]
            y = _float(obj, "y") + style.offset[1]
            width, height = _float(obj, "width"), _float(obj, "height")
            is_shape = obj.find("point") is None and obj.find("polygon") is None
            is_shape = is_shape and obj.find("polyline") is None
            if obj.get("gid"):
                found = tilesets.find(_decode_gid(int(obj.get("gid", "0")))[0])
                alignment = found[0].alignment if found else "unspecified"
                ax, ay = _ALIGNMENT.get(alignment, (0.0, 1.0))
                self.marks[name] = (x - ax * width + width / 2, y - ay * height + height)
            elif is_shape and (width or height):
                self.marks[name] = (x + width / 2, y + height)
            else:
                self.marks[name] = (x, y)

    def _bake(self, image: pygame.Surface, style: _Style) -> pygame.Surface:
        key = (id(image), style.opacity, None if style.tint is None else tuple(style.tint))
        baked = self._baked.get(key)
        if baked is None:
            # The key holds id(image); keeping the image alive keeps that id unique.
            baked = self._baked[key] = _bake(image, style)
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

    def animated_regions(self, fit: _Fit) -> list[_Region]:
        animated = [op for op in self.ops if op.durations]
        if not animated:
            return []
        # One region per block of the map, not per animated cell: a map of animated water has
        # thousands of cells, and thousands of tiny blits per frame cost more than a few big
        # ones. Each region is the box around the animated pictures in its block.
        block = _REGION_BLOCK
        bounds = pygame.Rect((0, 0), self.pixel_size)
        boxes: dict[tuple[int, int], pygame.Rect] = {}
        for op in animated:
            area = op.rect.clip(bounds)
            if not area.w or not area.h:
                continue
            for by in range(area.top // block, (area.bottom - 1) // block + 1):
                for bx in range(area.left // block, (area.right - 1) // block + 1):
                    part = area.clip(pygame.Rect(bx * block, by * block, block, block))
                    box = boxes.get((bx, by))
                    boxes[(bx, by)] = part if box is None else box.union(part)
        index = _SpatialIndex(self.ops)
        regions = []
        for inner in boxes.values():
            # A pixel of margin, so smoothscale sees the same neighbours as for the full map.
            outer = inner.inflate(2, 2).clip(bounds) if fit.scaled else inner
            regions.append(_Region(inner, outer, index.query(outer), fit, self.background))
        return regions


def _fit_image(image: pygame.Surface, size: tuple[int, int], mode: str) -> pygame.Surface:
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


def _union(frames: list[tuple[pygame.Surface, int, int]]) -> pygame.Rect:
    rects = [pygame.Rect((x, y), image.get_size()) for image, x, y in frames]
    return rects[0].unionall(rects[1:])


class _SpatialIndex:
    """Which draw operations touch a rectangle, in draw order."""

    CELL = 64

    def __init__(self, ops: list[_Op]) -> None:
        self.ops = ops
        self.buckets: dict[tuple[int, int], list[int]] = {}
        for number, op in enumerate(ops):
            for key in self._keys(op.rect):
                self.buckets.setdefault(key, []).append(number)

    def _keys(self, rect: pygame.Rect) -> list[tuple[int, int]]:
        c = self.CELL
        return [
            (bx, by)
            for by in range(rect.top // c, (rect.bottom - 1) // c + 1)
            for bx in range(rect.left // c, (rect.right - 1) // c + 1)
        ]

    def query(self, rect: pygame.Rect) -> list[_Op]:
        found: set[int] = set()
        for key in self._keys(rect):
            found.update(self.buckets.get(key, ()))
        return [self.ops[n] for n in sorted(found) if self.ops[n].rect.colliderect(rect)]


# --------------------------------------------------------------------------- fitting


@dataclass(frozen=True)
class _Fit:
    """Scale to cover the canvas, keeping the aspect, and crop the overflow evenly."""

    source: tuple[int, int]
    scaled_size: tuple[int, int]
    crop: tuple[int, int]
    canvas: tuple[int, int]

    @classmethod
    def cover(cls, source: tuple[int, int], canvas: tuple[int, int]) -> _Fit:
        scale = max(canvas[0] / source[0], canvas[1] / source[1])
        scaled = (
            max(canvas[0], round(source[0] * scale)),
            max(canvas[1], round(source[1] * scale)),
        )
        crop = ((scaled[0] - canvas[0]) // 2, (scaled[1] - canvas[1]) // 2)
        return cls(source, scaled, crop, canvas)

    @property
    def scaled(self) -> bool:
        return self.scaled_size != self.source

    @property
    def factors(self) -> tuple[float, float]:
        return self.scaled_size[0] / self.source[0], self.scaled_size[1] / self.source[1]

    def apply(self, surface: pygame.Surface) -> pygame.Surface:
        if self.scaled:
            surface = pygame.transform.smoothscale(surface, self.scaled_size)
        return surface.subsurface(pygame.Rect(self.crop, self.canvas)).copy()

    def point(self, x: float, y: float) -> tuple[float, float]:
        fx, fy = self.factors
        return x * fx - self.crop[0], y * fy - self.crop[1]

    def span(self, rect: pygame.Rect) -> pygame.Rect:
        """Canvas-scaled pixels covering `rect` (before the crop)."""
        fx, fy = self.factors
        left, top = math.floor(rect.left * fx), math.floor(rect.top * fy)
        right, bottom = math.ceil(rect.right * fx), math.ceil(rect.bottom * fy)
        return pygame.Rect(left, top, right - left, bottom - top)


class _Region:
    """An animated area of the map, recomposited from every layer that touches it.

    Redrawing only the animated tile would paint it over the layers above it, so the area is
    rebuilt in draw order; the result is kept per combination of frames, so after the first
    cycle drawing is one blit per area.
    """

    def __init__(
        self,
        inner: pygame.Rect,
        outer: pygame.Rect,
        ops: list[_Op],
        fit: _Fit,
        background: pygame.Color | None,
    ) -> None:
        self.inner = inner
        self.outer = outer
        self.ops = ops
        self.moving = [op for op in ops if op.durations]
        self.fit = fit
        self.background = background
        outer_span = fit.span(outer)
        inner_span = fit.span(inner)
        self.scaled_size = outer_span.size
        self.source_area = inner_span.move(-outer_span.left, -outer_span.top)
        self.dest = (inner_span.left - fit.crop[0], inner_span.top - fit.crop[1])
        self._cache: dict[tuple[int, ...], pygame.Surface] = {}

    def draw(self, target: pygame.Surface, time_ms: int) -> None:
        state = tuple(op.frame_at(time_ms) for op in self.moving)
        picture = self._cache.get(state)
        if picture is None:
            if len(self._cache) >= _REGION_STATES:  # animations that never line up again
                self._cache.clear()
            picture = self._cache[state] = self._composite(time_ms)
        target.blit(picture, self.dest, self.source_area)

    def _composite(self, time_ms: int) -> pygame.Surface:
        layer = pygame.Surface(self.outer.size, pygame.SRCALPHA)
        layer.fill(self.background if self.background is not None else (0, 0, 0, 0))
        for op in self.ops:
            image, x, y = op.frames[op.frame_at(time_ms)]
            layer.blit(image, (x - self.outer.left, y - self.outer.top))
        flat = _flatten(layer)
        if self.fit.scaled:
            flat = pygame.transform.smoothscale(flat, self.scaled_size)
        return flat
