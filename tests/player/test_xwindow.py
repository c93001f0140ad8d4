"""The game in a real X window (Xvfb), clicked with xdotool like a player would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.player.helpers import DEMO, ROOT, data_dir

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (.ci/run installs them)",
)


def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    pytest.skip("no free X display number")


@pytest.mark.slow
def test_click_start_in_a_real_window_shows_the_first_line(tmp_path: Path) -> None:
    display = f":{_free_display()}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    game = None
    try:
        # xdotool finds the window by its X class (SDL's WM_NAME is not searchable here).
        env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy",
               "ROADOUT_REAL_CLOCK": "1",
               "SDL_VIDEO_X11_WMCLASS": "roadout-xtest"}
        env.pop("SDL_VIDEODRIVER", None)
        for _ in range(50):
            if subprocess.run(["xdotool", "getmouselocation"], env=env,
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        shot = tmp_path / "first-line.png"
        script = tmp_path / "x.test"
        # The harness only watches here: the click comes from xdotool, through X.
        script.write_text(f"wait 1.5\nexpect-text Welcome to the demo\nshot {shot}\n")
        game = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--game", str(DEMO), "--data-dir",
             str(data_dir(tmp_path)), "--test", str(script)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        found = subprocess.run(["xdotool", "search", "--sync", "--class", "roadout-xtest"], env=env,
                               capture_output=True, text=True, timeout=20)
        window = found.stdout.split()[0]
        time.sleep(0.3)
        # The Start button sits at canvas (96..396, 272..312): the title has no save to Continue.
        subprocess.run(["xdotool", "mousemove", "--window", window, "246", "292",
                        "click", "1"], env=env, check=True, timeout=10)
        out, err = game.communicate(timeout=30)
        assert game.returncode == 0, err
        assert shot.is_file()
    finally:
        if game is not None and game.poll() is None:
            game.kill()
        xvfb.terminate()
        xvfb.wait(timeout=10)
