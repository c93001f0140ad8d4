"""A script error: where it is, the source line, and Reload / Quit."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.screen import Host, MenuScreen
from engine.present.ui import DIM_TEXT, Button, ButtonList, Palette
from engine.script import ScriptError


class ErrorScreen(MenuScreen):
    name = "error"
    backdrop = False  # it covers the window with its own picture

    def __init__(self, host: Host, error: ScriptError, resume: dict | None = None) -> None:
        super().__init__(host)
        self.error = error
        self.resume_state = resume
        self.buttons = ButtonList(
            [Button("Reload", self.reload, (420, 600, 200, 56)),
             Button("Quit", host.quit, (660, 600, 200, 56))], focus=0)

    def reload(self) -> None:
        self.host.reload(self.resume_state)

    def draw(self, target: pygame.Surface, now: float) -> None:
        vp, p = self.host.vp, self.host.painter
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
