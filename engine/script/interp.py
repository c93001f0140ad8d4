"""One `[field]` of dialogue interpolation as Ren'Py (Python's str.format) reads it,
without evaluating code: a name, then attributes and literal indexes, then conversions and
a format spec.

    [score]  [persistent.runs]  [player.name]  [items[0]]  [stats["hp"]]
    [money:.2f]  [name!u]  [name!cl]  [count:>3]

An attribute of plain data is its key (`[player.name]` is player["name"]). Conversions:
u upper, l lower, c capitalise, r repr, s/t/q/i as given (braces are escaped anyway).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_FIELD = re.compile(r"""\s*([^\W\d]\w*)((?:\.[^\W\d]\w*|\[(?:-?\d+|"[^"]*"|'[^']*')\])*)
                        \s*(?:!([a-z]+))?\s*(?::(.*))?$""", re.VERBOSE | re.DOTALL)
_STEP = re.compile(r"""\.([^\W\d]\w*)|\[(-?\d+|"[^"]*"|'[^']*')\]""")
_SPEC_NUMBER = re.compile(r"\d+")
MAX_SPEC_NUMBER = 200  # a width or precision: `[x:>99999999]` must not build a huge text
_DOTTED_ROOTS = ("persistent", "config")


def root_name(body: str) -> str:
    """The variable a field reads (`persistent.x` whole, else the first name); the body
    itself when it is not a field this engine reads."""
    m = _FIELD.match(body)
    if m is None:
        return body.strip()
    root, path = m.group(1), m.group(2)
    if root in _DOTTED_ROOTS and path.startswith("."):
        return root + "." + _STEP.match(path).group(1)  # type: ignore[union-attr]
    return root


def field(body: str, lookup: Callable[[str], Any]) -> str:
    """The field's text. Raises ValueError with a reason; `lookup` raises for an unknown
    name."""
    if body.isidentifier() and body not in _DOTTED_ROOTS:  # [score]: most fields
        value = lookup(body)
        return "" if value is None else str(value)
    m = _FIELD.match(body)
    if m is None:
        raise ValueError(f"cannot interpolate '[{body}]': write [name], [name.key], "
                         "[name[0]], [name!u] or [name:.2f]")
    root, path, conv, spec = m.groups()
    steps = [(a, k) for a, k in _STEP.findall(path)]
    if root in _DOTTED_ROOTS and steps and steps[0][0]:
        value = lookup(f"{root}.{steps[0][0]}")
        steps = steps[1:]
    else:
        value = lookup(root)
    for attr, key in steps:
        value = _step(value, attr, key, body)
    if spec:
        if any(int(n) > MAX_SPEC_NUMBER for n in _SPEC_NUMBER.findall(spec)):
            raise ValueError(f"'[{body}]': a width or precision over {MAX_SPEC_NUMBER}")
        try:
            s = format(value, spec)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"'[{body}]': {exc}") from None
    else:
        s = "" if value is None else str(value)
    for c in conv or "":
        if c == "u":
            s = s.upper()
        elif c == "l":
            s = s.lower()
        elif c == "c":
            s = s[:1].upper() + s[1:]
        elif c == "r":
            s = repr(value)
    return s


def _step(value: Any, attr: str, key: str, body: str) -> Any:
    index: Any = attr
    if not attr:
        index = key[1:-1] if key[0] in "\"'" else int(key)
    try:
        if isinstance(value, dict) or (not attr and isinstance(value, (list, str))):
            return value[index]
    except (KeyError, IndexError):
        pass
    else:
        raise ValueError(f"'[{body}]': {type(value).__name__} has no "
                         f"{'attribute' if attr else 'item'} {index!r}")
    raise ValueError(f"'[{body}]': no {'key' if attr else 'item'} {index!r}")
