"""Small helpers for the script tests: compile text, play a story to the end."""

from __future__ import annotations

import textwrap

from engine.script import End, Menu, Say, Story, compile_texts
from engine.script.program import Program
from engine.script.text import strip_tags


def program(text: str, name: str = "scenes/test.scene") -> Program:
    return compile_texts([(name, textwrap.dedent(text))])


def story(text: str, label: str = "start") -> Story:
    s = Story(program(text))
    s.start(label)
    return s


def transcript(s: Story, choices: list[int] | None = None, limit: int = 10_000) -> list[str]:
    """Lines said until the end, answering menus with `choices` (0-based) in order."""
    pending = list(choices or [])
    out: list[str] = []
    for _ in range(limit):
        event = s.next()
        if isinstance(event, Say):
            out.append(f"{event.who}: {strip_tags(event.text)}" if event.who
                       else strip_tags(event.text))
        elif isinstance(event, Menu):
            if event.prompt:
                out.append(f"? {strip_tags(event.prompt.text)}")
            out.append("[" + " | ".join(c.text for c in event.choices) + "]")
            s.choose(pending.pop(0) if pending else 0)
        elif isinstance(event, End):
            out.append(f"END {event.ending}")
            return out
    raise AssertionError("story did not end")


def brief(sprites: list[dict]) -> list[dict]:
    """Sprites as the tests before transforms saw them: tag, attributes and position."""
    return [{"tag": sp["tag"], "attrs": sp["attrs"], "at": sp["at"]} for sp in sprites]
