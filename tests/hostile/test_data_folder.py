"""A data folder that fails -- a plain file named by --data-dir, read-only, full, deleted
mid-game -- shows "could not save: ..." on screen; the game goes on and nothing already
saved is harmed. (The tests run as root here, which no file mode stops: read-only and
full are the errors the writers get, raised where they write.)"""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest

from engine import atomic
from engine.clock import VirtualClock
from engine.present.app import App, Options
from engine.present.input import Act
from tests.hostile.data_helpers import (
    clean,
    demo_save,
    hang_guard_fixture,  # noqa: F401 - autouse
    tree,
)
from tests.player.helpers import DEMO, run_main, script_args
from tests.player.test_saves_ui import fresh_data

PLAY_ON = """
    expect-text Welcome to the demo
    expect-notice Auto-save: Could not save
    key s
    expect-notice Could not save the screenshot
    key f5
    expect-notice Could not save
    advance 3
    expect-text Now I look sad.
    quit
"""


def test_a_data_dir_that_is_a_plain_file(tmp_path: Path) -> None:
    plain = tmp_path / "not-a-folder"
    plain.write_text("the player's own file")
    r = run_main(script_args(tmp_path, PLAY_ON, DEMO, plain, "start"))
    clean(r)
    assert plain.read_text() == "the player's own file"


def failing(monkeypatch: pytest.MonkeyPatch, code: int, where: str) -> None:
    """Every write of the data folder fails with `code` (EROFS, ENOSPC), raised where the
    operating system would raise it: creating the temporary file, or flushing it."""
    def fail(*_a: object, **_k: object) -> None:
        raise OSError(code, __import__("os").strerror(code))
    if where == "create":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(atomic.os, "fsync", fail)
    monkeypatch.setattr("engine.present.window.Window.screenshot", fail)


@pytest.mark.parametrize("code,where", [(errno.EROFS, "create"), (errno.ENOSPC, "flush")],
                         ids=["read-only", "full"])
def test_a_read_only_or_full_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         code: int, where: str) -> None:
    data = fresh_data(tmp_path)
    (data / "saves").mkdir()
    (data / "saves" / "1-1.json").write_bytes(demo_save(4))
    (data / "persistent.json").write_text(json.dumps({"endings": ["Park"], "read": ["x"]}))
    before = tree(data)
    failing(monkeypatch, code, where)
    r = run_main(script_args(tmp_path, PLAY_ON, DEMO, data, "start"))
    clean(r)
    assert "could not write" in r.stderr
    after = tree(data)
    assert {k: after[k] for k in before} == before  # nothing saved before was touched
    assert not [k for k in after if k.endswith(".tmp")]


def test_the_data_folder_deleted_mid_game(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    app = App(Options(game=DEMO, data_dir=data, headless=True, instant=True), VirtualClock())
    app.begin()
    app.reset("game", label="start")
    g = app.game()
    g.action("advance")
    shutil.rmtree(data)
    app.act(Act("screenshot"))
    g.action("quicksave")
    assert g.notice.text == "Quick saved"
    app.data.record_ending("Park")
    assert (data / "saves" / "quick.json").is_file()  # the folder is made again
    assert json.loads((data / "persistent.json").read_text())["endings"] == ["Park"]
    assert list((data / "screenshots").glob("*.png"))


def test_a_file_where_the_screenshots_folder_goes(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    (data / "screenshots").write_text("in the way")
    app = App(Options(game=DEMO, data_dir=data, headless=True, instant=True), VirtualClock())
    app.begin()
    app.reset("game", label="start")
    app.act(Act("screenshot"))
    assert app.game().notice.text.startswith("Could not save the screenshot")
    assert (data / "screenshots").read_text() == "in the way"
