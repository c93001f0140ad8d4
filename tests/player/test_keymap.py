"""One table of bindings: the input layer, the Help screen, the README and the harness all
read it."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine.clock import VirtualClock
from engine.present import harness
from engine.present.app import App, Options
from engine.present.input import Bindings
from engine.present.keymap import KEYMAP, PAD_BUTTONS, table
from tests.player.helpers import DEMO, ROOT, data_dir


def test_the_readme_key_table_is_the_keymap() -> None:
    readme = (ROOT / "README.md").read_text("utf-8").splitlines()
    start = readme.index("| key | does |")
    rows = []
    for line in readme[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    assert rows == table(), "README's key table is out of date: paste keymap.table()"


def test_keys_resolve_by_the_table_most_modifiers_first() -> None:
    pygame.display.init()
    b = Bindings()
    assert b.key(pygame.K_RETURN, 0).name == "activate"
    assert b.key(pygame.K_RETURN, pygame.KMOD_ALT).name == "fullscreen"
    assert b.key(pygame.K_v, 0).name == "voicing"
    assert b.key(pygame.K_v, pygame.KMOD_CTRL) is None  # plain+v: not with Ctrl
    assert b.key(pygame.K_c, pygame.KMOD_SHIFT).name == "clipboard"
    assert b.key(pygame.K_c, 0) is None
    assert b.key(pygame.K_KP3, 0) == ("number", None, 3)
    assert b.key(pygame.K_F5, pygame.KMOD_CTRL).name == "quicksave"  # any modifiers


def test_the_help_screen_lists_every_binding(tmp_path: Path) -> None:
    app = App(Options(game=DEMO, data_dir=data_dir(tmp_path), headless=True),
              VirtualClock())
    app.begin()
    app.open("help")
    app.draw(0.0)
    text = app.status()["text"]
    for binding in KEYMAP:
        assert binding.does in text
    app.act(app.bindings.key(pygame.K_ESCAPE, 0))
    assert app.status()["screen"] == "title"


def test_the_harness_pad_names_are_the_keymap_s() -> None:
    assert harness.PAD_BUTTONS is PAD_BUTTONS
    pad_names = {p for b in KEYMAP for p in b.pad}
    assert pad_names <= set(PAD_BUTTONS)
