"""The history (backlog) screen: the last 200 lines with their speakers, newest at the
bottom, scrolled with the wheel, the arrow keys, Page Up/Down and Home/End."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.richtext import parse_color
from engine.present.screen import Host, Pos, Screen
from engine.present.ui import DIM_TEXT, TEXT, wrap

SHOWN = 200
PANEL = (70, 70, 1140, 600)
VIEW_TOP, VIEW_BOTTOM = 126, 654  # canvas y of the scrolled area
NAME_X, NAME_W = 100, 230
TEXT_X, TEXT_W = 350, 820
TEXT_PX, LINE_H, ENTRY_GAP = 21, 29, 14
WHEEL_STEP, KEY_STEP = 3 * LINE_H, LINE_H


class HistoryScreen(Screen):
    name = "history"

    def __init__(self, host: Host, play: Any = None) -> None:
        super().__init__(host)
        self.entries = list(play.history if play is not None else [])[-SHOWN:]
        self._layout: list[tuple[int, list[str]]] = []  # (canvas y, wrapped lines)
        self._key: tuple | None = None
        self.total = 0
        self.offset: float | None = None  # canvas px scrolled from the top; None: bottom

    def layout(self) -> None:
        vp = self.host.vp
        key = (vp.size, self.host.look)
        if key == self._key:
            return
        font = self.host.fonts.get(vp.px(TEXT_PX))
        y = 0
        self._layout = []
        for entry in self.entries:
            lines = wrap(str(entry.get("text", "")), font, vp.px(TEXT_W))
            self._layout.append((y, lines))
            y += len(lines) * LINE_H + ENTRY_GAP
        self.total = y
        self._key = key

    @property
    def max_offset(self) -> float:
        return max(0.0, self.total - (VIEW_BOTTOM - VIEW_TOP))

    def scroll(self, by: float) -> None:
        self.layout()
        cur = self.max_offset if self.offset is None else self.offset
        self.offset = min(self.max_offset, max(0.0, cur + by))

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        steps = {"up": -KEY_STEP, "down": KEY_STEP, "rollback": -WHEEL_STEP,
                 "rollforward": WHEEL_STEP, "left": -(VIEW_BOTTOM - VIEW_TOP),
                 "right": VIEW_BOTTOM - VIEW_TOP}
        if name in steps:
            self.scroll(steps[name])
        elif name == "home":
            self.offset = 0.0
        elif name == "end":
            self.offset = None
        elif name in ("back", "hide", "activate") or (name == "advance" and pos is None):
            self.host.pop(self)
        self.host.redraw()

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        pal = host.palette
        self.layout()
        panel = vp.crect(*PANEL)
        target.blit(p.box(panel.size, pal.box, 252, vp.px(18)), panel)
        p.shadowed(target, "History", vp.px(32), vp.to_window(PANEL[0] + 30, 80), TEXT,
                   bold=True)
        offset = self.max_offset if self.offset is None else self.offset
        view = vp.crect(PANEL[0], VIEW_TOP, PANEL[2], VIEW_BOTTOM - VIEW_TOP)
        old_clip = target.get_clip()
        target.set_clip(view)
        px = vp.px(TEXT_PX)
        for entry, (y0, lines) in zip(self.entries, self._layout, strict=True):
            top = VIEW_TOP + y0 - offset
            if top > VIEW_BOTTOM or top + len(lines) * LINE_H < VIEW_TOP:
                continue
            who = entry.get("who")
            if who:
                color = parse_color(entry.get("color"), pal.accent)
                name = p.text(str(who), px, color, bold=True)
                x = vp.to_window(NAME_X + NAME_W, 0)[0] - name.get_width()
                target.blit(name, (x, vp.to_window(0, top)[1]))
            for k, line in enumerate(lines):
                surf = p.text(line, px, TEXT if who else DIM_TEXT, italic=not who)
                target.blit(surf, vp.to_window(TEXT_X, top + k * LINE_H))
        target.set_clip(old_clip)
        if not self.entries:
            p.shadowed(target, "Nothing said yet.", vp.px(22), vp.to_window(640, 380),
                       DIM_TEXT, anchor="center")
        # A thin scroll bar shows where the view is in the whole backlog.
        if self.max_offset > 0:
            track_h = VIEW_BOTTOM - VIEW_TOP
            thumb_h = max(30.0, track_h * track_h / self.total)
            thumb_y = VIEW_TOP + (track_h - thumb_h) * offset / self.max_offset
            track = vp.crect(PANEL[0] + PANEL[2] - 22, VIEW_TOP, 6, track_h)
            target.blit(p.box(track.size, (0, 0, 0), 120, vp.px(3)), track)
            thumb = vp.crect(PANEL[0] + PANEL[2] - 22, thumb_y, 6, thumb_h)
            target.blit(p.box(thumb.size, pal.accent, 230, vp.px(3)), thumb)
        hint = "Wheel or arrow keys: scroll · Esc: back"
        p.shadowed(target, hint, vp.px(15), vp.to_window(640, 700), DIM_TEXT,
                   anchor="center")

    def status(self) -> dict[str, Any]:
        lines = [f"{e.get('who')}: {e.get('text')}" if e.get("who") else str(e.get("text"))
                 for e in self.entries]
        self.layout()
        return {"text": "\n".join(lines), "ready": True, "lines": len(self.entries),
                "scroll": self.max_offset if self.offset is None else self.offset,
                "at_bottom": self.offset is None or self.offset >= self.max_offset}
