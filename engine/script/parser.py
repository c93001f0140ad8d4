"""Parses logical lines (see lexer.py) into the syntax tree (see ast.py): blocks, labels,
dialogue, menus, control flow and definitions; the statements that change what is seen and
heard are parsed in parse_media.py.

One function a statement keyword. Anything outside the supported subset of Ren'Py's
language is refused with an error that names the construct, so a writer bringing a Ren'Py
script knows exactly what to change.
"""

from __future__ import annotations

from bisect import bisect_right

from . import (
    ast,
    parse_atl,
    parse_code,
    parse_flow,
    parse_image,
    parse_layered,
    parse_media,
    parse_show,
    parse_text,
)
from .cursor import Cursor
from .errors import Loc, ScriptError
from .lexer import Line, build_blocks, logical_lines
from .limits import MAX_MENU_OPTIONS, MAX_PROBLEMS_READ_PAST
from .parse_words import say_attribute
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


# Where parse_all notes the problems it reads past (None: the first one raises).
_noted: list[ScriptError] | None = None


def parse_all(text: str, file: str, errors: list[ScriptError]) -> list[ast.Node]:
    """Parse one scene file, noting every problem in `errors` and reading on past each (a
    statement that fails is left out, a block header's block with it, a label's excepted):
    what lint reports, every error of a file at once, as Ren'Py does."""
    global _noted
    found: list[ScriptError] = []
    sources: list[str] = []
    lexical = MAX_PROBLEMS_READ_PAST  # the lexer's problems come first
    try:
        lines, sources = logical_lines(text, file, found)
        lexical = len(found)
        blocks = build_blocks(lines, file, found)
        _noted = found
        return _block(blocks, file, top=True)
    finally:
        _noted = None
        # A block left out with its header (a `python:` block) has no problems of its own:
        # a line Python reads and this lexer cannot is the header's problem, not another.
        spans = sorted(_block_span(exc.span, sources) for exc in found
                       if hasattr(exc, "span"))
        starts = [a for a, _ in spans]
        seen = set()  # one problem a line: the first (a header without its block, say)
        for n, exc in enumerate(found):
            k = bisect_right(starts, exc.loc.line) - 1  # (a nested span may hide its outer)
            if n < lexical and k >= 0 and exc.loc.line <= spans[k][1]:
                continue
            if exc.loc.line not in seen:
                seen.add(exc.loc.line)
                exc.read_past = True  # type: ignore[attr-defined]  # (the file is partial)
                errors.append(exc)


def _block(lines: list[Line], file: str, top: bool = False) -> list[ast.Node]:
    out: list[ast.Node] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.say is not None:  # the common case, kept short
            try:
                out.append(_say_line(line, file))
            except ScriptError as exc:
                _note(exc, line)
            i += 1
            continue
        word = _first_word(line)
        try:
            if word == "if":
                node, i = _if_chain(lines, i, file)
                out.append(node)
                continue
            if word in ("elif", "else"):
                raise Cursor(line, file).error(f"'{word}' without an 'if' before it")
            if word == "python" or (word == "init" and _is_init_python(line)):
                out.extend(parse_code.python_block(line, file, init=word == "init"))
            elif word == "init" and parse_flow.is_init_block(line):
                nodes, problems = parse_flow.init_block(line, file, _block)
                out.extend(nodes)
                for problem in problems:
                    problem.touches = 1  # type: ignore[attr-defined]
                    _note(problem, line)
            else:
                out.append(_statement(line, file))
        except ScriptError as exc:
            if word == "label":
                exc.touches = 1  # type: ignore[attr-defined]
            _note(exc, line)
            if word == "label" and line.children:  # its block is script: read it too
                out.extend(_block(line.children, file))
            if word == "if":
                while i + 1 < n and _first_word(lines[i + 1]) in ("elif", "else"):
                    i += 1
        i += 1
    return out


def _is_init_python(line: Line) -> bool:
    """`init python:` or `init N python:` (the priority is the order Ren'Py runs them in;
    here every define and default runs before the story starts)."""
    toks = line.tokens
    j = 2 if len(toks) > 2 and toks[1][0] == "num" else 1
    return len(toks) > j and toks[j][1] == "python" and toks[-1][1] == ":"


def _note(exc: ScriptError, line: Line) -> None:
    """Note a statement's problem and go on (parse_all), or raise it (parse_file)."""
    if _noted is None or len(_noted) >= MAX_PROBLEMS_READ_PAST:
        raise exc
    if not hasattr(exc, "touches"):
        exc.touches = _count(line)  # type: ignore[attr-defined]
        if line.children:
            exc.span = (line.lineno, line.indent)  # type: ignore[attr-defined]
    _noted.append(exc)


def _block_span(header: tuple[int, int], sources: list[str]) -> tuple[int, int]:
    """The physical lines of a header's block (1-based): those after it indented more
    than it, and the blank and comment lines among them."""
    first, indent = header
    end = first
    for n in range(first, len(sources)):
        stripped = sources[n].lstrip(" ")
        if stripped and not stripped.startswith("#"):
            if len(sources[n]) - len(stripped) <= indent:
                break
            end = n + 1
    return first + 1, end


def _count(line: Line) -> int:
    """The statements a line stands for: itself and every line of its block."""
    return 1 + sum(_count(child) for child in line.children)


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
        while not c.is_string_next() and (w := say_attribute(c)) is not None:
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
    return parse_flow.label(c, line, file, _block)


def _menu(c: Cursor, line: Line, file: str) -> ast.Node:
    name = c.name("a menu name") if c.peek_word() is not None else None
    if c.peek_op("("):  # `menu (screen="x"):`: arguments for Ren'Py's choice screen
        parse_flow.skip_arguments(c)
    c.expect_colon_end()
    prompt: ast.Say | None = None
    set_ = None
    options: list[ast.MenuOption] = []
    for child in line.children:
        try:
            prompt, set_ = _menu_item(child, file, prompt, set_, options)
        except ScriptError as exc:
            _note(exc, child)  # (reading on past an option lint reports)
    if not options:
        raise c.error("this menu has no options", c.toks[0],
                      hint='add options: "Option text": followed by an indented block')
    return ast.Menu(c.loc(), line.source, name, prompt, options, set_)


def _menu_item(child: Line, file: str, prompt: ast.Say | None, set_: ast.Expr | None,
               options: list[ast.MenuOption]) -> tuple[ast.Say | None, ast.Expr | None]:
    """One line of a menu's block: its `set`, its prompt or an option (added to
    `options`); returns the prompt and the set as they stand after it."""
    oc = Cursor(child, file)
    if child.say is not None or not child.children:
        word = _first_word(child)
        if word == "set" and child.say is None:
            if set_ is not None or options:
                raise oc.error("'set' comes once, before the menu's options")
            oc.i = 1
            oc.no_block()
            set_ = oc.expression()
            if set_[0] != "name":
                raise oc.error("'set' takes a variable's name", hint="default chosen = []")
            return prompt, set_
        if options or prompt is not None:
            raise oc.error("expected a menu option: \"text\": followed by a block",
                           hint="a menu has at most one prompt line, before its options")
        node = _statement(child, file)
        if not isinstance(node, ast.Say):
            raise oc.error("a menu holds an optional prompt line and options, "
                           "each \"text\": with a block")
        return node, set_
    if not oc.is_string_next():
        raise oc.error("expected a menu option: \"text\": followed by a block")
    loc = oc.loc()
    text = oc.string("the option's text")
    if oc.peek_op("("):  # `"text" (caption="x"):`: for the choice screen, not needed
        parse_flow.skip_arguments(oc)
    cond = None
    if oc.peek_word() == "if":
        oc.i += 1
        cond = oc.expression(stop_ops=(":",))
    oc.expect_colon_end()
    if len(options) == MAX_MENU_OPTIONS:
        raise oc.error(f"more than {MAX_MENU_OPTIONS} options in one menu", oc.toks[0])
    options.append(ast.MenuOption(loc, child.source, text, cond, _children(child, file)))
    return prompt, set_


def _dollar(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    t = c.peek()
    if t is None or t[0] != "name":
        raise c.error("expected an assignment after '$'", hint="$ name = value")
    if t[1] == "renpy" and len(c.toks) > 3 and c.toks[3][1] == "pause" \
            and c.toks[2][1] == ".":
        c.i += 3
        return parse_show.renpy_pause(c, line)
    return parse_code.dollar(c, line)


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
    "menu": _menu, "$": _dollar, **parse_flow.HANDLERS,
    "while": _while, "pass": _pass, **parse_media.HANDLERS,
    **parse_show.HANDLERS,
    **parse_text.HANDLERS,
    **parse_image.HANDLERS,
    **parse_layered.HANDLERS,
    "transform": parse_atl.transform_statement,
}
