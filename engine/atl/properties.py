"""ATL's transform properties: which exist, how each one reads and writes the state a
transform builds up, how a value is checked and how two values interpolate.

The state is a plain dict keyed by Placement's field names (xpos, xanchor, tint, ...) plus
any extra property kept for the renderer (xsize, ysize, blur). Positions follow Ren'Py: an
int is pixels, a float a fraction; xalign/yalign/zoom/alpha/rotate are always floats.
"""

from __future__ import annotations

import math
from typing import Any

from .placement import DEFAULT, Placement

CANVAS = (1280, 720)

# name → the state keys it reads (for an interpolation's start) and writes.
_SIMPLE = ("xpos", "ypos", "xanchor", "yanchor", "xoffset", "yoffset", "zoom", "xzoom",
           "yzoom", "alpha", "rotate")
_PAIRS = {"pos": ("xpos", "ypos"), "anchor": ("xanchor", "yanchor"),
          "offset": ("xoffset", "yoffset"), "align": ("xalign", "yalign"),
          "xycenter": ("xcenter", "ycenter"), "xysize": ("xsize", "ysize")}
_FLOATS = frozenset({"xalign", "yalign", "zoom", "xzoom", "yzoom", "alpha", "rotate",
                     "blur"})
EXTRA = frozenset({"xsize", "ysize", "blur"})  # kept in Placement.extra for the renderer
IGNORED = frozenset({"subpixel"})  # accepted and without effect here

PROPERTIES: frozenset[str] = frozenset(
    {*_SIMPLE, *_PAIRS, "xalign", "yalign", "xcenter", "ycenter", "matrixcolor", *EXTRA,
     *IGNORED})

_AXIS = {"xpos": CANVAS[0], "ypos": CANVAS[1], "xcenter": CANVAS[0], "ycenter": CANVAS[1]}


def initial_state(start: Placement | None = None) -> dict[str, Any]:
    p = start or DEFAULT
    state: dict[str, Any] = {k: getattr(p, k) for k in (*_SIMPLE, "brightness")}
    state["tint"] = tuple(p.tint)
    state.update(p.extra)
    return state


def to_placement(state: dict[str, Any]) -> Placement:
    extra = {k: float(state[k]) for k in EXTRA if state.get(k) is not None}
    tint = state["tint"]
    child, prev, mix = state.get("child"), state.get("child_prev"), 1.0
    if prev is not None:
        fade, age = state.get("child_fade") or 0.0, state.get("child_age") or 0.0
        mix = min(1.0, age / fade) if fade > 0 else 1.0
        if mix >= 1.0:
            prev = None
    return Placement(
        xpos=state["xpos"], ypos=state["ypos"], xanchor=state["xanchor"],
        yanchor=state["yanchor"], xoffset=float(state["xoffset"]),
        yoffset=float(state["yoffset"]), zoom=float(state["zoom"]),
        xzoom=float(state["xzoom"]), yzoom=float(state["yzoom"]),
        alpha=float(state["alpha"]), rotate=float(state["rotate"] or 0.0),
        tint=(float(tint[0]), float(tint[1]), float(tint[2])),
        brightness=float(state["brightness"]), extra=extra, child=child, child_prev=prev,
        child_mix=mix)


def _number(v: Any) -> bool:
    return not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v)


def _pair(v: Any) -> bool:
    return isinstance(v, (list, tuple)) and len(v) == 2 and all(_number(x) for x in v)


def check(name: str, value: Any) -> str | None:
    """Why `value` cannot be given to property `name`, or None when it can."""
    if name in IGNORED:
        return None
    if name == "matrixcolor":
        if value is None or is_matrix(value):
            return None
        return "matrixcolor takes TintMatrix(\"#rrggbb\"), BrightnessMatrix(x) or their product"
    if name in _PAIRS:
        return None if _pair(value) else f"{name} takes a pair of numbers, like (0.5, 1.0)"
    if name == "rotate" and value is None:
        return None
    if name in EXTRA and value is None:
        return None
    return None if _number(value) else f"{name} takes a number, not {value!r}"


def is_matrix(v: Any) -> bool:
    return (isinstance(v, dict) and set(v) == {"tint", "brightness"}
            and isinstance(v["tint"], (list, tuple)) and len(v["tint"]) == 3
            and all(_number(x) for x in v["tint"]) and _number(v["brightness"]))


def _coerce(name: str, v: Any) -> Any:
    return float(v) if name in _FLOATS and _number(v) else v


def read(state: dict[str, Any], name: str) -> Any:
    """The property's current value (what an interpolation starts from)."""
    if name in _PAIRS:
        return tuple(read(state, part) for part in _PAIRS[name])
    if name in ("xalign", "xcenter"):
        return state["xpos"]
    if name in ("yalign", "ycenter"):
        return state["ypos"]
    if name == "matrixcolor":
        return {"tint": state["tint"], "brightness": state["brightness"]}
    return state.get(name)


def keys_of(name: str) -> tuple[str, ...]:
    """The state keys property `name` writes."""
    if name in IGNORED:
        return ()
    if name in _PAIRS:
        return tuple(k for part in _PAIRS[name] for k in keys_of(part))
    if name in ("xalign", "xcenter"):
        return ("xpos", "xanchor")
    if name in ("yalign", "ycenter"):
        return ("ypos", "yanchor")
    if name == "matrixcolor":
        return ("tint", "brightness")
    return (name,)


def write(state: dict[str, Any], name: str, value: Any) -> None:
    if name in IGNORED:
        return
    if name in _PAIRS:
        for part, v in zip(_PAIRS[name], value, strict=True):
            write(state, part, v)
        return
    value = _coerce(name, value)
    if name == "xalign":
        state["xpos"] = state["xanchor"] = value
    elif name == "yalign":
        state["ypos"] = state["yanchor"] = value
    elif name == "xcenter":
        state["xpos"], state["xanchor"] = value, 0.5
    elif name == "ycenter":
        state["ypos"], state["yanchor"] = value, 0.5
    elif name == "matrixcolor":
        m = value or {"tint": (1.0, 1.0, 1.0), "brightness": 0.0}
        state["tint"] = tuple(float(c) for c in m["tint"])
        state["brightness"] = float(m["brightness"])
    else:
        state[name] = value


def _lerp_num(name: str, a: Any, b: Any, f: float) -> Any:
    if not _number(a) or not _number(b):
        return b if f >= 1.0 else a if a is not None else b
    if isinstance(a, int) and isinstance(b, float) and name in _AXIS:
        a = a / _AXIS[name]
    elif isinstance(a, float) and isinstance(b, int) and name in _AXIS:
        a = a * _AXIS[name]
    elif type(a) is not type(b) and name not in _FLOATS:
        return b if f >= 1.0 else a  # pixels against a fraction of an unknown size
    v = a + (b - a) * f
    return round(v) if isinstance(b, int) and name not in _FLOATS else v


def lerp(name: str, a: Any, b: Any, f: float) -> Any:
    """The value `f` of the way from `a` to `b` (f may leave 0..1 for overshooting warpers)."""
    if f >= 1.0 and f <= 1.0:
        return b
    if name in _PAIRS:
        if not _pair(a) or not _pair(b):
            return b if f >= 1.0 else a
        return tuple(_lerp_num(p, x, y, f) for p, x, y in zip(_PAIRS[name], a, b, strict=True))
    if name == "matrixcolor":
        a = a or {"tint": (1.0, 1.0, 1.0), "brightness": 0.0}
        b = b or {"tint": (1.0, 1.0, 1.0), "brightness": 0.0}
        return {"tint": tuple(x + (y - x) * f for x, y in zip(a["tint"], b["tint"],
                                                              strict=True)),
                "brightness": a["brightness"] + (b["brightness"] - a["brightness"]) * f}
    if name == "rotate":
        return _lerp_num(name, a or 0.0, b or 0.0, f)
    return _lerp_num(name, _coerce(name, a), _coerce(name, b), f)
