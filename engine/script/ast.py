"""The scene language's syntax tree. Every node carries its source location and line, as
Ren'Py's nodes carry filename and line number, so every later error starts from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Loc

Expr = list  # a parsed expression, see expr.py


@dataclass(slots=True)
class Node:
    loc: Loc
    source: str


@dataclass(slots=True)
class Define(Node):
    name: str  # may be dotted: config.name
    expr: Expr


@dataclass(slots=True)
class Default(Node):
    name: str
    expr: Expr


@dataclass(slots=True)
class Image(Node):
    name: list[str]
    expr: Expr


@dataclass(slots=True)
class Label(Node):
    name: str  # `.local` names are resolved by the compiler
    body: list[Node] = field(default_factory=list)
    params: list[str] | None = None  # `label name(a, b=1):`
    defaults: dict[str, Expr] = field(default_factory=dict)


@dataclass(slots=True)
class Say(Node):
    who: str | None  # a Character variable
    who_name: str | None  # a literal speaker name: "Girl" "Hello."
    attrs: list[str]
    text: str


@dataclass(slots=True)
class Scene(Node):
    image: list[str] | None  # None: a bare `scene`, which clears to black
    at: str | None  # the first transform's name
    with_: Expr | None
    transforms: list[dict] = field(default_factory=list)  # see parse_atl.transform_ref
    atl: list[dict] | None = None  # the inline ATL block, see parse_atl
    layer: str | None = None  # `onlayer NAME`; None: master


@dataclass(slots=True)
class Show(Node):
    image: list[str]
    at: str | None  # the first transform's name
    with_: Expr | None
    transforms: list[dict] = field(default_factory=list)  # see parse_atl.transform_ref
    atl: list[dict] | None = None  # the inline ATL block, see parse_atl
    behind: list[str] = field(default_factory=list)
    zorder: Expr | None = None
    as_: str | None = None
    layer: str | None = None  # `onlayer NAME`; None: master


@dataclass(slots=True)
class Transform(Node):
    """`transform NAME(params):` and its ATL block (see parse_atl.py), an init statement."""

    name: str
    params: list[str]
    defaults: dict[str, Expr]
    body: list[dict]


@dataclass(slots=True)
class Hide(Node):
    tag: str
    with_: Expr | None
    layer: str | None = None  # `onlayer NAME`; None: master


@dataclass(slots=True)
class With(Node):
    expr: Expr


@dataclass(slots=True)
class MenuOption(Node):
    text: str
    cond: Expr | None
    body: list[Node]


@dataclass(slots=True)
class Menu(Node):
    name: str | None
    prompt: Say | None
    options: list[MenuOption]
    set_: Expr | None = None  # `set NAME`: the options already chosen are left out


@dataclass(slots=True)
class Jump(Node):
    target: str | None  # None: `jump expression`
    expr: Expr | None = None


@dataclass(slots=True)
class Call(Node):
    target: str | None  # None: `call expression`
    expr: Expr | None = None
    args: list[Expr] | None = None  # `call name(1, b=2)`
    kwargs: list[list] | None = None
    from_: str | None = None  # `call name from NAME`: the return point's label


@dataclass(slots=True)
class Return(Node):
    expr: Expr | None = None  # `return value`: the caller reads it as _return


@dataclass(slots=True)
class Assign(Node):
    target: str  # may be dotted: persistent.seen
    op: str  # = += -= *= /= //= %= **=
    expr: Expr


@dataclass(slots=True)
class IfBranch(Node):
    cond: Expr | None  # None for else
    body: list[Node]


@dataclass(slots=True)
class If(Node):
    branches: list[IfBranch]


@dataclass(slots=True)
class While(Node):
    cond: Expr
    body: list[Node]


@dataclass(slots=True)
class Pause(Node):
    expr: Expr | None
    hard: bool = False  # renpy.pause(N, hard=True): a click does not end it


@dataclass(slots=True)
class Play(Node):
    action: str  # play | queue
    channel: str
    files: Expr
    fadein: Expr | None
    fadeout: Expr | None
    loop: bool | None


@dataclass(slots=True)
class Stop(Node):
    channel: str
    fadeout: Expr | None


@dataclass(slots=True)
class Pass(Node):
    pass
