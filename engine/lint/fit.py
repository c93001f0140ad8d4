"""Does every line fit the dialogue box? Measured with the game screen's own rules
(engine.textbox: box geometry, tags, word wrap) and its fonts, through pygame.font.

At the largest text size a line that needs more lines than the box holds is an error: the
game would have to shrink it, undoing the setting for the players who need it. At the
default size, `lint --strict` warns about lines the box has to shrink (engine.lint.strict).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from engine.script import Story
from engine.script.errors import Loc, ScriptError
from engine.script.expr import BUILTIN_VALUES
from engine.script.program import Program, Stmt
from engine.script.text import interpolate, strip_tags
from engine.textbox import (
    BOX_ROOM,
    CENTERED_W,
    NVL_ROOM,
    NVL_TEXT_W,
    TEXT_PX,
    TEXT_SIZES,
    TEXT_W,
    Block,
    FontChoice,
    Style,
    box_grow,
    choose_font,
    read_tags,
    text_px,
    wrap_block,
)

ENGINE_FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
WHITE = (255, 255, 255)


def largest_text_px() -> int:
    """The dialogue's pixel size at the player's largest text size setting."""
    return text_px(max(TEXT_SIZES))


@lru_cache(maxsize=64)
def _pygame_font(choice: FontChoice):  # noqa: ANN202 - pygame is imported lazily
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    font = pygame.font.Font(str(choice.path) if choice.path else None, choice.px)
    font.bold, font.italic = choice.fake_bold, choice.fake_italic
    return font


class BoxMeasure:
    """How many lines a line of dialogue takes in the box, and whether they fit its `room`
    (canvas pixels of text height), at `px` (default: the base size)."""

    def __init__(self, game_dir: Path, px: int | None = None) -> None:
        self.width = TEXT_W
        self.px = TEXT_PX if px is None else px
        self.room = BOX_ROOM
        self.font_dirs = (game_dir / "assets" / "fonts", ENGINE_FONTS)
        self._fonts: dict[tuple[int, bool, bool], Any] = {}  # saves a disk look-up a word

    def font(self, px: int, bold: bool = False, italic: bool = False):  # noqa: ANN201
        """The pygame font the game would draw this style with."""
        key = (px, bold, italic)
        if key not in self._fonts:
            self._fonts[key] = _pygame_font(choose_font(self.font_dirs, px, bold, italic))
        return self._fonts[key]

    def _styled(self, st: Style):  # noqa: ANN202 - a pygame font
        f = self.font(st.px(self.px), st.bold, st.italic)
        f.underline, f.strikethrough = st.underline, st.strike
        return f

    def line_height(self) -> int:
        """The dialogue font's line height at this size."""
        return self.font(self.px).get_linesize()

    def block(self, text: str) -> Block:
        atoms = read_tags(text, self.px, WHITE).atoms
        return wrap_block(atoms, lambda word, st: self._styled(st).size(word)[0],
                          lambda st: self._styled(st).get_linesize(), self.line_height(),
                          self.width)

    def lines_and_fits(self, text: str) -> tuple[int, bool]:
        block = self.block(text)
        return len(block.lines), block.height <= self.room

    def lines_held(self) -> int:
        """How many lines the box holds at this size."""
        return max(1, self.block("word " * 600).lines_within(self.room))


def spoken(program: Program) -> list[tuple[Stmt, dict, Loc, str]]:
    """Every text said in the dialogue box: (statement, say spec, loc, source)."""
    out = []
    for stmt in program.statements:
        if stmt.kind == "say":
            out.append((stmt, stmt.args, stmt.loc, stmt.source))
        elif stmt.kind == "menu" and stmt.args["prompt"]:
            pr = stmt.args["prompt"]
            out.append((stmt, pr, Loc(stmt.loc.file, pr["line"], pr["col"]), pr["source"]))
    return out


def sampler(program: Program, story: Story | None) -> Callable[[dict], str]:
    """A say spec's text with a stand-in for each [name] as wide as a typical value, for
    measuring lines."""
    constants = story.constants if story else {}
    defaults = {init.name: init.expr[1] for init in program.inits
                if init.kind == "default" and init.expr[0] == "lit"}

    def sample(name: str) -> str:
        value = defaults.get(name, constants.get(name))
        return str(value) if isinstance(value, (str, int, float)) else name

    def text_of(spec: dict) -> str:
        try:
            return interpolate(spec["text"], sample)
        except (ValueError, KeyError):
            return spec["text"]
    return text_of


def surely_fits(measure: BoxMeasure, held: int) -> Callable[[str], bool]:
    """A cheap test that a line cannot need more than `held` lines, so the real layout
    runs only for long lines. Measured in bold, the widest style, and allowing each line to
    waste up to one word's width at its end, as word wrap can."""
    font = measure.font(measure.px, bold=True)
    widest_char = max(font.size(c)[0] for c in "WMm@%—")
    space = font.size(" ")[0]

    def quick(text: str) -> bool:
        plain = strip_tags(text)
        if "\n" in plain:
            return False
        longest = max(map(len, plain.split(" "))) * widest_char  # an upper bound
        room = held * measure.width - held * (longest + space)
        # Counting characters at the widest glyph's width needs no font call at all.
        return len(plain) * widest_char <= room or font.size(plain)[0] <= room
    return quick


def wrap_problems(game_dir: Path, program: Program, story: Story | None,
                  text_size: int | None = None) -> list[ScriptError]:
    """Lines that wrap to more lines than the dialogue box holds at the largest text size
    (or at `text_size`, percent): the game would have to shrink them, undoing the setting
    for the players who need it."""
    said = spoken(program)
    if not said:
        return []
    size = max(TEXT_SIZES) if text_size is None else text_size
    px = text_px(size)
    measure = BoxMeasure(game_dir, px)
    # The box grows at large sizes (the game screen's rule): measure against that.
    measure.room = BOX_ROOM + box_grow(measure.line_height(), size)
    text_of = sampler(program, story)
    held = measure.lines_held()
    quick = surely_fits(measure, held)
    places: dict[str, tuple[BoxMeasure, int, Callable[[str], bool], str]] = {
        "adv": (measure, held, quick, "the dialogue box")}
    constants = story.constants if story else {}
    out = []
    for _stmt, spec, loc, source in said:
        kind = line_kind(spec, constants)
        if kind == "extend":
            continue  # its length is the line's it extends: known only when it runs
        if kind not in places:
            other = BoxMeasure(game_dir, px)
            other.width, other.room = (NVL_TEXT_W, NVL_ROOM) if kind == "nvl" \
                else (CENTERED_W, 600)
            other_held = other.lines_held()
            places[kind] = (other, other_held, surely_fits(other, other_held),
                            "an NVL page" if kind == "nvl" else "the screen")
        where, room, fast, name = places[kind]
        text = text_of(spec)
        if fast(text):
            continue
        lines, fits = where.lines_and_fits(text)
        if not fits:
            out.append(ScriptError(
                loc, f"this line wraps to {lines} lines at the largest text size ({px} px); "
                f"{name} holds {room}", source,
                hint="split it into two say statements"))
    return out


def line_kind(spec: dict, constants: dict[str, Any]) -> str:
    """Where a say spec's line shows: adv (the box), nvl, centered, or extend."""
    who = spec["who"]
    if who is None:
        char = constants.get("narrator") if spec["who_name"] is None else None
    else:
        char = constants.get(who, BUILTIN_VALUES.get(who))
    kind = char.get("kind") if isinstance(char, dict) else None
    return kind if isinstance(kind, str) else "adv"
