"""Every built-in transition draws at its start, middle and end: the end is the plain new
stage, the start the plain old one wherever Ren'Py's is, the middle neither; move-type
transitions move the sprites themselves (a hide with moveoutleft slides off, a move
glides), and a dissolve of one sprite's attributes cross-fades it in place."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from engine.present.picture import StageView, Viewport
from engine.present.richtext import Fonts
from engine.present.sprite_times import SpriteTimes
from engine.present.transitions import REGISTRY, Transition, duration_of

from .helpers import make_game, small_display

ROOT = Path(__file__).resolve().parents[2]
VP = Viewport((640, 360))  # half the canvas: scaling is exercised, pixels stay cheap

EILEEN_LEFT = {"tag": "eileen", "attrs": ["happy"], "at": "left"}
EILEEN_RIGHT = {"tag": "eileen", "attrs": ["happy"], "at": "right"}
LUCY = {"tag": "lucy", "attrs": [], "at": "center"}
# Whole-picture transitions: a new scene with new sprites.
SCENE_OLD = {"scene": ["bg", "park"], "sprites": [EILEEN_LEFT]}
SCENE_NEW = {"scene": ["bg", "room"], "sprites": [EILEEN_RIGHT, LUCY]}
# Move-type ones: the same scene, eileen moves, lucy enters (or leaves, reversed).
MOVE_OLD = {"scene": ["bg", "park"], "sprites": [EILEEN_LEFT]}
MOVE_NEW = {"scene": ["bg", "park"], "sprites": [EILEEN_RIGHT, LUCY]}

# Whose first frame is not the old picture, in Ren'Py too: the punches shake the new
# one, Pause shows the new one, a zoom starts from a dot at 1% and a move-type transition
# on a new scene shows the new background at once.
STARTS_NEW = {"vpunch", "hpunch", "pause", "zoomin", "zoominout"}


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> StageView:
    small_display()
    game = make_game(tmp_path_factory.mktemp("g"), "label start:\n    return\n")
    return StageView(game, Fonts([ROOT / "assets" / "fonts"]).get)


def frame(tr: Transition, t: float) -> pygame.Surface:
    target = pygame.Surface(VP.size)
    target.fill((255, 0, 255))
    tr.draw(target, (0, 0), tr.start + t)
    return target


def same(a: pygame.Surface, b: pygame.Surface) -> bool:
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def make(view: StageView, kind: str, old: dict, new: dict, **spec: float) -> Transition:
    times = SpriteTimes()
    times.sync(old, 0.0)
    old_times = times.copy()
    times.sync(new, 0.0)
    return Transition({"kind": kind, **spec}, old, new, view, VP, 0.0, old_times, times)


def stages(kind: str) -> tuple[dict, dict]:
    """A scene change for whole-picture kinds. For move-type ones, the same scene: a
    sprite that enters for the *in* kinds, one that leaves for the *out* ones (without a
    side, Ren'Py shows or hides those at once), one that only moves for move and ease."""
    if REGISTRY[kind][0].__name__ != "draw_move":
        return SCENE_OLD, SCENE_NEW
    if "out" in kind:
        return MOVE_NEW, MOVE_OLD
    if "in" in kind:
        return MOVE_OLD, MOVE_NEW
    return MOVE_OLD, {"scene": ["bg", "park"], "sprites": [EILEEN_RIGHT]}


@pytest.mark.parametrize("kind", sorted(REGISTRY))
def test_every_transition_starts_moves_and_ends_on_the_new_stage(view: StageView,
                                                                   kind: str) -> None:
    old, new = stages(kind)
    tr = make(view, kind, old, new)
    assert tr.kind == kind and tr.duration == pytest.approx(REGISTRY[kind][1])
    plain_old = view.compose(old, VP).copy()
    plain_new = view.compose(new, VP).copy()
    start, middle = frame(tr, 0.0), frame(tr, tr.duration * 0.3)
    end = frame(tr, tr.duration)
    assert same(end, plain_new), "the last frame is the new stage"
    if kind not in STARTS_NEW:
        assert same(start, plain_old), "the first frame is the old stage"
    if kind != "pause":
        assert not same(middle, plain_new) and not same(middle, plain_old)
    assert not any(middle.get_at((x, y))[:3] == (255, 0, 255)
                   for x in range(0, VP.size[0], 7) for y in range(0, VP.size[1], 7)), \
        "every pixel of the canvas is drawn"


def test_default_times_are_renpys_and_given_times_win() -> None:
    assert duration_of({"kind": "dissolve"}) == 0.5
    assert duration_of({"kind": "fade"}) == 1.0
    assert duration_of({"kind": "fade", "out": 1.0, "hold": 0.5, "in": 2.0}) == 3.5
    assert duration_of({"kind": "wipeleft"}) == 1.0
    assert duration_of({"kind": "moveinright"}) == 0.5
    assert duration_of({"kind": "vpunch"}) == pytest.approx(0.275)
    assert duration_of({"kind": "pixellate", "duration": 2.0}) == 2.0
    assert duration_of({"kind": "dissolve", "duration": "x"}) == 0.5


def test_an_unknown_kind_dissolves(view: StageView) -> None:
    tr = make(view, "spiral", SCENE_OLD, SCENE_NEW, duration=1.0)
    assert tr.kind == "dissolve" and tr.duration == 1.0


def columns(surf: pygame.Surface, back: pygame.Surface) -> tuple[int, int]:
    """The leftmost and rightmost columns where `surf` differs from `back` (above the
    feet, where only sprites are)."""
    w, h = surf.get_size()
    xs = [x for x in range(0, w, 2) for y in range(h // 3, h - 4, 6)
          if surf.get_at((x, y)) != back.get_at((x, y))]
    return (min(xs), max(xs)) if xs else (-1, -1)


def test_hide_with_moveoutleft_slides_the_sprite_off_to_the_left(view: StageView) -> None:
    shown = {"scene": ["bg", "park"], "sprites": [LUCY]}
    gone = {"scene": ["bg", "park"], "sprites": []}
    tr = make(view, "moveoutleft", shown, gone)
    empty = view.compose(gone, VP).copy()
    x0 = columns(frame(tr, 0.0), empty)
    x_mid = columns(frame(tr, 0.25), empty)
    x_late = columns(frame(tr, 0.45), empty)
    assert x0[0] > 200 and x_mid[0] < x0[0] and x_late[1] < x_mid[1]
    assert columns(frame(tr, 0.5), empty) == (-1, -1)  # gone at the end


def test_move_glides_a_sprite_between_its_places_and_ease_starts_slowly(view: StageView
                                                                        ) -> None:
    back = view.compose({"scene": ["bg", "park"], "sprites": []}, VP).copy()
    old = {"scene": ["bg", "park"], "sprites": [EILEEN_LEFT]}
    new = {"scene": ["bg", "park"], "sprites": [EILEEN_RIGHT]}
    left, right = columns(view.compose(old, VP), back), columns(view.compose(new, VP), back)
    moved = columns(frame(make(view, "move", old, new), 0.25), back)
    assert abs(moved[0] - (left[0] + right[0]) / 2) <= 4  # linear: half-way at half-time
    eased = columns(frame(make(view, "ease", old, new), 0.1), back)
    linear = columns(frame(make(view, "move", old, new), 0.1), back)
    assert left[0] < eased[0] < linear[0]


def test_moveinright_brings_a_new_sprite_in_from_the_right(view: StageView) -> None:
    back = view.compose(MOVE_OLD, VP).copy()
    only_lucy = {"scene": ["bg", "park"], "sprites": [EILEEN_LEFT, LUCY]}
    tr = make(view, "moveinright", MOVE_OLD, only_lucy)
    at_rest = columns(view.compose(only_lucy, VP), back)
    mid = columns(frame(tr, 0.25), back)
    assert at_rest[0] < mid[0] < VP.size[0]


def test_attribute_dissolve_cross_fades_the_sprite_in_place(view: StageView) -> None:
    sad = {"scene": ["bg", "park"], "sprites": [{"tag": "eileen", "attrs": ["sad"],
                                                 "at": "left"}]}
    happy = {"scene": ["bg", "park"], "sprites": [{"tag": "eileen", "attrs": ["happy"],
                                                   "at": "left"}]}
    a, b = view.compose(sad, VP).copy(), view.compose(happy, VP).copy()
    mid = frame(make(view, "dissolve", sad, happy), 0.25)
    w, h = VP.size
    for x in range(0, w, 5):
        for y in range(0, h, 5):
            pa, pb, pm = a.get_at((x, y)), b.get_at((x, y)), mid.get_at((x, y))
            for c in range(3):  # each pixel half-way between the two: one figure, in place
                assert abs(pm[c] - (pa[c] + pb[c]) / 2) <= 2, (x, y)


@pytest.mark.parametrize("case", ["enters", "leaves", "changes", "moves"])
def test_dissolve_on_one_background_is_the_blend_of_the_two_pictures(view: StageView,
                                                                     case: str) -> None:
    """The dissolve draws only what differs when the background stays: the frame must
    still be the old and the new picture blended, pixel for pixel."""
    lucy_right = {"tag": "lucy", "attrs": [], "at": "right"}
    sad = {"tag": "eileen", "attrs": ["sad"], "at": "left"}
    old, new = {
        "enters": ([EILEEN_LEFT], [EILEEN_LEFT, lucy_right]),
        "leaves": ([EILEEN_LEFT, lucy_right], [lucy_right]),
        "changes": ([EILEEN_LEFT, lucy_right], [sad, lucy_right]),
        "moves": ([EILEEN_LEFT, LUCY], [EILEEN_RIGHT, LUCY]),
    }[case]
    old_stage = {"scene": ["bg", "park"], "sprites": old}
    new_stage = {"scene": ["bg", "park"], "sprites": new}
    a = view.compose(old_stage, VP).copy()
    b = view.compose(new_stage, VP).copy()
    mid = frame(make(view, "dissolve", old_stage, new_stage), 0.15)  # 30%
    for x in range(0, VP.size[0], 4):
        for y in range(0, VP.size[1], 4):
            pa, pb, pm = a.get_at((x, y)), b.get_at((x, y)), mid.get_at((x, y))
            for c in range(3):
                assert abs(pm[c] - (pa[c] * 0.7 + pb[c] * 0.3)) <= 3, (x, y)
