"""How the game screen stages text beyond the dialogue box: the NVL page, a `centered`
line, and the window's mode (`window show|hide|auto`, `nvl show|hide`, with their fades).

The story decides what is said and keeps the page and the window's mode in its state
(Story.dialogue); this module decides what shows and draws it. GameScreen and GameView
call in through the small functions at the bottom of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from engine.present.richtext import Layout, layout, parse_color
from engine.present.ui import TEXT
from engine.script import Nvl, Pause, Say, StageChange, Window, With
from engine.script.text import strip_tags
from engine.textbox import (
    CENTERED_W,
    NVL_GAP,
    NVL_NAME_W,
    NVL_NAME_X,
    NVL_PAD_Y,
    NVL_PAGE,
    NVL_ROOM,
    NVL_TEXT_W,
    NVL_TEXT_X,
    TEXT_PX,
)
from engine.theme import HIGH_CONTRAST_TEXT

if TYPE_CHECKING:
    from .screen import GameScreen

CENTERED_Y = 340  # canvas y the middle of a centred line sits at


@dataclass
class Fade:
    """The window or the page fading in or out (a `window show dissolve`)."""

    what: str  # box | page
    start: float
    seconds: float
    showing: bool

    def alpha(self, now: float) -> float:
        t = min(1.0, max(0.0, (now - self.start) / self.seconds))
        return t if self.showing else 1.0 - t

    def done(self, now: float) -> bool:
        return now >= self.start + self.seconds


class NvlPage:
    """The NVL page's entries laid out at the window's size, and where the page the player
    sees begins: entries fill a page from its top, and one that would not fit starts a new
    page, so the shown page is the last of those."""

    def __init__(self) -> None:
        self.cache: dict[tuple, Layout] = {}
        self.key: tuple | None = None
        self.layouts: list[Layout] = []
        self.heights: list[int] = []
        self.first = 0

    def update(self, g: GameScreen, entries: list[dict]) -> None:
        host, vp = g.host, g.host.vp
        px = vp.px(text_px(g))
        key = (vp.size, host.look, px, tuple((e["who"], e["text"]) for e in entries))
        if key == self.key:
            return
        if self.key is None or self.key[:3] != key[:3]:
            self.cache.clear()
        self.key = key
        high = bool(host.data.settings["high_contrast"])
        name_h = host.fonts.get(px, True).get_linesize()
        self.layouts, self.heights = [], []
        for e in entries:
            color = HIGH_CONTRAST_TEXT if high else parse_color(e.get("what_color"), TEXT)
            ck = (e["text"], color)
            lay = self.cache.get(ck)
            if lay is None:
                lay = self.cache[ck] = layout(e["text"], host.fonts, px, vp.px(NVL_TEXT_W),
                                              color)
            self.layouts.append(lay)
            self.heights.append(max(lay.height, name_h if e.get("who") else 0))
        room, gap = vp.px(NVL_ROOM), vp.px(NVL_GAP)
        self.first, y = 0, 0
        for i, h in enumerate(self.heights):
            if y and y + h > room:
                self.first, y = i, 0
            y += h + gap


def text_px(g: GameScreen) -> int:
    return round(TEXT_PX * g.host.data.settings["text_size"] / 100)


def page_entries(g: GameScreen) -> list[dict]:
    return g.story.nvl_page()


# --- what shows ----------------------------------------------------------------------

def _window_mode(g: GameScreen) -> str:
    return g.story.dialogue["window"]


def _last_kind(g: GameScreen) -> str:
    last = g.story.dialogue["last"]
    return last["kind"] if last else "adv"


def show_window(g: GameScreen, shown: bool) -> None:
    """Show (or hide) the empty window between lines: the page after NVL lines or an
    `nvl show`, else the dialogue box."""
    g.box_visible = shown and not g.nvl_window
    g.page_visible = shown and g.nvl_window


def on_line(g: GameScreen, say: Say) -> None:
    """A line is said: its kind decides which window shows it."""
    g.box_visible = say.kind == "adv"
    g.page_visible = say.kind == "nvl"
    if say.kind != "centered":
        g.nvl_window = say.kind == "nvl"


def on_event(g: GameScreen, event: Any, now: float) -> None:
    """What the window does at a statement that is not a line."""
    mode = _window_mode(g)
    was = (g.box_visible, g.page_visible)
    if isinstance(event, StageChange) and event.kind == "scene" and mode != "show":
        show_window(g, False)
    elif isinstance(event, Pause) and mode != "show":
        show_window(g, False)
    elif isinstance(event, (StageChange, Pause)) and mode == "show":
        show_window(g, True)
    elif isinstance(event, (StageChange, With)) and mode == "hide":
        show_window(g, False)
    elif isinstance(event, Window):
        if event.action in ("show", "hide"):
            show_window(g, event.action == "show")
    elif isinstance(event, Nvl):
        if event.action in ("show", "hide"):
            g.nvl_window = event.action == "show"
            g.box_visible = False
            g.page_visible = g.nvl_window
    if isinstance(event, (Window, Nvl)):
        g.layout = g.typer = None
        g.text_fade = None  # a fade under way ends where it was going
        _fade(g, was, event.transition, now)


def _fade(g: GameScreen, was: tuple[bool, bool], spec: dict | None, now: float) -> None:
    seconds = float(spec.get("duration", 0)) if spec else 0.0
    if seconds <= 0 or g.cut_transitions():
        return
    for what, before, after in (("box", was[0], g.box_visible),
                                ("page", was[1], g.page_visible)):
        if before != after:
            g.text_fade = Fade(what, now, seconds, after)


def restored(g: GameScreen) -> None:
    """After a restore: the window as its mode has it until the next line shows."""
    g.nvl_window = _last_kind(g) == "nvl"
    show_window(g, _window_mode(g) == "show")
    g.text_fade = None


def update(g: GameScreen, now: float) -> bool:
    if g.text_fade is None:
        return False
    if g.text_fade.done(now):
        g.text_fade = None
    return True


# --- drawing --------------------------------------------------------------------------

def _faded(g: GameScreen, what: str, target: pygame.Surface, now: float, draw: Any) -> None:
    """Draw with `draw(surface)`, through the fade when one is under way for `what`."""
    fade = g.text_fade
    if fade is None or fade.what != what:
        draw(target)
        return
    layer = pygame.Surface(target.get_size(), pygame.SRCALPHA)
    draw(layer)
    layer.set_alpha(round(255 * fade.alpha(now)))
    target.blit(layer, (0, 0))


def fading(g: GameScreen, what: str) -> bool:
    """A hide fading out: it is still drawn though no longer visible."""
    return g.text_fade is not None and g.text_fade.what == what and not g.text_fade.showing


def draw_page(g: GameScreen, target: pygame.Surface, now: float) -> None:
    _faded(g, "page", target, now, lambda surf: _draw_page(g, surf))


def _draw_page(g: GameScreen, target: pygame.Surface) -> None:
    host, vp, p = g.host, g.host.vp, g.host.painter
    pal = host.palette
    entries = page_entries(g)
    g.nvl.update(g, entries)
    panel = vp.crect(*NVL_PAGE)
    color, alpha = host.box_look(pal)
    target.blit(p.box(panel.size, color, alpha, vp.px(18)), panel)
    say = g.play.say
    typing_last = say is not None and say.kind == "nvl" and g.typer is not None
    px = vp.px(text_px(g))
    y = vp.to_window(0, NVL_PAGE[1] + NVL_PAD_Y)[1]
    x_text = vp.to_window(NVL_TEXT_X, 0)[0]
    g.mark_rect = None
    last = len(entries) - 1
    for i in range(g.nvl.first, len(entries)):
        e, lay = entries[i], g.nvl.layouts[i]
        if e.get("who"):
            name = p.text(str(e["who"]), px, parse_color(e.get("color"), pal.accent),
                          bold=True)
            right = vp.to_window(NVL_NAME_X + NVL_NAME_W, 0)[0]
            target.blit(name, (right - name.get_width(), y + lay.lines[0].height
                               - name.get_height() if lay.lines else y))
        shown = g.typer.count if typing_last and i == last else lay.length
        lay.draw(target, (x_text, y), shown)
        if i == last and typing_last:
            _mark(g, target, lay, (x_text, y))
        y += g.nvl.heights[i] + vp.px(NVL_GAP)


def _mark(g: GameScreen, target: pygame.Surface, lay: Layout, origin: tuple[int, int]
          ) -> None:
    """The continue mark after a fully shown line (the box's own draws its own)."""
    if g.typer is None or g.typer.typing or g.choices is not None:
        return
    vp, pal = g.host.vp, g.host.palette
    x, y = lay.end_xy
    size = vp.px(9)
    cx, cy = origin[0] + x + vp.px(14), origin[1] + y + vp.px(2)
    g.mark_rect = pygame.Rect(cx - size - 2, cy - size, 2 * size + 4, 2 * size + 4)
    if g.blink_on:
        pygame.draw.polygon(target, pal.accent, [(cx - size, cy - size // 2),
                                                 (cx + size, cy - size // 2),
                                                 (cx, cy + size)])


def draw_centered(g: GameScreen, target: pygame.Surface) -> None:
    """A centred line: each line of it centred, outlined in black (no window behind)."""
    lay, typer = g.layout, g.typer
    if lay is None or typer is None:
        return
    vp = g.host.vp
    widths = [sum(r.surface.get_width() for r in line.runs) for line in lay.lines]
    cx = vp.to_window(640, 0)[0]
    top = vp.to_window(0, CENTERED_Y)[1] - lay.height // 2
    shown = typer.count
    if g.outline is not None:
        d = max(1, vp.px(2))
        for dx, dy in ((-d, -d), (d, -d), (-d, d), (d, d), (0, d)):
            _centered_runs(g.outline, widths, target, (cx + dx, top + dy), shown)
    _centered_runs(lay, widths, target, (cx, top), shown)
    g.mark_rect = None
    if widths:
        _mark(g, target, lay, (cx - widths[-1] // 2, top))


def _centered_runs(lay: Layout, widths: list[int], target: pygame.Surface,
                   at: tuple[int, int], shown: int) -> None:
    cx, top = at
    for line, w in zip(lay.lines, widths, strict=True):
        x0 = cx - w // 2
        for run in line.runs:
            if run.start >= shown:
                return
            y = top + line.y + line.height - run.surface.get_height()
            n = shown - run.start
            area = None if n >= len(run.edges) - 1 else pygame.Rect(
                0, 0, run.edges[n], run.surface.get_height())
            target.blit(run.surface, (x0 + run.x, y), area)


def line_layout(g: GameScreen, say: Say) -> Layout | None:
    """The layout of a line the page or the middle of the screen shows (None: the box's)."""
    vp = g.host.vp
    if say.kind == "nvl":
        g.nvl.update(g, page_entries(g))
        return g.nvl.layouts[-1] if g.nvl.layouts else None
    if say.kind == "centered":
        color = HIGH_CONTRAST_TEXT if g.host.data.settings["high_contrast"] \
            else parse_color(say.what_color, TEXT)
        px, width = vp.px(text_px(g)), vp.px(CENTERED_W)
        g.outline = layout(strip_tags(say.text).replace("{", "{{"), g.host.fonts, px, width,
                           (0, 0, 0))
        return layout(say.text, g.host.fonts, px, width, color)
    return None


def choices_bottom(g: GameScreen, height: int) -> int | None:
    """Where choices `height` tall end over the NVL page: under its last entry, as
    Ren'Py's NVL menus are, or at its foot when the page is full (None: no page)."""
    if not g.page_visible:
        return None
    foot = NVL_PAGE[1] + NVL_PAGE[3] - 24
    entries = page_entries(g)
    g.nvl.update(g, entries)
    scale = g.host.vp.scale or 1.0
    used = sum(h + g.host.vp.px(NVL_GAP) for h in g.nvl.heights[g.nvl.first:]) / scale
    return min(foot, round(NVL_PAGE[1] + NVL_PAD_Y + used + 16 + height))


def status(g: GameScreen) -> dict[str, Any]:
    say = g.play.say
    entries = page_entries(g) if g.page_visible else []
    if entries:
        g.nvl.update(g, entries)
    shown = entries[g.nvl.first:] if entries else []
    return {"kind": say.kind if say else None, "box": g.box_visible,
            "page": [f"{e['who']}: {strip_tags(e['text'])}" if e.get("who")
                     else strip_tags(e["text"]) for e in shown] if g.page_visible else None,
            "window": g.story.dialogue["window"]}
