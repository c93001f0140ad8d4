"""Dialogue text: fonts at the window's real pixel size, tagged text laid out with word
wrap, and the typewriter that reveals it with {w}/{p} pauses.

Layout happens once per line (and per window size); drawing a partly typed line is a few
blits of pre-rendered runs clipped at the current character, so typing costs almost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from engine.script.text import parse

FONT_FILES = {
    (False, False): "NotoSans-Regular.ttf",
    (True, False): "NotoSans-Bold.ttf",
    (False, True): "NotoSans-Italic.ttf",
    (True, True): "NotoSans-BoldItalic.ttf",
}
# The readable-font setting: DejaVu Sans, wide and open; it has no italic files, so SDL_ttf
# slants the upright ones.
READABLE_FILES = {
    (False, False): "DejaVuSans.ttf",
    (True, False): "DejaVuSans-Bold.ttf",
    (False, True): "DejaVuSans.ttf",
    (True, True): "DejaVuSans-Bold.ttf",
}


class Fonts:
    """Font objects by (pixel size, bold, italic), loaded from the game's assets/fonts with
    pygame's default font as the fallback so a missing font never stops the game."""

    def __init__(self, font_dirs: list[Path]) -> None:
        self.font_dirs = font_dirs
        self.readable = False
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}

    def clear(self) -> None:
        self._cache.clear()

    def _file(self, bold: bool, italic: bool) -> Path | None:
        name = (READABLE_FILES if self.readable else FONT_FILES)[(bold, italic)]
        for d in self.font_dirs:
            if (d / name).is_file():
                return d / name
        return None

    def get(self, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        px = max(6, int(px))
        key = (px, bold, italic)
        font = self._cache.get(key)
        if font is None:
            path = self._file(bold, italic)
            font = pygame.font.Font(str(path) if path else None, px)
            if self.readable and path is not None and italic:
                font.italic = True
            if path is None:
                # The fallback has no styled faces; let SDL_ttf fake them.
                font.bold, font.italic = bold, italic
            self._cache[key] = font
        return font


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    color: tuple[int, int, int] = (240, 240, 240)
    size: float = 1.0  # factor of the base size
    alpha: float = 1.0


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
class Stop:
    at: int  # character index
    seconds: float | None  # None: wait for a click


@dataclass
class Layout:
    lines: list[Line] = field(default_factory=list)
    length: int = 0
    stops: list[Stop] = field(default_factory=list)
    no_wait: bool = False  # {nw}: the line moves on by itself once typed
    fast_until: int = 0  # {fast}: everything before this shows at once
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


_SIZE_RE = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)$")


def _apply(style: Style, name: str, value: str | None, base_px: int) -> Style:
    d = dict(style.__dict__)
    if name == "b":
        d["bold"] = True
    elif name == "i":
        d["italic"] = True
    elif name == "u":
        d["underline"] = True
    elif name == "s":
        d["strike"] = True
    elif name == "color":
        d["color"] = parse_color(value, style.color)
    elif name == "alpha":
        try:
            d["alpha"] = max(0.0, min(1.0, float(value or 1)))
        except ValueError:
            pass
    elif name == "size" and value:
        m = _SIZE_RE.match(value)
        if m:
            sign, num = m.group(1), float(m.group(2))
            px = base_px * style.size
            px = px + num if sign == "+" else px - num if sign == "-" else num
            d["size"] = max(0.3, px / base_px)
    return Style(**d)


def layout(text: str, fonts: Fonts, base_px: int, width: int, color: tuple[int, int, int],
           line_spacing: float = 1.25) -> Layout:
    """Lay out tagged text to fit `width` pixels, breaking at spaces (inside a long word
    when it has to), so the text never overflows the box."""
    out = Layout()
    base = Style(color=color)
    stack: list[tuple[str, Style]] = []
    style = base
    # Atoms: (text, style) chunks that never straddle a style change, plus breaks.
    atoms: list[tuple[str, Style] | str] = []
    count = 0
    for piece in parse(text):
        if piece.name is None:
            atoms.append((piece.text, style))
            count += len(piece.text)
            continue
        name = piece.name
        if name in ("w", "p"):
            seconds = None
            if piece.value:
                try:
                    seconds = max(0.0, float(piece.value))
                except ValueError:
                    seconds = None
            if name == "p":
                atoms.append("\n")
            out.stops.append(Stop(count, seconds))
        elif name == "nw":
            out.no_wait = True
        elif name == "fast":
            out.fast_until = count
            out.stops.clear()
        elif piece.closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    style = stack[i][1]
                    del stack[i:]
                    break
        else:
            stack.append((name, style))
            style = _apply(style, name, piece.value, base_px)
    out.length = count

    def font_for(st: Style) -> pygame.font.Font:
        f = fonts.get(round(base_px * st.size), st.bold, st.italic)
        f.underline, f.strikethrough = st.underline, st.strike
        return f

    # Words with their style: split every atom at spaces, keeping the spaces.
    lines: list[list[tuple[str, Style]]] = [[]]
    widths = [0]
    for atom in atoms:
        if atom == "\n":
            lines.append([])
            widths.append(0)
            continue
        chunk, st = atom
        font = font_for(st)
        for word in re.findall(r"\S+\s*|\s+", chunk):
            w = font.size(word)[0]
            bare = font.size(word.rstrip())[0]
            if widths[-1] + bare > width and widths[-1] > 0:
                lines.append([])
                widths.append(0)
            while bare > width and len(word) > 1:
                # A word wider than the box: cut it where it still fits.
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] + widths[-1] > width:
                    cut -= 1
                lines[-1].append((word[:cut], st))
                lines.append([])
                widths.append(0)
                word = word[cut:]
                w = font.size(word)[0]
                bare = font.size(word.rstrip())[0]
            lines[-1].append((word, st))
            widths[-1] += w

    plain: list[str] = []
    y = 0
    start = 0
    default_h = fonts.get(base_px).get_linesize()
    for words in lines:
        runs: list[Run] = []
        x = 0
        merged: list[tuple[str, Style]] = []
        for word, st in words:
            if merged and merged[-1][1] == st:
                merged[-1] = (merged[-1][0] + word, st)
            else:
                merged.append((word, st))
        height = default_h
        for chunk, st in merged:
            font = font_for(st)
            surf = font.render(chunk, True, st.color)
            if st.alpha < 1.0:
                surf.set_alpha(round(255 * st.alpha))
            edges = [font.size(chunk[:i])[0] for i in range(len(chunk) + 1)]
            runs.append(Run(surf, x, start, edges, chunk))
            x += surf.get_width()
            start += len(chunk)
            height = max(height, font.get_linesize())
            plain.append(chunk)
        out.lines.append(Line(runs, y, height))
        out.end_xy = (x, y + height // 2)
        y += round(height * line_spacing) if words is not lines[-1] else height
        plain.append("\n")
    out.height = y
    out.plain = "".join(plain).strip()
    return out


class Typewriter:
    """Which characters of a laid-out line show at a time, at `cps` characters per second
    (0: at once), stopping at {w}/{p} for a click or for their seconds."""

    def __init__(self, length: int, stops: list[Stop], cps: float, now: float,
                 fast_until: int = 0) -> None:
        self.length = length
        self.stops = list(stops)
        self.cps = cps
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
        return now + (1.0 / self.cps if self.cps else 0.0)

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
            self._reveal_to(self.shown + self.cps * dt, now)
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
