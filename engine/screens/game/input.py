"""The game screen's answer to the player's actions: go on, choose, roll back, skip, the
quick menu, hide the box, open the game menu."""

from __future__ import annotations

from collections.abc import Callable

from engine.playthrough import Playthrough
from engine.present.quickmenu import QuickMenu
from engine.present.richtext import Typewriter
from engine.present.screen import Host, Pos
from engine.present.transitions import Transition
from engine.present.ui import ButtonList

from .. import saving

GOING_ON = ("advance", "click", "activate")


class GameInput:
    host: Host
    play: Playthrough
    transition: Transition | None
    typer: Typewriter | None
    choices: ButtonList | None
    ui_hidden: bool
    pausing: bool
    pause_until: float | None
    ready_at: float
    quick: QuickMenu
    quick_frame: Callable[[], tuple[int, int, int, int] | None]  # GameView's

    def pump(self, now: float) -> None: ...
    def roll(self, back: bool) -> bool: ...
    def notify(self, text: str, seconds: float = 2.5) -> None: ...

    def command(self, name: str) -> bool:
        """The quick menu's and the keymap's commands; False for other action names."""
        host, play = self.host, self.play
        line_done = self.typer is not None and not self.typer.typing
        if name == "rollback":
            self.roll(back=True)
        elif name == "rollforward":
            self.roll(back=False)
        elif name == "skip":
            play.toggle_skip(line_done)
            if play.skipping and self.typer is not None and self.typer.typing \
                    and play.can_skip():
                self.typer.click(host.clock.now())
        elif name == "skip-hold":
            play.skip_held = True
            play.begin_skip(line_done)
        elif name == "skip-release":
            play.skip_held = False
        elif name == "auto":
            play.toggle_auto()
            if play.auto:
                self.ready_at = host.clock.now()  # the wait starts now
        elif name == "history":
            host.open("history", play=play)
        elif name == "save":
            host.open("save", play=play)
        elif name == "quicksave":
            self.notify(saving.save_slot(host, play, "quick") or "Quick saved")
        elif name == "quickload":
            problem = saving.load_slot(host, "quick")
            if problem:
                self.notify(problem)
        elif name == "settings":
            host.open("settings")
        else:
            return False
        host.redraw()
        return True

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        host, play = self.host, self.play
        now = host.clock.now()
        host.redraw()
        if self.ui_hidden:
            if name not in ("up", "down", "left", "right", "number", "skip-release"):
                self.ui_hidden = False
            if name != "skip-release":
                return
        if name == "back":
            host.open("game-menu", play=play)
            return
        if name == "hide":
            if play.ending is None:
                self.ui_hidden = True
            return
        if name == "click" and pos is not None and play.ending is None:
            self.quick.place(self.quick_frame())
            command = self.quick.action_at(host.vp, host.painter, pos)
            if command is not None:
                self.command(command)
                return
        if self.command(name):
            return
        if name in GOING_ON:
            play.stop_modes()
        if self.transition is not None:
            if name in GOING_ON:
                self.transition = None  # a click finishes the transition
                self.pump(now)
            return
        if self.choices is not None:
            self.menu_action(name, pos, n, now)
            return
        if name not in GOING_ON:
            return
        if play.ending is not None:
            host.reset("title")
            return
        if self.pausing:
            self.end_pause(now)
            return
        if self.typer is not None:
            if self.typer.click(now):
                if not self.typer.typing:
                    self.ready_at = now
                return
            host.audio.ui_sound("advance", 0.25)
            self.pump(now)

    def menu_action(self, name: str, pos: Pos | None, n: int, now: float) -> None:
        c = self.choices
        assert c is not None
        typing = self.typer is not None and self.typer.typing
        if name == "click" and pos is not None:
            if not c.click(self.host.vp, pos) and typing:
                self.typer.click(now)  # type: ignore[union-attr]
        elif name == "up":
            c.move(-1)
        elif name == "down":
            c.move(1)
        elif name in ("activate", "advance"):
            if typing and pos is None and c.focus < 0:
                self.typer.click(now)  # type: ignore[union-attr]
            elif not c.activate() and self.typer is not None:
                self.typer.click(now)
        elif name == "number":
            c.pick(n)

    def end_pause(self, now: float) -> None:
        self.pausing = False
        self.pause_until = None
        self.pump(now)

    def hover(self, pos: Pos) -> bool:
        if self.ui_hidden:
            return False
        self.quick.place(self.quick_frame())
        changed = self.quick.hover(self.host.vp, self.host.painter, pos)
        if self.choices is not None:
            changed = self.choices.hover(self.host.vp, pos) or changed
        return changed
