"""The bounds on values a scene computes and keeps (engine/script/limits.py gives them).

The evaluator checks each value an operation makes, before the next operation can build on
it, and checks a repetition or a power before computing it (the result is what would blow
up). A variable is checked once more when it is set: what it may hold is saved as JSON,
shown in dialogue and compared, so it must be plain data of a bounded size and depth.
Every walk here is iterative and stops as soon as a bound is passed.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .expr_syntax import ExprError
from .limits import (
    MAX_FORMAT_WIDTH,
    MAX_IMAGE_NAME,
    MAX_IMAGE_WORDS,
    MAX_INT_BITS,
    MAX_INT_DIGITS,
    MAX_LEN,
    MAX_NAME_LENGTH,
    MAX_VALUE_DEPTH,
    MAX_VALUE_WEIGHT,
)

_SEQUENCES = (str, list, tuple, dict)


def weight(value: Any, cap: int = MAX_VALUE_WEIGHT) -> int:
    """Items and characters in a value, a shared part counted each time it appears;
    stops counting past `cap`."""
    total = 0
    todo = [value]
    while todo:
        v = todo.pop()
        t = type(v)
        if t is str:
            total += 1 + len(v)
        elif t is list or t is tuple:
            total += 1 + len(v)
            todo.extend(v)
        elif t is dict:
            total += 1 + len(v)
            todo.extend(v.keys())
            todo.extend(v.values())
        elif t is int:
            total += 1 + (v.bit_length() >> 5)
        else:
            total += 1
        if total > cap:
            return total
    return total


def check_int(value: int) -> int:
    if value.bit_length() > MAX_INT_BITS:
        raise ExprError(f"number too large (more than {MAX_INT_DIGITS} digits)")
    return value


def check_result(value: Any) -> Any:
    """`value` if it is within the bounds an operation's result must keep."""
    t = type(value)
    if t is int:
        return check_int(value)
    if t is str:
        if len(value) > MAX_LEN:
            raise ExprError(f"text too long ({len(value)} characters; at most {MAX_LEN})")
    elif t is list or t is tuple or t is dict:
        if len(value) > MAX_LEN:
            raise ExprError(f"value too large ({len(value)} items; at most {MAX_LEN})")
        if weight(value) > MAX_VALUE_WEIGHT:
            raise ExprError(f"value too large (more than {MAX_VALUE_WEIGHT} items and "
                            "characters in all)")
    return value


def check_repeat(seq: Any, times: Any) -> None:
    """Before `seq * times` (a string, list or tuple repeated)."""
    if type(times) is not int or times <= 0:
        return
    if isinstance(seq, str):
        if len(seq) * times > MAX_LEN:
            raise ExprError(f"text too long (more than {MAX_LEN} characters)")
    elif isinstance(seq, (list, tuple)):
        if len(seq) * times > MAX_LEN or weight(seq) * times > MAX_VALUE_WEIGHT:
            raise ExprError(f"value too large (more than {MAX_LEN} items)")


def check_product(a: Any, b: Any) -> None:
    """Before `a * b` of two integers."""
    if type(a) is int and type(b) is int and a.bit_length() + b.bit_length() > MAX_INT_BITS + 1:
        raise ExprError(f"number too large (more than {MAX_INT_DIGITS} digits)")


def check_power(a: Any, b: Any) -> None:
    """Before `a ** b`."""
    if isinstance(b, (int, float)) and abs(b) > 1000:
        raise ExprError("exponent too large")
    if type(a) is int and type(b) is int and b > 0 and abs(a) > 1 \
            and a.bit_length() * b > MAX_INT_BITS + b:
        raise ExprError(f"number too large (more than {MAX_INT_DIGITS} digits)")


# `%` formatting's conversion specs: %(key)flags width .precision type
_SPEC_RE = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def check_format(fmt: str) -> None:
    """Before `fmt % args`: a width or precision can ask for any amount of text."""
    if "%" not in fmt:
        return
    for m in _SPEC_RE.finditer(fmt):
        for part in m.groups():
            if part is not None and (part == "*" or len(part) > 4
                                     or int(part) > MAX_FORMAT_WIDTH):
                raise ExprError(f"a width or precision in '%' formatting above "
                                f"{MAX_FORMAT_WIDTH}")


def storable_problem(value: Any) -> str | None:
    """Why a variable may not hold `value`, or None: it must be plain JSON data (numbers,
    text, True/False/None, lists, dicts with text keys) within the bounds."""
    total = 0
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        v, depth = todo.pop()
        t = type(v)
        total += 1
        if v is None or t is bool:
            continue
        if t is int:
            if v.bit_length() > MAX_INT_BITS:
                return f"a number of more than {MAX_INT_DIGITS} digits"
            total += v.bit_length() >> 5
        elif t is float:
            if not math.isfinite(v):
                return f"{v!r}"
        elif t is str:
            if len(v) > MAX_LEN:
                return f"text of {len(v)} characters (at most {MAX_LEN})"
            total += len(v)
        elif t is list or t is dict:
            if depth >= MAX_VALUE_DEPTH:
                return f"lists or dicts nested more than {MAX_VALUE_DEPTH} deep"
            if len(v) > MAX_LEN:
                return f"{len(v)} items (at most {MAX_LEN})"
            if t is dict:
                if not all(type(k) is str for k in v):
                    return "a dict whose keys are not all text"
                total += sum(map(len, v))
                todo.extend((x, depth + 1) for x in v.values())
            else:
                todo.extend((x, depth + 1) for x in v)
        else:
            return f"a value of type {t.__name__}"
        if total > MAX_VALUE_WEIGHT:
            return f"more than {MAX_VALUE_WEIGHT} items and characters in all"
    return None


# Variables the engine reads as a name to show or keep, and what it names.
NAME_VARIABLES = {"ending": "the name the ending card shows and the endings list keeps"}


def variable_problem(name: str, value: Any) -> str | None:
    """Why variable `name` may not hold `value`, or None."""
    problem = storable_problem(value)
    if problem is not None:
        return (f"'{name}' cannot hold {problem}: variables hold numbers, text, "
                "True/False/None, lists and dicts, of a bounded size")
    if name in NAME_VARIABLES:
        return name_problem(value, f"'{name}' ({NAME_VARIABLES[name]})")
    return None


def name_problem(value: Any, what: str, none_ok: bool = True) -> str | None:
    """Why `value` cannot be a name the engine shows or keeps (an ending, a game's name),
    or None: it must be text of a bounded length."""
    if value is None and none_ok:
        return None
    if not isinstance(value, str):
        return f"{what} must be text in quotes, not {_short(value)}"
    if len(value) > MAX_NAME_LENGTH:
        return f"{what} is {len(value)} characters long; at most {MAX_NAME_LENGTH}"
    return None


def image_name_problem(words: list[str]) -> str | None:
    """Why an image's words (name and attributes, which become a file name) are too many
    or too long, or None. Counted in bytes: that is how a file name is bounded."""
    if len(words) > MAX_IMAGE_WORDS:
        return f"more than {MAX_IMAGE_WORDS} words in an image's name and attributes"
    if sum(len(w.encode("utf-8", "replace")) for w in words) + len(words) > MAX_IMAGE_NAME:
        return f"an image's name and attributes longer than {MAX_IMAGE_NAME} bytes"
    return None


def _short(value: Any) -> str:
    if isinstance(value, (list, tuple, dict)):
        return f"a {type(value).__name__}"
    text = repr(value) if not isinstance(value, int) or value.bit_length() < 64 else "a number"
    return text if len(text) <= 40 else text[:37] + "..."
