"""From pygame's input events to the player's actions, by the keymap's table.

`Bindings` resolves the table's key names once (pygame must be initialised); `actions`
turns one event into zero or more (action, position, number) triples.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame

from .keymap import HOLD_TO_SKIP, KEYMAP, MOUSE_BUTTONS, PAD_BUTTONS, mods_match, split_key


class Act(NamedTuple):
    name: str
    pos: tuple[int, int] | None = None
    n: int = 0


def held_mods(mod: int) -> frozenset[str]:
    out = set()
    for name, flag in (("shift", pygame.KMOD_SHIFT), ("ctrl", pygame.KMOD_CTRL),
                       ("alt", pygame.KMOD_ALT), ("meta", pygame.KMOD_META)):
        if mod & flag:
            out.add(name)
    return frozenset(out)


class Bindings:
    """The keymap with pygame's key codes and button numbers filled in."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, frozenset[str], str, int]] = []  # code, mods, action, n
        self.mouse: dict[str, str] = {}
        self.pad: dict[int, str] = {}
        for b in KEYMAP:
            for spec in b.keys:
                mods, name = split_key(spec)
                n = int(name.strip("[]")) if b.action == "number" else 0
                self.keys.append((pygame.key.key_code(name), mods, b.action, n))
            for m in b.mouse:
                self.mouse[m] = b.action
            for p in b.pad:
                self.pad[getattr(pygame, PAD_BUTTONS[p])] = b.action
        self.skip_keys = {pygame.key.key_code(k) for k in HOLD_TO_SKIP}

    def key(self, key: int, mod: int) -> Act | None:
        """The action of a key press: of the bindings it matches, the one asking for the
        most modifiers."""
        held = held_mods(mod)
        found = [(len(mods - {"plain"}), action, n) for code, mods, action, n in self.keys
                 if code == key and mods_match(mods, held)]
        if not found:
            return None
        _, action, n = max(found, key=lambda f: f[0])
        return Act(action, None, n)

    def actions(self, event: pygame.event.Event) -> list[Act]:
        t = event.type
        if t == pygame.KEYDOWN:
            if event.key in self.skip_keys:
                return [Act("skip-hold")]
            act = self.key(event.key, event.mod)
            return [act] if act else []
        if t == pygame.KEYUP and event.key in self.skip_keys:
            return [Act("skip-release")]
        if t == pygame.MOUSEBUTTONDOWN and event.button in MOUSE_BUTTONS:
            action = self.mouse.get(MOUSE_BUTTONS[event.button])
            if action is None:
                return []
            return [Act(action, event.pos if action == "click" else None)]
        if t == pygame.MOUSEWHEEL and event.y:
            action = self.mouse.get("wheelup" if event.y > 0 else "wheeldown")
            return [Act(action)] if action else []
        if t == pygame.CONTROLLERBUTTONDOWN:
            action = self.pad.get(event.button)
            return [Act(action)] if action else []
        return []
