"""The story's side of ATL: the program's transform table, and a show's transforms and
inline ATL turned into the plain data a sprite keeps on stage (engine/atl evaluates it).

`transform` definitions run at init, after the defines: each body's names other than its
parameters are fixed to the defines' values then, so the table is pure data. A show's
transform arguments and its inline block are evaluated when it runs, so they may read
variables; the sprite keeps only values.
"""

from __future__ import annotations

from typing import Any

from engine.atl.builtins import BUILTIN_TRANSFORMS
from engine.atl.properties import PROPERTIES, check
from engine.atl.values import bind_block, substitute, value

from .errors import Loc, ScriptError, did_you_mean
from .expr import ExprError, Lookup, expr_error
from .program import Program

# Ren'Py's transform classes, called with properties: at Transform(xalign=0.5).
PROPERTY_TRANSFORMS = frozenset({"Transform", "Position"})


def transform_table(program: Program, lookup: Lookup) -> dict[str, dict[str, Any]]:
    """{name: {"params", "defaults" (values), "body"}} of the program's transforms."""
    table: dict[str, dict[str, Any]] = {}
    for name, init in program.transforms.items():
        spec = init.expr
        keep = frozenset(spec["params"])
        defaults = {}
        for p, expr in spec["defaults"].items():
            try:
                defaults[p] = value(expr, lookup)
            except ExprError as exc:
                raise expr_error(exc, init.loc, init.source) from None
        table[name] = {"params": list(spec["params"]), "defaults": defaults,
                       "body": substitute(spec["body"], keep, lookup)}
    return table


def params_of(name: str, table: dict[str, dict[str, Any]]) -> list[str] | None:
    """A transform's parameter names; None when the name is no transform."""
    if name in table:
        return table[name]["params"]
    if name in BUILTIN_TRANSFORMS:
        return []
    return None


def match_args(name: str, params: list[str], defaults: dict[str, Any], args: list,
               kwargs: list[list]) -> tuple[dict[str, Any], str | None, str | None]:
    """Arguments by parameter name, what is wrong with them (None when nothing) and a
    hint. Works on expressions or values alike."""
    out: dict[str, Any] = {}
    if len(args) > len(params):
        s = "s" if len(params) != 1 else ""
        return out, f"{name}() takes {len(params)} argument{s}, not {len(args)}", None
    out.update(zip(params, args, strict=False))
    for k, v in kwargs:
        if k not in params:
            return out, f"{name}() has no parameter '{k}'", did_you_mean(k, params)
        if k in out:
            return out, f"{name}() got '{k}' twice", None
        out[k] = v
    missing = [p for p in params if p not in out and p not in defaults]
    if missing:
        return out, f"{name}() needs a value for '{missing[0]}'", None
    return out, None, None


def bind_refs(refs: list[dict], table: dict[str, dict[str, Any]], lookup: Lookup,
              loc: Loc, source: str) -> list[dict[str, Any]]:
    """A show's `at` list as the sprite keeps it: [{"name", "args": {param: value}}]."""
    out = []
    for ref in refs:
        where = Loc(loc.file, loc.line, ref.get("col", loc.col))
        name = ref["name"]
        try:
            args = [value(a, lookup) for a in ref["args"]]
            kwargs = [[k, value(v, lookup)] for k, v in ref["kwargs"]]
        except ExprError as exc:
            raise expr_error(exc, where, source) from None
        if name in PROPERTY_TRANSFORMS:
            bound = dict(kwargs)
            for k, v in bound.items():
                problem = check(k, v) if k in PROPERTIES else \
                    f"{name}() has no property '{k}'"
                if problem:
                    raise ScriptError(where, problem, source,
                                      hint=did_you_mean(k, PROPERTIES))
            if args:
                raise ScriptError(where, f"{name}() takes properties by name, like "
                                  f"{name}(xalign=0.5)", source)
            out.append({"name": name, "args": bound})
            continue
        params = params_of(name, table)
        if params is None:
            if args or kwargs:
                raise ScriptError(where, f"'{name}' is not a transform", source,
                                  hint=did_you_mean(name, [*table, *BUILTIN_TRANSFORMS]))
            out.append({"name": name, "args": {}})  # a stage mark: the renderer places it
            continue
        defaults = table[name]["defaults"] if name in table else {}
        bound, problem, hint = match_args(name, params, defaults, args, kwargs)
        if problem:
            raise ScriptError(where, problem, source, hint=hint)
        out.append({"name": name, "args": bound})
    return out


def bind_atl(block: list[dict] | None, lookup: Lookup, loc: Loc, source: str
             ) -> list[dict] | None:
    """An inline ATL block with its expressions evaluated, as the sprite keeps it."""
    if not block:
        return None
    try:
        return bind_block(block, lookup)
    except ExprError as exc:
        raise expr_error(exc, loc, source) from None
