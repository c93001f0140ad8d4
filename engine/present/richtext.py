"""Dialogue text: fonts at the window's real pixel size, tagged text laid out with word
wrap, and the typewriter that reveals it with {w}/{p} pauses.

Layout happens once per line (and per window size); drawing a partly typed line is a few
blits of pre-rendered runs clipped at the current character, so typing costs almost nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from engine.textbox import (
    FONT_FILES,
    INLINE_MARK,
    LINE_SPACING,
    MIN_FONT_PX,
    READABLE_FILES,
    TEXT_PX,
    Speed,
    Stop,
    Style,
    choose_font,
    line_tops,
    merge_runs,
    read_tags,
    wrap,
)

__all__ = ["FONT_FILES", "READABLE_FILES", "Fonts", "Layout", "Line", "Run", "Stop", "Style",
           "Typewriter", "layout", "parse_color"]


class Fonts:
    """Font objects by (pixel size, bold, italic), loaded from the game's assets/fonts with
    pygame's default font as the fallback so a missing font never stops the game (which
    file draws which style is engine.textbox.choose_font's rule, shared with lint)."""

    def __init__(self, font_dirs: list[Path]) -> None:
        self.font_dirs = font_dirs
        self.readable = False
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        # {image=NAME}'s picture at its own size (None: not found), set by the app.
        self.pictures: Callable[[str], pygame.Surface | None] | None = None
        self._inline: dict[tuple[str, int], pygame.Surface] = {}

    def clear(self) -> None:
        self._cache.clear()
        self._inline.clear()

    def use_pictures(self, pictures: Callable[[str], pygame.Surface | None]) -> None:
        """Where {image=…} pictures come from (the story's images, after a (re)load)."""
        self.pictures = pictures
        self._inline.clear()

    def inline(self, name: str, base_px: int) -> pygame.Surface:
        """An {image=NAME} for text of `base_px`: its own size scaled as the text is
        (art is drawn for TEXT_PX text), no taller than the font's ascent, so it sits on
        the baseline inside its line: Ren'Py draws it at its size and grows the line,
        which in our box of fixed lines would push the last line under the quick menu.
        An empty surface when there is no such picture (lint names it)."""
        key = (name, base_px)
        found = self._inline.get(key)
        if found is None:
            pic = self.pictures(name) if self.pictures is not None else None
            if pic is None or not pic.get_width() or not pic.get_height():
                found = pygame.Surface((0, 0), pygame.SRCALPHA)
            else:
                k = min(base_px / TEXT_PX, self.get(base_px).get_ascent() / pic.get_height())
                size = (max(1, round(pic.get_width() * k)), max(1, round(pic.get_height() * k)))
                found = pic if size == pic.get_size() else \
                    pygame.transform.smoothscale(pic, size)
            if len(self._inline) > 64:
                self._inline.clear()
            self._inline[key] = found
        return found

    def _file(self, bold: bool, italic: bool) -> Path | None:
        """The font file for a style, None for pygame's default (tests read this)."""
        return choose_font(self.font_dirs, MIN_FONT_PX, bold, italic, self.readable).path

    def get(self, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        key = (max(MIN_FONT_PX, int(px)), bold, italic)
        font = self._cache.get(key)
        if font is None:
            choice = choose_font(self.font_dirs, px, bold, italic, self.readable)
            font = pygame.font.Font(str(choice.path) if choice.path else None, choice.px)
            if choice.fake_bold:
                font.bold = True
            if choice.fake_italic:
                font.italic = True
            self._cache[key] = font
        return font


def parse_color(text: str | None, default: tuple[int, int, int]) -> tuple[int, int, int]:
    if not text or not isinstance(text, str):  # e.g. a hand-edited save's history entry
        return default
    try:
        c = pygame.Color(text if text.startswith("#") else "#" + text)
    except ValueError:
        try:
            c = pygame.Color(text)
        except ValueError:
            return default
    return (c.r, c.g, c.b)


@dataclass
class Run:
    """Text of one style on one line, pre-rendered, with each character's right edge."""

    surface: pygame.Surface
    x: int
    start: int  # index of its first character in the whole line
    edges: list[int]  # edges[i] = width of the first i characters
    text: str = ""


@dataclass
class Line:
    runs: list[Run]
    y: int
    height: int


@dataclass
class Layout:
    lines: list[Line] = field(default_factory=list)
    length: int = 0
    stops: list[Stop] = field(default_factory=list)
    no_wait: bool = False  # {nw}: the line moves on by itself once typed
    fast_until: int = 0  # {fast}: everything before this shows at once
    speeds: list[Speed] = field(default_factory=list)  # {cps}: where the speed changes
    plain: str = ""
    end_xy: tuple[int, int] = (0, 0)  # where the continue mark goes
    height: int = 0

    def draw(self, target: pygame.Surface, pos: tuple[int, int], shown: int) -> None:
        ox, oy = pos
        for line in self.lines:
            for run in line.runs:
                if run.start >= shown:
                    return
                n = shown - run.start
                y = oy + line.y + line.height - run.surface.get_height()
                if n >= len(run.edges) - 1:
                    target.blit(run.surface, (ox + run.x, y))
                else:
                    area = pygame.Rect(0, 0, run.edges[n], run.surface.get_height())
                    target.blit(run.surface, (ox + run.x, y), area)


def layout(text: str, fonts: Fonts, base_px: int, width: int, color: tuple[int, int, int],
           line_spacing: float = LINE_SPACING) -> Layout:
    """Lay out tagged text to fit `width` pixels, breaking at spaces (inside a long word
    when it has to), so the text never overflows the box. The tags and the wrap are
    engine.textbox's (lint measures with them too); this renders the runs."""
    tagged = read_tags(text, base_px, color, parse_color)
    out = Layout(length=tagged.length, stops=tagged.stops, no_wait=tagged.no_wait,
                 fast_until=tagged.fast_until, speeds=tagged.speeds)

    def font_for(st: Style) -> pygame.font.Font:
        f = fonts.get(st.px(base_px), st.bold, st.italic)
        f.underline, f.strikethrough = st.underline, st.strike
        return f

    def measure(word: str, st: Style) -> int:
        if st.image is not None:
            return fonts.inline(st.image, base_px).get_width() * word.count(INLINE_MARK)
        return font_for(st).size(word)[0]

    lines = wrap(tagged.atoms, measure, width)
    plain: list[str] = []
    start = 0
    default_h = fonts.get(base_px).get_linesize()
    rendered: list[tuple[list[Run], int, int]] = []  # runs, height, width
    for words in lines:
        runs: list[Run] = []
        x = 0
        height = default_h
        for chunk, st in merge_runs(words):
            font = font_for(st)
            if st.image is not None:
                surf, edges = _pictures(fonts, st, chunk, base_px)
            else:
                surf = font.render(chunk, True, st.color)
                edges = [font.size(chunk[:i])[0] for i in range(len(chunk) + 1)]
            if st.alpha < 1.0:
                surf.set_alpha(round(255 * st.alpha))
            runs.append(Run(surf, x, start, edges, chunk))
            x += surf.get_width()
            start += len(chunk)
            height = max(height, font.get_linesize())
            plain.append(chunk.replace(INLINE_MARK, " ") if st.image else chunk)
        rendered.append((runs, height, x))
        plain.append("\n")
    tops, out.height = line_tops([h for _, h, _ in rendered], line_spacing)
    for (runs, height, x), y in zip(rendered, tops, strict=True):
        out.lines.append(Line(runs, y, height))
        out.end_xy = (x, y + height // 2)
    out.plain = "".join(plain).strip()
    return out


def _pictures(fonts: Fonts, st: Style, chunk: str, base_px: int
              ) -> tuple[pygame.Surface, list[int]]:
    """A run of inline pictures: side by side, their bottoms on the baseline (runs are
    drawn bottom to the line's bottom, so the font's descent is left below them)."""
    pic = fonts.inline(st.image or "", base_px)
    n = chunk.count(INLINE_MARK)
    w = pic.get_width()
    below = -fonts.get(st.px(base_px), st.bold, st.italic).get_descent()
    surf = pygame.Surface((w * n, pic.get_height() + below), pygame.SRCALPHA)
    for i in range(n):
        surf.blit(pic, (i * w, 0))
    return surf, [i * w for i in range(n + 1)]


class Typewriter:
    """Which characters of a laid-out line show at a time, at `cps` characters per second
    (0: at once), stopping at {w}/{p} for a click or for their seconds; {cps} spans
    (`speeds`) type faster or slower than the player's speed."""

    def __init__(self, length: int, stops: list[Stop], cps: float, now: float,
                 fast_until: int = 0, speeds: list[Speed] | tuple[Speed, ...] = ()) -> None:
        self.length = length
        self.stops = list(stops)
        self.cps = cps
        self.speeds = list(speeds)
        self.shown = float(fast_until)
        self.last = now
        self.pause_until: float | None = None
        self.waiting_click = False
        self._advance_instant()

    @property
    def done(self) -> bool:
        return self.shown >= self.length and not self.stops and self.pause_until is None

    @property
    def typing(self) -> bool:
        return not self.done and not self.waiting_click

    @property
    def count(self) -> int:
        return int(self.shown)

    def next_deadline(self, now: float) -> float | None:
        """When the picture changes next without input (None: only on a click)."""
        if self.waiting_click or self.done:
            return None
        if self.pause_until is not None:
            return self.pause_until
        rate = self.rate_at(self.count)
        return now + (1.0 / rate if rate != float("inf") else 0.0)

    def rate_at(self, index: int) -> float:
        """Characters a second at character `index` (inf: at once)."""
        cps, times = None, 1.0
        for sp in self.speeds:
            if sp.at > index:
                break
            cps, times = sp.cps, sp.times
        rate = (self.cps if cps is None else cps) * times
        return rate if rate > 0 else float("inf")

    def _typed_after(self, dt: float) -> float:
        """Where typing from `shown` gets in `dt` seconds, speed changes included."""
        pos = self.shown
        if not self.speeds:
            return pos + self.cps * dt
        while dt > 0 and pos < self.length:
            nxt = next((sp.at for sp in self.speeds if sp.at > pos), self.length)
            rate = self.rate_at(int(pos))
            if rate == float("inf"):
                pos = float(nxt)
                continue
            need = (nxt - pos) / rate
            if need > dt:
                return pos + rate * dt
            pos, dt = float(nxt), dt - need
        return pos

    def _advance_instant(self) -> None:
        if self.cps <= 0 and not self.waiting_click and self.pause_until is None:
            self._reveal_to(float("inf"), None)

    def _reveal_to(self, target: float, now: float | None) -> None:
        # Move forward to `target` characters, stopping at the first stop on the way.
        while self.stops and self.stops[0].at <= target:
            stop = self.stops.pop(0)
            self.shown = max(self.shown, float(stop.at))
            if stop.seconds is None:
                self.waiting_click = True
                return
            if now is not None and stop.seconds > 0:
                self.pause_until = now + stop.seconds
                return
        self.shown = min(max(self.shown, target), float(self.length))

    def update(self, now: float) -> bool:
        """Advance to `now`; True when more characters show."""
        before = (self.count, self.waiting_click, self.pause_until)
        dt = now - self.last
        self.last = now
        if self.waiting_click:
            return False
        if self.pause_until is not None:
            if now < self.pause_until:
                return False
            self.pause_until = None
        if self.cps <= 0:
            self._reveal_to(float("inf"), now)
        else:
            self._reveal_to(self._typed_after(dt), now)
        return (self.count, self.waiting_click, self.pause_until) != before

    def click(self, now: float) -> bool:
        """A click: carry on after a {w}, or show the rest up to the next click stop.
        Returns False when the line was already complete (the click should advance)."""
        self.last = now
        if self.done:
            return False
        if self.waiting_click:
            self.waiting_click = False
            self._advance_instant()
            return True
        self.pause_until = None
        self._reveal_to(float("inf"), None)
        return True
