"""Ending cards: each ending's own picture (assets/gui/ending_<slug>.png, made by
assets/src/gui.py; the generic ending_card.png when it has none), its name and
"Ending N of M". The game screen shows one when an ending is reached; the Extras screen
lists them all."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine.gallery import ending_order, ending_slug
from engine.present.screen import Host
from engine.present.ui import DIM_TEXT, TEXT

GENERIC = "ending_card.png"
NUMBER_COLOR = (214, 196, 240)


def endings_of(host: Host) -> list[str]:
    """The game's endings in order (engine/gallery.py), worked out once a program."""
    program = host.program
    known = host.session.get("endings")
    if known is None or known[0] is not program:
        known = host.session["endings"] = (program, ending_order(program) if program else [])
    return list(known[1])


def number_of(host: Host, name: str) -> tuple[int, int] | None:
    """(N, how many) for "Ending N of M"; None for an ending the list does not have."""
    endings = endings_of(host)
    return (endings.index(name) + 1, len(endings)) if name in endings else None


def number_text(host: Host, name: str) -> str:
    found = number_of(host, name)
    return f"Ending {found[0]} of {found[1]}" if found else ""


def card_file(host: Host, name: str) -> str:
    """The gui picture of an ending's card: its own if the game has one."""
    own = f"ending_{ending_slug(name)}.png"
    folder: Path = host.stage_view.game_dir / "assets" / "gui"
    return own if (folder / own).is_file() else GENERIC


def title_of(name: str) -> str:
    return "The End" if name == "The End" else f"Ending — {name}"


def draw_card(target: pygame.Surface, host: Host, name: str, hint: str) -> None:
    """The whole card over the canvas: picture, number, name and a hint below."""
    vp, p = host.vp, host.painter
    target.blit(host.gui_picture(card_file(host, name)), vp.offset)
    number = number_text(host, name)
    if number:
        p.shadowed(target, number.upper(), vp.px(20), vp.to_window(640, 286), NUMBER_COLOR,
                   bold=True, anchor="center")
    p.shadowed(target, title_of(name) if not number else name, vp.px(50),
               vp.to_window(640, 346), TEXT, bold=True, anchor="center")
    if hint:
        p.shadowed(target, hint, vp.px(19), vp.to_window(640, 420), DIM_TEXT,
                   anchor="center")
