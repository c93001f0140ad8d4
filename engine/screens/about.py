"""About (from the title): the game's credits and licences, read from the game folder's
`assets/credits.txt` (one paragraph a line, `# ` headings, `## ` notes never shown), on an
opaque backdrop; scrolled with the wheel and the arrow keys when they run long."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pygame

from engine.present.screen import Host, Pos, Screen
from engine.present.ui import DIM_TEXT, TEXT, wrap

log = logging.getLogger("roadout.about")

PANEL = (90, 40, 1100, 640)
TEXT_X, TEXT_W, VIEW_TOP, VIEW_BOTTOM = 130, 1020, 110, 640
LINE_H, HEAD_H, GAP_H = 25, 38, 10
KEY_STEP, WHEEL_STEP = LINE_H * 3, LINE_H * 2


def read_credits(path: Path) -> list[tuple[str, str]]:
    """(kind, text) a paragraph: kind is "head", "text" or "gap"; [] when there is no file
    (or it cannot be read: the screen says so rather than failing)."""
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("%s could not be read: %s", path, exc)
        return []
    out: list[tuple[str, str]] = []
    for line in raw.splitlines():
        line = line.rstrip()
        if line.startswith("##"):
            continue
        if line.startswith("# "):
            out.append(("head", line[2:].strip()))
        elif line.strip():
            out.append(("text", " ".join(line.split())))
        elif out and out[-1][0] != "gap":
            out.append(("gap", ""))
    return out


class AboutScreen(Screen):
    name = "about"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.paragraphs = read_credits(host.stage_view.game_dir / "assets" / "credits.txt")
        if not self.paragraphs:
            self.paragraphs = [("text", "No credits file (assets/credits.txt) in this game.")]
        self.offset = 0.0
        self._rows: list[tuple[str, str, float]] = []  # kind, text, canvas y from the top
        self._laid_for: tuple[int, int] = (0, 0)
        self.total = 0.0

    def rows(self) -> list[tuple[str, str, float]]:
        """The paragraphs wrapped to the panel at the window's scale, each line with its y."""
        vp, fonts = self.host.vp, self.host.painter.fonts
        key = (vp.px(100), self.host.look)
        if key == self._laid_for:
            return self._rows
        rows: list[tuple[str, str, float]] = []
        y = 0.0
        for kind, text in self.paragraphs:
            if kind == "gap":
                y += GAP_H
                continue
            bold = kind == "head"
            font = fonts.get(vp.px(22 if bold else 17), bold)
            for part in wrap(text, font, vp.px(TEXT_W)):
                rows.append((kind, part, y))
                y += HEAD_H if bold else LINE_H
        self._rows, self._laid_for, self.total = rows, key, y
        return rows

    @property
    def max_offset(self) -> float:
        self.rows()
        return max(0.0, self.total - (VIEW_BOTTOM - VIEW_TOP))

    def action(self, name: str, pos: Pos | None = None, n: int = 0) -> None:
        steps = {"up": -KEY_STEP, "down": KEY_STEP, "rollback": -WHEEL_STEP,
                 "rollforward": WHEEL_STEP}
        if name in steps:
            self.offset = min(self.max_offset, max(0.0, self.offset + steps[name]))
        elif name in ("back", "hide", "activate", "click") or name == "advance":
            self.host.pop(self)
        self.host.redraw()

    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        panel = vp.crect(*PANEL)
        target.blit(p.box(panel.size, host.palette.box, 250, vp.px(18)), panel)
        p.shadowed(target, f"About {host.game_name}", vp.px(30),
                   vp.to_window(PANEL[0] + 30, 56), TEXT, bold=True)
        clip = target.get_clip()
        view = vp.crect(TEXT_X, VIEW_TOP, TEXT_W, VIEW_BOTTOM - VIEW_TOP)
        target.set_clip(view.clip(clip) if clip else view)
        for kind, text, y in self.rows():
            top = VIEW_TOP + y - self.offset
            if top + HEAD_H < VIEW_TOP or top > VIEW_BOTTOM:
                continue
            head = kind == "head"
            surf = p.text(text, vp.px(22 if head else 17), host.palette.accent if head
                          else TEXT, bold=head)
            target.blit(surf, vp.to_window(TEXT_X, top + (6 if head else 0)))
        target.set_clip(clip)
        more = " · Up/Down or the wheel: scroll" if self.max_offset > 0 else ""
        p.shadowed(target, "Esc, Enter or a click: back" + more, vp.px(15),
                   vp.to_window(640, 662), DIM_TEXT, anchor="center")

    def status(self) -> dict[str, Any]:
        return {"text": "\n".join(t for k, t in self.paragraphs if k != "gap"),
                "ready": True, "scroll": self.offset}
