"""The interface colours that tools must know about without drawing anything.

The dialogue box borrows its hue from the scene behind it but keeps a fixed darkness
(HSV value BOX_VALUE) and opacity (BOX_ALPHA); see engine/present/ui.py. Lint proves text
contrast against the lightest box that rule can produce, over a white picture.
"""

from __future__ import annotations

from engine.contrast import RGB, over

BOX_VALUE = 0.16  # HSV value of every scene's box colour
BOX_ALPHA = 218  # of 255
HIGH_CONTRAST_BOX: RGB = (0, 0, 0)
HIGH_CONTRAST_TEXT: RGB = (255, 255, 255)


def lightest_box() -> RGB:
    """The lightest the box can look: for a fixed HSV value, grey has the most
    luminance, and a white picture behind the translucent box lightens it most."""
    grey = round(BOX_VALUE * 255)
    return over((grey, grey, grey), BOX_ALPHA / 255, (255, 255, 255))
