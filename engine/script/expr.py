"""A small, safe expression language: Python's syntax for literals, names, arithmetic,
comparisons and a short allow-list of calls, and nothing else.

Scene and save files must never be able to run code, so expressions are parsed into plain
nested lists (which also lets the compiled program be cached as JSON) and evaluated by a
walker that knows every operation it performs. There is no `eval`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .errors import Loc, ScriptError
from .lexer import Token

Node = list  # ["lit", v] | ["name", n] | ["attr", node, n] | ["bin", op, a, b] | ...

_BIN_PREC = {
    "+": 6, "-": 6, "*": 7, "/": 7, "//": 7, "%": 7,
}
_CMP_OPS = {"==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"}
_MAX_LEN = 100_000  # longest string or list an expression may build


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

    # expression := or_expr ['if' or_expr 'else' expression]
    def expression(self) -> Node:
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
        items = [self.and_expr()]
        while self.is_word("or"):
            self.i += 1
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else ["or", items]

    def and_expr(self) -> Node:
        items = [self.not_expr()]
        while self.is_word("and"):
            self.i += 1
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else ["and", items]

    def not_expr(self) -> Node:
        if self.is_word("not"):
            self.i += 1
            return ["not", self.not_expr()]
        return self.comparison()

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
        if self.is_op("-") or self.is_op("+"):
            op = self.toks[self.i][1]
            self.i += 1
            return ["un", op, self.unary()]
        return self.power()

    def power(self) -> Node:
        base = self.postfix()
        if self.is_op("**"):
            self.i += 1
            return ["bin", "**", base, self.unary()]
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
    p = _Parser(tokens[start:stop] if stop is not None else tokens[start:])
    node = p.expression()
    if whole and p.i < len(p.toks):
        t = p.toks[p.i]
        raise ExprError(f"unexpected '{t[1]}' after the expression", t[3])
    return node, start + p.i


def names_read(node: Node, out: set[str] | None = None) -> set[str]:
    """Every top-level name an expression reads (for lint's undefined-variable check)."""
    if out is None:
        out = set()
    tag = node[0]
    if tag == "name":
        out.add(node[1])
    elif tag == "attr":
        names_read(node[1], out)
    elif tag == "call":
        out.add(node[1])
        for a in node[2]:
            names_read(a, out)
        for _, v in node[3]:
            names_read(v, out)
    elif tag in ("bin",):
        names_read(node[2], out)
        names_read(node[3], out)
    elif tag == "un" or tag == "not":
        names_read(node[-1], out)
    elif tag in ("and", "or", "list", "tuple"):
        for item in node[-1]:
            names_read(item, out)
    elif tag == "cmp":
        for item in node[2]:
            names_read(item, out)
    elif tag == "dict":
        for k, v in node[1]:
            names_read(k, out)
            names_read(v, out)
    elif tag == "sub":
        names_read(node[1], out)
        names_read(node[2], out)
    elif tag == "if":
        for item in node[1:]:
            names_read(item, out)
    return out


# --- evaluation -------------------------------------------------------------------------

Lookup = Callable[[str], Any]


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > _MAX_LEN:
        raise ExprError(f"value too large ({len(value)} items)")
    return value


def _binop(op: str, a: Any, b: Any) -> Any:
    if op == "+":
        return _check_size(a + b)
    if op == "-":
        return a - b
    if op == "*":
        if isinstance(a, (str, list, tuple)) or isinstance(b, (str, list, tuple)):
            n = b if isinstance(b, int) else a
            if isinstance(n, int) and n > _MAX_LEN:
                raise ExprError("value too large")
        return _check_size(a * b)
    if op == "/":
        return a / b
    if op == "//":
        return a // b
    if op == "%":
        return a % b
    if op == "**":
        if isinstance(b, (int, float)) and abs(b) > 1000:
            raise ExprError("exponent too large")
        return a ** b
    raise ExprError(f"unknown operator {op}")


def _compare(op: str, a: Any, b: Any) -> bool:
    match op:
        case "==":
            return a == b
        case "!=":
            return a != b
        case "<":
            return a < b
        case "<=":
            return a <= b
        case ">":
            return a > b
        case ">=":
            return a >= b
        case "in":
            return a in b
        case "not in":
            return a not in b
        case "is":
            return a is b
        case _:
            return a is not b


def transition(kind: str, duration: float = 0.5, out: float = 0.0, hold: float = 0.0,
               in_: float = 0.0) -> dict:
    """A transition as plain data: the presentation layer knows how to play it."""
    if kind == "fade":
        return {"kind": "fade", "out": out, "hold": hold, "in": in_,
                "duration": out + hold + in_}
    return {"kind": kind, "duration": duration}


def _num(v: Any, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
        raise ExprError(f"{what} must be a non-negative number of seconds, not {v!r}")
    return float(v)


CHARACTER_KWARGS = frozenset(
    {"color", "image", "who_color", "what_color", "what_prefix", "what_suffix", "kind",
     "who_bold", "what_italic", "dynamic"}
)


def _character(args: list, kwargs: dict) -> dict:
    if len(args) > 1:
        raise ExprError("Character() takes the name and keyword arguments")
    name = args[0] if args else kwargs.pop("name", None)
    if name is not None and not isinstance(name, str):
        raise ExprError("Character()'s name must be a string or None")
    for key in kwargs:
        if key not in CHARACTER_KWARGS:
            raise ExprError(f"Character() does not support '{key}='",
                            hint="supported: " + ", ".join(sorted(CHARACTER_KWARGS)))
    if kwargs.get("kind") not in (None, "adv"):
        raise ExprError("only ADV characters are supported (kind=nvl is not)")
    color = kwargs.get("who_color", kwargs.get("color"))
    return {"__type__": "character", "name": name, "color": color,
            "image": kwargs.get("image"), "what_color": kwargs.get("what_color"),
            "what_prefix": kwargs.get("what_prefix", ""),
            "what_suffix": kwargs.get("what_suffix", "")}


def _call(name: str, args: list, kwargs: dict) -> Any:
    if name == "Character":
        return _character(args, kwargs)
    if name == "Dissolve":
        if len(args) != 1 or kwargs:
            raise ExprError("Dissolve() takes one argument, the time in seconds")
        return transition("dissolve", _num(args[0], "Dissolve's time"))
    if name == "Fade":
        if not 1 <= len(args) <= 3 or set(kwargs) - {"color"}:
            raise ExprError("Fade() takes out, hold and in times in seconds")
        times = [_num(a, "a Fade time") for a in args]
        out = times[0]
        hold = times[1] if len(times) > 1 else 0.0
        fade_in = times[2] if len(times) > 2 else out
        t = transition("fade", out=out, hold=hold, in_=fade_in)
        if "color" in kwargs:
            t["color"] = kwargs["color"]
        return t
    if name == "_":
        if len(args) != 1 or not isinstance(args[0], str):
            raise ExprError("_() marks one string for translation")
        return args[0]
    fn = _SAFE_FUNCS.get(name)
    if fn is None:
        raise ExprError(f"'{name}()' is not a function scenes may call",
                        hint="allowed: " + ", ".join(sorted(CALLABLE)))
    if kwargs:
        raise ExprError(f"{name}() takes no keyword arguments")
    return _check_size(fn(*args))


_SAFE_FUNCS: dict[str, Callable[..., Any]] = {
    "len": len, "str": str, "int": int, "float": float, "bool": bool, "abs": abs,
    "min": min, "max": max, "round": round,
}
CALLABLE = frozenset({"Character", "Dissolve", "Fade", "_", *_SAFE_FUNCS})

BUILTIN_VALUES: dict[str, Any] = {
    "fade": transition("fade", out=0.5, hold=0.0, in_=0.5),
    "dissolve": transition("dissolve", 0.5),
    # Character kinds, so `kind=nvl` reaches Character() and gets its own clear error.
    "adv": "adv",
    "nvl": "nvl",
}


def evaluate(node: Node, lookup: Lookup) -> Any:
    """Evaluate a parsed expression. `lookup(name)` returns a variable's value or raises
    ExprError. Python errors (a type mismatch, division by zero) become ExprError."""
    try:
        return _eval(node, lookup)
    except ExprError:
        raise
    except RecursionError:
        raise ExprError("expression nested too deeply") from None
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, KeyError,
            IndexError, AttributeError) as exc:
        raise ExprError(f"{type(exc).__name__}: {exc}") from None


def _eval(node: Node, lookup: Lookup) -> Any:
    tag = node[0]
    if tag == "lit":
        return node[1]
    if tag == "name":
        return lookup(node[1])
    if tag == "bin":
        return _binop(node[1], _eval(node[2], lookup), _eval(node[3], lookup))
    if tag == "cmp":
        ops, operands = node[1], node[2]
        left = _eval(operands[0], lookup)
        for op, right_node in zip(ops, operands[1:], strict=True):
            right = _eval(right_node, lookup)
            if not _compare(op, left, right):
                return False
            left = right
        return True
    if tag == "and":
        value: Any = True
        for item in node[1]:
            value = _eval(item, lookup)
            if not value:
                return value
        return value
    if tag == "or":
        value = False
        for item in node[1]:
            value = _eval(item, lookup)
            if value:
                return value
        return value
    if tag == "not":
        return not _eval(node[1], lookup)
    if tag == "un":
        v = _eval(node[2], lookup)
        return -v if node[1] == "-" else +v
    if tag == "attr":
        base = node[1]
        if base[0] == "name":
            return lookup(f"{base[1]}.{node[2]}")
        raise ExprError("attributes can only be read from config and persistent")
    if tag == "sub":
        return _eval(node[1], lookup)[_eval(node[2], lookup)]
    if tag == "call":
        args = [_eval(a, lookup) for a in node[2]]
        kwargs = {k: _eval(v, lookup) for k, v in node[3]}
        return _call(node[1], args, kwargs)
    if tag == "list":
        return [_eval(i, lookup) for i in node[1]]
    if tag == "tuple":
        return [_eval(i, lookup) for i in node[1]]
    if tag == "dict":
        return {_eval(k, lookup): _eval(v, lookup) for k, v in node[1]}
    if tag == "if":
        return _eval(node[2], lookup) if _eval(node[1], lookup) else _eval(node[3], lookup)
    raise ExprError(f"unknown expression node {tag!r}")


def expr_error(exc: ExprError, loc: Loc, source: str | None) -> ScriptError:
    """An ExprError as a ScriptError at the expression's column when known."""
    where = Loc(loc.file, loc.line, exc.col) if exc.col else loc
    return ScriptError(where, str(exc), source, hint=exc.hint)
