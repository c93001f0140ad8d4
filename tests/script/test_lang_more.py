"""More of Ren'Py's code-free language: renpy.input inside a larger value, str.format,
`//=` `%=` `**=`, `extend` with attributes, and Character() callbacks naming undefined
functions; each statement, its exact errors and, where it holds state, a save's restore."""

from __future__ import annotations

import json

import pytest

from engine.script import Input, Say, ScriptError, Story
from engine.script.expr import evaluate, parse_expression
from engine.script.expr_syntax import ExprError
from engine.script.lexer import logical_lines
from tests.script.helpers import program, story, transcript


def restored(s: Story) -> Story:
    again = Story(s.program)
    again.restore(json.loads(json.dumps(s.snapshot())))
    return again


def value(src: str, **names: object) -> object:
    lines, _ = logical_lines(src + "\n", "t")
    node, _ = parse_expression(lines[0].tokens)
    return evaluate(node, lambda n: names[n])


def error_of(text: str) -> str:
    with pytest.raises(ScriptError) as info:
        transcript(story(text))
    return info.value.message


# --- renpy.input inside an expression -----------------------------------------------------

INPUTS = '''
    default fallback = "Sam"
    label start:
        $ name = renpy.input("Name?").strip()
        $ other = renpy.input("Other?", length=12).strip() or fallback
        $ loud = renpy.input("Shout?").capitalize() + "!"
        $ age = int(renpy.input("Age?", default="7")) + 1
        $ title = renpy.input("Title?").lower().title()
        "[name]/[other]/[loud]/[age]/[title]"
'''


def test_what_a_line_makes_of_the_text_entered_applies_once_it_is_entered() -> None:
    s = story(INPUTS)
    answers = ["  ann  ", "   ", "bob", "41", "tHE rOAD oUT"]
    while isinstance(event := s.next(), Input):
        # a save made on the input screen restores it, and the answer goes on from there
        s = restored(s)
        assert isinstance(s.next(), Input)
        s.enter(answers.pop(0))
    assert isinstance(event, Say)
    assert event.text == "ann/Sam/Bob!/42/The Road Out"


def test_the_default_answer_is_the_value_until_one_is_entered() -> None:
    s = story(INPUTS)
    s.next()
    s.enter("x")
    assert isinstance(s.next(), Input)  # "Other?": its default "" stripped is "", or Sam
    assert s.state.variables["other"] == "Sam"
    s.enter("Kim")
    assert s.state.variables["other"] == "Kim"


def test_a_random_draw_in_the_answer_draws_once() -> None:
    """The answer is worked out on the default when the entry opens and again on the
    typed text: renpy.random draws one number for the line, as without an entry."""
    text = '''
        label start:
            $ tag = renpy.input("Name?") + str(renpy.random.randint(1, 1000000))
            $ after = renpy.random.randint(1, 1000000)
            "[tag] [after]"
    '''
    s = story(text)
    assert isinstance(s.next(), Input)
    seed = s.state.variables["_renpy_random"][0]
    s.enter("Ann")
    line = s.next()
    assert isinstance(line, Say)
    # The same story, seeded alike, with the line's draws made in order and no entry.
    plain = story(text.replace('renpy.input("Name?")', '"Ann"'))
    plain.state.variables["_renpy_random"] = [seed, 0]
    expected = plain.next()
    assert isinstance(expected, Say) and line.text == expected.text


def test_a_value_that_fails_on_the_default_waits_for_the_answer() -> None:
    s = story('''
        label start:
            $ age = int(renpy.input("Age?"))
            "[age]"
    ''')
    assert isinstance(s.next(), Input)
    assert "age" not in s.state.variables  # int("") would fail: nothing set yet
    s.enter("12")
    assert s.next().text == "12"


@pytest.mark.parametrize("line, message", [
    ('$ x = renpy.input("a") + renpy.input("b")',
     "one renpy.input() a line: ask each question on a '$' line of its own"),
    ('$ x = y or renpy.input("a")',
     "renpy.input() where it may not run (after 'and'/'or', in an if-else or a loop): ask "
     "on a '$' line of its own first"),
    ('$ x = renpy.input("a") if y else ""',
     "renpy.input() where it may not run (after 'and'/'or', in an if-else or a loop): ask "
     "on a '$' line of its own first"),
    ('$ x = [renpy.input("a") for i in y]',
     "renpy.input() where it may not run (after 'and'/'or', in an if-else or a loop): ask "
     "on a '$' line of its own first"),
])
def test_an_input_that_cannot_work_is_a_named_error(line: str, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        program(f"label start:\n    {line}\n")
    assert info.value.message == message


def test_an_input_in_a_condition_is_a_named_error() -> None:
    assert error_of('''
        label start:
            if renpy.input("Yes?") == "yes":
                "Yes."
    ''') == "'renpy.input()' cannot be used in an expression: only in the value a '$' " \
        "line gives a name"


# --- str.format ---------------------------------------------------------------------------

@pytest.mark.parametrize("src, expected", [
    ('"{} has {} apples".format(name, n)', "Sam has 3 apples"),
    ('"{0}{1}{0}".format("a", "b")', "aba"),
    ('"{who} at {n}".format(who=name, n=n)', "Sam at 3"),
    ('"{:.2f}|{:>5}|{:<4}|{:03d}|{:,}".format(3.14159, "ab", "c", n, 1234567)',
     "3.14|   ab|c   |003|1,234,567"),
    ('"{!r} {{braces}}".format(name)', "'Sam' {braces}"),
    ('"{}".format([1, 2])', "[1, 2]"),
])
def test_str_format_fills_its_fields(src: str, expected: str) -> None:
    assert value(src, name="Sam", n=3) == expected


@pytest.mark.parametrize("src, message", [
    ('"{0.x}".format(p)', "'{0.x}' in a format string: a field is {}, {0} or {name}, "
     "without attributes or items (.x, [key])"),
    ('"{0[1]}".format(p)', "'{0[1]}' in a format string: a field is {}, {0} or {name}, "
     "without attributes or items (.x, [key])"),
    ('"{p.__class__}".format(p=p)', "'{p.__class__}' in a format string: a field is {}, "
     "{0} or {name}, without attributes or items (.x, [key])"),
    ('"{:>5000}".format(1)', "a width or precision in a format string above 1000"),
    ('"{:.2000f}".format(1.0)', "a width or precision in a format string above 1000"),
    ('"{:{w}}".format(1, w=3)', "a '{' in a format string without its '}' (write '{{' for a "
     "brace; fields inside a field are not supported)"),
    ('"{} {0}".format(1)', "a format string numbers its fields all or none: not {} with {0}"),
    ('"{} {}".format(1)', "format(): no value for field 1 (1 given)"),
    ('"{x}".format()', "format(): no value named 'x' (give it as x=…)"),
    ('"a}".format()', "a single '}' in a format string (write '}}' for a brace)"),
    ('"{!a}".format(1)', "'!a' in a format string: !s or !r"),
])
def test_str_format_refuses_what_it_cannot_do_by_name(src: str, message: str) -> None:
    with pytest.raises(ExprError) as info:
        value(src, p=[1, 2])
    assert str(info.value) == message


def test_str_format_keeps_to_the_bound_on_text() -> None:
    with pytest.raises(ExprError, match="too long"):
        value('"{}{}".format(t, t)', t="x" * 60_000)


def test_the_common_text_methods_writers_use() -> None:
    assert value('"a-b-c".rsplit("-", 1)') == ["a-b", "c"]
    assert value('"key=value".partition("=")') == ["key", "=", "value"]
    assert value('"Mr. Sam".removeprefix("Mr. ").swapcase()') == "sAM"
    assert value('" x ".strip().upper().zfill(3)') == "00X"
    assert value('"abcabc".rfind("b") + "abc".count("c")') == 5


# --- augmented assignments -----------------------------------------------------------------

def test_floor_division_remainder_and_power_assignments() -> None:
    s = story('''
        label start:
            $ a = 17
            $ a //= 5
            $ b = 17
            $ b %= 5
            $ c = 2
            $ c **= 10
            $ d = "%s-%s"
            $ d %= ("x", "y")
            $ items = [1, 7]
            $ items[1] //= 2
            $ items[0] **= 3
            "[a] [b] [c] [d] [items]"
    ''')
    assert s.next().text == "3 2 1024 x-y [1, 3]"


@pytest.mark.parametrize("line, message", [
    ("$ n **= 5000", "exponent too large"),
    ("$ n //= 0", "ZeroDivisionError: integer division or modulo by zero"),
    ('$ t = "%5000d"\n            $ t %= 1', "a width or precision in '%' formatting above 1000"),
])
def test_augmented_assignments_meet_the_same_checks(line: str, message: str) -> None:
    assert error_of(f'''
        label start:
            $ n = 7
            {line}
            "x"
    ''') == message


# --- extend with attributes ---------------------------------------------------------------

EXTEND = '''
    define e = Character("Eileen", image="eileen")
    label start:
        show eileen sad
        e "Would I"
        extend happy " rat you out?"
        "Narration."
        e "Now"
        extend @ angry " for a moment."
        "After."
'''


def attrs(s: Story) -> list[str]:
    return [sp["attrs"] for sp in s.state.stage["sprites"] if sp["tag"] == "eileen"][0]


def test_extend_with_attributes_changes_the_last_speakers_image() -> None:
    s = story(EXTEND)
    s.next()  # show
    assert s.next().text == "Would I"
    line = s.next()
    assert line.text.endswith(" rat you out?") and line.who == "Eileen"
    assert attrs(s) == ["happy"]
    assert attrs(restored(s)) == ["happy"]
    assert s.next().text == "Narration."
    assert attrs(s) == ["happy"]
    s.next()
    assert s.next().text.endswith(" for a moment.")
    assert attrs(s) == ["angry"]
    assert s.next().text == "After."
    assert attrs(s) == ["happy"]  # `@`: for that line only


def test_extend_without_its_text_is_still_a_named_error() -> None:
    with pytest.raises(ScriptError) as info:
        program('label start:\n    "Hi"\n    extend happy\n')
    assert info.value.message == "'extend' takes the text to add in quotes"


# --- Character callbacks --------------------------------------------------------------------

def test_a_character_whose_callback_names_undefined_functions_is_still_defined() -> None:
    s = story('''
        define g = Character("Guide", color="#fff", callback=speaking("guide"))
        define h = Character("Host", callback=beep, what_size=20)
        label start:
            g "Hello."
            h "Hi."
    ''')
    lines = transcript(s)
    assert lines == ["Guide: Hello.", "Host: Hi.", "END None"]
    assert s.constants["g"]["name"] == "Guide" and s.constants["h"]["name"] == "Host"
