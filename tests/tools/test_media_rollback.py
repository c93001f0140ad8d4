"""Rollback over what the Ren'Py media statements keep in the story state (issue 17):
a `show text` sprite and a line's temporary attributes come back as they were."""

from __future__ import annotations

from typing import Any

from engine.playthrough import Playthrough
from engine.script import End, Menu, Say, Story, compile_texts
from tests.tools.test_playthrough import Memory

SCENE = '''
define e = Character("Eileen", image="eileen")
label start:
    show eileen happy
    show text "Chapter one"
    e @ angry "Grr."
    hide text
    e "Calm."
    return
'''


def _shown(play: Playthrough) -> Any:
    while True:
        event = play.next()
        if isinstance(event, (Say, Menu, End)):
            return event


def test_rolling_back_brings_back_the_text_and_the_line_only_face() -> None:
    story = Story(compile_texts([("scenes/t.scene", SCENE)]))
    story.start("start")
    play = Playthrough(story, Memory())
    assert _shown(play).text == "Grr."
    play.line_shown()
    assert _shown(play).text == "Calm."
    sprites = {s["tag"]: s for s in story.stage["sprites"]}
    assert "text" not in sprites and sprites["eileen"]["attrs"] == ["happy"]
    assert play.roll(back=True) == []
    assert _shown(play).text == "Grr."
    sprites = {s["tag"]: s for s in story.stage["sprites"]}
    assert sprites["text"]["text"] == "Chapter one"
    assert sprites["eileen"]["attrs"] == ["angry"] and sprites["eileen"]["was"] == ["happy"]
    assert _shown(play).text == "Calm."
    assert {s["tag"]: s["attrs"] for s in story.stage["sprites"]} == {"eileen": ["happy"]}
