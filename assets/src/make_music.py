"""Regenerate the score: ``python assets/src/make_music.py [CUE...]``.

For each cue of ``score.py``: write the loop once as MIDI (``assets/music/<cue>.mid``, the
source), render the loop three times over with FluidSynth and Debian's FluidR3 GM soundfont,
keep the middle pass (it carries the previous pass's reverb tail over its start, as a loop
playing on does) and crossfade its last half second into the end of the first pass (which runs
on into the middle pass's first sample), so the seam is click-free. Then measure the loudness
with ffmpeg's ``ebur128``, scale to -18 LUFS by a gain rounded to 0.01 dB, check the true peak,
and encode with ``oggenc -q 3`` and a fixed serial. Finally re-measure the shipped files into
``assets/music/levels.json`` (``measure_audio.py``).

Build tools only (``pip install -e ".[build]"``; Debian: fluidsynth fluid-soundfont-gm
vorbis-tools ffmpeg). The same tools give the same bytes on a re-run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure_audio  # noqa: E402
import score  # noqa: E402

SR = 44100
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "music")
SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
TPB = 480
QUALITY = 2.5
SERIAL = "1"
CROSSFADE = 0.5  # seconds
TARGET_TRUE_PEAK = -2.0  # before encoding: leaves room for the codec's overshoot
PASSES = 3
FLUIDSYNTH_OPTS = ["-o", "synth.reverb.room-size=0.7", "-o", "synth.reverb.level=0.6",
                   "-o", "synth.reverb.width=1.0", "-o", "synth.chorus.active=0",
                   "-o", "synth.cpu-cores=1", "-o", "synth.polyphony=256"]


def missing_tools() -> list[str]:
    """The build tools that are not installed (empty when the build can run)."""
    missing = [t for t in ("fluidsynth", "oggenc", "ffmpeg") if shutil.which(t) is None]
    if not os.path.exists(SOUNDFONT):
        missing.append(SOUNDFONT + " (fluid-soundfont-gm)")
    try:
        import mido  # noqa: F401
    except ImportError:
        missing.append("mido")
    return missing


def midi_file(cue: score.Cue, passes: int = 1):
    """The cue as a type-1 MIDI file, ``passes`` times over (notes cut at the end of the last)."""
    import mido

    mid = mido.MidiFile(type=1, ticks_per_beat=TPB)
    total = cue.beats * passes

    def tick(beat: float) -> int:
        return int(round(beat * TPB))

    meta = mido.MidiTrack()
    meta.append(mido.MetaMessage("track_name", name=cue.title, time=0))
    meta.append(mido.MetaMessage("set_tempo", tempo=int(round(60e6 / cue.tempo)), time=0))
    meta.append(mido.MetaMessage("time_signature", numerator=cue.beats_per_bar, denominator=4,
                                 time=0))
    meta.append(mido.MetaMessage("end_of_track", time=tick(total)))
    mid.tracks.append(meta)
    for ch_index, part in enumerate(cue.parts):
        channel = ch_index if ch_index < 9 else ch_index + 1  # skip the drum channel
        events: list[tuple[int, int, object]] = []
        setup = [mido.Message("program_change", channel=channel, program=part.program),
                 mido.Message("control_change", channel=channel, control=7, value=part.volume),
                 mido.Message("control_change", channel=channel, control=10, value=part.pan),
                 mido.Message("control_change", channel=channel, control=91, value=part.reverb),
                 mido.Message("control_change", channel=channel, control=93, value=0)]
        for k, msg in enumerate(setup):
            events.append((0, k - 100, msg))
        for p in range(passes):
            off = p * cue.beats
            for n in part.notes:
                if n.beat >= cue.beats:
                    raise ValueError(f"{cue.name}/{part.name}: a note at beat {n.beat} "
                                     f"after the loop's end ({cue.beats})")
                start = tick(n.beat + off)
                end = min(tick(n.beat + n.dur + off) - 1, tick(total))
                events.append((start, 1, mido.Message("note_on", channel=channel,
                                                      note=n.pitch, velocity=n.vel)))
                events.append((end, 0, mido.Message("note_off", channel=channel,
                                                    note=n.pitch, velocity=0)))
            for beat, value in expression_curve(part, cue.beats):
                events.append((tick(beat + off), -1, mido.Message(
                    "control_change", channel=channel, control=11, value=value)))
        events.sort(key=lambda e: (e[0], e[1], getattr(e[2], "note", 0)))
        track = mido.MidiTrack()
        track.append(mido.MetaMessage("track_name", name=part.name, time=0))
        now = 0
        for t, _, msg in events:
            track.append(msg.copy(time=t - now))
            now = t
        track.append(mido.MetaMessage("end_of_track", time=max(0, tick(total) - now)))
        mid.tracks.append(track)
    return mid


def expression_curve(part: score.Part, beats: int) -> list[tuple[float, int]]:
    """CC11 values every quarter beat from the part's breakpoints (127 throughout if none)."""
    if not part.expression:
        return [(0.0, 127)]
    xs = [b for b, _ in part.expression]
    ys = [v for _, v in part.expression]
    if xs[0] > 0:
        xs, ys = [0.0, *xs], [ys[-1], *ys]
    if xs[-1] < beats:
        xs, ys = [*xs, beats], [*ys, ys[0]]
    out: list[tuple[float, int]] = []
    last = -1
    for i in range(beats * 4):
        v = int(round(float(np.interp(i / 4, xs, ys))))
        if v != last:
            out.append((i / 4, v))
            last = v
    return out


def render(cue: score.Cue, tmp: str) -> np.ndarray:
    """The seamless loop as float64 (n, 2), before any gain."""
    mid_path = os.path.join(tmp, cue.name + "_render.mid")
    wav_path = os.path.join(tmp, cue.name + "_render.wav")
    midi_file(cue, PASSES).save(mid_path)
    subprocess.run(["fluidsynth", "-n", "-i", "-q", *FLUIDSYNTH_OPTS, "-r", str(SR),
                    "-g", "0.5", "-T", "wav", "-O", "float", "-F", wav_path, SOUNDFONT,
                    mid_path], check=True, capture_output=True)
    x = read_float_wav(wav_path)
    n = int(round(cue.seconds * SR))
    if x.shape[0] < 2 * n:
        x = np.concatenate([x, np.zeros((2 * n - x.shape[0], 2))])
    loop = x[n:2 * n].copy()
    k = int(CROSSFADE * SR)
    w = (0.5 - 0.5 * np.cos(np.linspace(0, np.pi, k)))[:, None]
    loop[n - k:] = x[2 * n - k:2 * n] * (1 - w) + x[n - k:n] * w
    return loop


def read_float_wav(path: str) -> np.ndarray:
    """A 32-bit float stereo WAV (what FluidSynth writes with ``-O float``)."""
    with open(path, "rb") as f:
        data = f.read()
    i = 12
    while i < len(data):
        cid, size = data[i:i + 4], int.from_bytes(data[i + 4:i + 8], "little")
        if cid == b"data":
            raw = np.frombuffer(data[i + 8:i + 8 + size], dtype="<f4")
            return raw.reshape(-1, 2).astype(np.float64)
        i += 8 + size + (size & 1)
    raise ValueError(f"{path}: no data chunk")


def limit(x: np.ndarray, ceiling: float, block: int = 1024) -> np.ndarray:
    """A look-ahead peak limiter for a loop: no sample above ``ceiling``.

    The gain each block needs (the lowest over it and its two neighbours, wrapping round) is
    interpolated linearly between block centres, so it never rises above what any sample needs
    and changes over tens of milliseconds only.
    """
    n = x.shape[0]
    peak = np.max(np.abs(x), axis=1)
    need = np.minimum(1.0, ceiling / np.maximum(peak, 1e-9))
    m = -(-n // block)
    padded = np.concatenate([need, np.ones(m * block - n)]).reshape(m, block).min(axis=1)
    g = np.minimum(padded, np.minimum(np.roll(padded, 1), np.roll(padded, -1)))
    centres = np.arange(m) * block + block / 2
    gain = np.interp(np.arange(n), np.concatenate([[centres[-1] - n], centres,
                                                  [centres[0] + n]]),
                     np.concatenate([[g[-1]], g, [g[0]]]))
    return x * gain[:, None]


def write_wav16(path: str, x: np.ndarray) -> None:
    pcm = np.clip(np.round(x * 32767), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(pcm.tobytes())


def build_cue(name: str, out_dir: str = OUT) -> dict[str, float]:
    """Write ``<out_dir>/<name>.mid`` and ``.ogg``; return the gain and pre-encode levels."""
    cue = score.build(name)
    os.makedirs(out_dir, exist_ok=True)
    midi_file(cue).save(os.path.join(out_dir, name + ".mid"))
    with tempfile.TemporaryDirectory() as tmp:
        loop = render(cue, tmp)
        raw = os.path.join(tmp, name + "_raw.wav")
        write_wav16(raw, loop / np.max(np.abs(loop)) * 0.5)
        lufs, tp = measure_audio.loudness(raw)
        gain_db = round(measure_audio.TARGET_LUFS - lufs, 2)
        scaled = loop / np.max(np.abs(loop)) * 0.5 * 10 ** (gain_db / 20)
        limited = tp + gain_db > TARGET_TRUE_PEAK
        if limited:  # a few piano peaks: hold them down, then level again
            scaled = limit(scaled, 10 ** ((TARGET_TRUE_PEAK - 1.0) / 20))
            write_wav16(raw, scaled)
            lufs, tp = measure_audio.loudness(raw)
            trim = round(measure_audio.TARGET_LUFS - lufs, 2)
            scaled = scaled * 10 ** (trim / 20)
            gain_db = round(gain_db + trim, 2)
            if tp + trim > TARGET_TRUE_PEAK + 0.5:
                raise RuntimeError(f"{name}: true peak {tp + trim:.1f} dBTP at -18 LUFS")
        wav = os.path.join(tmp, name + ".wav")
        write_wav16(wav, scaled)
        ogg = os.path.join(out_dir, name + ".ogg")
        subprocess.run(["oggenc", "-Q", "-q", str(QUALITY), "-s", SERIAL, "-o", ogg, wav],
                       check=True)
    return {"gain_db": gain_db, "limited": limited}


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(score.CUES)
    missing = missing_tools()
    if missing:
        print("missing build tools: " + ", ".join(missing), file=sys.stderr)
        return 1
    for name in names:
        info = build_cue(name)
        print(f"{name}: gain {info['gain_db']:+.2f} dB", flush=True)
    rows = measure_audio.table(measure_audio.default_files())
    table_path = os.path.join(OUT, "levels.json")
    with open(table_path, "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1, sort_keys=True)
        f.write("\n")
    measure_audio.print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
