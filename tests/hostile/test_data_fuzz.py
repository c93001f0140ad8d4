"""Fuzzing the files a player can edit: a real save with any value, of any type, size or
nesting, put anywhere in its body or its packed log (the checksum recomputed, so the edit
gets past it), and persistent.json / settings.json of any shape. Reading never raises;
what loads can be restored (or refuses with ValueError, which the Load screen shows) and
saved again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import saves
from engine.playthrough import Playthrough
from engine.present.persist import DataStore
from engine.script import load_game
from tests.hostile.data_helpers import (
    DEMO,
    Memory,
    demo_save,
    edited,
    hang_guard_fixture,  # noqa: F401 - autouse
    nested,
)

SAVE = demo_save(4)
PROGRAM = load_game(DEMO)

text = st.text(alphabet=st.characters(codec=None, blacklist_categories=()), max_size=30) \
    | st.sampled_from(["\0", "\ud800", "a\udfffb", "../../x", "/etc/passwd", "x" * 5000])
scalars = st.none() | st.booleans() | st.integers() | st.floats() | text \
    | st.sampled_from([10 ** 300, -1, -(2 ** 70), 2 ** 63])


class Big:
    """A value too deep or too long for hypothesis to print when it reports a failure:
    made real (real()) only inside the test."""

    def __init__(self, kind: str, n: int) -> None:
        self.kind, self.n = kind, n

    def __repr__(self) -> str:
        return f"Big({self.kind!r}, {self.n})"

    def real(self) -> Any:
        return nested(self.n) if self.kind == "deep" else [{"tag": "a", "attrs": []}] * self.n


def real(value: Any) -> Any:
    if isinstance(value, dict):  # a data file's keys, each with any value
        return {k: real(v) for k, v in value.items()}
    return value.real() if isinstance(value, Big) else value


# Deeper than 600 the helper cannot sign the save (json.dumps recurses): unit tests.
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                      | st.dictionaries(text, inner, max_size=5), max_leaves=20) \
    | st.builds(Big, st.just("deep"), st.integers(0, 600)) \
    | st.builds(Big, st.just("wide"), st.integers(0, 30_000))


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:8]):
            out += paths(v, (*prefix, i))
    return out


def put(root: Any, path: tuple, value: Any) -> None:
    if not path:
        return
    target = root
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def check(folder: Path, raw: bytes) -> None:
    (folder / "1-1.json").write_bytes(raw)
    found = saves.read(folder, "1-1")
    assert isinstance(found, (saves.SaveData, saves.Unreadable))
    if isinstance(found, saves.Unreadable):
        assert found.reason
        return
    saves.encode(found, "Demo")  # what loads can be written again
    try:
        loaded = Playthrough.from_save(PROGRAM, Memory(), found)
    except ValueError:
        return  # the Load screen shows "This save cannot be loaded: ..."
    loaded.play.save_data(b"")


body_paths = paths(json.loads(SAVE))


def test_an_integer_too_long_to_read_is_refused(tmp_path: Path) -> None:
    """json.loads raises a plain ValueError (not a JSONDecodeError) past 4,300 digits."""
    raw = SAVE.replace(b'"vars":{', b'"vars":{"big":' + b"9" * 5000 + b",")
    (tmp_path / "1-1.json").write_bytes(raw)
    found = saves.read(tmp_path, "1-1")
    assert isinstance(found, saves.Unreadable) and "damaged" in found.reason


@pytest.mark.slow
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(body_paths), values)
def test_any_value_anywhere_in_a_save_body(tmp_path: Path, path: tuple, value: Any) -> None:
    if path and path[0] in ("checksum", "log"):
        return
    check(tmp_path, edited(SAVE, lambda body: put(body, path, real(value))))


def log_paths() -> list[tuple]:
    from engine.savepack import inflate

    return paths(inflate(json.loads(SAVE)))


@pytest.mark.slow
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(log_paths()), values)
def test_any_value_anywhere_in_a_saves_log(tmp_path: Path, path: tuple, value: Any) -> None:
    check(tmp_path, edited(SAVE, log_edit=lambda log: put(log, path, real(value))))


@pytest.mark.slow
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["settings.json", "persistent.json", "routes.json"]),
       st.dictionaries(st.sampled_from(["endings", "read", "vars", "seen_images",
                                        "heard_music", "version", "text_cps", "labels",
                                        "choices", "snapshots"]) | text, values, max_size=6)
       | values)
def test_any_data_file_loads_and_saves_again(tmp_path: Path, name: str, value: Any) -> None:
    try:
        raw = json.dumps(real(value)).encode()
    except (ValueError, RecursionError):
        raw = b"[" * 100_000
    (tmp_path / name).write_bytes(raw)
    data = DataStore(tmp_path)
    data.record_ending("Park")
    data.mark_read("fp")
    data.save_settings()
    data.save_persistent()
    assert json.loads((tmp_path / "persistent.json").read_text())["endings"][-1] == "Park"
    from engine.routemap_data import RouteProgress

    RouteProgress(tmp_path / "routes.json")


def test_a_sprites_attributes_that_are_not_a_list_are_refused(tmp_path: Path) -> None:
    """Found by the fuzz test above: `attrs: 1` reached a `*` unpacking."""
    raw = edited(SAVE, lambda body: put(body, ("state", "stage", "sprites", 0, "attrs"), 1))
    (tmp_path / "1-1.json").write_bytes(raw)
    found = saves.read(tmp_path, "1-1")
    assert isinstance(found, saves.Unreadable) and "attributes" in found.reason
