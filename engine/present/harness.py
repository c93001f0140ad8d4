"""`main.py --test FILE`: drive the real game loop from a script, one action a line.

Actions wait the way a player would (see DESIGN.md, "The test harness"), so a script does
not depend on the machine's speed. Coordinates are canvas pixels (1280x720), so a script
works at any --size. The game runs on a virtual clock (engine/clock.py): waits, fades and
typing take no real time, and the 5-second limits are virtual seconds that do not run
while a transition, a timed pause or typing is still under way.

    click [X Y]          click (by default on the dialogue box, clear of every button)
    key NAME             press and release a key (pygame names: space, escape, pageup, f5…);
                         with modifiers: key shift+c, key ctrl+s
    pad BUTTON           press and release a gamepad button: a b x y start back up down
                         left right (SDL's game controller layout)
    keydown NAME         press a key and hold it (e.g. keydown left ctrl: skip while held)
    keyup NAME           release a held key
    wheel up|down [N]    turn the mouse wheel N notches (default 1)
    press LABEL          click the button of the top screen with that label (quick menu
                         items, menu buttons, "Slot 1-2", "Page 2", "Yes"…); waits 5 s
    choose N             click the N-th choice of the menu; waits 5 s for one
    advance [N]          click N times, each once the line is fully shown
    advance-to menu|ending [click|key|pad]   go on a line at a time (mouse click, space
                         bar or the pad's A) until a menu or the ending card shows
    wait S               let S seconds pass with the loop running
    shot PATH.png        save the window's picture (the continue mark drawn, so shots of
                         the same moment compare pixel for pixel)
    expect-text TEXT     wait 5 s for the top screen to show TEXT, fully
    expect-screen NAME   wait 5 s for the top screen to be NAME (title, game, game-menu,
                         save, load, confirm, history, settings, ending, error)
    expect-notice TEXT   wait 5 s for an on-screen notice containing TEXT
    expect-slot SLOT STATE   the save slot (1-1 … 3-6, quick, auto) is saved, empty or
                         unreadable; waits 5 s
    expect-mode MODE     wait 5 s for skip or auto to be on, or for neither (none)
    expect-spoken TEXT   wait 5 s for self-voicing to say TEXT (with ROADOUT_FAKE_VOICE)
    expect-message TEXT  wait 5 s for a self-voicing message or a screen's toast with TEXT
    quit                 end the run
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pygame

from .harness_script import (
    DEFAULT_CLICK,
    POLL,
    TIMEOUT,
    Action,
    HarnessError,
    key_and_mod,
    parse_script,
)
from .keymap import PAD_BUTTONS

__all__ = ["Action", "Harness", "HarnessError", "PAD_BUTTONS", "parse_script"]


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
        """The action's time is up: TIMEOUT seconds passed with nothing under way that
        will change the screen by itself (a fade, a timed pause, typing)."""
        if self.started is None or now - self.started <= TIMEOUT:
            return False
        if self.app.status().get("timed"):
            self.started = now - TIMEOUT  # wait on, from the moment it is over
            return False
        return True

    def do_click(self, a: Action, now: float) -> str:
        x, y = (float(a.args[0]), float(a.args[1])) if a.args else DEFAULT_CLICK
        self.post_click(x, y)
        return "yield"

    def do_key(self, a: Action, now: float) -> str:
        key, mod = key_and_mod(a.args[0])
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="",
                                             scancode=0))
        return "yield"

    def do_type(self, a: Action, now: float) -> str:
        """Text typed into a text entry (renpy.input), as the keyboard sends it."""
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=" ".join(a.args)))
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
        if st.get("screen") == "text-entry":  # renpy.input: Return takes what is typed
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(kind, key=pygame.K_RETURN, mod=0,
                                                     unicode="\r", scancode=0))
            return "wait_yield"
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


    def do_keydown(self, a: Action, now: float) -> str:
        key = pygame.key.key_code(a.args[0])
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                             scancode=0))
        return "yield"

    def do_keyup(self, a: Action, now: float) -> str:
        key = pygame.key.key_code(a.args[0])
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="",
                                             scancode=0))
        return "yield"

    def do_wheel(self, a: Action, now: float) -> str:
        notches = int(a.args[1]) if len(a.args) > 1 else 1
        y = 1 if a.args[0] == "up" else -1
        for _ in range(notches):
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False,
                                                 precise_x=0.0, precise_y=float(y)))
        return "yield"

    def do_press(self, a: Action, now: float) -> str:
        st = self.app.status()
        rect = (st.get("buttons_at") or {}).get(a.args[0])
        if rect is None and st.get("buttons") and a.args[0] in st["buttons"]:
            top = self.app.top
            rect = top.buttons.buttons[st["buttons"].index(a.args[0])].rect
        if rect is not None and not st.get("transition"):
            x, y, w, h = rect
            self.post_click(x + w / 2, y + h / 2)
            return "yield"
        if self.timed_out(now):
            known = sorted((st.get("buttons_at") or {}).keys()) or st.get("buttons") or []
            self.fail(a, f"no button {a.args[0]!r} within {TIMEOUT:g} s (buttons: {known})")
        return "wait"

    def _expect(self, a: Action, now: float, ok: bool, what: str) -> str:
        if ok:
            return "done"
        if self.timed_out(now):
            self.fail(a, f"expected {what} within {TIMEOUT:g} s")
        return "wait"

    def do_expect_screen(self, a: Action, now: float) -> str:
        st = self.app.status()
        return self._expect(a, now, st.get("screen") == a.args[0],
                            f"the screen {a.args[0]!r}")

    def do_expect_notice(self, a: Action, now: float) -> str:
        notice = self.app.status().get("notice") or ""
        return self._expect(a, now, a.args[0] in notice, f"the notice {a.args[0]!r}"
                            + (f" (it says {notice!r})" if notice else ""))

    def do_expect_mode(self, a: Action, now: float) -> str:
        st = self.app.status()
        mode = "skip" if st.get("skip") else "auto" if st.get("auto") else "none"
        return self._expect(a, now, mode == a.args[0],
                            f"the mode {a.args[0]!r} (it is {mode!r})")

    def do_expect_slot(self, a: Action, now: float) -> str:
        from engine import saves
        from engine.screens.saving import saves_dir

        slot, want = a.args
        try:
            found = saves.read(saves_dir(self.app), slot)
        except ValueError as exc:
            self.fail(a, str(exc))
            return "wait"
        state = ("empty" if found is None else "unreadable"
                 if isinstance(found, saves.Unreadable) else "saved")
        return self._expect(a, now, state == want, f"slot {slot} {want} (it is {state})")

    def do_wait(self, a: Action, now: float) -> str:
        assert self.started is not None
        return "done" if now - self.started >= float(a.args[0]) else "wait"

    def do_quit(self, a: Action, now: float) -> str:
        self.app.running = False
        return "done"

    def do_shot(self, a: Action, now: float) -> str:
        game = self.app.game()
        if game is not None:
            game.blink_on = True  # the continue mark's blink must not make shots differ
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
            self.app.redraw()
            return "wait_yield"
        if self.timed_out(now):
            what = "a menu is waiting" if st.get("menu") else "nothing to click"
            self.fail(a, f"click {self.done_clicks + 1} of {total}: {what} after {TIMEOUT:g} s")
        return "wait"
