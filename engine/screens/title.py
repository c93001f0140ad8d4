"""The title screen: the game's name on its picture, the main menu and the endings seen.
Extras (the gallery, the endings' cards and Help) sits where Help was."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.screen import Host, MenuScreen, column
from engine.present.ui import DIM_TEXT, TEXT


class TitleScreen(MenuScreen):
    name = "title"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        items = [("Start", self.start), ("Load", lambda: host.open("load")),
                 ("Settings", lambda: host.open("settings")),
                 ("Route map", lambda: host.open("route-map")),
                 ("Extras", lambda: host.open("extras")), ("Quit", host.quit)]
        self.buttons = column(items, 96, 330, 300, 52, 62, font_px=26)

    def start(self) -> None:
        self.host.audio.ui_sound("choice", 0.5)
        self.host.reset("game", label="start")

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        target.blit(host.gui_picture("title.png"), vp.offset)
        # A soft dark band behind the menu keeps it readable on the bright road.
        band = p.box(vp.crect(56, 120, 520, 586).size, (10, 8, 26), 150, vp.px(22))
        target.blit(band, vp.crect(56, 120, 520, 586))
        p.shadowed(target, host.game_name, vp.px(54), vp.to_window(96, 160), TEXT, bold=True)
        self.buttons.draw(target, vp, p, host.title_palette, align="left")
        endings = host.data.endings
        line = "Endings seen: " + ", ".join(endings) if endings else "No endings seen yet"
        p.shadowed(target, line, vp.px(18), vp.to_window(96, 240), DIM_TEXT)
        y = 266
        for problem in host.data.problems[:2]:
            p.shadowed(target, problem[:110], vp.px(15), vp.to_window(96, y), (255, 200, 150))
            y += 20

    def status(self) -> dict[str, Any]:
        return {**super().status(), "ready": True,
                "text": "\n".join([self.host.game_name, *self.host.data.endings,
                                   *self.host.data.problems,
                                   *(b.label for b in self.buttons.buttons)])}
