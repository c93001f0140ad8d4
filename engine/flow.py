"""The control flow of a compiled program: which statement can follow which, and which
variables decide it; and the path counting the route explorer does over its graph of
menu states.

Lint's reachability check, the route explorer and the story graph all need the same
successor rules, so they live here once.
"""

from __future__ import annotations

from engine.script.expr import names_read
from engine.script.program import Program, Stmt


def successors(program: Program, index: int) -> list[int]:
    """Statements that can run right after statement `index` (a call's return point is
    included as its successor: the called label is expected to return)."""
    stmt: Stmt = program.statements[index]
    kind, args = stmt.kind, stmt.args
    labels = program.labels
    nxt = index + 1
    if kind == "jump":
        if args["target"] is None:
            return dynamic_targets(program)
        return [labels[args["target"]]] if args["target"] in labels else []
    if kind == "call":
        out = [nxt] if nxt < len(program.statements) else []
        if args["target"] is None:
            return dynamic_targets(program) + out
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
        out = [o["target"] for o in args["options"]]
        if "set" in args:  # once every option was chosen, a set menu is passed over
            out.append(args["end"])
        return [t for t in out if t < len(program.statements)]
    return [nxt] if nxt < len(program.statements) else []


def dynamic_targets(program: Program) -> list[int]:
    """Where a `jump expression` or `call expression` over a variable may go: each label
    the program names in a string somewhere (`default next_stop = "chapter_2"`)."""
    found = getattr(program, "_dynamic_targets", None)
    if found is None:
        strings: set[str] = set()
        _strings([i.expr for i in program.inits], strings)
        _strings([s.args for s in program.statements if s.kind == "assign"], strings)
        found = sorted(i for name, i in program.labels.items() if name in strings)
        program._dynamic_targets = found  # type: ignore[attr-defined]
    return found


def _strings(data: object, out: set[str]) -> None:
    todo = [data]
    while todo:
        d = todo.pop()
        if isinstance(d, str):
            out.add(d)
        elif isinstance(d, list):
            todo.extend(d)
        elif isinstance(d, dict):
            todo.extend(d.values())


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


# Besides conditions and guards, these operands can steer: a transition, the files played
# and their fades, a pause's length (an error in any of them ends a route).
_STEERING_ARGS = ("with_", "files", "fadein", "fadeout", "expr")


def steering_variables(program: Program) -> set[str]:
    """Variables whose value can change where the story goes: names read by a condition,
    a menu guard or a steering operand, `ending`, and whatever flows into those through
    assignments (see engine/routes.py)."""
    wanted = {"ending"}
    flows: list[tuple[str, set[str]]] = []
    for stmt in program.statements:
        a = stmt.args
        if stmt.kind == "branch":
            names_read(a["cond"], wanted)
        elif stmt.kind == "menu":
            if "set" in a:  # what was chosen decides what a set menu shows
                names_read(a["set"], wanted)
            for opt in a["options"]:
                if opt["cond"] is not None:
                    names_read(opt["cond"], wanted)
        elif stmt.kind == "call" and "args" in a:
            # A parameter may steer: what the arguments read may, then (an overestimate).
            for e in [*a["args"], *(v for _, v in a["kwargs"])]:
                names_read(e, wanted)
            if a.get("expr") is not None:
                names_read(a["expr"], wanted)
        elif stmt.kind == "assign":
            read = names_read(a["expr"])
            if a["op"] != "=":
                read.add(a["target"])
            flows.append((a["target"], read))
        else:
            for key in _STEERING_ARGS:
                if a.get(key) is not None:
                    names_read(a[key], wanted)
    changed = True
    while changed:
        changed = False
        for target, read in flows:
            if target in wanted and not read <= wanted:
                wanted |= read
                changed = True
    return wanted


# --- paths through a graph of states ----------------------------------------------------
# The route explorer's graph: node n's edges are edges[n], each (kind, target); kind
# "node" leads to node `target`, any other kind (an ending, a dead end) leaves the graph.

Edges = list[list[tuple[str, int]]]


def reaching(edges: Edges, kind: str) -> list[bool]:
    """Per node: whether an edge of `kind` can be reached from it (walking backwards)."""
    n = len(edges)
    back: list[list[int]] = [[] for _ in range(n)]
    found = [False] * n
    todo = []
    for a in range(n):
        for k, b in edges[a]:
            if k == "node":
                back[b].append(a)
            elif k == kind and not found[a]:
                found[a] = True
                todo.append(a)
    while todo:
        b = todo.pop()
        for a in back[b]:
            if not found[a]:
                found[a] = True
                todo.append(a)
    return found


def count_paths(edges: Edges, start: int, kind: str) -> int:
    """Paths from node `start` to an edge of `kind`, exactly (big ints). Nodes on a loop
    (cyclic_nodes) that can reach such an edge make the count infinite: check first."""
    count = [0] * len(edges)
    # Successors before the nodes that lead to them, so each count is final when read.
    for v in _postorder(edges, start):
        total = 0
        for k, b in edges[v]:
            if k == kind:
                total += 1
            elif k == "node":
                total += count[b]
        count[v] = total
    return count[start]


def _postorder(edges: Edges, start: int) -> list[int]:
    seen = [False] * len(edges)
    seen[start] = True
    order: list[int] = []
    stack = [(start, 0)]
    while stack:
        v, i = stack.pop()
        e = edges[v]
        while i < len(e) and (e[i][0] != "node" or seen[e[i][1]]):
            i += 1
        if i < len(e):
            stack.append((v, i + 1))
            w = e[i][1]
            seen[w] = True
            stack.append((w, 0))
        else:
            order.append(v)
    return order


def cyclic_nodes(edges: Edges) -> list[int]:
    """States on a loop: members of a strongly connected component with a cycle
    (Tarjan's algorithm, iterative so deep stories do not hit the recursion limit)."""
    n = len(edges)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    out: list[int] = []
    counter = 0
    for s in range(n):
        if index[s] != -1:
            continue
        work = [(s, 0)]
        index[s] = low[s] = counter
        counter += 1
        stack.append(s)
        on_stack[s] = True
        while work:
            v, i = work[-1]
            e = edges[v]
            if i < len(e):
                work[-1] = (v, i + 1)
                kind, w = e[i]
                if kind != "node":
                    continue
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or any(k == "node" and w == v for k, w in edges[v]):
                    out.extend(comp)
    return out
