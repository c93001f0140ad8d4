"""`$` lines and `python:` / `init python:` blocks, as far as they are data: assignments
(to names, `store.x`, items `d["k"]`, several names at once), a method that changes a
variable's list or dict (`$ items.append(x)`), and the `renpy.*` calls on the allow-list
below, each made into the statement it stands for (`renpy.music.play` is a `play`).

Nothing here runs Python: a line that is not one of these is refused with an error naming
what it is, so a writer knows what to change. What the new statements do is in
code_steps.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import ast, parse_show
from .cursor import Cursor
from .errors import ScriptError
from .expr_syntax import ExprError, Node, expr_error, parse_expression
from .lexer import Line, logical_lines
from .parse_flow import persistent_default
from .parse_input import input_call
from .parse_media import CHANNELS
from .parse_text import Staging

ASSIGN_OPS = ("=", "+=", "-=", "*=", "/=", "//=", "%=", "**=")
# renpy.* calls a story makes for pacing, that change nothing we keep or show, and why
# (lint --strict tells the writer, engine/lint/code.py).
IGNORED_CALLS: dict[str, str] = {
    "renpy.restart_interaction": "the screen redraws by itself",
    "renpy.music.set_volume": "the player sets the volumes in the settings",
    "renpy.sound.set_volume": "the player sets the volumes in the settings",
    "renpy.block_rollback": "rollback is not limited",
    "renpy.fix_rollback": "rollback is not limited",
    "renpy.checkpoint": "every line is a point to roll back to",
    "renpy.save_persistent": "persistent data is saved as it changes",
    "renpy.free_memory": "images are freed as they leave the screen",
    "renpy.choice_for_skipping": "skipping stops at every menu",
    "renpy.transition": "no transition plays: put a 'with' statement after the change",
    "renpy.with_statement": "no transition plays: write a 'with' statement",
    "renpy.music.set_pause": "the music keeps playing",
}
STAGE_CALLS = ("renpy.show", "renpy.hide", "renpy.scene")
# More renpy.* calls, by name: handler(cursor, line, args, kwargs) -> the statement. Those
# also named in INIT_CALLS are setup an init python block may make (a channel registered).
RenpyHandler = Callable[[Cursor, Line, list, dict], ast.Node]
REGISTER_CHANNEL = "renpy.music.register_channel"


def _register_channel(c: Cursor, line: Line, args: list, kwargs: dict) -> ast.Node:
    """A game's own channel, `renpy.music.register_channel("env", "sfx", loop=True)` (or
    True as the third argument): engine/script/audio_names.py finds these statements before
    the story runs, so `play env …` is known; running one does nothing."""
    name = _lit_str(args[0]) if args else None
    if name is None:
        raise c.error(f"{REGISTER_CHANNEL} takes the channel's name in quotes first")
    loop = kwargs.get("loop", args[2] if len(args) > 2 else None)
    return Staging(c.loc(), line.source, "pass",
                   {"channel": name, "loop": loop == ["lit", True]})


RENPY_HANDLERS: dict[str, RenpyHandler] = {REGISTER_CHANNEL: _register_channel}
INIT_CALLS: set[str] = {REGISTER_CHANNEL}
ALLOWED_HINT = ("allowed: renpy.pause, renpy.music.play/queue/stop/set_volume, "
                "renpy.sound.play/queue/stop, renpy.notify, renpy.input, renpy.say, renpy.jump, "
                "renpy.call, renpy.show/hide/scene, renpy.random.*, renpy.restart_interaction")
_PYTHON_HINT = "python blocks may hold assignments and renpy calls only; anything else " \
    "(def, class, import, if, for) runs Python, which scene files cannot"


def _top_level(c: Cursor, ops: tuple[str, ...]) -> list[int]:
    """Indexes of `ops` outside brackets, from the cursor on."""
    out = []
    depth = 0
    for j in range(c.i, len(c.toks)):
        kind, value, _, _ = c.toks[j]
        if kind != "op":
            continue
        if value in ("(", "[", "{"):
            depth += 1
        elif value in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and value in ops:
            out.append(j)
    return out


def _expr(c: Cursor, start: int, stop: int) -> Node:
    if start >= stop:
        raise c.error("expected an expression", c.toks[min(start, len(c.toks) - 1)])
    try:
        return parse_expression(c.toks, start, stop)[0]
    except ExprError as exc:
        raise expr_error(exc, c.loc(), c.line.source) from None


def _path(c: Cursor, node: Node, tok: tuple) -> tuple[str, list[Node]]:
    """A target: a name and the keys into it (`d["a"][0]` is ("d", [a, 0]))."""
    keys: list[Node] = []
    while node[0] == "sub":
        keys.append(node[2])
        node = node[1]
    if node[0] == "attr" and node[1][0] == "name" and node[1][1] in ("persistent", "config") \
            and not keys:
        return f"{node[1][1]}.{node[2]}", keys
    if node[0] != "name":
        raise c.error("cannot assign to this: only to names, store.NAME, persistent.NAME "
                      "and items of a variable (d[\"key\"])", tok)
    keys.reverse()
    return node[1], keys


def dollar(c: Cursor, line: Line, init: bool = False) -> ast.Node:
    """The statement after `$` (or a line of a python block), the cursor at its start."""
    c.no_block()
    first = c.peek()
    if first is None:
        raise c.error("expected an assignment after '$'", hint="$ name = value")
    assigns = _top_level(c, ASSIGN_OPS)
    if not assigns:
        return _call_line(c, line, init)
    j = assigns[0]
    op = c.toks[j][1]
    commas = [k for k in _top_level(c, (",",)) if k < j]
    bounds = [c.i, *[k + 1 for k in commas]], [*commas, j]
    targets = [_path(c, _expr(c, a, b), c.toks[a]) for a, b in zip(*bounds, strict=True)]
    rhs_commas = [k for k in _top_level(c, (",",)) if k > j]
    if rhs_commas and rhs_commas[-1] == len(c.toks) - 1:
        rhs_commas.pop()  # `x = 1,`
    if rhs_commas:
        starts = [j + 1, *[k + 1 for k in rhs_commas]]
        stops = [*rhs_commas, len(c.toks)]
        expr: Node = ["tuple", [_expr(c, a, b) for a, b in zip(starts, stops, strict=True)]]
    else:
        expr = _expr(c, j + 1, len(c.toks))
    loc, src = c.loc(), line.source
    if len(targets) > 1:
        if op != "=" or any(keys for _, keys in targets):
            raise c.error("several names are assigned with '=' only", c.toks[j])
        return Staging(loc, src, "assign_many", {"targets": [n for n, _ in targets],
                                                 "expr": expr})
    (name, keys), = targets
    entered = input_call(c, expr)
    if entered is not None:
        if keys or op != "=":
            raise c.error("renpy.input's text goes into a plain name: $ name = "
                          "renpy.input(\"…\")", first)
        return Staging(loc, src, "input", {"target": name, **entered})
    if keys:
        return Staging(loc, src, "assign_item", {"target": name, "keys": keys, "op": op,
                                                 "expr": expr})
    if init and op == "=" and "." not in name:
        return ast.Default(loc, src, name, expr)
    if init and name.startswith("config."):
        return ast.Define(loc, src, name, expr)
    if "." in name and name.split(".")[0] not in ("persistent", "config"):
        raise c.error(f"cannot assign to '{name}': only plain names and persistent.NAME",
                      first)
    return ast.Assign(loc, src, name, op, expr)


def _call_line(c: Cursor, line: Line, init: bool) -> ast.Node:
    start = c.i
    node = _expr(c, c.i, len(c.toks))
    loc, src = c.loc(), line.source
    if node[0] == "call" and node[1].startswith("renpy."):
        return _renpy(c, line, node)
    if node[0] == "mcall":
        try:
            name, keys = _path(c, node[1], c.toks[start])
        except ScriptError:
            name = None
        if name is not None and "." not in name:
            return Staging(loc, src, "change", {"target": name, "keys": keys,
                                                "method": node[2], "args": node[3],
                                                "kwargs": node[4]})
    what = f"'{node[1]}()' runs Python code: " if node[0] == "call" else ""
    raise c.error(f"{what}only assignments, methods of variables and renpy calls are "
                  "supported after '$'", c.toks[start], hint="scene files cannot run Python code")


def _lit_str(node: Node | None) -> str | None:
    return node[1] if node is not None and node[0] == "lit" and isinstance(node[1], str) \
        else None


def _channel(c: Cursor, node: Node | None, default: str, t: tuple) -> str:
    """channel="…" of renpy.music/sound: a channel the `play` statement knows, by name."""
    if node is None:
        return default
    name = _lit_str(node)
    if name is None:
        raise c.error("channel= takes a channel's name in quotes", t)
    if name not in CHANNELS:
        raise c.error(f"unknown channel '{name}'", t, hint="use music, ambient or sound")
    return CHANNELS[name]


def _renpy(c: Cursor, line: Line, node: Node) -> ast.Node:
    name, args, kwargs = node[1], node[2], dict(node[3])
    loc, src = c.loc(), line.source
    t = c.toks[0] if c.toks[0][1] != "$" else c.toks[1]
    if name in RENPY_HANDLERS:
        return RENPY_HANDLERS[name](c, line, args, kwargs)
    if name in IGNORED_CALLS:
        return Staging(loc, src, "pass", {"ignored": name})
    module, _, func = name.rpartition(".")
    if module in ("renpy.music", "renpy.sound") and func in ("play", "queue", "stop"):
        channel = _channel(c, kwargs.pop("channel", None),
                           "music" if module == "renpy.music" else "sound", t)
        fadeout = kwargs.pop("fadeout", None)
        if func == "stop":
            if args or set(kwargs) - {"tag"}:
                raise c.error(f"{name} takes channel= and fadeout=", t)
            return ast.Stop(loc, src, channel, fadeout)
        loop_node = kwargs.pop("loop", None)
        fadein = kwargs.pop("fadein", None)
        if len(args) > 2 or not args or set(kwargs) - {"tag", "if_changed", "synchro_start",
                                                        "relative_volume"}:
            raise c.error(f"{name} takes the file(s), channel=, loop=, fadein= and fadeout=", t)
        if len(args) == 2:
            channel = _channel(c, args[1], channel, t)
        loop = None
        if loop_node is not None:
            if loop_node[0] != "lit" or not isinstance(loop_node[1], bool):
                raise c.error("loop= takes True or False", t)
            loop = loop_node[1]
        return ast.Play(loc, src, func, channel, args[0], fadein, fadeout, loop)
    if name == "renpy.random.shuffle":
        # In place in Ren'Py; here the variable gets a shuffled copy (values never change
        # in place), drawn from the story's seeded source.
        if len(args) != 1 or kwargs:
            raise c.error("renpy.random.shuffle takes a variable's list", t)
        target, keys = _path(c, args[0], t)
        expr = ["call", "renpy.random.shuffled", [args[0]], []]
        if keys or "." in target:
            return Staging(loc, src, "assign_item", {"target": target, "keys": keys,
                                                     "op": "=", "expr": expr})
        return ast.Assign(loc, src, target, "=", expr)
    if name == "renpy.pause":  # in a python block; `$ renpy.pause` is parse_show's
        hard = kwargs.pop("hard", ["lit", False])
        delay = args[0] if args else kwargs.pop("delay", None)
        if len(args) > 1 or kwargs or hard[0] != "lit" or not isinstance(hard[1], bool):
            raise c.error("renpy.pause takes the seconds and hard=True", t)
        return ast.Pause(loc, src, delay, hard[1])
    if name in ("renpy.jump", "renpy.call"):
        target = _lit_str(args[0]) if len(args) == 1 and not kwargs else None
        if target is None:
            raise c.error(f"{name} takes a label's name in quotes", t,
                          hint=f'$ {name}("chapter_two")')
        return (ast.Jump if name == "renpy.jump" else ast.Call)(loc, src, target)
    if name == "renpy.notify":
        if len(args) != 1 or kwargs:
            raise c.error("renpy.notify takes the message", t)
        return Staging(loc, src, "notify", {"message": args[0]})
    if name == "renpy.say":
        text = _lit_str(args[1]) if len(args) == 2 and not kwargs else None
        who = args[0] if len(args) == 2 else None
        if text is None or who is None or not (who[0] == "name" or who == ["lit", None]
                                               or _lit_str(who) is not None):
            raise c.error("renpy.say takes a character (or None) and the text in quotes", t)
        if who[0] == "name":
            return ast.Say(loc, src, who[1], None, [], text)
        return ast.Say(loc, src, None, who[1], [], text)
    if name in STAGE_CALLS:
        return _stage(c, line, name, args, kwargs, t)
    if name == "renpy.input":
        raise c.error("renpy.input's text goes into a name: $ name = renpy.input(\"…\")", t)
    raise c.error(f"'{name}' is not available: scene files cannot run Python", t,
                  hint=ALLOWED_HINT)


def _stage(c: Cursor, line: Line, name: str, args: list, kwargs: dict, t: tuple
           ) -> ast.Node:
    """renpy.show("eileen happy", at_list=[left]) as the `show` line it stands for."""
    word = name.split(".")[1]
    image = _lit_str(args[0]) if args else None
    at = kwargs.pop("at_list", None)
    if (word != "scene" and image is None) or len(args) > 1 or set(kwargs) - {"layer", "tag"}:
        raise c.error(f"{name} takes the image's name in quotes and at_list=[…]", t)
    text = f"{word} {image or ''}"
    if at is not None:
        if at[0] != "list" or not all(a[0] == "name" for a in at[1]):
            raise c.error("at_list= takes a list of transforms by name", t)
        if at[1]:
            text += " at " + ", ".join(a[1] for a in at[1])
    try:
        made, _ = logical_lines(text.strip() + "\n", c.file)
        mc = Cursor(made[0], c.file)
        mc.i = 1
        node = parse_show.HANDLERS[word](mc, made[0], c.file)
    except ScriptError as exc:
        raise c.error(exc.message, t) from None
    return replace(node, loc=c.loc(), source=line.source)


def python_block(line: Line, file: str, init: bool) -> list[ast.Node]:
    """A `python:` block's lines as statements: under `init python`, a plain `x = …` is a
    `default` (set before the story starts, saved once changed), as Ren'Py reads it; an
    `if`/`elif`/`else` over such lines is the Ren'Py `if` it reads as."""
    if not line.children:
        raise Cursor(line, file).error("expected an indented block after ':'")
    return _python_lines(line.children, file, init)


_PYTHON_ONLY = ("def", "class", "import", "from", "for", "while", "try", "with", "return",
                "global", "del", "lambda", "raise", "assert", "nonlocal", "yield", "async")


def _python_lines(lines: list[Line], file: str, init: bool) -> list[ast.Node]:
    out: list[ast.Node] = []
    i = 0
    while i < len(lines):
        child = lines[i]
        cc = Cursor(child, file)
        word = cc.peek_word()
        if word == "if":
            node, i = _python_if(lines, i, file, init)
            out.append(node)
            continue
        if child.children or word in _PYTHON_ONLY or word in ("elif", "else"):
            raise cc.error(f"'{word or child.source.strip()[:20]}' in a python block: "
                           "scene files cannot run Python code", cc.peek(),
                           hint=_PYTHON_HINT)
        if word == "pass" and len(child.tokens) == 1:
            out.append(ast.Pass(cc.loc(), child.source))
        else:
            node = dollar(cc, child, init=init)
            if init and not isinstance(node, (ast.Default, ast.Define)) \
                    and _called(child) not in INIT_CALLS:
                # Nothing runs before the story starts but what sets a name's first value.
                raise cc.error("an init python block may only set names (name = value, "
                               "config.NAME = value)", cc.peek(),
                               hint="change the value in the story, on a '$' line")
            out.append(node)
        i += 1
    return out


def _called(line: Line) -> str | None:
    """The dotted name a line calls (`renpy.music.register_channel(…)`), else None."""
    names = []
    for t in line.tokens:
        if t[0] == "op" and t[1] == "(":
            return "".join(names)
        if not (t[0] == "name" or (t[0] == "op" and t[1] == ".")):
            return None
        names.append(t[1])
    return None


def _python_if(lines: list[Line], i: int, file: str, init: bool) -> tuple[ast.Node, int]:
    branches: list[ast.IfBranch] = []
    first = lines[i]
    while i < len(lines):
        line = lines[i]
        c = Cursor(line, file)
        word = c.peek_word()
        if (branches and word not in ("elif", "else")) or (not branches and word != "if"):
            break
        c.i = 1
        cond = None
        if word != "else":
            cond = c.expression(stop_ops=(":",))
        c.expect_colon_end()
        if not line.children:
            raise c.error("expected an indented block after ':'")
        # under init, only Ren'Py's `if persistent.x is None:` idiom is taken (below)
        body = _python_lines(line.children, file, False)
        branches.append(ast.IfBranch(c.loc(), line.source, cond, body))
        i += 1
        if word == "else":
            break
    node = ast.If(Cursor(first, file).loc(), first.source, branches)
    if init:
        node = persistent_default(node)
        if not isinstance(node, ast.Default):
            raise Cursor(first, file).error(
                "'if' in an init python block: scene files cannot run Python code before "
                "the story starts (only 'if persistent.x is None: persistent.x = value')",
                hint="use 'default' and an 'if' in the story")
    return node, i
