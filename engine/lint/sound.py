"""Lint's look inside the sound files the story plays: each must decode, and a file that
loops must meet its own start without a click.

A file is decoded once (pygame.mixer, on SDL's dummy driver when no audio driver is
chosen, so lint needs no sound card) and the result kept by path, modification time and
size for the rest of the run. A click is a jump from the last sample to the first larger
than the file's 99th-percentile step between neighbouring samples.
"""

from __future__ import annotations

import heapq
import os
from array import array
from dataclasses import dataclass
from operator import sub
from pathlib import Path
from typing import TYPE_CHECKING

from engine.stage import audio_path, usable

if TYPE_CHECKING:
    from engine.lint.core import Linter
    from engine.script.program import Stmt

STEPS_MEASURED = 200_000  # per channel: enough for a steady 99th percentile, and quick

# pygame.mixer's sample formats: (array typecode, the value of silence, full scale)
FORMATS = {-16: ("h", 0, 32768.0), 16: ("H", 32768, 32768.0), -8: ("b", 0, 128.0),
           8: ("B", 128, 128.0), -32: ("i", 0, 2147483648.0), 32: ("f", 0, 1.0)}


@dataclass(frozen=True)
class Decoded:
    """A sound file as lint sees it: why it does not decode, or its ends and its steps
    (full scale 1, one value a channel)."""

    error: str | None = None
    first: tuple[float, ...] = ()
    last: tuple[float, ...] = ()
    p99_step: float = 0.0

    def seam(self, following: Decoded | None = None) -> float:
        """The largest jump, over the channels, from this file's last sample to the first
        of `following` (itself by default): what a loop plays at its seam."""
        nxt = following or self
        return max((abs(a - b) for a, b in zip(self.last, nxt.first, strict=False)),
                   default=0.0)


_cache: dict[tuple[str, int, int], Decoded | None] = {}


def _mixer() -> tuple[int, int, int] | None:
    """pygame.mixer's (frequency, format, channels), opening it on the driver chosen, else
    on SDL's dummy driver (no sound card needed); None when there is no mixer at all."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    chosen = os.environ.get("SDL_AUDIODRIVER")
    for driver in dict.fromkeys((chosen or "dummy", "dummy")):  # the chosen one, or none
        if pygame.mixer.get_init() is not None:
            break
        os.environ["SDL_AUDIODRIVER"] = driver
        try:
            pygame.mixer.init()
        except pygame.error:
            pass
        finally:
            if chosen is None:
                os.environ.pop("SDL_AUDIODRIVER", None)
            else:
                os.environ["SDL_AUDIODRIVER"] = chosen
    return pygame.mixer.get_init()


def decode(path: Path) -> Decoded | None:
    """The file decoded (cached for the run), or None when there is no mixer to try."""
    try:
        st = path.stat()
    except OSError as exc:
        return Decoded(error=str(exc))
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _cache:
        _cache[key] = _decode(path)
    return _cache[key]


def _decode(path: Path) -> Decoded | None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    init = _mixer()
    if init is None:
        return None
    _, fmt, channels = init
    if fmt not in FORMATS:
        return None
    try:
        raw = pygame.mixer.Sound(str(path)).get_raw()
    except pygame.error as exc:
        return Decoded(error=str(exc) or "unreadable")
    code, zero, scale = FORMATS[fmt]
    size = array(code).itemsize * channels
    samples = memoryview(raw)[:len(raw) - len(raw) % size].cast(code)  # no copy
    frames = len(samples) // channels
    if frames < 2:
        return Decoded(error="it holds no sound")
    first = tuple((samples[c] - zero) / scale for c in range(channels))
    last = tuple((samples[(frames - 1) * channels + c] - zero) / scale
                 for c in range(channels))
    return Decoded(None, first, last, _p99_step(samples, channels, frames) / scale)


def _p99_step(samples: memoryview, channels: int, frames: int) -> float:
    """The 99th percentile of |sample - the one before| over every channel (measured on
    evenly spread pairs of a long file)."""
    stride = max(1, (frames - 1) // STEPS_MEASURED)
    steps: list[int | float] = []
    for c in range(channels):
        one = samples[c::channels]
        steps.extend(map(abs, map(sub, one[1::stride], one[:-1:stride])))
    k = max(1, len(steps) // 100)
    return float(heapq.nlargest(k, steps)[-1])


def sound_files(lint: Linter, stmt: Stmt, files: list[str], loop: bool) -> None:
    """The files of one play or queue statement: each decodes; looping, each meets the
    next (the last the first, one file itself) without a click."""
    decoded: list[Decoded | None] = []
    for f in files:
        path = audio_path(lint.game, f)
        d = decode(path) if usable(lint.game, path) else None
        if d is not None and d.error is not None:
            lint.error(stmt, f"audio file '{f}' cannot be decoded",
                       hint=f"the decoder says: {d.error}")
            d = None
        decoded.append(d)
    if not loop:
        return
    for i, (f, d) in enumerate(zip(files, decoded, strict=True)):
        j = (i + 1) % len(files)
        following = decoded[j]
        if d is None or following is None:
            continue
        jump, limit = d.seam(following), max(d.p99_step, following.p99_step)
        if jump > limit:
            into = "its first" if j == i else f"the first of '{files[j]}'"
            lint.error(stmt, f"looping '{f}' clicks: its last sample jumps {jump:.4f} to "
                       f"{into}, above the file's 99th-percentile sample step ({limit:.4f})",
                       hint="fade both ends to silence, or cut the loop where the wave "
                            "crosses zero", severity="warning")
