"""ATL frames (issue 17, media): a picture on its own line in an ATL block is a `child`
statement; the evaluator gives the picture at each time, through pause, repeat, parallel,
transforms and a frame's `with`."""

from __future__ import annotations

import pytest

from engine.atl import duration, evaluate, final
from engine.script import ScriptError
from engine.script.parser import parse_file
from tests.atl.helpers import at, show, staged

BLINK = """
image eileen blink:
    "open.png"
    pause 3.0
    "closed.png" with Dissolve(0.1)
    pause 0.15
    repeat
label start:
    show eileen blink at left
    "x"
"""


def _ops(block: list[dict]) -> list[str]:
    return [s["op"] for s in block]


def test_pictures_parse_as_child_statements_with_their_transitions() -> None:
    nodes = parse_file('transform t:\n    "a.png"\n    pause 1\n    "eileen happy" with dissolve\n'
                       '    Solid("#FFF") with Dissolve(0.5), alpha 0.5\n', "t.rpy")
    body = nodes[0].body
    assert _ops(body) == ["child", "pause", "child", "child", "set"]
    assert [s["image"] for s in body if s["op"] == "child"] == ["a.png", "eileen happy",
                                                                "#ffffff"]
    assert [s["trans"] for s in body if s["op"] == "child"] == [
        None, ["name", "dissolve"], ["call", "Dissolve", [["lit", 0.5]], []]]
    assert (body[2]["line"], body[2]["col"]) == (4, 5)


@pytest.mark.parametrize(("line", "col", "message"), [
    ('Solid("blue")', 5, "Solid() takes a colour like \"#1a2b3c\", not 'blue'"),
    ('Solid()', 5, 'Solid() takes one colour in quotes, like Solid("#ffffff")'),
    ('"a.png" with', 13, "expected a transition after 'with'"),
    ('""', 5, "a picture in an ATL block needs a file or image name"),
    ('"a.png" + 1', 5, 'a picture in an ATL block is a file or image name in quotes, or '
                      'Solid("#rrggbb")'),
])
def test_a_bad_frame_names_its_line_and_column(line: str, col: int, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        parse_file(f'image a:\n    "a.png"\n    {line}\n', "t.rpy")
    assert (info.value.loc.file, info.value.loc.line, info.value.loc.col) == ("t.rpy", 3, col)
    assert info.value.message == message
    assert str(info.value).startswith(f"t.rpy:3:{col}: error: ")


def test_an_image_block_keeps_every_frame_and_its_first_is_the_image() -> None:
    s = staged(BLINK)
    assert s.images["eileen blink"] == "open.png"
    sprite = s.stage["sprites"][0]
    assert _ops(sprite["atl"]) == ["child", "pause", "child", "pause", "repeat"]


@pytest.mark.parametrize(("t", "child", "prev", "mix"), [
    (0.0, "open.png", None, 1.0),
    (2.99, "open.png", None, 1.0),
    (3.0, "closed.png", "open.png", 0.0),
    (3.05, "closed.png", "open.png", 0.5),
    (3.12, "closed.png", None, 1.0),
    (3.2, "open.png", None, 1.0),  # the repeat wraps: the second pass
    (3.15 + 3.0 + 0.05, "closed.png", "open.png", 0.5),
    (100 * 3.15 + 1.0, "open.png", None, 1.0),  # many passes on, skipped not stepped
])
def test_the_picture_at_each_time(t: float, child: str, prev: str | None,
                                  mix: float) -> None:
    p = at(BLINK, t)
    assert (p.child, p.child_prev) == (child, prev)
    assert p.child_mix == pytest.approx(mix)
    assert p.xpos == 0.0  # the transform still places it


def test_a_fade_keeps_the_sprite_animating_until_it_ends() -> None:
    s = staged('label start:\n    show a:\n        "a.png"\n        "b.png" with Dissolve(1.0)\n'
               '    "x"\n')
    sprite = s.stage["sprites"][0]
    p, finished = evaluate(sprite, s.transforms, 0.5)
    assert (p.child, p.child_prev, p.child_mix, finished) == ("b.png", "a.png", 0.5, False)
    p, finished = evaluate(sprite, s.transforms, 1.0)
    assert (p.child, p.child_prev, finished) == ("b.png", None, True)
    assert final(sprite, s.transforms).child == "b.png"
    assert duration(sprite, s.transforms) == 0.0


def test_a_first_frame_with_a_transition_fades_from_the_sprites_own_picture() -> None:
    p = show('"b.png" with Dissolve(2.0)', 0.5)
    assert (p.child, p.child_prev, p.child_mix) == ("b.png", "", 0.25)


def test_frames_in_parallel_choice_and_a_transform() -> None:
    p = show("""
        parallel:
            "a.png"
            pause 1.0
            "b.png"
        parallel:
            xalign 0.0
            linear 2.0 xalign 1.0
    """, 1.5)
    assert p.child == "b.png" and p.xpos == pytest.approx(0.75)
    script = 'transform flick:\n    "a.png"\n    pause 0.5\n    "b.png"\n    pause 0.5\n' \
             '    repeat\nlabel start:\n    show x at flick\n    "x"\n'
    assert [at(script, t).child for t in (0.2, 0.7, 1.2, 1.7)] == ["a.png", "b.png",
                                                                   "a.png", "b.png"]
    chosen = {show('choice:\n    "a.png"\nchoice:\n    "b.png"', 0.0).child}
    assert chosen <= {"a.png", "b.png"} and len(chosen) == 1


def test_an_images_frames_stop_when_the_sprite_shows_other_attributes() -> None:
    s = staged(BLINK + '    show eileen happy\n    "y"\n')
    s.next()
    sprite = s.stage["sprites"][0]
    assert sprite["attrs"] == ["happy"] and sprite["atl"]  # the motion is kept, as before
    assert evaluate(sprite, s.transforms, 3.05)[0].child is None  # her own picture


def test_show_with_a_transition_and_an_atl_block_naming_the_child() -> None:
    s = staged('label start:\n    show white_flash with Dissolve(.2):\n'
               '        Solid("#FFFFFF")\n    "x"\n')
    sprite = s.stage["sprites"][0]
    assert sprite["tag"] == "white_flash"
    assert evaluate(sprite, s.transforms, 0.0)[0].child == "#ffffff"


def test_a_frame_reads_a_defined_transition() -> None:
    p = show('"a.png"\n"b.png" with quick', 0.1, before="define quick = Dissolve(0.4)")
    assert (p.child_prev, p.child_mix) == ("a.png", pytest.approx(0.25))
