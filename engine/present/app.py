"""The player: one window, one loop, and the screens on it (title, game, game menu,
settings, ending card, error screen).

The loop sleeps in pygame.event.wait until the next thing that can change on screen (a
typed character, a transition frame, the continue mark's blink) or the next input, and
redraws only when something did change, so a waiting player costs almost no CPU.
"""

from __future__ import annotations

import copy
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from engine.rollback import Rollback
from engine.script import (
    Audio as AudioEvent,
)
from engine.script import (
    End,
    Menu,
    Pause,
    Say,
    ScriptError,
    StageChange,
    Story,
    With,
    load_game,
)
from engine.script.text import strip_tags
from engine.theme import BOX_ALPHA, HIGH_CONTRAST_BOX, HIGH_CONTRAST_TEXT

from .audio import Audio
from .persist import DEFAULT_BOX_OPACITY, DataStore, auto_forward_delay
from .picture import CANVAS, StageView, Transition, Viewport
from .progress import record_choice, record_menu
from .quickmenu import Notice, QuickMenu, draw_indicator
from .richtext import Fonts, Layout, Typewriter, layout, parse_color
from .ui import DIM_TEXT, TEXT, Button, ButtonList, Painter, Palette
from .voicing import Voicer

log = logging.getLogger("roadout")

FRAME = 1 / 60
BLINK_ON, BLINK_PERIOD = 0.6, 1.0
# The dialogue box, in canvas pixels.
BOX = (40, 536, 1200, 168)
TEXT_X, TEXT_Y, TEXT_W, TEXT_PX = 80, 566, 1120, 26
BOX_ROOM = BOX[1] + BOX[3] - TEXT_Y - 14  # text height the box holds at its base size
BOX_LINES_LARGE = 3  # from the Large text size up, the box holds this many lines


def box_grow(fonts: Fonts, text_size: int) -> int:
    """Canvas pixels the dialogue box grows upward at a text size (percent). From Large up
    it holds BOX_LINES_LARGE lines, so a long line keeps the size the player chose instead
    of being shrunk to fit; lint proves every line fits at the largest size."""
    if text_size <= 100:
        return 0
    h = fonts.get(round(TEXT_PX * text_size / 100)).get_linesize()
    need = h + round(h * 1.25) * (BOX_LINES_LARGE - 1) + 4  # 4: rounding at other scales
    return max(0, need - BOX_ROOM)
NAME_PX = 25
SPEED_NAMES = {20: "Slow", 40: "Normal", 70: "Fast", 120: "Very fast", 0: "Instant"}
HISTORY_KEEP = 1000  # lines kept in memory; the history screen and a save show the last 200
IDLE_AFTER = 2.0  # seconds without input before the loop polls less often
SKIP_DELAY = 0.05  # seconds a skipped line stays on screen (Ren'Py: 75 ms)


@dataclass
class Options:
    game: Path
    warp: str | None = None
    data_dir: Path | None = None
    headless: bool = False
    test: Path | None = None
    size: tuple[int, int] = (1280, 720)
    instant: bool = False  # shots: text at once, transitions skipped
    first_frame_exit: bool = False  # bench: report the first drawn frame and exit


def _mods_alt() -> bool:
    return bool(pygame.key.get_mods() & pygame.KMOD_ALT)


# =========================================================================== screens


class Screen:
    """Something on the screen stack. Input arrives as actions; see App.dispatch."""

    app: App
    opaque = True  # False: the screen below is drawn first

    def action(self, name: str, pos: tuple[int, int] | None = None, n: int = 0) -> None:
        """advance | back | hide | up | down | left | right | activate | number | click."""

    def hover(self, pos: tuple[int, int]) -> bool:
        return False

    def update(self, now: float) -> bool:
        return False

    def deadline(self, now: float) -> float | None:
        return None

    def draw(self, target: pygame.Surface, now: float) -> None:
        pass

    def status(self) -> dict[str, Any]:
        return {}


class MenuScreen(Screen):
    """A screen made of one button list (title, game menu, settings, error)."""

    buttons: ButtonList

    def action(self, name: str, pos: tuple[int, int] | None = None, n: int = 0) -> None:
        b = self.buttons
        if name == "click" and pos is not None:
            b.click(self.app.vp, pos)
        elif name in ("up", "left"):
            b.move(-1)
        elif name in ("down", "right"):
            b.move(1)
        elif name in ("activate", "advance") and pos is None:
            b.activate()
        elif name == "number":
            b.pick(n)
        elif name == "back":
            self.back()
        self.app.dirty = True

    def back(self) -> None:
        pass

    def hover(self, pos: tuple[int, int]) -> bool:
        return self.buttons.hover(self.app.vp, pos)

    def status(self) -> dict[str, Any]:
        labels = [b.label for b in self.buttons.buttons]
        return {"buttons": labels, "text": "\n".join(labels), "ready": True,
                "buttons_at": {b.label: b.rect for b in self.buttons.buttons}}


class TitleScreen(MenuScreen):
    name = "title"

    def __init__(self, app: App) -> None:
        self.app = app
        self.toast = ""
        self.toast_until = 0.0
        items = [("Start", app.start_game), ("Load", self.load), ("Settings", app.open_settings),
                 ("Route map", app.open_routemap), ("Quit", app.quit)]
        self.buttons = ButtonList(
            [Button(label, act, (96, 330 + i * 62, 300, 52)) for i, (label, act)
             in enumerate(items)], font_px=26)
        self.picture: pygame.Surface | None = None

    def load(self) -> None:
        self.app.open_slots("load")

    def update(self, now: float) -> bool:
        if self.toast and now >= self.toast_until:
            self.toast = ""
            return True
        return False

    def deadline(self, now: float) -> float | None:
        return self.toast_until if self.toast else None

    def draw(self, target: pygame.Surface, now: float) -> None:
        app, vp, p = self.app, self.app.vp, self.app.painter
        target.blit(app.gui_picture("title.png"), vp.offset)
        # A soft dark band behind the menu keeps it readable on the bright road.
        band = p.box(vp.crect(56, 120, 520, 560).size, (10, 8, 26), 150, vp.px(22))
        target.blit(band, vp.crect(56, 120, 520, 560))
        p.shadowed(target, app.game_name, vp.px(54), vp.to_window(96, 160), TEXT, bold=True)
        self.buttons.draw(target, vp, p, app.title_palette, align="left")
        endings = app.data.endings
        if endings:
            line = "Endings seen: " + ", ".join(endings)
        else:
            line = "No endings seen yet"
        p.shadowed(target, line, vp.px(18), vp.to_window(96, 642), DIM_TEXT)
        y = 668
        for problem in app.data.problems[:2]:
            p.shadowed(target, problem[:110], vp.px(15), vp.to_window(96, y), (255, 200, 150))
            y += 20
        if self.toast:
            p.shadowed(target, self.toast, vp.px(22), vp.to_window(420, 330 + 66 + 14),
                       (255, 235, 190))

    def status(self) -> dict[str, Any]:
        return {**super().status(), "toast": self.toast, "ready": True,
                "text": "\n".join([self.app.game_name, *self.app.data.endings, self.toast,
                                   *self.app.data.problems,
                                   *(b.label for b in self.buttons.buttons)])}


class GameMenu(MenuScreen):
    name = "game-menu"
    opaque = False

    def __init__(self, app: App) -> None:
        self.app = app
        items = [("Resume", self.back), ("History", app.open_history),
                 ("Save", lambda: app.open_slots("save")),
                 ("Load", lambda: app.open_slots("load")), ("Route map", app.open_routemap),
                 ("Settings", app.open_settings), ("Main menu", app.to_title), ("Quit", app.quit)]
        self.buttons = ButtonList(
            [Button(label, act, (490, 160 + i * 64, 300, 54)) for i, (label, act)
             in enumerate(items)], focus=0)

    def back(self) -> None:
        self.app.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        app, vp = self.app, self.app.vp
        app.dim(target, 150)
        app.painter.shadowed(target, "Paused", vp.px(34), vp.to_window(640, 110), TEXT,
                             bold=True, anchor="center")
        self.buttons.draw(target, vp, app.painter, app.palette)


class ErrorScreen(MenuScreen):
    """A script error: where it is, the source line, and Reload / Quit."""

    name = "error"

    def __init__(self, app: App, error: ScriptError, resume: dict | None) -> None:
        self.app = app
        self.error = error
        self.resume = resume
        self.buttons = ButtonList(
            [Button("Reload", self.reload, (420, 600, 200, 56)),
             Button("Quit", app.quit, (660, 600, 200, 56))], focus=0)

    def reload(self) -> None:
        self.app.reload(self.resume)

    def draw(self, target: pygame.Surface, now: float) -> None:
        vp, p = self.app.vp, self.app.painter
        target.fill((30, 10, 16), vp.rect)
        p.shadowed(target, "The story has an error", vp.px(34), vp.to_window(80, 70),
                   (255, 190, 190), bold=True)
        y = 140
        for line in self.error.format().splitlines()[:14]:
            surf = p.text(line.replace("\t", "    ")[:120], vp.px(20), (240, 230, 230))
            target.blit(surf, vp.to_window(80, y))
            y += 30
        hint = "Fix the scene file, then Reload to carry on from where the story was."
        p.shadowed(target, hint, vp.px(18), vp.to_window(80, 550), DIM_TEXT)
        self.buttons.draw(target, vp, p, Palette((60, 20, 30), (255, 170, 170)))

    def status(self) -> dict[str, Any]:
        return {**super().status(), "text": self.error.format(), "ready": True}


class GameScreen(Screen):
    """A playthrough: the picture, the dialogue box, choices, pauses and the ending card."""

    name = "game"

    def __init__(self, app: App, story: Story) -> None:
        self.app = app
        self.story = story
        self.shown_stage: dict[str, Any] = {"scene": None, "sprites": []}
        self.transition: Transition | None = None
        self.say: Say | None = None
        self.layout: Layout | None = None
        self.layout_key: tuple | None = None
        self.typer: Typewriter | None = None
        self.box_visible = False
        self.ui_hidden = False
        self.choices: ButtonList | None = None
        self.menu: Menu | None = None
        self.pause_until: float | None = None
        self.pausing = False
        self.ending: End | None = None
        self.ready_at = 0.0  # when the line finished: the continue mark blinks from here
        self.blink_on = True
        self.safe_state: dict | None = None
        self.waiting = False  # blocked on the player or on time
        self.skip_say: str | None = None
        self.mark_rect: pygame.Rect | None = None
        # Rollback and history: every line and menu shown is an entry of the log.
        self.rollback = Rollback()
        self.history: list[dict[str, Any]] = []
        self.history_base = 0  # lines dropped from the front of `history`
        self.replaying = False  # the next line re-shows a rollback entry: do not record it
        self.at_entry = False  # what is on screen is rollback.past[-1]
        self.autosave_pending = False
        # Skip (Tab, or Ctrl held) and auto-forward (A).
        self.skipping = False
        self.auto = False
        self.line_read = False  # the line on screen had been read before it was shown
        self.quick = QuickMenu()
        self.notice = Notice()

    # --- driving the story --------------------------------------------------------------

    def pump(self, now: float) -> None:
        """Ask the story for events until one needs the player or the clock."""
        self.waiting = False
        self.at_entry = False
        while not self.waiting:
            self.safe_state = self.story.snapshot()
            try:
                event = self.story.next()
            except ScriptError as exc:
                self.app.show_error(exc, self.safe_state)
                return
            self.handle_event(event, now)
        self.app.dirty = True

    def handle_event(self, event: Any, now: float) -> None:
        app = self.app
        if isinstance(event, Say) and event.fingerprint == self.skip_say:
            self.skip_say = None  # the line already read before a reload: not again
        elif isinstance(event, Say):
            self.show_line(event, now)
            self.remember(event)
            self.waiting = True
        elif isinstance(event, Menu):
            self.show_menu(event, now)
            app.data.mark_read(event.fingerprint)
            self.remember(event)
            record_menu(app, event.fingerprint, self.story)
            self.waiting = True
        elif isinstance(event, StageChange):
            self.say = self.layout = self.typer = None
            if event.kind == "scene":
                self.box_visible = False
                self.autosave_pending = True  # written with the scene's first line
            self.start_transition(event.transition, now)
        elif isinstance(event, With):
            self.say = self.layout = self.typer = None
            self.start_transition(event.transition, now)
        elif isinstance(event, Pause):
            self.say = self.layout = self.typer = None
            self.box_visible = False
            if self.skip_active():
                return  # skipping runs through pauses, as Ren'Py's does
            self.pausing = True
            self.pause_until = None if event.seconds is None else now + event.seconds
            self.waiting = True
        elif isinstance(event, AudioEvent):
            app.audio.handle(event.action, event.channel, event.files, event.fadein,
                             event.fadeout, event.loop)
            app.music_now = copy.deepcopy(self.story.stage.get("music"))
        elif isinstance(event, End):
            self.say = self.layout = self.typer = None
            self.ending = event
            app.data.record_ending(self.ending_name())
            app.audio.stop_music(1.5)
            self.waiting = True

    def ending_name(self) -> str:
        e = self.ending
        return e.ending if e and e.ending else "The End"

    def start_transition(self, spec: dict | None, now: float) -> None:
        vp = self.app.vp
        new_stage = copy.deepcopy(self.story.stage)
        if spec and not self.cut_transitions() and spec.get("duration", 0) > 0:
            old = self.app.stage_view.compose(self.shown_stage, vp).copy()
            new = self.app.stage_view.compose(new_stage, vp)
            self.transition = Transition(spec, old, new, now)
            self.shown_stage = new_stage
            self.waiting = True
        self.app.refresh_palette(new_stage)

    def show_line(self, say: Say, now: float) -> None:
        self.say = say
        self.box_visible = True
        self.layout_key = None
        self.ensure_layout()
        assert self.layout is not None
        settings = self.app.data.settings
        self.line_read = self.app.data.is_read(say.fingerprint)
        if self.skip_active() and not self.can_skip():
            self.skipping = False  # Ren'Py's skip stops at the first unread line
        at_once = (self.app.options.instant or settings["reduce_motion"] or self.replaying
                   or self.skip_active() and self.can_skip())
        cps = 0 if at_once else settings["text_cps"]
        self.typer = Typewriter(self.layout.length, self.layout.stops, cps, now,
                                self.layout.fast_until)
        self.ready_at = now
        self.blink_on = True
        self.mark_if_shown()

    def mark_if_shown(self) -> None:
        """A line counts as read once it has been shown in full (what skip goes by)."""
        if self.say is not None and self.typer is not None and not self.typer.typing:
            self.app.data.mark_read(self.say.fingerprint)

    def show_menu(self, menu: Menu, now: float) -> None:
        self.menu = menu
        self.skipping = False  # a choice is the player's to make: skipping stops here
        if menu.prompt is not None:
            self.show_line(menu.prompt, now)
        else:
            self.say = self.layout = self.typer = None
            self.box_visible = False
        n = len(menu.choices)
        h, gap = 58, 14
        # Low on the screen, clear of the faces, and above the box when a prompt shows.
        bottom = self.box_rect()[1] - 20 if menu.prompt is not None else 560
        top = max(40, bottom - (n * (h + gap) - gap))
        self.choices = ButtonList(
            [Button(strip_tags(c.text), (lambda i=i: self.choose(i)),
                    (320, top + i * (h + gap), 640, h)) for i, c in enumerate(menu.choices)],
            numbers=True, font_px=25)
        pos = pygame.mouse.get_pos() if pygame.mouse.get_focused() else None
        if pos is not None:
            self.choices.hover(self.app.vp, pos)

    def choose(self, i: int) -> None:
        self.app.audio.ui_sound("choice", 0.5)
        if self.menu is not None and 0 <= i < len(self.menu.choices):
            record_choice(self.app, self.menu.fingerprint, self.menu.choices[i].index)
        self.menu = None
        self.choices = None
        self.story.choose(i)
        self.pump(time.perf_counter())

    def grow(self) -> int:
        return box_grow(self.app.fonts, self.app.data.settings["text_size"])

    def box_rect(self) -> tuple[int, int, int, int]:
        """The dialogue box in canvas pixels: taller, upward, at large text sizes."""
        g = self.grow()
        return (BOX[0], BOX[1] - g, BOX[2], BOX[3] + g)

    def ensure_layout(self) -> None:
        """(Re)lay out the line for the current window size, shrinking it if it is too long
        for the box."""
        if self.say is None:
            return
        vp = self.app.vp
        key = (vp.size, self.say, self.app.look)
        if self.layout_key == key:
            return
        settings = self.app.data.settings
        if settings["high_contrast"]:
            color = HIGH_CONTRAST_TEXT
        else:
            color = parse_color(self.say.what_color, TEXT)
        px = round(TEXT_PX * settings["text_size"] / 100)
        room = BOX_ROOM + self.grow()
        while True:
            lay = layout(self.say.text, self.app.fonts, vp.px(px), vp.px(TEXT_W), color)
            if lay.height <= vp.px(room) or px <= 16:
                break
            px -= 2
        self.layout = lay
        self.layout_key = key

    # --- rollback, history, skip and auto ------------------------------------------------

    def remember(self, event: Say | Menu) -> None:
        """A line or menu is on screen: into the history, the rollback log and, at menus
        and the first line of a scene, the auto-save slot."""
        say = event if isinstance(event, Say) else event.prompt
        count = self.history_base + len(self.history)
        if say is not None:
            self.history.append({"who": say.who, "text": strip_tags(say.text),
                                 "color": say.color})
            if len(self.history) > HISTORY_KEEP:
                drop = len(self.history) - HISTORY_KEEP
                del self.history[:drop]
                self.history_base += drop
        self.at_entry = True
        if self.replaying:
            self.replaying = False
            return
        self.rollback.record({"state": self.story.snapshot(), "history": count})
        if isinstance(event, Menu) or self.autosave_pending:
            self.autosave_pending = False
            self.app.autosave(self)

    def roll(self, back: bool) -> bool:
        """One step of rollback (back) or roll-forward; False when there is none."""
        book = self.rollback
        if back and not self.at_entry and book.past:
            entry: dict[str, Any] | None = book.past[-1]  # a pause or the end: its line first
        else:
            entry = book.back() if back else book.forward()
        if entry is None:
            return False
        try:
            notices = self.story.restore(entry["state"])
        except (ValueError, KeyError, TypeError) as exc:
            book.forward() if back else book.back()
            self.notify(f"Cannot roll back further: {exc}")
            return False
        keep = entry.get("history", 0) - self.history_base
        if isinstance(keep, int) and keep < len(self.history):
            del self.history[max(0, keep):]
        self.show_restored(notices)
        return True

    def show_restored(self, notices: list[str], replay: bool | None = None) -> None:
        """Show the story's state afresh after a restore: the same picture and music,
        the same line (at once) or menu. `replay`: the line is the rollback log's last
        entry (by default, unless the restore had to move it)."""
        now = time.perf_counter()
        self.say = self.layout = self.typer = None
        self.choices = self.menu = self.ending = None
        self.transition = None
        self.pausing = False
        self.pause_until = None
        self.skipping = False
        self.skip_say = None
        self.shown_stage = copy.deepcopy(self.story.stage)
        self.app.refresh_palette(self.shown_stage)
        self.app.sync_music(self.story.stage)
        self.replaying = not notices if replay is None else replay
        for notice in notices:
            self.notify(notice, 5.0)
        self.pump(now)
        self.replaying = False

    def notify(self, text: str, seconds: float = 2.5) -> None:
        log.info("%s", text)
        self.notice.show(text, time.perf_counter(), seconds)
        self.app.dirty = True

    def skip_active(self) -> bool:
        return self.skipping or self.app.ctrl_held

    def can_skip(self) -> bool:
        return self.line_read or bool(self.app.data.settings["skip_unread"])

    def cut_transitions(self) -> bool:
        return (self.app.options.instant or bool(self.app.data.settings["reduce_motion"])
                or self.skip_active())

    def line_waiting(self) -> bool:
        """A fully shown line waits for a click (what skip and auto move past)."""
        return (self.typer is not None and not self.typer.typing and self.choices is None
                and self.transition is None and not self.pausing and self.ending is None
                and not self.ui_hidden)

    def next_move(self) -> float | None:
        """When skip or auto-forward moves past the line on screen, if they will."""
        if not self.line_waiting() or self.layout is None:
            return None
        if self.skip_active():
            return self.ready_at + SKIP_DELAY if self.can_skip() else None
        if self.auto:
            return self.ready_at + auto_forward_delay(self.app.data.settings,
                                                      self.layout.length)
        return None

    def begin_skip(self) -> None:
        """Skip was turned on: a line the player has already seen in full counts as read."""
        if self.typer is not None and not self.typer.typing:
            self.line_read = True
        self.auto = False
        self.app.dirty = True

    def toggle_skip(self) -> None:
        self.skipping = not self.skipping
        if self.skipping:
            self.begin_skip()
            if self.typer is not None and self.typer.typing and self.can_skip():
                self.typer.click(time.perf_counter())
        self.app.dirty = True

    def toggle_auto(self) -> None:
        self.auto = not self.auto
        if self.auto:
            self.skipping = False
            self.ready_at = time.perf_counter()  # the wait starts now
        self.app.dirty = True

    def command(self, name: str) -> bool:
        """The quick menu's and the keymap's commands; False for other action names."""
        app = self.app
        if name == "rollback":
            self.roll(back=True)
        elif name == "rollforward":
            self.roll(back=False)
        elif name == "skip":
            self.toggle_skip()
        elif name == "auto":
            self.toggle_auto()
        elif name == "history":
            app.open_history()
        elif name == "save":
            app.open_slots("save")
        elif name == "quicksave":
            app.quick_save(self)
        elif name == "quickload":
            app.quick_load()
        elif name == "settings":
            app.open_settings()
        else:
            return False
        app.dirty = True
        return True

    # --- input --------------------------------------------------------------------------

    def action(self, name: str, pos: tuple[int, int] | None = None, n: int = 0) -> None:
        app = self.app
        now = time.perf_counter()
        app.dirty = True
        if self.ui_hidden:
            if name not in ("up", "down", "left", "right", "number"):
                self.ui_hidden = False
            return
        if name == "back":
            app.push(GameMenu(app))
            return
        if name == "hide":
            if self.ending is None:
                self.ui_hidden = True
            return
        if name == "click" and pos is not None and self.ending is None:
            command = self.quick.action_at(app.vp, app.painter, pos)
            if command is not None:
                self.command(command)
                return
        if self.command(name):
            return
        if name in ("advance", "click", "activate"):
            # Ren'Py: a click ends skipping and (afm_after_click off) auto-forward.
            self.skipping = self.auto = False
        if self.transition is not None:
            if name in ("advance", "click", "activate"):
                self.transition = None  # a click finishes the transition
                self.pump(now)
            return
        if self.choices is not None:
            c = self.choices
            if name == "click" and pos is not None:
                if not c.click(app.vp, pos) and self.typer and self.typer.typing:
                    self.typer.click(now)
            elif name == "up":
                c.move(-1)
            elif name == "down":
                c.move(1)
            elif name in ("activate", "advance"):
                if self.typer is not None and self.typer.typing and pos is None \
                        and c.focus < 0:
                    self.typer.click(now)
                elif not c.activate() and self.typer is not None:
                    self.typer.click(now)
            elif name == "number":
                c.pick(n)
            return
        if name not in ("advance", "click", "activate"):
            return
        if self.ending is not None:
            app.to_title()
            return
        if self.pausing:
            self.end_pause(now)
            return
        if self.typer is not None:
            if self.typer.click(now):
                if not self.typer.typing:
                    self.ready_at = now
                return
            app.audio.ui_sound("advance", 0.25)
            self.pump(now)

    def end_pause(self, now: float) -> None:
        self.pausing = False
        self.pause_until = None
        self.pump(now)

    def hover(self, pos: tuple[int, int]) -> bool:
        if self.ui_hidden:
            return False
        changed = self.quick.hover(self.app.vp, self.app.painter, pos)
        if self.choices is not None:
            changed = self.choices.hover(self.app.vp, pos) or changed
        return changed

    # --- time ---------------------------------------------------------------------------

    def update(self, now: float) -> bool:
        changed = self.notice.update(now)
        move = self.next_move()
        if move is not None and now >= move:
            self.pump(now)
            return True
        if self.transition is not None and self.cut_transitions():
            self.transition = None  # skip began during a transition: cut to its end
            self.pump(now)
            return True
        if self.transition is not None and self.transition.finished(now):
            self.transition = None
            self.pump(now)
            changed = True
        elif self.transition is not None:
            changed = True
        if self.pausing and self.pause_until is not None and now >= self.pause_until:
            self.end_pause(now)
            changed = True
        if self.typer is not None:
            was_typing = self.typer.typing
            if self.typer.update(now):
                changed = True
            if was_typing and not self.typer.typing:
                self.ready_at = now
            self.mark_if_shown()
            if self.typer.done and self.layout is not None and self.layout.no_wait \
                    and self.choices is None:
                self.pump(now)  # {nw}: move on by itself
                return True
            if not self.typer.typing:
                blink = (now - self.ready_at) % BLINK_PERIOD < BLINK_ON
                if blink != self.blink_on:
                    self.blink_on = blink
                    if self.mark_rect is not None:
                        # Only the mark changes: send just its pixels to the screen.
                        self.app.partial.append(self.mark_rect)
                    else:
                        changed = True
        return changed

    def deadline(self, now: float) -> float | None:
        times: list[float] = [t for t in (self.next_move(), self.notice.deadline())
                              if t is not None]
        if self.transition is not None:
            times.append(now + FRAME)
        if self.pausing and self.pause_until is not None:
            times.append(self.pause_until)
        if self.typer is not None:
            d = self.typer.next_deadline(now)
            if d is not None:
                times.append(max(d, now + FRAME) if d > now else now)
            elif not self.ui_hidden and self.box_visible:
                phase = (now - self.ready_at) % BLINK_PERIOD
                times.append(now + ((BLINK_ON - phase) if phase < BLINK_ON
                                    else (BLINK_PERIOD - phase)) + 0.001)
        if self.app.stage_animated:
            times.append(now + 1 / 30)
        return min(times) if times else None

    # --- drawing ------------------------------------------------------------------------

    def draw(self, target: pygame.Surface, now: float) -> None:
        app, vp = self.app, self.app.vp
        if self.ending is not None:
            self.draw_ending(target)
            return
        if self.transition is not None:
            self.transition.draw(target, vp.offset, now)
        else:
            self.shown_stage = copy.deepcopy(self.story.stage)
            t = round(now * 1000) if app.stage_animated else 0
            target.blit(app.stage_view.compose(self.shown_stage, vp, t), vp.offset)
        if self.ui_hidden:
            return
        pal = app.palette
        if self.box_visible:
            box = vp.crect(*self.box_rect())
            color, alpha = app.box_look(pal)
            target.blit(app.painter.box(box.size, color, alpha, vp.px(18)), box)
            if self.say is not None:
                self.draw_line(target)
        if self.choices is not None and self.transition is None:
            self.choices.draw(target, vp, app.painter, pal)
        active = {name for name, on in (("skip", self.skip_active()), ("auto", self.auto))
                  if on}
        if app.top is self:  # menus over the game hide the quick menu, as in Ren'Py
            self.quick.draw(target, vp, app.painter, pal, active)
        if self.skip_active():
            draw_indicator(target, vp, app.painter, pal, "Skip")
        elif self.auto:
            draw_indicator(target, vp, app.painter, pal, "Auto")
        if app.top is self:  # a screen over the game shows its own notices in that place
            self.notice.draw(target, vp, app.painter, pal)

    def draw_line(self, target: pygame.Surface) -> None:
        app, vp, say = self.app, self.app.vp, self.say
        assert say is not None
        self.ensure_layout()
        pal = app.palette
        if say.who:
            color = parse_color(say.color, pal.accent)
            size = app.data.settings["text_size"]
            label = app.painter.text(say.who, vp.px(NAME_PX * (100 + size) / 200), color,
                                     bold=True)
            top = self.box_rect()[1]
            plate = vp.crect(BOX[0] + 26, top - 22, 0, 44)
            plate.width = label.get_width() + vp.px(36)
            plate.height = max(plate.height, label.get_height() + vp.px(8))
            plate.bottom = vp.to_window(0, top + 22)[1]
            box_color, _ = app.box_look(pal)
            target.blit(app.painter.box(plate.size, box_color, 240, vp.px(12), color,
                                        max(2, vp.px(2))), plate)
            target.blit(label, label.get_rect(center=plate.center))
        if self.layout is None or self.typer is None:
            return
        self.mark_rect = None
        origin = vp.to_window(TEXT_X, TEXT_Y - self.grow() + (6 if say.who else -4))
        self.layout.draw(target, origin, self.typer.count)
        if not self.typer.typing and self.choices is None:
            x, y = self.layout.end_xy
            size = vp.px(9)
            cx, cy = origin[0] + x + vp.px(14), origin[1] + y + vp.px(2)
            self.mark_rect = pygame.Rect(cx - size - 2, cy - size, 2 * size + 4, 2 * size + 4)
            if not self.blink_on:
                return
            pygame.draw.polygon(target, pal.accent, [(cx - size, cy - size // 2),
                                                     (cx + size, cy - size // 2),
                                                     (cx, cy + size)])

    def draw_ending(self, target: pygame.Surface) -> None:
        app, vp, p = self.app, self.app.vp, self.app.painter
        target.blit(app.gui_picture("ending_card.png"), vp.offset)
        name = self.ending_name()
        title = "The End" if name == "The End" else f"Ending — {name}"
        p.shadowed(target, title, vp.px(48), vp.to_window(640, 340), TEXT, bold=True,
                   anchor="center")
        p.shadowed(target, "Click to return to the title", vp.px(20),
                   vp.to_window(640, 420), DIM_TEXT, anchor="center")

    # --- tests --------------------------------------------------------------------------

    def shown_text(self) -> str:
        if self.layout is None or self.typer is None:
            return ""
        return self.layout.plain[: self.typer.count] if self.typer.count < self.layout.length \
            else self.layout.plain

    def status(self) -> dict[str, Any]:
        line_ready = (self.typer is not None and not self.typer.typing
                      and self.transition is None) or self.ending is not None
        text = self.shown_text()
        if self.ending is not None:
            name = self.ending_name()
            text = "The End" if name == "The End" else f"Ending — {name}"
        return {
            "text": text,
            "who": self.say.who if self.say else None,
            "line_ready": line_ready,
            "typing": bool(self.typer and self.typer.typing),
            "transition": self.transition is not None,
            "menu": [b.label for b in self.choices.buttons] if self.choices else None,
            "menu_rects": [b.rect for b in self.choices.buttons] if self.choices else None,
            "pause": self.pausing,
            "ending": self.ending_name() if self.ending else None,
            "clickable": self.transition is None and (
                line_ready and self.choices is None or self.pausing
                or self.ending is not None),
            "missing": list(self.app.stage_view.missing),
            "skip": self.skip_active(),
            "auto": self.auto,
            "notice": self.notice.text,
            "history": len(self.history),
            "rollback": len(self.rollback.past),
            "buttons_at": {**dict(self.quick.buttons(self.app.painter)),
                           **{b.label: b.rect for b in (self.choices.buttons
                                                        if self.choices else [])}},
        }


# =========================================================================== the app


class App:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.t_start = time.perf_counter()
        self.data = DataStore(options.data_dir)
        # Every picture is drawn in software; letting SDL back the window with OpenGL
        # (llvmpipe where there is no GPU) only adds two busy threads: ~1.8% of a core idle.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        flags = 0 if options.headless else pygame.RESIZABLE
        pygame.display.set_caption("The Road Out")
        self.windowed_size = options.size
        self.window = pygame.display.set_mode(options.size, flags)
        self.vp = Viewport(self.window.get_size())
        headless = pygame.display.get_driver() in ("dummy", "offscreen")
        self.poll_step = 0.1 if headless else 0.016
        self.last_event = time.perf_counter()
        fonts_dirs = [options.game / "assets" / "fonts",
                      Path(__file__).resolve().parents[2] / "assets" / "fonts"]
        self.fonts = Fonts(fonts_dirs)
        self.painter = Painter(self.fonts)
        self.stage_view = StageView(options.game, lambda px: self.fonts.get(px))
        self.palette = Palette()
        self.title_palette = Palette((18, 16, 40), (190, 180, 255))
        self.screens: list[Screen] = []
        self.running = True
        self.dirty = True
        self.partial: list[pygame.Rect] = []  # window areas to refresh without a full flip
        self.stage_animated = False
        self.exit_code = 0
        self.program = None
        self.game_name = "The Road Out"
        self._gui: dict[tuple[str, tuple[int, int]], pygame.Surface] = {}
        self.controllers: dict[int, Any] = {}
        self.harness: Any = None
        self.audio: Audio | None = None  # type: ignore[assignment]
        self.load_error: ScriptError | None = None
        self.ctrl_held = False  # Ctrl skips while held (Ren'Py's keymap)
        self.music_now: dict | None = None  # the stage's music as last played
        self.look = 0  # bumped when a setting changes how text looks: layouts are redone
        self._palettes: dict[tuple, tuple[Palette, bool]] = {}
        self.fonts.readable = bool(self.data.settings["readable_font"])
        self._load_program()
        self._set_icon()
        self.voicer = Voicer(self)

    # --- set-up -------------------------------------------------------------------------

    def _set_icon(self) -> None:
        icon = self.options.game / "assets" / "gui" / "icon.png"
        if icon.is_file() and not self.options.headless:
            try:
                pygame.display.set_icon(pygame.image.load(str(icon)))
            except pygame.error:
                pass

    def _load_program(self) -> bool:
        try:
            self.program = load_game(self.options.game)
            story = Story(self.program, self.data.persistent["vars"])
        except ScriptError as exc:
            self.load_error = exc
            return False
        self.load_error = None
        name = story.constants.get("config.name")
        if isinstance(name, str) and name:
            self.game_name = name
            pygame.display.set_caption(name)
        self.stage_view.images = dict(story.images)
        return True

    def late_init(self) -> None:
        """What the first frame does not need: audio, controllers."""
        self.ensure_audio()
        try:
            from pygame._sdl2 import controller

            controller.init()
            for i in range(controller.get_count()):
                self._add_controller(i)
        except (ImportError, pygame.error) as exc:
            log.info("no game controllers: %s", exc)

    def _add_controller(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller

            if controller.is_controller(index):
                pad = controller.Controller(index)
                self.controllers[pad.id] = pad
        except (ImportError, pygame.error) as exc:
            log.info("controller %s not usable: %s", index, exc)

    # --- screens ------------------------------------------------------------------------

    @property
    def top(self) -> Screen:
        return self.screens[-1]

    def push(self, screen: Screen) -> None:
        self.screens.append(screen)
        self.dirty = True

    def pop(self, screen: Screen) -> None:
        if screen in self.screens:
            self.screens.remove(screen)
        self.dirty = True

    def game(self) -> GameScreen | None:
        return next((s for s in self.screens if isinstance(s, GameScreen)), None)

    def leave_game_menu(self) -> None:
        """Save, Load, History and Settings replace the pause menu, as in Ren'Py: closing
        them returns to the game."""
        if isinstance(self.top, GameMenu):
            self.pop(self.top)

    def open_settings(self) -> None:
        from .settings import SettingsScreen

        self.leave_game_menu()
        self.push(SettingsScreen(self))

    def open_routemap(self) -> None:
        from .routemap import RouteMapScreen

        self.leave_game_menu()
        self.push(RouteMapScreen(self))

    def open_history(self) -> None:
        from .history import HistoryScreen

        self.leave_game_menu()
        g = self.game()
        self.push(HistoryScreen(self, g.history if g is not None else []))

    def open_slots(self, mode: str) -> None:
        """The save or load screen ('save' needs a game under it)."""
        from .saveload import SlotScreen

        if mode == "save" and self.game() is None:
            return
        self.leave_game_menu()
        self.push(SlotScreen(self, mode))

    def quick_save(self, game: GameScreen) -> None:
        from .saveload import save_slot

        problem = save_slot(self, game, "quick")
        game.notify(problem or "Quick saved")

    def quick_load(self) -> None:
        from . import saveload

        problem = saveload.load_slot(self, "quick")
        if problem:
            g = self.game()
            if g is not None:
                g.notify(problem)

    def autosave(self, game: GameScreen) -> None:
        from .saveload import save_slot

        problem = save_slot(self, game, "auto")
        if problem:
            log.warning("auto-save: %s", problem)

    def sync_music(self, stage: dict[str, Any]) -> None:
        """Play what the stage says should be playing (after a load or a rollback)."""
        want = stage.get("music")
        if want == self.music_now or self.audio is None:
            return
        if want and want.get("files"):
            self.audio.play_music(want["files"], bool(want.get("loop", True)))
        else:
            self.audio.stop_music(0.3)
        self.music_now = copy.deepcopy(want)

    def apply_settings(self) -> None:
        """A setting changed: volumes, fonts and the look of text follow at once."""
        s = self.data.settings
        if self.audio is not None:
            self.audio.set_volumes(s["music_volume"], s["sound_volume"])
        if self.fonts.readable != bool(s["readable_font"]):
            self.fonts.readable = bool(s["readable_font"])
            self.fonts.clear()
            self.painter.clear()
        self.look += 1
        self.dirty = True

    def box_look(self, pal: Palette) -> tuple[tuple[int, int, int], int]:
        """The dialogue box's colour and alpha under the player's settings."""
        s = self.data.settings
        if s["high_contrast"]:
            return HIGH_CONTRAST_BOX, 255
        alpha = round(BOX_ALPHA * float(s["box_opacity"]) / DEFAULT_BOX_OPACITY)
        return pal.box, max(0, min(255, alpha))

    def to_title(self) -> None:
        self.data.save_persistent()
        if self.audio:
            self.audio.stop_music(0.5)
            self.audio.stop_sound()
        self.screens = [TitleScreen(self)]
        self.music_now = None
        self.palette = self.title_palette
        self.stage_animated = False
        self.dirty = True

    def ensure_audio(self) -> Audio:
        if self.audio is None:
            s = self.data.settings
            self.audio = Audio(self.options.game, s["music_volume"], s["sound_volume"])
        return self.audio

    def start_game(self, label: str | None = None) -> None:
        self.ensure_audio()
        if self.program is None:
            return
        try:
            story = Story(self.program, self.data.persistent["vars"])
            story.start(label or "start")
        except ScriptError as exc:
            self.show_error(exc, None)
            return
        if self.audio:
            self.audio.ui_sound("choice", 0.5)
        screen = GameScreen(self, story)
        self.screens = [screen]
        self.music_now = None
        screen.pump(time.perf_counter())

    def show_error(self, exc: ScriptError, resume: dict | None) -> None:
        log.error("%s", exc.format())
        self.screens = [ErrorScreen(self, exc, resume)]
        self.dirty = True

    def reload(self, resume: dict | None) -> None:
        """Load the scenes again; carry on from `resume` (a story snapshot) if given."""
        self.ensure_audio()
        self.stage_view.clear()
        self._palettes.clear()
        if not self._load_program():
            assert self.load_error is not None
            self.show_error(self.load_error, resume)
            return
        if resume is None:
            if self.options.warp:
                self.start_game(self.options.warp)
            else:
                self.to_title()
            return
        story = Story(self.program, self.data.persistent["vars"])  # type: ignore[arg-type]
        try:
            notices = story.restore(resume)
        except ValueError as exc:
            log.warning("cannot resume (%s): starting over", exc)
            self.to_title()
            return
        for notice in notices:
            log.warning("%s", notice)
        screen = GameScreen(self, story)
        if resume.get("waiting"):
            screen.skip_say = resume.get("fp")
        self.screens = [screen]
        self.music_now = None
        self.sync_music(story.stage)
        screen.pump(time.perf_counter())

    def hot_reload(self) -> None:
        """Shift+R, as in Ren'Py: read the scene files again and stay on the same line if
        it still exists (found by its fingerprint), else go to the start of its label. An
        error in the edited files shows the error screen; Shift+R there tries again."""
        game = self.game()
        if isinstance(self.top, ErrorScreen):
            self.top.reload()
            return
        if game is None or not game.rollback.past:
            return
        resume = dict(game.rollback.past[-1]["state"], waiting=False)
        old = game
        self.reload(resume)
        new = self.game()
        if new is not None and new is not old:
            # The player keeps their history and can still roll back past the reload.
            new.history, new.history_base = old.history, old.history_base
            new.rollback = old.rollback
            new.notice.show("Scenes reloaded", time.perf_counter())

    def quit(self) -> None:
        self.running = False

    # --- look ---------------------------------------------------------------------------

    def gui_picture(self, name: str) -> pygame.Surface:
        key = (name, self.vp.size)
        surf = self._gui.get(key)
        if surf is None:
            path = self.options.game / "assets" / "gui" / name
            try:
                raw = pygame.image.load(str(path)).convert()
                surf = pygame.transform.smoothscale(raw, self.vp.size)
            except (pygame.error, OSError, FileNotFoundError):
                surf = pygame.Surface(self.vp.size).convert()
                surf.fill((16, 14, 34))
            self._gui[key] = surf
        return surf

    def refresh_palette(self, stage: dict[str, Any]) -> None:
        """The dialogue box takes its colour from the scene it sits on."""
        # Remembered per scene: rollback steps through scenes often and must stay < 1 ms.
        key = (repr(stage.get("scene")), self.vp.size)
        known = self._palettes.get(key)
        if known is not None:
            self.palette, self.stage_animated = known
            return
        try:
            picture = self.stage_view.compose({"scene": stage.get("scene"), "sprites": []},
                                              self.vp)
            avg = pygame.transform.average_color(picture)
            self.palette = Palette.from_color((avg[0], avg[1], avg[2]))
            self.stage_animated = self.stage_view.animated(stage, self.vp)
            self._palettes[key] = (self.palette, self.stage_animated)
        except pygame.error:
            self.palette = Palette()

    def dim(self, target: pygame.Surface, alpha: int) -> None:
        veil = self.painter.box(self.window.get_size(), (6, 5, 14), alpha, 0)
        target.blit(veil, (0, 0))

    # --- window -------------------------------------------------------------------------

    def resize(self, size: tuple[int, int]) -> None:
        self.window = pygame.display.get_surface()
        self.vp = Viewport(self.window.get_size())
        self._gui.clear()
        g = self.game()
        if g is not None:
            g.transition = None  # its pictures are the old size: finish it
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        s = self.data.settings
        s["fullscreen"] = not s["fullscreen"]
        self.data.save_settings()
        if self.options.headless:
            return
        if s["fullscreen"]:
            self.windowed_size = self.window.get_size()
            pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self.resize(pygame.display.get_surface().get_size())

    def screenshot(self, path: Path | None = None) -> Path:
        if path is None:
            self.data.screenshot_dir.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = self.data.screenshot_dir / f"screenshot-{stamp}.png"
            n = 1
            while path.exists():
                path = self.data.screenshot_dir / f"screenshot-{stamp}-{n}.png"
                n += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.window, str(path))
        return path

    # --- input --------------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        t = event.type
        if t == pygame.QUIT:
            self.quit()
        elif t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resize(self.window.get_size())
        elif t in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
        elif t == pygame.KEYDOWN:
            if event.key in (pygame.K_LCTRL, pygame.K_RCTRL):
                self.ctrl_held = True
                if isinstance(self.top, GameScreen):
                    self.top.begin_skip()
                self.dirty = True
            self.key(event.key, event.mod)
        elif t == pygame.KEYUP:
            if event.key in (pygame.K_LCTRL, pygame.K_RCTRL):
                self.ctrl_held = False
                self.dirty = True
        elif t in (pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE) and self.ctrl_held:
            self.ctrl_held = False  # the key-up goes to another window
        elif t == pygame.MOUSEBUTTONDOWN:
            if event.button == 1:
                self.top.action("click", event.pos)
            elif event.button == 2:
                self.top.action("hide")
            elif event.button == 3:
                self.top.action("back")
        elif t == pygame.MOUSEMOTION:
            if self.top.hover(event.pos):
                self.dirty = True
        elif t == pygame.MOUSEWHEEL:
            if event.y:
                self.top.action("rollback" if event.y > 0 else "rollforward")
        elif t == pygame.CONTROLLERDEVICEADDED:
            self._add_controller(event.device_index)
        elif t == pygame.CONTROLLERDEVICEREMOVED:
            self.controllers.pop(event.instance_id, None)
        elif t == pygame.CONTROLLERBUTTONDOWN:
            self.pad(event.button)
        elif self.audio is not None and t == self.audio.end_event:
            self.audio.on_music_end()

    def key(self, key: int, mod: int) -> None:
        top = self.top
        plain = not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META)
        commands = {pygame.K_PAGEUP: "rollback", pygame.K_PAGEDOWN: "rollforward",
                    pygame.K_TAB: "skip", pygame.K_F5: "quicksave",
                    pygame.K_F9: "quickload", pygame.K_DELETE: "delete",
                    pygame.K_HOME: "home", pygame.K_END: "end"}
        if key == pygame.K_v and plain:
            self.voicer.toggle_self_voicing()  # V, as in Ren'Py
        elif key == pygame.K_c and mod & pygame.KMOD_SHIFT:
            self.voicer.toggle_clipboard()
        elif key == pygame.K_F11 or (key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                                   and mod & pygame.KMOD_ALT) or (key == pygame.K_f and plain):
            self.toggle_fullscreen()
        elif key in commands:
            top.action(commands[key])
        elif key == pygame.K_a and plain:
            top.action("auto")
        elif key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
            top.action("activate" if key != pygame.K_SPACE else "advance")
        elif key == pygame.K_ESCAPE:
            top.action("back")
        elif key == pygame.K_r and mod & pygame.KMOD_SHIFT:
            self.hot_reload()
        elif key == pygame.K_h:
            top.action("hide")
        elif key == pygame.K_s and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            log.info("screenshot saved to %s", self.screenshot())
        elif key == pygame.K_UP:
            top.action("up")
        elif key == pygame.K_DOWN:
            top.action("down")
        elif key == pygame.K_LEFT:
            top.action("left")
        elif key == pygame.K_RIGHT:
            top.action("right")
        elif pygame.K_1 <= key <= pygame.K_9:
            top.action("number", n=key - pygame.K_0)
        elif pygame.K_KP1 <= key <= pygame.K_KP9:
            top.action("number", n=key - pygame.K_KP1 + 1)

    def pad(self, button: int) -> None:
        top = self.top
        mapping = {
            pygame.CONTROLLER_BUTTON_A: "activate",
            pygame.CONTROLLER_BUTTON_B: "back",
            pygame.CONTROLLER_BUTTON_START: "back",
            pygame.CONTROLLER_BUTTON_DPAD_UP: "up",
            pygame.CONTROLLER_BUTTON_DPAD_DOWN: "down",
            pygame.CONTROLLER_BUTTON_DPAD_LEFT: "left",
            pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "right",
            pygame.CONTROLLER_BUTTON_Y: "hide",
        }
        name = mapping.get(button)
        if name:
            top.action(name)

    # --- loop ---------------------------------------------------------------------------

    def draw(self, now: float) -> None:
        target = self.window
        target.fill((0, 0, 0))
        # Draw from the last opaque screen up, so overlays sit on what they pause.
        start = 0
        for i, screen in enumerate(self.screens):
            if screen.opaque:
                start = i
        for screen in self.screens[start:]:
            screen.draw(target, now)
        self.voicer.draw(target)

    def update(self, now: float) -> None:
        for screen in list(self.screens):
            if screen in self.screens and screen.update(now):
                self.dirty = True

    def next_wake(self, now: float) -> float | None:
        times = [t for s in self.screens if (t := s.deadline(now)) is not None]
        return min(times) if times else None

    def status(self) -> dict[str, Any]:
        """What a test sees: the top screen's name, the box's text, whether it is ready."""
        out: dict[str, Any] = {"screen": getattr(self.top, "name", "?")}
        g = self.game()
        if g is not None:
            out.update(g.status())
            if g.ending is not None:
                out["screen"] = "ending" if self.top is g else out["screen"]
        if self.top is not g:
            for key in ("buttons_at", "notice"):
                out.pop(key, None)  # the game's, hidden under the top screen
            out.update(self.top.status())
            out["clickable"] = False
        out.update(self.voicer.status())
        return out

    def begin(self) -> None:
        if self.load_error is not None:
            self.show_error(self.load_error, None)
        elif self.options.warp:
            self.start_game(self.options.warp)
        else:
            self.to_title()

    def run(self) -> int:
        self.begin()
        first = True
        while self.running:
            now = time.perf_counter()
            wake = self.next_wake(now)
            if self.harness is not None:
                h = self.harness.deadline(now)
                wake = h if wake is None else min(wake, h)
            events: list[pygame.event.Event] = []
            if not self.dirty and not self.partial:
                wait = 1.0 if wake is None else wake - now
                if wait > 0.001:
                    # pygame's event.wait polls inside (about 2.6% of a core under X11,
                    # a 1 ms loop on the dummy driver), so sleep in short steps instead:
                    # a frame's worth with a window, longer when nothing can send input,
                    # and twice as long once the player has been still for a while (a
                    # click then waits at most 33 ms, below what a reader notices).
                    step = self.poll_step
                    if now - self.last_event > IDLE_AFTER:
                        step *= 2
                    time.sleep(min(wait, step))
            events.extend(pygame.event.get())
            if events:
                self.last_event = time.perf_counter()
            for e in events:
                self.dispatch(e)
                if not self.screens:
                    self.to_title()
            now = time.perf_counter()
            self.update(now)
            self.voicer.tick()
            if self.harness is not None:
                self.harness.step(now)
            if self.dirty and self.running:
                self.dirty = False
                self.draw(now)
                pygame.display.flip()
                if first:
                    first = False
                    if self.options.first_frame_exit:
                        print(f"first-frame {time.perf_counter() - self.t_start:.4f}",
                              flush=True)
                        return 0
                    self.late_init()
            elif self.partial and self.running:
                self.draw(now)
                pygame.display.update(self.partial)
            self.partial = []
        self.data.save_persistent()
        if self.audio is not None:
            self.audio.quit()
        return self.exit_code


def configure_headless() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def canvas_size() -> tuple[int, int]:
    return CANVAS
