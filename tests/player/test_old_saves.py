"""A save written by an earlier version of the game still loads, and plays on."""

from __future__ import annotations

import shutil
from pathlib import Path

from engine import saves
from engine.clock import VirtualClock
from engine.present.app import App, Options
from tests.player.helpers import DEMO, ROOT
from tests.player.test_saves_ui import fresh_data

OLD = ROOT / "tests" / "data" / "saves" / "demo-schema1-1-1.json"


def test_a_save_from_before_issue_11_loads_and_rolls_back(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    (data / "saves").mkdir()
    shutil.copy(OLD, data / "saves" / "1-1.json")
    found = saves.read(data / "saves", "1-1")
    assert isinstance(found, saves.SaveData), found
    assert found.thumbnail.startswith(saves.PNG_MAGIC)  # old saves kept PNG thumbnails
    app = App(Options(game=DEMO, data_dir=data, headless=True, instant=True), VirtualClock())
    app.begin()
    load = app.open("load")
    load.action("activate")  # no slot has the focus yet: nothing happens
    assert app.status()["screen"] == "load"
    load.action("number", n=1)  # page 1 (the auto and quick saves' page is before it)
    load.action("right")  # the focus on the first card: slot 1-1
    assert app.status()["slots"]["1-1"] == "saved"
    load.action("activate")
    g = app.game()
    assert g is not None and app.top is g
    assert g.shown_text() == "Now I look sad."
    assert g.roll(back=True) and g.shown_text() == "I'm Eileen. This is bold and italic."
    g.action("advance")  # the rest of the line, after its {w}
    assert g.shown_text().endswith("And this came after a wait.")
    g.action("advance")
    assert g.shown_text() == "Now I look sad."
