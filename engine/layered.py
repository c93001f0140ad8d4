"""Which pictures a layered image (`layeredimage`, see engine/script/parse_layered.py)
draws for a set of attributes, and where they are: pure data, for the screen and lint.

The layers draw in the order written: `always` ones, then each attribute's when it is
shown. A group shows one attribute (its `default` when none is asked for) unless it is
`multiple`; if_any, if_all and if_not test the attributes shown. A condition group
(`if` in the image, or a ConditionSwitch: engine/script/parse_conds.py) draws the branch
the story chose, kept on the sprite as "conds" (engine/script/cond_pictures.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.stage import image_path, renpy_image


def chosen(spec: dict[str, Any], attrs: list[str] | tuple[str, ...]) -> tuple[set[str], list[str]]:
    """The attributes shown for `attrs`, and those the image does not have."""
    known = {layer["attr"] for layer in spec["layers"] if layer["attr"]}
    unknown = [a for a in attrs if a not in known]
    shown = {a for a in attrs if a in known}
    by_group: dict[str | None, list[dict]] = {}
    for layer in spec["layers"]:
        if layer["attr"]:
            by_group.setdefault(layer["group"], []).append(layer)
    for group, layers in by_group.items():
        asked = [lay for lay in layers if lay["attr"] in shown]
        if group is not None and group not in spec["multiple"] and len(asked) > 1:
            # the last asked wins, as a later attribute replaces an earlier one
            shown -= {lay["attr"] for lay in asked[:-1]}
        if not asked:
            shown |= {lay["attr"] for lay in layers if lay["default"]}
    return shown, unknown


def spec_of(layered: dict[str, dict], tag: str, attrs: list[str] | tuple[str, ...]
            ) -> tuple[dict[str, Any] | None, list[str] | tuple[str, ...]]:
    """The layered spec a sprite shows and the attributes it is shown with: by its tag
    (`layeredimage eileen`), else by its whole name (`image sign big = ConditionSwitch(…)`,
    which then has no attributes left). (None, attrs) for another kind of image."""
    spec = layered.get(tag)
    if spec is None and attrs:
        spec = layered.get(" ".join([tag, *attrs]))
        if spec is not None:
            return spec, ()
    return spec, attrs


def layer_files(tag: str, spec: dict[str, Any], attrs: list[str] | tuple[str, ...],
                conds: list[int] | tuple[int, ...] | None = None) -> list[str]:
    """The pictures to draw, bottom first: a file name, or an image name (no '.').
    `conds` is the branch chosen in each condition group (-1: none holds); without it
    (lint, or a sprite not yet evaluated) condition groups draw nothing."""
    shown, _ = chosen(spec, attrs)
    out = []
    for layer in spec["layers"]:
        if layer.get("cond") is not None:
            out.extend(_branch_file(spec, layer["cond"], conds))
            continue
        if layer["attr"] is not None and layer["attr"] not in shown:
            continue
        if layer["if_any"] and not shown & set(layer["if_any"]):
            continue
        if layer["if_all"] and not set(layer["if_all"]) <= shown:
            continue
        if layer["if_not"] and shown & set(layer["if_not"]):
            continue
        file = layer["file"]
        if file is None:
            parts = [tag, layer["group"], layer["attr"]]
            file = "_".join(p for p in parts if p)
        if file:
            out.append(file)
    return out


def _branch_file(spec: dict[str, Any], k: int, conds: Any) -> list[str]:
    """Condition group k's chosen picture, if any (a damaged choice draws nothing)."""
    pick = conds[k] if conds is not None and k < len(conds) else -1
    branches = spec["conds"][k]
    if isinstance(pick, int) and 0 <= pick < len(branches) and branches[pick]["file"]:
        return [branches[pick]["file"]]
    return []


def picture_path(game_dir: Path, picture: str, images: dict[str, str]) -> Path:
    """Where a layer's picture is: a file name below the game, or an image's name
    (`eileen_face_happy`, defined or in the images folder)."""
    if "." not in picture:
        if picture in images:
            return image_path(game_dir, images[picture])
        found = renpy_image(game_dir, picture.split())
        if found is not None:
            return found
        return game_dir / "images" / f"{picture}.png"
    return image_path(game_dir, picture)
