"""The runtime's typed surface: the run status, events that carry the stage they lead to
(never changed afterwards), cheap snapshots, and the observer hooks."""

from __future__ import annotations

import copy

import pytest

from engine.script import Audio, End, Menu, Say, StageChange, Story
from engine.script.state import RunStatus, StoryState
from tests.script.helpers import brief, program, story

STAGEY = '''
define a = Character("A", image="a")
label start:
    scene bg road
    play music "one.ogg"
    show a neutral at left
    show b at right
    a happy "Hello."
    queue music "two.ogg"
    show a sad
    hide b
    stop music
    scene bg house with fade
    "Done."
'''


def test_the_status_follows_the_story() -> None:
    s = Story(program('label start:\n    "line"\n    menu:\n        "Go.":\n'
                      '            pause\n'))
    assert s.status is RunStatus.ENDED  # not started
    s.start()
    assert s.status is RunStatus.READY
    assert isinstance(s.next(), Say)
    assert s.status is RunStatus.WAITING
    assert isinstance(s.next(), Menu)
    assert s.status is RunStatus.WAITING_CHOICE
    with pytest.raises(RuntimeError):
        s.next()
    s.choose(0)
    assert s.status is RunStatus.READY
    s.next()  # the pause
    assert s.status is RunStatus.WAITING
    assert isinstance(s.next(), End)
    assert s.status is RunStatus.ENDED and s.ended


def test_stage_changes_carry_a_stage_nobody_changes_later() -> None:
    s = story(STAGEY)
    kept: list[tuple[dict, dict]] = []  # (the event's stage, a deep copy made at the time)
    music: list[dict | None] = []
    while not isinstance(event := s.next(), End):
        if isinstance(event, StageChange):
            assert event.stage is s.stage
            kept.append((event.stage, copy.deepcopy(event.stage)))
        elif isinstance(event, Audio):
            assert event.music is s.stage["music"]
            music.append(copy.deepcopy(event.music))
        elif isinstance(event, Say):
            kept.append((s.stage, copy.deepcopy(s.stage)))
    assert all(stage == at_the_time for stage, at_the_time in kept)
    assert [brief(k[1]["sprites"]) for k in kept[1:5]] == [
        [{"tag": "a", "attrs": ["neutral"], "at": "left"}],
        [{"tag": "a", "attrs": ["neutral"], "at": "left"}, {"tag": "b", "attrs": [],
                                                            "at": "right"}],
        [{"tag": "a", "attrs": ["happy"], "at": "left"}, {"tag": "b", "attrs": [],
                                                          "at": "right"}],  # the say
        [{"tag": "a", "attrs": ["sad"], "at": "left"}, {"tag": "b", "attrs": [],
                                                        "at": "right"}],
    ]
    assert music == [{"files": ["one.ogg"], "loop": True},
                     {"files": ["one.ogg", "two.ogg"], "loop": True}, None]


def test_a_snapshot_does_not_change_as_the_story_goes_on() -> None:
    s = story('default n = [1]\nlabel start:\n    show a x\n    "one"\n    $ n = n + [2]\n'
              '    $ m = 5\n    show a y\n    hide a\n    "two"\n')
    s.next()
    s.next()
    snap = s.snapshot()
    frozen = copy.deepcopy(snap)
    while not isinstance(s.next(), End):
        pass
    assert snap == frozen


def test_story_state_round_trips_through_its_json_form() -> None:
    s = story('default v = {"k": [1, None]}\nlabel start:\n    show a x at left\n'
              '    call sub\n    return\nlabel sub:\n    play music "m.ogg"\n    "in sub"\n')
    while not isinstance(s.next(), Say):
        pass
    data = s.snapshot()
    back = StoryState.from_json(data)
    assert back == s.state
    assert back.to_json() == data
    assert data["status"] == "waiting" and data["waiting"] is True and data["ended"] is False
    after_call = [st.kind for st in s.program.statements].index("call") + 1
    assert data["stack"] == [{"pc": after_call, "fp": s.program.statements[after_call].fp,
                              "label": "start"}]


def test_the_state_still_answers_the_keys_of_the_dict_it_was() -> None:
    s = story('default v = 1\nlabel start:\n    "x"\n')
    s.next()
    assert s.state.get("label") == s.state["label"] == "start"
    assert s.state["vars"] == {"v": 1} and s.state.get("nothing", 7) == 7
    s.state["stage"] = {"scene": ["bg", "x"], "sprites": [], "music": None}
    assert s.stage["scene"] == ["bg", "x"]


def test_observers_see_statements_labels_and_choices() -> None:
    s = Story(program('''
default open = False
label start:
    "one"
    call side
    menu:
        "Hidden." if open:
            pass
        "Shown.":
            jump later
label side:
    return
label later:
    "two"
'''))
    steps: list[int] = []
    labels: list[str] = []
    choices: list[tuple[int, int]] = []
    stop = s.observe(on_step=steps.append, on_label=labels.append,
                     on_choice=lambda menu, option: choices.append((menu, option)))
    s.start()
    s.next()
    menu = s.next()
    assert isinstance(menu, Menu) and [c.index for c in menu.choices] == [1]
    s.choose(0)
    assert isinstance(s.next(), Say)
    stmts = s.program.statements
    assert labels == ["start", "side", "later"]
    menu_index = next(i for i, st in enumerate(stmts) if st.kind == "menu")
    assert choices == [(menu_index, 1)]
    assert [stmts[i].kind for i in steps] == [
        "label", "say", "call", "label", "return", "menu", "jump", "label", "say"]
    stop()
    s.next()
    assert labels == ["start", "side", "later"] and len(steps) == 9


def test_the_snapshot_keeps_the_fields_the_screen_reads() -> None:
    s = story('label start:\n    "x"\n')
    s.next()
    snap = s.snapshot()
    assert {"version", "pc", "fp", "label", "waiting", "ended", "stack", "vars",
            "stage"} <= set(snap)
    assert snap["fp"] == s.current().fp
