"""next() is all or nothing: when a statement fails, the story is as it was before the call,
so the screen can take its snapshot after the error instead of before every step."""

from __future__ import annotations

import json
from typing import Any

import pytest

from engine.script import End, Menu, Say, ScriptError, Story
from engine.script.state import RunStatus
from tests.script.helpers import program

# Each failing statement reads `v`, which is not defined, in the same call of next() as
# statements that change a variable, a persistent value, the label and the call stack (the
# stage and music change with events of their own, so before the call). `good` is a value
# of `v` that lets it run, or None when nothing can.
CASES: list[tuple[str, Any]] = [
    ('a happy "Hi [v]."', "there"),
    ("scene bg other with v", None),
    ("show b y with v", None),
    ("hide a with v", None),
    ("with v", None),
    ("$ x = v + 1", 1),
    ("$ count += v", 2),
    ("$ persistent.p = v", 3),
    # (a bare undefined name is Ren'Py's audio name for a file: an expression fails)
    ("play music v + '.ogg' fadein 1.0", "b"),
    ("queue music v + '.ogg'", "b"),
    ("stop music fadeout v", 1.0),
    ("pause v", 0.5),
    ("if v:\n            pass", True),
    ("jump nowhere", None),
    ("call nowhere", None),
    ("menu:\n            a happy \"Pick.\"\n            \"Go.\" if v:\n                pass", True),
]

SCRIPT = '''
define a = Character("A", image="a")
default count = 0
label start:
    show a neutral at left
    play music "a.ogg"
    "before"
    call work
    "after"
    return
label work:
    $ count += 10
    $ persistent.p = "changed"
    {failing}
    return
'''


def _played_to_before(text: str) -> Story:
    story = Story(program(text), {"p": "old"})
    story.start()
    while not (isinstance(event := story.next(), Say) and event.text == "before"):
        pass
    return story


def _plain(state: dict) -> dict:
    return json.loads(json.dumps(state))


@pytest.mark.parametrize(("failing", "good"), CASES, ids=[c[0].split()[0] + str(i)
                                                           for i, c in enumerate(CASES)])
def test_a_failed_next_leaves_the_story_as_it_was(failing: str, good: Any) -> None:
    text = SCRIPT.format(failing=failing)
    story = _played_to_before(text)
    before = _plain(story.snapshot())
    stage_before = story.stage
    with pytest.raises(ScriptError) as first:
        story.next()
    assert _plain(story.snapshot()) == before
    assert story.stage is stage_before
    assert story.persistent == {"p": "old"}
    assert story.variables == {"count": 0}
    # Nothing was half done: the same call fails the same way again.
    with pytest.raises(ScriptError) as second:
        story.next()
    assert second.value.format() == first.value.format()
    assert _plain(story.snapshot()) == before
    if good is None:
        return
    # The state after the error resumes: with `v` given, the story runs to its end.
    resumed = Story(story.program, {"p": "old"})
    state = story.snapshot()
    assert resumed.restore(dict(state, vars={**state["vars"], "v": good})) == []
    assert resumed.next().text == "before"  # the line on screen when it failed
    said = []
    for _ in range(50):
        event = resumed.next()
        if isinstance(event, Menu):
            resumed.choose(0)
        elif isinstance(event, Say):
            said.append(event.text)
        elif isinstance(event, End):
            break
    assert said[-1] == "after"
    assert resumed.variables["count"] >= 10


def test_an_endless_loop_is_undone_too() -> None:
    story = Story(program('default n = 0\nlabel start:\n    "go"\n    while True:\n'
                          '        $ n += 1\n'))
    story.start()
    story.next()
    before = _plain(story.snapshot())
    with pytest.raises(ScriptError, match="endless loop"):
        story.next()
    assert _plain(story.snapshot()) == before
    assert story.variables["n"] == 0


def test_choose_with_a_failing_guard_changes_nothing() -> None:
    story = Story(program('default v = True\nlabel start:\n    menu:\n        "A." if v:\n'
                          '            pass\n        "B.":\n            pass\n'))
    story.start()
    assert isinstance(story.next(), Menu)
    before = _plain(story.snapshot())
    del story.variables["v"]  # as if a restored state lacked it
    with pytest.raises(ScriptError, match="'v' is not defined"):
        story.choose(0)
    assert story.status is RunStatus.WAITING_CHOICE
    assert _plain(story.snapshot()) == dict(before, vars={})
    story.variables["v"] = False
    story.choose(0)  # "B.", the only option shown now
    assert isinstance(story.next(), End)
