"""Extras (from the title screen): the gallery of CG illustrations seen, the endings with
their cards, the music room (engine/screens/music_room.py) and Help.

A row of tabs (Gallery, Endings, Music, Help, Back) over a grid of tiles. Keys and the D-pad
move the focus (Left/Right along the tabs, which switch the page as the focus lands on
them; Down into the grid, Up out of it), Enter or pad A opens a tile in the full view
(engine/screens/picture_view.py), Escape or pad B goes back; the mouse clicks tabs and
tiles, the wheel scrolls. A locked tile ("???") says so and opens nothing.
"""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.screen import Host, Pos, Screen
from engine.present.ui import DIM_TEXT, TEXT, _lift, fit_text

from .extras_tiles import Page, Tile, ending_tiles, gallery_tiles, thumbnail
from .music_room import MusicRoom

PANEL = (60, 36, 1160, 636)
TAB_Y, TAB_W, TAB_H, TAB_STEP, TAB_X = 104, 168, 44, 184, 100
TABS = ("Gallery", "Endings", "Music", "Help", "Back")
PAGES = ("Gallery", "Endings", "Music")
GRID_TOP = 178
# Per page: columns, tile width and height, gaps across and down (canvas pixels).
GRIDS = {"Gallery": (4, 200, 112, 40, 62), "Endings": (2, 336, 189, 48, 56)}
EMPTY = {"Gallery": "No illustrations yet: they appear here once the story shows them.",
         "Endings": "No endings in this game.",
         "Music": "No music in this game: the score goes in assets/music."}


class ExtrasScreen(Screen):
    name = "extras"

    def __init__(self, host: Host, page: str = "Gallery") -> None:
        super().__init__(host)
        self.page = page if page in PAGES else "Gallery"
        self.tiles: list[Tile] = []
        self.pages: list[Page] = []
        self.on_tabs = True
        self.tab = TABS.index(self.page)
        self.focus = 0  # the focused tile, when not on the tabs
        self.first_row = 0
        self.message = ""  # what a locked tile says
        self.music: MusicRoom | None = None
        self.load()

    def load(self) -> None:
        if self.page == "Music":
            self.music = MusicRoom(self.host)
            self.tiles, self.pages = [], []
            return
        make = gallery_tiles if self.page == "Gallery" else ending_tiles
        self.tiles, self.pages = make(self.host)
        self.focus = min(self.focus, max(0, len(self.tiles) - 1))
        self.first_row = 0

    def resume(self) -> None:
        self.message = ""

    def leave(self) -> None:
        if self.music is not None:
            self.music.leave()

    # --- geometry ------------------------------------------------------------------------

    @property
    def grid(self) -> tuple[int, int, int, int, int]:
        return GRIDS.get(self.page, GRIDS["Gallery"])

    @property
    def rows_shown(self) -> int:
        _, _, h, _, gap = self.grid
        return max(1, (PANEL[1] + PANEL[3] - GRID_TOP + gap) // (h + gap))

    def tab_rect(self, i: int) -> tuple[float, float, float, float]:
        return (TAB_X + i * TAB_STEP, TAB_Y, TAB_W, TAB_H)

    def tile_rect(self, i: int) -> tuple[float, float, float, float] | None:
        cols, w, h, gx, gy = self.grid
        row, col = divmod(i, cols)
        if not self.first_row <= row < self.first_row + self.rows_shown:
            return None
        x0 = 640 - (cols * w + (cols - 1) * gx) / 2
        return (x0 + col * (w + gx), GRID_TOP + (row - self.first_row) * (h + gy), w, h)

    def _follow(self) -> None:
        row = self.focus // self.grid[0]
        if row < self.first_row:
            self.first_row = row
        elif row >= self.first_row + self.rows_shown:
            self.first_row = row - self.rows_shown + 1

    # --- input ---------------------------------------------------------------------------

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        self.message = ""
        if self.music is not None and not self.on_tabs and name in (
                "up", "down", "left", "right", "activate", "advance"):
            if name in ("activate", "advance"):
                self.message = self.music.press(self.music.focus)
            elif not self.music.move(name):
                self.on_tabs, self.tab = True, TABS.index("Music")
        elif name == "click" and pos is not None:
            self.click(pos)
        elif name in ("back", "hide"):
            self.host.pop(self)
        elif name in ("activate", "advance"):
            self.activate()
        elif name in ("left", "right"):
            self.move_across(-1 if name == "left" else 1)
        elif name in ("up", "down"):
            self.move_down(-1 if name == "up" else 1)
        elif name in ("rollback", "rollforward") and self.tiles:
            rows = (len(self.tiles) - 1) // self.grid[0] + 1
            step = -1 if name == "rollback" else 1
            self.first_row = max(0, min(rows - self.rows_shown, self.first_row + step))
        self.host.redraw()

    def move_across(self, step: int) -> None:
        if self.on_tabs:
            self.tab = (self.tab + step) % len(TABS)
            if TABS[self.tab] in PAGES and TABS[self.tab] != self.page:
                self.show(TABS[self.tab])
        elif self.tiles:
            self.focus = (self.focus + step) % len(self.tiles)
            self._follow()

    def move_down(self, step: int) -> None:
        cols = self.grid[0]
        if self.on_tabs and self.music is not None:
            self.on_tabs = step < 0
            return
        if self.on_tabs:
            if step > 0 and self.tiles:
                self.on_tabs = False
                self.focus = min(self.focus, len(self.tiles) - 1)
                self._follow()
            return
        target = self.focus + step * cols
        if target < 0:
            self.on_tabs = True
            self.tab = TABS.index(self.page)
        elif target < len(self.tiles):
            self.focus = target
        elif self.focus // cols < (len(self.tiles) - 1) // cols:
            self.focus = len(self.tiles) - 1  # the last row is short: its last tile
        self._follow()

    def show(self, page: str) -> None:
        if self.music is not None:
            self.music.leave()
            self.music = None
        self.page = page
        self.focus = 0
        self.load()

    def activate(self) -> None:
        if self.on_tabs:
            self.press_tab(self.tab)
        elif self.tiles:
            self.open_tile(self.tiles[self.focus])

    def press_tab(self, i: int) -> None:
        self.tab = i
        label = TABS[i]
        if label in PAGES:
            if label != self.page:
                self.show(label)
        elif label == "Help":
            self.host.open("help")
        else:
            self.host.pop(self)

    def open_tile(self, tile: Tile) -> None:
        if tile.locked or tile.start is None:
            self.message = ("Not seen yet" if self.page == "Gallery"
                            else "Not reached yet") + ": it stays locked until then."
            return
        self.host.audio.ui_sound("choice", 0.4)
        self.host.open("picture-view", pages=self.pages, index=tile.start)

    def click(self, pos: Pos) -> None:
        vp = self.host.vp
        for i in range(len(TABS)):
            if vp.crect(*self.tab_rect(i)).collidepoint(pos):
                self.on_tabs = True
                self.press_tab(i)
                return
        if self.music is not None:
            item = self.music.at(pos)
            if item is not None:
                self.on_tabs, self.music.focus = False, item
                self.message = self.music.press(item)
            return
        for i, tile in enumerate(self.tiles):
            r = self.tile_rect(i)
            if r is not None and vp.crect(*r).collidepoint(pos):
                self.on_tabs, self.focus = False, i
                self.open_tile(tile)
                return

    def hover(self, pos: Pos) -> bool:
        vp = self.host.vp
        for i in range(len(TABS)):
            if vp.crect(*self.tab_rect(i)).collidepoint(pos):
                changed = not self.on_tabs or self.tab != i
                self.on_tabs, self.tab = True, i
                return changed
        if self.music is not None:
            item = self.music.at(pos)
            if item is None:
                return False
            changed = self.on_tabs or self.music.focus != item
            self.on_tabs, self.music.focus = False, item
            return changed
        for i in range(len(self.tiles)):
            r = self.tile_rect(i)
            if r is not None and vp.crect(*r).collidepoint(pos):
                changed = self.on_tabs or self.focus != i
                self.on_tabs, self.focus = False, i
                return changed
        return False

    # --- drawing -------------------------------------------------------------------------

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        pal = host.title_palette
        panel = vp.crect(*PANEL)
        target.blit(p.box(panel.size, pal.box, 236, vp.px(20)), panel)
        p.shadowed(target, "Extras", vp.px(30), vp.to_window(TAB_X, 56), TEXT, bold=True)
        for i, label in enumerate(TABS):
            self.draw_tab(target, i, label)
        if self.music is not None:
            self.draw_music(target)
            return
        seen = sum(not t.locked for t in self.tiles)
        what = "illustrations" if self.page == "Gallery" else "endings"
        if self.tiles:
            p.shadowed(target, f"{seen} of {len(self.tiles)} {what} seen", vp.px(17),
                       vp.to_window(PANEL[0] + PANEL[2] - 40, 66), DIM_TEXT, anchor="topright")
        if not self.tiles:
            p.shadowed(target, EMPTY[self.page], vp.px(20), vp.to_window(640, 380), DIM_TEXT,
                       anchor="center")
        for i, tile in enumerate(self.tiles):
            r = self.tile_rect(i)
            if r is not None:
                self.draw_tile(target, tile, r, not self.on_tabs and i == self.focus)
        rows = (len(self.tiles) - 1) // self.grid[0] + 1 if self.tiles else 0
        if self.first_row + self.rows_shown < rows:
            p.shadowed(target, "More below (Down or the wheel)", vp.px(15),
                       vp.to_window(640, PANEL[1] + PANEL[3] - 8), DIM_TEXT,
                       anchor="midbottom")
        hint = self.message or ("Arrows or D-pad: move · Enter or A: view · "
                                "Esc or B: back")
        p.shadowed(target, hint, vp.px(16), vp.to_window(640, 696),
                   (255, 214, 170) if self.message else DIM_TEXT, anchor="center")

    def draw_music(self, target: pygame.Surface) -> None:
        vp, p, room = self.host.vp, self.host.painter, self.music
        assert room is not None
        if room.tracks:
            heard = sum(t.heard for t in room.tracks)
            p.shadowed(target, f"{heard} of {len(room.tracks)} tracks heard", vp.px(17),
                       vp.to_window(PANEL[0] + PANEL[2] - 40, 66), DIM_TEXT, anchor="topright")
            room.draw(target, not self.on_tabs)
        else:
            p.shadowed(target, EMPTY["Music"], vp.px(20), vp.to_window(640, 380), DIM_TEXT,
                       anchor="center")
        hint = self.message or ("Arrows or D-pad: move · Enter or A: play or stop · "
                                "Esc or B: back")
        p.shadowed(target, hint, vp.px(16), vp.to_window(640, 696),
                   (255, 214, 170) if self.message else DIM_TEXT, anchor="center")

    def draw_tab(self, target: pygame.Surface, i: int, label: str) -> None:
        vp, p, pal = self.host.vp, self.host.painter, self.host.title_palette
        r = vp.crect(*self.tab_rect(i))
        focused = self.on_tabs and i == self.tab
        current = label == self.page
        fill = _lift(pal.box, 0.22 if focused else 0.12 if current else 0.04)
        border = pal.accent if focused else (_lift(pal.box, 0.4) if current else None)
        target.blit(p.box(r.size, fill, 240, vp.px(10), border, max(2, vp.px(2))), r)
        color = (255, 255, 255) if focused or current else DIM_TEXT
        text = p.text(label, vp.px(21), color, bold=focused or current)
        target.blit(text, text.get_rect(center=r.center))

    def draw_tile(self, target: pygame.Surface, tile: Tile, rect: tuple, focused: bool
                  ) -> None:
        vp, p, pal = self.host.vp, self.host.painter, self.host.title_palette
        r = vp.crect(*rect)
        target.blit(thumbnail(self.host, tile.source, r.size, tile.locked), r)
        if tile.locked:
            mark = p.text("???", vp.px(34 if rect[2] > 300 else 28), (200, 196, 230), True)
            target.blit(mark, mark.get_rect(center=r.center))
        edge = pal.accent if focused else _lift(pal.box, 0.3)
        width = max(3, vp.px(3)) if focused else max(1, vp.px(1))
        pygame.draw.rect(target, edge, r.inflate(width * 2, width * 2), width,
                         border_radius=vp.px(6))
        font = p.fonts.get(vp.px(17), True)
        title = fit_text(font, tile.title, r.width)
        color = (255, 255, 255) if focused else TEXT if not tile.locked else DIM_TEXT
        target.blit(p.text(title, vp.px(17), color, bold=True),
                    vp.to_window(rect[0], rect[1] + rect[3] + 6))
        if tile.sub:
            sub = fit_text(p.fonts.get(vp.px(14)), tile.sub, r.width)
            target.blit(p.text(sub, vp.px(14), DIM_TEXT),
                        vp.to_window(rect[0], rect[1] + rect[3] + 28))

    # --- tests and self-voicing ------------------------------------------------------------

    def focus_text(self) -> str:
        if self.on_tabs:
            return TABS[self.tab]
        if self.music is not None:
            return self.music.words(self.music.focus) if self.music.items else ""
        return self.tiles[self.focus].words if self.tiles else ""

    def status(self) -> dict[str, Any]:
        at = {label: self.tab_rect(i) for i, label in enumerate(TABS)}
        for i, tile in enumerate(self.tiles):
            r = self.tile_rect(i)
            if r is not None and not tile.locked:
                at.setdefault(tile.title, r)
        words = [t.words for t in self.tiles]
        locked = [t.locked for t in self.tiles]
        room = self.music
        if room is not None:
            for i in range(room.items):
                if i >= len(room.tracks) or room.tracks[i].heard:
                    at.setdefault(room.words(i).removesuffix(", playing"), room.rect(i))
            words = [room.words(i) for i in range(len(room.tracks))]
            locked = [not t.heard for t in room.tracks]
        lines = [f"Extras: {self.page}", *TABS, *words]
        if not words:
            lines.append(EMPTY[self.page])
        if self.message:
            lines.append(self.message)
        return {"text": "\n".join(lines), "ready": True, "buttons_at": at,
                "focus": self.focus_text(), "page": self.page, "locked": locked,
                "playing": room.playing() if room is not None else None}
