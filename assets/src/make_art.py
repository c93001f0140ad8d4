"""Regenerate every picture of The Road Out: characters, backgrounds, GUI, contact sheet.

Run from anywhere: ``python assets/src/make_art.py``. Deterministic (fixed seeds) and headless.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import backgrounds  # noqa: E402
import cgs  # noqa: E402
import characters  # noqa: E402
import gui  # noqa: E402
import pygame  # noqa: E402
from draw import save_png  # noqa: E402
from tmxrender import render_tmx  # noqa: E402

ASSETS = os.path.dirname(HERE)


def contact_sheet(chars: dict[str, dict[str, pygame.Surface]], path: str) -> None:
    """Every expression, labelled, plus thumbnails of each background (and hidden groups)."""
    pygame.font.init()
    font_path = os.path.join(ASSETS, "fonts", "NotoSans-Regular.ttf")
    font = pygame.font.Font(font_path if os.path.exists(font_path) else None, 18)
    big = pygame.font.Font(font_path if os.path.exists(font_path) else None, 26)
    cw, ch = 196, 224
    rows = characters.sheet_rows(chars)
    cols = max(len(v) for _, v in rows)
    bgs = [("night_road", frozenset()), ("night_road", frozenset({"cloud"})),
           ("hospital", frozenset()), ("hospital", frozenset({"dusk"})),
           ("village_gate", frozenset())]
    tw, th = 320, 180
    width = max(cols * cw, len(bgs) * (tw + 8)) + 20
    height = len(rows) * (ch + 66) + th + 90
    sheet = pygame.Surface((width, height))
    sheet.fill((44, 46, 62))
    y = 10
    for name, exprs in rows:
        sheet.blit(big.render(name, True, (240, 236, 246)), (12, y))
        y += 32
        for i, (expr, surf) in enumerate(exprs):
            x = 10 + i * cw
            pygame.draw.rect(sheet, (70, 74, 98), (x, y, cw - 6, ch))
            sheet.blit(pygame.transform.smoothscale(surf, (cw - 6, ch)), (x, y))
            label = font.render(expr, True, (250, 230, 120))
            sheet.blit(label, (x + (cw - 6 - label.get_width()) // 2, y + ch + 2))
        y += ch + 34
    sheet.blit(big.render("backgrounds", True, (240, 236, 246)), (12, y))
    y += 32
    for i, (name, show) in enumerate(bgs):
        pic = render_tmx(os.path.join(ASSETS, "backgrounds", f"{name}.tmx"), show)
        x = 10 + i * (tw + 8)
        sheet.blit(pygame.transform.smoothscale(pic, (tw, th)), (x, y))
        label = name + ("".join(" +" + s for s in sorted(show)))
        sheet.blit(font.render(label, True, (250, 230, 120)), (x + 4, y + th + 2))
    save_png(sheet, path)


def main() -> None:
    """Write everything under assets/."""
    pygame.init()
    chars = characters.build_all()
    for name, exprs in chars.items():
        for expr, surf in exprs.items():
            save_png(surf, os.path.join(ASSETS, "characters", name, f"{expr}.png"))
    backgrounds.build_all(os.path.join(ASSETS, "backgrounds"))
    gui.build_all(os.path.join(ASSETS, "gui"), os.path.join(ASSETS, "backgrounds"))
    cgs.build_all(os.path.join(ASSETS, "cg"))
    contact_sheet(chars, os.path.join(HERE, "contact_sheet.png"))
    print("art written under", ASSETS)


if __name__ == "__main__":
    main()
