"""Evaluating expressions (parsed by expr_syntax.py): a walker over the nested lists that
knows every operation it performs, with a short allow-list of functions. There is no `eval`,
and values stay plain JSON-able data, so a variable can always be saved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

# Parsing lives in expr_syntax; these names stay importable from here, where callers
# have always found them.
from engine.atl.transitions import TRANSITIONS, transition_spec

from .expr_calls import (
    BUILTINS,
    KEYWORDS_TAKEN,
    RANDOM,
    RANDOM_FUNCS,
    call_method,
    comprehension,
)
from .expr_syntax import ExprError, Node, expr_error, names_read, parse_expression
from .limits import MAX_IMAGE_NAME, MAX_NAME_LENGTH, MAX_ROUND_DIGITS
from .values import (
    charge,
    check_format,
    check_power,
    check_product,
    check_result,
    cost,
    image_name_problem,
    joined,
    repeated,
)

__all__ = [
    "BUILTIN_VALUES", "CALLABLE", "CHARACTER_KWARGS", "ExprError", "Lookup", "Node",
    "apply_operator", "evaluate", "expr_error", "names_read", "parse_expression", "transition",
]

Lookup = Callable[[str], Any]


def _binop(op: str, a: Any, b: Any) -> Any:
    # Each result is checked before anything can build on it; a repetition, product or
    # power is checked before it is computed, since computing it is what would blow up.
    if op == "+":
        return joined(a, b)
    if op == "-":
        return check_result(a - b)
    if op == "*":
        if isinstance(a, (str, list, tuple)):
            return repeated(a, b)
        if isinstance(b, (str, list, tuple)):
            return repeated(b, a)
        check_product(a, b)
        return check_result(a * b)
    if op == "/":
        return a / b
    if op == "//":
        return check_result(a // b)
    if op == "%":
        if isinstance(a, str):
            check_format(a)
        return check_result(a % b)
    if op == "**":
        check_power(a, b)
        return check_result(a ** b)
    raise ExprError(f"unknown operator {op}")


def apply_operator(op: str, a: Any, b: Any, b_node: Node | None = None) -> Any:
    """`a op b` (an augmented assignment's `x += y`) under the evaluator's own checks;
    any failure is an ExprError. `b_node`, the expression b came from, tells
    `s %= (x, y)` (the values) from `s %= [x, y]` (one list)."""
    if op == "%" and b_node is not None and b_node[0] == "tuple":
        b = tuple(b)
    return _guarded(_binop, op, a, b)


def _compare(op: str, a: Any, b: Any) -> bool:
    if type(a) in _BIG or type(b) in _BIG:
        charge(cost(b) if op in ("in", "not in") else min(cost(a), cost(b)))
    match op:
        case "==":
            return a == b
        case "!=":
            return a != b
        case "<":
            return a < b
        case "<=":
            return a <= b
        case ">":
            return a > b
        case ">=":
            return a >= b
        case "in":
            return a in b
        case "not in":
            return a not in b
        case "is":
            return a is b
        case _:
            return a is not b


_BIG = frozenset({list, dict, tuple, str})  # what costs more to compare or show than a number


def transition(kind: str, duration: float = 0.5, out: float = 0.0, hold: float = 0.0,
               in_: float = 0.0) -> dict:
    """A transition as plain data: the presentation layer knows how to play it."""
    if kind == "fade":
        return {"kind": "fade", "out": out, "hold": hold, "in": in_,
                "duration": out + hold + in_}
    return {"kind": kind, "duration": duration}


def _num(v: Any, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
        raise ExprError(f"{what} must be a non-negative number of seconds, not {v!r}")
    return float(v)


CHARACTER_KWARGS = frozenset(
    {"color", "image", "who_color", "what_color", "what_prefix", "what_suffix", "kind",
     "who_bold", "what_italic", "dynamic"}
)


# Ren'Py's other Character() styling, accepted and ignored (lint --strict names them).
IGNORED_PREFIXES = ("what_", "who_", "window_", "ctc", "show_", "namebox_", "nvl_")
IGNORED_KWARGS = frozenset({"callback", "screen", "mode", "interact", "advance",
                            "voice_tag", "condition", "retain", "statement_name"})


def ignored_kwarg(key: str) -> bool:
    """Whether Character() accepts `key=` without honouring it."""
    return key not in CHARACTER_KWARGS and (key in IGNORED_KWARGS
                                            or key.startswith(IGNORED_PREFIXES))


def _character(args: list, kwargs: dict) -> dict:
    if len(args) > 1:
        raise ExprError("Character() takes the name and keyword arguments")
    named = bool(args) or "name" in kwargs
    name = args[0] if args else kwargs.pop("name", None)
    if name is not None and not isinstance(name, str):
        raise ExprError("Character()'s name must be a string or None")
    if name is not None and len(name) > MAX_NAME_LENGTH:
        raise ExprError(f"Character()'s name is {len(name)} characters long; at most "
                        f"{MAX_NAME_LENGTH}")
    for key in list(kwargs):
        if ignored_kwarg(key):
            del kwargs[key]
        elif key not in CHARACTER_KWARGS:
            raise ExprError(f"Character() does not support '{key}='",
                            hint="supported: " + ", ".join(sorted(CHARACTER_KWARGS)))
    image = kwargs.get("image")
    if image is not None and (not isinstance(image, str) or image_name_problem([image])):
        raise ExprError("Character()'s image must be an image's name (one word) in quotes, "
                        f"at most {MAX_IMAGE_NAME} bytes")
    kind = kwargs.get("kind")
    base: dict = {}
    if isinstance(kind, dict) and kind.get("__type__") == "character":
        base, kind = kind, kind.get("kind", "adv")  # kind=e: a copy of e, changed
    elif kind not in (None, "adv", "nvl"):
        raise ExprError(f"Character()'s kind must be adv, nvl or a character, not {kind!r}")
    color = kwargs.get("who_color", kwargs.get("color", base.get("color")))
    if base and not named:
        name = base["name"]
    return {"__type__": "character", "name": name, "color": color,
            "image": kwargs.get("image", base.get("image")),
            "what_color": kwargs.get("what_color", base.get("what_color")),
            "what_prefix": kwargs.get("what_prefix", base.get("what_prefix", "")),
            "what_suffix": kwargs.get("what_suffix", base.get("what_suffix", "")),
            "kind": kind or "adv"}


def _call(name: str, args: list, kwargs: dict) -> Any:
    if name == "Character":
        return _character(args, kwargs)
    if name == "Dissolve":
        # alpha= (keep the picture's transparency) is how Ren'Py always dissolves here.
        if len(args) != 1 or set(kwargs) - {"alpha"}:
            raise ExprError("Dissolve() takes the time in seconds (and alpha=)")
        return transition("dissolve", _num(args[0], "Dissolve's time"))
    if name == "Fade":
        if not 1 <= len(args) <= 3 or set(kwargs) - {"color"}:
            raise ExprError("Fade() takes out, hold and in times in seconds")
        times = [_num(a, "a Fade time") for a in args]
        out = times[0]
        hold = times[1] if len(times) > 1 else 0.0
        fade_in = times[2] if len(times) > 2 else out
        t = transition("fade", out=out, hold=hold, in_=fade_in)
        if "color" in kwargs:
            t["color"] = kwargs["color"]
        return t
    if name in ("MoveTransition", "Pause"):
        if len(args) != 1 or kwargs:
            raise ExprError(f"{name}() takes one argument, the time in seconds")
        seconds = _num(args[0], f"{name}'s time")
        if name == "Pause":
            return {"kind": "pause", "family": "pause", "duration": seconds}
        return transition_spec("move", duration=seconds)
    if name in ("_", "__", "_p"):  # translation markers: the text as written
        if len(args) != 1 or not isinstance(args[0], str):
            raise ExprError(f"{name}() marks one string for translation")
        return args[0]
    if name in BUILTINS:
        if set(kwargs) - KEYWORDS_TAKEN.get(name, set()):
            raise ExprError(f"{name}() takes no such keyword arguments")
        if any(type(a) in _BIG for a in args):
            charge(sum(map(cost, args)))
        return check_result(BUILTINS[name](*args, **kwargs))
    fn = _SAFE_FUNCS.get(name)
    if fn is None:
        raise ExprError(f"'{name}()' is not a function scenes may call",
                        hint="allowed: " + ", ".join(sorted(CALLABLE)))
    if kwargs:
        raise ExprError(f"{name}() takes no keyword arguments")
    if name == "round" and len(args) == 2 and isinstance(args[1], int) \
            and abs(args[1]) > MAX_ROUND_DIGITS:
        raise ExprError(f"round()'s digits must be within {MAX_ROUND_DIGITS} of 0")
    if any(type(a) in _BIG for a in args):
        charge(sum(map(cost, args)))
    return check_result(fn(*args))


_SAFE_FUNCS: dict[str, Callable[..., Any]] = {
    "len": len, "str": str, "int": int, "float": float, "bool": bool, "abs": abs,
    "min": min, "max": max, "round": round,
}
CALLABLE = frozenset({"Character", "Dissolve", "Fade", "MoveTransition", "Pause", "_", "__",
                      "_p", *_SAFE_FUNCS, *BUILTINS})

BUILTIN_VALUES: dict[str, Any] = {
    # Ren'Py's transitions by name (engine/atl/transitions.py), fade and dissolve below.
    **{name: transition_spec(name) for name in TRANSITIONS},
    "fade": transition("fade", out=0.5, hold=0.0, in_=0.5),
    "dissolve": transition("dissolve", 0.5),
    # Character kinds: Character("Name", kind=nvl) speaks on the NVL page.
    "adv": "adv",
    "nvl": "nvl",
    # Ren'Py's built-in characters: narration on the NVL page, a line centred on the
    # screen with no window, and `extend`, which continues the line before.
    "nvl_narrator": {"__type__": "character", "name": None, "color": None, "image": None,
                     "what_color": None, "what_prefix": "", "what_suffix": "",
                     "kind": "nvl"},
    "centered": {"__type__": "character", "name": None, "color": None, "image": None,
                 "what_color": None, "what_prefix": "", "what_suffix": "",
                 "kind": "centered"},
    "extend": {"__type__": "character", "name": None, "color": None, "image": None,
               "what_color": None, "what_prefix": "", "what_suffix": "", "kind": "extend"},
}


def evaluate(node: Node, lookup: Lookup) -> Any:
    """Evaluate a parsed expression. `lookup(name)` returns a variable's value or raises
    ExprError. Python errors (a type mismatch, division by zero) become ExprError."""
    return _guarded(_eval, node, lookup)


def _guarded(fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except ExprError:
        raise
    except RecursionError:
        raise ExprError("expression nested too deeply") from None
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, KeyError,
            IndexError, AttributeError) as exc:
        raise ExprError(f"{type(exc).__name__}: {exc}") from None


def _eval(node: Node, lookup: Lookup) -> Any:
    tag = node[0]
    if tag == "lit":
        return node[1]
    if tag == "name":
        return lookup(node[1])
    if tag == "bin":
        left = _eval(node[2], lookup)
        right = _eval(node[3], lookup)
        if node[1] == "%" and node[3][0] == "tuple":
            right = tuple(right)  # `"%s of %s" % (a, b)`: the values, not one list
        return _binop(node[1], left, right)
    if tag == "cmp":
        ops, operands = node[1], node[2]
        left = _eval(operands[0], lookup)
        for op, right_node in zip(ops, operands[1:], strict=True):
            right = _eval(right_node, lookup)
            if not _compare(op, left, right):
                return False
            left = right
        return True
    if tag == "and":
        value: Any = True
        for item in node[1]:
            value = _eval(item, lookup)
            if not value:
                return value
        return value
    if tag == "or":
        value = False
        for item in node[1]:
            value = _eval(item, lookup)
            if value:
                return value
        return value
    if tag == "not":
        return not _eval(node[1], lookup)
    if tag == "un":
        v = _eval(node[2], lookup)
        return -v if node[1] == "-" else +v
    if tag == "attr":
        base = node[1]
        if base[0] == "name":
            return lookup(f"{base[1]}.{node[2]}")
        raise ExprError("attributes can only be read from config and persistent")
    if tag == "sub":
        return _eval(node[1], lookup)[_eval(node[2], lookup)]
    if tag == "call":
        args = [_eval(a, lookup) for a in node[2]]
        kwargs = {k: _eval(v, lookup) for k, v in node[3]}
        if node[1].startswith("renpy."):
            return _renpy(node[1], args, kwargs, lookup)
        return _call(node[1], args, kwargs)
    if tag == "mcall":
        obj = _eval(node[1], lookup)
        args = [_eval(a, lookup) for a in node[3]]
        kwargs = {k: _eval(v, lookup) for k, v in node[4]}
        return call_method(obj, node[2], args, kwargs)[0]
    if tag == "comp":
        return comprehension(node, lookup, _eval)
    if tag == "list" or tag == "tuple":
        return check_result([_eval(i, lookup) for i in node[1]])
    if tag == "dict":
        return check_result({_eval(k, lookup): _eval(v, lookup) for k, v in node[1]})
    if tag == "if":
        return _eval(node[2], lookup) if _eval(node[1], lookup) else _eval(node[3], lookup)
    raise ExprError(f"unknown expression node {tag!r}")


def _renpy(name: str, args: list, kwargs: dict, lookup: Lookup) -> Any:
    """`renpy.random.*` in an expression: the story's seeded source (story.py keeps its
    state, so a save, a load and a rollback draw the same numbers)."""
    module, _, func = name.rpartition(".")
    if module == RANDOM and func in RANDOM_FUNCS:
        if kwargs:
            raise ExprError(f"{name}() takes no keyword arguments")
        return check_result(lookup(RANDOM)(func, args))
    if name == "renpy.input":
        raise ExprError("'renpy.input()' cannot be used in an expression: only in the value "
                        "a '$' line gives a name",
                        hint='$ answer = renpy.input("Your name?").strip(), then use answer')
    raise ExprError(f"'{name}()' cannot be used in an expression",
                    hint="renpy.random.randint/choice/random are; other renpy calls are "
                    "'$' lines of their own")
