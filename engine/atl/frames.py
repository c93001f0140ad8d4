"""The pictures an ATL block sets (its `child` statements): frame-by-frame animation as
plain data, read by the parser (an image's first picture), the runtime (whether an
image's block animates) and lint (each frame's file)."""

from __future__ import annotations

from collections.abc import Iterator


def inner_blocks(s: dict) -> list[list[dict]]:
    """The blocks nested in one ATL statement."""
    op = s["op"]
    if op == "block":
        return [s["body"]]
    if op == "parallel":
        return s["blocks"]
    if op == "choice":
        return [b for _, b in s["options"]]
    if op == "on":
        return [b for _, b in s["handlers"]]
    return []


def frames(block: list[dict]) -> Iterator[dict]:
    """Every `child` statement of a block, nested blocks included, in the order written."""
    for s in block:
        if s["op"] == "child":
            yield s
        for inner in inner_blocks(s):
            yield from frames(inner)


def first_frame(block: list[dict]) -> str | None:
    """The first picture a block names, or None when it names none."""
    return next((s["image"] for s in frames(block)), None)
