"""Parses logical lines (see lexer.py) into the syntax tree (see ast.py): blocks, labels,
dialogue, menus, control flow and definitions; the statements that change what is seen and
heard are parsed in parse_media.py.

One function a statement keyword. Anything outside the supported subset of Ren'Py's
language is refused with an error that names the construct, so a writer bringing a Ren'Py
script knows exactly what to change.
"""

from __future__ import annotations

from . import ast, parse_atl, parse_image, parse_layered, parse_media, parse_show, parse_text
from .cursor import Cursor
from .errors import Loc, ScriptError
from .lexer import Line, build_blocks, logical_lines
from .limits import MAX_MENU_OPTIONS
from .text import too_many_tags
from .values import image_name_problem

# Ren'Py statements we know and do not support, with what to do instead.
UNSUPPORTED = {
    "python": "'python' blocks are not supported: scene files cannot run code; use "
              "'$ name = value'",
    "init": "'init' blocks are not supported: use 'define' and 'default' at the top level",
    "init python": "'init python' blocks are not supported: scene files cannot run code; use "
                   "'define' and 'default'",
    "screen": "'screen' (screen language) is not supported: the engine draws its own screens",
    "style": "'style' statements are not supported",
    "translate": "'translate' blocks are not supported yet",
    "testcase": "'testcase' is not supported: use main.py --headless --test",
    "rpy": "'rpy' statements are not supported",
    "use": "'use' (screen language) is not supported",
}


def parse_file(text: str, file: str) -> list[ast.Node]:
    """Parse one scene file's text. `file` is the name errors will show."""
    lines, _ = logical_lines(text, file)
    return _block(build_blocks(lines, file), file, top=True)


def _block(lines: list[Line], file: str, top: bool = False) -> list[ast.Node]:
    out: list[ast.Node] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.say is not None:  # the common case, kept short
            out.append(_say_line(line, file))
            i += 1
            continue
        word = _first_word(line)
        if word == "if":
            node, i = _if_chain(lines, i, file)
            out.append(node)
            continue
        if word in ("elif", "else"):
            raise Cursor(line, file).error(f"'{word}' without an 'if' before it")
        if not top and word == "label":
            raise Cursor(line, file).error("labels must be at the top level of a file, not "
                                            "inside another block")
        out.append(_statement(line, file))
        i += 1
    return out


def _first_word(line: Line) -> str | None:
    if line.say is not None or not line.tokens:
        return None
    t = line.tokens[0]
    if t[0] == "name":
        return t[1]  # type: ignore[return-value]
    if t[0] == "op" and t[1] == "$":
        return "$"
    return None


def _children(line: Line, file: str) -> list[ast.Node]:
    return _block(line.children, file)


def _statement(line: Line, file: str) -> ast.Node:
    if line.say is not None:
        return _say_line(line, file)
    c = Cursor(line, file)
    word = _first_word(line)
    handler = _HANDLERS.get(word or "")
    if handler is not None:
        c.i = 1
        return handler(c, line, file)
    if word == "init" and len(line.tokens) > 1 and line.tokens[1][1] == "python":
        word = "init python"
    if word in UNSUPPORTED:
        raise c.error(UNSUPPORTED[word], c.toks[0])
    if c.is_string_next() or word is not None:
        return _say(c, line, file)
    raise c.error("expected a statement")


def _say_line(line: Line, file: str) -> ast.Say:
    """A say the lexer already split into speaker words and text (the fast path)."""
    assert line.say is not None
    words, text = line.say
    loc = Loc(file, line.lineno, line.indent + 1)
    if "{" in text and (problem := too_many_tags(text)) is not None:
        raise ScriptError(loc, problem, line.source)
    if len(words) > 1 and (problem := image_name_problem(words)) is not None:
        raise ScriptError(loc, problem, line.source)
    return ast.Say(loc, line.source, words[0] if words else None, None, words[1:], text)


def _say(c: Cursor, line: Line, file: str) -> ast.Node:
    loc = c.loc()
    who: str | None = None
    who_name: str | None = None
    attrs: list[str] = []
    if c.is_string_next():
        first = c.string("text")
        if c.is_string_next():
            who_name, text = first, c.string("text")
        else:
            text = first
    else:
        who = c.name("a speaker")
        # `e happy "…"`, `e -happy "…"`, `e @ angry "…"` (for this line only)
        while not c.is_string_next() and (w := parse_show.say_attribute(c)) is not None:
            attrs.append(w)
        if not c.is_string_next():
            raise c.error(f"unknown statement '{who}'", c.toks[0],
                          hint="a say statement needs its text in quotes: "
                          f'{who} "Hello."')
        c.check_image([who, *attrs])
        text = c.string("the text to say")
    if c.peek_word() == "with":
        raise c.error("'with' on a say line is not supported",
                      hint="put a 'with' statement on the line before")
    if c.peek_op(":"):
        raise c.error("a say statement does not take a block (menu options belong in a 'menu:')")
    c.expect_end()
    return ast.Say(loc, line.source, who, who_name, attrs, text)


def _define(c: Cursor, line: Line, file: str) -> ast.Node:
    name, expr = _name_equals(c, "a name to define", "define NAME = VALUE")
    return ast.Define(c.loc(), line.source, name, expr)


def _default(c: Cursor, line: Line, file: str) -> ast.Node:
    name, expr = _name_equals(c, "a variable name", "default NAME = VALUE")
    return ast.Default(c.loc(), line.source, name, expr)


def _name_equals(c: Cursor, what: str, usage: str) -> tuple[str, ast.Expr]:
    c.no_block()
    name = c.dotted_name(what)
    if not c.peek_op("="):
        raise c.error("expected '=' after the name", hint=usage)
    c.i += 1
    return name, c.expression()


def _label(c: Cursor, line: Line, file: str) -> ast.Node:
    if c.peek_op("."):
        raise c.error("local labels (.name) are not supported: give the label a full name")
    name = c.name("a label name")
    if c.peek_op("("):
        raise c.error("labels with parameters are not supported")
    if c.peek_word() == "hide":
        c.i += 1
    c.expect_colon_end()
    return ast.Label(c.loc(), line.source, name, _children(line, file))


def _menu(c: Cursor, line: Line, file: str) -> ast.Node:
    name = c.name("a menu name") if c.peek_word() is not None else None
    c.expect_colon_end()
    prompt: ast.Say | None = None
    options: list[ast.MenuOption] = []
    for child in line.children:
        oc = Cursor(child, file)
        if child.say is not None or not child.children:
            word = _first_word(child)
            if word == "set":
                raise oc.error("'set' in menus is not supported")
            if options or prompt is not None:
                raise oc.error("expected a menu option: \"text\": followed by a block",
                               hint="a menu has at most one prompt line, before its options")
            node = _statement(child, file)
            if not isinstance(node, ast.Say):
                raise oc.error("a menu holds an optional prompt line and options, "
                               "each \"text\": with a block")
            prompt = node
            continue
        if not oc.is_string_next():
            raise oc.error("expected a menu option: \"text\": followed by a block")
        loc = oc.loc()
        text = oc.string("the option's text")
        cond = None
        if oc.peek_word() == "if":
            oc.i += 1
            cond = oc.expression(stop_ops=(":",))
        elif oc.peek_op("("):
            raise oc.error("menu option arguments are not supported")
        oc.expect_colon_end()
        if len(options) == MAX_MENU_OPTIONS:
            raise oc.error(f"more than {MAX_MENU_OPTIONS} options in one menu", oc.toks[0])
        options.append(ast.MenuOption(loc, child.source, text, cond, _children(child, file)))
    if not options:
        raise c.error("this menu has no options", c.toks[0],
                      hint='add options: "Option text": followed by an indented block')
    return ast.Menu(c.loc(), line.source, name, prompt, options)


def _jump(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "expression":
        raise c.error("'jump expression' is not supported: jump to a named label")
    if c.peek_op("."):
        raise c.error("local labels (.name) are not supported")
    target = c.name("a label to jump to")
    c.expect_end()
    return ast.Jump(c.loc(), line.source, target)


def _call(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    w = c.peek_word()
    if w == "screen":
        raise c.error("'call screen' is not supported")
    if w == "expression":
        raise c.error("'call expression' is not supported: call a named label")
    target = c.name("a label to call")
    if c.peek_op("("):
        raise c.error("calls with arguments are not supported")
    if c.peek_word() == "from":
        c.i += 1
        c.name("a label name after 'from'")
    c.expect_end()
    return ast.Call(c.loc(), line.source, target)


def _return(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if not c.at_end():
        raise c.error("'return' with a value is not supported")
    return ast.Return(c.loc(), line.source)


_ASSIGN_OPS = ("=", "+=", "-=", "*=", "/=")


def _dollar(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    t = c.peek()
    if t is None or t[0] != "name":
        raise c.error("expected an assignment after '$'", hint="$ name = value")
    target = c.dotted_name("a variable name")
    if target == "renpy.pause":
        return parse_show.renpy_pause(c, line)
    if target.startswith("renpy.") or target.startswith("store."):
        raise c.error(f"'{target.split('.')[0]}.' is not available: scene files cannot run "
                      "Python", t)
    op = c.peek()
    if op is None or op[0] != "op" or op[1] not in _ASSIGN_OPS:
        raise c.error("only assignments are supported after '$' (=, +=, -=, *=, /=)",
                      op if op is not None else t,
                      hint="scene files cannot run Python code")
    if "." in target and target.split(".")[0] not in ("persistent", "config"):
        raise c.error(f"cannot assign to '{target}': only plain names and persistent.NAME", t)
    c.i += 1
    return ast.Assign(c.loc(), line.source, target, op[1], c.expression())  # type: ignore[arg-type]


def _if_chain(lines: list[Line], i: int, file: str) -> tuple[ast.Node, int]:
    first = lines[i]
    branches: list[ast.IfBranch] = []
    while i < len(lines):
        line = lines[i]
        word = _first_word(line)
        if (word != "if" and not branches) or (branches and word not in ("elif", "else")):
            break
        c = Cursor(line, file)
        c.i = 1
        if word == "else":
            c.expect_colon_end()
            branches.append(ast.IfBranch(c.loc(), line.source, None, _children(line, file)))
            i += 1
            break
        cond = c.expression(stop_ops=(":",))
        c.expect_colon_end()
        branches.append(ast.IfBranch(c.loc(), line.source, cond, _children(line, file)))
        i += 1
    c0 = Cursor(first, file)
    return ast.If(c0.loc(), first.source, branches), i


def _while(c: Cursor, line: Line, file: str) -> ast.Node:
    cond = c.expression(stop_ops=(":",))
    c.expect_colon_end()
    return ast.While(c.loc(), line.source, cond, _children(line, file))


def _pass(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    c.expect_end()
    return ast.Pass(c.loc(), line.source)


_HANDLERS = {
    "define": _define, "default": _default, "label": _label,
    "menu": _menu, "jump": _jump, "call": _call, "return": _return, "$": _dollar,
    "while": _while, "pass": _pass, **parse_media.HANDLERS,
    **parse_show.HANDLERS,
    **parse_text.HANDLERS,
    **parse_image.HANDLERS,
    **parse_layered.HANDLERS,
    "transform": parse_atl.transform_statement,
}
