"""A Tiled map's structure, read once from its XML, with no pygame: the layer tree (names,
which layers show for a scene's attribute words, what each inherits from its groups),
tilesets, object templates and the stage marks sprites stand on.

The background renderer (engine/present/tiled.py) draws from it and lint checks scenes
against it, so a layer or mark lint accepts is one the game finds. pytmx is not used for
this: the structure it reports is not trustworthy (see DESIGN.md and the renderer).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from engine import safefs

LAYER_TAGS = ("layer", "objectgroup", "imagelayer", "group")
STAGE = "stage"  # the object layer whose objects are stage marks, never drawn
RENDER_ORDERS = ("right-down", "right-up", "left-down", "left-up")

FLIP_H = 0x80000000
FLIP_V = 0x40000000
FLIP_D = 0x20000000
_ROT_120 = 0x10000000  # hexagonal only; masked out so the tile id stays right
_GID_MASK = ~(FLIP_H | FLIP_V | FLIP_D | _ROT_120) & 0xFFFFFFFF

# Where an object's (x, y) sits on its box, as fractions of (width, height).
ALIGNMENT = {
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
DEFAULT_ALIGNMENT = (0.0, 1.0)  # orthogonal maps: bottom-left

Flags = tuple[bool, bool, bool]  # horizontal, vertical, diagonal
RGBA = tuple[int, int, int, int]
Light = tuple[float, float, float]  # multiplies a sprite's red, green and blue

# The light a scene's sprites stand in: a custom property of the map, or of a layer or
# group (the topmost shown one that has it wins), written "#RRGGBB", or as Tiled's colour
# type "#AARRGGBB" (the alpha says how strongly: 00 none, ff all of it).
SPRITE_TINT = "sprite_tint"


def number(elem: ET.Element, name: str, default: float = 0.0) -> float:
    value = elem.get(name)
    return float(value) if value not in (None, "") else default


def visible(elem: ET.Element) -> bool:
    return elem.get("visible", "1") not in ("0", "false")


def decode_gid(raw: int) -> tuple[int, Flags]:
    """A stored gid → the tile's gid and its flip flags."""
    return raw & _GID_MASK, (bool(raw & FLIP_H), bool(raw & FLIP_V), bool(raw & FLIP_D))


def tiled_color(text: str | None) -> RGBA | None:
    """Tiled colours are #RRGGBB or #AARRGGBB."""
    if not text:
        return None
    digits = text.lstrip("#")
    if len(digits) == 6:
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), 255
    if len(digits) == 8:
        a, r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4, 6))
        return r, g, b, a
    raise ValueError(f"bad Tiled colour {text!r}")


def multiply(a: RGBA | None, b: RGBA | None) -> RGBA | None:
    """Two tints one over the other (a group's and its layer's)."""
    if a is None:
        return b
    if b is None:
        return a
    return tuple(round(x * y / 255) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def properties(elem: ET.Element) -> dict[str, str]:
    """An element's own custom properties (Tiled's <properties>), names to values."""
    props = elem.find("properties")
    if props is None:
        return {}
    return {p.get("name", ""): p.get("value", p.text or "") for p in props.findall("property")}


def light(text: str) -> Light:
    """A sprite_tint value as multipliers of red, green and blue (ValueError if bad)."""
    color = tiled_color(text.strip())
    if color is None:
        raise ValueError("empty colour")
    r, g, b, a = color
    k = a / 255
    return (1 - k + k * r / 255, 1 - k + k * g / 255, 1 - k + k * b / 255)


@dataclass(frozen=True)
class LayerStyle:
    """What a layer inherits from its groups."""

    opacity: float = 1.0
    offset: tuple[float, float] = (0.0, 0.0)
    tint: RGBA | None = None

    def child(self, elem: ET.Element) -> LayerStyle:
        return LayerStyle(
            self.opacity * number(elem, "opacity", 1.0),
            (self.offset[0] + number(elem, "offsetx"), self.offset[1] + number(elem, "offsety")),
            multiply(self.tint, tiled_color(elem.get("tintcolor"))),
        )


@dataclass(frozen=True)
class PlacedLayer:
    """A layer (not a group) in document order: whether it shows, and its inherited style."""

    elem: ET.Element
    on: bool
    style: LayerStyle

    @property
    def is_stage(self) -> bool:
        return self.elem.tag == "objectgroup" and self.elem.get("name") == STAGE


@dataclass(frozen=True)
class TilesetRef:
    """A tileset as the map (or a template) refers to it: the first gid it numbers from, its
    XML (the .tsx file's root when external) and the folder its images are relative to."""

    firstgid: int
    elem: ET.Element
    base_dir: Path
    source: Path | None = None  # the .tsx file, None when embedded in the map

    @property
    def alignment(self) -> str:
        return self.elem.get("objectalignment", "unspecified")


def find_tileset(refs: Sequence[TilesetRef], gid: int) -> tuple[TilesetRef, int] | None:
    """The tileset a gid belongs to, and the tile's local id in it."""
    found = None
    for ref in refs:  # sorted by firstgid: the last that starts at or below gid
        if ref.firstgid <= gid:
            found = (ref, gid - ref.firstgid)
    return found


@dataclass(frozen=True)
class Template:
    """An object template (.tx): its object and the tilesets its gid counts in."""

    path: Path
    obj: ET.Element
    tilesets: tuple[TilesetRef, ...]


class MapStructure:
    """One .tmx file's structure. Tilesets and templates are read when first asked for, so
    a map whose tileset file is missing still reports its layer names."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.assets = safefs.assets_root(self.path)
        self.root = ET.parse(self.path).getroot()
        self._tsx: dict[Path, ET.Element] = {}
        self._templates: dict[Path, Template] = {}

    # -- the map element

    @property
    def tile_size(self) -> tuple[int, int]:
        return int(self.root.get("tilewidth", "0")), int(self.root.get("tileheight", "0"))

    @property
    def pixel_size(self) -> tuple[int, int]:
        tw, th = self.tile_size
        return int(self.root.get("width", "0")) * tw, int(self.root.get("height", "0")) * th

    @property
    def render_order(self) -> str:
        return self.root.get("renderorder", "right-down")

    @property
    def background(self) -> RGBA | None:
        return tiled_color(self.root.get("backgroundcolor"))

    def unsupported(self) -> str | None:
        """Why the renderer cannot draw this map, or None when it can."""
        name = self.path.name
        orientation = self.root.get("orientation", "orthogonal")
        if orientation != "orthogonal":
            return (f"{name}: {orientation} maps are not supported; "
                    "backgrounds must be orthogonal Tiled maps")
        if self.root.get("infinite", "0") == "1":
            return (f"{name}: infinite maps are not supported (pytmx cannot read chunks); "
                    "untick 'Infinite' in Tiled's map properties")
        if self.render_order not in RENDER_ORDERS:
            return f"{name}: unknown render order {self.render_order!r}"
        if self.pixel_size[0] <= 0 or self.pixel_size[1] <= 0:
            return f"{name}: map has no size"
        return None

    # -- layers

    @cached_property
    def layer_names(self) -> frozenset[str]:
        """Every named layer and group: the words a scene may use to switch one on."""
        return frozenset(elem.get("name", "") for elem in self.root.iter()
                         if elem.tag in LAYER_TAGS and elem.get("name"))

    def layers(self, forced: frozenset[str] | set[str] = frozenset()) -> Iterator[PlacedLayer]:
        """Every layer below the groups, in document order (the order Tiled draws in). A
        layer named in `forced` shows even if it or its group is hidden in the file;
        otherwise it shows only if it and every group above it are visible."""
        yield from self._walk(self.root, True, LayerStyle(), forced)

    def sprite_tint(self, forced: frozenset[str] | set[str] = frozenset()) -> Light | None:
        """The light on sprites over this map with the layers in `forced` switched on:
        the sprite_tint of the last shown layer or group that declares one (Tiled draws
        it topmost), else the map's own, else None. A bad value raises ValueError."""
        found = properties(self.root).get(SPRITE_TINT)
        stack = [(self.root, True)]
        order: list[tuple[ET.Element, bool]] = []
        while stack:  # document order, groups before their children
            parent, parent_on = stack.pop()
            kids = [e for e in parent if e.tag in LAYER_TAGS]
            for elem in reversed(kids):
                on = elem.get("name") in forced or (parent_on and visible(elem))
                stack.append((elem, on))
            if parent is not self.root:
                order.append((parent, parent_on))
        for elem, on in order:
            value = properties(elem).get(SPRITE_TINT)
            if on and value is not None:
                found = value
        return None if found is None else light(found)

    def _walk(self, parent: ET.Element, parent_on: bool, style: LayerStyle,
              forced: frozenset[str] | set[str]) -> Iterator[PlacedLayer]:
        for elem in parent:
            if elem.tag not in LAYER_TAGS:
                continue
            on = elem.get("name") in forced or (parent_on and visible(elem))
            own = style.child(elem)
            if elem.tag == "group":
                yield from self._walk(elem, on, own, forced)
            else:
                yield PlacedLayer(elem, on, own)

    # -- tilesets and templates

    @cached_property
    def tilesets(self) -> tuple[TilesetRef, ...]:
        return self._tileset_refs(self.root, self.path.parent)

    def _tileset_refs(self, root: ET.Element, base_dir: Path) -> tuple[TilesetRef, ...]:
        refs = []
        for elem in root.findall("tileset"):
            firstgid = int(elem.get("firstgid", "1"))
            source = elem.get("source")
            if source:
                tsx = (base_dir / source).resolve()
                safefs.check_named(tsx, [self.assets])  # a map names files below assets/
                if tsx not in self._tsx:
                    self._tsx[tsx] = ET.parse(tsx).getroot()
                refs.append(TilesetRef(firstgid, self._tsx[tsx], tsx.parent, tsx))
            else:
                refs.append(TilesetRef(firstgid, elem, base_dir))
        return tuple(sorted(refs, key=lambda ref: ref.firstgid))

    def template(self, source: str) -> Template:
        """A template, by the path an object names it with (relative to the map)."""
        tx = (self.path.parent / source).resolve()
        safefs.check_named(tx, [self.assets])
        if tx not in self._templates:
            root = ET.parse(tx).getroot()
            base = root.find("object")
            if base is None:
                raise ValueError(f"{tx}: template has no object")
            self._templates[tx] = Template(tx, base, self._tileset_refs(root, tx.parent))
        return self._templates[tx]

    def resolve(self, obj: ET.Element) -> tuple[ET.Element, Template | None]:
        """An object as Tiled sees it: a template's attributes, then the object's own (its
        shape, if it has one, else the template's). The template is returned when the
        object's gid counts in the template's tilesets rather than the map's."""
        source = obj.get("template")
        if not source:
            return obj, None
        template = self.template(source)
        merged = ET.Element("object", dict(template.obj.attrib))
        merged.attrib.update(obj.attrib)
        merged.extend(list(obj) or list(template.obj))
        # The map's own gid counts in the map's tilesets.
        return merged, None if "gid" in obj.attrib else template

    def tilesets_for(self, template: Template | None) -> tuple[TilesetRef, ...]:
        return self.tilesets if template is None else template.tilesets

    # -- stage marks

    @cached_property
    def stage_marks(self) -> dict[str, tuple[float, float]]:
        """Where each named object of the first 'stage' layer puts a sprite's feet, in map
        pixels: a point where it is, a box's bottom centre, a tile object's bottom centre."""
        for placed in self.layers():
            if placed.is_stage:
                marks = self._marks(placed)
                if marks:
                    return marks
        return {}

    def _marks(self, placed: PlacedLayer) -> dict[str, tuple[float, float]]:
        marks = {}
        for raw in placed.elem.findall("object"):
            obj, template = self.resolve(raw)
            name = obj.get("name")
            if not name:
                continue
            x = number(obj, "x") + placed.style.offset[0]
            y = number(obj, "y") + placed.style.offset[1]
            width, height = number(obj, "width"), number(obj, "height")
            is_shape = all(obj.find(kind) is None for kind in ("point", "polygon", "polyline"))
            if obj.get("gid"):
                found = find_tileset(self.tilesets_for(template),
                                     decode_gid(int(obj.get("gid", "0")))[0])
                alignment = found[0].alignment if found else "unspecified"
                ax, ay = ALIGNMENT.get(alignment, DEFAULT_ALIGNMENT)
                marks[name] = (x - ax * width + width / 2, y - ay * height + height)
            elif is_shape and (width or height):
                marks[name] = (x + width / 2, y + height)
            else:
                marks[name] = (x, y)
        return marks
