"""`python -m engine play-text`: the story in the terminal, one line a say.

Narration prints alone on its line, speech as `Name: text`; text tags are dropped and
variables interpolated. A menu prints its prompt, then its options numbered from 1.
Centred and NVL lines print as any other; a line and its `extend`s print once, joined;
`nvl clear` prints an empty line (a new page). `renpy.input` prints its prompt and the
default it takes (a terminal is asked); `renpy.notify` prints its message in brackets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from engine.script import End, Input, Menu, Notify, Nvl, Say, ScriptError, Story
from engine.script.program import Program
from engine.script.text import strip_tags

EXIT_OK, EXIT_ERROR, EXIT_BAD_CHOICE, EXIT_NEEDS_ANSWER = 0, 1, 2, 3


def say_line(event: Say) -> str:
    """One terminal line per say: line breaks ({p}, \\n) become spaces."""
    text = " ".join(strip_tags(event.text).split("\n"))
    return f"{strip_tags(event.who)}: {text}" if event.who else text


def play_text(program: Program, answers: list[int], out: TextIO, err: TextIO,
              ask: Callable[[str], str] | None = None, label: str = "start") -> int:
    """Play to the end. `answers` are 1-based menu choices, used in order; when they run
    out, `ask` (a prompt on a terminal) is used, and without it the player stops with
    EXIT_NEEDS_ANSWER. Returns the exit status."""
    held: list[str] = []  # the last line, printed once no extend can follow

    def flush() -> None:
        if held:
            print(held.pop(), file=out)

    try:
        story = Story(program)
        story.start(label)
        pending = list(answers)
        while True:
            event = story.next()
            if isinstance(event, Say):
                if not event.prior:
                    flush()
                held[:] = [say_line(event)]
                continue
            flush()
            if isinstance(event, Nvl) and event.action == "clear":
                print(file=out)
            elif isinstance(event, Menu):
                if event.prompt is not None:
                    print(say_line(event.prompt), file=out)
                for n, choice in enumerate(event.choices, 1):
                    print(f"{n}. {strip_tags(choice.text)}", file=out)
                n = _answer(event, pending, ask, err)
                if n is None:
                    return EXIT_NEEDS_ANSWER
                if not 1 <= n <= len(event.choices):
                    print(f"{event.loc}: choice {n} is not one of 1..{len(event.choices)}",
                          file=err)
                    return EXIT_BAD_CHOICE
                story.choose(n - 1)
            elif isinstance(event, Input):
                # The default is the answer (a terminal player is asked, with it offered).
                try:
                    typed = ask(f"{strip_tags(event.prompt)} [{event.default}]> ") if ask \
                        else ""
                except EOFError:
                    typed = ""
                print(f"{strip_tags(event.prompt)} > {typed or event.default}", file=out)
                if typed:
                    story.enter(typed)
            elif isinstance(event, Notify):
                print(f"({strip_tags(event.message)})", file=out)
            elif isinstance(event, End):
                if event.ending:
                    print(f"-- Ending: {event.ending} --", file=out)
                return EXIT_OK
    except ScriptError as exc:
        flush()
        print(exc.format(), file=err)
        return EXIT_ERROR


def _answer(event: Menu, pending: list[int], ask: Callable[[str], str] | None,
            err: TextIO) -> int | None:
    if pending:
        return pending.pop(0)
    if ask is None:
        print(f"{event.loc}: this menu needs an answer: pass more --choose values", file=err)
        return None
    while True:
        try:
            reply = ask(f"choose 1-{len(event.choices)}> ")
        except EOFError:
            print(f"{event.loc}: no answer given", file=err)
            return None
        if reply.strip().isdigit():
            return int(reply.strip())
        print("type the number of a choice", file=err)


def terminal_ask() -> Callable[[str], str] | None:
    return input if sys.stdin.isatty() else None
