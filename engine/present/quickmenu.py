"""The game screen's small furniture: the quick menu inside the dialogue box (as in Ren'Py),
the Skip/Auto indicator and short on-screen notices ("Quick saved").

None of it depends on the screens, so app.py imports it at the top like ui.py.
"""

from __future__ import annotations

import pygame

from .picture import Viewport
from .ui import TEXT, Painter, Palette

Rect = tuple[float, float, float, float]
# (label, action): the action is sent to the game screen like a key's.
ITEMS = (("Back", "rollback"), ("History", "history"), ("Skip", "skip"), ("Auto", "auto"),
         ("Save", "save"), ("Q.Save", "quicksave"), ("Q.Load", "quickload"),
         ("Settings", "settings"))
BAR_H, BOTTOM_PAD = 20, 4  # canvas: the row sits this far above its frame's bottom edge
FONT_PX = 15
GAP = 26
# Idle items: 4.5:1 or more against the lightest the box can look (tests prove it).
IDLE = (204, 204, 218)
NOTICE_SECONDS = 2.5


class QuickMenu:
    """A row of small text buttons along the bottom edge of the frame it is placed in (the
    dialogue box or the NVL page); hidden, and not clickable, when it has none. `hot` is the
    item under the mouse."""

    def __init__(self) -> None:
        self.hot = -1
        self.frame: Rect | None = None
        self._rects: list[Rect] = []
        self._key: object = None

    def place(self, frame: Rect | None) -> None:
        """The canvas rectangle the row sits in; None hides it."""
        self.frame = frame

    def rects(self, painter: Painter) -> list[Rect]:
        """Canvas rectangles of the items, centred along the frame's bottom edge."""
        if self.frame is None:
            return []
        font = painter.fonts.get(FONT_PX)
        key = (id(font), self.frame)
        if key != self._key:
            fx, fy, fw, fh = self.frame
            widths = [font.size(label)[0] + 12 for label, _ in ITEMS]
            x = fx + (fw - (sum(widths) + GAP * (len(widths) - 1))) / 2
            y = fy + fh - BOTTOM_PAD - BAR_H
            self._rects = []
            for w in widths:
                self._rects.append((x, y, w, BAR_H))
                x += w + GAP
            self._key = key
        return self._rects

    def at(self, vp: Viewport, painter: Painter, pos: tuple[int, int]) -> int:
        for i, r in enumerate(self.rects(painter)):
            if vp.crect(*r).collidepoint(pos):
                return i
        return -1

    def hover(self, vp: Viewport, painter: Painter, pos: tuple[int, int]) -> bool:
        i = self.at(vp, painter, pos)
        changed = i != self.hot
        self.hot = i
        return changed

    def action_at(self, vp: Viewport, painter: Painter, pos: tuple[int, int]) -> str | None:
        i = self.at(vp, painter, pos)
        return ITEMS[i][1] if i >= 0 else None

    def buttons(self, painter: Painter) -> list[tuple[str, Rect]]:
        return [(label, r) for (label, _), r in zip(ITEMS, self.rects(painter), strict=False)]

    def draw(self, target: pygame.Surface, vp: Viewport, painter: Painter, pal: Palette,
             active: set[str], plate: tuple[tuple[int, int, int], int] | None = None
             ) -> None:
        """`plate` (colour, alpha): the row stands without its box (at a choice with the
        box hidden) and gets a strip of the box's own look behind it, so it reads the same."""
        px = vp.px(FONT_PX)
        rects = self.rects(painter)
        if plate is not None and rects:
            x0, y0 = rects[0][0] - GAP / 2, rects[0][1] - 2
            x1 = rects[-1][0] + rects[-1][2] + GAP / 2
            strip = vp.crect(x0, y0, x1 - x0, BAR_H + 4)
            target.blit(painter.box(strip.size, plate[0], plate[1], vp.px(10)), strip)
        for i, ((label, act), r) in enumerate(zip(ITEMS, self.rects(painter), strict=False)):
            if i == self.hot:
                color = (255, 255, 255)
            elif act in active:
                color = pal.accent
            else:
                color = IDLE
            rect = vp.crect(*r)
            text = painter.text(label, px, color, bold=act in active)
            target.blit(text, text.get_rect(center=rect.center))


def draw_indicator(target: pygame.Surface, vp: Viewport, painter: Painter, pal: Palette,
                   label: str) -> None:
    """'Skip ▸▸' or 'Auto' at the top left while the mode is on."""
    px = vp.px(18)
    text = painter.text(label, px, TEXT, bold=True)
    pad_x, pad_y = vp.px(14), vp.px(6)
    size = (text.get_width() + 2 * pad_x + vp.px(22), text.get_height() + 2 * pad_y)
    at = vp.to_window(20, 16)
    target.blit(painter.box(size, pal.box, 210, vp.px(10), pal.accent, max(1, vp.px(1))), at)
    target.blit(text, (at[0] + pad_x, at[1] + pad_y))
    # Two small arrows after the word: the familiar "fast forward" sign.
    s = vp.px(7)
    x0 = at[0] + pad_x + text.get_width() + vp.px(6)
    cy = at[1] + size[1] // 2
    for k in range(2 if label.startswith("Skip") else 1):
        x = x0 + k * (s + vp.px(1))
        pygame.draw.polygon(target, pal.accent, [(x, cy - s), (x + s, cy), (x, cy + s)])


class Notice:
    """A short message at the top of the screen that goes away by itself."""

    def __init__(self) -> None:
        self.text = ""
        self.until = 0.0

    def show(self, text: str, now: float, seconds: float = NOTICE_SECONDS) -> None:
        self.text = text[:1].upper() + text[1:]
        self.until = now + seconds

    def update(self, now: float) -> bool:
        """True when the notice just went away (the screen must be redrawn)."""
        if self.text and now >= self.until:
            self.text = ""
            return True
        return False

    def deadline(self) -> float | None:
        return self.until if self.text else None

    def draw(self, target: pygame.Surface, vp: Viewport, painter: Painter,
             pal: Palette) -> None:
        if not self.text:
            return
        px = vp.px(19)
        text = painter.text(self.text[:110], px, TEXT)
        pad_x, pad_y = vp.px(18), vp.px(8)
        size = (text.get_width() + 2 * pad_x, text.get_height() + 2 * pad_y)
        cx, y = vp.to_window(640, 18)
        rect = pygame.Rect(0, y, *size)
        rect.centerx = cx
        target.blit(painter.box(size, pal.box, 232, vp.px(10), pal.accent,
                                max(1, vp.px(1))), rect)
        target.blit(text, (rect.x + pad_x, rect.y + pad_y))
