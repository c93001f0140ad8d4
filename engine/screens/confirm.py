"""A yes/no question over everything (overwrite, delete, start again, leave the game).
Escape answers no."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from engine.present.screen import Host, MenuScreen
from engine.present.ui import TEXT, Button, ButtonList, wrap

# Ren'Py's words (gui.MAIN_MENU / gui.QUIT in its common screens).
MAIN_MENU = "Are you sure you want to return to the main menu?\n" \
            "This will lose unsaved progress."
QUIT = "Are you sure you want to quit?\nThis will lose unsaved progress."
PANEL = (280, 250, 720, 240)
QUESTION_PX, LINE_STEP = 24, 36


def framed_question(host: Host, target: pygame.Surface, panel: tuple[int, int, int, int],
                    question: str, px: int, step: int, top: Callable[[int], int]) -> None:
    """A question in a framed panel, as a yes/no prompt or a text entry asks it: at most
    three wrapped lines, each centred, the first at canvas y `top(number of lines)`."""
    vp, p = host.vp, host.painter
    rect = vp.crect(*panel)
    target.blit(p.box(rect.size, host.palette.box, 248, vp.px(16), host.palette.accent,
                      max(1, vp.px(2))), rect)
    lines = wrap(question, p.fonts.get(vp.px(px)), vp.px(panel[2] - 60))[:3]
    y = top(len(lines))
    for i, line in enumerate(lines):
        p.shadowed(target, line, vp.px(px), vp.to_window(panel[0] + panel[2] // 2,
                                                         y + i * step), TEXT, anchor="center")


class ConfirmScreen(MenuScreen):
    name = "confirm"
    backs_on_hide = True

    def __init__(self, host: Host, question: str, on_yes: Callable[[], Any]) -> None:
        super().__init__(host)
        self.question = question
        self.on_yes = on_yes
        y = PANEL[1] + PANEL[3] - 84
        self.buttons = ButtonList([Button("Yes", self.yes, (460, y, 160, 52)),
                                   Button("No", self.back, (660, y, 160, 52))], focus=0,
                                  font_px=22)

    def yes(self) -> None:
        self.host.pop(self)
        self.on_yes()

    def back(self) -> None:
        self.host.pop(self)

    def draw(self, target: pygame.Surface, now: float) -> None:
        host = self.host
        framed_question(host, target, PANEL, self.question, QUESTION_PX, LINE_STEP,
                        lambda n: PANEL[1] + 70 - (n - 1) * LINE_STEP // 2)  # above the buttons
        self.buttons.draw(target, host.vp, host.painter, host.palette)

    def status(self) -> dict[str, Any]:
        return {"text": self.question, "ready": True,
                "buttons_at": {b.label: b.rect for b in self.buttons.buttons}}


def leave(host: Host, play: Any, question: str, go: Callable[[], Any]) -> None:
    """Main menu or Quit while playing: ask first when leaving would lose progress since
    the last save (Ren'Py asks too), go at once when nothing would be lost."""
    if play is not None and play.unsaved():
        host.open("confirm", question=question, on_yes=go)
    else:
        go()
