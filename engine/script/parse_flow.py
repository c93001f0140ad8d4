"""Parses the control-flow statements as Ren'Py writes them: labels (nested in a block,
local `.name` and `global.local`, without a block, with parameters), `jump` and `call`
(to a name or an `expression`, with arguments), `return` with a value, and `init:` blocks
of statements.

A local name stays as written (`.name`) in the syntax tree; the compiler, which knows the
global label each statement follows, resolves it, as Ren'Py does at load time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import ast
from .cursor import Cursor
from .errors import ScriptError
from .expr_syntax import ExprError, expr_error, parse_expression
from .lexer import Line

if TYPE_CHECKING:
    from collections.abc import Callable

    BlockParser = Callable[[list[Line], str, bool], list[ast.Node]]


def label_name(c: Cursor, what: str) -> str:
    """`name`, `.local` or `global.local`: a label as Ren'Py names it."""
    if c.peek_op("."):
        c.i += 1
        return "." + c.name(what)
    name = c.name(what)
    if c.peek_op("."):
        c.i += 1
        return f"{name}.{c.name(what)}"
    return name


def _arguments(c: Cursor) -> tuple[list, list]:
    """`(1, b=2)`: the positional and keyword argument expressions of a call."""
    open_tok = c.peek()
    assert open_tok is not None
    c.i += 1
    close = c.find_stop((), (")",))
    if close >= len(c.toks):
        raise c.error("expected ')' after the arguments", open_tok)
    # Parsed as the arguments of a call, so they read exactly as a function's do.
    toks = [("name", "_label_", open_tok[2], open_tok[3]), *c.toks[c.i - 1:close + 1]]
    try:
        node, _ = parse_expression(toks)
    except ExprError as exc:
        raise expr_error(exc, c.loc(), c.line.source) from None
    c.i = close + 1
    return node[2], node[3]


def label(c: Cursor, line: Line, file: str, block: BlockParser) -> ast.Node:
    name = label_name(c, "a label name")
    params: list[str] | None = None
    defaults: dict[str, list] = {}
    if c.peek_op("("):
        params, defaults = c.parameters()
    if c.peek_word() == "hide":
        c.i += 1
    if not c.at_end():  # `label name` without a colon: a label with no block
        c.expect_colon_end()
    return ast.Label(c.loc(), line.source, name, block(line.children, file, False),
                     params, defaults)


def jump(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "expression":
        c.i += 1
        return ast.Jump(c.loc(), line.source, None, c.expression())
    target = label_name(c, "a label to jump to")
    c.expect_end()
    return ast.Jump(c.loc(), line.source, target)


def call(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    w = c.peek_word()
    if w == "screen":
        raise c.error("'call screen' is not supported")
    target: str | None = None
    expr = None
    if w == "expression":
        c.i += 1
        expr = c.expression(stop_words=("pass", "from"))
        if c.peek_word() == "pass":
            c.i += 1
            if not c.peek_op("("):
                raise c.error("expected '(' and the arguments after 'pass'")
    else:
        target = label_name(c, "a label to call")
    args = kwargs = None
    if c.peek_op("("):
        args, kwargs = _arguments(c)
    from_ = None
    if c.peek_word() == "from":
        # Ren'Py names the return point so saves find it; it is a label there too.
        c.i += 1
        from_ = label_name(c, "a label name after 'from'")
    c.expect_end()
    return ast.Call(c.loc(), line.source, target, expr, args, kwargs, from_)


def return_(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    expr = None if c.at_end() else c.expression()
    return ast.Return(c.loc(), line.source, expr)


def persistent_default(node: ast.Node) -> ast.Node:
    """`if persistent.x is None:` / `$ persistent.x = value` in an init block, Ren'Py's
    older idiom for `default persistent.x = value`, is that default."""
    if not (isinstance(node, ast.If) and len(node.branches) == 1):
        return node
    branch = node.branches[0]
    cond = branch.cond
    if not (cond and cond[0] == "cmp" and cond[1] == ["is"] and cond[2][1] == ["lit", None]
            and cond[2][0][0] == "attr" and cond[2][0][1] == ["name", "persistent"]):
        return node
    name = f"persistent.{cond[2][0][2]}"
    body = branch.body
    if len(body) == 1 and isinstance(body[0], ast.Assign) and body[0].target == name \
            and body[0].op == "=":
        return ast.Default(node.loc, node.source, name, body[0].expr)
    return node


def is_init_block(line: Line) -> bool:
    """`init:` or `init N:` (a block of Ren'Py statements), not `init python`; or
    `init offset = N`."""
    toks = line.tokens
    if not toks or toks[0][1] != "init":
        return False
    if len(toks) > 1 and toks[1][1] == "offset":
        return True
    if toks[-1][1] != ":":
        return False
    return not any(t[0] == "name" and t[1] == "python" for t in toks[1:])


INIT_KINDS = (ast.Define, ast.Default, ast.Image, ast.Transform)


def init_block(line: Line, file: str, block: BlockParser,
               ) -> tuple[list[ast.Node], list[ScriptError]]:
    """The statements of an `init:` block, as if written at the top level, and the
    problems of those that cannot be there. The priority (`init -1:`) is read and not
    needed: defines run in file order, before the story."""
    c = Cursor(line, file)
    c.i = 1
    if c.peek_word() == "offset":  # the priority of the file's init blocks: not needed
        c.i += 1
        if not c.peek_op("="):
            raise c.error("expected '=' and a number after 'init offset'")
        c.i += 1
        c.no_block()
        c.expression()
        return [], []
    if c.peek_op("-") or c.peek_op("+"):
        c.i += 1
    t = c.peek()
    if t is not None and t[0] == "num":
        if not isinstance(t[1], int):
            raise c.error("an init priority is a whole number", t)
        c.i += 1
    c.expect_colon_end()
    out: list[ast.Node] = []
    problems = []
    for node in block(line.children, file, True):
        if isinstance(node, ast.Assign) and node.op == "=" and "." not in node.target:
            # `$ x = 1` in an init block sets the variable's starting value.
            node = ast.Default(node.loc, node.source, node.target, node.expr)
        node = persistent_default(node)
        if isinstance(node, INIT_KINDS):
            out.append(node)
        elif isinstance(node, ast.Label):
            problems.append(ScriptError(node.loc, "a label cannot be inside an 'init:' "
                                        "block", node.source))
        else:
            # Ren'Py runs these before the story; this engine runs only definitions then.
            problems.append(ScriptError(
                node.loc, "only define, default, image, transform and '$ name = value' "
                "can be in an 'init:' block", node.source,
                hint="move it to the start of the 'start' label"))
    return out, problems


HANDLERS = {"jump": jump, "call": call, "return": return_}


def skip_arguments(c: Cursor) -> None:
    """Arguments Ren'Py hands its choice screen (`menu (screen="x"):`, `"text" (a=1):`):
    read, so they must be well formed, and not kept, as this engine draws its own."""
    _arguments(c)
