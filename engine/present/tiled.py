"""Backgrounds: Tiled maps (.tmx) and plain pictures, drawn the way Tiled draws them.

pytmx decodes the tile data, but the structure it reports is not trustworthy (see DESIGN.md):
layers come grouped by type, a hidden group's children look visible, a hidden image layer's
`visible` is the string '0', an image layer's `image` can be a tileset tile (pytmx issue 183),
image-collection tiles ignore their sub-rectangle and their flip bits, and object templates are
not resolved. So the XML is read (engine.mapinfo, which lint shares) for order, nesting,
visibility, objects, templates, tilesets and stage marks, and pytmx is used for what it does
right: decoding the layers' tile data.

This module is the renderer's public face; the work is in engine/present/mapscene.py (a map
as a draw list), tilesets.py (tile pictures) and drawlist.py (fitting and animation).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from engine.mapinfo import Light

from .drawlist import Fit, Region, flatten
from .mapscene import MapScene, UnknownLayerError

__all__ = [
    "Background",
    "BackgroundCache",
    "UnknownLayerError",
    "load_background",
    "render_map",
]

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".webp")

log = logging.getLogger("roadout.picture")


@dataclass
class Background:
    """A background fitted to the canvas, with its stage marks and animated cells."""

    surface: pygame.Surface
    marks: dict[str, tuple[float, float]]
    animated: bool
    _regions: list[Region] = field(default_factory=list, repr=False)
    sprite_tint: Light | None = None  # the map's light on the sprites (mapinfo.SPRITE_TINT)

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
        fit = Fit.cover(picture.get_size(), size)
        return Background(fit.apply(flatten(picture)), {}, False)
    scene = MapScene(path, attrs)
    fit = Fit.cover(scene.pixel_size, size)
    surface = fit.apply(flatten(scene.render(0)))
    marks = {name: fit.point(x, y) for name, (x, y) in scene.marks.items()}
    regions = scene.animated_regions(fit)
    try:
        tint = scene.map.sprite_tint(set(attrs))
    except ValueError as exc:
        log.warning("%s: sprite_tint is not a colour (%s); sprites drawn untinted",
                    path.name, exc)
        tint = None
    return Background(surface, marks, scene.animated, regions, tint)


def render_map(path: Path, attrs: Sequence[str] = ()) -> pygame.Surface:
    """The map at its own pixel size, as Tiled draws it at time 0 (transparent where empty)."""
    path = Path(path)
    _ensure_display()
    if path.suffix.lower() != ".tmx":
        return _load_picture(path, attrs)
    return MapScene(path, attrs).render(0)


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
