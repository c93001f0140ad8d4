"""Text staging in the story runtime: centred lines, extend, the window's mode and the NVL
page, and how each survives a snapshot (what rollback, saves and reloads restore)."""

from __future__ import annotations

import json

import pytest

from engine.script import End, Menu, Nvl, Say, ScriptError, Story, Window
from engine.script.dialogue import NVL_KEEP
from engine.script.text import strip_tags
from tests.script.helpers import story

CAST = '''
define e = Character("Eileen", color="#c8ffc8")
define n = Character("Nora", kind=nvl)
'''


def said(s: Story) -> Say:
    event = s.next()
    assert isinstance(event, Say), event
    return event


def test_centered_is_a_line_of_its_own_kind() -> None:
    s = story(CAST + 'label start:\n    centered "Chapter One"\n    "After."\n')
    line = said(s)
    assert (line.who, line.text, line.kind) == (None, "Chapter One", "centered")
    assert said(s).kind == "adv"


def test_extend_continues_the_last_line_by_the_same_speaker() -> None:
    s = story(CAST + '''
label start:
    e "Hello,"
    extend " world."
    extend " Again."
''')
    said(s)
    first = said(s)
    assert first.who == "Eileen" and first.color == "#c8ffc8" and first.tag == "eileen"
    assert first.text == "Hello,{fast} world." and first.prior == "Hello,"
    assert first.added == " world."
    second = said(s)
    assert strip_tags(second.text) == "Hello, world. Again." and second.added == " Again."
    assert s.dialogue["last"]["text"] == first.text  # moved past: the last line said


def test_extend_with_nothing_said_before_is_an_error() -> None:
    s = story('label start:\n    extend " world."\n')
    with pytest.raises(ScriptError) as info:
        s.next()
    assert info.value.format() == (
        "scenes/test.scene:2:5: error: 'extend' has no line to continue: nothing was said "
        "before it\n        extend \" world.\"\n        ^\n"
        "    hint: say the line first, then add to it: e \"Hello,\" then extend \" world.\"")


def test_restoring_an_extended_line_shows_it_once_not_doubled() -> None:
    s = story(CAST + 'label start:\n    e "Hello,"\n    extend " world."\n    "Next."\n')
    said(s)
    joined = said(s)
    snap = json.loads(json.dumps(s.snapshot()))
    assert said(s).text == "Next."
    s.restore(snap)
    again = said(s)
    assert again.text == joined.text and again.prior == "Hello,"
    assert said(s).text == "Next."


def test_window_statements_set_the_mode_in_the_state() -> None:
    s = story('''
label start:
    window show
    window hide dissolve
    window auto
    "Line."
''')
    first = s.next()
    assert isinstance(first, Window) and first.action == "show" and first.transition is None
    assert s.dialogue["window"] == "show"
    snap = s.snapshot()
    hide = s.next()
    assert isinstance(hide, Window) and hide.transition == {"kind": "dissolve",
                                                           "duration": 0.5}
    assert s.dialogue["window"] == "hide"
    s.restore(snap)
    assert s.dialogue["window"] == "show"
    assert s.next() == hide
    auto = s.next()
    assert isinstance(auto, Window) and s.dialogue["window"] == "auto"


def test_window_auto_hide_keeps_auto_and_hides_now() -> None:
    s = story('label start:\n    window auto hide\n    "x"\n')
    event = s.next()
    assert isinstance(event, Window) and event.action == "hide"
    assert s.dialogue["window"] == "auto"


def test_nvl_lines_gather_on_a_page_until_nvl_clear() -> None:
    s = story(CAST + '''
label start:
    n "One."
    nvl_narrator "Two."
    extend " More."
    nvl clear
    n "Three."
''')
    assert said(s).kind == "nvl"
    assert [e["text"] for e in s.nvl_page()] == ["One."]
    assert s.dialogue["page"] == []  # the line on screen joins the page as it is left
    said(s)
    assert [(e["who"], e["text"]) for e in s.nvl_page()] == [("Nora", "One."), (None, "Two.")]
    ext = said(s)
    assert ext.kind == "nvl" and ext.who is None
    assert [e["text"] for e in s.nvl_page()] == ["One.", "Two.{fast} More."]
    clear = s.next()
    assert isinstance(clear, Nvl) and clear.action == "clear" and s.nvl_page() == []
    said(s)
    assert [e["text"] for e in s.nvl_page()] == ["Three."]


def test_a_restored_nvl_page_is_the_page_as_it_was() -> None:
    s = story(CAST + 'label start:\n    n "One."\n    n "Two."\n    n "Three."\n')
    said(s)
    said(s)
    snap = json.loads(json.dumps(s.snapshot()))
    page = s.nvl_page()
    said(s)
    assert len(s.nvl_page()) == 3
    fresh = Story(s.program)
    fresh.restore(snap)
    assert said(fresh).text == "Two."
    assert fresh.nvl_page() == page


def test_the_page_keeps_its_last_entries() -> None:
    s = story(CAST + 'label start:\n    $ i = 0\n    while i < 50:\n        n "Line [i]."\n'
              '        $ i += 1\n')
    while not isinstance(s.next(), End):
        pass
    page = s.dialogue["page"]
    assert len(page) == NVL_KEEP and page[-1]["text"] == "Line 49."


def test_a_menu_after_nvl_lines_puts_its_nvl_prompt_on_the_page() -> None:
    s = story(CAST + '''
label start:
    n "One."
    menu:
        n "Which?"
        "This":
            n "Chosen."
''')
    said(s)
    menu = s.next()
    assert isinstance(menu, Menu) and menu.prompt is not None and menu.prompt.kind == "nvl"
    assert [e["text"] for e in s.nvl_page()] == ["One.", "Which?"]
    s.choose(0)
    said(s)
    assert [e["text"] for e in s.nvl_page()] == ["One.", "Which?", "Chosen."]


def test_narrator_can_be_an_nvl_character() -> None:
    s = story('define narrator = nvl_narrator\nlabel start:\n    "On the page."\n')
    line = said(s)
    assert line.kind == "nvl" and line.who is None


def test_character_kind_can_copy_another_character() -> None:
    s = story(CAST + 'define n2 = Character(kind=n, what_color="#ffeeee")\n'
              'label start:\n    n2 "Hi."\n')
    line = said(s)
    assert (line.who, line.kind, line.what_color) == ("Nora", "nvl", "#ffeeee")


def test_a_snapshot_without_text_staging_restores_with_the_defaults() -> None:
    s = story('label start:\n    "One."\n    "Two."\n')
    said(s)
    snap = s.snapshot()
    del snap["dialogue"]
    fresh = Story(s.program)
    fresh.restore(snap)
    assert fresh.dialogue == {"window": "auto", "page": [], "last": None}
    assert said(fresh).text == "One."


@pytest.mark.parametrize(("dialogue", "reason"), [
    ({"window": "sometimes", "page": [], "last": None}, "window's state is damaged"),
    ({"window": "auto", "page": [{"who": 3}], "last": None}, "NVL page is damaged"),
    ({"window": "auto", "page": [], "last": "x"}, "last line said is damaged"),
])
def test_damaged_text_staging_is_refused_with_a_reason(dialogue: dict, reason: str) -> None:
    s = story('label start:\n    "One."\n')
    said(s)
    snap = dict(s.snapshot(), dialogue=dialogue)
    with pytest.raises(ValueError, match=reason):
        Story(s.program).restore(snap)


def test_an_error_after_a_line_leaves_the_page_as_it_was() -> None:
    s = story(CAST + 'label start:\n    n "One."\n    jump nowhere\n')
    said(s)
    with pytest.raises(ScriptError):
        s.next()
    assert s.dialogue["page"] == [] and [e["text"] for e in s.nvl_page()] == ["One."]
