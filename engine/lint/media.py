"""Lint's checks of what Ren'Py's picture and sound statements name beyond files: a
channel the game never registers, a text's {image=…} picture, the pictures of ATL frames,
Composites and SnowBlossoms, and the notes `lint --strict` gives where a construct is not
drawn as Ren'Py draws it (a layer Ren'Py does not have, a frame's transition other than a
dissolve)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.atl.frames import frames
from engine.atl.transitions import TRANSITIONS
from engine.layered import chosen, layer_files, picture_path, spec_of
from engine.script.audio_names import BUILTIN_CHANNELS, registered_channels
from engine.script.errors import Loc, ScriptError
from engine.script.expr_syntax import names_read
from engine.script.program import Init, Program, Stmt
from engine.script.text import inline_names
from engine.stage import (
    composite_of,
    image_path,
    renpy_image,
    snow_of,
    sprite_candidates,
    unusable_reason,
    usable,
)

if TYPE_CHECKING:
    from engine.lint.core import Linter


def channel_problem(lint: Linter, stmt: Stmt) -> None:
    """`play env "x.ogg"` needs `renpy.music.register_channel("env", ...)` somewhere."""
    channel = stmt.args["channel"]
    if channel in BUILTIN_CHANNELS or channel in registered_channels(lint.program):
        return
    lint.error(stmt, f"unknown channel '{channel}'",
               hint=f'use music, ambient or sound, or register it: $ renpy.music.'
                    f'register_channel("{channel}", "sfx", loop=True)')


def layered_sprite(lint: Linter, tag: str, attrs: list[str], stmt: Stmt) -> bool:
    """`show eileen happy` of a layeredimage: its attributes exist and its layers' files
    are found. False when `tag` is not a layered image."""
    if lint.story is None:
        return False
    spec, attrs = spec_of(lint.story.layered, tag, attrs)
    if spec is None:
        return False
    _, unknown = chosen(spec, attrs)
    for attr in unknown:
        lint.error(stmt, f"layered image '{tag}' has no attribute '{attr}'")
    for file in layer_files(tag, spec, attrs):
        if (gone := _missing(lint, file)) is not None:
            lint.error(stmt, f"image '{' '.join([tag, *attrs])}': layer '{file}' {gone}")
    return True


def _missing(lint: Linter, picture: str) -> str | None:
    """Why the picture a name or file stands for cannot be drawn, and where it was looked
    for ("not found (looked for images/x.png)"); None when it can."""
    path = picture_path(lint.game, picture, lint.images)
    why = unusable_reason(lint.game, path)
    return None if why is None else f"{why} (looked for {lint.shown(path)})"


def cond_branches(lint: Linter, init: Init) -> None:
    """An image's `if` branches or ConditionSwitch: each branch's picture is found, and
    each name its condition reads is defined; errors at the branch's line."""
    for branches in init.expr.get("conds") or ():  # type: ignore[union-attr]
        for branch in branches:
            loc = Loc(init.loc.file, branch["line"], branch["col"])
            if branch["file"]:
                _picture_of(lint, init.name, branch["file"], loc, branch["src"])
            for name in sorted(names_read(branch["if"]) if branch["if"] else ()):
                if name.split(".")[0] not in ("persistent", "config") \
                        and name not in lint.defined:
                    lint.error(None, f"'{name}' is not defined", loc=loc,
                               source=branch["src"])


def composite_children(lint: Linter, name: str, loc: Loc, source: str) -> None:
    """`image x = Composite(...)`: each child a usable file inside the game, or an image
    that is defined or in the images folder."""
    parts = composite_of(lint.images, name)
    if parts is None:
        return
    for _, _, child in parts[1]:
        _picture_of(lint, name, child, loc, source)


def _picture_of(lint: Linter, name: str, child: str, loc: Loc, source: str) -> None:
    """A picture image `name` is made of: an image defined or in the images folder, or a
    usable file inside the game."""
    if "." not in child and (child in lint.images or child == "black"
                             or renpy_image(lint.game, child.split()) is not None):
        return
    if (gone := _missing(lint, child)) is not None:
        lint.error(None, f"image '{name}': picture '{child}' {gone}", loc=loc, source=source)


RENPY_LAYERS = ("master", "transient", "screens", "overlay")


def inline_images(lint: Linter, text: str, stmt: Stmt) -> None:
    """Each {image=NAME} of a line names a picture that is there: an image or a file."""
    if "{image" not in text:
        return
    for name in inline_names(text):
        if (gone := _missing(lint, name)) is not None:
            lint.error(stmt, f"text image '{name}' {gone}")


def _layer_named(stmt: Stmt) -> str | None:
    layer = stmt.args.get("layer")
    return layer if stmt.kind in ("scene", "show", "hide", "show_text", "camera") \
        and layer not in (None, *RENPY_LAYERS) else None


def media_notes(program: Program) -> list[ScriptError]:
    """lint --strict: what a Ren'Py game asks for that is not drawn as Ren'Py would,
    once per kind and file, so a writer knows what their players will see."""
    out: list[ScriptError] = []
    seen: set[tuple[str, str]] = set()

    def note(loc: Loc, kind: str, message: str, source: str) -> None:
        if (loc.file, kind) not in seen:
            seen.add((loc.file, kind))
            out.append(ScriptError(loc, message, source, severity="warning"))

    for stmt in program.statements:
        if (layer := _layer_named(stmt)) is not None:
            note(stmt.loc, f"layer {layer}", f"layer '{layer}' is not one of Ren'Py's "
                 f"layers ({', '.join(RENPY_LAYERS)}): it is drawn just above master",
                 stmt.source)
    for block, file in atl_blocks(program):
        for frame in frames(block):
            family = _family(frame.get("trans"))
            if family not in (None, "dissolve"):
                note(Loc(file, frame["line"], frame["col"]), "frame with",
                     f"a picture's 'with' in ATL is played as a dissolve, not as its "
                     f"{family} transition", frame["src"])
    return out


def _family(expr: list | None) -> str | None:
    """The family of a transition written after a frame's `with` (None: none, or not
    known before the game runs)."""
    if expr is None:
        return None
    name = expr[1] if expr[0] in ("name", "call") else None
    if name in TRANSITIONS:
        return TRANSITIONS[name]["family"]
    return {"Dissolve": "dissolve", "Fade": "fade", "Pause": "pause",
            "MoveTransition": "move"}.get(name or "")


def atl_blocks(program: Program) -> list[tuple[list[dict], str]]:
    """Every ATL block the program writes, with its file: images', transforms', and
    those of show and scene statements."""
    out: list[tuple[list[dict], str]] = []
    for init in program.inits:
        if init.kind == "atlimage":
            out.append((init.expr["atl"], init.loc.file))  # type: ignore[index]
        elif init.kind == "transform":
            out.append((init.expr["body"], init.loc.file))  # type: ignore[index]
    for stmt in program.statements:
        if stmt.kind in ("show", "scene", "show_text") and stmt.args.get("atl"):
            out.append((stmt.args["atl"], stmt.loc.file))
    return out


def frame_file(lint: Linter, frame: dict, file: str) -> None:
    """A picture an ATL block sets: found and usable, as a shown image's file is, the
    error at the frame's own line."""
    value = frame["image"]
    if value.startswith("#") or value in lint.images or value == "black":
        return  # a colour, or a defined image (checked where it is defined and shown)
    if frame.get("of") and lint.images.get(frame["of"]) == value:
        return  # an image's first picture: checked where the image is shown
    if "." in value:
        candidates = [image_path(lint.game, value)]
    else:
        words = value.split()
        if lint.story is not None and words[0] in lint.story.layered:
            return  # checked where it is shown
        candidates = sprite_candidates(lint.game, words[0], words[1:], lint.images)
    if any(usable(lint.game, p) for p in candidates):
        return
    shown = lint.shown(candidates[0])
    why = unusable_reason(lint.game, candidates[0])
    lint.error(None, f"picture '{value}' not found (looked for {shown})" if why == "not found"
               else f"picture '{value}': {shown}: {why}",
               loc=Loc(file, frame.get("line", 1), frame.get("col", 1)),
               source=frame.get("src", ""))


def snow_picture(lint: Linter, name: str, loc: Loc, source: str) -> None:
    """`image x = SnowBlossom("flake.png")`: its picture found and usable."""
    spec = snow_of(lint.images, name)
    if spec is None:
        return
    _picture_of(lint, name, spec["d"], loc, source)
