"""The dialogue box's geometry, for the game screen and for lint (no pygame)."""

from __future__ import annotations

BOX = (40, 536, 1200, 168)
TEXT_X, TEXT_Y, TEXT_W, TEXT_PX = 80, 566, 1120, 26
NAME_PX = 25
BOX_ROOM = BOX[1] + BOX[3] - TEXT_Y - 14  # text height the box holds at its base size
BOX_LINES_LARGE = 3  # from the Large text size up, the box holds this many lines


def box_grow(line_height: int, text_size: int) -> int:
    """Canvas pixels the box grows upward at a text size (percent), given the font's line
    height at that size."""
    if text_size <= 100:
        return 0
    need = line_height + round(line_height * 1.25) * (BOX_LINES_LARGE - 1) + 4
    return max(0, need - BOX_ROOM)
