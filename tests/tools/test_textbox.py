"""engine.textbox: the dialogue box's rules, shared by the game screen and lint, with no
pygame; and the tools that use it stay off the presentation layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from engine import textbox
from engine.textbox import (
    BOX_ROOM,
    Style,
    box_grow,
    line_tops,
    merge_runs,
    read_tags,
    wrap,
    wrap_block,
)
from tests.conftest import ROOT


def ten_px(text: str, style: Style) -> int:
    """A stand-in font: every character 10 pixels wide, bold ones 20."""
    return len(text) * (20 if style.bold else 10)


def texts(lines: list[list[tuple[str, Style]]]) -> list[str]:
    return ["".join(word for word, _ in line) for line in lines]


def test_tools_import_nothing_from_the_presentation_or_pygame() -> None:
    code = ("import sys; import engine.lint, engine.routemap_data, engine.graph, "
            "engine.mapinfo, engine.textbox; "
            "bad = sorted(m for m in sys.modules if m.startswith(('engine.present', 'pygame'))); "
            "print(bad)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_the_screen_and_lint_share_the_box_geometry() -> None:
    # The game screen draws the box with the very names lint measures against.
    from engine.screens.game import view

    for name in ("BOX", "TEXT_X", "TEXT_Y", "TEXT_W", "TEXT_PX", "NAME_PX", "BOX_ROOM",
                 "box_grow"):
        assert getattr(view, name) is getattr(textbox, name), name
    assert BOX_ROOM == 124


def test_the_box_grows_from_large_sizes_to_hold_three_lines() -> None:
    assert box_grow(40, 100) == 0 and box_grow(40, 85) == 0
    # 40 + 2 * round(40 * 1.25) + 4 = 144 pixels needed, the box holds 124.
    assert box_grow(40, 115) == 20
    assert box_grow(10, 130) == 0  # small enough to fit already


def test_wrap_breaks_at_spaces_and_lets_the_space_hang() -> None:
    atoms = read_tags("aaa bbb ccc", 26, (0, 0, 0)).atoms
    assert texts(wrap(atoms, ten_px, 70)) == ["aaa bbb ", "ccc"]
    assert texts(wrap(atoms, ten_px, 69)) == ["aaa ", "bbb ", "ccc"]


def test_wrap_cuts_a_word_wider_than_the_box() -> None:
    atoms = read_tags("abcdefghij xy", 26, (0, 0, 0)).atoms
    assert texts(wrap(atoms, ten_px, 40)) == ["abcd", "efgh", "ij ", "xy"]


def test_a_long_word_is_cut_with_few_measures() -> None:
    # A 4,000-letter word once took a measure per letter per line (lint: 24 s).
    calls = []

    def counting(text: str, style: Style) -> int:
        calls.append(len(text))
        return ten_px(text, style)

    atoms = read_tags("w" * 4000, 26, (0, 0, 0)).atoms
    lines = texts(wrap(atoms, counting, 600))
    assert lines == ["w" * 60] * 66 + ["w" * 40]
    assert len(calls) < 30 * len(lines)  # a halving search: ~12 measures a line


def test_wrap_measures_each_style_and_breaks_at_paragraphs() -> None:
    atoms = read_tags("aa {b}bb{/b} cc{p}dd", 26, (0, 0, 0)).atoms
    lines = wrap(atoms, ten_px, 80)
    assert texts(lines) == ["aa bb ", "cc", "dd"]  # bold 'bb' is 40 px wide
    assert [st.bold for _, st in merge_runs(lines[0])] == [False, True, False]


def test_tags_give_stops_flags_and_nested_styles() -> None:
    tagged = read_tags("One.{w} {i}Two {b}three{/b}{/i}.{w=0.5}{p}{nw}", 20, (1, 2, 3))
    assert [(s.at, s.seconds) for s in tagged.stops] == [(4, None), (15, 0.5), (15, None)]
    assert tagged.no_wait and tagged.length == 15
    styles = {text: st for text, st in (a for a in tagged.atoms if a != "\n")}
    assert styles["Two "].italic and not styles["Two "].bold
    assert styles["three"].italic and styles["three"].bold
    assert not styles["."].italic and styles["."].color == (1, 2, 3)
    big = read_tags("{size=+10}x{/size}{size=40}y{/size}{color=#ff0000}z", 20, (0, 0, 0))
    sizes = [st.px(20) for _, st in big.atoms]
    assert sizes == [30, 40, 20] and big.atoms[2][1].color == (255, 0, 0)
    fast = read_tags("skip{w}ped{fast} typed", 20, (0, 0, 0))
    assert fast.fast_until == 7 and fast.stops == []


def test_lines_advance_by_the_spacing_and_the_last_by_its_height() -> None:
    assert line_tops([20, 30, 20]) == ([0, 25, 63], 83)
    assert line_tops([]) == ([], 0)
    block = wrap_block(read_tags("aaa bbb ccc", 26, (0, 0, 0)).atoms, ten_px,
                       lambda st: 30 if st.bold else 20, 20, 40)
    assert block.tops == [0, 25, 50] and block.height == 70
    assert block.lines_within(44) == 1 and block.lines_within(70) == 3


@pytest.mark.parametrize("size, px", [(85, 22), (100, 26), (115, 30), (130, 34)])
def test_text_sizes_scale_the_base_size(size: int, px: int) -> None:
    assert size in textbox.TEXT_SIZES and textbox.text_px(size) == px
