"""Colour contrast as WCAG 2 defines it: relative luminance and the contrast ratio.

Lint uses it to prove every speaker's name colour reads against the dialogue box
(4.5:1 or more, WCAG AA for text); the high-contrast setting aims for 7:1 (AAA).
"""

from __future__ import annotations

import re

HEX_RE = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
AA = 4.5
AAA = 7.0

RGB = tuple[int, int, int]


def parse_hex(color: str) -> RGB | None:
    """'#f3a0c0', '#fac' or 'f3a0c0ff' → (r, g, b); None when it is not a hex colour."""
    m = HEX_RE.match(color.strip())
    if not m:
        return None
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = (_channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(fg: RGB, alpha: float, bg: RGB) -> RGB:
    """`fg` at opacity `alpha` (0..1) composited over `bg`."""
    return tuple(round(f * alpha + b * (1 - alpha)) for f, b in zip(fg, bg, strict=True))  # type: ignore[return-value]
