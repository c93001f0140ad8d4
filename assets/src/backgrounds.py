"""Backgrounds as Tiled maps: generated tilesets (tile layers) and picture layers (image layers).

The toolkit is in bgkit.py, the two outdoor maps in bg_outdoor.py, the hospital room in
bg_hospital.py. Every picture is computed with numpy from fixed seeds.
"""

from __future__ import annotations

import os

from bg_hospital import MONITOR_BOX, hospital
from bg_outdoor import MOON_BOX, night_road, village_gate
from bgkit import (  # noqa: F401  (the names gui.py and the tests use)
    PH,
    PW,
    STAGE,
    blank,
    ellipse_mask,
    glow,
    grid,
    paint,
    to_surface,
    vgrad,
)

__all__ = ["MONITOR_BOX", "MOON_BOX", "build_all"]


def build_all(folder: str) -> None:
    """Write every map, tileset and layer picture under folder (assets/backgrounds)."""
    os.makedirs(os.path.join(folder, "tiles"), exist_ok=True)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    night_road(folder)
    hospital(folder)
    village_gate(folder)
