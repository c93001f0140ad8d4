"""Hostile saves and data folders for the tests/hostile/test_data_* tests: a real save of
the demo, edited the way an attacker would (the checksum recomputed as engine/saves.py
computes it, so the edit gets past it), and the checks every hostile run ends with."""

from __future__ import annotations

import base64
import json
import signal
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from engine import saves
from engine.playthrough import Playthrough
from engine.savepack import inflate
from engine.script import Say, Story, load_game
from tests.player.helpers import DEMO, Result

Body = dict[str, Any]


class Memory:
    """The player's data as a dict, for a playthrough without a window."""

    def __init__(self) -> None:
        self.settings = {"skip_unread": False, "auto_delay": 15.0}
        self.read: set[str] = set()

    def is_read(self, fp: str) -> bool:
        return fp in self.read

    def mark_read(self, fp: str) -> None:
        self.read.add(fp)

    def record_ending(self, name: str) -> None:
        pass


def demo_save(lines: int = 3, thumbnail: bytes = b"") -> bytes:
    """A save of the demo `lines` lines in (Eileen and Lucy on stage by line 4)."""
    story = Story(load_game(DEMO))
    story.start("start")
    play = Playthrough(story, Memory())
    shown = 0
    while shown < lines:
        if isinstance(play.next(), Say):
            shown += 1
    return saves.encode(play.save_data(thumbnail), "Demo")


def resign(body: Body) -> bytes:
    """The body written back with its checksum recomputed, as engine/saves.py does."""
    body = dict(body)
    body.pop("checksum", None)
    body["checksum"] = saves._checksum(body)
    # ASCII with escapes, as an attacker's editor writes "\ud800" (valid JSON, unlike the
    # raw surrogate's bytes).
    return json.dumps(body, separators=(",", ":")).encode("ascii")


def edited(raw: bytes, body_edit: Callable[[Body], Any] | None = None,
           log_edit: Callable[[Body], Any] | None = None) -> bytes:
    """A save with its body and/or its packed log (inflated, edited, packed again)
    changed in place by the edit functions, then re-signed."""
    body = json.loads(raw)
    if log_edit is not None:
        log = inflate(body)
        log_edit(log)
        text = json.dumps(log, separators=(",", ":"))
        body["log"] = base64.b64encode(zlib.compress(text.encode("ascii"), 9)).decode("ascii")
    if body_edit is not None:
        body_edit(body)
    return resign(body)


def nested(depth: int) -> Any:
    """A list nested `depth` deep, built without recursion."""
    value: Any = 0
    for _ in range(depth):
        value = [value]
    return value


def nested_json(depth: int) -> bytes:
    return b"[" * depth + b"0" + b"]" * depth


def clean(result: Result) -> None:
    """A run that ended on its own, with no Python traceback in what it printed."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes (to prove nothing already saved changed)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


HANG_GUARD_S = 120  # far past any of these tests' normal run: only a hang reaches it


@pytest.fixture(autouse=True, name="hang_guard")
def hang_guard_fixture() -> Iterator[None]:
    """A test that hangs (a FIFO read plainly, a walk of the whole disk) fails instead of
    stopping the suite; imported by each test_data_* module."""
    def timeout(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"the test hung for {HANG_GUARD_S} s")
    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(HANG_GUARD_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
