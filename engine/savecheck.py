"""What a save's story states may hold, checked before the game restores one: an edited
save is refused here, with a reason the Load screen shows, rather than failing later in
the middle of drawing, opening a file outside the game or eating the memory.

Names on the stage are words, never paths: a sprite tag `../../x` would otherwise become
assets/characters/../../x.png. Music files are paths below assets/, without `..`.
"""

from __future__ import annotations

from typing import Any

from engine.savepack import SaveError, expect
from engine.script.parse_conds import MAX_CONDS
from engine.untrusted import MAX_NAME

MAX_SPRITES = 256  # on stage at once; a scene shows a handful
MAX_LAYERS = 32  # layers with a camera; Ren'Py has four, a game adds a few
MAX_ROLLBACK = 1000  # entries; the game writes 100
MAX_HISTORY = 5000  # lines; the game writes 200
MAX_STACK = 10_000  # call frames; the story's own call limit is lower


def is_word(word: Any) -> bool:
    """An image name's word: no path separators, no NUL, not `.` or `..`."""
    return (isinstance(word, str) and 0 < len(word) <= MAX_NAME
            and not any(c in word for c in "/\\\0:")
            and word not in (".", ".."))


def is_asset_path(file: Any) -> bool:
    """A sound's file as a scene names it: relative, below assets/, no `..`."""
    if not isinstance(file, str) or not 0 < len(file) <= MAX_NAME:
        return False
    if file.startswith("/") or "\\" in file or "\0" in file or ":" in file:
        return False
    return all(part not in ("", ".", "..") for part in file.split("/"))


def is_choices(conds: Any) -> bool:
    """A sprite's "conds" or the stage's "scene_conds": the branch chosen in each
    condition group, -1 for none."""
    return isinstance(conds, list) and len(conds) <= MAX_CONDS and all(
        type(n) is int and -1 <= n < MAX_CONDS for n in conds)


def _position(pc: Any, what: str) -> None:
    # Only a negative one is refused here: a position of another type is found again by
    # its fingerprint or label on restore, as after an edit of the scenes.
    expect(not (isinstance(pc, int) and pc < 0),
           f"the save's {what} position is damaged (pc {pc!r})")


def check_state(state: Any, what: str = "story state") -> None:
    """Raise SaveError when a story snapshot from a save is not one the game could have
    written: a negative position, a name that is a path, too many sprites or frames."""
    expect(isinstance(state, dict), f"the save's {what} is not an object")
    _position(state.get("pc"), what)
    stack = state.get("stack", [])
    expect(isinstance(stack, list) and len(stack) <= MAX_STACK,
           f"the save's {what} has a damaged call stack")
    for frame in stack:
        expect(isinstance(frame, dict), f"the save's {what} has a damaged call stack")
        _position(frame.get("pc"), what)
    stage = state.get("stage")
    if stage is None:
        return
    expect(isinstance(stage, dict), f"the save's {what} has a damaged stage")
    scene = stage.get("scene")
    expect(scene is None or (isinstance(scene, list) and all(is_word(w) for w in scene)),
           f"the save's scene is not an image name: {_show(scene)}")
    conds = stage.get("scene_conds")
    expect(conds is None or is_choices(conds),
           f"the save's scene's chosen picture is damaged: {_show(conds)}")
    sprites = stage.get("sprites", [])
    expect(isinstance(sprites, list), f"the save's {what} has damaged sprites")
    expect(len(sprites) <= MAX_SPRITES,
           f"the save has {len(sprites):,} sprites on stage (at most {MAX_SPRITES})")
    for sprite in sprites:
        expect(isinstance(sprite, dict), f"the save's {what} has damaged sprites")
        attrs = sprite.get("attrs", [])
        expect(isinstance(attrs, list), f"a sprite's attributes are damaged: {_show(attrs)}")
        words = [sprite.get("tag"), *attrs]
        expect(all(is_word(w) for w in words),
               f"a sprite's name is not an image name: {_show(words)}")
        conds = sprite.get("conds")
        expect(conds is None or is_choices(conds),
               f"a sprite's chosen pictures are damaged: {_show(conds)}")
        layer = sprite.get("layer")
        expect(layer is None or is_word(layer),
               f"a sprite's layer is not a layer name: {_show(layer)}")
    camera = stage.get("camera")
    expect(camera is None or (isinstance(camera, dict) and len(camera) <= MAX_LAYERS
                              and all(is_word(k) for k in camera)),
           f"the save's camera names a layer that is not a layer name: {_show(camera)}")
    for channel in ("music", "ambient"):
        playing = stage.get(channel)
        if isinstance(playing, dict):
            files = playing.get("files")
            expect(isinstance(files, list) and all(is_asset_path(f) for f in files),
                   f"the save's {channel} names a file outside the game: {_show(files)}")


def check_log(rollback: list[Any], history: list[Any]) -> list[Any]:
    """The rollback log and history of a save, checked: too long or damaged history is
    refused (SaveError); a rollback entry whose state check_state refuses is replaced by
    one that stops rollback there with the reason, so the save still loads. (Entries of
    another shape are kept: restoring them fails with a reason, as it always did.)"""
    expect(len(rollback) <= MAX_ROLLBACK,
           f"the rollback log is too long ({len(rollback):,} entries)")
    expect(len(history) <= MAX_HISTORY, f"the history is too long ({len(history):,} lines)")
    for line in history:
        expect(isinstance(line, dict) and isinstance(line.get("text", ""), str)
               and all(line.get(k) is None or isinstance(line.get(k), str)
                       for k in ("who", "color")),
               "the history is damaged")
    out = []
    for n, entry in enumerate(rollback, 1):
        if isinstance(entry, dict) and isinstance(entry.get("state"), dict):
            try:
                check_state(entry["state"], f"rollback entry {n}")
            except SaveError as exc:
                entry = {"state": None, "history": 0, "refused": str(exc)}
        out.append(entry)
    return out


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
