"""Pictures chosen by the story's variables, as Ren'Py writes them:

    layeredimage augustina:             image sign = ConditionSwitch(
        if persistent.evil:                 "door_open", "sign_open.png",
            "augustina_evil_eyes"           "True", "sign_closed.png")
        elif mood == "sad":
            "augustina_sad_eyes"
        else:
            "augustina_eyes"

Both are read into one form, a layered spec's condition group (engine/layered.py), so one
mechanism chooses and draws them: spec["conds"] holds, per group, its branches
[{"if": expression | None (else), "file": picture, "line", "col", "src"}], and a layer
{"cond": k} stands where group k draws. A ConditionSwitch is a layered spec with no
attributes and that one group. Conditions are parsed by the scene language's expression
parser (never eval); the story evaluates them (engine/script/cond_pictures.py).
"""

from __future__ import annotations

from typing import Any

from engine.atl.properties import PROPERTIES

from .cursor import Cursor
from .errors import ScriptError
from .expr_syntax import ExprError, parse_expression
from .lexer import Line, Token, logical_lines

# Condition groups of one image, and branches of one group: a save holds the chosen
# branches as small numbers (engine/savecheck.py)
MAX_CONDS = 64
_SWITCH = 'image sign = ConditionSwitch("door_open", "sign_open.png", "True", "sign.png")'


def cond_layer(k: int) -> dict[str, Any]:
    """The layer where condition group k draws its chosen picture."""
    return {"group": None, "attr": None, "file": None, "default": True, "if_any": [],
            "if_all": [], "if_not": [], "cond": k}


def branch(c: Cursor, line: Line, file: str, spec: dict[str, Any], last: str | None) -> None:
    """An `if`, `elif` or `else` line of a layeredimage (its cursor past the keyword) and
    its block: a new condition group, or the next branch of the one just read (`last`,
    the keyword of the line before, says whether there is one to continue)."""
    word = c.toks[0][1]
    if word != "if" and last not in ("if", "elif"):
        raise c.error(f"'{word}' without an 'if' before it", c.toks[0])
    cond = None
    if word != "else":
        cond = c.expression(stop_ops=(":",))
    c.expect_colon_end()
    first = c.toks[0]
    entry = {"if": cond, "file": _one_picture(line, file, word), "line": first[2],
             "col": first[3], "src": line.source}
    if word == "if":
        if len(spec["conds"]) >= MAX_CONDS:
            raise c.error(f"more than {MAX_CONDS} ifs in one image", first)
        spec["conds"].append([entry])
        spec["layers"].append(cond_layer(len(spec["conds"]) - 1))
        return
    branches = spec["conds"][-1]
    if len(branches) >= MAX_CONDS:
        raise c.error(f"more than {MAX_CONDS} branches in one if", first)
    branches.append(entry)


def _one_picture(line: Line, file: str, word: str) -> str:
    """The picture an if/elif/else block holds: one string (properties and `at` are read
    and not used, as for the image's own)."""
    found: str | None = None
    for child in line.children:
        text = _string_line(child)
        if text is None:
            head = child.tokens[0][1] if child.tokens else None
            if head == "at" or head in PROPERTIES:
                continue
            raise Cursor(child, file).error(f"an {word} block holds one picture in quotes",
                                            hint='"augustina_eyes.png"')
        if found is not None:
            raise Cursor(child, file).error(f"an {word} block holds one picture: this is "
                                            "a second")
        found = text
    if found is None:
        raise Cursor(line, file).error(f"this {word} block names no picture",
                                       hint='"augustina_eyes.png"')
    return found


def _string_line(line: Line) -> str | None:
    if line.say is not None and not line.say[0]:
        return line.say[1]
    if len(line.tokens) == 1 and line.tokens[0][0] == "str":
        return line.tokens[0][1]  # type: ignore[return-value]
    return None


def condition_switch(c: Cursor, expr: list, tok: Token) -> dict[str, Any]:
    """The layered spec of `ConditionSwitch("cond", picture, ...)`: each condition string
    parsed as an expression here, so a bad one is an error at the image's line."""
    args = expr[2]  # keyword arguments (predict_all=…) are about preloading: unused
    if not args or len(args) % 2:
        raise c.error("ConditionSwitch() takes pairs of a condition in quotes and a "
                      "picture", tok, hint=_SWITCH)
    if len(args) // 2 > MAX_CONDS:
        raise c.error(f"ConditionSwitch() has more than {MAX_CONDS} pictures", tok)
    branches = []
    for n in range(0, len(args), 2):
        cond, picture = args[n], args[n + 1]
        if cond[0] != "lit" or not isinstance(cond[1], str):
            raise c.error(f"ConditionSwitch() condition {n // 2 + 1} must be in quotes, "
                          "as Ren'Py evaluates it", tok, hint=_SWITCH)
        if picture[0] != "lit" or not isinstance(picture[1], str):
            raise c.error(f"ConditionSwitch() picture {n // 2 + 1} must be a file or an "
                          "image name in quotes", tok, hint=_SWITCH)
        branches.append({"if": _condition(c, cond[1], tok), "file": picture[1],
                         "line": tok[2], "col": tok[3], "src": c.line.source})
    return {"layers": [cond_layer(0)], "multiple": [], "conds": [branches]}


def _condition(c: Cursor, text: str, tok: Token) -> list:
    """A condition string as an expression node; any error names the string."""
    try:
        lines, _ = logical_lines(text.strip() + "\n", c.file)
        if len(lines) != 1 or not lines[0].tokens or lines[0].children:
            raise ExprError("expected one expression")
        node, _ = parse_expression(lines[0].tokens)
    except (ExprError, ScriptError) as exc:
        why = exc.message if isinstance(exc, ScriptError) else str(exc)
        raise c.error(f"ConditionSwitch() condition {text!r}: {why}", tok) from None
    return node
