"""When each sprite (and each layer's camera, and the scene image) on the shown stage
started its motion: SpriteTimes, on the screen's clock. A sprite's transforms run on the
time since it was shown, reset when it is shown anew or at new transforms; a change of
attributes alone keeps its time, as in Ren'Py. A sprite given new transforms while shown
moves on from where it stood (ATL's "replace")."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from engine.atl.placement import Placement

from .camera import MASTER, camera_sprites, is_camera
from .scene_motion import scene_sprite


def sprite_key(sprite: dict[str, Any]) -> str:
    """The name a sprite is known by on stage (`show x as y`: y), with its layer when it
    is not master (a tag is unique per layer)."""
    name = str(sprite.get("as") or sprite["tag"])
    layer = sprite.get("layer")
    return name if not layer or layer == MASTER else f"{name}\0{layer}"


def _signature(sprite: dict[str, Any]) -> str:
    # A camera statement starts its motion anew even with the same transforms (its seed
    # is the statement's); a sprite re-shown at the same ones keeps its time.
    seed = sprite.get("seed") if is_camera(sprite) else None
    return json.dumps([sprite.get("transforms"), sprite.get("atl"), sprite.get("at"), seed],
                      sort_keys=True, default=str)


def timed(stage: dict[str, Any]) -> list[dict[str, Any]]:
    """What SpriteTimes keeps a clock for: the sprites, each layer's camera, and the
    scene image when it has transforms of its own."""
    sprites = stage.get("sprites", [])
    scene = scene_sprite(stage)
    if not stage.get("camera") and scene is None:
        return sprites
    return [*sprites, *camera_sprites(stage), *([scene] if scene is not None else [])]


Placer = Callable[[dict[str, Any], float, str, "Placement | None"], Placement]


class SpriteTimes:
    """When each sprite on the shown stage was shown, on the screen's clock, and, for a
    sprite given new transforms while shown, where it stood then: it moves on from there
    (ATL's "replace"), not from the default position."""

    def __init__(self) -> None:
        self.starts: dict[str, float] = {}
        self._signs: dict[str, str] = {}
        self._sprites: dict[str, dict[str, Any]] = {}
        self.froms: dict[str, Placement] = {}

    def sync(self, stage: dict[str, Any], now: float, place: Placer | None = None) -> None:
        """The stage now shown: new sprites, and sprites at new transforms, start now.
        `place(sprite, t, event, start)` gives where a sprite stands (to move on from)."""
        seen = set()
        for sprite in timed(stage):
            key = sprite_key(sprite)
            seen.add(key)
            sign = _signature(sprite)
            if self._signs.get(key) != sign or key not in self.starts:
                old = self._sprites.get(key)
                if old is not None and place is not None and key in self.starts:
                    self.froms[key] = place(old, now - self.starts[key], self.event(old),
                                            self.froms.get(key))
                else:
                    self.froms.pop(key, None)
                self._signs[key] = sign
                self.starts[key] = now
            self._sprites[key] = sprite
        for key in list(self.starts):
            if key not in seen:
                del self.starts[key]
                for table in (self._signs, self._sprites, self.froms):
                    table.pop(key, None)

    def restart(self, stage: dict[str, Any], now: float,
                settle: Callable[[dict[str, Any]], float | None] | None = None) -> None:
        """Every sprite starts over (a load or a rollback shows the stage afresh). With
        `settle` (a sprite's motion's length, None when it repeats for ever), a finite
        motion shows where it ends rather than playing again."""
        for table in (self.starts, self._signs, self._sprites, self.froms):
            table.clear()
        self.sync(stage, now)
        if settle is not None:
            for sprite in timed(stage):
                length = settle(sprite)
                if length is not None:
                    self.starts[sprite_key(sprite)] = now - length

    def shift(self, by: float) -> None:
        """Every start time `by` seconds later (times made at 0 moved to now)."""
        self.starts = {k: v + by for k, v in self.starts.items()}

    def copy(self) -> SpriteTimes:
        other = SpriteTimes()
        other.starts = dict(self.starts)
        other._signs = dict(self._signs)
        other._sprites = dict(self._sprites)
        other.froms = dict(self.froms)
        return other

    def t(self, sprite: dict[str, Any], now: float) -> float:
        return max(0.0, now - self.starts.get(sprite_key(sprite), now))

    def event(self, sprite: dict[str, Any]) -> str:
        return "replace" if sprite_key(sprite) in self.froms else "show"

    def start(self, sprite: dict[str, Any]) -> Placement | None:
        return self.froms.get(sprite_key(sprite))


def clock(times: SpriteTimes | None, sprite: dict[str, Any], now: float
          ) -> tuple[float, str | None, Placement | None]:
    """A sprite's seconds into its motion, how it began and where from (no times: 0)."""
    if times is None:
        return 0.0, None, None
    return times.t(sprite, now), times.event(sprite), times.start(sprite)
