"""The control flow of a compiled program: which statement can follow which.

Lint's reachability check, the route explorer and the story graph all need the same
successor rules, so they live here once.
"""

from __future__ import annotations

from engine.script.program import Program, Stmt


def successors(program: Program, index: int) -> list[int]:
    """Statements that can run right after statement `index` (a call's return point is
    included as its successor: the called label is expected to return)."""
    stmt: Stmt = program.statements[index]
    kind, args = stmt.kind, stmt.args
    labels = program.labels
    nxt = index + 1
    if kind == "jump":
        return [labels[args["target"]]] if args["target"] in labels else []
    if kind == "call":
        out = [nxt] if nxt < len(program.statements) else []
        if args["target"] in labels:
            out.insert(0, labels[args["target"]])
        return out
    if kind == "return":
        return []
    if kind == "goto":
        return [args["target"]] if args["target"] < len(program.statements) else []
    if kind == "branch":
        out = [nxt] if nxt < len(program.statements) else []
        if args["target"] < len(program.statements):
            out.append(args["target"])
        return out
    if kind == "menu":
        return [o["target"] for o in args["options"] if o["target"] < len(program.statements)]
    return [nxt] if nxt < len(program.statements) else []


def reachable(program: Program, start: str = "start") -> set[int]:
    """Indexes of every statement some path from `start` can reach (guards ignored)."""
    if start not in program.labels:
        return set()
    seen = {program.labels[start]}
    todo = [program.labels[start]]
    while todo:
        for s in successors(program, todo.pop()):
            if s not in seen:
                seen.add(s)
                todo.append(s)
    return seen
