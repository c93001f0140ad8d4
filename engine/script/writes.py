"""The undo log of variable writes: `store` notes each value it replaces, so a
`Story.next()` that ends in an error can put every variable back (see Story.next)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .story import Story

_ABSENT = object()  # a name that had no value before a write
Write = tuple[dict[str, Any], str, Any]  # the table, the key, the value it had


def store(story: Story, table: dict[str, Any], key: str, value: Any) -> None:
    story._undo.append((table, key, table.get(key, _ABSENT)))
    table[key] = value


def forget(story: Story, table: dict[str, Any], key: str) -> None:
    """Remove `key`, as an undoable write."""
    if key in table:
        story._undo.append((table, key, table[key]))
        del table[key]


def undo_writes(writes: list[Write]) -> None:
    """Put back what `store` wrote, last write first."""
    for table, key, old in reversed(writes):
        if old is _ABSENT:
            table.pop(key, None)
        else:
            table[key] = old
