"""Save slots: one JSON file a slot (plain data: a save can never run code).

A save holds the story's state (plain data), the rollback log and history that let a
player step back after loading, the line being read, a one-line scene summary, a JPEG (or
PNG) thumbnail as base64, a schema version and a checksum. The rollback log and history
are packed (savepack.py) and compressed: a save after 120 lines is under 40 KB. It is
written atomically (see atomic.py), so a crash mid-save leaves the previous save of that
slot whole. Reading is
defensive: any damaged, truncated, hand-edited or foreign file becomes an `Unreadable`
entry with the reason, and every other slot still loads.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from engine import safefs
from engine.atomic import write_bytes_atomic
from engine.savecheck import check_log, check_state
from engine.savepack import SaveError, expect, pack_log, unpack_log, unpack_plain
from engine.untrusted import (
    check_shape,
    clean_strings,
    json_may_hold_bad_text,
    picture_problem,
)

log = logging.getLogger("roadout.saves")

__all__ = ["SaveData", "SaveError", "Unreadable", "decode", "encode", "read", "write"]

FORMAT = "the-road-out-save"
# 1: whole states in the rollback log, history lines as objects; 2: the log packed (see
# savepack.py); 3: the log and the history packed, then compressed into one "log" field.
SCHEMA = 3
MAX_BYTES = 8 * 1024 * 1024  # a save is ~50 KB; anything this big is not ours
MAX_SUMMARY = 1000  # characters of the line and scene a slot's card shows (it shows ~60)
PAGES, SLOTS_PER_PAGE = 3, 6
SLOT_RE = re.compile(r"^(?:\d+-\d+|quick|auto)$")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


@dataclass
class SaveData:
    """What the game puts in a slot and gets back from it."""

    state: dict[str, Any]
    label: str | None
    line_who: str | None
    line_text: str
    scene: str
    thumbnail: bytes = b""  # JPEG or PNG
    rollback: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    source: str = ""  # the statement's source text, for finding it again after edits
    created: str = ""  # ISO time, local
    description: str = ""  # the story's save_name when it was saved (Ren'Py's)


@dataclass
class Unreadable:
    slot: str
    reason: str


def slot_path(folder: Path, slot: str) -> Path:
    if not SLOT_RE.match(slot):
        raise ValueError(f"bad slot name {slot!r}")
    return folder / f"{slot}.json"


def page_slots(page: int) -> list[str]:
    return [f"{page}-{n}" for n in range(1, SLOTS_PER_PAGE + 1)]


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: an edited save may hold a lone surrogate ("\ud800"), which plain
    # UTF-8 cannot encode; the game never writes one, so its checksums are unchanged.
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def encode(data: SaveData, game: str) -> bytes:
    body = {
        "format": FORMAT,
        "schema": SCHEMA,
        "game": game,
        "created": data.created or datetime.now().isoformat(timespec="seconds"),
        "label": data.label,
        "source": data.source,
        "line": {"who": data.line_who, "text": data.line_text},
        "scene": data.scene,
        "description": data.description,
        "state": data.state,
        "log": pack_log(data.rollback, data.history),
        "thumbnail": base64.b64encode(data.thumbnail).decode("ascii"),
    }
    body["checksum"] = _checksum(body)
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def write(folder: Path, slot: str, data: SaveData, game: str) -> Path:
    path = slot_path(folder, slot)
    write_bytes_atomic(path, encode(data, game))
    return path


def decode(raw: bytes) -> SaveData:
    """Check and decode a save file's bytes. Raises SaveError with a player-facing reason."""
    expect(len(raw) > 0, "the file is empty")
    expect(len(raw) <= MAX_BYTES, f"the file is too large ({len(raw) // 1024} KB)")
    try:
        text = raw.decode("utf-8")
        body = json.loads(text)
    except UnicodeDecodeError:
        raise SaveError("the file is not text (damaged?)") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"the file is damaged or cut short (JSON error at line {exc.lineno})"
                        ) from None
    except ValueError:  # an integer past Python's 4,300-digit limit
        raise SaveError("the file is damaged (a number too long to read)") from None
    except RecursionError:
        raise SaveError("the file is nested too deeply") from None
    expect(isinstance(body, dict), "the file is not a save (not a JSON object)")
    shape = check_shape(body)
    expect(shape is None, f"the save is not one this game writes: {shape}")
    expect(body.get("format") == FORMAT, "the file is not a save of this game")
    schema = body.get("schema")
    expect(isinstance(schema, int) and not isinstance(schema, bool),
            "the save has no schema version")
    if schema > SCHEMA:
        raise SaveError(f"the save was made by a newer version of the game (schema {schema}; "
                        f"this version reads {SCHEMA})")
    expect(schema in (1, 2, SCHEMA), f"the save's schema {schema} is not supported")
    checksum = body.pop("checksum", None)
    expect(isinstance(checksum, str), "the save has no checksum")
    expect(_checksum(body) == checksum, "the checksum does not match (damaged or edited)")
    if json_may_hold_bad_text(text):
        # Text an edited save holds reaches the font renderer and the next save's
        # encoder: NULs, controls and lone surrogates become U+FFFD.
        body = clean_strings(body)
    line = body.get("line")
    expect(isinstance(line, dict), "the save has no line")
    who, line_text = line.get("who"), line.get("text")
    expect(who is None or isinstance(who, str), "the save's speaker is not text")
    expect(isinstance(line_text, str), "the save's line is not text")
    state = body.get("state")
    expect(isinstance(state, dict), "the save has no story state")
    for key, kind in (("label", (str, type(None))), ("scene", str), ("created", str),
                      ("source", str), ("thumbnail", str)):
        expect(isinstance(body.get(key), kind), f"the save's '{key}' has the wrong type")
    # Saves from before save_name existed have none (the card names them by label); a
    # damaged one is only a name, so it is dropped rather than losing the save.
    description = body.get("description", "")
    if not isinstance(description, str) or len(description) > 200:
        description = ""
    check_state(state)
    rollback, history = unpack_log(body) if schema >= 3 else unpack_plain(body)
    rollback = check_log(rollback, history)
    try:
        thumb = base64.b64decode(body["thumbnail"], validate=True)
    except (binascii.Error, ValueError):
        raise SaveError("the thumbnail is damaged") from None
    expect(not thumb or thumb.startswith((PNG_MAGIC, JPEG_MAGIC)),
            "the thumbnail is not a JPEG or PNG picture")
    if thumb and (problem := picture_problem(thumb)) is not None:
        # The save itself is good: only its picture is left out (a blank card).
        log.warning("a save's thumbnail was not shown: %s", problem)
        thumb = b""
    return SaveData(state=state, label=body["label"], line_who=who and who[:MAX_SUMMARY],
                    line_text=line_text[:MAX_SUMMARY], scene=body["scene"][:MAX_SUMMARY],
                    thumbnail=thumb, rollback=rollback, history=history,
                    source=body["source"], created=body["created"], description=description)


def read(folder: Path, slot: str) -> SaveData | Unreadable | None:
    """A slot's save, an Unreadable with the reason, or None when the slot is empty."""
    path = slot_path(folder, slot)
    try:
        raw = safefs.read_bytes(path, MAX_BYTES, roots=[folder])
    except FileNotFoundError:
        return None
    except safefs.Refused as exc:
        return Unreadable(slot, f"cannot read the file: {exc.strerror}")
    except OSError as exc:
        return Unreadable(slot, f"cannot read the file ({exc.strerror})")
    try:
        return decode(raw)
    except SaveError as exc:
        return Unreadable(slot, str(exc))


def delete(folder: Path, slot: str) -> None:
    slot_path(folder, slot).unlink(missing_ok=True)


def list_slots(folder: Path) -> dict[str, SaveData | Unreadable]:
    """Every slot file in the folder (numbered, quick and auto), read; empty slots absent.
    Files that are not slot files are left alone."""
    out: dict[str, SaveData | Unreadable] = {}
    for path in slot_paths(folder):
        result = read(folder, path.stem)
        if result is not None:
            out[path.stem] = result
    return out


def slot_paths(folder: Path) -> list[Path]:
    """The slot files in the folder (numbered, quick and auto), by name; none when there is
    no folder. Other files are left alone."""
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob("*.json")) if SLOT_RE.match(p.stem)]
