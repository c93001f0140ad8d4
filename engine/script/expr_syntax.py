"""Expression syntax: Python's syntax for literals, names, arithmetic, comparisons and a
short allow-list of calls, parsed into plain nested lists, and nothing else.

Scene and save files must never be able to run code, so an expression is data (which also
lets the compiled program be cached as JSON) that only `expr.evaluate` gives a value, by a
walker that knows every operation it performs. There is no `eval`.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import Loc, ScriptError
from .lexer import Token
from .limits import MAX_EXPR_DEPTH, MAX_EXPR_NESTING, MAX_EXPR_TOKENS

Node = list  # ["lit", v] | ["name", n] | ["attr", node, n] | ["bin", op, a, b] | ...

_BIN_PREC = {
    "+": 6, "-": 6, "*": 7, "/": 7, "//": 7, "%": 7,
}


class ExprError(Exception):
    """Raised by the parser or evaluator; the caller adds the location."""

    def __init__(self, message: str, col: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.col = col
        self.hint = hint


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.toks = tokens
        self.i = 0
        self.depth = 0  # expressions inside expressions now being parsed

    def peek(self) -> Token | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def is_op(self, value: str) -> bool:
        t = self.peek()
        return t is not None and t[0] == "op" and t[1] == value

    def is_word(self, value: str) -> bool:
        t = self.peek()
        return t is not None and t[0] == "name" and t[1] == value

    def expect_op(self, value: str) -> None:
        if not self.is_op(value):
            t = self.peek()
            raise ExprError(f"expected '{value}'", t[3] if t else None)
        self.i += 1

    def deeper(self) -> None:
        """One more level of nesting; the parser recurses once a level, so it has a bound."""
        self.depth += 1
        if self.depth > MAX_EXPR_NESTING:
            t = self.peek()
            raise ExprError(f"expression nested more than {MAX_EXPR_NESTING} deep",
                            t[3] if t else None)

    def expression(self) -> Node:
        self.deeper()
        node = self._expression()
        self.depth -= 1
        return node

    # expression := or_expr ['if' or_expr 'else' expression]
    def _expression(self) -> Node:
        node = self.or_expr()
        if self.is_word("if"):
            save = self.i
            self.i += 1
            cond = self.or_expr()
            if not self.is_word("else"):
                # Not a conditional expression: the `if` belongs to the statement (a menu guard).
                self.i = save
                return node
            self.i += 1
            other = self.expression()
            return ["if", cond, node, other]
        return node

    def or_expr(self) -> Node:
        return self._chain("or", self.and_expr)

    def and_expr(self) -> Node:
        return self._chain("and", self.not_expr)

    def _chain(self, word: str, operand: Callable[[], Node]) -> Node:
        """`a word b word c …` as one [word, [a, b, c]] node (short-circuit order kept)."""
        items = [operand()]
        while self.is_word(word):
            self.i += 1
            items.append(operand())
        return items[0] if len(items) == 1 else [word, items]

    def not_expr(self) -> Node:
        nots = 0
        while self.is_word("not"):
            self.i += 1
            nots += 1
        node = self.comparison()
        for _ in range(nots):
            node = ["not", node]
        return node

    def comparison(self) -> Node:
        first = self.arith(0)
        ops: list[str] = []
        rest: list[Node] = []
        while True:
            t = self.peek()
            if t is None:
                break
            if t[0] == "op" and t[1] in ("==", "!=", "<", "<=", ">", ">="):
                op = t[1]
                self.i += 1
            elif t[0] == "name" and t[1] == "in":
                op = "in"
                self.i += 1
            elif t[0] == "name" and t[1] == "not" and self._next_is_word("in"):
                op = "not in"
                self.i += 2
            elif t[0] == "name" and t[1] == "is":
                self.i += 1
                op = "is"
                if self.is_word("not"):
                    self.i += 1
                    op = "is not"
            else:
                break
            ops.append(op)  # type: ignore[arg-type]
            rest.append(self.arith(0))
        return first if not ops else ["cmp", ops, [first, *rest]]

    def _next_is_word(self, value: str) -> bool:
        j = self.i + 1
        return j < len(self.toks) and self.toks[j][0] == "name" and self.toks[j][1] == value

    def arith(self, min_prec: int) -> Node:
        left = self.unary()
        while True:
            t = self.peek()
            if t is None or t[0] != "op" or t[1] not in _BIN_PREC:
                return left
            prec = _BIN_PREC[t[1]]  # type: ignore[index]
            if prec < min_prec:
                return left
            self.i += 1
            right = self.arith(prec + 1)
            left = ["bin", t[1], left, right]

    def unary(self) -> Node:
        signs = []
        while self.is_op("-") or self.is_op("+"):
            signs.append(self.toks[self.i][1])
            self.i += 1
        node = self.power()
        for op in reversed(signs):
            node = ["un", op, node]
        return node

    def power(self) -> Node:
        base = self.postfix()
        if self.is_op("**"):
            self.i += 1
            self.deeper()
            node = ["bin", "**", base, self.unary()]
            self.depth -= 1
            return node
        return base

    def postfix(self) -> Node:
        node = self.atom()
        while True:
            if self.is_op("."):
                self.i += 1
                t = self.peek()
                if t is None or t[0] != "name":
                    raise ExprError("expected a name after '.'", t[3] if t else None)
                self.i += 1
                node = ["attr", node, t[1]]
            elif self.is_op("["):
                self.i += 1
                index = self.expression()
                self.expect_op("]")
                node = ["sub", node, index]
            elif self.is_op("("):
                node = self.call(node)
            else:
                return node

    def call(self, func: Node) -> Node:
        t = self.toks[self.i]
        if func[0] != "name":
            raise ExprError("only named functions can be called", t[3])
        self.i += 1
        args: list[Node] = []
        kwargs: list[list] = []
        while not self.is_op(")"):
            nt = self.peek()
            if nt is None:
                raise ExprError("expected ')'", None)
            if (nt[0] == "name" and self.i + 1 < len(self.toks)
                    and self.toks[self.i + 1][0] == "op" and self.toks[self.i + 1][1] == "="):
                self.i += 2
                kwargs.append([nt[1], self.expression()])
            else:
                if kwargs:
                    raise ExprError("positional argument after keyword argument", nt[3])
                args.append(self.expression())
            if not self.is_op(","):
                break
            self.i += 1
        self.expect_op(")")
        return ["call", func[1], args, kwargs]

    def atom(self) -> Node:
        t = self.peek()
        if t is None:
            raise ExprError("expected an expression", None)
        kind, value, _, col = t
        self.i += 1
        if kind == "num":
            return ["lit", value]
        if kind == "str":
            # Adjacent string literals join, as in Python.
            parts = [value]
            while (nt := self.peek()) is not None and nt[0] == "str":
                parts.append(nt[1])
                self.i += 1
            return ["lit", "".join(parts)]  # type: ignore[arg-type]
        if kind == "name":
            if value in ("True", "False", "None"):
                return ["lit", {"True": True, "False": False, "None": None}[value]]
            if value in _KEYWORDS:
                raise ExprError(f"'{value}' cannot start an expression", col)
            return ["name", value]
        if value == "(":
            if self.is_op(")"):
                self.i += 1
                return ["tuple", []]
            first = self.expression()
            if self.is_op(","):
                items = [first]
                while self.is_op(","):
                    self.i += 1
                    if self.is_op(")"):
                        break
                    items.append(self.expression())
                self.expect_op(")")
                return ["tuple", items]
            self.expect_op(")")
            return first
        if value == "[":
            items = self.items("]")
            return ["list", items]
        if value == "{":
            pairs: list[list] = []
            while not self.is_op("}"):
                k = self.expression()
                self.expect_op(":")
                pairs.append([k, self.expression()])
                if not self.is_op(","):
                    break
                self.i += 1
            self.expect_op("}")
            return ["dict", pairs]
        if kind == "op" and value == "$":
            raise ExprError("'$' starts a statement, not an expression", col)
        raise ExprError(f"unexpected '{value}'", col)

    def items(self, close: str) -> list[Node]:
        items: list[Node] = []
        while not self.is_op(close):
            items.append(self.expression())
            if not self.is_op(","):
                break
            self.i += 1
        self.expect_op(close)
        return items


_KEYWORDS = frozenset(
    "and or not if else elif in is lambda def class import from for while return yield "
    "global nonlocal del pass with as try except finally raise assert async await".split()
)


def parse_expression(tokens: list[Token], start: int = 0, stop: int | None = None,
                     whole: bool = True) -> tuple[Node, int]:
    """Parse an expression from tokens[start:stop]; returns the node and the index after it.
    With `whole`, every token up to `stop` must belong to the expression."""
    end = len(tokens) if stop is None else min(stop, len(tokens))
    if whole and end - start > MAX_EXPR_TOKENS:
        raise ExprError(f"expression longer than {MAX_EXPR_TOKENS} tokens", tokens[start][3])
    p = _Parser(tokens[start:end])
    node = p.expression()
    if p.i > MAX_EXPR_TOKENS:
        raise ExprError(f"expression longer than {MAX_EXPR_TOKENS} tokens", p.toks[0][3])
    if whole and p.i < len(p.toks):
        t = p.toks[p.i]
        raise ExprError(f"unexpected '{t[1]}' after the expression", t[3])
    if p.i > MAX_EXPR_DEPTH:  # deeper than that needs more tokens than that
        _check_depth(node, p.toks[0][3])
    return node, start + p.i


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
    if tag == "dict":
        return [x for pair in node[1] for x in pair]
    if tag == "if":
        return node[1:4]
    return []


def _check_depth(node: Node, col: int) -> None:
    """Every walker over expressions recurses once a level: refuse a tree too deep."""
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
            out.add(n[1])
        todo.extend(children(n))
    return out


def expr_error(exc: ExprError, loc: Loc, source: str | None) -> ScriptError:
    """An ExprError as a ScriptError at the expression's column when known."""
    where = Loc(loc.file, loc.line, exc.col) if exc.col else loc
    return ScriptError(where, str(exc), source, hint=exc.hint)
