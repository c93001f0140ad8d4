"""Hostile saves: edited files (checksum recomputed, so the edit gets past it), FIFOs,
symlinks out of the data folder and picture bombs. Each is refused with a reason or made
harmless; the other slots still load, and the Load screen draws every card."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from engine import saves
from engine.playthrough import Playthrough
from engine.saves import SaveData, Unreadable
from engine.script import load_game
from tests.hostile.data_helpers import (
    Memory,
    clean,
    demo_save,
    edited,
    hang_guard_fixture,  # noqa: F401 - autouse
    nested,
    nested_json,
    tree,
)
from tests.player.helpers import DEMO, run_main, script_args
from tests.player.test_saves_ui import fresh_data


def bomb_png(side: int = 30_000) -> bytes:
    """A PNG whose header says side x side pixels (a decompression bomb: the rows are
    zeros, which deflate to almost nothing)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))
    rows = zlib.compress(b"\0" * (1 + side // 8) * 64, 9)  # the first rows; enough to look real
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0,
                                                             0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def bomb_jpeg(w: int = 30_000, h: int = 30_000) -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, h, w, 1) + b"\x01\x11\x00"
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + sof


def sprites(n: int, tag: str = "lucy") -> list[dict[str, Any]]:
    return [{"tag": tag, "attrs": [], "at": None, "transforms": [], "atl": None,
             "zorder": 0, "as": None} for _ in range(n)]


def set_in(path: tuple, value: Any) -> Any:
    def edit(body: dict) -> None:
        target = body
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


def each_stage(key: str, value: Any) -> Any:
    """A log edit: every stage the rollback log's entries point to gets `key` = value."""
    def edit(log: dict) -> None:
        for packed in log["stages"]:
            packed["delta"][key] = value
    return edit


# (name, body edit, log edit, the reason a refused save gives)
REFUSED = [
    ("20,000 sprites", set_in(("state", "stage", "sprites"), sprites(20_000)), None,
     "the save has 20,000 sprites on stage"),
    ("negative pc", set_in(("state", "pc"), -5), None, "position is damaged (pc -5)"),
    ("sprite tag a path", set_in(("state", "stage", "sprites"), sprites(1, "../../x")), None,
     "a sprite's name is not an image name"),
    ("scene a path", set_in(("state", "stage", "scene"), ["bg", "../../../secret"]), None,
     "the save's scene is not an image name"),
    ("music an absolute path", set_in(("state", "stage", "music"),
                                      {"files": ["/etc/passwd"], "loop": True}), None,
     "the save's music names a file outside the game"),
    ("nested 200 deep", set_in(("state", "vars", "deep"), nested(200)), None,
     "nested too deeply (over 64 levels)"),
    ("rollback entries of the wrong type", None, set_in(("rollback",), [1, "two", None]),
     "the rollback log is damaged"),
    ("history of the wrong type", None, set_in(("history",), [3, 4]), "the history is damaged"),
    ("a log nested 200 deep", None, set_in(("stages",), nested(200)),
     "nested too deeply"),
    ("NVL pages a line longer each", None, set_in(("pages",), [{"add": [{"text": "x"}]}] + [
        {"from": n, "add": [{"text": "x"}]} for n in range(5000)]),
     "the rollback log's NVL pages are too long"),
]


@pytest.mark.parametrize("name,body_edit,log_edit,reason", REFUSED,
                         ids=[r[0] for r in REFUSED])
def test_an_edited_save_is_refused_with_a_reason(tmp_path: Path, name: str, body_edit: Any,
                                                  log_edit: Any, reason: str) -> None:
    (tmp_path / "1-1.json").write_bytes(edited(demo_save(4), body_edit, log_edit))
    (tmp_path / "1-2.json").write_bytes(demo_save(4))
    found = saves.list_slots(tmp_path)
    assert isinstance(found["1-1"], Unreadable), name
    assert reason in found["1-1"].reason
    assert isinstance(found["1-2"], SaveData)


def test_a_save_nested_100000_deep_is_refused(tmp_path: Path) -> None:
    raw = demo_save(4).replace(b'"vars":{', b'"vars":{"deep":' + nested_json(100_000) + b",")
    (tmp_path / "1-1.json").write_bytes(raw)
    found = saves.read(tmp_path, "1-1")
    assert isinstance(found, Unreadable) and found.reason == "the file is nested too deeply"


def test_text_with_nuls_and_lone_surrogates_is_replaced(tmp_path: Path) -> None:
    def edit(body: dict) -> None:
        body["line"] = {"who": "Ei\ud800leen", "text": "a\0b\x1bc"}
        body["scene"] = "room\0"
        body["state"]["vars"]["name"] = "fr\udfffiend\0"
    (tmp_path / "1-1.json").write_bytes(edited(demo_save(4), edit))
    found = saves.read(tmp_path, "1-1")
    assert isinstance(found, SaveData)
    assert (found.line_who, found.line_text, found.scene) == (
        "Ei\ufffdleen", "a\ufffdb\ufffdc", "room\ufffd")
    assert found.state["vars"]["name"] == "fr\ufffdiend\ufffd"
    saves.write(tmp_path, "1-2", found, "Demo")  # the text encodes again
    assert isinstance(saves.read(tmp_path, "1-2"), SaveData)


def test_a_rollback_entry_naming_a_path_stops_rollback_there(tmp_path: Path) -> None:
    raw = edited(demo_save(4), log_edit=each_stage("scene", ["bg", "../../secret"]))
    (tmp_path / "1-1.json").write_bytes(raw)
    found = saves.read(tmp_path, "1-1")
    assert isinstance(found, SaveData)
    assert all("refused" in e for e in found.rollback)
    loaded = Playthrough.from_save(load_game(DEMO), Memory(), found)
    loaded.play.at_entry = True
    message = loaded.play.roll(back=True)
    assert isinstance(message, str) and "not an image name" in message


@pytest.mark.parametrize("thumb", [bomb_png(), bomb_jpeg()], ids=["png", "jpeg"])
def test_a_thumbnail_bomb_is_never_decoded(tmp_path: Path, thumb: bytes) -> None:
    (tmp_path / "1-1.json").write_bytes(demo_save(4, thumbnail=thumb))
    found = saves.read(tmp_path, "1-1")
    assert isinstance(found, SaveData) and found.thumbnail == b""  # a blank card


def test_fifos_devices_and_symlinks_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    outside = tmp_path / "outside.json"
    outside.write_bytes(demo_save(4))  # a good save, but not the player's
    os.mkfifo(folder / "1-1.json")
    os.symlink("/dev/zero", folder / "1-2.json")
    os.symlink(outside, folder / "1-3.json")
    (folder / "1-4.json").write_bytes(demo_save(4))
    found = saves.list_slots(folder)  # a FIFO read plainly would block here forever
    assert found["1-1"].reason == "cannot read the file: not a regular file"
    assert "outside the game's own folders" in found["1-2"].reason
    assert "outside the game's own folders" in found["1-3"].reason
    assert isinstance(found["1-4"], SaveData)


@pytest.mark.slow
def test_the_load_screen_shows_every_card_and_loads_the_good_and_the_nul(tmp_path: Path
                                                                         ) -> None:
    data = fresh_data(tmp_path)
    folder = data / "saves"
    folder.mkdir()
    (folder / "1-1.json").write_bytes(demo_save(4))
    (folder / "1-2.json").write_bytes(edited(demo_save(4), set_in(
        ("line",), {"who": "E\0", "text": "NUL\0here \ud800"})))
    (folder / "1-3.json").write_bytes(edited(demo_save(4), set_in(
        ("state", "stage", "sprites"), sprites(20_000))))
    os.mkfifo(folder / "1-4.json")
    (folder / "1-5.json").write_bytes(demo_save(4, thumbnail=bomb_png()))
    (folder / "1-6.json").write_bytes(edited(demo_save(4), log_edit=each_stage(
        "sprites", sprites(1, "../../x"))))
    before = {k: v for k, v in tree(folder).items() if k != "1-4.json"}
    result = run_main(script_args(tmp_path, """
        expect-screen title
        press Load
        expect-screen load
        key 1
        expect-slot 1-1 saved
        expect-slot 1-2 saved
        expect-slot 1-3 unreadable
        expect-slot 1-4 unreadable
        expect-slot 1-5 saved
        expect-slot 1-6 saved
        press "Slot 1-3"
        expect-screen load
        press "Slot 1-2"
        expect-screen game
        expect-text And I'm Lucy!
        key escape
        press Load
        key 1
        press "Slot 1-6"
        expect-screen game
        wheel up
        key escape
        press Load
        key 1
        press "Slot 1-1"
        expect-screen game
        expect-text And I'm Lucy!
        advance 1
        expect-text Counting 1.
        quit
    """, DEMO, data, None), {})
    clean(result)
    after = tree(folder)
    assert all(after[k] == v for k, v in before.items())
