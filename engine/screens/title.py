"""The title screen: the game's name on its picture, the main menu and the endings seen.

As Ren'Py's main menu, with Continue first when there is a save to continue (the newest of
every slot, auto and quick saves included), then Start, Load, Settings, Route map, Extras
(gallery and music room), Help (the keys), About (credits and licences) and Quit."""

from __future__ import annotations

from typing import Any

import pygame

from engine.gallery import ending_order
from engine.present.screen import Host, MenuScreen, column
from engine.present.ui import DIM_TEXT, TEXT, wrap

from .saving import load_slot, newest_slot

# The menu's band on the left of the picture (canvas pixels) and what sits in it.
BAND_X, BAND_Y, BAND_W = 56, 122, 520
NAME_Y, ENDINGS_Y, ENDINGS_W, ENDINGS_LINE = 132, 206, 440, 22
BUTTONS_X, BUTTONS_Y, BUTTON_W, BUTTON_H, BUTTON_STEP = 96, 272, 300, 40, 45
PROBLEM_COLOR = (255, 200, 150)


class TitleScreen(MenuScreen):
    name = "title"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.known_endings = ending_order(host.program) if host.program else []
        self.message = ""  # why Continue could not load
        self.build()

    def build(self) -> None:
        host = self.host
        self.continue_slot = newest_slot(host)
        items = [("Start", self.start), ("Load", lambda: host.open("load")),
                 ("Settings", lambda: host.open("settings")),
                 ("Route map", lambda: host.open("route-map")),
                 ("Extras", lambda: host.open("extras")),
                 ("Help", lambda: host.open("help")), ("About", lambda: host.open("about")),
                 ("Quit", host.quit)]
        if self.continue_slot is not None:
            items.insert(0, ("Continue", self.go_on))
        focus = self.buttons.focus if hasattr(self, "buttons") else -1
        self.buttons = column(items, BUTTONS_X, BUTTONS_Y, BUTTON_W, BUTTON_H, BUTTON_STEP,
                              font_px=22)
        self.buttons.focus = min(focus, len(items) - 1)

    def resume(self) -> None:
        # Back from Load (a save may have been deleted) or Settings: Continue as it is now.
        self.build()
        self.host.redraw()

    def start(self) -> None:
        self.host.audio.ui_sound("choice", 0.5)
        self.host.reset("game", label="start")

    def go_on(self) -> None:
        if self.continue_slot is None:
            return
        self.host.audio.ui_sound("choice", 0.5)
        problem = load_slot(self.host, self.continue_slot)
        if problem:
            self.message = problem
            self.build()
            self.host.redraw()

    # --- drawing -----------------------------------------------------------------------

    def endings_line(self) -> str:
        seen = self.host.data.endings
        known = self.known_endings
        if not known:
            return "Endings seen: " + ", ".join(seen) if seen else "No endings seen yet"
        found = [e for e in known if e in seen]
        if not found:
            return f"No endings seen yet ({len(known)} to find)"
        return f"Endings seen: {len(found)} of {len(known)} — " + ", ".join(found)

    def endings_lines(self, font: pygame.font.Font, width: int) -> list[str]:
        """The endings line in at most two lines that break between names, never inside
        one ("Go Home / and Sleep")."""
        head, _, names = self.endings_line().partition(" — ")
        parts = [head + (" — " if names else "")] + [n + ", " for n in names.split(", ")] \
            if names else [head]
        lines = [""]
        for part in parts:
            if lines[-1] and font.size((lines[-1] + part).rstrip(", "))[0] > width:
                lines.append("")
            lines[-1] += part
        lines = [line.rstrip() for line in lines]
        lines[-1] = lines[-1].rstrip(",")
        if len(lines) > 2 or any(font.size(line)[0] > width for line in lines):
            lines = wrap(" ".join(lines), font, width)  # one name longer than the band
        return lines[:2]

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        target.blit(host.gui_picture("title.png"), vp.offset)
        b = self.buttons.buttons
        bottom = b[-1].rect[1] + BUTTON_H + 24 if b else 600
        # A soft dark band behind the menu keeps it readable on the bright road.
        band = vp.crect(BAND_X, BAND_Y, BAND_W, bottom - BAND_Y)
        target.blit(p.box(band.size, (10, 8, 26), 150, vp.px(22)), band)
        p.shadowed(target, host.game_name, vp.px(54), vp.to_window(BUTTONS_X, NAME_Y), TEXT,
                   bold=True)
        lines = self.endings_lines(host.fonts.get(vp.px(18)), vp.px(ENDINGS_W))
        for k, line in enumerate(lines):
            p.shadowed(target, line, vp.px(18),
                       vp.to_window(BUTTONS_X, ENDINGS_Y + k * ENDINGS_LINE), DIM_TEXT)
        self.buttons.draw(target, vp, p, host.title_palette, align="left")
        self.draw_problems(target)

    def draw_problems(self, target: pygame.Surface) -> None:
        """Damaged data files and a failed Continue: once, at the foot of the picture."""
        host, vp, p = self.host, self.host.vp, self.host.painter
        problems = ([self.message] if self.message else []) + host.data.problems[:2]
        if not problems:
            return
        font = host.fonts.get(vp.px(15))
        lines = [line for text in problems for line in wrap(text, font, vp.px(600))][:4]
        top = 696 - 12 - 20 * len(lines)
        box = vp.crect(620, top, 640, 20 * len(lines) + 12)
        target.blit(p.box(box.size, (10, 8, 26), 200, vp.px(10)), box)
        for k, line in enumerate(lines):
            p.shadowed(target, line, vp.px(15), vp.to_window(634, top + 6 + k * 20),
                       PROBLEM_COLOR)

    def status(self) -> dict[str, Any]:
        return {**super().status(), "ready": True, "continue": self.continue_slot,
                "text": "\n".join([self.host.game_name, self.endings_line(),
                                   *self.host.data.endings, self.message,
                                   *self.host.data.problems,
                                   *(b.label for b in self.buttons.buttons)])}
