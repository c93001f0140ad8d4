"""Old story snapshots brought up to date, so a save outlives the code that wrote it.

Each migration is a pure function from one version's JSON form to the next's; `migrate`
chains them. When the snapshot's shape changes, bump STATE_VERSION and add the step from
the old version here (with a real snapshot of the old version under tests/script/data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

STATE_VERSION = 4


def v1_to_v2(state: dict[str, Any]) -> dict[str, Any]:
    """Version 2 names the run status instead of two flags. Version 1 did not say whether
    a wait was on a menu; restore shows the statement at the position again either way."""
    new = dict(state)
    if state.get("ended"):
        new["status"] = "ended"
    else:
        new["status"] = "waiting" if state.get("waiting") else "ready"
    new["version"] = 2
    return new


def v2_to_v3(state: dict[str, Any]) -> dict[str, Any]:
    """Version 3 gives each sprite its transforms (its one position `at` becomes the
    first), an inline ATL block, a zorder, an `as` tag and a seed for ATL's choices, and
    the stage the scene's transforms. A damaged stage is left for from_json to refuse."""
    new = dict(state, version=3)
    stage = state.get("stage")
    if isinstance(stage, dict):
        sprites = stage.get("sprites")
        if isinstance(sprites, list):
            sprites = [_sprite_v3(sp) if isinstance(sp, dict) else sp for sp in sprites]
        new["stage"] = {**stage, "scene_at": stage.get("scene_at"), "sprites": sprites}
    return new


def _sprite_v3(sprite: dict[str, Any]) -> dict[str, Any]:
    at = sprite.get("at")
    refs = [{"name": at, "args": {}}] if isinstance(at, str) and at else []
    return {"transforms": refs, "atl": None, "zorder": 0, "as": None, "seed": 0, **sprite}


def v3_to_v4(state: dict[str, Any]) -> dict[str, Any]:
    """Version 4's stage keeps the ambient channel's loop beside the music: nothing played
    on it before."""
    new = dict(state, version=4)
    stage = state.get("stage")
    if isinstance(stage, dict):
        new["stage"] = {**stage, "ambient": stage.get("ambient")}
    return new


# version → the function that turns a snapshot of that version into the next one
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: v1_to_v2, 2: v2_to_v3, 3: v3_to_v4}


def migrate(state: Any) -> dict[str, Any]:
    """`state` in the current version's form. Raises ValueError for data that is not a
    snapshot of a known version, naming a version newer than this engine reads."""
    if not isinstance(state, dict):
        raise ValueError("story state has an unknown version")
    version = state.get("version")
    if type(version) is not int:  # not bool either: True == 1
        raise ValueError("story state has an unknown version")
    if version > STATE_VERSION:
        raise ValueError(f"story state version {version} is newer than this engine reads "
                         f"(up to {STATE_VERSION}): update the game")
    while version != STATE_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError("story state has an unknown version")
        state = step(state)
        version = state["version"]
    return state
