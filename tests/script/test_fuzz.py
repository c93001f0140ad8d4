"""Random and mutated scene text: the parser and runtime may only ever raise ScriptError,
and always with a file and line."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.script import End, Menu, ScriptError, Story, compile_texts
from tests.conftest import DEMO

SEED_TEXT = (DEMO / "scenes" / "demo.scene").read_text("utf-8")
SEED_LINES = SEED_TEXT.splitlines()
# Fragments rather than characters, so random text often looks almost like a script.
FRAGMENTS = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    list(' \t\n"\'\\:$#[]{}()=+-*/<>,.@_') + ["    ", "label ", "menu:", "if ", "jump ",
                                                '"""', "{b}", "[x]", "\ufeff", "start",
                                                "\n    ", "call ", "return", "while "])


def script_text(max_size: int) -> st.SearchStrategy[str]:
    return st.lists(FRAGMENTS, max_size=max_size).map("".join)


def check(text: str) -> None:
    try:
        program = compile_texts([("scenes/fuzz.scene", text)])
        story = Story(program)
        if "start" in program.labels:
            story.start()
            for _ in range(50):
                event = story.next()
                if isinstance(event, Menu):
                    story.choose(0)
                elif isinstance(event, End):
                    break
    except ScriptError as exc:
        assert exc.loc.file == "scenes/fuzz.scene" or exc.loc.file.startswith("<")
        assert exc.loc.line >= 1
        exc.format()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script_text(120))
def test_random_text(text: str) -> None:
    check(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "cut", "indent", "swap"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(script_text(20)))
        elif op == "cut":
            j = draw(st.integers(0, max(0, len(lines[i]))))
            lines[i] = lines[i][:j]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 9)) + lines[i].lstrip()
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_demo_script(text: str) -> None:
    check(text)


# --- expressions, deep and long ---------------------------------------------------------

ATOMS = st.sampled_from(["1", "0", "2.5", '"ab"', "x", "True", "None", "[]", "[1, 2]",
                         '{"k": 1}', "10**300", '"%5d"', "n", "-3"])
BINARY = st.sampled_from([" + ", " - ", " * ", " / ", " // ", " % ", " ** ", " == ", " < ",
                          " and ", " or ", " in ", " if x else "])
WRAPS = st.sampled_from(["(%s)", "[%s]", "[%s, %s]", "{%s: %s}", "abs(%s)", "str(%s)",
                         "len(%s)", "round(%s, %s)", "not %s", "-%s", "%s[0]", "max(%s, %s)"])


@st.composite
def expression(draw: st.DrawFn) -> str:
    """An expression grown by wrapping and chaining, often far past every bound."""
    text = draw(ATOMS)
    for _ in range(draw(st.integers(0, 400))):
        if draw(st.booleans()):
            wrap = draw(WRAPS)
            text = wrap % ((text,) * wrap.count("%s"))
        else:
            text = text + draw(BINARY) + draw(ATOMS)
        if len(text) > 15_000:
            break
    return text


def check_expression(text: str, loop: bool) -> None:
    body = (f"    $ x = {text}\n    \"[x]\"\n" if not loop else
            f"    $ n = {text}\n    while True:\n        $ x *= n\n        $ x += x\n")
    check("default x = 2\ndefault n = 3\nlabel start:\n" + body)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expression(), st.booleans())
def test_deep_and_long_expressions(text: str, loop: bool) -> None:
    check_expression(text, loop)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["(", "[", "abs(", "-", "not ", "2**", "1 + ", "[1, "]),
       st.integers(1, 5000))
def test_one_construct_repeated(opener: str, times: int) -> None:
    closer = {"(": ")", "[": "]", "abs(": ")", "[1, ": "]"}.get(opener, "")
    check_expression(opener * times + "1" + closer * times, loop=False)
