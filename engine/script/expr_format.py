"""`"{} has {} apples".format(name, n)`: Python's str.format for scene text, read here
field by field rather than handed to str.format, which would let `{0.__class__}` or
`{0[key]}` reach into a value. A field is `{}`, `{0}` or `{name}`, with `!s`/`!r` and a
format spec (`{:.2f}`, `{:>5}`) whose width and precision have the bound `%` formatting has
(values.check_format).
"""

from __future__ import annotations

import re
from typing import Any

from .expr_syntax import ExprError
from .limits import MAX_FORMAT_WIDTH, MAX_LEN
from .values import charge, check_result, cost

# A field's name, conversion and spec; the name is checked apart, to say what is wrong.
_FIELD_RE = re.compile(r"(?P<name>[^!:]*)(?:!(?P<conv>[^:]*))?(?::(?P<spec>.*))?\Z", re.DOTALL)
# [[fill]align][sign][z][#][0][width][grouping][.precision][type]
_SPEC_RE = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<prec>\d*))?"
                      r"[a-zA-Z%]?\Z", re.DOTALL)


def _pieces(fmt: str) -> list[str | tuple[str, str | None, str]]:
    """The format string as literal text and (name, conversion, spec) fields."""
    out: list[str | tuple[str, str | None, str]] = []
    text: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch in "{}" and i + 1 < n and fmt[i + 1] == ch:  # {{ and }}: a brace
            text.append(ch)
            i += 2
        elif ch == "}":
            raise ExprError("a single '}' in a format string (write '}}' for a brace)")
        elif ch == "{":
            end = fmt.find("}", i)
            inner = fmt[i + 1:end] if end >= 0 else ""
            if end < 0 or "{" in inner:
                raise ExprError("a '{' in a format string without its '}' (write '{{' for "
                                "a brace; fields inside a field are not supported)")
            m = _FIELD_RE.match(inner)
            assert m is not None  # every string matches: the spec takes the rest
            out.append("".join(text))
            text = []
            out.append((m["name"], m["conv"], m["spec"] or ""))
            i = end + 1
        else:
            text.append(ch)
            i += 1
    out.append("".join(text))
    return out


def _value(name: str, args: list, kwargs: dict, auto: list[int]) -> Any:
    if name == "":
        if auto[0] < 0:
            raise ExprError("a format string numbers its fields all or none: not {} with {0}")
        index = auto[0]
        auto[0] += 1
    elif name.isdigit():
        if auto[0] > 0:
            raise ExprError("a format string numbers its fields all or none: not {} with {0}")
        auto[0] = -1
        index = int(name)
    elif name.isidentifier():
        if name not in kwargs:
            raise ExprError(f"format(): no value named '{name}' (give it as {name}=…)")
        return kwargs[name]
    else:
        raise ExprError(f"'{{{name}}}' in a format string: a field is {{}}, {{0}} or {{name}}, "
                        "without attributes or items (.x, [key])",
                        hint="compute the value first: $ x = p[\"key\"], then "
                             "\"{}\".format(x)")
    if index >= len(args):
        raise ExprError(f"format(): no value for field {index} ({len(args)} given)")
    return args[index]


def _check_spec(spec: str) -> None:
    m = _SPEC_RE.match(spec)
    if m is None:
        raise ExprError(f"'{spec}' is not a format spec (like :>5, :.2f or :03d)")
    for part in (m["width"], m["prec"]):
        if part and (len(part) > 4 or int(part) > MAX_FORMAT_WIDTH):
            raise ExprError(f"a width or precision in a format string above "
                            f"{MAX_FORMAT_WIDTH}")


def format_text(fmt: str, args: list, kwargs: dict) -> str:
    """`fmt.format(*args, **kwargs)` for plain values, under the bounds on text."""
    charge(cost(fmt) + sum(map(cost, args)) + sum(map(cost, kwargs.values())))
    out: list[str] = []
    size = 0
    auto = [0]
    for piece in _pieces(fmt):
        if isinstance(piece, str):
            out.append(piece)
        else:
            name, conv, spec = piece
            value = _value(name, args, kwargs, auto)
            if conv not in (None, "s", "r"):
                raise ExprError(f"'!{conv}' in a format string: !s or !r")
            _check_spec(spec)
            if conv is not None:
                value = repr(value) if conv == "r" else str(value)
            out.append(format(value, spec))
        size += len(out[-1])
        if size > MAX_LEN:
            raise ExprError("format() would make text too long")
    return check_result("".join(out))
