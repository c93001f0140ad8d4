"""`$` lines and python blocks as data (parse_code.py, code_steps.py, expr_calls.py): each
construct as a story runs it and the exact error where it stays unsupported (the renpy.*
calls are in test_renpy_calls.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.script import Say, ScriptError, Story

from .helpers import program, story, transcript


def said(text: str) -> list[str]:
    lines = transcript(story(text))
    assert lines[-1] == "END None"
    return lines[:-1]


def parse_error(text: str) -> str:
    with pytest.raises(ScriptError) as info:
        program(text)
    return info.value.message


def run_error(text: str) -> str:
    with pytest.raises(ScriptError) as info:
        said(text)
    return info.value.message


# --- assignments ---------------------------------------------------------------------------

def test_items_of_lists_and_dicts_are_set_and_changed() -> None:
    assert said("""
        default d = {"a": 1, "n": [1, 2]}
        label start:
            $ d["a"] += 1
            $ d["b"] = "x"
            $ d["n"][0] = 9
            $ d["n"][-1] *= 5
            "[d]"
    """) == ["{'a': 2, 'n': [9, 10], 'b': 'x'}"]


def test_an_item_change_does_not_touch_the_value_it_was_copied_from() -> None:
    assert said("""
        default a = [1, 2]
        label start:
            $ b = a
            $ b[0] = 5
            $ b.append(3)
            "[a] [b]"
    """) == ["[1, 2] [5, 2, 3]"]


def test_several_names_at_once_and_a_swap() -> None:
    assert said("""
        label start:
            $ a, b = 1, 2
            $ a, b = b, a
            $ x, y = [10, 20]
            "[a] [b] [x] [y]"
    """) == ["2 1 10 20"]


def test_store_names_are_the_story_variables() -> None:
    assert said("""
        label start:
            $ store.mood = "calm"
            $ store.n = 1
            $ n += store.n
            "[mood] [n]"
    """) == ["calm 2"]


def test_several_names_need_as_many_values() -> None:
    assert run_error("label start:\n    $ a, b = 1, 2, 3\n") == \
        "2 names take 2 values, not [1, 2, 3]"


# --- methods, builtins, comprehensions -------------------------------------------------------

def test_list_and_dict_methods_on_their_own_line() -> None:
    assert said("""
        default bag = []
        default seen = {}
        label start:
            $ bag.append("a")
            $ bag.extend(["b", "c"])
            $ bag.insert(0, "z")
            $ bag.remove("b")
            $ bag.pop()
            $ bag.add("a")
            $ bag.add("q")
            $ bag.discard("z")
            $ seen.update({"x": 1})
            $ seen.setdefault("y", 2)
            $ seen.pop("x")
            "[bag] [seen]"
    """) == ["['a', 'q'] {'y': 2}"]


def test_reading_methods_in_expressions() -> None:
    assert said("""
        default d = {"k": 2}
        label start:
            $ name = "  ada lovelace ".strip().title()
            $ parts = "a,b".split(",")
            $ v = d.get("k", 0) + d.get("none", 5)
            $ pairs = d.items()
            if name.startswith("Ada") and "k" in d.keys():
                "[name] [parts] [v] [pairs]"
    """) == ["Ada Lovelace ['a', 'b'] 7 [['k', 2]]"]


def test_a_method_that_changes_a_list_inside_an_expression_is_refused() -> None:
    assert run_error("default l = []\nlabel start:\n    $ n = l.append(1)\n") == \
        "'append()' changes a list: call it on a '$' line of its own"


def test_an_unknown_method_is_named_with_what_is_allowed() -> None:
    message = run_error("default l = 'x'\nlabel start:\n    $ n = l.encode()\n")
    assert message == "'encode()' is not a method scenes may call on text"


def test_safe_builtins() -> None:
    assert said("""
        label start:
            $ a = sorted([3, 1, 2], reverse=True)
            $ b = list(range(3)) + [sum([1, 2]), len("ab"), min(4, 2), max([1, 9])]
            $ c = any([False, True]) and all([1, 1]) and not any([])
            $ d = dict([["k", 1]])
            $ s = set([1, 1, 2])
            $ t = {1, 1, 3}
            $ u = abs(-2)
            "[a] [b] [c] [d] [s] [t] [u]"
    """) == ["[3, 2, 1] [0, 1, 2, 3, 2, 2, 9] True {'k': 1} [1, 2] [1, 3] 2"]


def test_range_is_bounded() -> None:
    assert run_error("label start:\n    $ r = range(10 ** 9)\n") == \
        "range() of 1,000,000,000 numbers (at most 10,000)"


def test_comprehensions() -> None:
    assert said("""
        default items = {"tea": 3, "cake": 5, "pie": 1}
        label start:
            $ cheap = [k for k in sorted(items) if items[k] < 4]
            $ double = {k: v * 2 for k, v in items.items() if v > 1}
            $ some = any(v > 4 for v in items.values())
            $ pairs = [a + b for a, b in [[1, 2], [3, 4]]]
            "[cheap] [double] [some] [pairs]"
    """) == ["['pie', 'tea'] {'tea': 6, 'cake': 10} True [3, 7]"]


def test_a_comprehension_name_is_its_own_for_lint() -> None:
    from engine.script.expr import names_read
    p = program("label start:\n    $ a = [x * y for x in items if x > z]\n")
    expr = next(s for s in p.statements if s.kind == "assign").args["expr"]
    assert names_read(expr) == {"items", "y", "z"}


def test_string_formatting_with_a_tuple() -> None:
    assert said('label start:\n    $ a = "%s has %d" % ("Ann", 3)\n    "[a]"\n') == ["Ann has 3"]


# --- Character -------------------------------------------------------------------------------

def test_character_styling_and_callback_are_accepted_and_ignored() -> None:
    s = story("""
        define e = Character("Eileen", color="#ffffff", what_size=20,
            who_outlines=[(1, "#000")], ctc="c", window_background="w.png",
            callback=speaker("e"))
        label start:
            e "Hi."
    """)
    event = s.next()
    assert isinstance(event, Say) and (event.who, event.text, event.color) == (
        "Eileen", "Hi.", "#ffffff")


def test_an_unknown_character_option_is_still_named() -> None:
    with pytest.raises(ScriptError) as info:
        story('define e = Character("E", sparkle=True)\nlabel start:\n    e "x"\n')
    assert info.value.message == "Character() does not support 'sparkle='"


# --- python blocks ---------------------------------------------------------------------------

def test_init_python_assignments_are_defaults() -> None:
    p = program("init python:\n    coins = 3\n    config.thing = 1\nlabel start:\n"
                "    \"[coins]\"\n")
    assert [(i.kind, i.name) for i in p.inits] == [("default", "coins"),
                                                   ("define", "config.thing")]
    assert said("init 5 python:\n    coins = 3\nlabel start:\n    $ coins += 1\n"
                "    \"[coins]\"\n") == ["4"]


def test_a_python_block_in_a_label_with_if_else() -> None:
    assert said("""
        default seen = {}
        label start:
            python:
                if seen.get("a"):
                    msg = "again"
                elif len(seen) > 3:
                    pass
                else:
                    seen["a"] = True
                    msg = "first"
            "[msg] [seen]"
    """) == ["first {'a': True}"]


def test_python_that_is_code_names_its_line() -> None:
    assert parse_error("label start:\n    python:\n        x = 1\n        def f():\n"
                       "            pass\n") == \
        "'def' in a python block: scene files cannot run Python code"
    assert parse_error("init python:\n    for i in range(3):\n        pass\n") == \
        "'for' in a python block: scene files cannot run Python code"
    refused = ("'if' in an init python block: scene files cannot run Python code before "
               "the story starts (only 'if persistent.x is None: persistent.x = value')")
    assert parse_error("init python:\n    if a:\n        b = 1\n") == refused
    # the persistent idiom with anything more in it stays code
    assert parse_error("init python:\n    if persistent.a is None:\n"
                       "        persistent.a = 1\n    else:\n        persistent.a = 2\n") \
        == refused
    assert parse_error("init python:\n    if persistent.a is None:\n"
                       "        persistent.b = 1\n") == refused
    assert parse_error("init python:\n    if persistent.a is None:\n"
                       "        persistent.a = 1\n        x = 2\n") == refused


def test_init_python_sets_a_persistent_value_only_when_it_is_none() -> None:
    text = ("init python:\n    if persistent.unlocked is None:\n"
            "        persistent.unlocked = [\"prologue\"]\n    met = 0\n"
            "label start:\n    \"[persistent.unlocked] [met]\"\n")
    assert said(text) == ["['prologue'] 0"]
    kept = Story(program(text), persistent={"unlocked": ["epilogue"]})
    kept.start()
    assert transcript(kept)[0] == "['epilogue'] 0"  # the player's data wins


def test_a_plain_function_call_names_itself() -> None:
    assert parse_error("label start:\n    $ play_sfx('x')\n") == (
        "'play_sfx()' runs Python code: only assignments, methods of variables and renpy "
        "calls are supported after '$'")


def test_assigning_to_an_attribute_is_refused() -> None:
    assert parse_error("label start:\n    $ a.b = 1\n") == (
        "cannot assign to this: only to names, store.NAME, persistent.NAME and items of a "
        "variable (d[\"key\"])")


def test_a_failing_change_is_undone_whole() -> None:
    s = story("""
        default d = {"a": 1}
        label start:
            $ a, b = 1, 2
            $ d["a"] = 5
            $ d["x"]["y"] = 1
            "never"
    """)
    with pytest.raises(ScriptError):
        s.next()
    assert s.variables["d"] == {"a": 1} and "a" not in s.variables


def test_sum_adds_numbers_only() -> None:
    assert run_error("label start:\n    $ a = sum([[1], [2]])\n") == "sum() adds numbers"


def test_copying_a_big_list_item_by_item_is_bounded_work() -> None:
    message = run_error("""
        label start:
            $ l = list(range(10000))
            $ i = 0
            while i < 10000:
                $ l[i] = 0
                $ i += 1
    """)
    assert message.startswith("more than 20,000,000 units of work without showing anything")


def test_init_python_only_sets_names() -> None:
    assert parse_error('init python:\n    shop = {}\n    shop["tea"] = 1\n') == \
        "an init python block may only set names (name = value, config.NAME = value)"
    assert parse_error('init python:\n    x = 1\n    x += 1\n') == \
        "an init python block may only set names (name = value, config.NAME = value)"


def test_lint_knows_what_code_lines_set_and_read(tmp_path: Path) -> None:
    from engine.lint import lint
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "a.rpy").write_text(
        'label start:\n'
        '    $ a, b = 1, 2\n'
        '    $ who = renpy.input("Who?")\n'
        '    $ bag.append(a)\n'
        '    $ d[k] = b\n'
        '    $ renpy.notify(msg)\n'
        '    "[a] [b] [who]"\n', "utf-8")
    found = [(p.loc.line, p.message) for p in lint(tmp_path) if p.severity == "error"]
    assert found == [(4, "'bag' is not defined"), (5, "'d' is not defined"),
                     (5, "'k' is not defined"), (6, "'msg' is not defined")]
