"""The compiled-program cache: in the data folder when --data-dir is given (never the
user's cache folder then), pruned to the newest few, and a cache file that is a FIFO, a
device or nested too deeply is only a miss."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from engine.script import load_game
from engine.script.loader import KEEP_CACHED, prune_cache
from tests.hostile.data_helpers import (
    clean,
    hang_guard_fixture,  # noqa: F401 - autouse
    nested_json,
)
from tests.player.helpers import play


def scene_game(tmp: Path, text: str = "one") -> Path:
    g = tmp / "g"
    (g / "scenes").mkdir(parents=True, exist_ok=True)
    (g / "scenes" / "a.scene").write_text(f'label start:\n    "{text}"\n', "utf-8")
    return g


def test_the_cache_keeps_only_the_newest_few(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROADOUT_CACHE_DIR", raising=False)
    cache = tmp_path / "data" / "cache"
    game = scene_game(tmp_path)
    for n in range(KEEP_CACHED + 5):
        scene_game(tmp_path, f"edit {n}")  # each edit compiles to a new cache file
        load_game(game, cache_dir=cache)
        newest = max(cache.glob("*.json"), key=lambda p: p.stat().st_mtime)
        os.utime(newest, (time.time() + n, time.time() + n))  # mtimes a second apart
    kept = list(cache.glob("*.json"))
    assert len(kept) == KEEP_CACHED
    assert load_game(game, cache_dir=cache).statements[1].args["text"] == \
        f"edit {KEEP_CACHED + 4}"
    prune_cache(cache, keep=1)
    assert len(list(cache.glob("*.json"))) == 1


@pytest.mark.parametrize("kind", ["fifo", "dev zero", "deep"])
def test_a_hostile_cache_file_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        kind: str) -> None:
    monkeypatch.delenv("ROADOUT_CACHE_DIR", raising=False)
    cache = tmp_path / "cache"
    game = scene_game(tmp_path)
    load_game(game, cache_dir=cache)
    (entry,) = cache.glob("*.json")
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)  # read plainly, this would block for ever
    elif kind == "dev zero":
        os.symlink("/dev/zero", entry)
    else:
        entry.write_bytes(nested_json(100_000))
    assert load_game(game, cache_dir=cache).statements[1].args["text"] == "one"


@pytest.mark.slow
def test_the_game_caches_under_its_data_dir(tmp_path: Path) -> None:
    r = play(tmp_path, "expect-text Welcome to the demo\nquit\n",
             env={"ROADOUT_CACHE_DIR": ""})  # as a player runs it: no test override
    clean(r)
    assert len(list((tmp_path / "data" / "cache").glob("*.json"))) == 1
