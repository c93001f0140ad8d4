"""Self-voicing backends and the colour-contrast arithmetic."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from engine import contrast
from engine.voice import EspeakVoice, RecordingVoice, find_engine, line_to_speech


def test_line_to_speech_names_the_speaker_and_drops_tags() -> None:
    assert line_to_speech("Sakura", "{i}Why?{/i}{w} Why won't you tell me?") == \
        "Sakura: Why? Why won't you tell me?"
    assert line_to_speech(None, "Days later...") == "Days later..."


def test_recording_voice_remembers() -> None:
    voice = RecordingVoice()
    voice.say("one")
    voice.stop()
    voice.say("two")
    assert voice.spoken == ["one", "two"]


@pytest.mark.skipif(find_engine() is None, reason="espeak-ng is not installed")
def test_espeak_really_speaks(tmp_path: Path) -> None:
    out = tmp_path / "speech.wav"
    voice = EspeakVoice(find_engine() or "", to_file=out)
    voice.say("Naruto: I've lost them both, Hinata.")
    voice.wait()
    with wave.open(str(out)) as w:
        seconds = w.getnframes() / w.getframerate()
    assert 1.0 < seconds < 10.0


@pytest.mark.skipif(find_engine() is None, reason="espeak-ng is not installed")
def test_a_new_line_interrupts_the_old_one(tmp_path: Path) -> None:
    voice = EspeakVoice(find_engine() or "", to_file=tmp_path / "a.wav")
    voice.say("A very long line " * 40)
    first = voice._proc
    voice.say("Short.")
    assert first is not None and first.poll() is not None  # stopped, not queued
    voice.wait()


def test_contrast_ratios_match_wcag() -> None:
    assert contrast.ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast.ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # WCAG's own example: #767676 on white is just above 4.5:1.
    assert contrast.ratio(contrast.parse_hex("#767676"), (255, 255, 255)) == \
        pytest.approx(4.54, abs=0.01)


def test_parse_hex_and_compositing() -> None:
    assert contrast.parse_hex("#fac") == (255, 170, 204)
    assert contrast.parse_hex("f3a0c0ff") == (243, 160, 192)
    assert contrast.parse_hex("pink") is None
    assert contrast.over((255, 255, 255), 0.5, (0, 0, 0)) == (128, 128, 128)
