"""What the statements of parse_code.py do when they run: item and tuple assignments, a
method that changes a variable (`$ items.append(x)`), `renpy.notify`, `renpy.input`, and
the seeded `renpy.random` an expression draws from.

Every write goes through `steps.store`, so a statement that fails is undone whole; and a
changed list or dict is a new value (values.py trusts values never to change in place).
The random source keeps its seed and how many numbers it gave in the variable
`_renpy_random`, so it is saved, loaded and rolled back with the rest of the story.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from . import events as ev
from . import steps
from .errors import ScriptError
from .expr import ExprError, apply_operator, evaluate, expr_error
from .expr_calls import call_method
from .program import Stmt
from .state import RunStatus
from .values import charge, check_result

if TYPE_CHECKING:
    from .story import Story

RANDOM_VAR = "_renpy_random"
COPY_COST = 10  # units of work an item costs when its list or dict is copied to change it
MAX_INPUT = 200  # characters a player may type into renpy.input
INPUT_VAR = "_input"  # the text entered, in what renpy.input's line makes of it


def _value(story: Story, expr: list, stmt: Stmt) -> Any:
    return steps.value_of(story, expr, stmt)


def _set(story: Story, stmt: Stmt, target: str, value: Any) -> None:
    steps.check_storable(target, value, stmt.loc, stmt.source)
    if target.startswith("persistent."):
        steps.store(story, story.persistent, target.split(".", 1)[1], value)
    else:
        steps.store(story, story.state.variables, target, value)


def _rebuilt(story: Story, stmt: Stmt, root: Any, keys: list, leaf: Any) -> Any:
    """`root` with the item at `keys` made `leaf(old)`: each container on the way a copy."""
    try:
        if not keys:
            return leaf(root)
        key = _value(story, keys[0], stmt)
        if not isinstance(root, (list, dict)):
            raise ScriptError(stmt.loc, f"cannot set an item of {root!r}: only of a list or "
                              "a dict", stmt.source)
        # The copy and the two measures of it (values.py): a loop over a big list's items
        # pays for each, and soon meets the bound on work between two events.
        charge(COPY_COST * len(root))
        copy = type(root)(root)
        if len(keys) == 1:
            old = copy.get(key) if isinstance(copy, dict) else copy[key]
            copy[key] = leaf(old)
        else:
            copy[key] = _rebuilt(story, stmt, copy[key], keys[1:], leaf)
        return check_result(copy)
    except (KeyError, IndexError, TypeError) as exc:
        raise ScriptError(stmt.loc, f"{type(exc).__name__}: {exc}", stmt.source) from None
    except ExprError as exc:
        raise expr_error(exc, stmt.loc, stmt.source) from None


def _assign_item(story: Story, stmt: Stmt) -> None:
    a = stmt.args
    value = _value(story, a["expr"], stmt)
    op = a["op"]

    def leaf(old: Any) -> Any:
        return value if op == "=" else apply_operator(op[:-1], old, value, a["expr"])

    root = story.lookup(a["target"]) if a["keys"] or op != "=" else None
    _set(story, stmt, a["target"], _rebuilt(story, stmt, root, a["keys"], leaf))
    steps.goto(story, story.state.pc + 1)


def _assign_many(story: Story, stmt: Stmt) -> None:
    targets = stmt.args["targets"]
    value = _value(story, stmt.args["expr"], stmt)
    if not isinstance(value, (list, tuple)) or len(value) != len(targets):
        raise ScriptError(stmt.loc, f"{len(targets)} names take {len(targets)} values, not "
                          f"{value!r}", stmt.source)
    for name, v in zip(targets, value, strict=True):
        _set(story, stmt, name, v)
    steps.goto(story, story.state.pc + 1)


def _change(story: Story, stmt: Stmt) -> None:
    a = stmt.args
    args = [_value(story, x, stmt) for x in a["args"]]
    kwargs = {k: _value(story, v, stmt) for k, v in a["kwargs"]}

    def leaf(old: Any) -> Any:
        return call_method(old, a["method"], args, kwargs, change=True)[1]

    try:
        root = story.lookup(a["target"])
    except ExprError as exc:
        raise expr_error(exc, stmt.loc, stmt.source) from None
    _set(story, stmt, a["target"], _rebuilt(story, stmt, root, a["keys"], leaf))
    steps.goto(story, story.state.pc + 1)


def _notify(story: Story, stmt: Stmt) -> ev.Event | None:
    message = _value(story, stmt.args["message"], stmt)
    steps.goto(story, story.state.pc + 1)
    return ev.Notify(str(message)[:200], stmt.loc)


def _spec(story: Story, stmt: Stmt) -> ev.Input:
    a = stmt.args
    prompt = steps._interp(story, str(_value(story, a["prompt"], stmt)), stmt)
    default = "" if a["default"] is None else _value(story, a["default"], stmt)
    length = None if a["length"] is None else _value(story, a["length"], stmt)
    if not isinstance(default, str) or (length is not None and (
            isinstance(length, bool) or not isinstance(length, int) or length < 1)):
        raise ScriptError(stmt.loc, "renpy.input's default is text and its length a whole "
                          "number above 0", stmt.source)
    allow = None if a["allow"] is None else str(_value(story, a["allow"], stmt))
    exclude = "{}" if a["exclude"] is None else str(_value(story, a["exclude"], stmt))
    length = min(length or MAX_INPUT, MAX_INPUT)
    return ev.Input(prompt, default[:length], length, allow, exclude, stmt.loc, stmt.fp)


def _input(story: Story, stmt: Stmt) -> ev.Event:
    event = _spec(story, stmt)
    # The default is the answer until the player enters another: the story always has
    # one, unless what the line makes of the text fails on the default (`int(…)` of "").
    drawn = story.state.variables.get(RANDOM_VAR)
    try:
        value = _entered(story, stmt, event.default)
    except ScriptError:
        pass
    else:
        _set(story, stmt, stmt.args["target"], value)
    now = story.state.variables.get(RANDOM_VAR)
    if now != drawn and isinstance(now, list):
        # The answer is worked out again on the typed text: a renpy.random call in it
        # must draw then what it drew now, not the next number.
        count = drawn[1] if isinstance(drawn, list) else 0
        steps.store(story, story.state.variables, RANDOM_VAR, [now[0], count])
    story.state.status = RunStatus.WAITING
    return event


def _entered(story: Story, stmt: Stmt, text: str) -> Any:
    def lookup(name: str) -> Any:
        return text if name == INPUT_VAR else story.lookup(name)

    try:
        return evaluate(stmt.args["then"], lookup)
    except ExprError as exc:
        raise expr_error(exc, stmt.loc, stmt.source) from None


def enter(story: Story, text: str) -> None:
    """The player's answer to the renpy.input on screen (filtered as it asked)."""
    stmt = story.current()
    if stmt is None or stmt.kind != "input" or story.state.status is not RunStatus.WAITING:
        raise RuntimeError("there is no renpy.input to answer")
    event = _spec(story, stmt)
    text = filter_text(text, event.allow, event.exclude, event.length)
    value = _entered(story, stmt, text)
    steps.check_storable(stmt.args["target"], value, stmt.loc, stmt.source)
    story.state.variables[stmt.args["target"]] = value


def filter_text(text: str, allow: str | None, exclude: str, length: int) -> str:
    """What renpy.input keeps of typed text: allowed characters, none excluded, at most
    `length` of them, on one line."""
    kept = [ch for ch in text if ch.isprintable() and (allow is None or ch in allow)
            and ch not in exclude]
    return "".join(kept)[:length]


def random_draw(story: Story) -> Any:
    """The `renpy.random` an expression calls: draw(func, args)."""

    def draw(func: str, args: list) -> Any:
        seed, count = story.state.variables.get(RANDOM_VAR) or [
            random.SystemRandom().getrandbits(32), 0]
        rng = random.Random(seed * 1_000_003 + count)
        steps.store(story, story.state.variables, RANDOM_VAR, [seed, count + 1])
        try:
            if func == "choice":
                (seq,) = args
                return rng.choice(list(seq))
            if func == "random":
                return rng.random()
            if func == "shuffled":
                (seq,) = args
                if not isinstance(seq, list):
                    raise ExprError(f"renpy.random.shuffle takes a list, not {seq!r}")
                copy = list(seq)
                rng.shuffle(copy)
                return copy
            low, high = args
            return rng.randint(low, high) if func == "randint" else rng.uniform(low, high)
        except (TypeError, ValueError, IndexError) as exc:
            raise ExprError(f"renpy.random.{func}: {exc}") from None

    return draw


HANDLERS = {
    "assign_item": _assign_item, "assign_many": _assign_many, "change": _change,
    "notify": _notify, "input": _input,
}
