"""The score: every cue of assets/src/score.py ships as OGG + MIDI, meets the level targets in
assets/music/levels.json (-18 +- 1 LUFS, true peak <= -1 dBTP, a click-free loop seam), the
shipped files are the ones measured (sha256), and the build tools, when present, measure and
make the same again."""

from __future__ import annotations

import importlib
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MUSIC = ROOT / "assets" / "music"
SRC = ROOT / "assets" / "src"
LEVELS = json.loads((MUSIC / "levels.json").read_text(encoding="utf-8"))
MAX_TOTAL_BYTES = 8_000_000


def _import(name: str):
    sys.path.insert(0, str(SRC))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(SRC))


score = _import("score")
measure_audio = _import("measure_audio")
CUES = sorted(score.CUES)
MUSIC_ROWS = {k: v for k, v in LEVELS.items() if k.startswith("music/")}
AMBIENCE_ROWS = {k: v for k, v in LEVELS.items() if k.startswith("audio/")}


def _has_ffmpeg() -> bool:
    return shutil.which("ffmpeg") is not None


def test_every_cue_ships_as_ogg_and_midi_and_is_in_the_table() -> None:
    assert {p.stem for p in MUSIC.glob("*.ogg")} == set(CUES)
    assert {p.stem for p in MUSIC.glob("*.mid")} == set(CUES)
    assert set(MUSIC_ROWS) == {f"music/{c}.ogg" for c in CUES}
    assert set(AMBIENCE_ROWS) == set(measure_audio.AMBIENCE)
    assert len(CUES) >= 10


@pytest.mark.parametrize("name", sorted(MUSIC_ROWS))
def test_music_meets_the_level_targets(name: str) -> None:
    row = MUSIC_ROWS[name]
    assert measure_audio.meets_targets(row) == [], name
    assert row["click_free"], name
    assert 60.0 <= row["duration"] <= 120.0, name


@pytest.mark.parametrize("name", sorted(AMBIENCE_ROWS))
def test_the_ambience_loops_are_click_free(name: str) -> None:
    row = AMBIENCE_ROWS[name]
    assert row["seam"] <= row["p99_step"], name
    assert row["true_peak"] <= -1.0, name
    assert (row["sample_rate"], row["channels"]) == (44100, 2), name


def test_all_the_music_fits_in_eight_megabytes() -> None:
    assert sum(r["bytes"] for r in MUSIC_ROWS.values()) < MAX_TOTAL_BYTES


@pytest.mark.parametrize("name", sorted(LEVELS))
def test_the_shipped_files_are_the_ones_measured(name: str) -> None:
    path = ROOT / "assets" / name
    assert path.stat().st_size == LEVELS[name]["bytes"], name
    assert measure_audio.sha256(str(path)) == LEVELS[name]["sha256"], (
        f"{name} differs from assets/music/levels.json: regenerate it with "
        "`python assets/src/make_music.py` (which rewrites the table)")


def test_the_music_decodes_with_pygame_at_44100_hz_stereo() -> None:
    pygame = pytest.importorskip("pygame")
    for name in MUSIC_ROWS:
        assert measure_audio.header(str(ROOT / "assets" / name)) == (44100, 2), name
    pygame.mixer.pre_init(44100, -16, 2)
    try:
        pygame.mixer.init(44100, -16, 2)
    except pygame.error as e:
        pytest.skip(f"no audio device, even the dummy one: {e}")
    try:
        assert pygame.mixer.get_init()[0::2] == (44100, 2)
        for name, row in MUSIC_ROWS.items():
            sound = pygame.mixer.Sound(str(ROOT / "assets" / name))
            assert abs(sound.get_length() - row["duration"]) < 0.05, name
    finally:
        pygame.mixer.quit()


def _head_s(iv: list[int]) -> bool:
    """The road's motif opens with a leap up of a sixth and two steps down."""
    return any(iv[i] in (8, 9) and iv[i + 1] in (-1, -2) and iv[i + 2] in (-1, -2, -3)
               for i in range(len(iv) - 2))


def _head_n(iv: list[int]) -> bool:
    """Naruto's motif opens with four rising steps or skips (a pentatonic run up)."""
    return any(all(0 < x <= 3 for x in iv[i:i + 4]) and sum(iv[i:i + 4]) >= 8
               for i in range(len(iv) - 3))


def test_the_leitmotifs_recur_across_the_cues() -> None:
    with_s, with_n = set(), set()
    for name in CUES:
        for part in score.build(name).parts:
            notes = sorted(part.notes, key=lambda n: (n.beat, -n.pitch))
            melody = [n.pitch for i, n in enumerate(notes)
                      if i == 0 or n.beat != notes[i - 1].beat]
            iv = [b - a for a, b in zip(melody, melody[1:], strict=False)]
            if _head_s(iv):
                with_s.add(name)
            if _head_n(iv):
                with_n.add(name)
    assert len(with_s) >= 6, with_s
    assert len(with_n) >= 3, with_n
    assert {"night_road", "confession", "leaving", "dawn"} <= with_s
    assert {"hospital", "ending_together"} <= with_n


def test_the_midi_sources_are_the_score() -> None:
    """The shipped .mid files are what score.py writes (needs mido, a build dependency)."""
    pytest.importorskip("mido", reason="mido is a build dependency: pip install -e '.[build]'")
    make_music = _import("make_music")
    for name in CUES:
        cue = score.build(name)
        mid = make_music.midi_file(cue)
        assert abs(mid.length - cue.seconds) < 1e-3, name
        path = MUSIC / f"{name}.mid"
        buf = io.BytesIO()
        mid.save(file=buf)
        assert buf.getvalue() == path.read_bytes(), name


@pytest.mark.skipif(not _has_ffmpeg(), reason="ffmpeg (a build tool) is not installed")
@pytest.mark.parametrize("name", sorted(LEVELS))
def test_remeasuring_gives_the_table(name: str) -> None:
    row = measure_audio.measure(str(ROOT / "assets" / name))
    want = LEVELS[name]
    assert abs(row["lufs"] - want["lufs"]) <= 0.2, name
    assert abs(row["true_peak"] - want["true_peak"]) <= 0.2, name
    assert abs(row["duration"] - want["duration"]) <= 0.01, name
    assert row["click_free"] == want["click_free"], name


@pytest.mark.slow  # renders, measures and encodes a 62 s cue: about 5 s
def test_regenerating_a_cue_writes_the_same_bytes(tmp_path: Path) -> None:
    make_music = _import("make_music")
    missing = make_music.missing_tools()
    if missing:
        pytest.skip("build tools missing: " + ", ".join(missing))
    name = "ending_thank_you"  # the shortest cue
    make_music.build_cue(name, str(tmp_path))
    for ext in (".mid", ".ogg"):
        made = (tmp_path / (name + ext)).read_bytes()
        assert made == (MUSIC / (name + ext)).read_bytes(), name + ext
