"""Data from files a player (or anyone) may have edited -- saves, persistent data -- made
safe before it reaches pygame's font renderer, a file encoder or a decoder: text without
NULs, lone surrogates or control characters; JSON values of bounded nesting and size;
pictures whose header promises a small size.

Plain data only: nothing here imports pygame.
"""

from __future__ import annotations

import re
import struct
from typing import Any

from engine.script.limits import MAX_NAME_LENGTH

MAX_DEPTH = 64  # a story's values nest a few levels; Python's own limit is ~1000
MAX_NODES = 2_000_000  # values in one save (a real one: ~20,000)
# An ending's, an image's or a read line's name: the bound the script sets them under, so
# whatever a story could set is read back from the player's files.
MAX_NAME = MAX_NAME_LENGTH
MAX_PICTURE_SIDE = 2048  # a thumbnail is 320x180; a decompression bomb is 30000x30000
MAX_PICTURE_PIXELS = 1920 * 1080

# C0 and C1 controls but tab and newline, and lone surrogates (json.loads makes them from
# "\ud800"; encoding them raises, and SDL_ttf stops a line at a NUL).
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


# Where, in JSON text, a string can get one of those: a \u escape of a control or a
# surrogate, the \b \f \r escapes, or a raw DEL or C1 control (JSON allows them raw).
# A false alarm (an escaped backslash before "u0000") only costs a walk.
_BAD_IN_JSON = re.compile(r"\\u00[0189][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F]|\\[bfr]"
                          "|[\x7f-\x9f]")


def json_may_hold_bad_text(text: str) -> bool:
    """Whether JSON `text` may decode to a string clean_text would change (a quick search
    of the text, so a clean file is never walked value by value)."""
    return _BAD_IN_JSON.search(text) is not None


def clean_text(text: str) -> str:
    """`text` with NULs, control characters and lone surrogates replaced by U+FFFD."""
    return _BAD_CHARS.sub(REPLACEMENT, text)


def is_clean(text: str) -> bool:
    return _BAD_CHARS.search(text) is None


def clean_name(value: Any) -> str | None:
    """A name (an ending, a read mark, an image): a clean, non-blank string of bounded
    length, else None."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME:
        return None
    return value if is_clean(value) else None


def check_shape(value: Any, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES
                ) -> str | None:
    """Why a JSON value is too deep or too big (None when it is fine), walked without
    recursion so no nesting can reach Python's recursion limit."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            return f"it holds too many values (over {max_nodes:,})"
        if isinstance(item, (dict, list)):
            if depth >= max_depth:
                return f"it is nested too deeply (over {max_depth} levels)"
            children = item.values() if isinstance(item, dict) else item
            stack.extend((c, depth + 1) for c in children)
    return None


def clean_strings(value: Any) -> Any:
    """The value with every string in it (keys too) cleaned by clean_text; containers are
    copied only where something changed. The value's shape must be checked first."""
    if isinstance(value, str):
        return value if is_clean(value) else clean_text(value)
    if isinstance(value, list):
        out = [clean_strings(v) for v in value]
        return value if all(a is b for a, b in zip(out, value, strict=True)) else out
    if isinstance(value, dict):
        pairs = [(clean_strings(k), clean_strings(v)) for k, v in value.items()]
        same = all(k is k0 and v is v0 for (k, v), (k0, v0)
                   in zip(pairs, value.items(), strict=True))
        return value if same else dict(pairs)
    return value


def picture_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's or JPEG's header, without decoding it; None when the
    header cannot be read."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return w, h
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


# JPEG start-of-frame markers: C0-CF but C4 (Huffman tables), C8 (reserved), CC (arithmetic).
_SOF = {m for m in range(0xC0, 0xD0) if m not in (0xC4, 0xC8, 0xCC)}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 <= len(data):
        if data[i] != 0xFF:  # libjpeg skips junk between markers: so does this
            i += 1
            continue
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if marker in _SOF:
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        if length < 2:
            return None
        i += 2 + length
    return None


def picture_problem(data: bytes) -> str | None:
    """Why a picture from an untrusted place must not be decoded (None when it may)."""
    size = picture_size(data)
    if size is None:
        return None  # no decoder gets past a header it cannot read either
    w, h = size
    if not (0 < w <= MAX_PICTURE_SIDE and 0 < h <= MAX_PICTURE_SIDE) \
            or w * h > MAX_PICTURE_PIXELS:
        return f"it is too large ({w}x{h})"
    return None
