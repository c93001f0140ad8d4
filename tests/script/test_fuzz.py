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
