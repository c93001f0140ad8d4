"""Start-up of the built bundle against `python main.py`, side by side: each run to the first
drawn title frame (ROADOUT_FIRST_FRAME_EXIT), alternating the two so load on the machine
falls on both alike. Usage: python packaging/compare_startup.py [dist/the-road-out/the-road-out]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 10


def main() -> None:
    bundle = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "dist" / "the-road-out" /
                                                       "the-road-out")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "ROADOUT_FIRST_FRAME_EXIT": "1"}
    with tempfile.TemporaryDirectory() as data:
        commands = {"bundle": [bundle, "--headless", "--data-dir", data],
                    "python main.py": [sys.executable, str(ROOT / "main.py"), "--headless",
                                       "--data-dir", data]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm the file cache and the compiled program
            subprocess.run(command, env=env, capture_output=True, check=True)
        for _ in range(RUNS):
            for name, command in commands.items():
                t0 = time.perf_counter()
                subprocess.run(command, env=env, capture_output=True, check=True)
                times[name].append(time.perf_counter() - t0)
    for name, runs in times.items():
        print(f"{name:>15}: median {statistics.median(runs):.3f} s, "
              f"min {min(runs):.3f} s ({RUNS} runs, alternating)")


if __name__ == "__main__":
    main()
