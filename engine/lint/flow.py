"""Lint's checks of the control flow Ren'Py adds (see engine/script/parse_flow.py): a
`jump`/`call expression` whose label is known only when it runs, a call's arguments
against the label's parameters, `return` with a value and a label's defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.script.atl_runtime import match_args
from engine.script.errors import did_you_mean
from engine.script.expr import ExprError, evaluate
from engine.script.expr_calls import RANDOM
from engine.script.expr_syntax import children
from engine.script.program import Stmt

if TYPE_CHECKING:
    from engine.lint.core import Linter


def flow_lint(lint: Linter, stmt: Stmt) -> None:
    """The statements of these kinds that use more than their plain form."""
    a = stmt.args
    labels = lint.program.labels
    if stmt.kind in ("jump", "call"):
        target = a["target"]
        if target is None:
            lint.names(a["expr"], stmt)  # the label is known when it runs
        elif target not in labels:
            lint.error(stmt, f"no label named '{target}'", hint=did_you_mean(target, labels))
        if "args" in a:
            for e in [*a["args"], *(v for _, v in a["kwargs"])]:
                lint.names(e, stmt)
            if target in labels:
                _arguments(lint, stmt, lint.program.statements[labels[target]])
    elif stmt.kind == "return":
        lint.names(a.get("expr"), stmt)
    elif stmt.kind == "label":
        for expr in (a.get("defaults") or {}).values():
            lint.names(expr, stmt)


def _arguments(lint: Linter, stmt: Stmt, label: Stmt) -> None:
    params = label.args.get("params")
    if params is None:
        lint.error(stmt, f"label '{label.args['name']}' takes no arguments")
        return
    _, problem, hint = match_args(label.args["name"], params, label.args["defaults"],
                                  stmt.args["args"], stmt.args["kwargs"])
    if problem is not None:
        lint.error(stmt, problem, hint=hint)


_CONSTANT = frozenset({"lit", "list", "tuple", "dict", "un", "bin"})


def call_problems(expr: list) -> list[str]:
    """What the runtime will say of each call in `expr` whose arguments are all written
    out (`Dissolve(1.0, alpha=True)`): lint evaluates it the same way, so the two agree on
    every call's arguments."""
    out = []
    todo = [expr]
    while todo:
        node = todo.pop()
        kids = children(node)
        todo.extend(kids)
        if node[0] == "call" and all(_constant(k) for k in kids):
            try:
                evaluate(node, _no_names)
            except ExprError as exc:
                out.append(str(exc))
            except _Unknowable:
                pass  # its value depends on the playthrough (renpy.random): nothing to check
    return out


def _constant(node: list) -> bool:
    return node[0] in _CONSTANT and all(_constant(k) for k in children(node))


class _Unknowable(Exception):
    pass


def _no_names(name: str) -> None:
    if name == RANDOM:
        raise _Unknowable(name)
    raise ExprError(f"'{name}' is not defined")
