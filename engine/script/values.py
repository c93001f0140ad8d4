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
    MAX_ITEMS,
    MAX_LEN,
    MAX_NAME_LENGTH,
    MAX_STEP_WORK,
    MAX_VALUE_DEPTH,
    MAX_VALUE_WEIGHT,
)

# Lists and dicts measured lately: id -> (the value, its weight, depth, problem). Values are
# never changed in place (every operation makes a new one), so a measure stays true; the
# entry holds the value, so its id cannot be reused while it is here. This is what keeps a
# loop that grows a list (`$ l = l + [x]`) from walking the whole list at every step.
_MEASURED: dict[int, tuple[Any, int, int, str | None]] = {}
_MEASURED_KEPT = 32


def _remember(value: Any, weight_: int, depth: int, problem: str | None) -> None:
    if len(_MEASURED) >= _MEASURED_KEPT:
        del _MEASURED[next(iter(_MEASURED))]  # the oldest
    _MEASURED[id(value)] = (value, weight_, depth, problem)


def _measure(value: Any) -> tuple[int, int, str | None]:
    """(weight, depth, why a variable may not hold it or None) of a value. The weight is
    every item and character in it, a shared part counted each time it appears; the walk
    stops once that passes MAX_VALUE_WEIGHT."""
    t = type(value)
    if t is not list and t is not dict and t is not tuple:
        return _scalar(value)
    hit = _MEASURED.get(id(value))
    if hit is not None and hit[0] is value:
        return hit[1], hit[2], hit[3]
    total = 0
    deepest = 0
    problem: str | None = None
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo and total <= MAX_VALUE_WEIGHT:
        v, depth = todo.pop()
        t = type(v)
        if t is list or t is dict or t is tuple:
            hit = _MEASURED.get(id(v)) if depth else None
            if hit is not None and hit[0] is v:
                total += hit[1]
                deepest = max(deepest, depth + hit[2])
                problem = problem or hit[3]
                continue
            total += 1 + len(v)
            deepest = max(deepest, depth + 1)
            if len(v) > MAX_ITEMS:
                problem = problem or f"{len(v)} items (at most {MAX_ITEMS})"
            if t is dict:
                if not all(type(k) is str for k in v):
                    problem = problem or "a dict whose keys are not all text"
                total += sum(len(k) for k in v if type(k) is str)
                todo.extend((x, depth + 1) for x in v.values())
            else:
                if t is tuple:
                    problem = problem or "a tuple"
                todo.extend((x, depth + 1) for x in v)
        else:
            w, _, why = _scalar(v)
            total += w
            problem = problem or why
    if total > MAX_VALUE_WEIGHT:
        problem = f"more than {MAX_VALUE_WEIGHT} items and characters in all"
    elif deepest > MAX_VALUE_DEPTH:
        problem = problem or f"lists or dicts nested more than {MAX_VALUE_DEPTH} deep"
    _remember(value, total, deepest, problem)
    return total, deepest, problem


def _scalar(v: Any) -> tuple[int, int, str | None]:
    t = type(v)
    if t is str:
        return 1 + len(v), 0, (f"text of {len(v)} characters (at most {MAX_LEN})"
                               if len(v) > MAX_LEN else None)
    if t is int:
        bits = v.bit_length()
        return 1 + (bits >> 5), 0, (f"a number of more than {MAX_INT_DIGITS} digits"
                                    if bits > MAX_INT_BITS else None)
    if v is None or t is bool:
        return 1, 0, None
    if t is float:
        return 1, 0, None if math.isfinite(v) else f"{v!r}"
    return 1, 0, f"a value of type {t.__name__}"


# Units of work since the story last showed something: Story.next sets it to 0.
WORK = [0]


def charge(units: int) -> None:
    """Count work an operation is about to do, and refuse it past MAX_STEP_WORK."""
    WORK[0] += units
    if WORK[0] > MAX_STEP_WORK:
        raise ExprError(f"more than {MAX_STEP_WORK:,} units of work without showing "
                        "anything: an endless loop over a large value?")


def cost(value: Any) -> int:
    """What comparing, searching or showing a value costs, roughly: its items (text is
    searched and copied in bulk, so a character costs little)."""
    t = type(value)
    if t is str:
        return 1 + (len(value) >> 6)
    if t is list or t is dict or t is tuple:
        return weight(value)
    return 1


def weight(value: Any) -> int:
    """Items and characters in a value, a shared part counted each time it appears (an
    estimate past MAX_VALUE_WEIGHT, where counting stops)."""
    return _measure(value)[0]


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
        if len(value) > MAX_ITEMS:
            raise ExprError(f"value too large ({len(value)} items; at most {MAX_ITEMS})")
        if weight(value) > MAX_VALUE_WEIGHT:
            raise ExprError(f"value too large (more than {MAX_VALUE_WEIGHT} items and "
                            "characters in all)")
    return value


def joined(a: Any, b: Any) -> Any:
    """`a + b`, checked; two lists joined are measured from their parts, not walked."""
    if type(a) is list and type(b) is list:
        if len(a) + len(b) > MAX_ITEMS:
            raise ExprError(f"value too large ({len(a) + len(b)} items; at most {MAX_ITEMS})")
        wa, da, pa = _measure(a)
        wb, db, pb = _measure(b)
        if wa + wb - 1 > MAX_VALUE_WEIGHT:
            raise ExprError(f"value too large (more than {MAX_VALUE_WEIGHT} items and "
                            "characters in all)")
        result = a + b
        _remember(result, wa + wb - 1, max(da, db), pa or pb)
        return result
    return check_result(a + b)


def repeated(seq: Any, times: Any) -> Any:
    """`seq * times` (a string or list repeated), checked before it is made; a list's
    repetition is measured from the list, not walked."""
    if type(times) is not int or times <= 0:
        return seq * times
    if isinstance(seq, str):
        if len(seq) * times > MAX_LEN:
            raise ExprError(f"text too long (more than {MAX_LEN} characters)")
        return seq * times
    w, depth, problem = _measure(seq)
    if len(seq) * times > MAX_ITEMS or (w - 1) * times + 1 > MAX_VALUE_WEIGHT:
        raise ExprError(f"value too large (more than {MAX_ITEMS} items)")
    result = seq * times
    if type(result) is list:
        _remember(result, (w - 1) * times + 1, depth, problem)
    return result


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
    return _measure(value)[2]


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
