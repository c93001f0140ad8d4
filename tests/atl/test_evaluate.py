"""The ATL evaluator at sample times: every warper, property, statement and their
combinations, as Ren'Py computes them."""

from __future__ import annotations

import math

import pytest

from engine.atl import BUILTIN_TRANSFORMS, DEFAULT, WARPERS, duration, evaluate, final
from engine.atl.warpers import warp
from tests.atl.helpers import at, show, staged

# --- warpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(("warper", "half", "quarter"), [
    ("linear", 0.5, 0.25),
    ("ease", 0.5, 0.5 - math.cos(math.pi * 0.25) / 2),
    ("easein", math.cos(0.5 * math.pi / 2), math.cos(0.75 * math.pi / 2)),
    ("easeout", 1 - math.cos(0.5 * math.pi / 2), 1 - math.cos(0.25 * math.pi / 2)),
    ("ease_quad", 0.5, 0.125),
    ("easeout_quad", 0.25, 0.0625),
    ("easein_quad", 0.75, 1 - 0.75 ** 2),
    ("easeout_cubic", 0.125, 0.25 ** 3),
])
def test_warpers_are_ren_pys(warper: str, half: float, quarter: float) -> None:
    assert warp(warper, 0.5) == pytest.approx(half)
    assert warp(warper, 0.25) == pytest.approx(quarter)
    assert warp(warper, 0.0) == pytest.approx(0.0)
    assert warp(warper, 1.0) == pytest.approx(1.0)
    p = show(f"xalign 0.0\n{warper} 2.0 xalign 1.0", 1.0)
    assert p.xpos == pytest.approx(half) and p.xanchor == pytest.approx(half)


def test_every_warper_runs_from_0_to_1() -> None:
    for name in WARPERS:
        if name not in ("pause", "instant"):
            assert warp(name, 0.0) == pytest.approx(0.0, abs=1e-3), name
        assert warp(name, 1.0) == pytest.approx(1.0), name


def test_linear_is_halfway_at_half_time_and_done_at_the_end() -> None:
    s = staged("label start:\n    show a:\n        xalign 0.0\n        linear 2.0 xalign 1.0\n"
               "    \"x\"\n")
    sprite = s.stage["sprites"][0]
    assert evaluate(sprite, s.transforms, 1.0) == (DEFAULT.but(xpos=0.5, xanchor=0.5), False)
    assert evaluate(sprite, s.transforms, 2.0)[1] is True
    assert evaluate(sprite, s.transforms, 9.0)[0].xpos == 1.0
    assert duration(sprite, s.transforms) == 2.0


# --- properties -----------------------------------------------------------------------------

@pytest.mark.parametrize(("atl", "fields"), [
    ("xpos 0.25 ypos 0.75", {"xpos": 0.25, "ypos": 0.75}),
    ("xpos 100 ypos 200", {"xpos": 100, "ypos": 200}),
    ("xanchor 0.0 yanchor 0.5", {"xanchor": 0.0, "yanchor": 0.5}),
    ("xalign 0.2 yalign 0.4", {"xpos": 0.2, "xanchor": 0.2, "ypos": 0.4, "yanchor": 0.4}),
    ("xalign 1", {"xpos": 1.0, "xanchor": 1.0}),
    ("xoffset 10 yoffset -5", {"xoffset": 10.0, "yoffset": -5.0}),
    ("xcenter 0.3 ycenter 0.6", {"xpos": 0.3, "xanchor": 0.5, "ypos": 0.6, "yanchor": 0.5}),
    ("xycenter (0.3, 0.6)", {"xpos": 0.3, "xanchor": 0.5, "ypos": 0.6, "yanchor": 0.5}),
    ("zoom 1.5 xzoom -1.0 yzoom 0.5", {"zoom": 1.5, "xzoom": -1.0, "yzoom": 0.5}),
    ("alpha 0.25 rotate 45", {"alpha": 0.25, "rotate": 45.0}),
    ("rotate None", {"rotate": 0.0}),
    ("pos (0.1, 0.2)", {"xpos": 0.1, "ypos": 0.2}),
    ("anchor (0.3, 0.4)", {"xanchor": 0.3, "yanchor": 0.4}),
    ("align (0.5, 0.5)", {"xpos": 0.5, "xanchor": 0.5, "ypos": 0.5, "yanchor": 0.5}),
    ("offset (3, 4)", {"xoffset": 3.0, "yoffset": 4.0}),
    ('matrixcolor TintMatrix("#ff8000")', {"tint": (1.0, 128 / 255, 0.0)}),
    ("matrixcolor BrightnessMatrix(-0.5)", {"brightness": -0.5}),
    ('matrixcolor TintMatrix("#f00") * BrightnessMatrix(0.25)',
     {"tint": (1.0, 0.0, 0.0), "brightness": 0.25}),
    ("subpixel True xalign 0.5", {"xpos": 0.5}),
])
def test_each_property_sets_its_fields(atl: str, fields: dict) -> None:
    p = show(atl, 0.0)
    for name, value in fields.items():
        assert getattr(p, name) == pytest.approx(value), name


def test_sizes_and_blur_go_to_extra() -> None:
    p = show("xysize (300, 400) blur 2", 0.0)
    assert p.extra == {"xsize": 300.0, "ysize": 400.0, "blur": 2.0}


def test_values_may_be_arithmetic_on_defines() -> None:
    p = show("xpos base + 0.25\nzoom 2 * scale", 0.0,
             before="define base = 0.5\ndefine scale = 0.75")
    assert (p.xpos, p.zoom) == (0.75, 1.5)


def test_interpolations_of_pixels_tints_and_pairs() -> None:
    p = show("xpos 100\nlinear 1.0 xpos 300", 0.5)
    assert p.xpos == 200 and isinstance(p.xpos, int)
    p = show("xpos 0.0\nlinear 1.0 xpos 640", 0.5)  # a fraction towards pixels
    assert p.xpos == 320
    p = show('linear 1.0 matrixcolor TintMatrix("#000000")', 0.5)
    assert p.tint == pytest.approx((0.5, 0.5, 0.5))
    p = show("align (0.0, 0.0)\nease 2.0 align (1.0, 1.0)", 1.0)
    assert (p.xpos, p.ypos) == pytest.approx((0.5, 0.5))
    p = show("rotate 0\nlinear 1.0 rotate 90 zoom 2.0", 0.25)
    assert (p.rotate, p.zoom) == pytest.approx((22.5, 1.25))


def test_an_interpolation_block_and_a_transform_target() -> None:
    p = show("xalign 0.0\nlinear 2.0:\n    xalign 1.0\n    alpha 0.0", 1.0)
    assert (p.xpos, p.alpha) == pytest.approx((0.5, 0.5))
    p = show("xpos 0.0 xanchor 0.0\nlinear 2.0 right", 1.0)
    assert (p.xpos, p.xanchor) == pytest.approx((0.5, 0.5))


# --- statements ---------------------------------------------------------------------------

def test_pause_waits_and_leftover_time_goes_on() -> None:
    atl = "xalign 0.0\npause 1.0\nlinear 1.0 xalign 1.0\nxalign 0.25"
    assert show(atl, 0.9).xpos == 0.0
    assert show(atl, 1.5).xpos == pytest.approx(0.5)
    assert show(atl, 2.0).xpos == 0.25


def test_repeat_loops_for_ever_or_n_times() -> None:
    bounce = "xalign 0.0\nlinear 1.0 xalign 1.0\nlinear 1.0 xalign 0.0\nrepeat"
    assert show(bounce, 0.5).xpos == pytest.approx(0.5)
    assert show(bounce, 1.5).xpos == pytest.approx(0.5)
    assert show(bounce, 1000.25).xpos == pytest.approx(0.25)
    assert show(bounce, 1001.25).xpos == pytest.approx(0.75)
    twice = "xalign 0.0\nlinear 1.0 xalign 1.0\nrepeat 2\nxalign 0.5"
    assert show(twice, 1.5).xpos == pytest.approx(0.5)  # the second pass, halfway
    assert show(twice, 1.0).xpos == pytest.approx(0.0)  # the second pass starts again
    assert show(twice, 2.5).xpos == 0.5  # done, then the statement after
    s = staged(f"label start:\n    show a:\n{_indent(bounce)}\n    \"x\"\n")
    sprite = s.stage["sprites"][0]
    assert evaluate(sprite, s.transforms, 50.0)[1] is False
    assert duration(sprite, s.transforms) is None


def _indent(text: str, n: int = 8) -> str:
    return "\n".join(" " * n + line for line in text.splitlines())


def test_block_and_parallel() -> None:
    atl = """
        parallel:
            xalign 0.0
            linear 2.0 xalign 1.0
        parallel:
            alpha 1.0
            linear 1.0 alpha 0.0
            linear 1.0 alpha 1.0
        block:
            zoom 2.0
    """
    p = show(atl, 1.0)
    assert (p.xpos, p.alpha, p.zoom) == pytest.approx((0.5, 0.0, 1.0))
    p = show(atl, 2.5)
    assert (p.xpos, p.alpha, p.zoom) == pytest.approx((1.0, 1.0, 2.0))


def test_choice_is_the_same_every_time_and_follows_weights() -> None:
    atl = "choice:\n    xalign 0.0\nchoice:\n    xalign 1.0"
    first = show(atl, 0.0).xpos
    assert all(show(atl, 0.0).xpos == first for _ in range(3))
    picks = set()
    for n in range(40):  # different show statements, different seeds
        s = staged(f"label start:\n    show a{n}:\n{_indent(atl)}\n    \"x\"\n")
        picks.add(evaluate(s.stage["sprites"][0], s.transforms, 0.0)[0].xpos)
    assert picks == {0.0, 1.0}
    never = "choice 1.0:\n    xalign 0.0\nchoice 0.0:\n    xalign 1.0"
    assert show(never, 0.0).xpos == 0.0


def test_on_show_replace_and_hide_handlers() -> None:
    script = """
        label start:
            show a:
                alpha 0.0
                on show:
                    linear 1.0 alpha 1.0
                on replace:
                    alpha 0.5
                on hide:
                    linear 1.0 zoom 0.0
            "x"
    """
    s = staged(script)
    sprite = s.stage["sprites"][0]
    assert evaluate(sprite, s.transforms, 0.5)[0].alpha == pytest.approx(0.5)
    assert evaluate(sprite, s.transforms, 1.0) == (DEFAULT.but(alpha=1.0), True)
    assert evaluate(sprite, s.transforms, 0.0, "replace") == (DEFAULT.but(alpha=0.5), True)
    start = DEFAULT.but(alpha=0.75)
    assert evaluate(sprite, s.transforms, 0.5, "hide", start) == (start.but(zoom=0.5), False)
    assert evaluate(sprite, s.transforms, 1.0, "hide", start)[1] is True
    assert duration(sprite, s.transforms) == pytest.approx(1.0)
    plain = staged("label start:\n    show a at left\n    \"x\"\n").stage["sprites"][0]
    assert evaluate(plain, {}, 0.0, "hide", start) == (start, True)


# --- transforms -----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "x", "xa", "y", "ya"), [
    ("left", 0.0, 0.0, 1.0, 1.0), ("right", 1.0, 1.0, 1.0, 1.0),
    ("center", 0.5, 0.5, 1.0, 1.0), ("truecenter", 0.5, 0.5, 0.5, 0.5),
    ("topleft", 0.0, 0.0, 0.0, 0.0), ("top", 0.5, 0.5, 0.0, 0.0),
    ("topright", 1.0, 1.0, 0.0, 0.0), ("offscreenleft", 0.0, 1.0, 1.0, 1.0),
    ("offscreenright", 1.0, 0.0, 1.0, 1.0), ("default", 0.5, 0.5, 1.0, 1.0),
    ("reset", 0.0, 0.0, 0.0, 0.0),
])
def test_built_in_positions(name: str, x: float, xa: float, y: float, ya: float) -> None:
    assert name in BUILTIN_TRANSFORMS
    p = at(f"label start:\n    show a at {name}\n    \"x\"\n", 0.0)
    assert (p.xpos, p.xanchor, p.ypos, p.yanchor) == (x, xa, y, ya)


def test_transform_parameters_defaults_and_keywords() -> None:
    script = """
        define slow = 4.0
        transform slide(to=1.0, d=slow):
            xalign 0.0
            linear d xalign to
        label start:
            show a at slide
            show b at slide(0.5)
            show c at slide(d=1.0)
            "x"
    """
    assert at(script, 2.0, "a").xpos == pytest.approx(0.5)
    assert at(script, 2.0, "b").xpos == pytest.approx(0.25)
    assert at(script, 0.5, "c").xpos == pytest.approx(0.5)


def test_two_transforms_compose_left_to_right() -> None:
    script = """
        transform slide:
            linear 2.0 xalign 1.0
        transform faded:
            alpha 0.5
        label start:
            show a at left, slide, faded
            show b at slide, left
            "x"
    """
    a = at(script, 1.0, "a")
    assert (a.xpos, a.alpha, a.ypos) == pytest.approx((0.5, 0.5, 1.0))  # slides from left
    assert at(script, 1.0, "b").xpos == 0.0  # the later one wins


def test_an_included_transform_and_inline_atl_after_the_at_list() -> None:
    script = """
        transform up:
            yalign 0.0
        label start:
            show a at right:
                up
                linear 1.0 xalign 0.0
            "x"
    """
    p = at(script, 0.5)
    assert (p.xpos, p.ypos) == pytest.approx((0.5, 0.0))


def test_transform_call_with_properties() -> None:
    p = at("label start:\n    show a at Transform(xalign=0.25, zoom=2.0)\n    \"x\"\n", 0)
    assert (p.xpos, p.zoom) == (0.25, 2.0)


def test_final_gives_the_end_of_a_finite_animation_and_the_start_of_a_loop() -> None:
    s = staged("""
        label start:
            show a:
                xalign 0.0
                linear 2.0 xalign 1.0
            show b:
                xalign 0.0
                linear 2.0 xalign 1.0
                repeat
            "x"
    """)
    a, b = s.stage["sprites"]
    assert final(a, s.transforms).xpos == 1.0
    assert final(b, s.transforms).xpos == 0.0


def test_stage_marks_place_the_bottom_centre() -> None:
    s = staged("label start:\n    show a at hero\n    \"x\"\n")
    sprite = s.stage["sprites"][0]
    p, done = evaluate(sprite, s.transforms, 0.0, marks={"hero": (200.4, 600.0)})
    assert (p.xpos, p.ypos, p.xanchor, p.yanchor, done) == (200, 600, 0.5, 1.0, True)
    assert evaluate(sprite, s.transforms, 0.0)[0] == DEFAULT  # unknown: left as it is
