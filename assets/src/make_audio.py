"""Regenerate the game's sounds: ``python assets/src/make_audio.py``.

numpy synthesis, written as WAV and encoded to OGG Vorbis with ``oggenc`` (Debian package
vorbis-tools) using a fixed stream serial, so the output is reproducible. Without oggenc the
WAV files are kept instead. Loops are built circularly (noise shaped in the frequency domain,
events wrapped around the end, reverb by circular convolution), so they repeat seamlessly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import wave

import numpy as np

SR = 44100
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "audio")


def db(x: float) -> float:
    return float(10 ** (x / 20))


def shaped_noise(rng: np.random.Generator, n: int, lo: float, hi: float, tilt: float,
                 channels: int = 2) -> np.ndarray:
    """Periodic (loopable) noise band-limited to lo..hi Hz with a 1/f**tilt slope."""
    out = []
    f = np.fft.rfftfreq(n, 1 / SR)
    shape = np.where((f >= lo) & (f <= hi), 1.0, 0.0)
    shape *= 1 / np.maximum(f, 1.0) ** tilt
    # soft band edges
    shape *= 1 / (1 + (lo / np.maximum(f, 1)) ** 4) / (1 + (f / hi) ** 4)
    for _ in range(channels):
        ph = rng.uniform(0, 2 * np.pi, len(f))
        spec = shape * np.exp(1j * ph)
        x = np.fft.irfft(spec, n)
        out.append(x / np.max(np.abs(x)))
    return np.stack(out, axis=1)


def loop_lfo(n: int, cycles: list[tuple[int, float, float]]) -> np.ndarray:
    """Slow modulation made of whole cycles over the loop (so it joins up)."""
    t = np.arange(n) / n
    out = np.zeros(n)
    for k, amp, ph in cycles:
        out += amp * np.sin(2 * np.pi * k * t + ph)
    return out


def circular_reverb(x: np.ndarray, rng: np.random.Generator, seconds: float,
                    wet: float) -> np.ndarray:
    """Exponentially decaying noise impulse, applied by circular FFT convolution."""
    n = x.shape[0]
    m = int(seconds * SR)
    out = np.empty_like(x)
    for c in range(x.shape[1]):
        ir = np.zeros(n)
        tail = rng.standard_normal(m) * np.exp(-np.arange(m) / (m / 6.0))
        ir[:m] = tail / np.sqrt(np.sum(tail**2))
        rev = np.fft.irfft(np.fft.rfft(x[:, c]) * np.fft.rfft(ir), n)
        out[:, c] = x[:, c] + wet * rev
    return out


def place(buf: np.ndarray, start: int, sig: np.ndarray, pan: float = 0.0) -> None:
    """Add a mono signal into a stereo loop buffer, wrapping around the end."""
    n = buf.shape[0]
    idx = (start + np.arange(len(sig))) % n
    gl, gr = np.cos((pan + 1) * np.pi / 4), np.sin((pan + 1) * np.pi / 4)
    np.add.at(buf[:, 0], idx, sig * gl)
    np.add.at(buf[:, 1], idx, sig * gr)


def normalize(x: np.ndarray, peak_db: float) -> np.ndarray:
    return x / np.max(np.abs(x)) * db(peak_db)


# ---------------------------------------------------------------------------------------


def night_road() -> np.ndarray:
    rng = np.random.default_rng(501)
    n = SR * 24
    wind = shaped_noise(rng, n, 60, 1400, 1.0)
    gust = 0.55 + 0.35 * loop_lfo(n, [(2, 0.6, 0.3), (5, 0.3, 1.1), (9, 0.15, 2.0)])
    wind *= gust[:, None]
    hiss = shaped_noise(rng, n, 1500, 6000, 0.5) * 0.05 * (gust[:, None] ** 2)
    air = wind * 0.5 + hiss
    insects = np.zeros((n, 2))
    t_p = np.arange(int(0.018 * SR)) / SR
    for freq, period, pan, level in ((4400, 0.9, -0.6, 0.11), (4750, 1.25, 0.5, 0.08),
                                     (5100, 0.7, 0.1, 0.05)):
        pulse = np.sin(2 * np.pi * freq * t_p) * np.sin(np.pi * t_p / t_p[-1]) ** 2
        t = rng.uniform(0, period)
        while t < 24:
            pulses = int(rng.integers(3, 5))
            for k in range(pulses):
                place(insects, int((t + k * 0.034) * SR), pulse * level * (0.8 + 0.2 * k / pulses),
                      pan)
            t += period * rng.uniform(0.8, 1.25)
    # a distant soft owl-like call, twice per loop
    call_t = np.arange(int(0.5 * SR)) / SR
    env = np.sin(np.pi * call_t / call_t[-1]) ** 3
    call = np.sin(2 * np.pi * (380 - 30 * call_t) * call_t) * env * 0.05
    for at in (6.3, 17.8):
        place(insects, int(at * SR), call, -0.3)
        place(insects, int((at + 0.7) * SR), call * 0.8, -0.3)
    mix = air + circular_reverb(insects, rng, 0.6, 0.5)
    return normalize(mix, -6.0)


def hospital() -> np.ndarray:
    rng = np.random.default_rng(502)
    n = SR * 24
    room = shaped_noise(rng, n, 40, 900, 1.2) * 0.25
    t = np.arange(n) / SR
    hum = (np.sin(2 * np.pi * 100 * t) * 0.012 + np.sin(2 * np.pi * 200 * t) * 0.005)[:, None]
    beeps = np.zeros((n, 2))
    bt = np.arange(int(0.14 * SR)) / SR
    env = np.minimum(bt / 0.006, 1.0) * np.exp(-bt / 0.045)
    beep = (np.sin(2 * np.pi * 880 * bt) + 0.2 * np.sin(2 * np.pi * 1760 * bt)) * env * 0.22
    for k in range(24):
        place(beeps, int((k * 1.0 + 0.25) * SR), beep, 0.35)
    mix = room + hum + circular_reverb(beeps, rng, 0.35, 0.35)
    return normalize(mix, -7.0)


def advance() -> np.ndarray:
    rng = np.random.default_rng(503)
    t = np.arange(int(0.07 * SR)) / SR
    env = np.minimum(t / 0.002, 1) * np.exp(-t / 0.012)
    x = np.sin(2 * np.pi * 1900 * t) * 0.6 + np.sin(2 * np.pi * 2850 * t) * 0.2
    x = x * env + rng.standard_normal(len(t)) * np.exp(-t / 0.003) * 0.08
    return normalize(np.stack([x, x], axis=1), -10.0)


def choice() -> np.ndarray:
    t = np.arange(int(0.45 * SR)) / SR
    out = np.zeros(len(t))
    for start, f0, amp in ((0.0, 659.25, 1.0), (0.07, 987.77, 0.8)):
        tt = np.clip(t - start, 0, None)
        on = (t >= start).astype(float)
        env = np.minimum(tt / 0.004, 1) * np.exp(-tt / 0.12) * on
        tone = (np.sin(2 * np.pi * f0 * tt) + 0.3 * np.sin(2 * np.pi * f0 * 2.01 * tt)
                + 0.1 * np.sin(2 * np.pi * f0 * 3.0 * tt))
        out += amp * tone * env
    fade = np.minimum(1, (len(t) - np.arange(len(t))) / (0.03 * SR))
    out *= fade
    return normalize(np.stack([out, out * 0.97], axis=1), -9.0)


def write_wav(path: str, x: np.ndarray) -> None:
    data = (np.clip(x, -1, 1) * 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(x.shape[1])
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(data.tobytes())


def export(name: str, x: np.ndarray, quality: int = 3) -> str:
    """WAV -> OGG (fixed serial) in assets/audio; WAV kept if oggenc is missing."""
    os.makedirs(OUT, exist_ok=True)
    oggenc = shutil.which("oggenc")
    if oggenc is None:
        path = os.path.join(OUT, f"{name}.wav")
        write_wav(path, x)
        return path
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, f"{name}.wav")
        write_wav(wav, x)
        path = os.path.join(OUT, f"{name}.ogg")
        subprocess.run([oggenc, "-Q", "-q", str(quality), "-s", "20260101", "-o", path, wav],
                       check=True)
    return path


def main() -> None:
    """Write every sound."""
    for name, fn, q in (("night_road", night_road, 3), ("hospital", hospital, 2),
                        ("advance", advance, 4), ("choice", choice, 4)):
        x = fn()
        peak = 20 * np.log10(np.max(np.abs(x)))
        rms = 20 * np.log10(np.sqrt(np.mean(x**2)))
        path = export(name, x, q)
        print(f"{os.path.relpath(path)}: {x.shape[0] / SR:.2f}s peak {peak:.1f} dBFS "
              f"rms {rms:.1f} dBFS, {os.path.getsize(path) // 1024} KiB")


if __name__ == "__main__":
    main()
