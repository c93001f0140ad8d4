"""Text staging in a playthrough, as data: an extended line in the history and through
rollback, an NVL page and the window's mode through rollback and a save's round trip."""

from __future__ import annotations

import json

from engine import saves
from engine.playthrough import Playthrough
from engine.savepack import inflate
from engine.script import Menu, Say, Story, compile_texts
from engine.script.text import strip_tags
from tests.tools.test_playthrough import Memory, next_shown

SCENE = '''
define e = Character("Eileen")
define n = Character("Nora", kind=nvl)
label start:
    e "Hello,"
    extend " world."
    "Between."
    window show
    n "Page one, line one."
    n "Page one, line two."
    nvl clear
    n "Page two."
    menu:
        n "Go on?"
        "Yes.":
            n "Yes."
    return
'''


def new() -> Playthrough:
    story = Story(compile_texts([("scenes/t.scene", SCENE)]))
    story.start("start")
    return Playthrough(story, Memory())


def texts(play: Playthrough) -> list[str]:
    return [h["text"] for h in play.history]


def test_history_keeps_an_extended_line_once_joined() -> None:
    play = new()
    assert next_shown(play).text == "Hello,"
    line = next_shown(play)
    assert strip_tags(line.text) == "Hello, world." and line.prior == "Hello,"
    assert texts(play) == ["Hello, world."]
    assert play.history[-1]["who"] == "Eileen"
    next_shown(play)
    assert texts(play) == ["Hello, world.", "Between."]


def test_rolling_back_over_an_extend() -> None:
    play = new()
    for _ in range(3):
        next_shown(play)
    play.roll(back=True)  # to the extended line: shown joined, once
    line = next_shown(play)
    assert strip_tags(line.text) == "Hello, world."
    assert texts(play) == ["Hello, world."]
    play.roll(back=True)  # to the line before the extend
    assert next_shown(play).text == "Hello,"
    assert texts(play) == ["Hello,"]
    play.roll(back=False)  # and forward again: the extend joins it
    assert strip_tags(next_shown(play).text) == "Hello, world."
    assert texts(play) == ["Hello, world."]


def test_rollback_re_shows_the_nvl_page_and_the_window_as_they_were() -> None:
    play = new()
    for _ in range(5):
        next_shown(play)
    story = play.story
    assert [e["text"] for e in story.nvl_page()] == ["Page one, line one.",
                                                     "Page one, line two."]
    assert story.dialogue["window"] == "show"
    next_shown(play)
    assert [e["text"] for e in story.nvl_page()] == ["Page two."]
    play.roll(back=True)
    assert next_shown(play).text == "Page one, line two."
    assert [e["text"] for e in story.nvl_page()] == ["Page one, line one.",
                                                     "Page one, line two."]
    for _ in range(4):
        play.roll(back=True)
    assert next_shown(play).text == "Hello,"
    assert story.dialogue["window"] == "auto" and story.nvl_page() == []


def test_a_save_on_an_nvl_page_restores_the_page() -> None:
    play = new()
    for _ in range(5):
        next_shown(play)
    data = play.save_data(b"\xff\xd8\xffthumb")
    assert data.line_text == "Page one, line two."
    raw = saves.encode(data, "Test")
    assert inflate(json.loads(raw))["pages"]
    loaded = Playthrough.from_save(play.story.program, Memory(), saves.decode(raw))
    again = loaded.play
    line = next_shown(again)
    assert isinstance(line, Say) and line.kind == "nvl" and line.text == "Page one, line two."
    assert [e["text"] for e in again.story.nvl_page()] == ["Page one, line one.",
                                                           "Page one, line two."]
    assert again.story.dialogue["window"] == "show"
    # The rollback log came with it, pages unpacked: one step back is the first line.
    again.roll(back=True)
    assert next_shown(again).text == "Page one, line one."
    assert [e["text"] for e in again.story.nvl_page()] == ["Page one, line one."]
    menu = None
    while not isinstance(menu, Menu):
        menu = next_shown(again)
    assert menu.prompt is not None and menu.prompt.kind == "nvl"


def test_a_growing_page_is_saved_a_line_at_a_time() -> None:
    lines = "\n".join(f'    n "Line number {i}, long enough to count for something."'
                      for i in range(30))
    story = Story(compile_texts([("scenes/t.scene", 'define n = Character("N", kind=nvl)\n'
                                  f"label start:\n{lines}\n")]))
    story.start("start")
    play = Playthrough(story, Memory())
    for _ in range(30):
        next_shown(play)
    raw = saves.encode(play.save_data(b""), "Test")
    body = inflate(json.loads(raw))
    assert sum(len(p["add"]) for p in body["pages"]) == 29  # each entry written once
    back = saves.decode(raw)
    assert [len(e["state"]["dialogue"]["page"]) for e in back.rollback] == list(range(30))
