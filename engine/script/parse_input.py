"""`$ name = renpy.input("Name?").strip() or "Sam"`: the renpy.input call in the value a
`$` line assigns, read into the `input` statement code_steps.py runs. The value is kept as
an expression over `_input`, the text entered, so it is made once the player has answered
and the story's state stays plain data while the question is on screen (a save there
restores it). An input that may not run with the line, or a second one, is refused.
"""

from __future__ import annotations

from .cursor import Cursor
from .expr_syntax import Node, children


def _inputs(node: Node, always: bool, out: list[tuple[Node, bool]]) -> None:
    """The renpy.input calls in `node`, each with whether it runs whenever the line does
    (not after an `and`/`or`, in an if-else's branch or in a comprehension's loop)."""
    tag = node[0]
    if tag == "call" and node[1] == "renpy.input":
        out.append((node, always))
    if tag in ("and", "or"):
        parts = [(x, always and i == 0) for i, x in enumerate(node[1])]
    elif tag == "if":
        parts = [(node[1], always), (node[2], False), (node[3], False)]
    elif tag == "cmp":
        parts = [(x, always and i < 2) for i, x in enumerate(node[2])]
    elif tag == "comp":
        parts = [(node[4], always), (node[2], False), *((x, False) for x in node[5])]
    else:
        parts = [(x, always) for x in children(node)]
    for part, runs in parts:
        _inputs(part, runs, out)


def input_call(c: Cursor, expr: Node) -> dict | None:
    """`renpy.input(prompt, default=…, length=…)` somewhere in the value a line assigns
    (`renpy.input("?").strip() or "Sam"`): its arguments, and the expression that makes
    the value from the text entered (`_input` where the call was), which runs once the
    player has answered."""
    found: list[tuple[Node, bool]] = []
    _inputs(expr, True, found)
    if not found:
        return None
    if len(found) > 1:
        raise c.error("one renpy.input() a line: ask each question on a '$' line of its own",
                      hint='$ first = renpy.input("First name?")')
    node, always = found[0]
    if not always:
        raise c.error("renpy.input() where it may not run (after 'and'/'or', in an if-else "
                      "or a loop): ask on a '$' line of its own first",
                      hint='$ answer = renpy.input("Your name?")')
    args, kwargs = node[2], dict(node[3])
    names = ("prompt", "default", "allow", "exclude", "length")
    if len(args) > len(names) or set(kwargs) - set(names) - {"pixel_width", "screen"}:
        raise c.error("renpy.input takes the prompt, default=, allow=, exclude= and length=")
    spec = {k: None for k in names}
    spec.update(zip(names, args, strict=False))
    spec.update({k: v for k, v in kwargs.items() if k in names})
    if spec["prompt"] is None:
        raise c.error("renpy.input needs a prompt", hint='$ name = renpy.input("Your name?")')
    # The text entered is `_input` in what is made of it.
    then = _replace(expr, node, ["name", "_input"])
    return {**spec, "then": then}


def _replace(tree: list, old: Node, new: Node) -> list:
    """`tree` with the node `old` (that very list) made `new`."""
    if tree is old:
        return new
    return [_replace(x, old, new) if isinstance(x, list) else x for x in tree]
