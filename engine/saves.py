"""Save slots: one JSON file a slot (plain data: a save can never run code).

A save holds the story's state (plain data), the rollback log and history that let a
player step back after loading, the line being read, a one-line scene summary, a JPEG (or
PNG) thumbnail as base64, a schema version and a checksum. Schema 2 keeps each distinct
stage of the rollback log once and writes each entry as what changed since the one
before, and history lines as rows: a hundred lines in one scene otherwise repeat the
same stage and variables a hundred times. It is written atomically (see
atomic.py), so a crash mid-save leaves the previous save of that slot whole. Reading is
defensive: any damaged, truncated, hand-edited or foreign file becomes an `Unreadable`
entry with the reason, and every other slot still loads.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from engine.atomic import write_bytes_atomic

FORMAT = "the-road-out-save"
SCHEMA = 2  # 1: whole states in the rollback log, history lines as objects
MAX_BYTES = 8 * 1024 * 1024  # a save is ~50 KB; anything this big is not ours
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
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _delta(prev: dict[str, Any], cur: dict[str, Any]) -> dict[str, Any]:
    """`cur` as the keys that differ from `prev` (and the keys it no longer has)."""
    out: dict[str, Any] = {"delta": {k: v for k, v in cur.items()
                                     if k not in prev or prev[k] != v}}
    dropped = [k for k in prev if k not in cur]
    if dropped:
        out["drop"] = dropped
    return out


def _apply(prev: dict[str, Any], packed: dict[str, Any]) -> dict[str, Any]:
    drop = packed.get("drop")
    drop = drop if isinstance(drop, list) else []
    return {k: v for k, v in {**prev, **packed["delta"]}.items() if k not in drop}


def pack_rollback(entries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    """The rollback log written small: each distinct stage once, in a table the entries
    point into, and each state (and each stage of the table) as what changed since the
    one before it (most lines change only the position). About a fifth of the size."""
    stages: list[Any] = []
    known: dict[str, int] = {}
    prev: dict[str, Any] = {}
    prev_stage: dict[str, Any] = {}
    packed = []
    for entry in entries:
        state = entry.get("state")
        if not isinstance(state, dict):
            packed.append({"raw": entry})  # damaged: kept as it is, refused on restore
            continue
        state = dict(state)
        stage = state.get("stage")
        if isinstance(stage, dict):
            key = json.dumps(stage, sort_keys=True)
            state["stage"] = known.setdefault(key, len(known))
            if state["stage"] == len(stages):
                stages.append(_delta(prev_stage, stage))
                prev_stage = stage
        rest = {k: v for k, v in entry.items() if k != "state"}
        packed.append({**rest, **_delta(prev, state)})
        prev = state
    return packed, stages


def unpack_stages(table: list[Any]) -> list[Any]:
    out: list[Any] = []
    prev: dict[str, Any] = {}
    for packed in table:
        if not (isinstance(packed, dict) and isinstance(packed.get("delta"), dict)):
            raise SaveError("the rollback log's stages are damaged")
        prev = _apply(prev, packed)
        out.append(prev)
    return out


def unpack_rollback(entries: list[Any], stages: list[Any]) -> list[dict[str, Any]]:
    """The rollback log as the game keeps it. Schema 1 entries (whole states) pass
    through; a damaged entry comes back as one whose restore fails with a reason."""
    prev: dict[str, Any] = {}
    out = []
    for entry in entries:
        if not isinstance(entry, dict):
            out.append({"state": None})
        elif "raw" in entry:
            out.append(entry["raw"] if isinstance(entry["raw"], dict) else {"state": None})
        elif isinstance(entry.get("delta"), dict):
            state = prev = _apply(prev, entry)
            ref = state.get("stage")
            if isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref < len(stages):
                state = {**state, "stage": stages[ref]}
            out.append({**{k: v for k, v in entry.items() if k not in ("delta", "drop")},
                        "state": state})
        else:
            out.append(entry)
    return out


def pack_pages(entries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    """Rollback entries with each NVL page (state.dialogue.page) swapped for its index in
    a table of pages, each written as the page before it plus the entries added, since a
    page mostly grows a line at a time. Without it a save would hold each page whole once
    per line."""
    pages: list[Any] = []
    known: dict[str, int] = {}
    prev: list[Any] = []
    out = []
    for entry in entries:
        state = entry.get("state")
        dialogue = state.get("dialogue") if isinstance(state, dict) else None
        page = dialogue.get("page") if isinstance(dialogue, dict) else None
        if not isinstance(page, list) or not page:
            out.append(entry)
            continue
        key = json.dumps(page, sort_keys=True)
        if key not in known:
            known[key] = len(pages)
            grows = bool(prev) and page[:len(prev)] == prev
            pages.append({"from": len(pages) - 1, "add": page[len(prev):]} if grows
                         else {"add": page})
            prev = page
        state = {**state, "dialogue": {**dialogue, "page": known[key]}}
        out.append({**entry, "state": state})
    return out, pages


def unpack_pages(entries: list[dict[str, Any]], table: Any) -> list[dict[str, Any]]:
    _expect(isinstance(table, list), "the save's 'pages' has the wrong type")
    pages: list[list[Any]] = []
    for packed in table:
        _expect(isinstance(packed, dict) and isinstance(packed.get("add"), list),
                "the rollback log's NVL pages are damaged")
        base = packed.get("from")
        ok = base is None or (type(base) is int and 0 <= base < len(pages))
        _expect(ok, "the rollback log's NVL pages are damaged")
        pages.append((pages[base] if base is not None else []) + packed["add"])
    out = []
    for entry in entries:
        state = entry.get("state")
        dialogue = state.get("dialogue") if isinstance(state, dict) else None
        ref = dialogue.get("page") if isinstance(dialogue, dict) else None
        if type(ref) is int and 0 <= ref < len(pages):  # a damaged one fails on restore
            entry = {**entry, "state": {**state, "dialogue": {**dialogue, "page": pages[ref]}}}
        out.append(entry)
    return out


HISTORY_KEYS = ("who", "text", "color")


def pack_history(history: list[dict[str, Any]]) -> list[Any]:
    """History lines as [who, text, colour] rows rather than objects."""
    return [[h.get(k) for k in HISTORY_KEYS] if set(h) == set(HISTORY_KEYS) else h
            for h in history]


def unpack_history(rows: list[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        if isinstance(row, list) and len(row) == len(HISTORY_KEYS):
            out.append(dict(zip(HISTORY_KEYS, row, strict=True)))
        elif isinstance(row, dict):
            out.append(row)
        else:
            raise SaveError("the history is damaged")
    return out


def encode(data: SaveData, game: str) -> bytes:
    entries, pages = pack_pages(data.rollback)
    rollback, stages = pack_rollback(entries)
    body = {
        "format": FORMAT,
        "schema": SCHEMA,
        "game": game,
        "created": data.created or datetime.now().isoformat(timespec="seconds"),
        "label": data.label,
        "source": data.source,
        "line": {"who": data.line_who, "text": data.line_text},
        "scene": data.scene,
        "state": data.state,
        "rollback": rollback,
        "stages": stages,
        **({"pages": pages} if pages else {}),
        "history": pack_history(data.history),
        "thumbnail": base64.b64encode(data.thumbnail).decode("ascii"),
    }
    body["checksum"] = _checksum(body)
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def write(folder: Path, slot: str, data: SaveData, game: str) -> Path:
    path = slot_path(folder, slot)
    write_bytes_atomic(path, encode(data, game))
    return path


class SaveError(ValueError):
    """Why a file is not a save we can load; the message is shown to the player."""


def _expect(cond: bool, reason: str) -> None:
    if not cond:
        raise SaveError(reason)


def decode(raw: bytes) -> SaveData:
    """Check and decode a save file's bytes. Raises SaveError with a player-facing reason."""
    _expect(len(raw) > 0, "the file is empty")
    _expect(len(raw) <= MAX_BYTES, f"the file is too large ({len(raw) // 1024} KB)")
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError("the file is not text (damaged?)") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"the file is damaged or cut short (JSON error at line {exc.lineno})"
                        ) from None
    except RecursionError:
        raise SaveError("the file is nested too deeply") from None
    _expect(isinstance(body, dict), "the file is not a save (not a JSON object)")
    _expect(body.get("format") == FORMAT, "the file is not a save of this game")
    schema = body.get("schema")
    _expect(isinstance(schema, int) and not isinstance(schema, bool),
            "the save has no schema version")
    if schema > SCHEMA:
        raise SaveError(f"the save was made by a newer version of the game (schema {schema}; "
                        f"this version reads {SCHEMA})")
    _expect(schema in (1, SCHEMA), f"the save's schema {schema} is not supported")
    checksum = body.pop("checksum", None)
    _expect(isinstance(checksum, str), "the save has no checksum")
    _expect(_checksum(body) == checksum, "the checksum does not match (damaged or edited)")
    line = body.get("line")
    _expect(isinstance(line, dict), "the save has no line")
    who, text = line.get("who"), line.get("text")
    _expect(who is None or isinstance(who, str), "the save's speaker is not text")
    _expect(isinstance(text, str), "the save's line is not text")
    state = body.get("state")
    _expect(isinstance(state, dict), "the save has no story state")
    for key, kind in (("label", (str, type(None))), ("scene", str), ("created", str),
                      ("source", str), ("rollback", list), ("history", list),
                      ("thumbnail", str)):
        _expect(isinstance(body.get(key), kind), f"the save's '{key}' has the wrong type")
    _expect(all(isinstance(r, dict) for r in body["rollback"]), "the rollback log is damaged")
    stages = body.get("stages", [])
    _expect(isinstance(stages, list), "the save's 'stages' has the wrong type")
    history = unpack_history(body["history"])
    try:
        thumb = base64.b64decode(body["thumbnail"], validate=True)
    except (binascii.Error, ValueError):
        raise SaveError("the thumbnail is damaged") from None
    _expect(not thumb or thumb.startswith((PNG_MAGIC, JPEG_MAGIC)),
            "the thumbnail is not a JPEG or PNG picture")
    rollback = unpack_pages(unpack_rollback(body["rollback"], unpack_stages(stages)),
                            body.get("pages", []))
    return SaveData(state=state, label=body["label"], line_who=who, line_text=text,
                    scene=body["scene"], thumbnail=thumb, rollback=rollback,
                    history=history, source=body["source"], created=body["created"])


def read(folder: Path, slot: str) -> SaveData | Unreadable | None:
    """A slot's save, an Unreadable with the reason, or None when the slot is empty."""
    path = slot_path(folder, slot)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
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
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.json")):
        slot = path.stem
        if SLOT_RE.match(slot):
            result = read(folder, slot)
            if result is not None:
                out[slot] = result
    return out
