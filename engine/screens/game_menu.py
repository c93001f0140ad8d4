"""The game menu (Escape while playing): Resume, History, Save, Load, the route map,
Settings, the main menu and Quit. What it opens replaces it, as in Ren'Py: closing that
returns to the game. Main menu and Quit ask first when progress would be lost."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.screen import Host, MenuScreen, column
from engine.present.ui import TEXT

from . import confirm


class GameMenu(MenuScreen):
    name = "game-menu"

    def __init__(self, host: Host, play: Any = None) -> None:
        super().__init__(host)
        self.play = play

        def swap(name: str, **kw: Any) -> Any:
            return lambda: host.replace(self, name, **kw)

        items = [("Resume", self.back), ("History", swap("history", play=play)),
                 ("Save", swap("save", play=play)), ("Load", swap("load")),
                 ("Route map", swap("route-map")), ("Settings", swap("settings")),
                 ("Main menu", lambda: confirm.leave(host, play, confirm.MAIN_MENU,
                                                     lambda: host.reset("title"))),
                 ("Quit", lambda: confirm.leave(host, play, confirm.QUIT, host.quit))]
        self.buttons = column(items, 490, 160, 300, 54, 64, focus=0)

    def back(self) -> None:
        self.host.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp = self.host, self.host.vp
        host.painter.shadowed(target, "Paused", vp.px(34), vp.to_window(640, 110), TEXT,
                              bold=True, anchor="center")
        self.buttons.draw(target, vp, host.painter, host.palette)
