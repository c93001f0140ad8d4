"""The Save and Load screens: pages of six slots (and, to load, a page with the auto and
quick saves), each card a thumbnail, the time, the scene and the line."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pygame

from engine import saves
from engine.playthrough import Playthrough
from engine.present.quickmenu import Notice
from engine.present.screen import Host, Pos, Screen
from engine.present.ui import DIM_TEXT, TEXT, _lift, fit_text, wrap
from engine.script.titles import describe_save, label_titles

from .saving import THUMB, save_slot, saves_dir, start_from_save

COLS = 3
CARD_W, CARD_H, CARD_GAP_X, CARD_GAP_Y = 352, 268, 28, 14
CARD_X0, CARD_Y0 = (1280 - (COLS * CARD_W + (COLS - 1) * CARD_GAP_X)) // 2, 74
BAR_Y, BAR_H = 634, 40
HINT_Y = 698  # the key-hint line's centre: clear of the bar and of the window's edge
AQ = "aq"  # the page of the auto-save and quick-save slots


def _when(created: str) -> str:
    try:
        return datetime.fromisoformat(created).strftime("%Y-%m-%d  %H:%M")
    except ValueError:
        return created[:16]


def slot_title(slot: str) -> str:
    if slot == "quick":
        return "Quick save"
    if slot == "auto":
        return "Auto-save"
    page, n = slot.split("-")
    # Numbered across pages, as Ren'Py's are: page 2 holds slots 7-12.
    return f"Slot {(int(page) - 1) * saves.SLOTS_PER_PAGE + int(n)}"


def page_of(slot: str) -> Any:
    return AQ if slot in ("auto", "quick") else int(slot.split("-")[0])


def newest_slot(folder: Path) -> str | None:
    """The slot written last (by the file's time), if any."""
    try:
        files = saves.slot_paths(folder)
        return max(files, key=lambda f: f.stat().st_mtime).stem if files else None
    except OSError:
        return None



class SlotScreen(Screen):
    """Pages of six slots (and, to load, a page with the auto and quick saves)."""


    def __init__(self, host: Host, mode: str, play: Playthrough | None = None) -> None:
        super().__init__(host)
        self.mode = mode
        self.play = play  # the game to save
        self.name = mode  # "save" or "load": what tests wait for
        self._titles: tuple[Any, dict[str, str]] = (None, {})
        self.pages: list[Any] = ([AQ] if mode == "load" else []) \
            + list(range(1, saves.PAGES + 1))
        last = host.session.get("slot_page", 1)
        if mode == "load":  # Load opens where the newest save is, not on an empty page
            newest = newest_slot(saves_dir(host))
            last = page_of(newest) if newest is not None else last
        self.page = last if last in self.pages else 1
        self.focus = -1
        self.found: dict[str, saves.SaveData | saves.Unreadable | None] = {}
        self._thumbs: dict[tuple, pygame.Surface] = {}
        self.notice = Notice()
        self.refresh()

    # --- slots -------------------------------------------------------------------------

    def slots(self) -> list[str]:
        return ["auto", "quick"] if self.page == AQ else saves.page_slots(self.page)

    def refresh(self) -> None:
        folder = saves_dir(self.host)
        self.found = {slot: saves.read(folder, slot) for slot in self.slots()}
        self.none_at_all = not any(folder.glob("*.json")) if folder.is_dir() else True
        self.host.redraw()

    def card_rect(self, i: int) -> tuple[float, float, float, float]:
        row, col = divmod(i, COLS)
        return (CARD_X0 + col * (CARD_W + CARD_GAP_X), CARD_Y0 + row * (CARD_H + CARD_GAP_Y),
                CARD_W, CARD_H)

    def bar_buttons(self) -> list[tuple[str, Any, tuple[float, float, float, float]]]:
        out = []
        x = CARD_X0
        for page in self.pages:
            label = "Auto / Quick" if page == AQ else str(page)
            w = 150 if page == AQ else 56
            out.append((label, page, (x, BAR_Y, w, BAR_H)))
            x += w + 10
        out.append(("Back", None, (1280 - CARD_X0 - 140, BAR_Y, 140, BAR_H)))
        return out

    def go_page(self, page: Any) -> None:
        if page in self.pages and page != self.page:
            self.page = page
            self.host.session["slot_page"] = page
            self.focus = min(self.focus, len(self.slots()) - 1)
            self.refresh()

    def turn(self, step: int) -> None:
        i = self.pages.index(self.page)
        self.go_page(self.pages[(i + step) % len(self.pages)])

    def choose(self, i: int) -> None:
        slot = self.slots()[i]
        found = self.found.get(slot)
        if self.mode == "save":
            if slot in ("auto", "quick"):
                return
            if found is None:
                self.save(slot)
            else:
                self.host.open("confirm", question="Overwrite this save?",
                               on_yes=lambda: self.save(slot))
        elif isinstance(found, saves.SaveData):
            problem = start_from_save(self.host, found)
            if problem:
                self.notice.show(problem, self.host.clock.now(), 4.0)
        elif isinstance(found, saves.Unreadable):
            self.notice.show(f"This save cannot be loaded: {found.reason}",
                             self.host.clock.now(), 4.0)

    def save(self, slot: str) -> None:
        if self.play is None:
            return
        problem = save_slot(self.host, self.play, slot)
        self.notice.show(problem or "Saved", self.host.clock.now())
        self.refresh()

    def delete(self) -> None:
        if not 0 <= self.focus < len(self.slots()):
            return
        slot = self.slots()[self.focus]
        if self.found.get(slot) is None:
            return

        def really() -> None:
            saves.delete(saves_dir(self.host), slot)
            self.refresh()

        self.host.open("confirm", question="Delete this save?", on_yes=really)

    # --- input -------------------------------------------------------------------------

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        count = len(self.slots())
        f = self.focus
        if name == "click" and pos is not None:
            self.click(pos)
        elif name in ("back", "hide"):
            self.host.pop(self)
        elif name == "delete":
            self.delete()
        elif name in ("activate", "advance") and pos is None and 0 <= f < count:
            self.choose(f)
        elif name == "number":
            if self.mode == "load":
                n = n + 1 if n < len(self.pages) else n  # the auto/quick page comes first
            if 1 <= n <= len(self.pages):
                self.go_page(self.pages[n - 1])
        elif name == "rollback":
            self.turn(-1)
        elif name == "rollforward":
            self.turn(1)
        elif f < 0 and name in ("up", "down", "left", "right"):
            self.focus = 0
        elif name == "left":
            if f % COLS == 0:
                self.turn(-1)
                self.focus = min(f + COLS - 1, len(self.slots()) - 1)
            else:
                self.focus = f - 1
        elif name == "right":
            if f % COLS == COLS - 1 or f + 1 >= count:
                self.turn(1)
                self.focus = f - f % COLS
            else:
                self.focus = f + 1
        elif name == "up" and f >= COLS:
            self.focus = f - COLS
        elif name == "down" and f + COLS < count:
            self.focus = f + COLS
        self.host.redraw()

    def click(self, pos: Pos) -> None:
        vp = self.host.vp
        for i in range(len(self.slots())):
            if vp.crect(*self.card_rect(i)).collidepoint(pos):
                self.focus = i
                self.choose(i)
                return
        for _, page, rect in self.bar_buttons():
            if vp.crect(*rect).collidepoint(pos):
                if page is None:
                    self.host.pop(self)
                else:
                    self.go_page(page)
                return

    def hover(self, pos: Pos) -> bool:
        vp = self.host.vp
        for i in range(len(self.slots())):
            if vp.crect(*self.card_rect(i)).collidepoint(pos):
                changed = i != self.focus
                self.focus = i
                return changed
        return False

    def update(self, now: float) -> bool:
        return self.notice.update(now)

    def deadline(self, now: float) -> float | None:
        return self.notice.deadline()

    # --- drawing -----------------------------------------------------------------------

    def thumb(self, slot: str, data: saves.SaveData, size: tuple[int, int]
              ) -> pygame.Surface | None:
        key = (slot, data.created, len(data.thumbnail), size)
        surf = self._thumbs.get(key)
        if surf is None and data.thumbnail:
            hint = "t.png" if data.thumbnail.startswith(saves.PNG_MAGIC) else "t.jpg"
            try:
                raw = pygame.image.load(io.BytesIO(data.thumbnail), hint).convert()
                surf = pygame.transform.smoothscale(raw, size)
            except (pygame.error, ValueError):
                return None
            self._thumbs[key] = surf
        return surf

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        pal = host.palette
        title = "Save" if self.mode == "save" else "Load"
        p.shadowed(target, title, vp.px(34), vp.to_window(CARD_X0, 14), TEXT, bold=True)
        where = "Auto-save and quick save" if self.page == AQ else f"Page {self.page}"
        if self.mode == "load" and self.none_at_all:
            where = "No saves yet"
        p.shadowed(target, where, vp.px(20), vp.to_window(1280 - CARD_X0, 30), DIM_TEXT,
                   anchor="topright")
        for i, slot in enumerate(self.slots()):
            self.draw_card(target, i, slot, self.found.get(slot))
        for label, page, rect in self.bar_buttons():
            r = vp.crect(*rect)
            on = page == self.page
            box = p.box(r.size, _lift(pal.box, 0.3) if on else pal.box, 240, vp.px(10),
                        pal.accent if on else None, max(1, vp.px(2)))
            target.blit(box, r)
            text = p.text(label, vp.px(19), (255, 255, 255) if on else TEXT, bold=on)
            target.blit(text, text.get_rect(center=r.center))
        verb = "save" if self.mode == "save" else "load"
        hint = f"Enter: {verb} · Delete: delete · Page Up/Down: pages · Esc: back"
        p.shadowed(target, hint, vp.px(15), vp.to_window(640, HINT_Y), DIM_TEXT,
                   anchor="center")
        self.notice.draw(target, vp, p, pal)

    def save_title(self, data: saves.SaveData) -> str:
        """What a card calls a save: the story's save_name when it was saved; for a save
        from before save names, its label's title (engine/script/titles.py), from the scenes as
        loaded now (a hot reload included)."""
        program = self.host.program
        if self._titles[0] is not program:
            self._titles = (program, label_titles(program) if program is not None else {})
        return describe_save(data.description, data.label, self._titles[1])

    def draw_card(self, target: pygame.Surface, i: int, slot: str,
                  found: saves.SaveData | saves.Unreadable | None) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        pal = host.palette
        x, y, w, h = self.card_rect(i)
        r = vp.crect(x, y, w, h)
        focused = i == self.focus
        if focused:
            card = p.box(r.size, _lift(pal.box, 0.14), 245, vp.px(14), pal.accent,
                         max(2, vp.px(2)))
        else:
            card = p.box(r.size, pal.box, 235, vp.px(14))
        target.blit(card, r)
        tx, ty = x + (w - THUMB[0]) / 2, y + 14
        tr = vp.crect(tx, ty, *THUMB)
        small, tiny = host.fonts.get(vp.px(16)), vp.px(15)
        width = vp.px(THUMB[0])
        title = slot_title(slot)
        if isinstance(found, saves.SaveData):
            pic = self.thumb(slot, found, tr.size)
            if pic is not None:
                target.blit(pic, tr)
            else:
                target.blit(p.box(tr.size, (0, 0, 0), 160, 0), tr)
            when = _when(found.created)
            line = f"{found.line_who}: {found.line_text}" if found.line_who \
                else found.line_text
            # The save's name reads first, the line it was saved on under it (Ren'Py's
            # save_name, then the last line).
            rows = [(title, TEXT, True), (self.save_title(found), TEXT, False),
                    (line, DIM_TEXT, False)]
            date = p.text(when, tiny, DIM_TEXT)
            target.blit(date, date.get_rect(topright=vp.to_window(tx + THUMB[0], ty + 186)))
        elif isinstance(found, saves.Unreadable):
            target.blit(p.box(tr.size, (90, 22, 34), 235, vp.px(6)), tr)
            head = p.text("Unreadable", vp.px(20), (255, 200, 200), bold=True)
            target.blit(head, head.get_rect(midtop=vp.to_window(tx + THUMB[0] / 2, ty + 16)))
            for k, text in enumerate(wrap(found.reason, small, width - vp.px(28))[:4]):
                surf = p.text(text, vp.px(16), (250, 225, 225))
                target.blit(surf, surf.get_rect(midtop=vp.to_window(tx + THUMB[0] / 2,
                                                                     ty + 52 + k * 24)))
            rows = [(title, TEXT, True), ("Cannot be loaded", (255, 190, 190), False)]
        else:
            target.blit(p.box(tr.size, (0, 0, 0), 110, vp.px(6)), tr)
            empty = p.text("Empty slot", vp.px(19), DIM_TEXT)
            target.blit(empty, empty.get_rect(center=tr.center))
            rows = [(title, DIM_TEXT, True)]
        for k, (text, color, bold) in enumerate(rows):
            font = host.fonts.get(vp.px(16), bold)
            surf = p.text(fit_text(font, text, width if k else width // 2), vp.px(16), color,
                          bold=bold)
            target.blit(surf, vp.to_window(tx, ty + 186 + k * 21))

    def focus_text(self) -> str:
        """What self-voicing reads: the focused slot and what is saved in it."""
        slots = self.slots()
        if not 0 <= self.focus < len(slots):
            return ""
        slot = slots[self.focus]
        found = self.found.get(slot)
        if isinstance(found, saves.SaveData):
            what = f"{self.save_title(found)}, {found.line_text}"
        elif isinstance(found, saves.Unreadable):
            what = "unreadable"
        else:
            what = "empty"
        return f"{self.mode.capitalize()} slot {slot}: {what}"

    def status(self) -> dict[str, Any]:
        state = {}
        lines = []
        for slot, found in self.found.items():
            if isinstance(found, saves.SaveData):
                state[slot] = "saved"
                lines.append(f"{slot}: {self.save_title(found)} · {found.line_text}")
            elif isinstance(found, saves.Unreadable):
                state[slot] = "unreadable"
                lines.append(f"{slot}: unreadable: {found.reason}")
            else:
                state[slot] = "empty"
                lines.append(f"{slot}: empty")
        buttons = {f"Slot {slot}": self.card_rect(i) for i, slot in enumerate(self.slots())}
        for label, page, rect in self.bar_buttons():
            buttons[label if page is None else
                    ("Auto / Quick" if page == AQ else f"Page {page}")] = rect
        if self.mode == "load" and self.none_at_all:
            lines.insert(0, "No saves yet")
        return {"text": "\n".join(lines + [self.notice.text]), "ready": True,
                "slots": state, "page": self.page, "notice": self.notice.text,
                "buttons_at": buttons}
