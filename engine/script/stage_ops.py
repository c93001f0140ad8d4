"""Changes to the stage's sprite list, each building a new stage (never in place):
show (a new sprite, or new attributes / transforms on one already shown), hide, and a
say's attributes. Sprites are found by their key (their `as` tag, else their image tag);
the list is kept in drawing order: zorder, then the order of showing, `behind` putting a
sprite just behind another.

A sprite is {"tag", "attrs", "at" (first transform's name, for older readers),
"transforms": [{"name", "args"}], "atl": bound ATL | None, "zorder": int, "as": str |
None, "seed": int (for ATL's choice)}, "layer": str when it is not on master (`show
x onlayer overlay`), and "conds": [int] when its picture is chosen by conditions (set by
cond_pictures.py); see engine/atl/placement.py. As in Ren'Py a key is unique per layer:
`show x onlayer overlay` and `show x` are two sprites.

The stage's "camera" (absent: none) maps a layer to its camera's motion, {"transforms",
"atl", "seed"}, as the `camera` statement sets it; `scene` leaves it, as in Ren'Py.
"""

from __future__ import annotations

from typing import Any

from .state import Stage

Sprite = dict[str, Any]


MASTER = "master"


def key(sprite: Sprite) -> str:
    return sprite.get("as") or sprite["tag"]


def layer_of(sprite: Sprite) -> str:
    return sprite.get("layer") or MASTER


def _here(sprite: Sprite, name: str, layer: str) -> bool:
    return key(sprite) == name and layer_of(sprite) == layer


def new_sprite(tag: str, attrs: list[str], as_: str | None = None,
               transforms: list[dict] | None = None, atl: list | None = None,
               zorder: int = 0, seed: int = 0) -> Sprite:
    transforms = transforms or []
    return {"tag": tag, "attrs": attrs, "at": transforms[0]["name"] if transforms else None,
            "transforms": transforms, "atl": atl, "zorder": zorder, "as": as_, "seed": seed}


def show(stage: Stage, tag: str, attrs: list[str], as_: str | None = None,
         transforms: list[dict] | None = None, atl: list | None = None,
         zorder: int | None = None, behind: list[str] | None = None, seed: int = 0,
         layer: str = MASTER) -> Stage:
    """`show TAG ATTRS [at ...] [as ...] [zorder N] [behind ...] [:ATL]`. A sprite already
    shown keeps what is not given: its attributes, and its transforms and ATL unless new
    ones come (as in Ren'Py: changing the picture keeps the motion)."""
    sprites: list[Sprite] = list(stage["sprites"])
    name = as_ or tag
    index = next((i for i, s in enumerate(sprites) if _here(s, name, layer)), None)
    drop = [a[1:] for a in attrs if a.startswith("-")]
    if drop:  # `show eileen -happy`: those attributes go, the others stay
        attrs = [a for a in attrs if not a.startswith("-")]
    if index is None:
        sprite = new_sprite(tag, attrs, as_, transforms, atl, zorder or 0, seed)
        if layer != MASTER:
            sprite["layer"] = layer
    else:
        old = sprites.pop(index)
        sprite = dict(old, tag=tag)
        if drop:
            attrs = [a for a in old["attrs"] if a not in drop and a not in attrs] + attrs
        if attrs or drop:
            sprite["attrs"] = attrs
        if transforms or atl:
            sprite["transforms"] = transforms or old.get("transforms") or []
            sprite["at"] = sprite["transforms"][0]["name"] if sprite["transforms"] else None
            sprite["atl"] = atl
            sprite["seed"] = seed
        if zorder is not None:
            sprite["zorder"] = zorder
    z = sprite.get("zorder", 0)
    if index is not None and zorder is None and not behind:
        where = index  # it stays where it was drawn
    else:
        where = len(sprites)
        while where > 0 and sprites[where - 1].get("zorder", 0) > z:
            where -= 1
    for i, s in enumerate(sprites):
        if behind and key(s) in behind and s.get("zorder", 0) == z \
                and layer_of(s) == layer:
            where = min(where, i)
            break
    sprites.insert(where, sprite)
    return {**stage, "sprites": sprites}


def hide(stage: Stage, name: str, layer: str = MASTER) -> Stage:
    return {**stage, "sprites": [s for s in stage["sprites"] if not _here(s, name, layer)]}


def clear_layer(stage: Stage, layer: str) -> list[Sprite]:
    """The sprites left after `scene` clears `layer` (the other layers keep theirs)."""
    return [s for s in stage["sprites"] if layer_of(s) != layer]


def set_camera(stage: Stage, layer: str, motion: dict | None) -> Stage:
    """`camera LAYER ...`: the layer's camera motion; None (a bare `camera`) resets it."""
    cameras = {k: v for k, v in (stage.get("camera") or {}).items() if k != layer}
    if motion is not None:
        cameras[layer] = motion
    out = {k: v for k, v in stage.items() if k != "camera"}
    if cameras:
        out["camera"] = cameras
    return out


def speaker_attrs(stage: Stage, name: str, attrs: list[str]) -> Stage | None:
    """A say's attributes change the speaker's sprite, if it is on stage (None: no
    change). Its transforms stay. `-x` takes an attribute away; those after "@" last for
    the line only: the sprite keeps what to go back to in "was" (see untemp)."""
    if "@" in attrs or any(a.startswith("-") for a in attrs):
        return _temporary(stage, name, attrs)
    if not any(key(s) == name and s["attrs"] != attrs for s in stage["sprites"]):
        return None
    return {**stage, "sprites": [dict(s, attrs=list(attrs)) if key(s) == name else s
                                 for s in stage["sprites"]]}


def _temporary(stage: Stage, name: str, attrs: list[str]) -> Stage | None:
    at = attrs.index("@") if "@" in attrs else len(attrs)
    sprites = []
    for s in stage["sprites"]:
        if key(s) == name:
            s = dict(s)
            kept = _change(s.pop("was", s["attrs"]), attrs[:at])  # from the lasting ones
            s["attrs"] = _change(kept, attrs[at + 1:])
            if at < len(attrs):
                s["was"] = kept
        sprites.append(s)
    return {**stage, "sprites": sprites}


def _change(current: list[str], words: list[str]) -> list[str]:
    """Attributes after a change: `-x` takes x away; new words replace the current ones
    unless only taking away."""
    drop = {w[1:] for w in words if w.startswith("-")}
    add = [w for w in words if not w.startswith("-")]
    if not drop:
        return add or list(current)
    return [a for a in current if a not in drop and a not in add] + add


def untemp(stage: Stage, name: str) -> Stage | None:
    """After a line with temporary attributes: the speaker's sprite as it was."""
    if not any(key(s) == name and "was" in s for s in stage["sprites"]):
        return None
    return {**stage, "sprites": [
        {k: v for k, v in dict(s, attrs=s["was"]).items() if k != "was"}
        if key(s) == name and "was" in s else s for s in stage["sprites"]]}
