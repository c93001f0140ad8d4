"""Expression syntax: Python's syntax for literals, names, arithmetic, comparisons and a
short allow-list of calls, parsed into plain nested lists, and nothing else.

Scene and save files must never be able to run code, so an expression is data (which also
lets the compiled program be cached as JSON) that only `expr.evaluate` gives a value, by a
walker that knows every operation it performs. There is no `eval`.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import Loc, ScriptError
from .expr_walk import ExprError, Node, check_depth, children, names_read
from .lexer import Token
from .limits import MAX_EXPR_NESTING, MAX_EXPR_TOKENS

__all__ = ["ExprError", "Node", "children", "expr_error", "names_read", "parse_expression"]

_BIN_PREC = {
    "+": 6, "-": 6, "*": 7, "/": 7, "//": 7, "%": 7,
}


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
                # `store.x` is the variable x, as in Ren'Py.
                node = ["name", t[1]] if node == ["name", "store"] else ["attr", node, t[1]]
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
        name = dotted(func)
        method = None
        if name is None or ("." in name and name.split(".")[0] not in MODULES):
            if func[0] != "attr":
                raise ExprError("only named functions and methods can be called", t[3])
            method = func[2]  # `x.get(k)`, `name.strip()`: a method of a value
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
                arg = self.expression()
                if self.is_word("for") and not args:  # `any(x for x in items)`
                    arg = self.comprehension("list", arg)
                args.append(arg)
            if not self.is_op(","):
                break
            self.i += 1
        self.expect_op(")")
        if method is not None:
            return ["mcall", func[1], method, args, kwargs]
        if name == "Character":
            # callback= only runs code on events: accepted and ignored (lint --strict says
            # so), without reading the expression, which names a Python function.
            kwargs = [[k, ["lit", None] if k in IGNORED_CALLBACKS else v] for k, v in kwargs]
        if name is not None and name.startswith("store."):
            name = name[6:]
        return ["call", name, args, kwargs]

    def comprehension(self, kind: str, elt: Node) -> Node:
        """`elt for a[, b] in items [if cond]...`, after `elt`: the names are its own."""
        self.i += 1  # for
        names: list[str] = []
        while True:
            t = self.peek()
            if t is None or t[0] != "name" or t[1] in _KEYWORDS:
                raise ExprError("expected a name after 'for'", t[3] if t else None)
            names.append(t[1])  # type: ignore[arg-type]
            self.i += 1
            if not self.is_op(","):
                break
            self.i += 1
        if not self.is_word("in"):
            t = self.peek()
            raise ExprError("expected 'in' after the names of a 'for'", t[3] if t else None)
        self.i += 1
        items = self.or_expr()
        conds = []
        while self.is_word("if"):
            self.i += 1
            conds.append(self.or_expr())
        if self.is_word("for"):
            t = self.peek()
            raise ExprError("one 'for' a comprehension", t[3] if t else None,
                            hint="nest a second one inside the first's brackets")
        return ["comp", kind, elt, names, items, conds]

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
            if self.is_word("for"):
                node = self.comprehension("list", first)
                self.expect_op(")")
                return node
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
            if not self.is_op("]"):
                first = self.expression()
                if self.is_word("for"):
                    node = self.comprehension("list", first)
                    self.expect_op("]")
                    return node
                rest = [first]
                if self.is_op(","):
                    self.i += 1
                    rest += self.items("]")
                else:
                    self.expect_op("]")
                return ["list", rest]
            self.i += 1
            return ["list", []]
        if value == "{":
            pairs: list[list] = []
            while not self.is_op("}"):
                k = self.expression()
                if not pairs and (self.is_op(",") or self.is_op("}")):
                    # A set: kept as a list of its distinct items (variables hold JSON).
                    rest = [k]
                    if self.is_op(","):
                        self.i += 1
                        rest += self.items("}")
                    else:
                        self.expect_op("}")
                    return ["call", "set", [["list", rest]], []]
                self.expect_op(":")
                v = self.expression()
                if not pairs and self.is_word("for"):
                    node = self.comprehension("dict", ["tuple", [k, v]])
                    self.expect_op("}")
                    return node
                pairs.append([k, v])
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


# Dotted names that are functions, not a value's methods: `renpy.random.randint(1, 6)`.
MODULES = frozenset({"renpy", "store"})
IGNORED_CALLBACKS = frozenset({"callback"})


def dotted(node: Node) -> str | None:
    """`a.b.c` as "a.b.c" when the node is only names and attributes, else None."""
    parts: list[str] = []
    while node[0] == "attr":
        parts.append(node[2])
        node = node[1]
    if node[0] != "name":
        return None
    parts.append(node[1])
    return ".".join(reversed(parts))


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
    check_depth(node, p.i, p.toks[0][3])
    return node, start + p.i


def expr_error(exc: ExprError, loc: Loc, source: str | None) -> ScriptError:
    """An ExprError as a ScriptError at the expression's column when known."""
    where = Loc(loc.file, loc.line, exc.col) if exc.col else loc
    return ScriptError(where, str(exc), source, hint=exc.hint)
