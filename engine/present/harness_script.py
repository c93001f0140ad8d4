"""The test harness's scripts: the actions, and reading a script with a clear message
naming file:line for a bad action. See harness.py for what each action does."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

import pygame

from .keymap import PAD_BUTTONS

TIMEOUT = 5.0
POLL = 0.02
# Where `click` without coordinates lands: on the dialogue box, clear of every button.
DEFAULT_CLICK = (1100, 660)

ACTIONS = ("click", "key", "keydown", "keyup", "wheel", "press", "choose", "wait", "advance",
           "shot", "expect-text", "expect-screen", "expect-notice", "expect-slot",
           "expect-mode", "quit", "pad", "advance-to", "expect-spoken", "expect-message",
           "type")
SLOT_STATES = ("saved", "empty", "unreadable")
MODES = ("skip", "auto", "none")
KEY_MODS = {"shift": "KMOD_SHIFT", "ctrl": "KMOD_CTRL", "alt": "KMOD_ALT"}


class HarnessError(Exception):
    pass


@dataclass
class Action:
    line: int
    name: str
    args: list[str]
    text: str  # the line as written, for messages


def parse_script(path: Path, text: str | None = None) -> list[Action]:
    """Read a test script; raises HarnessError naming file:line for a bad action."""
    if text is None:
        text = Path(path).read_text("utf-8")
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, rest = line.partition(" ")
        rest = rest.strip()
        where = f"{path}:{n}"
        if name not in ACTIONS:
            raise HarnessError(f"{where}: unknown action '{name}' (known: {', '.join(ACTIONS)})")
        if name in ("expect-text", "expect-notice", "press", "keydown", "keyup",
                    "expect-spoken", "expect-message", "type"):
            args = [rest[1:-1] if len(rest) > 1 and rest[0] == rest[-1] and rest[0] in "\"'"
                    else rest]
        else:
            args = shlex.split(rest)
        try:
            _check(name, args)
        except (ValueError, IndexError) as exc:
            raise HarnessError(f"{where}: {line!r}: {exc}") from None
        out.append(Action(n, name, args, line))
    return out


def _check(name: str, args: list[str]) -> None:
    if name == "click" and args:
        if len(args) != 2:
            raise ValueError("click takes no coordinates or two: click X Y")
        float(args[0]), float(args[1])
    elif name in ("key", "keydown", "keyup"):
        if len(args) != 1:
            raise ValueError(f"{name} takes one pygame key name, e.g. {name} space or "
                             f"{name} shift+c")
        key_and_mod(args[0])
    elif name == "pad":
        if len(args) != 1 or args[0].lower() not in PAD_BUTTONS:
            raise ValueError(f"pad takes one button: {'|'.join(PAD_BUTTONS)}")
    elif name == "advance-to":
        if not 1 <= len(args) <= 2 or args[0] not in ("menu", "ending") or \
                (len(args) == 2 and args[1] not in ("click", "key", "pad")):
            raise ValueError("advance-to takes menu|ending and optionally click|key|pad")
    elif name in ("expect-spoken", "expect-message", "type"):
        if not args or not args[0]:
            raise ValueError(f"{name} takes the text to look for")
    elif name == "wheel":
        if not 1 <= len(args) <= 2 or args[0] not in ("up", "down"):
            raise ValueError("wheel takes up or down and a number of notches")
        if len(args) == 2 and int(args[1]) < 1:
            raise ValueError("the number must be 1 or more")
    elif name in ("press", "expect-notice", "expect-screen"):
        if not args or not args[0]:
            raise ValueError(f"{name} takes a label")
    elif name == "expect-slot":
        if len(args) != 2 or args[1] not in SLOT_STATES:
            raise ValueError(f"expect-slot takes a slot and one of {', '.join(SLOT_STATES)}")
    elif name == "expect-mode":
        if len(args) != 1 or args[0] not in MODES:
            raise ValueError(f"expect-mode takes one of {', '.join(MODES)}")
    elif name in ("choose", "advance"):
        if len(args) > 1 or (name == "choose" and not args):
            raise ValueError(f"{name} takes one number")
        if args and int(args[0]) < 1:
            raise ValueError("the number must be 1 or more")
    elif name == "wait":
        if len(args) != 1 or float(args[0]) < 0:
            raise ValueError("wait takes a number of seconds")
    elif name == "shot":
        if len(args) != 1 or not args[0].lower().endswith(".png"):
            raise ValueError("shot takes a PATH.png")
    elif name == "expect-text":
        if not args or not args[0]:
            raise ValueError("expect-text takes the text to look for")


def key_and_mod(spec: str) -> tuple[int, int]:
    """'shift+c' → (K_c, KMOD_SHIFT); a bare key name has no modifier."""
    *mods, name = spec.split("+") if len(spec) > 1 else [spec]
    mod = 0
    for m in mods:
        if m.lower() not in KEY_MODS:
            raise ValueError(f"unknown modifier {m!r} (known: {', '.join(KEY_MODS)})")
        mod |= getattr(pygame, KEY_MODS[m.lower()])
    return pygame.key.key_code(name), mod
