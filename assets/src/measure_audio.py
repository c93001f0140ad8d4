"""Measure audio files: ``python assets/src/measure_audio.py [--json OUT] [FILES...]``.

For each file: integrated loudness (LUFS) and true peak (dBTP) by ffmpeg's ``ebur128`` filter,
duration, sample rate and channels (from the Ogg Vorbis header), and the loop seam: the largest
absolute jump from the last sample to the first (over the channels), against the 99th
percentile of the sample-to-sample steps. A loop is click-free when ``seam <= p99_step``.
Samples are floats in -1..1. Without arguments: every ``assets/music/*.ogg`` and the
ambience loops ``assets/audio/night_road.ogg``, ``hospital.ogg``. Needs ``ffmpeg`` on the PATH
(a build tool, not a player dependency).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys

import numpy as np

SR = 44100
ASSETS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Targets for every music track.
TARGET_LUFS = -18.0
LUFS_TOLERANCE = 1.0
MAX_TRUE_PEAK = -1.0


def ffmpeg() -> str:
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise RuntimeError("ffmpeg is needed to measure audio (Debian: apt-get install ffmpeg)")
    return exe


def ebur128(path: str) -> dict[str, float]:
    """Integrated loudness (LUFS), true peak (dBTP) and loudness range (LU), by ffmpeg."""
    res = subprocess.run(
        [ffmpeg(), "-nostats", "-hide_banner", "-i", path, "-af", "ebur128=peak=true",
         "-f", "null", "-"], capture_output=True, text=True, check=True)
    summary = res.stderr[res.stderr.rfind("Summary:"):]
    num = r"(-?[\d.]+|-inf)"
    return {
        "lufs": float(re.search(r"I:\s+" + num + " LUFS", summary).group(1)),
        "true_peak": float(re.search(r"True peak:\s+Peak:\s+" + num + " dBFS",
                                     summary).group(1)),
        "lra": float(re.search(r"LRA:\s+" + num + " LU", summary).group(1)),
    }


def loudness(path: str) -> tuple[float, float]:
    """(integrated loudness in LUFS, true peak in dBTP) by ffmpeg's ebur128 filter."""
    r = ebur128(path)
    return r["lufs"], r["true_peak"]


def decode(path: str) -> np.ndarray:
    """The file's samples as float32 (n, channels), by ffmpeg, at its own rate."""
    channels = header(path)[1] if path.endswith(".ogg") else 2
    res = subprocess.run(
        [ffmpeg(), "-nostats", "-hide_banner", "-v", "error", "-i", path, "-f", "f32le",
         "-acodec", "pcm_f32le", "-"], capture_output=True, check=True)
    return np.frombuffer(res.stdout, dtype="<f4").reshape(-1, channels)


def seam(x: np.ndarray) -> tuple[float, float]:
    """(jump from the last sample to the first, 99th percentile of the steps)."""
    jump = float(np.max(np.abs(x[0].astype(np.float64) - x[-1])))
    steps = np.abs(np.diff(x.astype(np.float64), axis=0))
    return jump, float(np.percentile(steps, 99))


def header(path: str) -> tuple[int, int]:
    """(sample rate, channels) from an Ogg Vorbis identification header."""
    with open(path, "rb") as f:
        head = f.read(256)
    i = head.find(b"\x01vorbis")
    if not head.startswith(b"OggS") or i < 0:
        raise ValueError(f"{path}: not Ogg Vorbis")
    channels = head[i + 11]
    (rate,) = struct.unpack("<I", head[i + 12:i + 16])
    return rate, channels


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def measure(path: str) -> dict[str, float | int | str | bool]:
    """Everything the levels table holds for one file."""
    levels = ebur128(path)
    x = decode(path)
    jump, p99 = seam(x)
    rate, channels = header(path)
    return {
        **levels,
        "seam": round(jump, 5),
        "p99_step": round(p99, 5),
        "click_free": jump <= p99,
        "duration": round(x.shape[0] / rate, 3),
        "sample_rate": rate,
        "channels": channels,
        "bytes": os.path.getsize(path),
        "sha256": sha256(path),
    }


def meets_targets(row: dict) -> list[str]:
    """What a music track's row misses of the targets (empty when it meets them all)."""
    problems = []
    if abs(row["lufs"] - TARGET_LUFS) > LUFS_TOLERANCE:
        problems.append(f"loudness {row['lufs']} LUFS, not {TARGET_LUFS} +- {LUFS_TOLERANCE}")
    if row["true_peak"] > MAX_TRUE_PEAK:
        problems.append(f"true peak {row['true_peak']} dBTP above {MAX_TRUE_PEAK}")
    if row["seam"] > row["p99_step"]:
        problems.append(f"seam {row['seam']} above the p99 step {row['p99_step']}")
    if (row["sample_rate"], row["channels"]) != (SR, 2):
        problems.append(f"{row['sample_rate']} Hz x {row['channels']}, not 44100 Hz stereo")
    return problems


def table(paths: list[str]) -> dict[str, dict]:
    """Rows keyed by the path relative to assets/ (``music/title.ogg``)."""
    return {os.path.relpath(os.path.abspath(p), ASSETS): measure(p) for p in sorted(paths)}


AMBIENCE = ("audio/night_road.ogg", "audio/hospital.ogg")


def default_files() -> list[str]:
    """The music and the two ambience loops (not the UI sounds)."""
    return sorted(glob.glob(os.path.join(ASSETS, "music", "*.ogg"))
                  + [os.path.join(ASSETS, a) for a in AMBIENCE])


def print_table(rows: dict[str, dict], out=sys.stdout) -> None:
    print(f"{'file':28} {'LUFS':>6} {'dBTP':>6} {'LRA':>5} {'seam':>8} {'p99':>8} {'loop':>5} "
          f"{'secs':>6} {'KB':>5}", file=out)
    for name, r in rows.items():
        print(f"{name:28} {r['lufs']:6.1f} {r['true_peak']:6.1f} {r['lra']:5.1f} {r['seam']:8.5f} "
              f"{r['p99_step']:8.5f} {'ok' if r['click_free'] else 'CLICK':>5} "
              f"{r['duration']:6.2f} {r['bytes'] // 1024:5d}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--json", help="also write the rows to this JSON file")
    args = ap.parse_args(argv)
    rows = table(args.files or default_files())
    print_table(rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1, sort_keys=True)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
