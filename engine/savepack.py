"""How a save writes its rollback log and history small: each distinct stage of the log
once, in a table its entries point into; NVL pages as the page before plus the lines
added; each state as what changed since the one before it (most lines change only the
position); history lines as rows. Then (schema 3) the whole of it compressed with zlib
into one base64 field, inflated with a cap so a small file cannot unpack into a huge one.
All of it is plain JSON data: nothing here can run code.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from typing import Any

from engine.untrusted import check_shape, clean_strings, json_may_hold_bad_text

MAX_LOG_BYTES = 16 * 1024 * 1024  # the inflated log; a real one is a few hundred KB
MAX_PAGE_LINES = 1000  # lines on one NVL page; a page a reader can read holds a dozen


class SaveError(ValueError):
    """Why a file is not a save we can load; the message is shown to the player."""


def expect(cond: bool, reason: str) -> None:
    if not cond:
        raise SaveError(reason)


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
    expect(isinstance(table, list), "the save's 'pages' has the wrong type")
    pages: list[list[Any]] = []
    for packed in table:
        expect(isinstance(packed, dict) and isinstance(packed.get("add"), list),
                "the rollback log's NVL pages are damaged")
        base = packed.get("from")
        ok = base is None or (type(base) is int and 0 <= base < len(pages))
        expect(ok, "the rollback log's NVL pages are damaged")
        page = (pages[base] if base is not None else []) + packed["add"]
        # Each page is whole in memory: a chain of pages a line longer each is quadratic.
        expect(len(page) <= MAX_PAGE_LINES, "the rollback log's NVL pages are too long")
        pages.append(page)
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


def pack_log(rollback: list[dict[str, Any]], history: list[dict[str, Any]]) -> str:
    entries, pages = pack_pages(rollback)
    packed, stages = pack_rollback(entries)
    log = {"rollback": packed, "stages": stages, "pages": pages,
           "history": pack_history(history)}
    text = json.dumps(log, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.b64encode(zlib.compress(text, 9)).decode("ascii")


def unpack_log(body: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rollback log and history of a schema 3 save."""
    return unpack_plain(inflate(body))


def inflate(body: dict[str, Any]) -> dict[str, Any]:
    """A schema 3 save's packed log, inflated: {rollback, stages, pages, history}."""
    blob = body.get("log")
    expect(isinstance(blob, str), "the save's 'log' has the wrong type")
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(base64.b64decode(blob, validate=True), MAX_LOG_BYTES)
    except (binascii.Error, ValueError, zlib.error):
        raise SaveError("the rollback log is damaged") from None
    expect(not inflater.unconsumed_tail, "the rollback log is too large")
    try:
        chars = text.decode("utf-8")
        log = json.loads(chars)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise SaveError("the rollback log is damaged") from None
    expect(isinstance(log, dict), "the rollback log is damaged")
    shape = check_shape(log)
    expect(shape is None, f"the rollback log is not one this game writes: {shape}")
    # Cleaned here, packed: unpacked, a stage or a page is shared by many entries.
    return clean_strings(log) if json_may_hold_bad_text(chars) else log


def unpack_plain(log: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rollback log and history from their packed fields (a schema 1 or 2 save's body,
    or a schema 3 save's inflated log)."""
    for key in ("rollback", "history"):
        expect(isinstance(log.get(key), list), f"the save's '{key}' has the wrong type")
    expect(all(isinstance(r, dict) for r in log["rollback"]), "the rollback log is damaged")
    stages = log.get("stages", [])
    expect(isinstance(stages, list), "the save's 'stages' has the wrong type")
    history = unpack_history(log["history"])
    rollback = unpack_pages(unpack_rollback(log["rollback"], unpack_stages(stages)),
                            log.get("pages", []))
    return rollback, history
