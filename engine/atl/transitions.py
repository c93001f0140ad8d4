"""Ren'Py's built-in transitions by name, with Ren'Py's default times
(renpy/common/00definitions.rpy), as the plain spec dicts `with` hands the renderer:

    {"kind": NAME, "duration": SECONDS, "family": FAMILY, ...family's fields}

family "dissolve" (dissolve; Dissolve(t)); "fade" (fade; Fade(out, hold, in): fields out,
hold, in, color); "move" (move, ease and their in/out forms: fields warper — linear or
ease — and enter / leave — "left", "right", "top", "bottom" or None — the side newly
shown sprites come in from or hidden ones leave by; MoveTransition(t)); "zoom" (zoomin,
zoomout, zoominout: fields enter, leave: True when shown / hidden sprites zoom);
"punch" (vpunch, hpunch: the screen shakes by dx, dy pixels every `period` seconds);
"crop" (wipe*, slide*, slideaway*, iris*: the name says the direction); "push" (push*);
"pixellate" (field steps); "imagedissolve" (blinds, squares); "pause" (Pause(t): no change
shown until the time is over). The renderer plays what it can and dissolves the rest.
Pygame-free: the renderer and lint both read this table.
"""

from __future__ import annotations

from typing import Any

_SIDES = ("left", "right", "top", "bottom")


def _move_family(prefix: str, warper: str) -> dict[str, dict[str, Any]]:
    out = {prefix: {"family": "move", "duration": 0.5, "warper": warper, "enter": None,
                    "leave": None}}
    for side in _SIDES:
        out[f"{prefix}in{side}"] = {"family": "move", "duration": 0.5, "warper": warper,
                                    "enter": side, "leave": None}
        out[f"{prefix}out{side}"] = {"family": "move", "duration": 0.5, "warper": warper,
                                     "enter": None, "leave": side}
    return out


TRANSITIONS: dict[str, dict[str, Any]] = {
    "fade": {"family": "fade", "duration": 1.0, "out": 0.5, "hold": 0.0, "in": 0.5},
    "dissolve": {"family": "dissolve", "duration": 0.5},
    "pixellate": {"family": "pixellate", "duration": 1.0, "steps": 5},
    **_move_family("move", "linear"),
    **_move_family("ease", "ease"),
    "zoomin": {"family": "zoom", "duration": 0.5, "enter": True, "leave": False},
    "zoomout": {"family": "zoom", "duration": 0.5, "enter": False, "leave": True},
    "zoominout": {"family": "zoom", "duration": 0.5, "enter": True, "leave": True},
    "vpunch": {"family": "punch", "duration": 0.275, "dx": 0, "dy": 10, "period": 0.1},
    "hpunch": {"family": "punch", "duration": 0.275, "dx": 15, "dy": 0, "period": 0.1},
    "blinds": {"family": "imagedissolve", "duration": 1.0, "pattern": "blinds"},
    "squares": {"family": "imagedissolve", "duration": 1.0, "pattern": "squares"},
}
for _kind in ("wipe", "slide", "slideaway", "push"):
    for _d in ("left", "right", "up", "down"):
        TRANSITIONS[f"{_kind}{_d}"] = {"family": "push" if _kind == "push" else "crop",
                                       "duration": 1.0}
TRANSITIONS["irisin"] = {"family": "crop", "duration": 1.0}
TRANSITIONS["irisout"] = {"family": "crop", "duration": 1.0}

# Transition constructors a scene may call, with their argument names (for messages).
CONSTRUCTORS = {"Dissolve": "Dissolve(time)", "Fade": "Fade(out, hold, in)",
                "Pause": "Pause(time)", "MoveTransition": "MoveTransition(time)"}
KINDS = frozenset({*TRANSITIONS, "pause"})


def transition_spec(name: str, **changes: Any) -> dict[str, Any]:
    """A fresh spec of the built-in transition `name` (KeyError when there is none),
    with `changes` (a duration, say) applied."""
    return {"kind": name, **TRANSITIONS[name], **changes}


def is_transition(value: Any) -> bool:
    """Whether a `with` value is a transition spec (None is no transition)."""
    return isinstance(value, dict) and value.get("kind") in KINDS
