"""Persistent data and settings that degrade, never vanish: a damaged entry is dropped
alone with a warning, a file that cannot be read is kept aside (timestamped) before a new
one is written, and no settings or persistent file can stop the game from starting."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from engine.present.persist import DataStore
from engine.routemap_data import RouteProgress
from tests.hostile.data_helpers import (
    clean,
    hang_guard_fixture,  # noqa: F401 - autouse
    nested_json,
)
from tests.player.helpers import play


def write(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_one_bad_ending_among_three_drops_only_that_one(tmp_path: Path) -> None:
    write(tmp_path, "persistent.json", {"version": 1, "endings": ["Park", 5, "Home"],
                                        "read": ["aa", "bb"]})
    data = DataStore(tmp_path)
    assert data.endings == ["Park", "Home"] and data.is_read("aa") and data.is_read("bb")
    assert any("1 damaged endings entries skipped" in p for p in data.problems)
    data.record_ending("Alone")
    assert json.loads((tmp_path / "persistent.json").read_text())["endings"] == [
        "Park", "Home", "Alone"]


@pytest.mark.parametrize("key", ["endings", "read", "seen_images", "heard_music"])
def test_damaged_entries_of_each_list_are_dropped_alone(tmp_path: Path, key: str) -> None:
    good = ["one", "two words", "three"]
    bad = [None, 7, "", "nul\0inside", "lone \ud800 surrogate", "x" * 10_000, ["nested"],
           "bell\x07"]
    write(tmp_path, "persistent.json", {key: [good[0], *bad, *good[1:]]})
    data = DataStore(tmp_path)
    assert data.persistent[key] == good
    assert any(f"{len(bad)} damaged {key} entries skipped" in p for p in data.problems)
    data.save_persistent()
    assert json.loads((tmp_path / "persistent.json").read_text())[key] == good


def test_persistent_variables_are_dropped_one_by_one(tmp_path: Path) -> None:
    deep: object = 0
    for _ in range(500):
        deep = [deep]
    write(tmp_path, "persistent.json", {"vars": {"kept": 3, "deep": deep,
                                                 "text": "a\0b\ud800", "\0key": 1}})
    data = DataStore(tmp_path)
    assert data.persistent["vars"] == {"kept": 3, "text": "a\ufffdb\ufffd"}
    data.save_persistent()  # encodes again
    assert json.loads((tmp_path / "persistent.json").read_text())["vars"]["kept"] == 3


@pytest.mark.parametrize("name", ["settings.json", "persistent.json"])
@pytest.mark.parametrize("content", [b"{not json", nested_json(100_000), b"\xff\xfe\x00",
                                     b"[1, 2]"], ids=["damaged", "deep", "binary", "list"])
def test_an_unreadable_file_is_kept_aside_before_a_new_one(tmp_path: Path, name: str,
                                                            content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    data = DataStore(tmp_path)
    assert any(name in p and "could not be read" in p for p in data.problems)
    data.save_settings()
    data.save_persistent()
    kept = list(tmp_path.glob(f"{name}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    json.loads((tmp_path / name).read_text())  # a good one written in its place


def test_a_second_damaged_file_never_overwrites_the_first_kept(tmp_path: Path) -> None:
    for text in ("{first", "{second"):
        (tmp_path / "persistent.json").write_text(text)
        DataStore(tmp_path).save_persistent()
    kept = sorted(p.read_text() for p in tmp_path.glob("persistent.json.corrupt-*"))
    assert kept == ["{first", "{second"]


def test_fifos_devices_and_links_out_are_refused_quickly(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "settings.json")  # a plain open would block here forever
    os.symlink("/dev/zero", tmp_path / "persistent.json")
    data = DataStore(tmp_path)
    assert data.settings["text_cps"] == 40 and data.endings == []
    assert len(data.problems) == 2


def test_a_damaged_route_map_is_kept_aside_and_bad_snapshots_dropped(tmp_path: Path
                                                                     ) -> None:
    (tmp_path / "routes.json").write_bytes(nested_json(100_000))
    progress = RouteProgress(tmp_path / "routes.json")
    assert progress.labels == set()
    assert len(list(tmp_path.glob("routes.json.corrupt-*"))) == 1
    write(tmp_path, "routes.json", {"version": 1, "labels": ["a"], "snapshots": {
        "good": {"pc": 1, "stage": {"sprites": []}},
        "path": {"pc": 1, "stage": {"scene": ["bg", "../../x"]}},
        "negative": {"pc": -3}}})
    progress = RouteProgress(tmp_path / "routes.json")
    assert list(progress.snapshots) == ["good"]


@pytest.mark.slow
def test_the_game_starts_whatever_the_data_files_hold(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "persistent.json").write_bytes(nested_json(100_000))
    os.mkfifo(data / "routes.json")
    r = play(tmp_path, """
        expect-text could not be read
        press Start
        expect-text Welcome to the demo
        advance 3
        expect-text Now I look sad.
    """, warp=None)
    clean(r)
    assert list(data.glob("persistent.json.corrupt-*"))
    json.loads((data / "persistent.json").read_text())


@pytest.mark.slow
def test_the_game_starts_with_settings_nested_deep(tmp_path: Path) -> None:
    from tests.player.helpers import DEMO, run_main, script_args

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_bytes(nested_json(100_000))
    r = run_main(script_args(tmp_path, "expect-text Welcome to the demo\nquit\n", DEMO, data,
                             "start"))
    clean(r)
    assert list(data.glob("settings.json.corrupt-*"))


@pytest.mark.slow
def test_a_bad_ending_is_dropped_alone_through_the_real_loop(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data, "persistent.json", {"version": 1, "endings": ["Park", {"x": 1}, "Lake"],
                                    "read": ["r1", 3, "r2"]})
    r = play(tmp_path, """
        expect-text 1 damaged endings entries skipped
        press Start
        advance 7
        choose 2
        advance 2
        expect-text Ending — Home
    """, warp=None)
    clean(r)
    saved = json.loads((data / "persistent.json").read_text())
    assert saved["endings"] == ["Park", "Lake", "Home"]
    assert saved["read"][:2] == ["r1", "r2"] and len(saved["read"]) > 2
