"""The scene image's own transforms in the Ren'Py-syntax game (game/scenes/scenery.rpy):
`scene bg field at bg` with the game's own transform, a pan in an ATL block after
`scene` with sprites over it, and `at truecenter`, played by play-text and drawn through
the real loop, where each is compared with the plain scene's picture; and a background
chosen by a variable, `image bg street = ConditionSwitch(…)`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame

from engine.lint import lint
from tests.conftest import ROOT

GAME = Path(__file__).resolve().parent / "game"
LINES = ["The field, as it is.", "The field, half as large again about its middle.",
         "The camera drifts across the field behind them.",
         "The field at the middle of the screen: as it is.", "The street by day.",
         "The same street at night."]


def test_play_text_plays_the_scenery_tour() -> None:
    done = subprocess.run([sys.executable, "-m", "engine", "play-text", "--game", str(GAME),
                           "--warp", "scenery_tour"], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == LINES


def test_strict_lint_has_nothing_to_say_of_scene_transforms() -> None:
    assert [p.format() for p in lint(GAME, strict=True)
            if p.loc.file.endswith("scenery.rpy")] == []


def test_the_scene_statements_keep_their_transforms() -> None:
    from engine.atl import evaluate
    from engine.script import Say, Story, load_game

    story = Story(load_game(GAME))
    story.start(label="scenery_tour")
    seen = []
    while len(seen) < len(LINES):
        if isinstance(story.next(), Say):
            seen.append(story.stage.get("scene_at"))
    assert seen[0] is None and [t["name"] for t in seen[1]["transforms"]] == ["bg"]
    p, done = evaluate(seen[1], story.transforms, 0.0)
    assert done and (p.zoom, p.xpos, p.yanchor) == (1.5, 0.5, 0.5)
    assert seen[2]["atl"] and evaluate(seen[2], story.transforms, 1.0)[1] is False


def test_the_street_is_chosen_by_the_time_of_day_at_each_line() -> None:
    from engine.script import Say, Story, load_game

    story = Story(load_game(GAME))
    story.start(label="scenery_tour")
    seen = []
    while not story.ended:
        if isinstance(story.next(), Say):
            seen.append((story.stage["scene"], story.stage.get("scene_conds")))
    field = (["bg", "field"], None)
    assert seen == [field] * 4 + [(["bg", "street"], [1]), (["bg", "street"], [0])]


def _like(shot: pygame.Surface, plain: pygame.Surface, where: object) -> float:
    """The share of sample points above the dialogue box where `shot` shows the plain
    picture's point `where(x, y)` (a colour within a small smoothing difference)."""
    points = [(x, y) for x in range(40, 1240, 60) for y in range(40, 440, 50)]
    good = 0
    for x, y in points:
        px, py = where(x, y)
        a, b = shot.get_at((x, y)), plain.get_at((round(px), round(py)))
        good += all(abs(a[i] - b[i]) <= 12 for i in range(3))
    return good / len(points)


def test_the_tour_draws_each_scene_by_its_transform(tmp_path: Path) -> None:
    from tests.player.helpers import play

    names = ("plain", "zoomed", "pan_start", "pan_end", "centred", "day", "night")
    shots = {n: tmp_path / f"{n}.png" for n in names}
    r = play(tmp_path, f"""
        expect-text as it is.
        shot {shots['plain']}
        advance
        expect-text half as large
        wait 1.0
        shot {shots['zoomed']}
        advance
        expect-text The camera drifts
        shot {shots['pan_start']}
        wait 3.5
        shot {shots['pan_end']}
        advance
        expect-text middle of the screen
        shot {shots['centred']}
        advance
        expect-text The street by day.
        wait 1.0
        shot {shots['day']}
        advance
        expect-text The same street at night.
        shot {shots['night']}
        advance-to ending
        """, game=GAME, warp="scenery_tour", extra=["--size", "1280x720"])
    assert r.returncode == 0, r.stderr
    got = {n: pygame.image.load(str(p)) for n, p in shots.items()}
    plain = got["plain"]
    # `at bg`: half as large again about the middle
    assert _like(got["zoomed"], plain, lambda x, y: (640 + (x - 640) / 1.5,
                                                     360 + (y - 360) / 1.5)) > 0.9
    # the pan ends with the zoomed picture's right edge at the screen's, standing on its
    # bottom (a sprite's defaults), and it moved to get there
    assert _like(got["pan_end"], plain, lambda x, y: (1280 + (x - 1280) / 1.3,
                                                      720 + (y - 720) / 1.3)) > 0.9
    assert _like(got["pan_start"], got["pan_end"], lambda x, y: (x, y)) < 0.5
    # at truecenter a picture the size of the screen stands where it always does
    assert _like(got["centred"], plain, lambda x, y: (x, y)) == 1.0
    # the street's own pictures, day then night at the line after the `$`: its sky, and
    # the lit window in its middle
    day, night = got["day"], got["night"]
    assert day.get_at((100, 100))[:3] == (210, 190, 120)
    assert night.get_at((100, 100))[:3] == (25, 35, 80)
    assert night.get_at((640, 290))[:3] == (255, 230, 150)
