"""Help: every key, mouse and gamepad binding, read from the keymap's one table."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.keymap import KEYMAP, describe
from engine.present.screen import Host, Pos, Screen
from engine.present.ui import DIM_TEXT, TEXT, fit_text

PANEL = (90, 60, 1100, 620)
ROW_Y, ROW_H = 128, 21


def rows() -> list[tuple[str, str]]:
    """(how, what it does), one a binding."""
    return [(describe(b), b.does) for b in KEYMAP if b.does]


class HelpScreen(Screen):
    name = "help"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.rows = rows()

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        if name in ("back", "hide", "activate", "click") or (name == "advance"):
            self.host.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        panel = vp.crect(*PANEL)
        target.blit(p.box(panel.size, host.palette.box, 250, vp.px(18)), panel)
        p.shadowed(target, "Help: keys, mouse and gamepad", vp.px(30),
                   vp.to_window(PANEL[0] + 30, 76), TEXT, bold=True)
        for i, (how, what) in enumerate(self.rows):
            y = ROW_Y + i * ROW_H
            target.blit(p.text(how, vp.px(16), TEXT, bold=True),
                        vp.to_window(PANEL[0] + 30, y))
            room = vp.px(PANEL[2] - 430)
            what = fit_text(p.fonts.get(vp.px(16)), what, room)
            target.blit(p.text(what, vp.px(16), DIM_TEXT), vp.to_window(PANEL[0] + 400, y))
        p.shadowed(target, "Esc, Enter or a click: back", vp.px(15), vp.to_window(640, 664),
                   DIM_TEXT, anchor="center")

    def status(self) -> dict[str, Any]:
        return {"text": "\n".join(f"{how}: {what}" for how, what in self.rows),
                "ready": True}
