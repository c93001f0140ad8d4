"""Ren'Py's text tags the dialogue box reads beyond the first set (issue 17): {k},
{space}, {vspace}, {image}, {#…}, and a span left open at the end of the line."""

from __future__ import annotations

from engine.script.text import strip_tags
from engine.textbox import read_tags


def _plain(text: str) -> str:
    return "".join(a if a == "\n" else a[0] for a in read_tags(text, 20, (0, 0, 0)).atoms)


def test_space_vspace_image_and_comments() -> None:
    assert _plain("a{space=20}b") == "a    b"  # 20 px at 20 px text: four spaces
    assert _plain("a{vspace=10}b") == "a\nb"
    # an inline picture is one character of its own, carrying its name; a comment, none
    tagged = read_tags("a{image=star.png}{#a note}b", 20, (0, 0, 0))
    assert _plain("a{image=star.png}{#a note}b") == "a\ufffcb" and tagged.length == 3
    assert [a[1].image for a in tagged.atoms] == [None, "star.png", None]
    assert strip_tags("a{image=star.png}{#note}{k=2}b{/k}") == "ab"


def test_a_span_left_open_runs_to_the_end_of_the_line() -> None:
    atoms = read_tags("plain {b}bold to the end", 20, (0, 0, 0)).atoms
    assert [a[1].bold for a in atoms] == [False, True]
    kerned = read_tags("{k=-1}tight{/k} loose", 20, (0, 0, 0)).atoms
    assert [a[0] for a in kerned] == ["tight", " loose"]
