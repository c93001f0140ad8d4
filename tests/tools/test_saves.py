"""Save files: round trip, finding the line after edits, and damaged files."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from engine import saves
from engine.rollback import Rollback
from engine.savepack import inflate
from engine.saves import SaveData, Unreadable
from engine.script import Story, compile_texts

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def sample(state: dict | None = None) -> SaveData:
    return SaveData(state=state or {"version": 1, "pc": 3}, label="start", line_who="Sakura",
                    line_text="Why?", scene="night_road · sakura sad", thumbnail=PNG,
                    rollback=[{"state": {"pc": 1}}], history=[{"who": None, "text": "x"}],
                    source='s "Why?"')


def test_round_trip(tmp_path: Path) -> None:
    saves.write(tmp_path, "1-1", sample(), "Game")
    back = saves.read(tmp_path, "1-1")
    assert isinstance(back, SaveData)
    assert (back.state, back.label, back.line_who, back.line_text, back.thumbnail) == (
        {"version": 1, "pc": 3}, "start", "Sakura", "Why?", PNG)
    assert back.created  # stamped at write time
    assert saves.read(tmp_path, "1-2") is None
    assert list(saves.list_slots(tmp_path)) == ["1-1"]
    saves.delete(tmp_path, "1-1")
    assert saves.read(tmp_path, "1-1") is None


def test_slot_names_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        saves.slot_path(tmp_path, "../../etc/passwd")
    assert saves.page_slots(2) == ["2-1", "2-2", "2-3", "2-4", "2-5", "2-6"]


def test_newer_schema_says_so(tmp_path: Path) -> None:
    body = json.loads(saves.encode(sample(), "Game"))
    body.pop("checksum")
    body["schema"] = 7
    body["checksum"] = saves._checksum(body)
    (tmp_path / "quick.json").write_text(json.dumps(body), "utf-8")
    result = saves.read(tmp_path, "quick")
    assert isinstance(result, Unreadable)
    assert result.reason == ("the save was made by a newer version of the game (schema 7; "
                             f"this version reads {saves.SCHEMA})")


def test_hand_edit_breaks_the_checksum(tmp_path: Path) -> None:
    path = saves.write(tmp_path, "auto", sample(), "Game")
    path.write_text(path.read_text("utf-8").replace("Why?", "How?"), "utf-8")
    result = saves.read(tmp_path, "auto")
    assert isinstance(result, Unreadable)
    assert result.reason == "the checksum does not match (damaged or edited)"


def damage(raw: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["truncate", "bitflip", "empty", "notjson", "huge", "types",
                       "foreign", "binary", "nested"])
    if kind == "truncate":
        return raw[: rng.randrange(0, len(raw))]
    if kind == "bitflip":
        b = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        return bytes(b)
    if kind == "empty":
        return b""
    if kind == "notjson":
        return b"this is not a save " * rng.randint(1, 50)
    if kind == "huge":
        return b'{"format": "' + b"x" * (saves.MAX_BYTES + 10) + b'"}'
    if kind == "types":
        body = json.loads(raw)
        key = rng.choice(["state", "line", "label", "rollback", "thumbnail", "schema",
                          "history", "scene"])
        body[key] = rng.choice([None, 3, "text", [1, 2], {"a": 1}, True])
        return json.dumps(body).encode()
    if kind == "foreign":
        return json.dumps(rng.choice([[], 1, "x", None, {"format": "other"}])).encode()
    if kind == "nested":
        return b"[" * 100_000 + b"]" * 100_000
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))


def test_200_damaged_files_never_stop_the_others(tmp_path: Path) -> None:
    rng = random.Random(1234)
    good = saves.encode(sample(), "Game")
    for n in range(200):
        folder = tmp_path / f"case{n}"
        folder.mkdir()
        # Written directly: the reading is on trial here, not the (fsync'd) atomic write.
        (folder / "1-1.json").write_bytes(saves.encode(sample({"version": 1, "pc": n}), "G"))
        (folder / "1-2.json").write_bytes(damage(good, rng))
        (folder / "1-3.json").write_bytes(saves.encode(sample({"version": 1, "pc": 1000 + n}), "G"))
        (folder / "notes.json").write_text("not a slot", "utf-8")  # left alone
        found = saves.list_slots(folder)
        assert sorted(found) == ["1-1", "1-2", "1-3"]
        assert found["1-1"].state["pc"] == n and found["1-3"].state["pc"] == 1000 + n
        bad = found["1-2"]
        # A damaged file is either reported with a reason or (for a harmless bit flip in
        # JSON white space) still a consistent save; it never raises.
        assert isinstance(bad, (Unreadable, SaveData))
        if isinstance(bad, Unreadable):
            assert bad.reason


def test_a_save_finds_its_line_after_lines_are_added_above(tmp_path: Path) -> None:
    old = compile_texts([("scenes/a.scene", 'label start:\n    "one"\n    "two"\n')])
    story = Story(old)
    story.start()
    story.next()
    story.next()
    saves.write(tmp_path, "1-1", sample(story.snapshot()), "Game")
    new = compile_texts([("scenes/a.scene", 'label start:\n    "new first"\n    "one"\n'
                                            '    "added"\n    "two"\n')])
    loaded = saves.read(tmp_path, "1-1")
    assert isinstance(loaded, SaveData)
    story2 = Story(new)
    assert story2.restore(loaded.state) == []
    assert story2.next().text == "two"


def test_rollback_log_steps_back_and_forward() -> None:
    log = Rollback(limit=5)
    for n in range(8):
        log.record({"n": n})
    assert [e["n"] for e in log.past] == [3, 4, 5, 6, 7]
    assert log.back() == {"n": 6}
    assert log.back() == {"n": 5}
    assert log.forward() == {"n": 6}
    log.record({"n": 99})  # a different choice: the old future is gone
    assert not log.can_forward()
    restored = Rollback.from_json(json.loads(json.dumps(log.to_json())))
    assert [e["n"] for e in restored.past] == [3, 4, 5, 6, 99]
    while restored.back():
        pass
    assert restored.past == [{"n": 3}]


def test_the_rollback_log_and_history_round_trip_packed(tmp_path: Path) -> None:
    """Schema 2 writes the log as deltas over a table of stages; what comes back is
    exactly what went in, damaged entries included (they fail later, on restore)."""
    rng = random.Random(7)
    stages = [{"scene": ["bg", s], "sprites": [{"tag": "a", "attrs": [m], "at": None}],
               "music": None} for s in ("road", "room") for m in ("sad", "glad")]
    log = []
    for k in range(60):
        state = {"version": 2, "pc": k, "fp": f"{k:016x}", "stage": rng.choice(stages),
                 "vars": {"n": k // 10}}
        if k % 17 == 0:
            del state["vars"]  # a key that goes away and comes back
        log.append({"state": state, "history": k})
    log += [{"state": 3}, {}, {"state": {"pc": "?"}, "history": 1}]
    history = [{"who": "A", "text": "x", "color": "#fff"}, {"who": None, "text": "y"}]
    data = SaveData(state={"pc": 0}, label="start", line_who=None, line_text="x", scene="s",
                    thumbnail=PNG, rollback=log, history=history)
    saves.write(tmp_path, "2-1", data, "Game")
    back = saves.read(tmp_path, "2-1")
    assert isinstance(back, SaveData)
    assert back.rollback[:60] == log[:60] and back.history == history
    assert back.rollback[60:] == [{"state": 3}, {}, {"state": {"pc": "?"}, "history": 1}]
    body = inflate(json.loads((tmp_path / "2-1.json").read_text("utf-8")))
    assert len(body["stages"]) == 4  # each distinct stage once
    plain = len(json.dumps(log))
    assert len(json.dumps(body["rollback"])) + len(json.dumps(body["stages"])) < plain / 2


def test_a_log_that_inflates_past_the_cap_or_is_not_zlib_is_refused(tmp_path: Path) -> None:
    import base64
    import zlib

    for blob, reason in (
            (base64.b64encode(zlib.compress(b" " * (20 * 1024 * 1024), 9)).decode(),
             "the rollback log is too large"),
            (base64.b64encode(b"not zlib at all").decode(), "the rollback log is damaged")):
        body = json.loads(saves.encode(sample(), "Game"))
        body.pop("checksum")
        body["log"] = blob
        body["checksum"] = saves._checksum(body)
        (tmp_path / "1-1.json").write_text(json.dumps(body), "utf-8")
        result = saves.read(tmp_path, "1-1")
        assert isinstance(result, Unreadable) and result.reason == reason
