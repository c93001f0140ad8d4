"""Leaving a game: Main menu, Quit and the window's close button ask first when progress
since the last save (auto-save and quick save included) would be lost, as Ren'Py does, and
go at once when nothing would be."""

from __future__ import annotations

from pathlib import Path

import pygame

from engine.present.app import App, Options
from engine.screens import confirm
from tests.player.helpers import DEMO, data_dir, play


def ok(result) -> None:  # noqa: ANN001 - helpers.Result
    assert result.returncode == 0, result.stderr


def test_main_menu_asks_with_unsaved_progress_and_not_after_a_save(tmp_path: Path) -> None:
    ok(play(tmp_path, """
        expect-text Welcome to the demo
        # The scene's first line was auto-saved: nothing to lose, no question.
        key escape
        press "Main menu"
        expect-screen title
        press Start
        expect-text Welcome to the demo
        advance 1
        expect-text I'm Eileen
        key escape
        press "Main menu"
        expect-screen confirm
        expect-text This will lose unsaved progress.
        # No: back to the game menu, nothing lost.
        press No
        expect-screen game-menu
        key escape
        expect-text I'm Eileen
        # A quick save holds everything: Main menu goes at once.
        press Q.Save
        key escape
        press "Main menu"
        expect-screen title
        press Start
        advance 1
        expect-text I'm Eileen
        key escape
        press "Main menu"
        expect-screen confirm
        press Yes
        expect-screen title
    """))


def make_app(tmp: Path) -> App:
    app = App(Options(game=DEMO, warp="start", data_dir=data_dir(tmp), headless=True,
                      instant=True))
    app.begin()
    return app


def close(app: App) -> None:
    app.dispatch(pygame.event.Event(pygame.QUIT))


def press(app: App, label: str) -> None:
    (button,) = [b for b in app.top.buttons.buttons if b.label == label]  # type: ignore[attr-defined]
    button.action()


def test_close_button_and_quit_ask_only_with_unsaved_progress(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    g = app.game()
    assert g is not None and not g.play.unsaved()  # the scene's first line is auto-saved
    close(app)
    assert not app.running  # nothing to lose: the window closes at once

    (tmp_path / "again").mkdir()
    app = make_app(tmp_path / "again")
    g = app.game()
    g.action("advance")
    assert g.play.unsaved()
    close(app)
    assert app.running and app.top.name == "confirm"
    assert app.top.question == confirm.QUIT  # type: ignore[attr-defined]
    press(app, "No")
    assert app.running and app.top is g
    # The game menu's Quit asks the same; a second close while it asks quits.
    app.open("game-menu", play=g.play)
    press(app, "Quit")
    assert app.running and app.top.name == "confirm"
    close(app)
    assert not app.running


def test_rollback_counts_as_unsaved_and_a_failed_save_does_not_clear_it(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    g = app.game()
    assert not g.play.unsaved()
    g.action("advance")
    g.action("advance")
    saves = app.data_dir / "saves"
    saves.mkdir(parents=True, exist_ok=True)
    (saves / "1-1.json").mkdir()  # a folder where the save file goes: the write fails
    from engine.screens.saving import save_slot

    assert save_slot(app, g.play, "1-1") is not None
    assert g.play.unsaved()
    assert save_slot(app, g.play, "1-2") is None
    assert not g.play.unsaved()
    assert g.roll(back=True)
    assert g.play.unsaved()
