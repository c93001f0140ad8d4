"""What is on screen, as plain data, and where its pictures and sounds live on disk.

The runtime keeps the stage as a dict (see Story.stage); this module turns image names
into files by the asset conventions of DESIGN.md, for the screen and for lint alike.
"""

from __future__ import annotations

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
    if p.parts and p.parts[0] == "assets":
        return game_dir / p
    return game_dir / "assets" / p


def background_candidates(game_dir: Path, words: list[str], images: dict[str, str]
                          ) -> tuple[list[Path], tuple[str, ...]]:
    """Files that could hold a scene image, in order of preference, and its layer attrs."""
    for n in range(len(words), 0, -1):
        defined = images.get(" ".join(words[:n]))
        if defined is not None:
            return [_asset(game_dir, defined)], tuple(words[n:])
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
    candidates, attrs = background_candidates(game_dir, words, images)
    for path in candidates:
        if usable(game_dir, path):
            return BackgroundSpec(" ".join(words), path, attrs)
    return BackgroundSpec(" ".join(words), None, attrs)


def sprite_candidates(game_dir: Path, tag: str, attrs: list[str] | tuple[str, ...],
                      images: dict[str, str]) -> list[Path]:
    name = " ".join([tag, *attrs])
    if name in images:
        return [_asset(game_dir, images[name])]
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


def audio_path(game_dir: Path, file: str) -> Path:
    """`play music "x.ogg"` → assets/audio/x.ogg (a path with folders is taken as given
    below assets/)."""
    if "/" in file:
        return _asset(game_dir, file)
    return game_dir / "assets" / "audio" / file


def describe(stage: dict[str, Any]) -> str:
    """A one-line summary for save slots and logs: 'night_road · sakura sad, sasuke cold'."""
    scene = stage.get("scene")
    where = "black" if not scene else " ".join(scene[1:] if scene[0] == "bg" else scene)
    who = ", ".join(" ".join([s["tag"], *s["attrs"]]) for s in stage.get("sprites", []))
    return f"{where} · {who}" if who else where
