"""`main.py --test FILE`: drive the real game loop from a script, one action a line.

Actions wait the way a player would (see DESIGN.md, "The test harness"), so a script does
not depend on the machine's speed. Coordinates are canvas pixels (1280x720), so a script
works at any --size.
"""

from __future__ import annotations

import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

TIMEOUT = 5.0
POLL = 0.02
# Where `click` without coordinates lands: on the dialogue box, clear of every button.
DEFAULT_CLICK = (1100, 660)

ACTIONS = ("click", "key", "choose", "wait", "advance", "shot", "expect-text", "quit",
           "pad", "expect-spoken", "expect-message", "expect-screen", "advance-to")
# Gamepad buttons by the names a script uses (SDL game controller layout).
PAD_BUTTONS = {
    "a": "CONTROLLER_BUTTON_A", "b": "CONTROLLER_BUTTON_B", "x": "CONTROLLER_BUTTON_X",
    "y": "CONTROLLER_BUTTON_Y", "start": "CONTROLLER_BUTTON_START",
    "back": "CONTROLLER_BUTTON_BACK", "up": "CONTROLLER_BUTTON_DPAD_UP",
    "down": "CONTROLLER_BUTTON_DPAD_DOWN", "left": "CONTROLLER_BUTTON_DPAD_LEFT",
    "right": "CONTROLLER_BUTTON_DPAD_RIGHT",
}
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
        if name in ("expect-text", "expect-spoken", "expect-message"):
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
    elif name == "key":
        if len(args) != 1:
            raise ValueError("key takes one pygame key name, e.g. key space or key shift+c")
        _key_and_mod(args[0])
    elif name == "pad":
        if len(args) != 1 or args[0].lower() not in PAD_BUTTONS:
            raise ValueError(f"pad takes one button: {'|'.join(PAD_BUTTONS)}")
    elif name == "advance-to":
        if not 1 <= len(args) <= 2 or args[0] not in ("menu", "ending") or \
                (len(args) == 2 and args[1] not in ("click", "key", "pad")):
            raise ValueError("advance-to takes menu|ending and optionally click|key|pad")
    elif name == "expect-screen":
        if len(args) != 1:
            raise ValueError("expect-screen takes a screen name, e.g. expect-screen title")
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
    elif name in ("expect-text", "expect-spoken", "expect-message"):
        if not args or not args[0]:
            raise ValueError(f"{name} takes the text to look for")


def _key_and_mod(spec: str) -> tuple[int, int]:
    """'shift+c' → (K_c, KMOD_SHIFT); a bare key name has no modifier."""
    *mods, name = spec.split("+") if len(spec) > 1 else [spec]
    mod = 0
    for m in mods:
        if m.lower() not in KEY_MODS:
            raise ValueError(f"unknown modifier {m!r} (known: {', '.join(KEY_MODS)})")
        mod |= getattr(pygame, KEY_MODS[m.lower()])
    return pygame.key.key_code(name), mod


class Harness:
    """Runs inside App.run: `step` is called once per loop turn."""

    def __init__(self, app: Any, actions: list[Action], source: str,
                 timing: bool = False) -> None:
        self.app = app
        self.actions = actions
        self.source = source
        self.i = 0
        self.started: float | None = None
        self.cpu0 = 0.0
        self.done_clicks = 0
        self.awaiting_change = False
        self.timing = timing

    def deadline(self, now: float) -> float:
        if self.i < len(self.actions) and self.actions[self.i].name == "wait" \
                and self.started is not None:
            return self.started + float(self.actions[self.i].args[0])
        return now + POLL

    def fail(self, action: Action, message: str) -> None:
        st = self.app.status()
        shows = st.get("text") or ""
        extra = f"; the box shows {shows!r}" if shows else "; the box is empty"
        if st.get("menu"):
            extra += f"; menu: {st['menu']}"
        if st.get("screen") != "game":
            extra += f"; screen: {st.get('screen')}"
        print(f"{self.source}:{action.line}: {action.text}: {message}{extra}", file=sys.stderr)
        self.app.exit_code = 1
        self.app.running = False

    def post_click(self, x: float, y: float) -> None:
        pos = self.app.vp.to_window(x, y)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=1))

    def step(self, now: float) -> None:
        while self.i < len(self.actions) and self.app.running:
            action = self.actions[self.i]
            if self.started is None:
                self.started = now
                self.cpu0 = time.process_time()
                self.done_clicks = 0
            result = getattr(self, "do_" + action.name.replace("-", "_"))(action, now)
            if result in ("wait", "wait_yield"):
                return
            if self.timing:
                print(f"timing line {action.line} {action.name} wall={now - self.started:.4f}"
                      f" cpu={time.process_time() - self.cpu0:.4f}", flush=True)
            self.i += 1
            self.started = None
            if result == "yield":  # let the loop handle the posted input first
                return
        if self.i >= len(self.actions) and self.app.running:
            self.app.running = False

    # --- actions -----------------------------------------------------------------------

    def timed_out(self, now: float) -> bool:
        return self.started is not None and now - self.started > TIMEOUT

    def do_click(self, a: Action, now: float) -> str:
        x, y = (float(a.args[0]), float(a.args[1])) if a.args else DEFAULT_CLICK
        self.post_click(x, y)
        return "yield"

    def do_key(self, a: Action, now: float) -> str:
        key, mod = _key_and_mod(a.args[0])
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="",
                                             scancode=0))
        return "yield"

    def do_advance_to(self, a: Action, now: float) -> str:
        """Go on through the story, a line at a time, until a menu (or the ending card)
        shows: with the mouse, the space bar or the pad's A button."""
        st = self.app.status()
        want = a.args[0]
        if st.get("screen") in ("game", "ending") and not st.get("transition") and (
                (want == "menu" and st.get("menu")) or (want == "ending" and st.get("ending"))):
            return "done"
        if st.get("screen") == "game" and st.get("menu") and not st.get("transition"):
            self.fail(a, "a menu is waiting")
            return "wait"
        if st.get("clickable") and st.get("screen") == "game":
            how = a.args[1] if len(a.args) > 1 else "click"
            if how == "click":
                self.post_click(*DEFAULT_CLICK)
            elif how == "key":
                for kind in (pygame.KEYDOWN, pygame.KEYUP):
                    pygame.event.post(pygame.event.Event(kind, key=pygame.K_SPACE, mod=0,
                                                         unicode=" ", scancode=0))
            else:
                for kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
                    pygame.event.post(pygame.event.Event(
                        kind, button=pygame.CONTROLLER_BUTTON_A, instance_id=0))
            self.started = now  # each line has its own 5 seconds
            return "wait_yield"
        if self.timed_out(now):
            self.fail(a, f"no {want} and nothing to click after {TIMEOUT:g} s")
        return "wait"

    def do_pad(self, a: Action, now: float) -> str:
        button = getattr(pygame, PAD_BUTTONS[a.args[0].lower()])
        for kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, button=button, instance_id=0))
        return "yield"

    def _spoken(self) -> list[str]:
        voice = getattr(getattr(self.app, "voicer", None), "voice", None)
        return list(getattr(voice, "spoken", []))

    def do_expect_spoken(self, a: Action, now: float) -> str:
        """Passes once the (recording) voice has said something containing TEXT since the
        last expect-spoken that passed."""
        spoken = self._spoken()
        start = getattr(self, "spoken_seen", 0)
        for i in range(start, len(spoken)):
            if a.args[0] in spoken[i]:
                self.spoken_seen = i + 1
                return "done"
        if self.timed_out(now):
            said = spoken[start:][-4:]
            self.fail(a, f"expected {a.args[0]!r} to be spoken within {TIMEOUT:g} s; "
                      f"spoken since: {said}")
        return "wait"

    def do_expect_message(self, a: Action, now: float) -> str:
        st = self.app.status()
        if a.args[0] in (st.get("voicing_toast") or "") or a.args[0] in (st.get("toast") or ""):
            return "done"
        if self.timed_out(now):
            self.fail(a, f"expected the message {a.args[0]!r} within {TIMEOUT:g} s "
                      f"(shown: {st.get('voicing_toast')!r})")
        return "wait"

    def do_expect_screen(self, a: Action, now: float) -> str:
        st = self.app.status()
        if st.get("screen") == a.args[0]:
            return "done"
        if self.timed_out(now):
            self.fail(a, f"expected the screen {a.args[0]!r} within {TIMEOUT:g} s")
        return "wait"

    def do_wait(self, a: Action, now: float) -> str:
        assert self.started is not None
        return "done" if now - self.started >= float(a.args[0]) else "wait"

    def do_quit(self, a: Action, now: float) -> str:
        self.app.running = False
        return "done"

    def do_shot(self, a: Action, now: float) -> str:
        self.app.draw(now)
        self.app.screenshot(Path(a.args[0]))
        return "done"

    def do_expect_text(self, a: Action, now: float) -> str:
        st = self.app.status()
        if st.get("ready", st.get("line_ready")) and a.args[0] in (st.get("text") or ""):
            return "done"
        if self.timed_out(now):
            self.fail(a, f"expected the text {a.args[0]!r} within {TIMEOUT:g} s")
            return "wait"
        return "wait"

    def do_choose(self, a: Action, now: float) -> str:
        st = self.app.status()
        rects = st.get("menu_rects")
        if rects and not st.get("transition") and st.get("screen") == "game":
            n = int(a.args[0])
            if n > len(rects):
                self.fail(a, f"the menu has only {len(rects)} choice(s)")
                return "wait"
            x, y, w, h = rects[n - 1]
            self.post_click(x + w / 2, y + h / 2)
            return "yield"
        if self.timed_out(now):
            self.fail(a, f"no menu within {TIMEOUT:g} s")
        return "wait"

    def do_advance(self, a: Action, now: float) -> str:
        total = int(a.args[0]) if a.args else 1
        st = self.app.status()
        if st.get("clickable") and st.get("screen") in ("game", "ending"):
            self.post_click(*DEFAULT_CLICK)
            self.done_clicks += 1
            self.started = now  # each click has its own 5 seconds
            if self.done_clicks >= total:
                return "yield"
            self.app.dirty = True
            return "wait_yield"
        if self.timed_out(now):
            what = "a menu is waiting" if st.get("menu") else "nothing to click"
            self.fail(a, f"click {self.done_clicks + 1} of {total}: {what} after {TIMEOUT:g} s")
        return "wait"
