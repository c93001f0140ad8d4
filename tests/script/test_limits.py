"""The bounds of engine/script/limits.py, one by one: each is a clean ScriptError at the
line that passes it, and what stays within it still works."""

from __future__ import annotations

import pytest

from engine.script import ScriptError, compile_texts
from engine.script.expr import apply_operator, evaluate, names_read, parse_expression
from engine.script.expr_syntax import ExprError
from engine.script.lexer import logical_lines
from engine.script.limits import (
    MAX_BLOCK_DEPTH,
    MAX_EXPR_DEPTH,
    MAX_EXPR_NESTING,
    MAX_INT_DIGITS,
    MAX_ITEMS,
    MAX_LEN,
    MAX_NAME_LENGTH,
    MAX_STATEMENT_LINES,
    MAX_TEXT_TAGS,
    MAX_VALUE_DEPTH,
)
from engine.script.values import storable_problem, weight
from tests.script.helpers import story, transcript


def _expr(text: str) -> list:
    lines, _ = logical_lines(f"$ x = {text}\n", "t")
    node, _ = parse_expression(lines[0].tokens, 3)
    return node


def _value(text: str) -> object:
    return evaluate(_expr(text), lambda name: None)


def _error(text: str) -> ScriptError:
    with pytest.raises(ScriptError) as info:
        s = story(text)
        transcript(s)
    return info.value


# --- parsing ----------------------------------------------------------------------------

def test_nesting_up_to_the_bound_parses_and_past_it_is_refused() -> None:
    deep = MAX_EXPR_NESTING - 2
    assert _value("(" * deep + "1" + ")" * deep) == 1
    nested = _value("[" * deep + "]" * deep)
    for _ in range(deep - 1):
        nested = nested[0]
    assert nested == []
    for text in ("(" * 100 + "1" + ")" * 100, "[" * 1000 + "]" * 1000,
                 "abs(" * 200 + "1" + ")" * 200, "2**" * 200 + "2",
                 "1 if False else " * 200 + "1"):
        with pytest.raises(ExprError, match="nested more than"):
            _expr(text)


def test_a_tree_deeper_than_the_bound_is_refused_and_names_read_is_iterative() -> None:
    assert _value("+".join(["1"] * (MAX_EXPR_DEPTH - 1))) == MAX_EXPR_DEPTH - 1
    for text in ("+".join(["1"] * 3000), "-" * 3000 + "1", "not " * 3000 + "True"):
        with pytest.raises(ExprError, match="operations deep"):
            _expr(text)
    # An expression from elsewhere (an old cache) cannot exhaust the stack when read.
    node: list = ["name", "a"]
    for _ in range(5000):
        node = ["bin", "+", node, ["name", "b"]]
    assert names_read(node) == {"a", "b"}


def test_an_error_names_the_file_and_line() -> None:
    err = _error("label start:\n    \"Hi.\"\n    $ x = " + "(" * 50 + "1" + ")" * 50 + "\n")
    assert str(err.loc).startswith("scenes/test.scene:3:")
    assert "nested more than" in err.message


def test_blocks_nest_up_to_the_bound() -> None:
    def nested(depth: int) -> str:
        lines = ["label start:"] + ["    " * (d + 1) + "if True:" for d in range(depth)]
        return "\n".join([*lines, "    " * (depth + 1) + '"Deep."', ""])

    assert transcript(story(nested(MAX_BLOCK_DEPTH - 2)))[0] == "Deep."
    with pytest.raises(ScriptError, match=f"nested more than {MAX_BLOCK_DEPTH} deep"):
        compile_texts([("t", nested(400))])


def test_a_statement_over_many_lines_has_a_bound_and_is_read_once() -> None:
    ok = "label start:\n    $ x = [\n" + "        1,\n" * (MAX_STATEMENT_LINES - 5) + "    ]\n"
    assert compile_texts([("t", ok)]).statements
    for text in ("label start:\n    $ x = [\n" + "        1,\n" * 30_000,
                 'label start:\n    """' + "line\n" * 30_000 + '"""\n'):
        with pytest.raises(ScriptError, match=f"more than {MAX_STATEMENT_LINES} lines") as info:
            compile_texts([("t", text)])
        assert info.value.loc.line == 2


def test_statements_over_lines_keep_their_line_numbers() -> None:
    text = 'label start:\n    $ x = [1,\n        2]\n    """one\n    two"""\n    "[x]"\n'
    lines, _ = logical_lines(text, "t")
    assert [(ln.lineno, ln.tokens[0][2]) for ln in lines[1:3]] == [(2, 2), (4, 4)]
    assert transcript(story(text)) == ["one two", "[1, 2]", "END None"]


def test_long_lines_and_numbers_are_refused() -> None:
    with pytest.raises(ScriptError, match="a line longer than"):
        compile_texts([("t", 'label start:\n    "' + "a" * 30_000 + '"\n')])
    with pytest.raises(ScriptError, match=f"longer than {MAX_INT_DIGITS} digits"):
        compile_texts([("t", "define x = " + "9" * 5000 + "\n")])


def test_too_many_text_tags_in_a_line() -> None:
    ok = 'label start:\n    "' + "{b}x{/b}" * (MAX_TEXT_TAGS // 2) + '"\n'
    assert compile_texts([("t", ok)]).statements
    with pytest.raises(ScriptError, match="text tags"):
        compile_texts([("t", 'label start:\n    e "' + "{w}" * (MAX_TEXT_TAGS + 1) + '"\n')])


# --- evaluating -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("(10**1000)**1000", "too large"),
    ("10**999 * 10**999 * 10**999 * 10**999", "too large"),
    ('"%.999999999f" % 1.0', "formatting"),
    ('"%*d" % (5, 1)', "formatting"),
    ("round(10**300, -10**9)", "round()"),
    ('int("9" * 4000)', "too large"),
    ('"ab" * 60000', "too long"),
    ('("a" * 1000) * 1000', "too long"),
    ("[0] * 100001", "too large"),
    ("[[0] * 1000] * 1000", "too large"),
    ("10 ** 5000", "exponent"),
])
def test_each_operator_checks_what_it_would_build(text: str, message: str) -> None:
    with pytest.raises(ExprError, match=message):
        _value(text)


def test_within_the_bounds_arithmetic_is_python_s() -> None:
    assert _value("2**64 * 3 - 1") == 2**64 * 3 - 1
    assert _value('"%5.2f" % 1.5') == " 1.50"
    assert _value("round(1234.5678, 2)") == 1234.57
    assert _value('"ab" * 3 + "c"') == "abababc"
    assert _value("[1, 2] * 2") == [1, 2, 1, 2]


@pytest.mark.parametrize(("op", "a", "b", "message"), [
    ("*", 10**900, 10**900, "too large"),
    ("+", "a" * MAX_LEN, "b", "too long"),
    ("+", [1] * MAX_LEN, [2], "too large"),
    ("*", "ab", MAX_LEN, "too long"),
])
def test_augmented_assignment_has_the_same_checks(op: str, a: object, b: object,
                                                  message: str) -> None:
    with pytest.raises(ExprError, match=message):
        apply_operator(op, a, b)


@pytest.mark.parametrize(("line", "message"), [
    ("$ x *= x", "too large"), ("$ s += s", "too long"), ("$ l += l", "too large"),
    ("$ l = [l]", f"nested more than {MAX_VALUE_DEPTH}"), ("$ l = [l, l]", "too large"),
])
def test_a_runaway_loop_stops_at_its_line(line: str, message: str) -> None:
    err = _error(f"""\
label start:
    $ x = 3
    $ s = "ab"
    $ l = [1]
    while True:
        {line}
""")
    assert message in err.message and err.loc.line == 6


@pytest.mark.parametrize("line", ["$ s = str(l)", "$ b = 2 in l", "$ b = l == m",
                                  "$ b = max(l)"])
def test_costly_steps_in_a_loop_stop_at_the_work_bound(line: str) -> None:
    err = _error(f"""\
label start:
    $ l = [1] * 10000
    $ m = [1] * 10000
    while True:
        {line}
""")
    assert "units of work" in err.message and err.loc.line == 5


def test_showing_a_line_starts_the_work_count_afresh() -> None:
    # Each step here costs a twentieth of the bound; a line shown between them resets it.
    s = story("""\
label start:
    $ l = [1] * 10000
    $ n = 0
    while n < 400:
        $ s = str(l)
        $ n += 1
        if n % 50 == 0:
            "Step [n]."
""")
    assert transcript(s)[-2:] == ["Step 400.", "END None"]


def test_a_list_grown_one_item_a_step_is_measured_from_its_parts() -> None:
    err = _error("label start:\n    $ l = []\n    while True:\n        $ l = l + [[1, 2]]\n")
    assert f"at most {MAX_ITEMS}" in err.message


def test_a_variable_holds_bounded_plain_data() -> None:
    assert storable_problem({"a": [1, 2.5, "x", None, True]}) is None
    deep: list = []
    for _ in range(10_000):
        deep = [deep]
    assert "nested more than" in storable_problem(deep)
    wide = [list(range(1000))] * 2000  # shared: small in memory, huge as JSON
    assert "in all" in storable_problem(wide)
    assert weight(wide) > 1_000_000
    assert storable_problem(float("nan")) is not None
    assert storable_problem({1: 2}) is not None


@pytest.mark.parametrize("value", ['[1, 2]', '"x" * 1000', "42"])
def test_an_ending_is_bounded_text_at_the_line_that_sets_it(value: str) -> None:
    err = _error(f"label start:\n    \"Hi.\"\n    $ ending = {value}\n    return\n")
    assert err.loc.line == 3 and "'ending'" in err.message


def test_an_ending_within_the_bound_ends_the_story() -> None:
    name = "n" * MAX_NAME_LENGTH
    assert transcript(story(f'label start:\n    $ ending = "{name}"\n    return\n')) \
        == [f"END {name}"]


def test_a_speaker_name_is_bounded() -> None:
    with pytest.raises(ScriptError, match="Character\\(\\)'s name"):
        story('define e = Character("n" * 1000)\nlabel start:\n    e "Hi."\n')
