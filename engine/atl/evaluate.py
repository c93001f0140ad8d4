"""The ATL evaluator: a sprite's transforms and inline ATL, run to a time, give its
Placement. Pure: the same sprite, time and event always give the same answer, so the
renderer can ask for any frame in any order, and a replay or a loaded save sees the same.

Time is seconds since the sprite got these transforms. Statements run one after another,
an interpolation's or pause's leftover time going on to the next, as in Ren'Py;
`parallel` blocks run together (a later block wins a property both set); `repeat` starts
its block again; `choice` picks by a random number seeded from the sprite's "seed" and the
choice's place, so a replay picks the same; `on EVENT` runs the handler of the event the
sprite was shown with (show or replace) and then never ends (nothing changes after it).

A `child` statement sets the picture drawn from then on, in no time (frames, with pause
and repeat); one `with` a transition cross-fades from the picture before it, the state
keeping how long ago it was set ("child_age") and the fade's length. A frame of an image's
own block ("of" its name) is skipped once the sprite shows other attributes.

The transforms of `at t1, t2` run together, each from time 0, each starting from where the
ones before it put the sprite, later ones winning: so `at left, slide` slides from the left.
The inline ATL block runs last. Each interpolation moves every value it changes (xpos,
xanchor, zoom, tint, ...) from where it is to its target.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Mapping
from typing import Any

from engine.script.expr_syntax import ExprError

from . import properties as props
from .builtins import BUILTIN_TRANSFORMS
from .placement import Placement
from .values import value
from .warpers import warp

INF = math.inf
EPS = 1e-9
MAX_DEPTH = 32  # transforms including transforms
MAX_STEPPED = 100_000  # iterations of a repeat with a choice worked through one by one
Marks = Mapping[str, tuple[float, float]]
PROPERTY_TRANSFORMS = frozenset({"Transform", "Position"})  # at Transform(xalign=0.5)


class Held(float):
    """A block that never ends but changes nothing after this time (an `on` waiting for
    the next event, a loop that takes no time)."""


def _later(a: float, b: float) -> float:
    """The end of two things run together (Held if either only holds)."""
    m = max(a, b)
    return Held(m) if isinstance(a, Held) or isinstance(b, Held) else m


CHILD_KEYS = ("child", "child_prev", "child_fade", "child_age")
OWN_PICTURE = ""  # child_prev of a sprite's first frame: the picture it was shown with


class _Ctx:
    __slots__ = ("transforms", "marks", "event", "seed", "written", "depth", "picture")

    def __init__(self, transforms: Mapping[str, dict], marks: Marks | None, event: str,
                 seed: int, picture: str = "") -> None:
        self.transforms = transforms
        self.marks = marks or {}
        self.event = event
        self.seed = seed
        self.written: set[str] = set()
        self.depth = 0
        self.picture = picture


def lookup_transform(name: str, transforms: Mapping[str, dict],
                     marks: Marks | None = None) -> dict | None:
    """A transform definition by name: the program's, then a stage mark (not truecenter,
    as before transforms), then the built-ins; None when it is none of them."""
    if name in transforms:
        return transforms[name]
    if marks and name in marks and name != "truecenter":
        x, y = marks[name]
        return {"params": [], "defaults": {}, "body": [{"op": "set", "props": [
            ["xpos", ["lit", round(x)]], ["ypos", ["lit", round(y)]],
            ["xanchor", ["lit", 0.5]], ["yanchor", ["lit", 1.0]]]}]}
    return BUILTIN_TRANSFORMS.get(name)


def _val(expr: Any, env: Mapping[str, Any]) -> Any:
    if expr is None:
        return None
    if expr[0] == "lit":
        return expr[1]

    def lookup(name: str) -> Any:
        if name in env:
            return env[name]
        raise ExprError(f"'{name}' is not defined")

    return value(expr, lookup)


def _seconds(expr: Any, env: Mapping[str, Any]) -> float:
    try:
        v = _val(expr, env)
    except ExprError:
        return 0.0
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        return 0.0
    return max(0.0, float(v))


def _lerp_key(key: str, a: Any, b: Any, f: float) -> Any:
    if key in CHILD_KEYS:  # a picture changes at the end of a motion, not by degrees
        return b if f >= 1.0 else a
    if key == "tint":
        return tuple(x + (y - x) * f for x, y in zip(a, b, strict=True))
    if key == "brightness":
        return a + (b - a) * f
    return props.lerp(key, a, b, f)


def _apply(stmt_props: list, env: Mapping[str, Any], state: dict, ctx: _Ctx) -> None:
    for entry in stmt_props:
        name, expr = entry[0], entry[1]
        try:
            v = _val(expr, env)
        except ExprError:
            continue  # lint reports it; a frame never fails
        if props.check(name, v) is None:
            props.write(state, name, v)
            ctx.written.update(props.keys_of(name))


# --- statements ---------------------------------------------------------------------------

def _fade(expr: Any, env: Mapping[str, Any]) -> float:
    """How long a frame's `with` cross-fades: the transition's duration (every family
    is played as a dissolve between two pictures)."""
    if expr is None:
        return 0.0
    try:
        spec = _val(expr, env)
    except ExprError:
        return 0.0
    d = spec.get("duration") if isinstance(spec, dict) else None
    if isinstance(d, bool) or not isinstance(d, (int, float)) or not math.isfinite(d):
        return 0.0
    return max(0.0, float(d))


def _child(s: dict, env: Mapping, state: dict, t: float, ctx: _Ctx) -> float:
    if s.get("of") is not None and s["of"] != ctx.picture:
        return 0.0
    prev = state.get("child")
    fade = _fade(s.get("trans"), env)
    state["child"] = s["image"]
    if fade > 0.0 and prev != s["image"]:
        state["child_prev"] = OWN_PICTURE if prev is None else prev
        state["child_fade"], state["child_age"] = fade, t
    else:
        state["child_prev"], state["child_fade"], state["child_age"] = None, 0.0, 0.0
    ctx.written.update(CHILD_KEYS)
    return 0.0


def _interp(s: dict, env: Mapping, state: dict, t: float, ctx: _Ctx) -> float | None:
    d = _seconds(s["duration"], env)
    start = dict(state)
    target = dict(state)
    _apply(s["props"], env, target, ctx)
    if s.get("to"):
        _use(s["to"], env, target, INF, ctx, ())
    if t >= d - EPS or d <= 0:
        state.update(target)
        return d
    f = warp(s["warper"], t / d)
    for k, v in target.items():
        if start.get(k) != v:
            state[k] = _lerp_key(k, start.get(k), v, f)
    return None


def _use(s: dict, env: Mapping, state: dict, t: float, ctx: _Ctx, path: tuple
         ) -> float | None:
    if s["name"] in PROPERTY_TRANSFORMS and s["name"] not in ctx.transforms:
        given = s["args"].items() if isinstance(s.get("args"), dict) else s.get("kwargs", [])
        _apply([[k, v if isinstance(s.get("args"), list) else ["lit", v]] for k, v in given],
               env, state, ctx)
        return 0.0
    definition = lookup_transform(s["name"], ctx.transforms, ctx.marks)
    if definition is None or ctx.depth >= MAX_DEPTH:
        return 0.0
    inner: dict[str, Any] = dict(definition.get("defaults", {}))
    try:
        if isinstance(s.get("args"), dict):  # a sprite's transform: args bound by name
            inner.update(s["args"])
        else:
            params = definition.get("params", [])
            for name, expr in zip(params, s.get("args", []), strict=False):
                inner[name] = _val(expr, env)
            for name, expr in s.get("kwargs", []):
                inner[name] = _val(expr, env)
    except ExprError:
        return 0.0
    ctx.depth += 1
    try:
        return _block(definition["body"], inner, state, t, ctx, (*path, s["name"]))
    finally:
        ctx.depth -= 1


def _together(blocks: list[list], env: Mapping, state: dict, t: float, ctx: _Ctx,
              path: tuple) -> float | None:
    """Blocks run side by side from the same state; later blocks win shared properties."""
    results: list[float | None] = []
    merged = dict(state)
    outer = ctx.written
    for n, block in enumerate(blocks):
        ctx.written = set()
        mine = dict(state)
        results.append(_block(block, env, mine, t, ctx, (*path, n)))
        for k in ctx.written:
            merged[k] = mine.get(k)
        outer |= ctx.written
    ctx.written = outer
    state.update(merged)
    end = 0.0
    for r in results:
        if r is None:
            return None
        end = _later(end, r)
    return end


def _rng(ctx: _Ctx, path: tuple) -> random.Random:
    key = f"{ctx.seed}/{path}".encode()
    return random.Random(int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big"))


def _choice(s: dict, env: Mapping, state: dict, t: float, ctx: _Ctx, path: tuple
            ) -> float | None:
    options = s["options"]
    weights = []
    for w, _ in options:
        weight = 1.0 if w is None else _seconds(w, env)
        weights.append(weight)
    if not options or sum(weights) <= 0:
        return 0.0
    pick = _rng(ctx, path).choices(range(len(options)), weights=weights)[0]
    return _block(options[pick][1], env, state, t, ctx, (*path, pick))


def _on(s: dict, env: Mapping, state: dict, t: float, ctx: _Ctx, path: tuple
        ) -> float | None:
    handlers = {name: block for names, block in s["handlers"] for name in names}
    event = ctx.event if ctx.event in handlers else "start"
    used = 0.0
    for name in (event, "default"):
        if name not in handlers or (name == "default" and event == "default"):
            continue
        r = _block(handlers[name], env, state, t - used, ctx, (*path, name))
        if r is None or isinstance(r, Held):
            return None if r is None else Held(used + r)
        used += r
    return Held(used)  # an `on` never ends by itself: it waits for the next event


def _statement(s: dict, env: Mapping, state: dict, t: float, ctx: _Ctx, path: tuple
               ) -> float | None:
    op = s["op"]
    if op == "set":
        _apply(s["props"], env, state, ctx)
        return 0.0
    if op == "interp":
        return _interp(s, env, state, t, ctx)
    if op == "pause":
        d = _seconds(s["duration"], env)
        return d if t >= d - EPS else None
    if op == "block":
        return _block(s["body"], env, state, t, ctx, path)
    if op == "parallel":
        return _together(s["blocks"], env, state, t, ctx, path)
    if op == "choice":
        return _choice(s, env, state, t, ctx, path)
    if op == "on":
        return _on(s, env, state, t, ctx, path)
    if op == "use":
        return _use(s, env, state, t, ctx, path)
    if op == "child":
        return _child(s, env, state, t, ctx)
    return 0.0


def _random(block: list, ctx: _Ctx, depth: int = 0) -> bool:
    """Whether a block can differ from one run to the next (a choice, in it or in a
    transform it includes)."""
    for s in block:
        op = s["op"]
        if op == "choice":
            return True
        inner: list[list] = []
        if op == "block":
            inner = [s["body"]]
        elif op == "parallel":
            inner = s["blocks"]
        elif op == "on":
            inner = [b for _, b in s["handlers"]]
        elif op == "use" and depth < MAX_DEPTH:
            d = lookup_transform(s["name"], ctx.transforms, ctx.marks)
            inner = [d["body"]] if d else []
        if any(_random(b, ctx, depth + 1) for b in inner):
            return True
    return False


def _block(block: list, env: Mapping, state: dict, t: float, ctx: _Ctx, path: tuple = ()
           ) -> float | None:
    """Run `block` on `state` (changed in place) from its time 0 to `t`. Returns when it
    finished, None while it still runs at t, Held(x) when it holds, unchanging, from x."""
    elapsed = 0.0
    iteration = 0
    iter_start = 0.0
    i = 0
    while i < len(block):
        s = block[i]
        if s["op"] != "repeat":
            r = _statement(s, env, state, t - elapsed, ctx, (*path, i, iteration))
            if r is None or isinstance(r, Held):
                return None if r is None else Held(elapsed + r)
            elapsed += r
            i += 1
            continue
        count = None if s.get("count") is None else int(_seconds(s["count"], env))
        iteration += 1
        if count is not None and iteration >= count:
            i += 1
            continue
        period = elapsed - iter_start
        if period <= EPS:
            return Held(elapsed)  # a loop that takes no time: it holds its last state
        left = None if count is None else count - iteration
        if iteration == 1 and not _random(block[:i], ctx):
            # Every pass after the first starts from the state the first ended in, so
            # whole passes can be skipped.
            if t == INF and left is None:
                return None
            whole = math.floor((t - elapsed) / period) if t != INF else left
            skip = whole if left is None else min(whole, left)  # type: ignore[type-var]
            if skip and skip > 0:
                elapsed += skip * period
                iteration += skip
                if count is not None and iteration >= count:
                    i += 1
                    continue
        elif iteration > MAX_STEPPED:
            return Held(elapsed)
        iter_start = elapsed
        i = 0
    return elapsed


# --- the sprite ------------------------------------------------------------------------------

def layers(sprite: Mapping[str, Any]) -> list[list[dict]]:
    """The sprite's motion as blocks run together: one a transform, then the inline ATL."""
    refs = sprite.get("transforms")
    if refs is None:
        at = sprite.get("at")
        refs = [{"name": at, "args": {}}] if at else []
    out = [[{"op": "use", "name": r["name"], "args": dict(r.get("args") or {})}]
           for r in refs]
    if sprite.get("atl"):
        out.append(list(sprite["atl"]))
    return out


def run(sprite: Mapping[str, Any], transforms: Mapping[str, dict], t: float,
        event: str = "show", start: Placement | None = None, marks: Marks | None = None
        ) -> tuple[dict, float | None]:
    """The state at `t` and when the motion ends (None: not by t; Held(x): from x on it
    holds for ever)."""
    ctx = _Ctx(transforms, marks, event, int(sprite.get("seed") or 0),
               " ".join([sprite.get("tag") or "", *(sprite.get("attrs") or ())]))
    base0 = props.initial_state(start)  # where the layers before put it at time 0
    now = dict(base0)
    done: float | None = 0.0
    for n, block in enumerate(layers(sprite)):
        if event == "hide":
            block = _hide_handlers(block, ctx)
        at0 = dict(base0)
        ctx.written = set()
        _block(block, {}, at0, 0.0, ctx, (n,))
        at_t = dict(base0)
        ctx.written = set()
        r = _block(block, {}, at_t, t, ctx, (n,))
        for k in ctx.written:
            now[k] = at_t.get(k)
        base0 = at0
        done = None if r is None or done is None else _later(done, r)
    return now, done


def _hide_handlers(block: list, ctx: _Ctx, depth: int = 0) -> list:
    """For a hide: the `on hide` handlers in a block (and the transforms it includes)."""
    out: list = []
    for s in block:
        if s["op"] == "on":
            out += [{"op": "block", "body": b} for names, b in s["handlers"] if "hide" in names]
        elif s["op"] == "block":
            out += _hide_handlers(s["body"], ctx, depth + 1)
        elif s["op"] == "use" and depth < MAX_DEPTH:
            d = lookup_transform(s["name"], ctx.transforms, ctx.marks)
            if d:
                out += _hide_handlers(d["body"], ctx, depth + 1)
    return [{"op": "parallel", "blocks": [[h] for h in out]}] if out else []
