"""Ren'Py's text tags beyond the basics: {cps} spans for the typewriter, {a} links, relative
{alpha} and {size}, {s}/{u}, a newline in the text; and lint's word on their values."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.lint import lint
from engine.present.richtext import Fonts, Typewriter, layout
from engine.script.text import tag_problems
from engine.textbox import LINK_COLOR, Speed, read_tags
from tests.conftest import ROOT
from tests.tools.helpers import make_game

WHITE = (255, 255, 255)


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    pygame.display.init()
    pygame.font.init()
    return Fonts([ROOT / "assets" / "fonts"])


def test_cps_spans_set_the_typewriter_speed() -> None:
    tagged = read_tags("ab{cps=10}cd{cps=*2}ef{/cps}g{/cps}h", 20, WHITE)
    assert tagged.speeds == [Speed(2, 10.0, 1.0), Speed(4, 10.0, 2.0), Speed(6, 10.0, 1.0),
                             Speed(7, None, 1.0)]
    assert read_tags("{cps=*0.5}slow{/cps} normal", 20, WHITE).speeds == [
        Speed(0, None, 0.5), Speed(4, None, 1.0)]


def test_the_typewriter_types_each_span_at_its_speed() -> None:
    # 4 characters at the player's 100 cps, 4 at {cps=*0.5} (50 cps), 4 at {cps=4}.
    tagged = read_tags("fast{cps=*0.5}half{/cps}{cps=4}slow{/cps}", 20, WHITE)
    t = Typewriter(tagged.length, tagged.stops, 100, now=0.0, speeds=tagged.speeds)
    t.update(0.04)
    assert t.count == 4  # 0.04 s at 100 cps
    t.update(0.12)
    assert t.count == 8  # 0.08 s more at 50 cps
    t.update(0.37)
    assert t.count == 9  # a quarter of a second at 4 cps: one character
    assert t.rate_at(2) == 100 and t.rate_at(5) == 50 and t.rate_at(9) == 4
    t.update(1.12)
    assert t.done


def test_cps_zero_shows_its_span_at_once() -> None:
    tagged = read_tags("ab{cps=0}instant{/cps}cd", 20, WHITE)
    t = Typewriter(tagged.length, tagged.stops, 10, now=0.0, speeds=tagged.speeds)
    t.update(0.25)
    assert t.count == 2 + len("instant")


def test_player_instant_text_stays_instant_whatever_the_cps_tags() -> None:
    tagged = read_tags("{cps=2}slow{/cps}", 20, WHITE)
    assert Typewriter(tagged.length, tagged.stops, 0, now=0.0, speeds=tagged.speeds).done


def test_alpha_links_strike_and_underline_styles() -> None:
    atoms = read_tags("{alpha=0.5}a{alpha=*0.5}b{/alpha}{alpha=+0.25}c{/alpha}{/alpha}"
                      "{a=https://example.org}link{/a}{s}x{/s}{u}y{/u}", 20, WHITE).atoms
    styles = {text: st for text, st in atoms}  # type: ignore[misc]
    assert [styles[c].alpha for c in "abc"] == [0.5, 0.25, 0.75]
    assert styles["link"].underline and styles["link"].color == LINK_COLOR
    assert styles["x"].strike and not styles["x"].underline
    assert styles["y"].underline and styles["y"].color == WHITE


def test_size_tags_change_the_width_laid_out(fonts: Fonts) -> None:
    plain = layout("Wide words", fonts, 26, 2000, WHITE)
    bigger = layout("{size=+10}Wide words{/size}", fonts, 26, 2000, WHITE)
    smaller = layout("{size=-10}Wide words{/size}", fonts, 26, 2000, WHITE)
    absolute = layout("{size=52}Wide words{/size}", fonts, 26, 2000, WHITE)
    w = [lay.end_xy[0] for lay in (smaller, plain, bigger, absolute)]
    assert w == sorted(w) and w[3] > 1.8 * w[1]
    link = layout("{a=x}Wide words{/a}", fonts, 26, 2000, WHITE)
    assert link.end_xy[0] == plain.end_xy[0]  # a link is styled, not resized


def test_a_newline_breaks_the_line(fonts: Fonts) -> None:
    lay = layout("Chapter One\nThe Road Out", fonts, 26, 2000, WHITE)
    assert len(lay.lines) == 2 and lay.length == len("Chapter OneThe Road Out")
    assert lay.plain == "Chapter One\nThe Road Out"


def test_fast_after_nw_is_an_extended_line_that_waits() -> None:
    tagged = read_tags("Wait for it{nw}{fast}, there.", 20, WHITE)
    assert not tagged.no_wait and tagged.fast_until == len("Wait for it")
    assert read_tags("Moves on{fast} by itself{nw}", 20, WHITE).no_wait


def test_tag_values_are_checked() -> None:
    assert tag_problems("{cps=*2}a{/cps}{cps=40}b{/cps}{size=-4}c{/size}"
                        "{alpha=*0.5}d{/alpha}{a=https://x.org}e{/a}") == []
    assert tag_problems("{cps=fast}a{/cps} {size=big}b{/size} {alpha=half}c{/alpha}") == [
        "'{cps=fast}' needs characters a second (cps=40) or a factor of the player's speed "
        "(cps=*2)",
        "'{size=big}' needs pixels (size=30) or a change (size=+10, size=-4)",
        "'{alpha=half}' needs an opacity from 0 to 1 (alpha=0.5) or a change (alpha=*0.5, "
        "alpha=-0.2)",
    ]
    assert tag_problems("{cps}x{/cps}") == [
        "'{cps}' needs characters a second (cps=40) or a factor of the player's speed "
        "(cps=*2)"]
    # A span left open is closed at the end of the line, as Ren'Py does.
    assert tag_problems("{a=x}never closed") == []
    assert tag_problems("{k=-1}{space=20}x{vspace=10}{#note}{image=star.png}") == []
    assert tag_problems("{space=wide}") == ["'{space=wide}' needs pixels (space=20)"]


def test_lint_reports_bad_staging_with_file_and_line(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define n = Character("Nora", kind=nvl)
        label start:
            n "{cps=quick}Hi{/cps}"
            centered "{size=huge}Title{/size}"
            nvl clear
            return
    ''')
    found = [p.format().splitlines()[0] for p in lint(game)]
    assert found == [
        "scenes/main.scene:4:5: error: '{cps=quick}' needs characters a second (cps=40) or "
        "a factor of the player's speed (cps=*2)",
        "scenes/main.scene:5:5: error: '{size=huge}' needs pixels (size=30) or a change "
        "(size=+10, size=-4)",
    ]


def test_lint_measures_nvl_lines_against_the_page(tmp_path: Path) -> None:
    words = "A long paragraph of narration that goes on and on. " * 7
    game = make_game(tmp_path, f'''
        define n = Character("Nora", kind=nvl)
        label start:
            n "{words}"
            "{words}"
            n "{words * 6}"
            return
    ''')
    found = [p.format().splitlines()[0] for p in lint(game)]
    assert len(found) == 2, found
    assert found[0].startswith("scenes/main.scene:5:5: error: this line wraps to ")
    assert found[0].endswith("the dialogue box holds 3")
    assert found[1].startswith("scenes/main.scene:6:5: error: this line wraps to ")
    assert "an NVL page holds" in found[1]


def test_lint_checks_the_transitions_of_window_and_nvl(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            window show disolve
            nvl hide fadde
            "x"
            return
    ''')
    found = [p.message for p in lint(game)]
    assert found == ["'disolve' is not defined", "'fadde' is not defined"]
