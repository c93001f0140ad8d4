"""Values in ATL: the safe expression evaluator of the scene language, plus the colour
matrices ATL writes after `matrixcolor` (TintMatrix, BrightnessMatrix and their product),
which become plain data: {"tint": [r, g, b], "brightness": x}.

Binding replaces every expression of a compiled ATL block by its value (["lit", v]), so a
bound block is pure data the evaluator runs without any names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import engine.script.expr as script_expr  # a module: engine.script.expr imports engine.atl
from engine.script.expr_syntax import ExprError

Lookup = Callable[[str], Any]
MATRIX_FUNCS = frozenset({"TintMatrix", "BrightnessMatrix"})


def parse_colour(value: Any) -> tuple[float, float, float]:
    if not isinstance(value, str) or not value.startswith("#") \
            or len(value) not in (4, 5, 7, 9):
        raise ExprError(f"TintMatrix() takes a colour like \"#ffcc99\", not {value!r}")
    digits = value[1:]
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits)
    try:
        r, g, b = (int(digits[i:i + 2], 16) / 255.0 for i in (0, 2, 4))
    except ValueError:
        raise ExprError(f"TintMatrix() takes a colour like \"#ffcc99\", not {value!r}") \
            from None
    return r, g, b


def _matrix_call(name: str, args: list, kwargs: dict) -> dict:
    if len(args) != 1 or kwargs:
        raise ExprError(f"{name}() takes one argument")
    if name == "TintMatrix":
        return {"tint": list(parse_colour(args[0])), "brightness": 0.0}
    x = args[0]
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ExprError(f"BrightnessMatrix() takes a number, not {x!r}")
    return {"tint": [1.0, 1.0, 1.0], "brightness": float(x)}


def _product(a: dict, b: dict) -> dict:
    """a * b: as a tint and then a brightness (see Placement), the nearest to Ren'Py's
    matrix product."""
    return {"tint": [x * y for x, y in zip(a["tint"], b["tint"], strict=True)],
            "brightness": a["brightness"] + b["brightness"]}


def value(node: list, lookup: Lookup) -> Any:
    """Evaluate an ATL value. Raises ExprError."""
    tag = node[0]
    if tag == "lit":
        return node[1]
    if tag == "call" and node[1] in MATRIX_FUNCS:
        args = [value(a, lookup) for a in node[2]]
        kwargs = {k: value(v, lookup) for k, v in node[3]}
        return _matrix_call(node[1], args, kwargs)
    if tag == "bin" and node[1] == "*" and _has_matrix(node):
        a, b = value(node[2], lookup), value(node[3], lookup)
        if not (isinstance(a, dict) and isinstance(b, dict)):
            raise ExprError("only colour matrices can be multiplied with a colour matrix")
        return _product(a, b)
    return script_expr.evaluate(node, lookup)


def _has_matrix(node: Any) -> bool:
    if isinstance(node, list) and node:
        if node[0] == "call" and node[1] in MATRIX_FUNCS:
            return True
        return any(_has_matrix(n) for n in node[1:])
    return False


# --- binding blocks -----------------------------------------------------------------------

_LOC_KEYS = ("line", "col", "src")


def bind_block(block: list[dict], lookup: Lookup) -> list[dict]:
    """A copy of a compiled ATL block with every expression evaluated (["lit", v]) and the
    source locations dropped: what a sprite on stage keeps. Raises ExprError."""
    return [bind_statement(s, lookup) for s in block]


def bind_statement(stmt: dict, lookup: Lookup) -> dict:
    out: dict[str, Any] = {}
    for key, v in stmt.items():
        if key in _LOC_KEYS:
            continue
        out[key] = _bind_field(key, v, lookup)
    return out


def _lit(expr: list | None, lookup: Lookup) -> list | None:
    return None if expr is None else ["lit", value(expr, lookup)]


def _bind_field(key: str, v: Any, lookup: Lookup) -> Any:
    if key in ("duration", "count", "weight", "trans"):
        return _lit(v, lookup)
    if key == "props":
        return [[name, _lit(e, lookup)] for name, e, *_ in v]
    if key == "args":
        return [_lit(e, lookup) for e in v]
    if key == "kwargs":
        return [[k, _lit(e, lookup)] for k, e in v]
    if key in ("body",):
        return bind_block(v, lookup)
    if key == "blocks":
        return [bind_block(b, lookup) for b in v]
    if key == "options":
        return [[_lit(w, lookup), bind_block(b, lookup)] for w, b in v]
    if key == "handlers":
        return [[names, bind_block(b, lookup)] for names, b in v]
    if key == "to":
        return None if v is None else bind_statement(v, lookup)
    return v


def substitute(node: Any, keep: frozenset[str], lookup: Lookup) -> Any:
    """An expression (or a whole block) with each name not in `keep` replaced by its
    value from `lookup` when it has one: a transform's body with the defines it reads
    fixed at init time, only its parameters left to bind."""
    if isinstance(node, dict):
        return {k: substitute(v, keep, lookup) for k, v in node.items()}
    if not isinstance(node, list) or not node:
        return node
    if node[0] == "name" and len(node) == 2 and isinstance(node[1], str):
        if node[1] in keep:
            return node
        try:
            return ["lit", lookup(node[1])]
        except ExprError:
            return node
    return [substitute(n, keep, lookup) for n in node]
