"""The token cursor the statement parsers share: it walks one logical line's tokens, and
every error it raises points into that line (file:line:column)."""

from __future__ import annotations

from .errors import Loc, ScriptError
from .expr_syntax import ExprError, Node, expr_error, parse_expression
from .lexer import Line, Token
from .text import too_many_tags
from .values import image_name_problem

_MARKERS = ("_", "__", "_p")


class Cursor:
    """Walks one line's tokens; every error it raises points into that line."""

    def __init__(self, line: Line, file: str) -> None:
        self.line = line
        self.toks = line.tokens
        self.i = 0
        self.file = file

    def error(self, message: str, tok: Token | None = None, hint: str | None = None) -> ScriptError:
        if tok is None:
            tok = self.toks[self.i] if self.i < len(self.toks) else (self.toks[-1] if self.toks
                                                                     else None)
        col = tok[3] if tok else self.line.indent + 1
        lineno = tok[2] if tok else self.line.lineno
        return ScriptError(Loc(self.file, lineno, col), message, self.line.source, hint=hint)

    def loc(self) -> Loc:
        first = self.toks[0]
        return Loc(self.file, first[2], first[3])

    def at_end(self) -> bool:
        return self.i >= len(self.toks)

    def peek(self) -> Token | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def peek_word(self) -> str | None:
        t = self.peek()
        return t[1] if t is not None and t[0] == "name" else None  # type: ignore[return-value]

    def peek_op(self, op: str) -> bool:
        t = self.peek()
        return t is not None and t[0] == "op" and t[1] == op

    def name(self, what: str) -> str:
        t = self.peek()
        if t is None or t[0] != "name":
            raise self.error(f"expected {what}")
        self.i += 1
        return t[1]  # type: ignore[return-value]

    def check_image(self, words: list[str]) -> list[str]:
        """`words`, just read, if they can name an image (they become a file name)."""
        if (problem := image_name_problem(words)) is not None:
            raise self.error(problem, self.toks[max(0, self.i - len(words))])
        return words

    def dotted_name(self, what: str) -> str:
        parts = [self.name(what)]
        while self.peek_op("."):
            self.i += 1
            parts.append(self.name(what))
        return ".".join(parts)

    def string(self, what: str) -> str:
        t = self.peek()
        if t is not None and t[0] == "str":
            if (problem := too_many_tags(t[1])) is not None:  # type: ignore[arg-type]
                raise self.error(problem)
            self.i += 1
            return t[1]  # type: ignore[return-value]
        # _("text"), __("text"), _p("""text"""): translation markers, a no-op for now.
        if (t is not None and t[0] == "name" and t[1] in _MARKERS
                and self.i + 3 < len(self.toks) + 1 and self._is(self.i + 1, "op", "(")
                and self._is(self.i + 2, "str") and self._is(self.i + 3, "op", ")")):
            self.i += 4
            return self.toks[self.i - 2][1]  # type: ignore[return-value]
        raise self.error(f"expected {what}")

    def _is(self, j: int, kind: str, value: object = None) -> bool:
        return j < len(self.toks) and self.toks[j][0] == kind and (
            value is None or self.toks[j][1] == value)

    def is_string_next(self) -> bool:
        t = self.peek()
        return t is not None and (t[0] == "str" or (
            t[0] == "name" and t[1] in _MARKERS and self._is(self.i + 1, "op", "(")
            and self._is(self.i + 2, "str")))

    def expression(self, stop_words: tuple[str, ...] = (), stop_ops: tuple[str, ...] = ()
                   ) -> Node:
        """An expression running up to the first top-level stop word/op (or line end)."""
        stop = self.find_stop(stop_words, stop_ops)
        if stop == self.i:
            raise self.error("expected an expression")
        try:
            node, _ = parse_expression(self.toks, self.i, stop)
        except ExprError as exc:
            raise expr_error(exc, self.loc(), self.line.source) from None
        self.i = stop
        return node

    def find_stop(self, words: tuple[str, ...], ops: tuple[str, ...]) -> int:
        """Where an expression from here ends: the first stop word or op outside brackets
        (a closing bracket in `ops` ends it when it closes nothing: `f(a=1)` at `)`)."""
        depth = 0
        for j in range(self.i, len(self.toks)):
            kind, value, _, _ = self.toks[j]
            if kind == "op":
                if value in ("(", "[", "{"):
                    depth += 1
                elif value in (")", "]", "}"):
                    if depth == 0 and value in ops:
                        return j
                    depth -= 1
                elif depth == 0 and value in ops:
                    return j
            elif kind == "name" and depth == 0 and value in words:
                return j
        return len(self.toks)

    def expect_colon_end(self) -> None:
        if not self.peek_op(":") or self.i != len(self.toks) - 1:
            raise self.error("expected ':' at the end of the line")
        self.i += 1

    def expect_end(self) -> None:
        if not self.at_end():
            t = self.peek()
            raise self.error(f"unexpected '{t[1]}'" if t else "unexpected text")

    def no_block(self) -> None:
        if self.toks and self.toks[-1][0] == "op" and self.toks[-1][1] == ":":
            raise self.error("this statement does not take a block", self.toks[-1])

    def parameters(self) -> tuple[list[str], dict[str, list]]:
        """`(a, b=1)` at the cursor (a label's or a transform's): the parameter names and
        the default value expressions, each default up to its ',' or the closing ')'."""
        params: list[str] = []
        defaults: dict[str, list] = {}
        self.i += 1  # the '('
        while not self.peek_op(")"):
            if self.peek_op("*") or self.peek_op("**"):
                raise self.error("'*' and '**' parameters are not supported")
            t = self.peek()
            p = self.name("a parameter name")
            if p in params:
                raise self.error(f"parameter '{p}' is given twice", t)
            params.append(p)
            if self.peek_op("="):
                self.i += 1
                if self.find_stop((), (",", ")")) == self.i:
                    raise self.error("expected a default value after '='")
                defaults[p] = self.expression(stop_ops=(",", ")"))
            elif defaults:
                raise self.error("a parameter without a default after one with a default", t)
            if not self.peek_op(","):
                break
            self.i += 1
        if not self.peek_op(")"):
            raise self.error("expected ')' after the parameters")
        self.i += 1
        return params, defaults
