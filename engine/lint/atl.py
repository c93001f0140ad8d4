"""Lint's checks of transforms, ATL and transitions: unknown transform names (neither the
program's, nor built-in, nor a stage mark), wrong arguments, property values of the wrong
kind, names an ATL expression reads that nothing defines, and unknown transitions after
`with`. Unknown properties and warpers are refused by the parser (parse_atl.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.atl.builtins import BUILTIN_TRANSFORMS
from engine.atl.properties import PROPERTIES, check
from engine.atl.transitions import TRANSITIONS
from engine.lint.media import frame_file
from engine.script.atl_runtime import PROPERTY_TRANSFORMS, match_args
from engine.script.errors import Loc, did_you_mean
from engine.script.expr import names_read
from engine.script.program import Init, Stmt
from engine.script.story import PROVIDED_NAMES

if TYPE_CHECKING:
    from engine.lint.core import Linter

POSITION_HINT = ("use left, center, right, truecenter, a transform defined with "
                 "'transform' or a stage mark of a map")


class AtlLint:
    def __init__(self, linter: Linter) -> None:
        self.lint = linter
        self.table = {name: init.expr for name, init in linter.program.transforms.items()}

    def known(self) -> set[str]:
        return {*self.table, *BUILTIN_TRANSFORMS, *self.lint.marks}

    # --- statements --------------------------------------------------------------------

    def statement(self, stmt: Stmt) -> None:
        a = stmt.args
        for ref in a.get("transforms") or []:
            loc = Loc(stmt.loc.file, stmt.loc.line, ref.get("col", stmt.loc.col))
            self.ref(ref["name"], ref["args"], ref["kwargs"], loc, stmt.source, set())
        if a.get("zorder") is not None:
            self.lint.names(a["zorder"], stmt)
        if a.get("atl"):
            self.block(a["atl"], stmt.loc.file, set())

    def transition(self, stmt: Stmt) -> bool:
        """Reports an unknown transition name after `with`; True when it did."""
        expr = stmt.args.get("with_")
        if not expr or expr[0] != "name" or expr[1] in self.lint.defined:
            return False
        self.lint.error(stmt, f"unknown transition '{expr[1]}'",
                        hint=did_you_mean(expr[1], TRANSITIONS) or
                        "use a transition such as dissolve, fade or moveinleft, or None")
        return True

    def init(self, init: Init) -> None:
        spec = init.expr
        params = set(spec["params"])
        for expr in spec["defaults"].values():
            self.names(expr, Loc(init.loc.file, init.loc.line, init.loc.col), init.source,
                       set())
        self.block(spec["body"], init.loc.file, params)

    # --- pieces ------------------------------------------------------------------------

    def ref(self, name: str, args: list, kwargs: list, loc: Loc, source: str,
            params: set[str]) -> None:
        for e in [*args, *(v for _, v in kwargs)]:
            self.names(e, loc, source, params)
        if name in PROPERTY_TRANSFORMS:
            for k, v in kwargs:
                self.prop(k, v, loc, source)
            if args:
                self.lint.error(None, f"{name}() takes properties by name, like "
                                f"{name}(xalign=0.5)", loc=loc, source=source)
            return
        if name in self.table:
            spec = self.table[name]
            _, problem, hint = match_args(name, spec["params"], spec["defaults"], args,
                                          kwargs)
            if problem:
                self.lint.error(None, problem, hint=hint, loc=loc, source=source)
        elif name in BUILTIN_TRANSFORMS or name in self.lint.marks:
            if args or kwargs:
                self.lint.error(None, f"'{name}' takes no arguments", loc=loc, source=source)
        else:
            self.lint.error(None, f"unknown transform or position '{name}'", loc=loc,
                            source=source, hint=did_you_mean(name, self.known()) or
                            POSITION_HINT)

    def prop(self, name: str, expr: list, loc: Loc, source: str) -> None:
        if name not in PROPERTIES:
            self.lint.error(None, f"unknown ATL property '{name}'", loc=loc, source=source,
                            hint=did_you_mean(name, PROPERTIES))
            return
        if expr and expr[0] == "lit":
            problem = check(name, expr[1])
            if problem:
                self.lint.error(None, problem, loc=loc, source=source)
        elif expr and expr[0] in ("tuple", "list") and all(e[0] == "lit" for e in expr[1]):
            problem = check(name, [e[1] for e in expr[1]])
            if problem:
                self.lint.error(None, problem, loc=loc, source=source)

    def names(self, expr: Any, loc: Loc, source: str, params: set[str]) -> None:
        if expr is None:
            return
        for name in sorted(names_read(expr)):
            if name in params or name in self.lint.defined or name in (
                    "TintMatrix", "BrightnessMatrix") or name.split(".")[0] in (
                    "persistent", "config"):
                continue
            self.lint.error(None, f"'{name}' is not defined", loc=loc, source=source,
                            hint=did_you_mean(name, {*params, *(self.lint.defined
                                                                 - PROVIDED_NAMES)}))

    def block(self, block: list[dict], file: str, params: set[str]) -> None:
        for s in block:
            loc = Loc(file, s.get("line", 1), s.get("col", 1))
            src = s.get("src", "")
            op = s["op"]
            for name, expr, *col in s.get("props", []):
                where = Loc(file, loc.line, col[0]) if col else loc
                self.prop(name, expr, where, src)
                self.names(expr, where, src, params)
            for key in ("duration", "count", "trans"):
                self.names(s.get(key), loc, src, params)
            if op == "child":
                frame_file(self.lint, s, file)
            elif op == "use":
                self.ref(s["name"], s["args"], s["kwargs"], loc, src, params)
            elif op == "interp" and s.get("to"):
                to = s["to"]
                self.ref(to["name"], to["args"], to["kwargs"],
                         Loc(file, to["line"], to["col"]), src, params)
            elif op == "block":
                self.block(s["body"], file, params)
            elif op == "parallel":
                for b in s["blocks"]:
                    self.block(b, file, params)
            elif op == "choice":
                for w, b in s["options"]:
                    self.names(w, loc, src, params)
                    self.block(b, file, params)
            elif op == "on":
                for events, b in s["handlers"]:
                    for e in events:
                        if e not in ("show", "hide", "replace", "start", "default"):
                            self.lint.error(None, f"unknown ATL event '{e}'", loc=loc,
                                            source=src, hint=did_you_mean(
                                                e, ("show", "hide", "replace", "start",
                                                    "default")))
                    self.block(b, file, params)


def names_in(data: Any, out: set[str]) -> None:
    """Every name the expressions anywhere in `data` (a transform, an ATL block, an at
    list) read."""
    if isinstance(data, dict):
        for v in data.values():
            names_in(v, out)
    elif isinstance(data, list) and data:
        if data[0] in ("name", "call", "attr", "bin", "un", "cmp", "and", "or", "not",
                       "sub", "tuple", "list", "dict", "if", "lit") and len(data) >= 2:
            try:
                names_read(data, out)
                return
            except (KeyError, IndexError, TypeError):
                pass
        for v in data:
            names_in(v, out)
