"""The picture behind the dialogue: the viewport, backgrounds and sprites' pictures.

Layout is in canvas coordinates (1280x720, as the art is drawn); a background is scaled
once per window size and cached. Sprites are drawn by Placement (sprites.py), the stage
composed in compose.py, and transitions played in transitions.py.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from engine.layered import layer_files, picture_path, spec_of
from engine.script.text import strip_tags
from engine.stage import (
    SNOW_MARK,
    SpriteSpec,
    colour_of,
    composite_of,
    image_path,
    resolve_background,
    resolve_sprite,
    snow_of,
    text_of,
    usable,
)

from .compose import Composer
from .particles import Particles
from .sprites import Picture, SpriteArt
from .tiled import Background, BackgroundCache

log = logging.getLogger("roadout.picture")
MAX_SHOWN_TEXT = 200  # characters of a `show text` line drawn

CANVAS = (1280, 720)


@dataclass(frozen=True)
class Viewport:
    """Where the 16:9 canvas sits in the window: scale and letterbox offset."""

    window: tuple[int, int]

    @property
    def scale(self) -> float:
        return min(self.window[0] / CANVAS[0], self.window[1] / CANVAS[1])

    @property
    def size(self) -> tuple[int, int]:
        s = self.scale
        return (max(1, round(CANVAS[0] * s)), max(1, round(CANVAS[1] * s)))

    @property
    def offset(self) -> tuple[int, int]:
        w, h = self.size
        return ((self.window[0] - w) // 2, (self.window[1] - h) // 2)

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect(self.offset, self.size)

    def px(self, v: float) -> int:
        return round(v * self.scale)

    def to_window(self, x: float, y: float) -> tuple[int, int]:
        ox, oy = self.offset
        return (ox + round(x * self.scale), oy + round(y * self.scale))

    def to_canvas(self, x: float, y: float) -> tuple[float, float]:
        ox, oy = self.offset
        return ((x - ox) / self.scale, (y - oy) / self.scale)

    def crect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A canvas rectangle in window pixels."""
        x0, y0 = self.to_window(x, y)
        x1, y1 = self.to_window(x + w, y + h)
        return pygame.Rect(x0, y0, x1 - x0, y1 - y0)


def placeholder(size: tuple[int, int], name: str, font: pygame.font.Font) -> pygame.Surface:
    """A visible stand-in for a missing picture: a striped box with its name."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((120, 30, 60, 200))
    w, h = size
    for x in range(-h, w, 24):
        pygame.draw.line(surf, (170, 60, 90, 200), (x, h), (x + h, 0), 6)
    pygame.draw.rect(surf, (255, 220, 120), surf.get_rect(), 4)
    label = font.render(f"missing: {name}", True, (255, 255, 255))
    pad = pygame.Surface((label.get_width() + 16, label.get_height() + 8), pygame.SRCALPHA)
    pad.fill((0, 0, 0, 180))
    pad.blit(label, (8, 4))
    surf.blit(pad, pad.get_rect(center=(w // 2, h // 2)))
    return surf


class StageView(Composer):
    """Turns a stage dict into a surface the size of the scaled canvas (see compose.py)."""

    def __init__(self, game_dir: Path, font_for: Any) -> None:
        self.game_dir = game_dir
        self.font_for = font_for  # px -> pygame Font, for placeholder labels
        self.backgrounds = BackgroundCache(capacity=2)
        self._pictures: OrderedDict[tuple, Picture] = OrderedDict()
        self._specs: dict[tuple, SpriteSpec] = {}
        self.art = SpriteArt()
        self.transforms: Any = {}  # the program's transform definitions, for ATL
        Composer.__init__(self)
        self.warned: set[str] = set()
        self.missing: list[str] = []  # names of pictures drawn as placeholders
        self.images: dict[str, str] = {}
        self.layered: dict[str, dict] = {}  # layeredimage specs by tag
        self._composite_bgs: dict[tuple, pygame.Surface] = {}
        self._inline: dict[str, pygame.Surface | None] = {}

    def use_images(self, images: dict[str, str], layered: dict[str, dict],
                   fonts: Any = None) -> None:
        """The story's image definitions: files and colours, and layered images; `fonts`
        (richtext.Fonts) then draws a text's {image=…} from them."""
        self.images = dict(images)
        self.layered = dict(layered)
        self._inline.clear()
        if fonts is not None:
            fonts.use_pictures(self.inline_picture)

    def warn(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            log.warning("%s", message)

    def clear(self) -> None:
        self.backgrounds.clear()
        self._pictures.clear()
        self._specs.clear()
        self.art.clear()
        self._composite_bgs.clear()
        self._inline.clear()
        Composer.clear(self)

    # --- pieces ------------------------------------------------------------------------

    def background(self, words: list[str] | None, vp: Viewport,
                   conds: list[int] | None = None
                   ) -> tuple[Background | pygame.Surface, dict[str, tuple[float, float]]]:
        """The scene `words` names fitted to the window, and its stage marks; `conds`
        chooses a ConditionSwitch background's picture (stage["scene_conds"])."""
        size = vp.size
        if words and (spec := self.layered.get(" ".join(words))) is not None:
            return self._cond_background(words, spec, conds, vp)
        if words and (parts := composite_of(self.images, " ".join(words))) is not None:
            key = (" ".join(words), size)
            if (surf := self._composite_bgs.get(key)) is None:
                surf = pygame.transform.smoothscale(self._composite(key[0], parts), size)
                self._composite_bgs = {key: surf}  # one scene at a time
            return surf, {}
        spec = resolve_background(self.game_dir, words, self.images)
        if spec.black or spec.color is not None:
            surf = pygame.Surface(size)
            surf.fill(pygame.Color(spec.color) if spec.color else (0, 0, 0))
            return surf, {}
        if spec.path is None:
            folder = "cg" if words and words[0] == "cg" else "backgrounds"
            return self._broken_bg(spec.name, f"not found in assets/{folder}", vp)
        return self._fitted(spec.name, spec.path, spec.attrs, vp)

    def _cond_background(self, words: list[str], spec: dict, conds: list[int] | None,
                         vp: Viewport) -> tuple[Background | pygame.Surface, dict]:
        """A ConditionSwitch background: its chosen branch's picture (an image's name, or a
        file), black when none holds (Ren'Py's Null) or none is chosen yet."""
        files, name = layer_files(words[0], spec, (), conds), " ".join(words)
        if not files or "." not in files[-1]:  # none, or an image's name: as `scene` draws it
            return self.background(files[-1].split() if files else None, vp)
        path = image_path(self.game_dir, files[-1])
        if not usable(self.game_dir, path):  # lint names why; the screen goes on
            return self._broken_bg(name, f"'{files[-1]}' not found or not usable", vp)
        return self._fitted(name, path, (), vp)

    def _fitted(self, name: str, path: Path, attrs: tuple[str, ...], vp: Viewport
                ) -> tuple[Background | pygame.Surface, dict[str, tuple[float, float]]]:
        """A picture or Tiled map (`attrs`: its layers) fitted to the window, and marks."""
        try:
            bg = self.backgrounds.get(path, attrs, vp.size)
        except KeyError as exc:  # UnknownLayerError: draw without the unknown attributes
            self.warn(f"background '{name}': {exc}; drawn without them")
            known = tuple(getattr(exc, "available", ()))
            attrs = tuple(a for a in attrs if a in known)
            try:
                bg = self.backgrounds.get(path, attrs, vp.size)
            except Exception as exc2:  # noqa: BLE001 - a broken map must not stop the game
                return self._broken_bg(name, f"could not be drawn: {exc2}", vp)
        except Exception as exc:  # noqa: BLE001 - a broken map must not stop the game
            return self._broken_bg(name, f"could not be drawn: {exc}", vp)
        s = vp.scale
        marks = {k: (x / s, y / s) for k, (x, y) in bg.marks.items()}
        return bg, marks

    def _broken_bg(self, name: str, why: str, vp: Viewport) -> tuple[pygame.Surface, dict]:
        self.warn(f"background '{name}' {why}")
        self.missing.append(name)
        return placeholder(vp.size, f"background {name}", self.font_for(vp.px(24))), {}

    def picture(self, sprite: dict[str, Any], vp: Viewport) -> Picture:
        """A sprite's picture at its own resolution (or a placeholder at the window's)."""
        if sprite.get("text") is not None:
            return self._text_picture(sprite["text"], vp)
        if self.layered:
            spec, attrs = spec_of(self.layered, sprite["tag"], sprite["attrs"])
            if spec is not None:
                return self._layered_picture(sprite["tag"], spec, tuple(attrs),
                                             tuple(sprite.get("conds") or ()), vp)
        key = (sprite["tag"], tuple(sprite["attrs"]))
        name = " ".join(key[:1] + key[1])
        if (colour := colour_of(self.images, name)) is not None:
            return self._colour_picture(colour)
        if (text := text_of(self.images, name)) is not None:
            return self._text_picture(text, vp)
        if (parts := composite_of(self.images, name)) is not None:
            return self._composite_picture(name, parts)
        if self.animates(sprite):
            return self._snow_picture(name, sprite, vp)
        spec = self._specs.get(key)
        if spec is None:  # asked each frame while sprites move: look for files once
            spec = self._specs[key] = resolve_sprite(self.game_dir, sprite, self.images)
        return self.picture_of(spec, vp)

    def child_picture(self, value: str, sprite: dict[str, Any], vp: Viewport) -> Picture:
        """The picture an ATL `child` names: "" the sprite's own, "#rrggbb" a colour, a
        file name (with a '.'), else an image name, resolved as a shown image is."""
        if value == "":
            return self.picture(sprite, vp)
        if value.startswith("#"):
            try:
                pygame.Color(value)
            except ValueError:  # not from the parser (an edited save): the sprite's own
                return self.picture(sprite, vp)
            return self._colour_picture(value)
        if "." not in value or value in self.images:
            words = value.split()
            return self.picture({"tag": words[0], "attrs": words[1:]}, vp)
        key = ("file", value)
        spec = self._specs.get(key)
        if spec is None:
            path = image_path(self.game_dir, value)
            spec = self._specs[key] = SpriteSpec(
                sprite["tag"], (), None, path if usable(self.game_dir, path) else None, value)
        return self.picture_of(spec, vp)

    def animates(self, sprite: dict[str, Any]) -> bool:
        """The sprite's picture moves by itself (a SnowBlossom): draw it every frame."""
        value = self.images.get(" ".join([sprite["tag"], *sprite["attrs"]]))
        return value is not None and value.startswith(SNOW_MARK)

    def _snow_picture(self, name: str, sprite: dict[str, Any], vp: Viewport) -> Picture:
        key = ("snow", name, self.images[name])
        found = self._pictures.get(key)
        if found is None:
            spec = snow_of(self.images, name)
            assert spec is not None  # animates() said so
            d = spec["d"]
            if self.images.get(d, "").startswith(SNOW_MARK):  # snow made of snow: refused
                piece = self.picture_of(SpriteSpec(sprite["tag"], (), None, None, d), vp)
            else:
                piece = self.child_picture(d, sprite, vp)
            found = self._kept(Particles(key, spec, piece))
        else:
            self._pictures.move_to_end(key)
        return found

    def _colour_picture(self, colour: str) -> Picture:
        """`show black`: a colour over the whole canvas, as Ren'Py's Solid fills it."""
        key = ("colour", colour)
        found = self._pictures.get(key)
        if found is None:
            # With its own alpha: scaled into the sprite cache's alpha buffers, a surface
            # without one came out transparent (nothing drawn).
            surf = pygame.Surface((8, 8), pygame.SRCALPHA)
            surf.fill(pygame.Color(colour))
            found = self._pictures[key] = Picture(key, surf, (float(CANVAS[0]),
                                                              float(CANVAS[1])))
        return found

    def _text_picture(self, text: str, vp: Viewport) -> Picture:
        """`show text "…"`: the text, white on nothing, as a sprite's picture."""
        key = ("text", text, vp.size)
        found = self._pictures.get(key)
        if found is None:
            # One line, as long as a wide screen holds: a long text must not make a
            # surface wider than pygame allows.
            plain = strip_tags(text).replace("\n", " ")[:MAX_SHOWN_TEXT]
            try:
                surf = self.font_for(vp.px(36)).render(plain, True, (255, 255, 255))
            except pygame.error as exc:
                self.warn(f"show text could not be drawn: {exc}")
                surf = pygame.Surface((1, 1), pygame.SRCALPHA)
            found = self._kept(Picture(key, surf, (surf.get_width() / vp.scale,
                                                   surf.get_height() / vp.scale)))
        return found

    def _layered_picture(self, tag: str, spec: dict, attrs: tuple[str, ...],
                         conds: tuple[int, ...], vp: Viewport) -> Picture:
        """A layeredimage: its chosen layers (`conds`: the branch of each condition group),
        each drawn over the last at (0, 0)."""
        key = ("layered", tag, attrs, conds)
        found = self._pictures.get(key)
        if found is not None:
            return found
        name = " ".join([tag, *attrs])
        surfs = []
        files = layer_files(tag, spec, attrs, conds)
        if not files:  # a ConditionSwitch none of whose conditions holds: Ren'Py's Null
            surfs.append(pygame.Surface((1, 1), pygame.SRCALPHA))
        for file in files:
            surf = self._load(file, f"sprite '{name}': layer '{file}'")
            if surf is not None:
                surfs.append(surf)
        if not surfs:
            return self.picture_of(SpriteSpec(tag, attrs, None, None, name), vp)
        size = (max(s.get_width() for s in surfs), max(s.get_height() for s in surfs))
        canvas = pygame.Surface(size, pygame.SRCALPHA)
        for surf in surfs:
            canvas.blit(surf, (0, 0))
        return self._kept(Picture(key, canvas, (float(size[0]), float(size[1]))))

    def _composite_picture(self, name: str, parts: tuple) -> Picture:
        key = ("composite", name)
        found = self._pictures.get(key)
        if found is not None:
            return found
        size = parts[0]
        canvas = self._composite(name, parts)
        return self._kept(Picture(key, canvas, (float(size[0]), float(size[1]))))

    def _composite(self, name: str, parts: tuple) -> pygame.Surface:
        """`image x = Composite((w, h), (x, y), "a.png", ...)`: each child at its offset
        on a transparent (w, h); a child that cannot be loaded is left out (lint names it)."""
        size, children = parts
        canvas = pygame.Surface(size, pygame.SRCALPHA)
        for x, y, child in children:
            if (surf := self._load(child, f"image '{name}': picture '{child}'")) is not None:
                canvas.blit(surf, (x, y))
        return canvas

    def _load(self, name: str, what: str) -> pygame.Surface | None:
        """The picture `name` (an image's name or a file) loaded, or None with a warning
        that starts with `what`: lint names why, and the screen goes on."""
        path = picture_path(self.game_dir, name, self.images)
        if not usable(self.game_dir, path):
            self.warn(f"{what} not found or not usable")
            return None
        try:
            return pygame.image.load(str(path)).convert_alpha()
        except (pygame.error, OSError) as exc:
            self.warn(f"{what} could not be loaded: {exc}")
            return None

    def _kept(self, pic: Picture) -> Picture:
        """`pic` in the picture cache under its key; the oldest beyond 12 let go."""
        self._pictures[pic.key] = pic
        while len(self._pictures) > 12:
            self._pictures.popitem(last=False)
        return pic

    def picture_of(self, spec: SpriteSpec, vp: Viewport) -> Picture:
        key = (str(spec.path), spec.name) if spec.path is not None \
            else (None, spec.name, vp.size)
        found = self._pictures.get(key)
        if found is not None:
            self._pictures.move_to_end(key)
            return found
        surf = None
        if spec.path is not None:
            try:
                surf = pygame.image.load(str(spec.path)).convert_alpha()
            except (pygame.error, OSError) as exc:
                self.warn(f"sprite '{spec.name}' could not be loaded: {exc}")
                key = (None, spec.name, vp.size)
        else:
            self.warn(f"sprite '{spec.name}' not found in assets/characters")
        if surf is None:
            self.missing.append(spec.name)
            surf = placeholder((vp.px(360), vp.px(560)), spec.name, self.font_for(vp.px(22)))
            pic = Picture(key, surf, (360.0, 560.0))
        else:
            pic = Picture(key, surf, (float(surf.get_width()), float(surf.get_height())))
        return self._kept(pic)

    def inline_picture(self, name: str) -> pygame.Surface | None:
        """The picture of a text's {image=NAME}: an image's name or a file, at its own
        size (None, with a warning, when there is none: lint names it)."""
        if name in self._inline:
            return self._inline[name]
        surf = self._load(name, f"text image '{name}'")
        if len(self._inline) > 32:
            self._inline.clear()
        self._inline[name] = surf
        return surf

    # --- whole picture -----------------------------------------------------------------

    def animated(self, stage: dict[str, Any], vp: Viewport) -> bool:
        bg, _ = self.stage_background(stage, vp)
        return isinstance(bg, Background) and bg.animated
