"""Composing the stage: the background, kept as one cached surface, and the sprites drawn
over it by their Placements.

A stage whose sprites all stand still (their transforms finished) is composed once and
cached whole, as before. While a sprite moves, each frame blits the cached background
into a work surface and draws the sprites over it: no rescaling unless a zoom changes
(sprites.py keeps the transformed pictures).

A sprite's transforms run on the time since it was shown: SpriteTimes (sprite_times.py)
keeps when each sprite on the shown stage appeared. The scene image's own transforms
(scene_motion.py) draw the background through its Placement: a still one composed once.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from engine.atl.placement import DEFAULT, Placement

from . import particles
from .camera import (
    MASTER,
    camera_placement,
    camera_sprites,
    draw_layer,
    is_camera,
    is_identity,
    layer_of,
    layer_order,
    layered,
)
from .particles import Particles
from .placing import stage_placement
from .scene_motion import is_scene, leaves_in_place, scene_placement, scene_sprite
from .sprite_times import Placer, SpriteTimes, clock, sprite_key
from .sprites import Picture, SpriteArt

if TYPE_CHECKING:
    from .picture import Viewport
    from .tiled import Background


@dataclass
class Placed:
    """A sprite as drawn this frame."""

    key: str
    sprite: dict[str, Any]
    pic: Picture
    p: Placement
    finished: bool
    prev: Picture | None = None  # the picture an ATL `with` cross-fades from
    t: float = 0.0  # seconds since the sprite was shown (a particle picture's clock)


def scene_key(stage: dict[str, Any]) -> str:
    """The scene a stage draws, as a cache key: its image's name and, for a ConditionSwitch
    background, the branch the story chose (stage["scene_conds"])."""
    conds = stage.get("scene_conds")
    return json.dumps(stage.get("scene") if conds is None else [stage.get("scene"), conds])


def draw_order(sprites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Zorder, then the order of showing (sorted() keeps equal zorders in order)."""
    return sorted(sprites, key=lambda s: s.get("zorder") or 0)


class Composer:
    """The composing half of StageView (picture.py gives the pieces)."""

    art: SpriteArt
    transforms: Any

    def background(self, words: list[str] | None, vp: Viewport,
                   conds: list[int] | None = None) -> tuple[Any, dict]: ...
    def picture(self, sprite: dict[str, Any], vp: Viewport) -> Picture: ...
    def child_picture(self, value: str, sprite: dict[str, Any], vp: Viewport
                      ) -> Picture: ...
    def animates(self, sprite: dict[str, Any]) -> bool: ...

    def __init__(self) -> None:
        self._lights: dict[str, tuple[float, float, float] | None] = {}
        self._scenes: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._moved: OrderedDict[tuple, pygame.Surface] = OrderedDict()  # still, transformed
        self._composites: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._work: dict[str, pygame.Surface] = {}

    def clear(self) -> None:
        self._lights.clear()
        self._scenes.clear()
        self._moved.clear()
        self._composites.clear()
        self._work.clear()

    # --- pieces ------------------------------------------------------------------------

    def stage_background(self, stage: dict[str, Any], vp: Viewport) -> tuple[Any, dict]:
        """The stage's background and its marks, a ConditionSwitch's by its chosen branch."""
        return self.background(stage.get("scene"), vp, stage.get("scene_conds"))

    def scene(self, stage: dict[str, Any], vp: Viewport
              ) -> tuple[pygame.Surface | Background, dict[str, tuple[float, float]]]:
        """The background as an opaque surface of the canvas's window size (cached), or
        the animated Background to draw each frame; and its stage marks."""
        bg, marks = self.stage_background(stage, vp)
        if getattr(bg, "animated", False):
            return bg, marks
        key = (scene_key(stage), vp.size)
        surf = self._scenes.get(key)
        if surf is None:
            surf = pygame.Surface(vp.size).convert()
            surf.fill((0, 0, 0))
            surf.blit(bg if isinstance(bg, pygame.Surface) else bg.surface, (0, 0))
            self._scenes[key] = surf
            while len(self._scenes) > 2:
                self._scenes.popitem(last=False)
        else:
            self._scenes.move_to_end(key)
        return surf, marks

    def light(self, stage: dict[str, Any], vp: Viewport) -> tuple[float, float, float] | None:
        """The scene's light on its sprites (a map's sprite_tint), None for none."""
        key = scene_key(stage)
        if key not in self._lights:
            bg, _ = self.stage_background(stage, vp)
            self._lights[key] = getattr(bg, "sprite_tint", None)
        return self._lights[key]

    def scene_motion(self, stage: dict[str, Any], now: float, times: SpriteTimes | None
                     ) -> tuple[Placement, bool] | None:
        """The scene image's own Placement now and whether it has stopped; None when it
        has no transforms, or they left it where a plain scene is drawn."""
        sprite = scene_sprite(stage)
        if sprite is None:
            return None
        t, how, start = clock(times, sprite, now)
        p, done = scene_placement(sprite, self.transforms, t, how, start)
        return None if leaves_in_place(p, done) else (p, done)

    def scene_moves(self, stage: dict[str, Any], now: float, times: SpriteTimes | None
                    ) -> bool:
        motion = self.scene_motion(stage, now, times)
        return motion is not None and not motion[1]

    def paint_scene(self, target: pygame.Surface, stage: dict[str, Any], vp: Viewport,
                    time_ms: int = 0, origin: tuple[int, int] = (0, 0), now: float = 0.0,
                    times: SpriteTimes | None = None) -> dict:
        bg, marks = self.scene(stage, vp)
        motion = self.scene_motion(stage, now, times)
        if motion is not None:
            self.paint_moved(target, stage, bg, motion, vp, time_ms, origin)
        elif isinstance(bg, pygame.Surface):
            target.blit(bg, origin)
        elif origin == (0, 0):
            bg.draw(target, time_ms)
        else:
            work = self.work("scene", vp.size)
            bg.draw(work, time_ms)
            target.blit(work, origin)
        return marks

    def paint_moved(self, target: pygame.Surface, stage: dict[str, Any],
                    bg: pygame.Surface | Background, motion: tuple[Placement, bool],
                    vp: Viewport, time_ms: int, origin: tuple[int, int]) -> None:
        """The background through its own transform: a still one rescaled once and kept,
        a moving one (or an animated map) rescaled each frame."""
        p, done = motion
        if isinstance(bg, pygame.Surface) and done:
            key = (scene_key(stage), vp.size, p)
            surf = self._moved.get(key)
            if surf is None:
                surf = pygame.Surface(vp.size).convert()
                draw_layer(surf, bg, p, vp.scale)
                self._moved[key] = surf
                while len(self._moved) > 2:
                    self._moved.popitem(last=False)
            else:
                self._moved.move_to_end(key)
            target.blit(surf, origin)
            return
        if not isinstance(bg, pygame.Surface):
            work = self.work("scene", vp.size)
            bg.draw(work, time_ms)
            bg = work
        draw_layer(target, bg, p, vp.scale, origin)

    def placements(self, stage: dict[str, Any], vp: Viewport, now: float = 0.0,
                   times: SpriteTimes | None = None, marks: dict | None = None,
                   event: str | None = None) -> list[Placed]:
        if marks is None:
            marks = self.stage_background(stage, vp)[1]
        out = []
        lit = self.light(stage, vp)
        for sprite in draw_order(stage.get("sprites", [])):
            t = times.t(sprite, now) if times is not None else 0.0
            start = times.start(sprite) if times is not None else None
            how = event or (times.event(sprite) if times is not None else None)
            p, finished = stage_placement(sprite, self.transforms, t, marks, how, start)
            if lit is not None:  # lit by the scene: its light times the transform's tint
                p = p.but(tint=tuple(a * b for a, b in zip(p.tint, lit, strict=True)))
            pic, prev = self.pictures_of(sprite, p, vp)
            if isinstance(pic, Particles):
                finished = False  # the snow falls as long as it is shown
            out.append(Placed(sprite_key(sprite), sprite, pic, p, finished, prev, t))
        return out

    def pictures_of(self, sprite: dict[str, Any], p: Placement, vp: Viewport
                    ) -> tuple[Picture, Picture | None]:
        """The picture to draw by `p` (the one its ATL set, else the sprite's own), and
        the one a cross-fade comes from, while it runs."""
        pic = self.picture(sprite, vp) if p.child is None \
            else self.child_picture(p.child, sprite, vp)
        if p.child_prev is None or p.child_mix >= 1.0:
            return pic, None
        return pic, self.child_picture(p.child_prev, sprite, vp)

    def moving(self, stage: dict[str, Any], vp: Viewport, now: float,
               times: SpriteTimes | None) -> bool:
        """Some sprite's transforms still change it: draw the stage every frame."""
        return self.look(stage, now, times) is not None

    def look(self, stage: dict[str, Any], now: float, times: SpriteTimes | None
             ) -> tuple | None:
        """None while nothing on the stage moves; else where everything stands now, so
        that a frame equal to the last one drawn (a frame animation holding a picture
        through its pause) need not be drawn again."""
        look: list[Any] = []
        moving = False
        for sprite in stage.get("sprites", []):
            if self.animates(sprite):
                return (now,)  # falling snow: a new picture every frame
            t, how, start = clock(times, sprite, now)
            p, done = stage_placement(sprite, self.transforms, t, {}, how, start)
            moving, look = moving or not done, [*look, p]
        motion = self.scene_motion(stage, now, times)
        for p, done in [*([motion] if motion else []), *self.cameras(stage, now,
                                                                     times).values()]:
            moving, look = moving or not done, [*look, p]
        return tuple(look) if moving else None

    def cameras(self, stage: dict[str, Any], now: float, times: SpriteTimes | None
                ) -> dict[str, tuple[Placement, bool]]:
        """Each layer's camera now: its Placement and whether it has stopped ({}: none)."""
        out = {}
        for cam in camera_sprites(stage):
            t, how, start = clock(times, cam, now)
            out[cam["camera"]] = camera_placement(cam, self.transforms, t, how, start)
        return out

    def draw_layers(self, target: pygame.Surface, stage: dict[str, Any], vp: Viewport,
                    placed: list[Placed], cameras: dict[str, tuple[Placement, bool]],
                    time_ms: int = 0, origin: tuple[int, int] = (0, 0), now: float = 0.0,
                    times: SpriteTimes | None = None) -> None:
        """The layers bottom to top, each through its camera: a layer with none (or an
        identity one) is drawn straight onto the target, the others composed first."""
        for layer in layer_order(stage):
            mine = [x for x in placed if layer_of(x.sprite) == layer]
            cam = cameras.get(layer)
            if cam is None or is_identity(cam[0]):
                if layer == MASTER:
                    self.paint_scene(target, stage, vp, time_ms, origin, now, times)
                self.draw_placed(target, mine, vp, origin)
                continue
            surf = self.work(f"layer {layer}", vp.size, alpha=layer != MASTER)
            if layer == MASTER:
                self.paint_scene(surf, stage, vp, time_ms, (0, 0), now, times)
            else:
                surf.fill((0, 0, 0, 0))
            self.draw_placed(surf, mine, vp)
            draw_layer(target, surf, cam[0], vp.scale, origin, opaque=layer == MASTER)

    def placer(self, stage: dict[str, Any], vp: Viewport) -> Placer:
        """Where a sprite of `stage` stands `t` seconds into its motion (SpriteTimes.sync
        asks, to start a replacing motion from there)."""
        marks = self.stage_background(stage, vp)[1]

        def place(sprite: dict[str, Any], t: float, event: str,
                  start: Placement | None) -> Placement:
            if is_camera(sprite):
                return camera_placement(sprite, self.transforms, t, event, start)[0]
            if is_scene(sprite):
                return scene_placement(sprite, self.transforms, t, event, start)[0]
            return stage_placement(sprite, self.transforms, t, marks, event, start)[0]
        return place

    def draw_placed(self, target: pygame.Surface, placed: list[Placed], vp: Viewport,
                    origin: tuple[int, int] = (0, 0), alpha: float = 1.0) -> None:
        for item in placed:
            if isinstance(item.pic, Particles):
                particles.draw(target, self.art, item.pic.spec, item.pic.piece, item.p,
                               int(item.sprite.get("seed") or 0), item.t, vp.scale, origin,
                               alpha)
            elif item.prev is not None:
                self.art.draw_mix(target, item.prev, item.pic, item.p, vp.scale, origin,
                                  alpha)
            else:
                self.art.draw(target, item.pic, item.p, vp.scale, origin, alpha)

    def work(self, slot: str, size: tuple[int, int], alpha: bool = False) -> pygame.Surface:
        """A reused surface for frames that change every time (one per slot); `alpha`:
        with transparency, for a layer above master."""
        surf = self._work.get(slot)
        if surf is None or surf.get_size() != size:
            surf = pygame.Surface(size, pygame.SRCALPHA).convert_alpha() if alpha \
                else pygame.Surface(size).convert()
            self._work[slot] = surf
        return surf

    # --- whole picture -----------------------------------------------------------------

    def draw_stage(self, target: pygame.Surface, pos: tuple[int, int], stage: dict[str, Any],
                   vp: Viewport, time_ms: int = 0, now: float = 0.0,
                   times: SpriteTimes | None = None) -> None:
        """The stage onto `target` with the canvas at `pos`: the cached picture while
        nothing moves, else the background and the sprites straight onto the target."""
        bg, marks = self.scene(stage, vp)
        placed = self.placements(stage, vp, now, times, marks)
        cams = self.cameras(stage, now, times)
        if isinstance(bg, pygame.Surface) and all(x.finished for x in placed) \
                and all(done for _, done in cams.values()) \
                and not self.scene_moves(stage, now, times):
            target.blit(self.compose(stage, vp, time_ms, now, times), pos)
            return
        clip = target.get_clip()
        target.set_clip(pygame.Rect(pos, vp.size).clip(clip))
        try:
            if layered(stage):
                self.draw_layers(target, stage, vp, placed, cams, time_ms, pos, now, times)
            else:
                self.paint_scene(target, stage, vp, time_ms, pos, now, times)
                self.draw_placed(target, placed, vp, pos)
        finally:
            target.set_clip(clip)

    def split(self, old: dict[str, Any], new: dict[str, Any], vp: Viewport, now: float,
              old_times: SpriteTimes | None, new_times: SpriteTimes | None
              ) -> tuple[list[Placed], list[Placed], list[Placed]] | None:
        """For two stages on the same still background: the sprites both draw alike
        first (in drawing order), then the rest of each. None when the backgrounds differ
        or move: the two pictures differ everywhere."""
        if scene_key(old) != scene_key(new) or layered(old) or layered(new) \
                or old.get("scene_at") != new.get("scene_at"):
            return None  # (a camera moves the background too)
        bg, marks = self.scene(new, vp)
        if not isinstance(bg, pygame.Surface) or self.scene_moves(new, now, new_times):
            return None
        a = self.placements(old, vp, now, old_times, marks)
        b = self.placements(new, vp, now, new_times, marks)
        n = 0
        while n < min(len(a), len(b)) and a[n].key == b[n].key \
                and a[n].pic.key == b[n].pic.key and a[n].p == b[n].p:
            n += 1
        return b[:n], a[n:], b[n:]

    def apart(self, placed: list[Placed], vp: Viewport) -> bool:
        """No two of these sprites overlap."""
        rects = [self.art.rect(x.pic, x.p, vp.scale) for x in placed]
        return all(r.collidelist(rects[i + 1:]) < 0 for i, r in enumerate(rects))

    def rects(self, placed: list[Placed], vp: Viewport) -> pygame.Rect | None:
        """The canvas's window pixels these sprites cover (None: none)."""
        rects = [self.art.rect(x.pic, x.p, vp.scale) for x in placed]
        rects = [r for r in rects if r.width and r.height]
        if not rects:
            return None
        box = rects[0].unionall(rects[1:]).clip(pygame.Rect((0, 0), vp.size))
        return box if box.width and box.height else None

    def compose(self, stage: dict[str, Any], vp: Viewport, time_ms: int = 0,
                now: float = 0.0, times: SpriteTimes | None = None, slot: str = "stage"
                ) -> pygame.Surface:
        """The stage as one opaque surface of the canvas's window size: cached while
        nothing on it moves, else drawn into the work surface `slot` (valid until the
        next compose into the same slot)."""
        bg, marks = self.scene(stage, vp)
        placed = self.placements(stage, vp, now, times, marks)
        cams = self.cameras(stage, now, times)
        motion = self.scene_motion(stage, now, times)
        still = isinstance(bg, pygame.Surface) and all(x.finished for x in placed) \
            and all(done for _, done in cams.values()) and (motion is None or motion[1])
        key: tuple | None = None
        if still:
            key = (json.dumps([stage.get("scene"), stage.get("sprites"), stage.get("camera"),
                               stage.get("scene_at"), stage.get("scene_conds")],
                              sort_keys=True, default=str), vp.size,
                   tuple(x.p for x in placed), tuple(sorted((k, p) for k, (p, _) in
                                                           cams.items())),
                   motion[0] if motion else DEFAULT)
            found = self._composites.get(key)
            if found is not None:
                self._composites.move_to_end(key)
                return found
            surf = pygame.Surface(vp.size).convert()
            budget, self.art.budget = self.art.budget, None  # kept: every size exact
        else:
            surf = self.work(slot, vp.size)
        if layered(stage):
            self.draw_layers(surf, stage, vp, placed, cams, time_ms, (0, 0), now, times)
        else:
            self.paint_scene(surf, stage, vp, time_ms, (0, 0), now, times)
            self.draw_placed(surf, placed, vp)
        if key is not None:
            self.art.budget = budget
            self._composites[key] = surf
            while len(self._composites) > 2:
                self._composites.popitem(last=False)
        return surf
