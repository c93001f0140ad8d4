"""The scene image's own transforms: `scene bg room at slowpan`, `scene bg room:` with an
ATL block (the "Ken Burns" pan over a background).

The story keeps them as stage["scene_at"] ({"transforms", "atl", "seed"}, see
engine/atl/placement.py). They are timed like a sprite's through a stand-in sprite
(scene_sprite), so SpriteTimes starts the motion when the statement runs and a load
settles a finite one at its end. The stand-in's key carries the statement's seed: a new
`scene` statement shows its picture afresh (Ren'Py's scene clears the layer), so its
motion never moves on from where the last scene's stood; a `show bg other` without `at`
keeps the scene's transforms, and so its clock, as Ren'Py keeps a shown tag's transform.

Ren'Py's scene image is a displayable with the default transform, as a sprite's: xpos 0.5
xanchor 0.5 ypos 1.0 yanchor 1.0. The background here is the picture fitted to the screen
(tiled.py), so with no transform it fills the screen exactly; `zoom 1.5` grows it about the
bottom centre and `xalign 1.0` pans a zoomed one to its right edge. It is drawn by
camera.draw_layer, black where it does not reach.
"""

from __future__ import annotations

from typing import Any

from engine.atl.placement import DEFAULT, Placement

from .placing import stage_placement, stand_in

SCENE_KEY = "\0scene "  # a stand-in sprite's key: no tag can start with NUL


def scene_sprite(stage: dict[str, Any]) -> dict[str, Any] | None:
    """The scene image's motion as a stand-in sprite (None: no scene, or no transforms)."""
    motion = stage.get("scene_at")
    if not motion or not stage.get("scene"):
        return None
    return {**stand_in("scene", f"{SCENE_KEY}{motion.get('seed', 0)}", motion),
            "scene_image": True}


def is_scene(sprite: dict[str, Any]) -> bool:
    return bool(sprite.get("scene_image"))


def scene_placement(sprite: dict[str, Any], transforms: Any, t: float,
                    event: str | None = None, start: Placement | None = None
                    ) -> tuple[Placement, bool]:
    """Where the scene image stands `t` seconds in, and whether its motion has stopped.
    A sprite's defaults; no stage marks (those place sprites on the map, not the map)."""
    return stage_placement(sprite, transforms, t, {}, event, start)


def leaves_in_place(p: Placement, done: bool) -> bool:
    """A stopped motion that left the picture where a scene with none is drawn: draw it
    as one (no copy of the screen)."""
    return done and p == DEFAULT
