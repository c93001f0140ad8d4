"""The transforms every Ren'Py game has (renpy/common/00definitions.rpy), as bound ATL
data: the positions left, right, center, truecenter, topleft, top, topright,
offscreenleft, offscreenright, and default and reset."""

from __future__ import annotations

from typing import Any


def _set(**props: Any) -> dict[str, Any]:
    return {"op": "set", "props": [[k, ["lit", v]] for k, v in props.items()]}


def _position(x: float, xa: float, y: float, ya: float) -> dict[str, Any]:
    return {"params": [], "defaults": {},
            "body": [_set(xpos=x, xanchor=xa, ypos=y, yanchor=ya)]}


_RESET = dict(alpha=1.0, rotate=None, zoom=1.0, xzoom=1.0, yzoom=1.0, xoffset=0.0,
              yoffset=0.0, matrixcolor=None)

BUILTIN_TRANSFORMS: dict[str, dict[str, Any]] = {
    "left": _position(0.0, 0.0, 1.0, 1.0),
    "right": _position(1.0, 1.0, 1.0, 1.0),
    "center": _position(0.5, 0.5, 1.0, 1.0),
    "truecenter": _position(0.5, 0.5, 0.5, 0.5),
    "topleft": _position(0.0, 0.0, 0.0, 0.0),
    "topright": _position(1.0, 1.0, 0.0, 0.0),
    "top": _position(0.5, 0.5, 0.0, 0.0),
    "offscreenleft": _position(0.0, 1.0, 1.0, 1.0),
    "offscreenright": _position(1.0, 0.0, 1.0, 1.0),
    "default": {"params": [], "defaults": {},
                "body": [_set(**_RESET, xpos=0.5, xanchor=0.5, ypos=1.0, yanchor=1.0)]},
    "reset": {"params": [], "defaults": {},
              "body": [_set(**_RESET, xpos=0.0, xanchor=0.0, ypos=0.0, yanchor=0.0)]},
}
