"""What differs when the game runs from a standalone bundle (PyInstaller) instead of Python.

Kept in one place so the rest of the engine asks a question ("how do I start myself?",
"what environment does a child program get?") instead of testing `sys.frozen` everywhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# PyInstaller's bootloader points the library search path at the bundle's own folder and
# keeps the player's value under this name; a system program (espeak-ng) started with the
# bundle's path would load the bundle's libraries instead of its own.
_LIBRARY_PATHS = ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "LIBPATH")


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def child_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a system program started by the game: the player's own, with
    the bundle's changes to the library search path undone."""
    env = dict(os.environ if env is None else env)
    if not is_frozen():
        return env
    for name in _LIBRARY_PATHS:
        original = env.pop(name + "_ORIG", None)
        if original is not None:
            env[name] = original
        else:
            env.pop(name, None)
    return env


def game_command(main_py: Path) -> list[str]:
    """How to start the game again in a new process: the bundle's own program when frozen
    (it has no Python to run main.py with), else this Python with main.py."""
    if is_frozen():
        return [sys.executable]
    return [sys.executable, str(main_py)]
