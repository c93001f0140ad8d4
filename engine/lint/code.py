"""What lint reads of the statements `$` lines and python blocks make (parse_code.py):
the names each sets and the expressions each reads, and the --strict notes on what is
accepted and ignored (Character() styling we do not draw, callback=)."""

from __future__ import annotations

from collections.abc import Iterator

from engine.script.errors import ScriptError
from engine.script.expr import ignored_kwarg
from engine.script.parse_code import IGNORED_CALLS
from engine.script.program import Program, Stmt

CODE_KINDS = frozenset({"assign_item", "assign_many", "change", "notify", "input"})


def targets(stmt: Stmt) -> list[str]:
    """The variables a statement of CODE_KINDS sets (that it may also create)."""
    if stmt.kind == "assign_many":
        return list(stmt.args["targets"])
    if stmt.kind == "input":
        return [stmt.args["target"]]
    return []


def exprs(stmt: Stmt) -> Iterator[list]:
    """The expressions a statement of CODE_KINDS reads (renpy.input's text is its own)."""
    a = stmt.args
    kind = stmt.kind
    if kind in ("assign_item", "change"):
        if kind == "change" or a["keys"] or a["op"] != "=":
            yield ["name", a["target"]]
        yield from a["keys"]
    if kind in ("assign_item", "assign_many"):
        yield a["expr"]
    elif kind == "change":
        yield from a["args"]
        yield from (v for _, v in a["kwargs"])
    elif kind == "notify":
        yield a["message"]
    elif kind == "input":
        yield from (a[k] for k in ("prompt", "default", "allow", "exclude", "length")
                    if a[k] is not None)
        if "then" in a:  # what the line makes of the text: the text itself is no variable
            yield _without_input(a["then"])


def _without_input(node: list) -> list:
    if node == ["name", "_input"]:
        return ["lit", ""]
    return [_without_input(x) if isinstance(x, list) else x for x in node]


def ignored_notes(program: Program) -> list[ScriptError]:
    """Character() arguments accepted and not honoured, one warning each where defined;
    renpy.* calls accepted and ignored, once per call and file."""
    out = _ignored_calls(program)
    for init in program.inits:
        e = init.expr
        if init.kind != "define" or not isinstance(e, list) or e[0] != "call" \
                or e[1] != "Character":
            continue
        for key, _ in e[3]:
            if ignored_kwarg(key):
                why = "it runs code on events" if key == "callback" else \
                    "the engine draws its own dialogue box"
                out.append(ScriptError(init.loc, f"Character() ignores {key}=: {why}",
                                       init.source, severity="warning"))
    return out


def _ignored_calls(program: Program) -> list[ScriptError]:
    out = []
    seen: set[tuple[str, str]] = set()
    for stmt in program.statements:
        name = stmt.args.get("ignored") if stmt.kind == "pass" else None
        if name is not None and (stmt.loc.file, name) not in seen:
            seen.add((stmt.loc.file, name))
            out.append(ScriptError(stmt.loc, f"{name}() is accepted and does nothing here: "
                                   f"{IGNORED_CALLS.get(name, 'it is ignored')}",
                                   stmt.source, severity="warning"))
    return out
