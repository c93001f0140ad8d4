"""Compiles syntax trees into the flat Program (see program.py).

if/elif/else, while and menus become conditional and unconditional jumps to statement
indexes; labels become entries in the label table; define/default/image are collected as
init statements. Label targets stay names, resolved when a jump runs, so lint can report an
unknown label with its location instead of the compiler failing at the first one.
"""

from __future__ import annotations

from collections import Counter

from . import ast
from .errors import Loc, ScriptError
from .parse_text import Staging
from .program import Init, Program, Stmt


class _Compiler:
    def __init__(self) -> None:
        self.program = Program()
        self.label: str | None = None
        self.global_label: str | None = None  # what a `.local` name belongs to
        self.seen: Counter[tuple[str | None, str, str]] = Counter()
        self.errors: list[ScriptError] = []

    def emit(self, kind: str, node: ast.Node, implicit: bool = False, **args: object) -> int:
        source = node.source
        key = (self.label, kind + "/i" if implicit else kind, source.strip())
        occurrence = self.seen[key]
        self.seen[key] = occurrence + 1
        stmts = self.program.statements
        stmts.append(Stmt(kind, node.loc, source, self.label, occurrence, args, implicit))
        return len(stmts) - 1

    def say(self, node: ast.Say) -> None:
        self.emit("say", node, who=node.who, who_name=node.who_name, attrs=node.attrs,
                  text=node.text)
        if "@" in node.attrs:  # the line's own attributes end with it
            self.emit("untemp", node, implicit=True, who=node.who)

    def file(self, name: str, nodes: list[ast.Node]) -> None:
        self.program.files.append(name)
        self.label = self.global_label = None
        self.block(nodes)
        # Falling off the end of a file returns, as in Ren'Py.
        end = ast.Return(Loc(name, nodes[-1].loc.line if nodes else 1, 1), "")
        self.emit("return", end, implicit=True)

    def block(self, nodes: list[ast.Node]) -> None:
        for node in nodes:
            self.node(node)

    def node(self, node: ast.Node) -> None:
        if type(node) is ast.Say:  # most of any script: skip the match below
            self.say(node)
            return
        match node:
            case ast.Label():
                name = self.label_name(node.name, node)
                if "." not in node.name:
                    self.global_label = name
                self.label = name
                self.define_label(name, node, node.params, node.defaults)
                self.block(node.body)
            case ast.Define() | ast.Default() | ast.Image():
                name = " ".join(node.name) if isinstance(node, ast.Image) else node.name
                kind = type(node).__name__.lower()
                self.program.inits.append(Init(kind, name, node.expr, node.loc, node.source))
            case ast.Transform():
                spec = {"params": node.params, "defaults": node.defaults, "body": node.body}
                self.program.inits.append(Init("transform", node.name, spec, node.loc,
                                               node.source))  # type: ignore[arg-type]
            case ast.Scene():
                self.emit("scene", node, image=node.image, at=node.at, with_=node.with_,
                          transforms=node.transforms, atl=node.atl, **_layer(node))
            case ast.Show():
                self.emit("show", node, image=node.image, at=node.at, with_=node.with_,
                          transforms=node.transforms, atl=node.atl, behind=node.behind,
                          zorder=node.zorder, as_=node.as_, **_layer(node))
            case ast.Hide():
                self.emit("hide", node, tag=node.tag, with_=node.with_, **_layer(node))
            case ast.With():
                self.emit("with", node, with_=node.expr)
            case ast.Menu():
                self.menu(node)
            case ast.Jump() | ast.Call():
                self.jump(node)
            case ast.Return():
                if node.expr is None:
                    self.emit("return", node)
                else:
                    self.emit("return", node, expr=node.expr)
            case ast.Assign():
                self.emit("assign", node, target=node.target, op=node.op, expr=node.expr)
            case ast.If():
                self.if_(node)
            case ast.While():
                top = len(self.program.statements)
                branch = self.emit("branch", node, cond=node.cond, target=None)
                self.block(node.body)
                self.emit("goto", node, implicit=True, target=top)
                self.program.statements[branch].args["target"] = len(self.program.statements)
            case ast.Pause():
                self.emit("pause", node, expr=node.expr, hard=node.hard)
            case ast.Play():
                self.emit(node.action, node, channel=node.channel, files=node.files,
                          fadein=node.fadein, fadeout=node.fadeout, loop=node.loop)
            case ast.Stop():
                self.emit("stop", node, channel=node.channel, fadeout=node.fadeout)
            case ast.Pass():
                self.emit("pass", node)
            case Staging():
                self.emit(node.kind, node, **node.args)
            case _:
                raise ScriptError(node.loc, f"cannot compile {type(node).__name__}", node.source)

    def label_name(self, name: str, node: ast.Node) -> str:
        """A label's full name: `.local` belongs to the global label before it."""
        if not name.startswith("."):
            return name
        if self.global_label is None:
            self.errors.append(ScriptError(node.loc, f"local label '{name}' has no global "
                                           "label before it in this file", node.source))
            return name[1:]
        return self.global_label + name

    def jump(self, node: ast.Jump | ast.Call) -> None:
        kind = "jump" if isinstance(node, ast.Jump) else "call"
        args: dict = {"target": None}
        expr = node.expr
        if node.target is not None:
            args["target"] = self.label_name(node.target, node)
        elif expr is not None and expr[0] == "lit" and isinstance(expr[1], str):
            args["target"] = self.label_name(expr[1], node)  # lint can check it
        else:
            args["expr"] = expr
            args["base"] = self.global_label  # for a `.local` name it evaluates to
        if isinstance(node, ast.Call) and node.args is not None:
            args["args"], args["kwargs"] = node.args, node.kwargs
        self.emit(kind, node, **args)
        if isinstance(node, ast.Call) and node.from_ is not None:
            # `call x from NAME`: NAME labels the statement the call returns to, as in
            # Ren'Py; a return point, not a part of the story (see Program.story_labels).
            self.define_label(self.label_name(node.from_, node), node, returns=True)

    def define_label(self, name: str, node: ast.Node, params: list[str] | None = None,
                     defaults: dict | None = None, returns: bool = False) -> None:
        labels = self.program.labels
        if returns:  # runs as a `pass`: the story stays in the label it is in
            index = self.emit("pass", node, implicit=True, name=name, returns=True)
        elif params is None:
            index = self.emit("label", node, name=name)
        else:
            index = self.emit("label", node, name=name, params=params, defaults=defaults)
        if name in labels:
            # Reported, and the first definition kept, so one slip does not hide every
            # other problem from lint.
            first = self.program.statements[labels[name]].loc
            self.errors.append(ScriptError(
                node.loc, f"label '{name}' is defined twice (first at "
                f"{first.file}:{first.line})", node.source))
        else:
            labels[name] = index

    def menu(self, node: ast.Menu) -> None:
        prompt = None
        if node.prompt is not None:
            p = node.prompt
            prompt = {"who": p.who, "who_name": p.who_name, "attrs": p.attrs, "text": p.text,
                      "line": p.loc.line, "col": p.loc.col, "source": p.source}
        options = [{"text": o.text, "cond": o.cond, "target": None, "line": o.loc.line,
                    "col": o.loc.col, "source": o.source} for o in node.options]
        if node.name is not None:
            # `menu name:` is also a label naming the menu, as in Ren'Py; the statements
            # keep their enclosing label for fingerprints.
            self.define_label(node.name, node)
        extra = {} if node.set_ is None else {"set": node.set_}
        index = self.emit("menu", node, prompt=prompt, options=options, name=node.name,
                          **extra)
        ends = []
        for option, spec in zip(node.options, options, strict=True):
            spec["target"] = len(self.program.statements)
            self.block(option.body)
            ends.append(self.emit("goto", option, implicit=True, target=None))
        end = len(self.program.statements)
        for e in ends:
            self.program.statements[e].args["target"] = end
        self.program.statements[index].args["end"] = end

    def if_(self, node: ast.If) -> None:
        ends = []
        for branch in node.branches:
            if branch.cond is None:
                self.block(branch.body)
                break
            test = self.emit("branch", branch, cond=branch.cond, target=None)
            self.block(branch.body)
            ends.append(self.emit("goto", branch, implicit=True, target=None))
            self.program.statements[test].args["target"] = len(self.program.statements)
        end = len(self.program.statements)
        for e in ends:
            self.program.statements[e].args["target"] = end


def compile_files(files: list[tuple[str, list[ast.Node]]],
                  errors: list[ScriptError] | None = None) -> Program:
    """One program from parsed files, in the order given (the loader sorts them). Problems
    go to `errors` when given, else the first one raises."""
    c = _Compiler()
    for name, nodes in files:
        c.file(name, nodes)
    if c.errors:
        if errors is None:
            raise c.errors[0]
        errors.extend(c.errors)
    return c.program


def _layer(node: ast.Scene | ast.Show | ast.Hide) -> dict:
    """`onlayer NAME` as the statement's "layer" argument; none for master, so the
    statements written without it compile as before."""
    return {"layer": node.layer} if node.layer not in (None, "master") else {}
