"""What is on screen, as plain data, and where its pictures and sounds live on disk.

The runtime keeps the stage as a dict (see Story.stage); this module turns image names
into files by the asset conventions of DESIGN.md, for the screen and for lint alike.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine import safefs

BACKGROUND_EXTS = (".tmx", ".png", ".jpg")
CG_EXTS = (".png", ".jpg")
# The first word of a picture that fills the screen: `scene bg night_road`, `show cg kiss hands`.
SCENE_TAGS = ("bg", "cg")
POSITIONS = ("left", "center", "right", "truecenter")


@dataclass(frozen=True)
class BackgroundSpec:
    """A background to draw: a black screen (path None, black True), or a file with the
    attribute words that switch on its hidden layers."""

    name: str
    path: Path | None
    attrs: tuple[str, ...] = ()
    black: bool = False
    color: str | None = None  # `image x = Solid("#rrggbb")`: the colour to fill with


@dataclass(frozen=True)
class SpriteSpec:
    tag: str
    attrs: tuple[str, ...]
    at: str | None
    path: Path | None  # None when no file matches: the screen draws a placeholder
    name: str  # the image name as the script wrote it, for messages


def usable(game_dir: Path, path: Path) -> bool:
    """Whether a file a scene names may be opened: inside the game folder once symlinks
    are resolved (`image bg x = "../../secret.png"` is not), a regular file of a sane
    size (a FIFO would hang the loader)."""
    return safefs.usable(path, [game_dir])


def unusable_reason(game_dir: Path, path: Path) -> str | None:
    """Why a named file may not be opened ("not found", "the file is outside ..."), or
    None."""
    return safefs.why_unusable(path, [game_dir])


def image_path(game_dir: Path, file: str) -> Path:
    """The file an `image` statement names ("backgrounds/room.png"), below assets/."""
    return _asset(game_dir, file)


def _asset(game_dir: Path, file: str) -> Path:
    p = Path(file)
    if p.is_absolute():
        # Ren'Py reads "/audio/1.ogg" below the game folder; an absolute path to a file
        # that exists out there stays as it is, so lint names it as outside the game.
        inside = _asset(game_dir, file.lstrip("/"))
        return p if p.exists() and not inside.exists() else inside
    if p.parts and p.parts[0] == "assets":
        return game_dir / p
    if p.parts and p.parts[0] in ("images", "audio") and (game_dir / p).is_file():
        return game_dir / p  # Ren'Py's own folders, beside ours
    ours = game_dir / "assets" / p
    if not ours.is_file() and p.suffix.lower() in RENPY_IMAGE_EXTS \
            and (game_dir / "images" / p).is_file():
        return game_dir / "images" / p  # Ren'Py looks for a picture in images/ too
    return ours


def _defined(game_dir: Path, value: str) -> Path:
    """The file an image is defined as: a file name, or (no '.') the name of an image in
    Ren'Py's images folder (`image x = "eileen happy"`)."""
    if "." not in value and (found := renpy_image(game_dir, value.split())) is not None:
        return found
    return _asset(game_dir, value)


def background_candidates(game_dir: Path, words: list[str], images: dict[str, str]
                          ) -> tuple[list[Path], tuple[str, ...]]:
    """Files that could hold a scene image, in order of preference, and its layer attrs."""
    for n in range(len(words), 0, -1):
        defined = images.get(" ".join(words[:n]))
        if defined is not None:
            return [_defined(game_dir, defined)], tuple(words[n:])
    found = renpy_image(game_dir, words)
    if found is not None:
        return [found], ()
    if words[0] == "cg" and len(words) > 1:
        # an event illustration: `cg kiss hands` is assets/cg/kiss_hands.png, no layers
        stem = "_".join(words[1:])
        return [game_dir / "assets" / "cg" / f"{stem}{ext}" for ext in CG_EXTS], ()
    if words[0] == "bg" and len(words) > 1:
        stem, attrs = words[1], tuple(words[2:])
    else:
        stem, attrs = words[0], tuple(words[1:])
    base = game_dir / "assets" / "backgrounds"
    return [base / f"{stem}{ext}" for ext in BACKGROUND_EXTS], attrs


def is_scene_image(words: list[str]) -> bool:
    """`show bg ...` / `show cg ...` change the picture behind everything, not a sprite."""
    return bool(words) and words[0] in SCENE_TAGS


def resolve_background(game_dir: Path, words: list[str] | None,
                       images: dict[str, str]) -> BackgroundSpec:
    if not words or words == ["black"]:
        return BackgroundSpec("black", None, black=True)
    value = images.get(" ".join(words))
    if value is not None and is_colour(value):  # a text as a background: black
        colour = colour_of(images, " ".join(words))
        return BackgroundSpec(" ".join(words), None, black=colour is None, color=colour)
    candidates, attrs = background_candidates(game_dir, words, images)
    for path in candidates:
        if usable(game_dir, path):
            return BackgroundSpec(" ".join(words), path, attrs)
    return BackgroundSpec(" ".join(words), None, attrs)


def sprite_candidates(game_dir: Path, tag: str, attrs: list[str] | tuple[str, ...],
                      images: dict[str, str]) -> list[Path]:
    name = " ".join([tag, *attrs])
    if name in images:
        return [_defined(game_dir, images[name])]
    found = renpy_image(game_dir, [tag, *attrs])
    if found is not None:
        return [found]
    base = game_dir / "assets" / "characters"
    if attrs:
        return [base / tag / f"{'_'.join(attrs)}.png"]
    return [base / f"{tag}.png", base / tag / "neutral.png", base / tag / "default.png"]


def resolve_sprite(game_dir: Path, sprite: dict[str, Any], images: dict[str, str]
                   ) -> SpriteSpec:
    tag, attrs = sprite["tag"], tuple(sprite["attrs"])
    path = next((p for p in sprite_candidates(game_dir, tag, attrs, images)
                 if usable(game_dir, p)), None)
    return SpriteSpec(tag, attrs, sprite.get("at"), path, " ".join([tag, *attrs]))


def is_colour(value: str) -> bool:
    """An image defined as a colour (`Solid("#102030")`), a text, a Composite or a
    SnowBlossom, not one file."""
    return value.startswith("#") or value.startswith(TEXT_MARK) \
        or value.startswith(COMPOSITE_MARK) or value.startswith(SNOW_MARK)


def _marked(images: dict[str, str], name: str, mark: str) -> str | None:
    """What follows `mark` in the value of image `name`, or None when it has no such
    value (an image whose value a parser marked as a Text, Composite or SnowBlossom)."""
    value = images.get(name)
    return value[len(mark):] if value is not None and value.startswith(mark) else None


def text_of(images: dict[str, str], name: str) -> str | None:
    """The text an image is (`image x = Text("…")`), or None."""
    return _marked(images, name, TEXT_MARK)


def colour_of(images: dict[str, str], name: str) -> str | None:
    """The colour an image is (Ren'Py's built-in `black` too), or None."""
    value = images.get(name, "#000000" if name == "black" else "")
    return value if value.startswith("#") else None


def composite_of(images: dict[str, str], name: str
                 ) -> tuple[tuple[int, int], list[tuple[int, int, str]]] | None:
    """The size and the (x, y, child) pictures of a Composite image, or None."""
    if (marked := _marked(images, name, COMPOSITE_MARK)) is None:
        return None
    spec = json.loads(marked)  # written by parse_composite.py
    w, h = spec["size"]
    return (w, h), [(x, y, child) for x, y, child in spec["parts"]]


def snow_of(images: dict[str, str], name: str) -> dict[str, Any] | None:
    """The arguments of a SnowBlossom image (every one given: see parse_snow.py), or
    None."""
    if (marked := _marked(images, name, SNOW_MARK)) is None:
        return None
    spec = json.loads(marked)
    return spec if isinstance(spec, dict) else None


TEXT_MARK = "{text}"  # as engine/script/parse_image.py marks a Text image
SNOW_MARK = "{snow}"  # as engine/script/parse_snow.py marks a SnowBlossom
COMPOSITE_MARK = "{composite}"  # as engine/script/parse_composite.py marks a Composite
RENPY_IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".webp")
MAX_IMAGE_FILES = 20_000  # a bound on the folder walk
_renpy_images: dict[tuple[Path, float], dict[str, Path]] = {}


def renpy_image(game_dir: Path, words: list[str] | tuple[str, ...]) -> Path | None:
    """Ren'Py's images folder: game/images/ and its subfolders, a file named by the
    image's words (`images/bg room.png` is `bg room`, lower case), beside our assets/."""
    folder = game_dir / "images"
    try:
        stamp = folder.stat().st_mtime
    except OSError:
        return None
    table = _renpy_images.get((folder, stamp))
    if table is None:
        table = {}
        seen = 0
        for root, dirs, files in os.walk(folder):  # symlinked folders are not followed
            dirs.sort()
            for f in sorted(files):
                seen += 1
                if seen > MAX_IMAGE_FILES:
                    break
                path = Path(root) / f
                if path.suffix.lower() in RENPY_IMAGE_EXTS:
                    table.setdefault(path.stem.lower(), path)
        _renpy_images.clear()
        _renpy_images[(folder, stamp)] = table
    return table.get(" ".join(words).lower())


AUDIO_EXTS = (".ogg", ".opus", ".mp3", ".wav", ".flac")


def audio_path(game_dir: Path, file: str) -> Path:
    """`play music "x.ogg"` → assets/audio/x.ogg (a path with folders is taken as given
    below assets/). A name with no extension is Ren'Py's audio name for a file of the
    audio folder (`play music calm`): the first of AUDIO_EXTS that exists, in assets/audio
    or Ren'Py's game/audio."""
    path = _asset(game_dir, file) if "/" in file else game_dir / "assets" / "audio" / file
    if path.suffix or "/" in file:
        return path
    for folder in (path.parent, game_dir / "audio"):
        for ext in AUDIO_EXTS:
            candidate = folder / f"{file}{ext}"
            if candidate.is_file():
                return candidate
    return path.with_name(f"{file}.ogg")


def describe(stage: dict[str, Any]) -> str:
    """A one-line summary for save slots and logs: 'night_road · sakura sad, sasuke cold'."""
    scene = stage.get("scene")
    where = "black" if not scene else " ".join(scene[1:] if scene[0] == "bg" else scene)
    who = ", ".join(" ".join([s["tag"], *s["attrs"]]) for s in stage.get("sprites", []))
    return f"{where} · {who}" if who else where
