"""Parses logical lines (see lexer.py) into the syntax tree (see ast.py).

One function a statement keyword. Anything outside the supported subset of Ren'Py's
language is refused with an error that names the construct, so a writer bringing a Ren'Py
script knows exactly what to change.
"""

from __future__ import annotations

from . import ast
from .errors import Loc, ScriptError
from .expr import ExprError, expr_error, parse_expression
from .lexer import Line, Token, build_blocks, logical_lines

CHANNELS = {"music": "music", "sound": "sound", "audio": "sound", "voice": "sound"}

# Ren'Py statements we know and do not support, with what to do instead.
UNSUPPORTED = {
    "python": "'python' blocks are not supported: scene files cannot run code; use "
              "'$ name = value'",
    "init": "'init' blocks are not supported: use 'define' and 'default' at the top level",
    "init python": "'init python' blocks are not supported: scene files cannot run code; use "
                   "'define' and 'default'",
    "screen": "'screen' (screen language) is not supported: the engine draws its own screens",
    "transform": "'transform' (ATL) is not supported: use the positions left, center, right, "
                 "truecenter or a stage mark",
    "style": "'style' statements are not supported",
    "nvl": "'nvl' mode is not supported: this engine shows one line at a time (ADV mode)",
    "window": "'window show/hide' is not supported: the dialogue box shows itself when a "
              "line is said",
    "translate": "'translate' blocks are not supported yet",
    "camera": "'camera' is not supported",
    "layeredimage": "'layeredimage' is not supported: give each expression its own PNG",
    "testcase": "'testcase' is not supported: use main.py --headless --test",
    "voice": "'voice' is not supported: use 'play sound'",
    "extend": "'extend' is not supported: write the whole line in one say statement",
    "onlayer": "'onlayer' is not supported: layers are not supported",
    "rpy": "'rpy' statements are not supported",
    "use": "'use' (screen language) is not supported",
}


class _Cursor:
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

    def dotted_name(self, what: str) -> str:
        parts = [self.name(what)]
        while self.peek_op("."):
            self.i += 1
            parts.append(self.name(what))
        return ".".join(parts)

    def string(self, what: str) -> str:
        t = self.peek()
        if t is not None and t[0] == "str":
            self.i += 1
            return t[1]  # type: ignore[return-value]
        # _("text"): the translation marker, a no-op for now.
        if (t is not None and t[0] == "name" and t[1] == "_" and self.i + 3 < len(self.toks) + 1
                and self._is(self.i + 1, "op", "(") and self._is(self.i + 2, "str")
                and self._is(self.i + 3, "op", ")")):
            self.i += 4
            return self.toks[self.i - 2][1]  # type: ignore[return-value]
        raise self.error(f"expected {what}")

    def _is(self, j: int, kind: str, value: object = None) -> bool:
        return j < len(self.toks) and self.toks[j][0] == kind and (
            value is None or self.toks[j][1] == value)

    def is_string_next(self) -> bool:
        t = self.peek()
        return t is not None and (t[0] == "str" or (
            t[0] == "name" and t[1] == "_" and self._is(self.i + 1, "op", "(")
            and self._is(self.i + 2, "str")))

    def expression(self, stop_words: tuple[str, ...] = (), stop_ops: tuple[str, ...] = ()):
        """An expression running up to the first top-level stop word/op (or line end)."""
        stop = self._find_stop(stop_words, stop_ops)
        if stop == self.i:
            raise self.error("expected an expression")
        try:
            node, _ = parse_expression(self.toks, self.i, stop)
        except ExprError as exc:
            raise expr_error(exc, self.loc(), self.line.source) from None
        self.i = stop
        return node

    def _find_stop(self, words: tuple[str, ...], ops: tuple[str, ...]) -> int:
        depth = 0
        for j in range(self.i, len(self.toks)):
            kind, value, _, _ = self.toks[j]
            if kind == "op":
                if value in ("(", "[", "{"):
                    depth += 1
                elif value in (")", "]", "}"):
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
            words, text = line.say
            loc = Loc(file, line.lineno, line.indent + 1)
            out.append(ast.Say(loc, line.source, words[0] if words else None, None,
                               words[1:], text))
            i += 1
            continue
        word = _first_word(line)
        if word == "if":
            node, i = _if_chain(lines, i, file)
            out.append(node)
            continue
        if word in ("elif", "else"):
            raise _Cursor(line, file).error(f"'{word}' without an 'if' before it")
        if not top and word == "label":
            raise _Cursor(line, file).error("labels must be at the top level of a file, not "
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
        words, text = line.say
        loc = Loc(file, line.lineno, line.indent + 1)
        if not words:
            return ast.Say(loc, line.source, None, None, [], text)
        return ast.Say(loc, line.source, words[0], None, words[1:], text)
    c = _Cursor(line, file)
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


def _say(c: _Cursor, line: Line, file: str) -> ast.Node:
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
        while c.peek_word() is not None and not c.is_string_next():
            attrs.append(c.name("an attribute"))
        if not c.is_string_next():
            raise c.error(f"unknown statement '{who}'", c.toks[0],
                          hint="a say statement needs its text in quotes: "
                          f'{who} "Hello."')
        text = c.string("the text to say")
    if c.peek_word() == "with":
        raise c.error("'with' on a say line is not supported",
                      hint="put a 'with' statement on the line before")
    if c.peek_op(":"):
        raise c.error("a say statement does not take a block (menu options belong in a 'menu:')")
    c.expect_end()
    return ast.Say(loc, line.source, who, who_name, attrs, text)


def _define(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    name = c.dotted_name("a name to define")
    if not c.peek_op("="):
        raise c.error("expected '=' after the name", hint="define NAME = VALUE")
    c.i += 1
    return ast.Define(c.loc(), line.source, name, c.expression())


def _default(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    name = c.dotted_name("a variable name")
    if not c.peek_op("="):
        raise c.error("expected '=' after the name", hint="default NAME = VALUE")
    c.i += 1
    return ast.Default(c.loc(), line.source, name, c.expression())


def _image(c: _Cursor, line: Line, file: str) -> ast.Node:
    if c.toks[-1][0] == "op" and c.toks[-1][1] == ":":
        raise c.error("ATL image blocks are not supported: give the image a file name",
                      hint='image eileen happy = "eileen_happy.png"')
    words = []
    while c.peek_word() is not None:
        words.append(c.name("an image name"))
    if not words:
        raise c.error("expected an image name")
    if not c.peek_op("="):
        raise c.error("expected '=' and a file name after the image name")
    c.i += 1
    return ast.Image(c.loc(), line.source, words, c.expression())


def _label(c: _Cursor, line: Line, file: str) -> ast.Node:
    if c.peek_op("."):
        raise c.error("local labels (.name) are not supported: give the label a full name")
    name = c.name("a label name")
    if c.peek_op("("):
        raise c.error("labels with parameters are not supported")
    if c.peek_word() == "hide":
        c.i += 1
    c.expect_colon_end()
    return ast.Label(c.loc(), line.source, name, _children(line, file))


_IMAGE_CLAUSES = ("at", "with", "as", "behind", "onlayer", "zorder")


def _image_words(c: _Cursor, what: str) -> list[str]:
    words = []
    while (w := c.peek_word()) is not None and w not in _IMAGE_CLAUSES:
        words.append(c.name(what))
    return words


def _clauses(c: _Cursor, allow_at: bool) -> tuple[str | None, ast.Expr | None]:
    at = None
    with_ = None
    while not c.at_end():
        w = c.peek_word()
        if w == "at" and allow_at:
            c.i += 1
            at = c.name("a position (left, center, right, truecenter or a stage mark)")
            if c.peek_op("(") or c.peek_op(","):
                raise c.error("only one named position is supported after 'at' "
                              "(transforms are not)")
        elif w == "with":
            c.i += 1
            with_ = c.expression()
        elif w in ("as", "behind", "onlayer", "zorder"):
            raise c.error(f"'{w}' is not supported in this statement")
        else:
            t = c.peek()
            raise c.error(f"unexpected '{t[1]}'" if t else "unexpected text")
    return at, with_


def _no_atl(c: _Cursor, what: str) -> None:
    if c.toks and c.toks[-1][0] == "op" and c.toks[-1][1] == ":":
        raise c.error(f"ATL blocks on '{what}' are not supported: use a position after "
                      "'at' and a transition after 'with'", c.toks[-1])


def _scene(c: _Cursor, line: Line, file: str) -> ast.Node:
    _no_atl(c, "scene")
    if c.peek_word() == "expression":
        raise c.error("'scene expression' is not supported: name the image")
    words = _image_words(c, "an image name")
    at, with_ = _clauses(c, allow_at=True)
    return ast.Scene(c.loc(), line.source, words or None, at, with_)


def _show(c: _Cursor, line: Line, file: str) -> ast.Node:
    _no_atl(c, "show")
    w = c.peek_word()
    if w == "screen":
        raise c.error("'show screen' is not supported: the engine draws its own screens")
    if w == "expression":
        raise c.error("'show expression' is not supported: name the image")
    words = _image_words(c, "an image name")
    if not words:
        raise c.error("expected the image to show")
    at, with_ = _clauses(c, allow_at=True)
    return ast.Show(c.loc(), line.source, words, at, with_)


def _hide(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "screen":
        raise c.error("'hide screen' is not supported")
    words = _image_words(c, "the image to hide")
    if not words:
        raise c.error("expected the image to hide")
    _, with_ = _clauses(c, allow_at=False)
    return ast.Hide(c.loc(), line.source, words[0], with_)


def _with(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    return ast.With(c.loc(), line.source, c.expression())


def _menu(c: _Cursor, line: Line, file: str) -> ast.Node:
    name = c.name("a menu name") if c.peek_word() is not None else None
    c.expect_colon_end()
    prompt: ast.Say | None = None
    options: list[ast.MenuOption] = []
    for child in line.children:
        oc = _Cursor(child, file)
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
        options.append(ast.MenuOption(loc, child.source, text, cond, _children(child, file)))
    if not options:
        raise c.error("this menu has no options", c.toks[0],
                      hint='add options: "Option text": followed by an indented block')
    return ast.Menu(c.loc(), line.source, name, prompt, options)


def _jump(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "expression":
        raise c.error("'jump expression' is not supported: jump to a named label")
    if c.peek_op("."):
        raise c.error("local labels (.name) are not supported")
    target = c.name("a label to jump to")
    c.expect_end()
    return ast.Jump(c.loc(), line.source, target)


def _call(c: _Cursor, line: Line, file: str) -> ast.Node:
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


def _return(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if not c.at_end():
        raise c.error("'return' with a value is not supported")
    return ast.Return(c.loc(), line.source)


_ASSIGN_OPS = ("=", "+=", "-=", "*=", "/=")


def _dollar(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    t = c.peek()
    if t is None or t[0] != "name":
        raise c.error("expected an assignment after '$'", hint="$ name = value")
    target = c.dotted_name("a variable name")
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
        c = _Cursor(line, file)
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
    c0 = _Cursor(first, file)
    return ast.If(c0.loc(), first.source, branches), i


def _while(c: _Cursor, line: Line, file: str) -> ast.Node:
    cond = c.expression(stop_ops=(":",))
    c.expect_colon_end()
    return ast.While(c.loc(), line.source, cond, _children(line, file))


def _pause(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    expr = None if c.at_end() else c.expression()
    return ast.Pause(c.loc(), line.source, expr)


def _channel(c: _Cursor) -> str:
    t = c.peek()
    name = c.name("a channel (music or sound)")
    if name not in CHANNELS:
        raise c.error(f"unknown channel '{name}'", t, hint="use music or sound")
    return CHANNELS[name]


def _play(c: _Cursor, line: Line, file: str, action: str = "play") -> ast.Node:
    c.no_block()
    channel = _channel(c)
    files = c.expression(stop_words=("fadein", "fadeout", "loop", "noloop", "volume",
                                     "if_changed"))
    fadein = fadeout = None
    loop: bool | None = None
    while not c.at_end():
        w = c.peek_word()
        if w in ("fadein", "fadeout", "volume"):
            c.i += 1
            value = c.expression(stop_words=("fadein", "fadeout", "loop", "noloop", "volume",
                                             "if_changed"))
            if w == "fadein":
                fadein = value
            elif w == "fadeout":
                fadeout = value
        elif w in ("loop", "noloop"):
            c.i += 1
            loop = w == "loop"
        elif w == "if_changed":
            c.i += 1
        else:
            t = c.peek()
            raise c.error(f"unexpected '{t[1]}'" if t else "unexpected text",
                          hint="play CHANNEL \"file.ogg\" [fadein S] [fadeout S] [loop|noloop]")
    return ast.Play(c.loc(), line.source, action, channel, files, fadein, fadeout, loop)


def _queue(c: _Cursor, line: Line, file: str) -> ast.Node:
    return _play(c, line, file, action="queue")


def _stop(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    channel = _channel(c)
    fadeout = None
    if c.peek_word() == "fadeout":
        c.i += 1
        fadeout = c.expression()
    c.expect_end()
    return ast.Stop(c.loc(), line.source, channel, fadeout)


def _pass(c: _Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    c.expect_end()
    return ast.Pass(c.loc(), line.source)


_HANDLERS = {
    "define": _define, "default": _default, "image": _image, "label": _label,
    "scene": _scene, "show": _show, "hide": _hide, "with": _with, "menu": _menu,
    "jump": _jump, "call": _call, "return": _return, "$": _dollar, "while": _while,
    "pause": _pause, "play": _play, "queue": _queue, "stop": _stop, "pass": _pass,
}
