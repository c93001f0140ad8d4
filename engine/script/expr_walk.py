"""Expression trees (parsed by expr_syntax.py) as data: the nodes inside a node, the
names an expression reads (lint's check of undefined variables) and the bound on depth
every walker relies on, and the error the parser and the evaluator raise."""

from __future__ import annotations

from .limits import MAX_EXPR_DEPTH

Node = list  # ["lit", v] | ["name", n] | ["attr", node, n] | ["bin", op, a, b] | ...


class ExprError(Exception):
    """Raised by the parser or evaluator; the caller adds the location."""

    def __init__(self, message: str, col: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.col = col
        self.hint = hint


def children(node: Node) -> list[Node]:
    """The expressions directly inside an expression node."""
    tag = node[0]
    if tag in ("lit", "name"):
        return []
    if tag == "bin":
        return [node[2], node[3]]
    if tag in ("un", "not"):
        return [node[-1]]
    if tag == "attr":
        return [node[1]]
    if tag in ("and", "or", "list", "tuple"):
        return node[1]
    if tag == "cmp":
        return node[2]
    if tag == "sub":
        return [node[1], node[2]]
    if tag == "call":
        return [*node[2], *(v for _, v in node[3])]
    if tag == "mcall":
        return [node[1], *node[3], *(v for _, v in node[4])]
    if tag == "comp":
        return [node[2], node[4], *node[5]]
    if tag == "dict":
        return [x for pair in node[1] for x in pair]
    if tag == "if":
        return node[1:4]
    return []


def check_depth(node: Node, tokens: int, col: int) -> None:
    """Every walker over expressions recurses once a level: refuse a tree too deep."""
    if tokens <= MAX_EXPR_DEPTH:  # deeper than that needs more tokens than that
        return
    todo = [(node, 1)]
    while todo:
        n, d = todo.pop()
        if d > MAX_EXPR_DEPTH:
            raise ExprError(f"expression more than {MAX_EXPR_DEPTH} operations deep",
                            col, hint="split it over several '$' lines")
        todo.extend((c, d + 1) for c in children(n))


def names_read(node: Node, out: set[str] | None = None) -> set[str]:
    """Every top-level name an expression reads (for lint's undefined-variable check).
    Iterative, so even an expression from an old cache cannot exhaust the stack."""
    if out is None:
        out = set()
    todo = [node]
    while todo:
        n = todo.pop()
        tag = n[0]
        if tag == "name":
            out.add(n[1])
        elif tag == "call":
            if not n[1].startswith("renpy."):  # checked against the allow-list when run
                out.add(n[1])
        elif tag == "comp":
            # Its loop names are its own: the story's are what it reads besides them
            # (the items it loops over are read before those names exist).
            names_read(n[4], out)
            inner: set[str] = set()
            for part in (n[2], *n[5]):
                names_read(part, inner)
            out |= inner - set(n[3])
            continue
        todo.extend(children(n))
    return out
