"""A yes/no question over everything (overwrite, delete, start again). Escape answers no."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from engine.present.screen import Host, MenuScreen
from engine.present.ui import TEXT, Button, ButtonList


class ConfirmScreen(MenuScreen):
    name = "confirm"
    backs_on_hide = True

    def __init__(self, host: Host, question: str, on_yes: Callable[[], Any]) -> None:
        super().__init__(host)
        self.question = question
        self.on_yes = on_yes
        self.buttons = ButtonList([Button("Yes", self.yes, (460, 390, 160, 52)),
                                   Button("No", self.back, (660, 390, 160, 52))], focus=0,
                                  font_px=22)

    def yes(self) -> None:
        self.host.pop(self)
        self.on_yes()

    def back(self) -> None:
        self.host.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        panel = vp.crect(360, 270, 560, 200)
        target.blit(p.box(panel.size, host.palette.box, 248, vp.px(16), host.palette.accent,
                          max(1, vp.px(2))), panel)
        p.shadowed(target, self.question, vp.px(24), vp.to_window(640, 330), TEXT,
                   anchor="center")
        self.buttons.draw(target, vp, p, host.palette)

    def status(self) -> dict[str, Any]:
        return {"text": self.question, "ready": True,
                "buttons_at": {b.label: b.rect for b in self.buttons.buttons}}
