"""Saving a playthrough to a slot and starting one from a slot, for the game screen (quick
save, auto-save, quick load), the save and load screens."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pygame

from engine import atl, saves
from engine.playthrough import Playthrough
from engine.present.screen import Host
from engine.present.sprite_times import SpriteTimes

log = logging.getLogger("roadout.saves")

THUMB = (320, 180)
THUMB_QUALITY = "jpg"  # pygame-ce writes JPEG at quality 85: a sixth of the PNG's size


def saves_dir(host: Host) -> Path:
    return host.data_dir / "saves"


def thumbnail(frame: pygame.Surface) -> bytes:
    """The picture scaled to 320x180 and JPEG-encoded (what a slot shows)."""
    small = pygame.transform.smoothscale(frame, THUMB)
    buf = io.BytesIO()
    pygame.image.save(small, buf, f"thumb.{THUMB_QUALITY}")
    return buf.getvalue()


def settled(host: Host, stage: dict) -> SpriteTimes:
    """Sprite times at which every finite motion on `stage` has ended (what a load shows,
    so what the thumbnail shows)."""
    def length(sprite: dict) -> float | None:
        try:
            return atl.duration(sprite, host.stage_view.transforms)
        except Exception:  # noqa: BLE001 - a broken transform is drawn still
            return None

    times = SpriteTimes()
    times.restart(stage, 0.0, length)
    return times


def save_slot(host: Host, play: Playthrough, slot: str) -> str | None:
    """Write the game to a slot; a message for the player when that fails."""
    stage = play.story.stage
    frame = host.stage_view.compose(stage, host.vp, times=settled(host, stage))
    try:
        saves.write(saves_dir(host), slot, play.save_data(thumbnail(frame)), host.game_name)
    except (OSError, ValueError, TypeError) as exc:  # a failing folder; unencodable data
        log.warning("could not save to slot %s: %s", slot, exc)
        return f"Could not save: {getattr(exc, 'strerror', None) or exc}"
    play.mark_saved()
    return None


def newest_slot(host: Host) -> str | None:
    """The slot of the newest save that can be loaded (numbered, quick or auto): what the
    title's Continue loads. Saves made in the same second go by the file's time."""
    folder = saves_dir(host)
    best: tuple[str, int] | None = None
    found = None
    for slot, data in saves.list_slots(folder).items():
        if not isinstance(data, saves.SaveData):
            continue
        try:
            mtime = saves.slot_path(folder, slot).stat().st_mtime_ns
        except OSError:
            mtime = 0
        if best is None or (data.created, mtime) > best:
            best, found = (data.created, mtime), slot
    return found


def load_slot(host: Host, slot: str) -> str | None:
    """Load a slot into a new game screen; a message for the player when it cannot."""
    found = saves.read(saves_dir(host), slot)
    if found is None:
        return "There is no quick save yet" if slot == "quick" else "That slot is empty"
    if isinstance(found, saves.Unreadable):
        return f"This save cannot be loaded: {found.reason}"
    return start_from_save(host, found)


def start_from_save(host: Host, data: saves.SaveData) -> str | None:
    """Replace every screen with the saved game; a message for the player when it cannot
    be restored."""
    if host.program is None:
        return "The story could not be loaded"
    try:
        loaded = Playthrough.from_save(host.program, host.data, data, host.progress,
                                       host.data.persistent["vars"])
    except ValueError as exc:
        return f"This save cannot be loaded: {exc}"
    host.reset("game", loaded=loaded)
    return None
