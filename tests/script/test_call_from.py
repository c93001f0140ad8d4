"""`call LABEL from NAME`, as Ren'Py reads it: NAME labels the statement the call returns
to, so `jump NAME` goes there; the story stays in its label; two return points (or a
return point and a label) of one name are an error; the story's map leaves them out."""

from __future__ import annotations

import json

import pytest

from engine.graph import build_dot
from engine.lint import lint
from engine.script import Say, ScriptError, Story
from tests.script.helpers import program, story, transcript
from tests.tools.helpers import make_game

SCRIPT = '''
    label start:
        "Before."
        call helper from _call_helper
        "After the first call."
        call expression "helper" from _call_helper_2
        call greet("Ann") from .back
        if not done:
            $ done = True
            jump _call_helper
        "The end."
        return
    label helper:
        "Helping."
        return
    label greet(who):
        "Hello, [who]."
        return
    default done = False
'''


def test_call_from_returns_after_the_call_and_the_name_is_a_label_to_jump_to() -> None:
    assert transcript(story(SCRIPT)) == [
        "Before.", "Helping.", "After the first call.", "Helping.", "Hello, Ann.",
        # jump _call_helper: back to the statement after the first call
        "After the first call.", "Helping.", "Hello, Ann.", "The end.", "END None",
    ]


def test_a_return_point_is_a_label_of_the_statement_after_the_call() -> None:
    p = program(SCRIPT)
    for name in ("_call_helper", "_call_helper_2", "start.back"):
        index = p.labels[name]
        assert p.statements[index - 1].kind == "call"
        assert p.statements[index].args["returns"] is True
    # the story's own labels, for its map, its titles and its unreached-label warnings
    assert sorted(p.story_labels) == ["greet", "helper", "start"]


def test_the_story_stays_in_its_label_through_a_return_point_and_a_save() -> None:
    s = story(SCRIPT)
    while not (isinstance(e := s.next(), Say) and e.text == "Helping."):
        pass
    again = Story(s.program)
    again.restore(json.loads(json.dumps(s.snapshot())))
    assert again.next().text == "Helping."  # a restore shows its line again
    event = again.next()
    assert isinstance(event, Say) and event.text == "After the first call."
    assert again.state.label == "start"


def test_a_jump_from_another_label_to_a_return_point_is_in_that_points_label() -> None:
    s = story('''
        label start:
            jump elsewhere
            call helper from _call_helper
            "Back in start."
            return
        label helper:
            "Helping."
            return
        label elsewhere:
            "Elsewhere."
            jump _call_helper
    ''')
    assert s.next().text == "Elsewhere."
    assert s.state.label == "elsewhere"
    event = s.next()
    assert isinstance(event, Say) and event.text == "Back in start."
    assert s.state.label == "start"  # the label the return point is in, for saves


@pytest.mark.parametrize("text, message", [
    ('''
        label start:
            call a from back
            call a from back
            return
        label a:
            return
     ''', "label 'back' is defined twice (first at scenes/test.scene:3)"),
    ('''
        label start:
            call a from a
            return
        label a:
            return
     ''', "label 'a' is defined twice (first at scenes/test.scene:3)"),
    ('''
        label start:
            call a from
        label a:
            return
     ''', "expected a label name after 'from'"),
])
def test_a_duplicate_or_missing_return_point_name_is_an_error(text: str, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        program(text)
    assert message in info.value.format()


def test_lint_reports_a_duplicate_return_point_and_no_unreached_return_point(
        tmp_path) -> None:
    game = make_game(tmp_path, '''
        label start:
            call a from _call_a
            call a from _call_a
            return
        label a:
            return
        label never:
            call a from _call_a_never
            return
    ''')
    found = [f"{p.loc.line}: {p.message}" for p in lint(game)]
    assert "4: label '_call_a' is defined twice (first at scenes/main.scene:3)" in found
    assert "8: label 'never' is never reached from 'start'" in found
    assert not any("_call_a_never" in f for f in found)


def test_the_story_graph_draws_no_node_for_a_return_point() -> None:
    dot = build_dot(program(SCRIPT), "t")
    assert '"label:start"' in dot and '"label:helper"' in dot
    assert "_call_helper" not in dot and "start.back" not in dot
