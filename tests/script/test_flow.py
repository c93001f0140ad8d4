"""Ren'Py's control flow, as its scripts write it: nested and local labels, labels without
a block, parameters and call arguments, `return` with a value, `jump`/`call expression`,
`init:` blocks, menu arguments and `set` menus; each statement, its errors, and the state it
holds through a save and a restore."""

from __future__ import annotations

import json

import pytest

from engine.script import End, Menu, Say, ScriptError, Story
from tests.script.helpers import program, story, transcript


def restored(s: Story) -> Story:
    """A new story from `s`'s snapshot through JSON, as a save and a load make it."""
    again = Story(s.program)
    again.restore(json.loads(json.dumps(s.snapshot())))
    return again


def error_of(text: str) -> str:
    with pytest.raises(ScriptError) as info:
        transcript(story(text))
    return info.value.format()


# --- labels ---------------------------------------------------------------------------

def test_a_label_nested_in_a_block_runs_in_place_and_can_be_jumped_to() -> None:
    s = story('''
        label start:
            "one"
            label inner:
                "two"
            "three"
            if True:
                label deeper:
                    "four"
            jump done
        label done:
            "five"
    ''')
    assert transcript(s) == ["one", "two", "three", "four", "five", "END None"]
    assert {"inner", "deeper"} <= set(s.program.labels)


def test_a_label_without_a_block_falls_through_to_the_next_line() -> None:
    s = story('''
        label start:
            jump later
            "skipped"
            label later:
            "after the empty label"
            label bare
            "after the label without a colon"
    ''')
    assert transcript(s) == ["after the empty label", "after the label without a colon",
                             "END None"]


def test_local_labels_belong_to_the_global_label_before_them() -> None:
    s = story('''
        label start:
            jump .middle
            "skipped"
        label .middle:
            "start.middle"
            jump other.end
        label other:
            "not run"
        label .end:
            "other.end"
            jump start.finish
        label start.finish:
            "finished"
    ''')
    assert transcript(s) == ["start.middle", "other.end", "finished", "END None"]
    assert {"start.middle", "other.end", "start.finish"} <= set(s.program.labels)


def test_a_local_label_before_any_global_label_is_an_error() -> None:
    with pytest.raises(ScriptError) as info:
        program('''
            label .lost:
                "x"
        ''')
    assert info.value.message == "local label '.lost' has no global label before it in " \
        "this file"


# --- parameters and return values -------------------------------------------------------

def test_call_arguments_bind_parameters_and_return_sets_underscore_return() -> None:
    s = story('''
        label start:
            call greet("Ann", mood="glad")
            "got [_return]"
            call greet("Bo")
            "got [_return]"
            call plain
            "then [_return]"
            return
        label greet(who, mood="calm"):
            "[who] is [mood]"
            return who + "!"
        label plain:
            return
    ''')
    assert transcript(s)[:4] == ["Ann is glad", "got Ann!", "Bo is calm", "got Bo!"]
    assert s.variables["_return"] is None  # a plain return clears it, as in Ren'Py


def test_parameters_are_put_back_on_return_as_renpys_dynamic_variables() -> None:
    text = '''
        label start:
            $ n = "outer"
            call count(2)
            "n is [n] again, got [_return]"
            return
        label count(n):
            "in [n]"
            if n > 0:
                call count(n - 1)
            "back in [n]"
            return n
    '''
    assert transcript(story(text)) == ["in 2", "in 1", "in 0", "back in 0", "back in 1",
                                       "back in 2", "n is outer again, got 2", "END None"]
    s = story(text)
    for _ in range(3):
        s.next()  # "in 0", three calls deep
    again = restored(s)
    assert [f.saved for f in again.state.stack] == [{"n": ["outer"]}, {"n": [2]}, {"n": [1]}]
    assert transcript(again)[1:] == ["back in 0", "back in 1", "back in 2",
                                     "n is outer again, got 2", "END None"]


def test_a_parameter_that_was_not_set_before_the_call_is_unset_after_it() -> None:
    s = story('''
        label start:
            call pick(3)
            "picked [_return]"
            return
        label pick(k):
            return k * 2
    ''')
    assert transcript(s) == ["picked 6", "END None"]
    assert "k" not in s.variables


@pytest.mark.parametrize(("call", "message"), [
    ('call greet', "4:1: error: label 'greet' needs a value for 'who': call it with "
     "arguments"),
    ('call greet(1, 2, 3)', "3:5: error: greet() takes 2 arguments, not 3"),
    ('call greet(whom=1)', "3:5: error: greet() has no parameter 'whom'"),
    ('call plain(1)', "3:5: error: label 'plain' takes no arguments"),
])
def test_wrong_call_arguments_are_named_errors(call: str, message: str) -> None:
    text = f'''
        label start:
            {call}
        label greet(who, mood="calm"):
            return
        label plain:
            return
    '''
    assert f"scenes/test.scene:{message}" in error_of(text)


def test_a_failed_call_leaves_the_variables_as_they_were() -> None:
    s = story('''
        default who = "before"
        label start:
            call greet("x", 1, 2)
        label greet(who, mood="calm"):
            return
    ''')
    with pytest.raises(ScriptError):
        s.next()
    assert s.variables["who"] == "before"


# --- jump and call expression -------------------------------------------------------------

def test_jump_and_call_expression_go_to_the_label_a_string_names() -> None:
    s = story('''
        default where = "second"
        label start:
            call expression "first" pass ("called")
            jump expression where
        label first(how):
            "first, [how]"
            return
        label second:
            jump expression ".local"
        label .local:
            "second.local"
    ''')
    assert transcript(s) == ["first, called", "second.local", "END None"]


def test_jump_expression_to_a_missing_label_or_a_number_is_an_error() -> None:
    assert "error: no label named 'nowhere'" in error_of('''
        default where = "nowhere"
        label start:
            jump expression where
    ''')
    assert "error: a label's name must be text, not 3" in error_of('''
        label start:
            jump expression 3
    ''')


# --- init blocks ---------------------------------------------------------------------------

def test_init_blocks_hold_definitions_and_starting_values() -> None:
    s = story('''
        init offset = -1
        init:
            define e = Character("Eileen")
            $ score = 2
        init -5:
            default seen = False
        label start:
            $ score += 1
            e "[score] [seen]"
    ''')
    assert transcript(s) == ["Eileen: 3 False", "END None"]


def test_a_label_inside_an_init_block_is_an_error() -> None:
    with pytest.raises(ScriptError) as info:
        program('''
            init:
                label start:
                    "x"
        ''')
    assert info.value.message == "a label cannot be inside an 'init:' block"


# --- menus ---------------------------------------------------------------------------------

def test_menu_and_option_arguments_are_read_and_left_aside() -> None:
    s = story('''
        label start:
            menu chooser (screen="choice"):
                "Tea" (kind="warm"):
                    "tea"
                "Coffee" (kind="hot") if True:
                    "coffee"
    ''')
    assert transcript(s, [1]) == ["[Tea | Coffee]", "coffee", "END None"]


def test_a_set_menu_leaves_out_what_was_chosen_and_ends_when_all_were() -> None:
    s = story('''
        default chosen = []
        label start:
            menu ask:
                set chosen
                "Tea":
                    "tea"
                    jump ask
                "Coffee":
                    "coffee"
                    jump ask
            "done"
    ''')
    assert transcript(s) == ["[Tea | Coffee]", "tea", "[Coffee]", "coffee", "done",
                             "END None"]
    assert s.variables["chosen"] == ["Tea", "Coffee"]


def test_a_set_menus_choices_survive_save_and_restore() -> None:
    s = story('''
        default chosen = []
        label start:
            menu ask:
                set chosen
                "Tea":
                    "tea"
                "Coffee":
                    "coffee"
            jump ask
    ''')
    assert isinstance(s.next(), Menu)
    s.choose(0)
    assert s.next().text == "tea"
    again = restored(s)
    assert again.next().text == "tea"  # the line on screen shows again
    menu = again.next()
    assert isinstance(menu, Menu) and [c.text for c in menu.choices] == ["Coffee"]


def test_a_set_that_is_not_a_list_is_an_error() -> None:
    assert "error: a menu's set must be a list, not 3" in error_of('''
        default chosen = 3
        label start:
            menu:
                set chosen
                "Tea":
                    "tea"
    ''')


# --- text and calls ---------------------------------------------------------------------

def test_escaped_brackets_and_braces_are_literal_text() -> None:
    s = story(r'''
        label start:
            "Cast \[Fireball\] now, {{b} and \{i}."
    ''')
    assert s.next().text == "Cast [Fireball] now, {{b} and {{i}."  # {{: a literal {
    assert transcript(story(r'''
        label start:
            "Cast \[Fireball\] now."
    ''')) == ["Cast [Fireball] now.", "END None"]


def test_dissolve_takes_alpha_as_renpy_does() -> None:
    s = story('''
        label start:
            with Dissolve(1.0, alpha=True)
            "after"
    ''')
    assert transcript(s) == ["after", "END None"]


def test_end_event_after_everything() -> None:
    s = story('''
        label start:
            return 5
    ''')
    assert isinstance(s.next(), End)
    assert s.variables["_return"] == 5


# --- rollback and saves ------------------------------------------------------------------

FLOW_GAME = '''
default chosen = []
label start:
    call pick(2)
    "got [_return]"
    menu ask:
        set chosen
        "Tea":
            "tea"
            jump ask
        "Coffee":
            "coffee"
            jump ask
    "done"
    return
label pick(n):
    return n * 10
'''


def _shown(play: object) -> object:
    while True:
        event = play.next()  # type: ignore[attr-defined]
        if isinstance(event, (Say, Menu, End)):
            return event


def test_rollback_undoes_a_set_menus_choice_and_a_return_value() -> None:
    from engine.playthrough import Playthrough
    from tests.tools.test_playthrough import Memory

    s = Story(program(FLOW_GAME))
    s.start()
    play = Playthrough(s, Memory())
    assert _shown(play).text == "got 20"
    assert isinstance(_shown(play), Menu)
    play.choose(0)
    assert _shown(play).text == "tea"
    assert s.variables["chosen"] == ["Tea"]
    play.roll(back=True)  # back to the menu: the choice is not made yet
    assert s.variables["chosen"] == [] and s.variables["_return"] == 20
    menu = _shown(play)
    assert isinstance(menu, Menu) and [c.text for c in menu.choices] == ["Tea", "Coffee"]


def test_a_save_file_keeps_the_return_value_and_the_set() -> None:
    from engine import saves
    from engine.playthrough import Playthrough
    from tests.tools.test_playthrough import Memory

    s = Story(program(FLOW_GAME))
    s.start()
    play = Playthrough(s, Memory())
    _shown(play)
    _shown(play)
    play.choose(1)
    assert _shown(play).text == "coffee"
    data = saves.decode(saves.encode(play.save_data(b"\xff\xd8\xffthumb"), "Test"))
    loaded = Playthrough.from_save(s.program, Memory(), data).play
    assert loaded.story.variables["_return"] == 20
    assert loaded.story.variables["chosen"] == ["Coffee"]
    assert _shown(loaded).text == "coffee"
    menu = _shown(loaded)
    assert isinstance(menu, Menu) and [c.text for c in menu.choices] == ["Tea"]


def test_a_damaged_saved_parameter_in_a_save_is_refused() -> None:
    s = story('''
        label start:
            call pick(3)
            return
        label pick(k):
            "in pick"
            return
    ''')
    s.next()
    data = json.loads(json.dumps(s.snapshot()))
    data["stack"][0]["saved"] = {"k": [1, 2]}
    with pytest.raises(ValueError, match="saved parameters are damaged"):
        Story(s.program).restore(data)


def test_a_statement_that_would_run_inside_an_init_block_is_an_error() -> None:
    with pytest.raises(ScriptError) as info:
        program('''
            init:
                define e = Character("Eileen")
                if persistent.seen:
                    $ seen_before = True
        ''')
    assert info.value.format() == (
        "scenes/test.scene:4:5: error: only define, default, image, transform and "
        "'$ name = value' can be in an 'init:' block\n"
        "        if persistent.seen:\n        ^\n"
        "    hint: move it to the start of the 'start' label")


def test_persistent_defaults_in_init_blocks_and_default_statements() -> None:
    s = story('''
        init:
            if persistent.unlocked is None:
                $ persistent.unlocked = False
        default persistent.seen = 3
        label start:
            "[persistent.unlocked] [persistent.seen]"
            $ persistent.seen = 5
            "[persistent.seen]"
    ''')
    assert transcript(s) == ["False 3", "5", "END None"]
    kept = Story(s.program, persistent={"unlocked": True, "seen": 9})
    kept.start()
    assert transcript(kept)[0] == "True 9"  # the player's data wins over the default
