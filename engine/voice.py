"""Self-voicing: speaking lines, choices and buttons through the system's text-to-speech,
as Ren'Py's V key does.

The engine calls espeak-ng (or espeak) directly rather than through a Python binding: no
dependency to install, and a missing engine is a clear message, not an import error. A
new utterance interrupts the one still speaking, so moving quickly through a menu never
builds a queue of stale speech. Tests use RecordingVoice, which only remembers.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Protocol

from engine.frozen import child_env
from engine.script.text import strip_tags

NO_ENGINE = ("self-voicing needs a speech engine: install espeak-ng "
             "(Debian/Ubuntu: apt-get install espeak-ng)")


class Voice(Protocol):
    def say(self, text: str) -> None: ...
    def stop(self) -> None: ...


class RecordingVoice:
    """Remembers what it was asked to say: the fake backend for tests."""

    def __init__(self) -> None:
        self.spoken: list[str] = []

    def say(self, text: str) -> None:
        self.spoken.append(text)

    def stop(self) -> None:
        pass


class EspeakVoice:
    """Speaks through the espeak-ng program. With `to_file`, writes a WAV instead of
    playing (for tests on machines with no sound card)."""

    def __init__(self, program: str, rate: int = 165, to_file: Path | None = None) -> None:
        self.program = program
        self.rate = rate
        self.to_file = to_file
        self._proc: subprocess.Popen[bytes] | None = None

    def say(self, text: str) -> None:
        self.stop()
        args = [self.program, "-s", str(self.rate)]
        if self.to_file is not None:
            args += ["-w", str(self.to_file)]
        # Text goes in on stdin so it can never be read as an option.
        try:
            self._proc = subprocess.Popen(args + ["--stdin"], stdin=subprocess.PIPE,
                                          stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL,
                                          env=child_env())
            assert self._proc.stdin is not None
            self._proc.stdin.write(text.encode("utf-8"))
            self._proc.stdin.close()
        except OSError:
            self._proc = None

    def wait(self, timeout: float = 10.0) -> None:
        if self._proc is not None:
            self._proc.wait(timeout)

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(1.0)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        self._proc = None


def find_engine() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def make_voice() -> tuple[Voice | None, str]:
    """The system's voice, or None and the message to show the player."""
    program = find_engine()
    if program is None:
        return None, NO_ENGINE
    return EspeakVoice(program), f"self-voicing on ({Path(program).name})"


def line_to_speech(who: str | None, text: str) -> str:
    """What is spoken for a line: the speaker's name, then the words, tags dropped."""
    words = strip_tags(text).replace("{", "")
    return f"{who}: {words}" if who else words
