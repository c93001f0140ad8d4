"""Helpers for the ATL tests: run a script to its first line and evaluate its sprites."""

from __future__ import annotations

import textwrap

from engine.atl import Placement, evaluate
from engine.script import Say, Story, compile_texts


def staged(script: str) -> Story:
    """A story run to its first say, for its stage."""
    s = Story(compile_texts([("scenes/t.rpy", textwrap.dedent(script))]))
    s.start()
    while not isinstance(s.next(), Say):
        pass
    return s


def at(script: str, t: float, tag: str | None = None, event: str = "show") -> Placement:
    """The placement of the sprite (the first, or `tag`) `t` seconds after it was shown."""
    s = staged(script)
    sprite = next(sp for sp in s.stage["sprites"] if tag in (None, sp["tag"], sp["as"]))
    return evaluate(sprite, s.transforms, t, event)[0]


def show(atl: str, t: float, before: str = "") -> Placement:
    """The placement at `t` of `show a:` with the ATL block `atl`."""
    block = textwrap.indent(textwrap.dedent(atl).strip("\n"), " " * 8)
    return at(f"{before}\nlabel start:\n    show a:\n{block}\n    \"x\"\n", t)
