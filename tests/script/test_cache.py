"""The compiled-program cache: used when the files are unchanged, never when stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.script import load_game


@pytest.fixture
def game(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ROADOUT_CACHE_DIR", str(tmp_path / "cache"))
    g = tmp_path / "g"
    (g / "scenes").mkdir(parents=True)
    (g / "scenes" / "a.scene").write_text('label start:\n    "one"\n', "utf-8")
    return g


def test_second_load_comes_from_the_cache_and_edits_invalidate_it(game: Path) -> None:
    first = load_game(game)
    cached = list((game.parent / "cache").glob("*.json"))
    assert len(cached) == 1
    assert load_game(game).to_json() == first.to_json()
    (game / "scenes" / "a.scene").write_text('label start:\n    "two"\n', "utf-8")
    assert load_game(game).statements[1].args["text"] == "two"
    assert len(list((game.parent / "cache").glob("*.json"))) == 2


def test_a_damaged_cache_is_ignored(game: Path) -> None:
    load_game(game)
    (cache_file,) = (game.parent / "cache").glob("*.json")
    cache_file.write_text("{not json", "utf-8")
    assert load_game(game).statements[1].args["text"] == "one"
    cache_file.write_text(json.dumps({"format": 1, "statements": [["x"]]}), "utf-8")
    assert load_game(game).statements[1].args["text"] == "one"
