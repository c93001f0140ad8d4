"""Where the player's loop, transitions, typing, auto-forward and the harness take time from.

The real clock reads time.perf_counter and sleeps. The virtual clock is the test harness's:
`sleep` jumps straight to the requested moment instead of waiting (Ren'Py's
RENPY_TIMEWARP, taken all the way), so a three-second fade costs a test no real time and
its timeouts are virtual seconds.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    virtual: bool

    def now(self) -> float:
        """Seconds on this clock (only differences mean anything)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Let `seconds` pass."""
        ...


class RealClock:
    virtual = False

    def now(self) -> float:
        return time.perf_counter()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class VirtualClock:
    """Time that passes only when asked to: sleeping is instant."""

    virtual = True

    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.t += seconds
