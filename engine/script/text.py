"""Dialogue text: `[variable]` interpolation and `{tag}` text tags, as Ren'Py writes them.

The story runtime interpolates; the screen and the text player read the tags. `{{` and
`[[` stand for a literal brace and bracket.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .interp import field, root_name
from .limits import MAX_LEN, MAX_TEXT_TAGS
from .values import charge, cost

# Tags that wrap text ({b}…{/b}) and tags that stand alone ({w}, {p}).
SPAN_TAGS = frozenset({"b", "i", "u", "s", "color", "size", "alpha", "cps", "a", "k"})
# {space=N} and {vspace=N} make room, {image=…} is an inline picture (richtext.py).
SINGLE_TAGS = frozenset({"w", "p", "nw", "fast", "space", "vspace", "image"})
KNOWN_TAGS = SPAN_TAGS | SINGLE_TAGS

_TAG_RE = re.compile(r"\{\{|\{([^{}]*)\}")
# [name], and one level of brackets inside: [items[0]]
_INTERP_RE = re.compile(r"\[\[|\[((?:[^\[\]]|\[[^\[\]]*\])*)\]")


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of tagged text: plain `text`, or a tag (`name`, `value`, `closing`)."""

    text: str = ""
    name: str | None = None
    value: str | None = None
    closing: bool = False


def parse(text: str) -> list[Piece]:
    """Split text into plain runs and tags, in order."""
    out: list[Piece] = []
    pos = 0
    buf: list[str] = []
    for m in _TAG_RE.finditer(text):
        buf.append(text[pos:m.start()])
        pos = m.end()
        if m.group(0) == "{{":
            buf.append("{")
            continue
        if buf and any(buf):
            out.append(Piece(text="".join(buf)))
        buf = []
        body = m.group(1)
        closing = body.startswith("/")
        if closing:
            body = body[1:]
        name, _, value = body.partition("=")
        out.append(Piece(name=name.strip(), value=value.strip() if "=" in body else None,
                         closing=closing))
    buf.append(text[pos:])
    if any(buf):
        out.append(Piece(text="".join(buf)))
    return out


def too_many_tags(text: str) -> str | None:
    """Why a line's text has too many text tags to show, or None. (Lint checks tags and
    the screen applies them one by one; a bound keeps both quick.)"""
    if "{" not in text or text.count("{") <= MAX_TEXT_TAGS:
        return None
    tags = sum(1 for m in _TAG_RE.finditer(text) if m.group(1) is not None)
    return f"more than {MAX_TEXT_TAGS} text tags in one line" if tags > MAX_TEXT_TAGS \
        else None


def strip_tags(text: str) -> str:
    """The text a reader sees, without tags (`{{` becomes `{`); `{p}` starts a new line,
    as it does on screen."""
    if "{" not in text:
        return text
    if "{{" not in text and "{p" not in text and "space" not in text:
        return _TAG_RE.sub("", text)  # every tag becomes nothing: no call per tag
    return _TAG_RE.sub(_strip_one, text)


def _strip_one(m: re.Match[str]) -> str:
    if m.group(0) == "{{":
        return "{"
    name = m.group(1).partition("=")[0].strip()
    return "\n" if name in ("p", "vspace") else " " if name == "space" else ""


_TAG_NAME_RE = re.compile(r"\{(/?)([^{}=]*)(?:=([^{}]*))?\}")
_NUMBER = r"(?:\d+(?:\.\d+)?|\.\d+)"
# Tags whose value must have a form, and what to say when it has not.
_VALUES = {
    "cps": (re.compile(rf"^\*?{_NUMBER}$"), "characters a second (cps=40) or a factor of "
            "the player's speed (cps=*2)"),
    "size": (re.compile(rf"^[+-]?{_NUMBER}$"), "pixels (size=30) or a change (size=+10, "
             "size=-4)"),
    "alpha": (re.compile(rf"^[*+-]?{_NUMBER}$"), "an opacity from 0 to 1 (alpha=0.5) or a "
              "change (alpha=*0.5, alpha=-0.2)"),
    "k": (re.compile(rf"^-?{_NUMBER}$"), "pixels between letters (k=2 or k=-1)"),
    "space": (re.compile(rf"^{_NUMBER}$"), "pixels (space=20)"),
    "vspace": (re.compile(rf"^{_NUMBER}$"), "pixels (vspace=10)"),
}


def inline_names(text: str) -> list[str]:
    """The pictures a text's {image=NAME} tags name."""
    return [p.value.strip() for p in parse(text)
            if p.name == "image" and not p.closing and (p.value or "").strip()]


def tag_problems(text: str) -> list[str]:
    """Unknown tags, spans never closed and closings never opened, for lint. (Lint runs
    this on every line of a script, so it only looks at tag names, not whole pieces.)"""
    if "{" not in text:
        return []
    text = text.replace("{{", "")
    problems = []
    open_spans: list[str] = []
    tags = _TAG_NAME_RE.findall(text)
    for closing, raw, value in tags:
        name = raw.strip()
        if name.startswith("#"):
            continue  # {#…}: a comment for translators, shown as nothing
        if name in _VALUES and not closing:
            form, wanted = _VALUES[name]
            if not form.match(value.strip()):
                shown = f"{name}={value}" if value else name
                problems.append(f"'{{{shown}}}' needs {wanted}")
        if name not in KNOWN_TAGS:
            if not closing:
                problems.append(f"unknown text tag '{{{name}}}'")
        elif closing:
            if name in open_spans:
                open_spans.remove(name)
            else:
                problems.append(f"'{{/{name}}}' closes a tag that is not open")
        elif name in SPAN_TAGS:
            open_spans.append(name)
    if text.count("{") > len(tags):  # each tag holds one '{': any other is never closed
        problems.append("a '{' is never closed (write '{{' for a literal brace)")
    # A span still open at the end is closed there, as Ren'Py does.
    return problems


def interpolation_names(text: str) -> list[str]:
    """The names a text interpolates, e.g. ['score', 'persistent.seen']."""
    return [root_name(m.group(1)) for m in _INTERP_RE.finditer(text)
            if m.group(1) is not None]


def interpolate(text: str, lookup: Callable[[str], Any]) -> str:
    """Replace [name] with the variable's value. `lookup` raises for an unknown name.
    A value's own braces are escaped so a variable can never inject a text tag."""
    if "[" not in text:
        return text
    room = [MAX_LEN - len(text)]  # what the values may add, all told

    def charged(name: str) -> Any:
        value = lookup(name)
        if type(value) in (list, dict):
            charge(cost(value))
        return value

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "[[":
            return "["
        s = field(m.group(1), charged)
        room[0] -= len(s)
        if room[0] < 0:
            raise ValueError(f"the text comes to more than {MAX_LEN} characters")
        return s.replace("{", "{{")

    return _INTERP_RE.sub(sub, text)
