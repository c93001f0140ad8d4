"""The rollback log: where the player has been, so the wheel can step back and forth.

Each entry is whatever the game records when a line or menu is shown — the story's
snapshot at that moment, plus what the screen needs (how long the history was). Entries
are plain JSON-able dicts, so the log goes into a save as data.
"""

from __future__ import annotations

from typing import Any

DEFAULT_LIMIT = 200  # lines a player can step back through (Ren'Py keeps 100)
SAVED_LIMIT = 100  # how many of them a save keeps


class Rollback:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self.past: list[dict[str, Any]] = []  # past[-1] is what is on screen now
        self.future: list[dict[str, Any]] = []  # future[-1] is the next line forward

    def record(self, entry: dict[str, Any]) -> None:
        """A new line or menu is on screen because the story moved on (not by rollback).
        Stepping onward from a rolled-back point replays the story, so whatever was
        ahead is dropped: the player may choose differently this time."""
        self.past.append(entry)
        self.future.clear()
        if len(self.past) > self.limit:
            del self.past[: len(self.past) - self.limit]

    def can_back(self) -> bool:
        return len(self.past) >= 2

    def can_forward(self) -> bool:
        return bool(self.future)

    def back(self) -> dict[str, Any] | None:
        """Step back one line: the entry to restore, or None at the oldest one."""
        if not self.can_back():
            return None
        self.future.append(self.past.pop())
        return self.past[-1]

    def forward(self) -> dict[str, Any] | None:
        """Step forward again along the same lines (and the same choices)."""
        if not self.future:
            return None
        entry = self.future.pop()
        self.past.append(entry)
        return entry

    def to_json(self, limit: int = SAVED_LIMIT) -> list[dict[str, Any]]:
        return list(self.past[-limit:])

    @staticmethod
    def from_json(entries: list[dict[str, Any]], limit: int = DEFAULT_LIMIT) -> Rollback:
        log = Rollback(limit)
        log.past = [e for e in entries if isinstance(e, dict)][-limit:]
        return log
