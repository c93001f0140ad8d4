"""The gallery's full view: one picture (a CG seen, or an ending's card) over the whole
screen. Left/Right (or Up/Down, the D-pad, the wheel) turn to the previous or next
picture — the variants of a CG, then the next CG; Enter, a click or pad A go on, and past
the last picture go back; H (pad Y, the middle button) hides the caption; Escape, a right
click or pad B go back to Extras. Only the picture shown is kept in memory."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.screen import Host, Pos, Screen
from engine.present.ui import TEXT

from . import cards
from .extras_tiles import Page, full_picture


class PictureView(Screen):
    name = "picture-view"
    backdrop = False  # it covers the window with its own picture

    def __init__(self, host: Host, pages: list[Page], index: int = 0) -> None:
        super().__init__(host)
        self.pages = list(pages)
        self.index = max(0, min(index, len(self.pages) - 1))
        self.caption = True
        self._shown: tuple[tuple, pygame.Surface | None] | None = None

    @property
    def page(self) -> Page | None:
        return self.pages[self.index] if self.pages else None

    def turn(self, step: int) -> None:
        if self.pages:
            self.index = max(0, min(len(self.pages) - 1, self.index + step))

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        if name == "back" or not self.pages:
            self.host.pop(self)
        elif name in ("right", "down", "rollforward"):
            self.turn(1)
        elif name in ("left", "up", "rollback"):
            self.turn(-1)
        elif name in ("activate", "advance", "click"):
            if self.index >= len(self.pages) - 1:
                self.host.pop(self)
                return
            self.turn(1)
        elif name == "hide":
            self.caption = not self.caption
        self.host.redraw()

    def picture(self, page: Page) -> pygame.Surface | None:
        key = (page.path, self.host.vp.size)
        if self._shown is None or self._shown[0] != key:
            pic = full_picture(self.host, page.path) if page.path is not None else None
            self._shown = (key, pic)
        return self._shown[1]

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        target.fill((0, 0, 0))
        page = self.page
        if page is None:
            return
        if page.kind == "ending":
            cards.draw_card(target, host, page.name, "")
        else:
            pic = self.picture(page)
            if pic is None:
                p.shadowed(target, f"{page.title}: the picture could not be read", vp.px(22),
                           vp.to_window(640, 360), (255, 200, 150), anchor="center")
            else:
                area = vp.rect
                target.blit(pic, pic.get_rect(center=area.center))
        if self.caption:
            words = self.caption_text()
            text = p.text(words, vp.px(17), TEXT)
            box = text.get_rect(bottomleft=vp.to_window(24, 700)).inflate(vp.px(24), vp.px(12))
            target.blit(p.box(box.size, (10, 8, 24), 170, vp.px(10)), box)
            target.blit(text, text.get_rect(center=box.center))

    def caption_text(self) -> str:
        """The caption: the picture's name (a card shows its own), where, and the keys."""
        page = self.page
        if page is None:
            return ""
        where = f"{self.index + 1} of {len(self.pages)}"
        head = where if page.kind == "ending" else f"{page.title} · {where}"
        return f"{head}   Left/Right: more · H: hide · Esc: back"

    def focus_text(self) -> str:
        page = self.page
        if page is not None and page.kind == "ending":
            number = cards.number_text(self.host, page.name)
            return ", ".join(filter(None, [f"Ending: {page.name}", number]))
        return self.caption_text().split("   ")[0]

    def status(self) -> dict[str, Any]:
        page = self.page
        return {"text": self.focus_text() + "\n" + self.caption_text(), "ready": True,
                "picture": None if page is None or page.path is None else page.path.name,
                "index": self.index}
