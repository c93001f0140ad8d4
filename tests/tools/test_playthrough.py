"""A playthrough without a window: the books the game screen keeps, tested as data."""

from __future__ import annotations

import json
from typing import Any

from engine import saves
from engine.playthrough import SKIP_DELAY, Playthrough, ending_name
from engine.script import End, Menu, Say, Story, compile_texts

SCENE = '''
label start:
    scene bg room
    "One."
    "Two."
    menu:
        "Left.":
            $ side = "left"
            "Went left."
        "Right.":
            $ side = "right"
            "Went right."
    scene bg hall
    "Three."
    $ ending = "Hall"
    return
'''


class Memory:
    """The player's data as plain dicts (the game uses persist.DataStore)."""

    def __init__(self, **settings: Any) -> None:
        self.settings = {"skip_unread": False, "auto_delay": 10.0, **settings}
        self.read: set[str] = set()
        self.endings: list[str] = []

    def is_read(self, fp: str) -> bool:
        return fp in self.read

    def mark_read(self, fp: str) -> None:
        self.read.add(fp)

    def record_ending(self, name: str) -> None:
        self.endings.append(name)


def new(memory: Memory | None = None) -> Playthrough:
    story = Story(compile_texts([("scenes/t.scene", SCENE)]))
    story.start("start")
    return Playthrough(story, memory or Memory())


def next_shown(play: Playthrough) -> Any:
    """The next event the player sees (a line, a menu or the end)."""
    while True:
        event = play.next()
        if isinstance(event, (Say, Menu, End)):
            return event


def test_lines_menus_history_and_the_auto_save_points() -> None:
    memory = Memory()
    play = new(memory)
    assert next_shown(play).text == "One."
    assert play.take_autosave() and not play.take_autosave()  # a scene's first line, once
    play.line_shown()
    assert next_shown(play).text == "Two."
    assert not play.take_autosave()
    menu = next_shown(play)
    assert isinstance(menu, Menu) and play.take_autosave()  # every menu
    play.choose(1)
    assert next_shown(play).text == "Went right."
    assert next_shown(play).text == "Three."
    assert play.take_autosave()  # the hall scene's first line
    end = next_shown(play)
    assert ending_name(end) == "Hall" and memory.endings == ["Hall"]
    assert [h["text"] for h in play.history] == ["One.", "Two.", "Went right.", "Three."]
    assert len(play.rollback.past) == 5  # four lines and the menu
    assert play.say is None and play.ending is end


def test_rollback_drops_the_history_after_it_and_replays_the_line() -> None:
    play = new()
    for _ in range(2):
        next_shown(play)
    assert play.roll(back=True) == []
    assert play.replaying and play.history == []  # the lines from "One." on are gone
    assert next_shown(play).text == "One."  # shown again: in the history, not in the log
    assert [h["text"] for h in play.history] == ["One."]
    assert len(play.rollback.past) == 1 and len(play.rollback.future) == 1


def test_skip_stops_at_unread_lines_and_menus() -> None:
    memory = Memory()
    play = new(memory)
    one = next_shown(play)
    memory.read.add(one.fingerprint)
    play.line_read = True
    play.toggle_skip(line_done=True)
    assert play.move_at(10.0, 4) == 10.0 + SKIP_DELAY
    next_shown(play)  # "Two." was never read: skipping stops
    assert not play.skipping
    play.skip_held = True  # Ctrl held, on an unread line: skip waits
    assert play.move_at(10.0, 4) is None
    memory.settings["skip_unread"] = True
    assert play.move_at(10.0, 4) == 10.0 + SKIP_DELAY
    play.skip_held = False
    play.toggle_auto()
    assert play.move_at(10.0, 225) == 10.0 + 10.0  # auto_delay * (225 + 25) / 250
    play.stop_modes()
    assert play.move_at(10.0, 4) is None


def test_a_save_round_trips_and_plays_on_from_the_same_line() -> None:
    play = new()
    for _ in range(2):
        next_shown(play)
    data = play.save_data(b"\xff\xd8\xffthumb")
    assert (data.line_text, data.scene, data.label) == ("Two.", "room", "start")
    body = json.loads(saves.encode(data, "Test"))
    back = saves.decode(json.dumps(body).encode())
    program = play.story.program
    loaded = Playthrough.from_save(program, Memory(), back)
    assert loaded.replay and loaded.notices == []
    again = loaded.play
    assert next_shown(again).text == "Two."
    assert [h["text"] for h in again.history] == ["One.", "Two."]
    assert isinstance(next_shown(again), Menu)


def test_unsaved_counts_every_step_since_the_last_save() -> None:
    play = new()
    assert not play.unsaved()  # nothing shown yet
    next_shown(play)
    assert play.unsaved()
    play.mark_saved()  # the auto-save of the scene's first line
    assert not play.unsaved()
    next_shown(play)
    assert play.unsaved()
    play.mark_saved()
    assert play.roll(back=True) is not None
    assert play.unsaved()  # a step back is a step: the save holds the later line
    play.mark_saved()
    next_shown(play)  # "One." again, replayed from the rollback log
    next_shown(play)
    menu = next_shown(play)
    assert isinstance(menu, Menu)
    play.mark_saved()
    play.choose(0)
    assert play.unsaved()  # a choice made is progress
    after = new()
    after.adopt(play)  # the scenes reloaded: what was unsaved stays unsaved
    assert after.unsaved()
    while not isinstance(next_shown(play), End):
        pass
    assert not play.unsaved()  # the story has ended: nothing left to lose
