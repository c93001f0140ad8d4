"""The score in the story: which music and ambience play where, on every route."""

from __future__ import annotations

import pytest

from engine.script import End, Menu, Say, StageChange, Story, load_game
from tests.conftest import ROOT


def walk(choices: list[int]) -> list[tuple[list[str] | None, dict, object]]:
    """(scene, music file, ambient file) at each change of the stage and each line said,
    then at the end."""
    story = Story(load_game(ROOT))
    story.start("start")
    pending = list(choices)
    seen: list = []

    def playing(channel: str) -> str | None:
        value = story.stage.get(channel)
        return value["files"][0] if value else None

    for _ in range(5000):
        event = story.next()
        if isinstance(event, StageChange | Say):
            seen.append((story.stage["scene"], playing("music"), playing("ambient")))
        elif isinstance(event, Menu):
            story.choose(pending.pop(0))
        elif isinstance(event, End):
            seen.append(("END", playing("music"), playing("ambient")))
            return seen
    raise AssertionError("the story did not end")


def start(seen: list, scene: list[str]) -> int:
    return next(i for i, s in enumerate(seen) if s[0] == scene)


def at(seen: list, scene: list[str]) -> tuple:
    """What plays by the end of the first stretch of the story on `scene`."""
    i = start(seen, scene)
    while i + 1 < len(seen) and seen[i + 1][0] == scene:
        i += 1
    return seen[i]


@pytest.mark.parametrize(("choices", "ending_music", "ending_ambient"), [
    ([0, 0, 0], "music/ending_together.ogg", None),
    ([0, 0, 1], "music/ending_alone.ogg", "hospital.ogg"),  # the monitor beeps on
    ([0, 1], "music/ending_thank_you.ogg", None),
    ([1], "music/ending_go_home.ogg", "night_road.ogg"),
])
def test_each_route_plays_its_cues(choices: list[int], ending_music: str,
                                   ending_ambient: str | None) -> None:
    seen = walk(choices)
    assert at(seen, ["bg", "night_road"])[1:] == ("music/night_road.ogg", "night_road.ogg")
    assert seen[-1] == ("END", ending_music, ending_ambient)
    if choices[0] == 0:
        assert at(seen, ["cg", "confession"])[1:] == ("music/confession.ogg",
                                                      "night_road.ogg")
    if choices[:2] == [0, 0]:
        assert at(seen, ["cg", "walking_away"])[1] == "music/leaving.ogg"
        assert at(seen, ["cg", "hospital_bed", "tears"])[1:] == ("music/hospital.ogg",
                                                                 "hospital.ogg")
    if choices == [0, 1]:
        assert at(seen, ["cg", "bench_dawn"])[1:] == ("music/dawn.ogg", None)


def test_the_monitor_beep_is_out_from_under_the_kiss() -> None:
    seen = walk([0, 0, 0])
    before = seen[start(seen, ["cg", "kiss", "hands"]) - 1]
    assert before[2] == "hospital.ogg"
    assert at(seen, ["cg", "kiss", "hands"])[1:] == ("music/hospital.ogg", None)
    assert at(seen, ["cg", "kiss"])[2] is None


def test_the_title_has_its_music() -> None:
    story = Story(load_game(ROOT))
    assert story.constants["config.main_menu_music"] == "music/title.ogg"
