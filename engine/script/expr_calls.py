"""The evaluator's functions and methods beyond expr.py's own: Python's safe built-ins
(`len sorted range any all …`), the methods of text, lists and dicts, comprehensions and
`renpy.random`, each on an allow-list and under the size bounds of values.py.

Values are never changed in place (values.py measures a list once and trusts the measure),
so a method that changes its list or dict works on a copy and hands the copy back: the `$`
statement that called it (code_steps.py) stores the copy as the variable's new value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .expr_format import format_text
from .expr_syntax import ExprError
from .limits import MAX_ITEMS
from .values import charge, check_result, cost


def _distinct(items: Any) -> list:
    try:
        return list(dict.fromkeys(items))
    except TypeError:  # lists or dicts among them: compared one by one
        items = list(items)
        charge(len(items) * len(items) // 8)
        out: list = []
        for x in items:
            if x not in out:
                out.append(x)
        return out


def _sum(items: Any) -> Any:
    """Numbers only: `sum(lists, [])` would join lists before any bound could see them."""
    items = list(items)
    if not all(type(x) in (int, float) for x in items):
        raise ExprError("sum() adds numbers")
    return sum(items)


def _range(*args: Any) -> list:
    r = range(*args)
    if len(r) > MAX_ITEMS:
        raise ExprError(f"range() of {len(r):,} numbers (at most {MAX_ITEMS:,})")
    return list(r)


def _sorted(items: Any, reverse: bool = False) -> list:
    return sorted(items, reverse=bool(reverse))


def _dict(items: Any = ()) -> dict:
    return dict(items)


BUILTINS: dict[str, Callable[..., Any]] = {
    "sorted": _sorted, "set": lambda items=(): _distinct(items),
    "list": lambda items=(): list(items),
    "dict": _dict, "range": _range, "any": any, "all": all, "sum": _sum,
    "tuple": lambda items=(): list(items), "reversed": lambda items: list(reversed(items)),
}
KEYWORDS_TAKEN = {"sorted": {"reverse"}}

# Methods that only read their value, by the type they belong to.
_READ: dict[type, frozenset[str]] = {
    str: frozenset("strip lstrip rstrip lower upper title capitalize replace split "
                   "startswith endswith find count join isdigit isalpha isspace zfill "
                   "center ljust rjust rsplit rfind index rindex splitlines isupper islower "
                   "isalnum isnumeric swapcase casefold removeprefix removesuffix partition "
                   "rpartition format".split()),
    list: frozenset("index count copy".split()),
    dict: frozenset("get keys values items copy".split()),
}
# Methods that change their list or dict (on a copy, see the module's note).
_CHANGE: dict[type, frozenset[str]] = {
    list: frozenset("append extend insert pop remove clear sort reverse add discard".split()),
    dict: frozenset("pop update setdefault clear".split()),
}


def _type_name(v: Any) -> str:
    return {str: "text", list: "a list", dict: "a dict"}.get(type(v), type(v).__name__)


def _width(args: list) -> None:
    # center/ljust/rjust/zfill make text as wide as asked: the bound on text first.
    if args and isinstance(args[0], int) and args[0] > 100_000:
        raise ExprError("text wider than 100,000 characters")


def call_method(obj: Any, name: str, args: list, kwargs: dict, change: bool = False
                ) -> tuple[Any, Any]:
    """`obj.name(*args)`: (the result, the value obj becomes). Methods that change obj
    are allowed only with `change` (a `$` line of its own)."""
    t = type(obj)
    if t is str and name == "format":  # read field by field: see expr_format.py
        return format_text(obj, args, kwargs), obj
    charge(cost(obj) + sum(map(cost, args)))
    if name in _READ.get(t, ()):
        if kwargs:
            raise ExprError(f"{name}() takes no keyword arguments here")
        if name in ("center", "ljust", "rjust", "zfill"):
            _width(args)
        if t is str and name == "replace" and len(args) >= 2 and isinstance(args[1], str):
            if len(obj) * max(1, len(args[1])) > 10_000_000:
                raise ExprError("replace() would make text too long")
        result = getattr(obj, name)(*args)
        if t is dict and name in ("keys", "values", "items"):
            result = [list(kv) for kv in result] if name == "items" else list(result)
        elif isinstance(result, tuple):
            result = list(result)
        return check_result(result), obj
    if name in _CHANGE.get(t, ()):
        if not change:
            raise ExprError(f"'{name}()' changes {_type_name(obj)}: call it on a '$' line of "
                            "its own", hint="$ inventory.append(\"key\")")
        copy = t(obj)
        if name == "add":
            result = None
            if args and args[0] not in copy:
                copy.append(args[0])
        elif name == "discard":
            result = None
            if args and args[0] in copy:
                copy.remove(args[0])
        elif name == "sort":
            copy.sort(reverse=bool(kwargs.pop("reverse", False)))
            result = None
        else:
            if kwargs:
                raise ExprError(f"{name}() takes no keyword arguments here")
            result = getattr(copy, name)(*args)
        return result, check_result(copy)
    raise ExprError(f"'{name}()' is not a method scenes may call on {_type_name(obj)}",
                    hint="text: " + ", ".join(sorted(_READ[str])) + "; lists: "
                    + ", ".join(sorted(_READ[list] | _CHANGE[list])) + "; dicts: "
                    + ", ".join(sorted(_READ[dict] | _CHANGE[dict])))


def comprehension(node: list, lookup: Callable[[str], Any],
                  evaluate: Callable[[list, Callable[[str], Any]], Any]) -> Any:
    """["comp", kind, elt, names, items, conds]: a list or dict built item by item."""
    _, kind, elt, names, items_node, conds = node
    items = evaluate(items_node, lookup)
    if isinstance(items, dict):
        items = list(items)
    if not isinstance(items, (list, str)):
        raise ExprError(f"a comprehension loops over a list, text or dict, not {items!r}")
    charge(len(items))
    local: dict[str, Any] = {}

    def inner(name: str) -> Any:
        return local[name] if name in local else lookup(name)

    out: list = []
    for item in items:
        if len(names) == 1:
            local[names[0]] = item
        else:
            if not isinstance(item, (list, tuple)) or len(item) != len(names):
                raise ExprError(f"cannot unpack {item!r} into {len(names)} names")
            local.update(zip(names, item, strict=True))
        if all(evaluate(c, inner) for c in conds):
            out.append(evaluate(elt, inner))
    if kind == "dict":
        return check_result({k: v for k, v in out})
    return check_result(out)


RANDOM = "renpy.random"
RANDOM_FUNCS = frozenset({"randint", "choice", "random", "uniform", "shuffled"})
