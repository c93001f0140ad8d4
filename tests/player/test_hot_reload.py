"""Shift+R reloads the scene files while playing, as in Ren'Py."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine.present.app import App, Options
from engine.screens.error import ErrorScreen
from tests.player.helpers import make_game
from tests.player.test_saves_ui import fresh_data

SCENE = 'label start:\n    "One."\n    "Two."\n    "Three."\n    return\n'


def shift_r(app: App) -> None:
    app.key(pygame.K_r, pygame.KMOD_SHIFT)


def test_shift_r_keeps_the_line_then_recovers_from_an_error(tmp_path: Path) -> None:
    game = make_game(tmp_path, SCENE)
    app = App(Options(game=game, warp="start", data_dir=fresh_data(tmp_path),
                      headless=True, instant=True))
    app.begin()
    g = app.game()
    assert g is not None
    g.action("advance")
    assert g.shown_text() == "Two."
    scene = game / "scenes" / "game.scene"
    assert scene.is_file()
    # Lines added above, and the current line's neighbour rewritten: still on "Two.".
    scene.write_text('label start:\n    "Zero."\n    "One."\n    "Two."\n    "Three, edited."\n'
                     '    return\n', "utf-8")
    shift_r(app)
    g2 = app.game()
    assert g2 is not None and g2 is not g
    assert g2.shown_text() == "Two."
    g2.action("advance")
    assert g2.shown_text() == "Three, edited."
    assert g2.roll(back=True) and g2.shown_text() == "Two."  # rollback survives the reload
    # A mistake in the file: the error screen, and Shift+R again once it is fixed.
    scene.write_text('label start:\n    "Zero."\n    "One."\n    "Two.\n', "utf-8")
    shift_r(app)
    assert isinstance(app.top, ErrorScreen)
    scene.write_text('label start:\n    "Zero."\n    "One."\n    "Two."\n    "Three, fixed."\n'
                     '    return\n', "utf-8")
    shift_r(app)
    g3 = app.game()
    assert g3 is not None and not isinstance(app.top, ErrorScreen)
    assert g3.shown_text() == "Two."
    g3.action("advance")
    assert g3.shown_text() == "Three, fixed."
