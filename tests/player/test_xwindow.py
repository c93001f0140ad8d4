"""The game in a real X window (Xvfb), clicked with xdotool like a player would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def xvfb(size: str, **extra: str) -> Iterator[dict[str, str]]:
    """A virtual X display of `size`; yields the environment a game window opens on."""
    display = f":{_free_display()}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy", **extra}
        env.pop("SDL_VIDEODRIVER", None)
        for _ in range(50):  # until the server answers
            if subprocess.run(["xdotool", "getmouselocation"], env=env,
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_click_start_in_a_real_window_shows_the_first_line(tmp_path: Path) -> None:
    shot = tmp_path / "first-line.png"
    script = tmp_path / "x.test"
    # The harness only watches here: the click comes from xdotool, through X.
    script.write_text(f"wait 1.5\nexpect-text Welcome to the demo\nshot {shot}\n")
    # xdotool finds the window by its X class (SDL's WM_NAME is not searchable here).
    with xvfb("1280x720", ROADOUT_REAL_CLOCK="1", SDL_VIDEO_X11_WMCLASS="roadout-xtest") as env:
        game = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--game", str(DEMO), "--data-dir",
             str(data_dir(tmp_path)), "--test", str(script)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            found = subprocess.run(["xdotool", "search", "--sync", "--class", "roadout-xtest"],
                                   env=env, capture_output=True, text=True, timeout=20)
            window = found.stdout.split()[0]
            time.sleep(0.3)
            # Start sits at canvas (96..396, 272..312): the title has no save to Continue.
            subprocess.run(["xdotool", "mousemove", "--window", window, "246", "292",
                            "click", "1"], env=env, check=True, timeout=10)
            out, err = game.communicate(timeout=30)
        finally:
            if game.poll() is None:
                game.kill()
    assert game.returncode == 0, err
    assert shot.is_file()


FULLSCREEN_SCRIPT = """
import json, os, time
import pygame
from engine.present.window import Window
win = Window((1280, 720), False, "fullscreen test")
sdl = win.sdl_window()
def settle():
    for _ in range(15):
        pygame.event.pump()
        time.sleep(0.02)
    win.resized()
    return [list(win.surface.get_size()), list(sdl.position)]
out = {"start": settle()}
win.set_fullscreen(True)
out["full"] = settle()
win.set_fullscreen(False)
out["back"] = settle()
print(json.dumps(out))
"""


@pytest.mark.slow
def test_fullscreen_fills_a_1920x1080_display_and_returns_to_its_place() -> None:
    """Issue 15: F11 at 1920x1080 left the window at its windowed offset, partly off
    screen. Desktop fullscreen covers the display from (0, 0) and returns to the same
    size and place."""
    with xvfb("1920x1080", SDL_VIDEO_WINDOW_POS="300,200", PYTHONPATH=str(ROOT)) as env:
        done = subprocess.run([sys.executable, "-c", FULLSCREEN_SCRIPT], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        assert seen["start"] == [[1280, 720], [300, 200]]
        assert seen["full"] == [[1920, 1080], [0, 0]]
        assert seen["back"] == seen["start"]
