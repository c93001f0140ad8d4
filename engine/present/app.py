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

from .audio import Audio
from .persist import TEXT_SPEEDS, DataStore
from .picture import CANVAS, StageView, Transition, Viewport
from .progress import record_choice, record_menu
from .richtext import Fonts, Layout, Typewriter, layout, parse_color
from .ui import DIM_TEXT, TEXT, Button, ButtonList, Painter, Palette
from .voicing import Voicer

log = logging.getLogger("roadout")

FRAME = 1 / 60
BLINK_ON, BLINK_PERIOD = 0.6, 1.0
# The dialogue box, in canvas pixels.
BOX = (40, 536, 1200, 168)
TEXT_X, TEXT_Y, TEXT_W, TEXT_PX = 80, 566, 1120, 26
NAME_PX = 25
SPEED_NAMES = {20: "Slow", 40: "Normal", 70: "Fast", 120: "Very fast", 0: "Instant"}


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
        return {"buttons": labels, "text": "\n".join(labels), "ready": True}


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
        self.toast = "No saves yet"
        self.toast_until = time.perf_counter() + 2.5

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
        items = [("Resume", self.back), ("Route map", app.open_routemap),
                 ("Settings", app.open_settings), ("Main menu", app.to_title), ("Quit", app.quit)]
        self.buttons = ButtonList(
            [Button(label, act, (490, 210 + i * 70, 300, 56)) for i, (label, act)
             in enumerate(items)], focus=0)

    def back(self) -> None:
        self.app.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        app, vp = self.app, self.app.vp
        app.dim(target, 150)
        app.painter.shadowed(target, "Paused", vp.px(34), vp.to_window(640, 150), TEXT,
                             bold=True, anchor="center")
        self.buttons.draw(target, vp, app.painter, app.palette)


class SettingsScreen(MenuScreen):
    name = "settings"
    opaque = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons = ButtonList(focus=0)
        self._build()

    def _rows(self) -> list[tuple[str, Any]]:
        s = self.app.data.settings
        return [
            (f"Text speed: {SPEED_NAMES.get(s['text_cps'], s['text_cps'])}", self.speed),
            (f"Music volume: {round(s['music_volume'] * 100)}%", self.music),
            (f"Sound volume: {round(s['sound_volume'] * 100)}%", self.sound),
            (f"Fullscreen: {'on' if s['fullscreen'] else 'off'}", self.app.toggle_fullscreen),
            ("Back", self.back),
        ]

    def _build(self) -> None:
        focus = self.buttons.focus
        self.buttons.buttons = [Button(label, act, (440, 200 + i * 70, 400, 56))
                                for i, (label, act) in enumerate(self._rows())]
        self.buttons.focus = focus

    def _step(self, step: int = 1) -> None:
        s = self.app.data.settings
        i = self.buttons.focus
        if i == 0:
            speeds = list(TEXT_SPEEDS)
            cur = speeds.index(s["text_cps"]) if s["text_cps"] in speeds else 1
            s["text_cps"] = speeds[(cur + step) % len(speeds)]
        elif i in (1, 2):
            key = "music_volume" if i == 1 else "sound_volume"
            s[key] = round((round(s[key] * 10) + step) % 11 / 10, 1)
            self.app.audio.set_volumes(s["music_volume"], s["sound_volume"])
        self.app.data.save_settings()
        self._build()

    def speed(self) -> None:
        self.buttons.focus = 0
        self._step()

    def music(self) -> None:
        self.buttons.focus = 1
        self._step()

    def sound(self) -> None:
        self.buttons.focus = 2
        self._step()

    def action(self, name: str, pos: tuple[int, int] | None = None, n: int = 0) -> None:
        if name in ("left", "right") and self.buttons.focus in (0, 1, 2):
            self._step(1 if name == "right" else -1)
            self.app.dirty = True
            return
        super().action(name, pos, n)
        self._build()

    def back(self) -> None:
        self.app.data.save_settings()
        self.app.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        app, vp = self.app, self.app.vp
        app.dim(target, 170)
        app.painter.shadowed(target, "Settings", vp.px(34), vp.to_window(640, 140), TEXT,
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

    # --- driving the story --------------------------------------------------------------

    def pump(self, now: float) -> None:
        """Ask the story for events until one needs the player or the clock."""
        self.waiting = False
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
            app.data.mark_read(event.fingerprint)
            self.waiting = True
        elif isinstance(event, Menu):
            self.show_menu(event, now)
            app.data.mark_read(event.fingerprint)
            record_menu(app, event.fingerprint, self.story)
            self.waiting = True
        elif isinstance(event, StageChange):
            self.say = self.layout = self.typer = None
            if event.kind == "scene":
                self.box_visible = False
            self.start_transition(event.transition, now)
        elif isinstance(event, With):
            self.say = self.layout = self.typer = None
            self.start_transition(event.transition, now)
        elif isinstance(event, Pause):
            self.say = self.layout = self.typer = None
            self.box_visible = False
            self.pausing = True
            self.pause_until = None if event.seconds is None else now + event.seconds
            self.waiting = True
        elif isinstance(event, AudioEvent):
            app.audio.handle(event.action, event.channel, event.files, event.fadein,
                             event.fadeout, event.loop)
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
        if spec and not self.app.options.instant and spec.get("duration", 0) > 0:
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
        cps = 0 if self.app.options.instant else self.app.data.settings["text_cps"]
        self.typer = Typewriter(self.layout.length, self.layout.stops, cps, now,
                                self.layout.fast_until)
        self.ready_at = now
        self.blink_on = True

    def show_menu(self, menu: Menu, now: float) -> None:
        self.menu = menu
        if menu.prompt is not None:
            self.show_line(menu.prompt, now)
        else:
            self.say = self.layout = self.typer = None
            self.box_visible = False
        n = len(menu.choices)
        h, gap = 58, 14
        # Low on the screen, clear of the faces, and above the box when a prompt shows.
        bottom = 516 if menu.prompt is not None else 560
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

    def ensure_layout(self) -> None:
        """(Re)lay out the line for the current window size, shrinking it if it is too long
        for the box."""
        if self.say is None:
            return
        vp = self.app.vp
        key = (vp.size, self.say)
        if self.layout_key == key:
            return
        color = parse_color(self.say.what_color, TEXT)
        px = TEXT_PX
        room = BOX[1] + BOX[3] - TEXT_Y - 14
        while True:
            lay = layout(self.say.text, self.app.fonts, vp.px(px), vp.px(TEXT_W), color)
            if lay.height <= vp.px(room) or px <= 16:
                break
            px -= 2
        self.layout = lay
        self.layout_key = key

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
            if self.box_visible or self.choices:
                self.ui_hidden = True
            return
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
        if self.choices is not None and not self.ui_hidden:
            return self.choices.hover(self.app.vp, pos)
        return False

    # --- time ---------------------------------------------------------------------------

    def update(self, now: float) -> bool:
        changed = False
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
        times: list[float] = []
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
            box = vp.crect(*BOX)
            target.blit(app.painter.box(box.size, pal.box, pal.box_alpha, vp.px(18)), box)
            if self.say is not None:
                self.draw_line(target)
        if self.choices is not None and self.transition is None:
            self.choices.draw(target, vp, app.painter, pal)

    def draw_line(self, target: pygame.Surface) -> None:
        app, vp, say = self.app, self.app.vp, self.say
        assert say is not None
        self.ensure_layout()
        pal = app.palette
        if say.who:
            color = parse_color(say.color, pal.accent)
            label = app.painter.text(say.who, vp.px(NAME_PX), color, bold=True)
            plate = vp.crect(BOX[0] + 26, BOX[1] - 22, 0, 44)
            plate.width = label.get_width() + vp.px(36)
            target.blit(app.painter.box(plate.size, pal.box, 240, vp.px(12), color,
                                        max(2, vp.px(2))), plate)
            target.blit(label, label.get_rect(center=plate.center))
        if self.layout is None or self.typer is None:
            return
        self.mark_rect = None
        origin = vp.to_window(TEXT_X, TEXT_Y + (6 if say.who else -4))
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
        }


# =========================================================================== the app


class App:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.t_start = time.perf_counter()
        self.data = DataStore(options.data_dir)
        pygame.display.init()
        pygame.font.init()
        flags = 0 if options.headless else pygame.RESIZABLE
        pygame.display.set_caption("The Road Out")
        self.windowed_size = options.size
        self.window = pygame.display.set_mode(options.size, flags)
        self.vp = Viewport(self.window.get_size())
        headless = pygame.display.get_driver() in ("dummy", "offscreen")
        self.poll_step = 0.1 if headless else 0.016
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

    def open_settings(self) -> None:
        self.push(SettingsScreen(self))

    def open_routemap(self) -> None:
        from .routemap import RouteMapScreen

        self.push(RouteMapScreen(self))

    def to_title(self) -> None:
        self.data.save_persistent()
        if self.audio:
            self.audio.stop_music(0.5)
            self.audio.stop_sound()
        self.screens = [TitleScreen(self)]
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
        screen.pump(time.perf_counter())

    def show_error(self, exc: ScriptError, resume: dict | None) -> None:
        log.error("%s", exc.format())
        self.screens = [ErrorScreen(self, exc, resume)]
        self.dirty = True

    def reload(self, resume: dict | None) -> None:
        """Load the scenes again; carry on from `resume` (a story snapshot) if given."""
        self.ensure_audio()
        self.stage_view.clear()
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
        music = story.stage.get("music")
        if music and self.audio:
            self.audio.play_music(music.get("files", []), bool(music.get("loop", True)))
        screen.pump(time.perf_counter())

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
        try:
            picture = self.stage_view.compose({"scene": stage.get("scene"), "sprites": []},
                                              self.vp)
            avg = pygame.transform.average_color(picture)
            self.palette = Palette.from_color((avg[0], avg[1], avg[2]))
            self.stage_animated = self.stage_view.animated(stage, self.vp)
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
            self.key(event.key, event.mod)
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
            # wheel up is rollback in the game, which the saves issue brings
            if not isinstance(self.top, GameScreen):
                self.top.action("wheel", n=event.y)
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
        if key == pygame.K_v and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.voicer.toggle_self_voicing()  # V, as in Ren'Py
        elif key == pygame.K_c and mod & pygame.KMOD_SHIFT:
            self.voicer.toggle_clipboard()
        elif key == pygame.K_F11 or (key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                                   and mod & pygame.KMOD_ALT):
            self.toggle_fullscreen()
        elif key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
            top.action("activate" if key != pygame.K_SPACE else "advance")
        elif key == pygame.K_ESCAPE:
            top.action("back")
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
                    # a frame's worth with a window, longer when nothing can send input.
                    time.sleep(min(wait, self.poll_step))
            events.extend(pygame.event.get())
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
