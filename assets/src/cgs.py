"""The event illustrations (CGs): full-screen 1280x720 pictures shown with `scene cg NAME`.

Each CG has variants for the beats it carries (`show cg NAME VARIANT`), written as
assets/cg/NAME.png and assets/cg/NAME_VARIANT.png. Drawn with the sprites' toolkit
(draw.py: outlined, cel-shaded parts at 2x) over numpy-painted scenery; deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import cg_day
import cg_night
import numpy as np
import pygame
from cg_kit import finish
from draw import save_png

# name -> (painter, variants); "" is the plain picture
CGS: dict[str, tuple[Callable[[str], np.ndarray], tuple[str, ...]]] = {
    **cg_night.CGS, **cg_day.CGS}


def file_names() -> list[str]:
    """Every CG file, in a stable order: confession.png, confession_tears.png, ..."""
    return [f"{name}{'_' + v if v else ''}.png" for name, (_, vs) in CGS.items() for v in vs]


def build_all(folder: str) -> list[str]:
    """Write every CG and variant into folder; returns the paths written."""
    written = []
    for name, (paint, variants) in CGS.items():
        for v in variants:
            path = os.path.join(folder, f"{name}{'_' + v if v else ''}.png")
            surf: pygame.Surface = finish(paint(v))
            save_png(surf, path)
            written.append(path)
    return written
