"""The dialogue box as numbers, and how tagged text wraps in it: no drawing, no pygame.

The game screen (engine/present/app.py, engine/present/richtext.py) draws with these rules and
lint measures every line with the same ones, so lint's "this line does not fit" is the
player's experience. Text is measured through a `measure(text, style) -> pixels` callable,
so the caller decides which fonts do the measuring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from engine.contrast import RGB, parse_hex
from engine.script.text import parse

# The dialogue box, in canvas pixels (1280x720).
BOX = (40, 526, 1200, 188)
TEXT_X, TEXT_Y, TEXT_W, TEXT_PX = 80, 556, 1120, 26
# The quick menu's band inside the box, along its bottom edge below the text (Ren'Py keeps
# it there): the text may not reach into it.
QUICK_STRIP = 20
NAME_PX = 25
BOX_ROOM = BOX[1] + BOX[3] - QUICK_STRIP - TEXT_Y - 14  # text height at the base size
BOX_LINES_LARGE = 3  # from the Large text size up, the box holds this many lines
# The NVL page (canvas pixels): a translucent panel over the picture, each entry's name
# right-aligned in a column on the left and its text beside it.
NVL_PAGE = (40, 20, 1200, 664)
NVL_PAD_Y, NVL_GAP = 34, 18
NVL_NAME_X, NVL_NAME_W = 70, 200
NVL_TEXT_X, NVL_TEXT_W = 290, 880
NVL_ROOM = NVL_PAGE[3] - 2 * NVL_PAD_Y  # the height the entries of one page share
# A `centered` line: at most this wide, in the middle of the screen.
CENTERED_W = 940
# Text size as a percentage of the base size (the settings' steps).
TEXT_SIZES = (85, 100, 115, 130)
LINE_SPACING = 1.25  # a line's advance, as a factor of its font's line height
INLINE_MARK = "\ufffc"  # the object replacement character: an {image=…} in the text
MIN_FONT_PX = 6  # SDL_ttf draws nothing useful below this

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


def text_px(text_size: int) -> int:
    """The dialogue's pixel size (canvas pixels) at a text size setting (percent)."""
    return round(TEXT_PX * text_size / 100)


def lines_height(line_height: int, lines: int) -> int:
    """Height of `lines` lines of one font: each advances by LINE_SPACING, the last by its
    own height (as `layout_lines` places them)."""
    return line_height + round(line_height * LINE_SPACING) * (lines - 1)


def box_grow(line_height: int, text_size: int) -> int:
    """Canvas pixels the dialogue box grows upward at a text size (percent), given the line
    height of the dialogue font at that size. From Large up it holds BOX_LINES_LARGE lines,
    so a long line keeps the size the player chose instead of being shrunk to fit; lint
    proves every line fits at the largest size."""
    if text_size <= 100:
        return 0
    need = lines_height(line_height, BOX_LINES_LARGE) + 4  # 4: rounding at other scales
    return max(0, need - BOX_ROOM)


# --------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class FontChoice:
    """Which font file draws a style at a size; `path` None means pygame's default font,
    which has no styled faces, so SDL_ttf fakes the bold and italic flags."""

    path: Path | None
    px: int
    fake_bold: bool = False
    fake_italic: bool = False


def choose_font(font_dirs: Sequence[Path], px: float, bold: bool = False,
                italic: bool = False, readable: bool = False) -> FontChoice:
    """The font for a style: the first folder holding its file, else the default font."""
    name = (READABLE_FILES if readable else FONT_FILES)[(bold, italic)]
    path = next((d / name for d in font_dirs if (d / name).is_file()), None)
    size = max(MIN_FONT_PX, int(px))
    if path is None:
        return FontChoice(None, size, bold, italic)
    # The readable font has no italic file: its upright face is slanted instead.
    return FontChoice(path, size, fake_italic=readable and italic)


# --------------------------------------------------------------------------- tagged text


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    color: RGB = (240, 240, 240)
    size: float = 1.0  # factor of the base size
    alpha: float = 1.0
    # {cps=N} / {cps=*F}: the typewriter's speed, N characters a second (None: the
    # player's speed) times F.
    cps: float | None = None
    cps_times: float = 1.0
    # {image=NAME}: this atom is the picture NAME (an image name or a file), one
    # INLINE_MARK character of the text, as Ren'Py's typewriter counts it.
    image: str | None = None

    def px(self, base_px: int) -> int:
        return round(base_px * self.size)


@dataclass
class Stop:
    at: int  # character index
    seconds: float | None  # None: wait for a click


Atom = tuple[str, Style] | str  # styled text, or "\n" for a break
Word = tuple[str, Style]
ColorParser = Callable[[str | None, RGB], RGB]


@dataclass(frozen=True)
class Speed:
    """From character `at` on, the typewriter types `cps` characters a second (None: the
    player's speed) times `times`, until the next Speed."""

    at: int
    cps: float | None = None
    times: float = 1.0


@dataclass
class TaggedText:
    """Text with its tags read: styled atoms, and the typewriter's stops and flags."""

    atoms: list[Atom] = field(default_factory=list)
    length: int = 0  # characters shown
    stops: list[Stop] = field(default_factory=list)
    no_wait: bool = False  # {nw}: the line moves on by itself once typed
    fast_until: int = 0  # {fast}: everything before this shows at once
    speeds: list[Speed] = field(default_factory=list)  # where {cps} changes the speed


def hex_color(text: str | None, default: RGB) -> RGB:
    """A colour tag's value as (r, g, b); hex only (the screen also knows colour names)."""
    rgb = parse_hex(text) if isinstance(text, str) else None
    return default if rgb is None else rgb


_SIZE_RE = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)$")
_FACTOR_RE = re.compile(r"^([*+-]?)(\d+(?:\.\d+)?|\.\d+)$")
LINK_COLOR: RGB = (150, 200, 255)  # {a=…}: link text, underlined (links do nothing here)


def _relative(value: str | None, current: float) -> float | None:
    """A tag's number: N, or relative to the current value as *N, +N or -N."""
    m = _FACTOR_RE.match(value.strip()) if value else None
    if m is None:
        return None
    sign, num = m.group(1), float(m.group(2))
    return {"*": current * num, "+": current + num, "-": current - num}.get(sign, num)


def apply_tag(style: Style, name: str, value: str | None, base_px: int,
              color_of: ColorParser = hex_color) -> Style:
    """The style inside an opening tag."""
    if name in ("b", "i", "u", "s"):
        flag = {"b": "bold", "i": "italic", "u": "underline", "s": "strike"}[name]
        return replace(style, **{flag: True})
    if name == "color":
        return replace(style, color=color_of(value, style.color))
    if name == "alpha":
        alpha = _relative(value, style.alpha)
        return style if alpha is None else replace(style, alpha=max(0.0, min(1.0, alpha)))
    if name == "a":
        return replace(style, underline=True, color=LINK_COLOR)
    if name == "cps" and value:
        if value.strip().startswith("*"):
            times = _relative(value, style.cps_times)
            return style if times is None else replace(style, cps_times=max(0.01, times))
        cps = _relative(value, 0.0)
        return style if cps is None else replace(style, cps=max(0.0, cps), cps_times=1.0)
    if name == "size" and value and (m := _SIZE_RE.match(value)):
        sign, num = m.group(1), float(m.group(2))
        px = base_px * style.size
        px = px + num if sign == "+" else px - num if sign == "-" else num
        return replace(style, size=max(0.3, px / base_px))
    return style


def _seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def read_tags(text: str, base_px: int, color: RGB, color_of: ColorParser = hex_color
              ) -> TaggedText:
    """Split tagged text into styled atoms, with its {w}/{p} stops and {nw}/{fast} flags."""
    out = TaggedText()
    stack: list[tuple[str, Style]] = []
    style = Style(color=color)
    speed = (None, 1.0)
    for piece in parse(text):
        if piece.name is None:
            if (style.cps, style.cps_times) != speed:
                speed = (style.cps, style.cps_times)
                out.speeds.append(Speed(out.length, *speed))
            for k, part in enumerate(piece.text.split("\n")):
                if k:
                    out.atoms.append("\n")  # a line break, as {p} makes without the wait
                if part:
                    out.atoms.append((part, style))
                    out.length += len(part)
            continue
        name = piece.name
        if name in ("w", "p"):
            if name == "p":
                out.atoms.append("\n")
            out.stops.append(Stop(out.length, _seconds(piece.value)))
        elif name == "nw":
            out.no_wait = True
        elif name == "image" and piece.value and piece.value.strip():
            out.atoms.append((INLINE_MARK, replace(style, image=piece.value.strip())))
            out.length += 1
        elif name in ("space", "vspace", "image") or name.startswith("#"):
            # room as spaces or a line break; a comment (or an empty image) shows nothing
            room = " " * max(1, round((_seconds(piece.value) or 0) * 4 / base_px)) \
                if name == "space" else "\n" if name == "vspace" else ""
            if room:
                out.atoms.append(room if room == "\n" else (room, style))
                out.length += 0 if room == "\n" else len(room)
        elif name == "fast":
            out.fast_until = out.length
            out.stops.clear()
            out.no_wait = False  # an {nw} before {fast} was the extended line's
        elif piece.closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    style = stack[i][1]
                    del stack[i:]
                    break
        else:
            stack.append((name, style))
            style = apply_tag(style, name, piece.value, base_px, color_of)
    return out


# --------------------------------------------------------------------------- wrapping

Measure = Callable[[str, Style], int]


def wrap(atoms: Sequence[Atom], measure: Measure, width: int) -> list[list[Word]]:
    """Break styled text into lines at most `width` pixels wide, at spaces (inside a word
    wider than the box when it has to). A line's trailing space may hang past the edge."""
    lines: list[list[Word]] = [[]]
    widths = [0]
    for atom in atoms:
        if atom == "\n":
            lines.append([])
            widths.append(0)
            continue
        chunk, st = atom
        for word in re.findall(r"\S+\s*|\s+", chunk):
            w = measure(word, st)
            bare = measure(word.rstrip(), st)
            if widths[-1] + bare > width and widths[-1] > 0:
                lines.append([])
                widths.append(0)
            if bare > width and len(word) > 1:
                word = _cut_long_word(word, st, measure, width, lines, widths)
                w = measure(word, st)
            lines[-1].append((word, st))
            widths[-1] += w
    return lines


def _cut_long_word(word: str, st: Style, measure: Measure, width: int,
                   lines: list[list[Word]], widths: list[int]) -> str:
    """Put a word wider than the box on lines of its own, cut where each piece still fits;
    returns the last piece, which fits. Each cut is found by galloping then halving, and
    measures only pieces up to twice a line long: a word of thousands of letters must cost
    neither a measure per letter nor a measure of the whole rest per line."""
    while len(word) > 1:
        bare = word.rstrip()
        fit = _longest_fit(bare, st, measure, width)
        if fit >= len(bare):
            return word
        cut = min(fit, len(word) - 1)
        lines[-1].append((word[:cut], st))
        lines.append([])
        widths.append(0)
        word = word[cut:]
    return word


def _longest_fit(word: str, st: Style, measure: Measure, room: int) -> int:
    """The longest prefix of `word` within `room` (at least 1)."""
    lo, hi = 1, 2
    while hi <= len(word) and measure(word[:hi], st) <= room:
        lo, hi = hi, hi * 2
    hi = min(hi, len(word) + 1)  # word[:hi] does not fit, or is past the end
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if measure(word[:mid], st) <= room:
            lo = mid
        else:
            hi = mid
    return lo


def merge_runs(words: Sequence[Word]) -> list[Word]:
    """A line's words joined into runs of one style each (one render per run)."""
    merged: list[Word] = []
    for word, st in words:
        if merged and merged[-1][1] == st:
            merged[-1] = (merged[-1][0] + word, st)
        else:
            merged.append((word, st))
    return merged


def line_tops(heights: Sequence[int], spacing: float = LINE_SPACING
              ) -> tuple[list[int], int]:
    """Each line's top, and the block's height: lines advance by `spacing` times their
    height, and the last counts only its own height."""
    tops: list[int] = []
    y = 0
    for n, h in enumerate(heights):
        tops.append(y)
        y += round(h * spacing) if n < len(heights) - 1 else h
    return tops, y


def line_heights(lines: Sequence[Sequence[Word]], line_size: Callable[[Style], int],
                 base_height: int) -> list[int]:
    """Each line's height: its tallest style's, never less than the base font's."""
    return [max([base_height, *(line_size(st) for _, st in merge_runs(words))])
            for words in lines]


@dataclass(frozen=True)
class Block:
    """Text wrapped to a width: its lines, their tops and the height they take."""

    lines: list[list[Word]]
    tops: list[int]
    heights: list[int]
    height: int

    def lines_within(self, room: int) -> int:
        """How many lines end inside `room` pixels from the top."""
        return sum(1 for top, h in zip(self.tops, self.heights, strict=True) if top + h <= room)


def wrap_block(atoms: Sequence[Atom], measure: Measure, line_size: Callable[[Style], int],
               base_height: int, width: int) -> Block:
    """`wrap`, then the lines placed one under another."""
    lines = wrap(atoms, measure, width)
    heights = line_heights(lines, line_size, base_height)
    tops, height = line_tops(heights)
    return Block(lines, tops, heights, height)
