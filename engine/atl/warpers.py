"""ATL's warpers: how an interpolation's time fraction (0..1) becomes its value fraction,
exactly as Ren'Py defines them (renpy/common/000atl.rpy). Note Ren'Py's naming: `easein`
starts fast and slows down, `easeout` starts slow and speeds up, and the Penner-style
`easein_*`/`easeout_*` follow the same (inverted) convention.
"""

from __future__ import annotations

import math
from collections.abc import Callable

Warper = Callable[[float], float]


def pause(t: float) -> float:
    return 1.0 if t >= 1.0 else 0.0


def instant(t: float) -> float:
    return 1.0


def linear(t: float) -> float:
    return t


def easeout(t: float) -> float:
    return 1.0 - math.cos(t * math.pi / 2.0)


def easein(t: float) -> float:
    return math.cos((1.0 - t) * math.pi / 2.0)


def ease(t: float) -> float:
    return 0.5 - math.cos(math.pi * t) / 2.0


def _family(out: Warper) -> tuple[Warper, Warper, Warper]:
    """(easeout_X, easein_X, ease_X) from Ren'Py's easeout_X."""
    def easein_x(t: float) -> float:
        return 1.0 - out(1.0 - t)

    def ease_x(t: float) -> float:
        if t < 0.5:
            return out(t * 2.0) / 2.0
        return 1.0 - out((1.0 - t) * 2.0) / 2.0

    return out, easein_x, ease_x


def _power(n: int) -> Warper:
    return lambda t: t ** n


def _expo(t: float) -> float:
    return 0.0 if t == 0 else 2.0 ** (10.0 * (t - 1.0))


def _circ(t: float) -> float:
    return 1.0 - math.sqrt(max(0.0, 1.0 - t * t))


def _sine(t: float) -> float:
    return 1.0 - math.cos(t * math.pi / 2.0)


WARPERS: dict[str, Warper] = {
    "pause": pause, "instant": instant, "linear": linear,
    "ease": ease, "easein": easein, "easeout": easeout,
}
for _name, _out in (("quad", _power(2)), ("cubic", _power(3)), ("quart", _power(4)),
                    ("quint", _power(5)), ("expo", _expo), ("circ", _circ), ("sine", _sine)):
    _o, _i, _e = _family(_out)
    WARPERS[f"easeout_{_name}"] = _o
    WARPERS[f"easein_{_name}"] = _i
    WARPERS[f"ease_{_name}"] = _e


def warp(name: str, t: float) -> float:
    """The warped fraction; t is clamped to 0..1."""
    return WARPERS[name](min(1.0, max(0.0, t)))
