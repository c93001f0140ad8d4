"""The player's speed figures for `python -m engine bench`: start-up to the first drawn
title frame, idle CPU while a line waits for a click, and frame times of a busy frame."""

from __future__ import annotations

import copy
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from engine.frozen import child_env, game_command

MAIN_PY = Path(__file__).resolve().parents[2] / "main.py"
LONG_LINE = ("She stared at him from afar, finally coming out of the brush as he approached, "
             "pack on his back like he was going to leave. {i}She knew he was.{/i}")


def _env() -> dict[str, str]:
    return {**child_env(), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}


def startup(game: Path, runs: int = 5) -> dict[str, Any]:
    """Process start to the first drawn title frame, seen from outside (wall clock around
    the whole process) and from inside (main.py's own clock, from its first line)."""
    game_cmd = game_command(MAIN_PY)
    outside, inside = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t0 = time.perf_counter()
            out = subprocess.run([*game_cmd, "--headless", "--game", str(game),
                                  "--data-dir", tmp], capture_output=True, text=True,
                                 env={**_env(), "ROADOUT_FIRST_FRAME_EXIT": "1"}, timeout=60)
            outside.append(time.perf_counter() - t0)
            for line in out.stdout.splitlines():
                if line.startswith("first-frame "):
                    inside.append(float(line.split()[1]))
    return {"process_start_to_first_title_frame_s": round(statistics.median(outside), 3),
            "main_py_to_first_title_frame_s": round(statistics.median(inside), 3)
            if inside else None,
            "runs": runs, "target_s": 0.5, "aim_s": 0.3, "renpy_8_5_3_s": 2.0}


def idle_cpu(game: Path, warp: str, text: str, seconds: float = 3.0,
             display: str | None = None) -> dict[str, Any]:
    """CPU time of the player over `seconds` while a line is fully shown: with the dummy
    driver, or in a real window on X `display` (music playing through the dummy audio
    driver either way, so its decoding counts)."""
    game_cmd = game_command(MAIN_PY)
    env = {**_env(), "ROADOUT_TEST_TIMING": "1"}
    headless = ["--headless"]
    if display is not None:
        env.update(DISPLAY=display, SDL_VIDEODRIVER="x11")
        headless = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        (data / "settings.json").write_text(json.dumps({"text_cps": 0}))
        script = Path(tmp) / "idle.test"
        script.write_text(f"expect-text {text}\nwait {seconds}\n")
        out = subprocess.run([*game_cmd, *headless, "--game", str(game),
                              "--data-dir", str(data), "--warp", warp, "--test", str(script)],
                             capture_output=True, text=True, timeout=60, env=env)
    for line in out.stdout.splitlines():
        if line.startswith("timing") and " wait " in line:
            fields = dict(f.split("=") for f in line.split() if "=" in f)
            wall, cpu = float(fields["wall"]), float(fields["cpu"])
            return {"seconds": round(wall, 2), "cpu_percent_of_one_core":
                    round(100 * cpu / wall, 2), "target_percent": 2.0, "aim_percent": 1.0,
                    "renpy_8_5_3_percent": 54}
    return {"error": (out.stderr or out.stdout)[-500:]}


def memory(game: Path) -> dict[str, Any]:
    """Peak resident memory of the game playing its whole main route (menus answered with
    the first choice, skipping with 'skip unread' on), at 1280x720."""
    game_cmd = game_command(MAIN_PY)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        (data / "settings.json").write_text(json.dumps({"text_cps": 0, "skip_unread": True}))
        script = Path(tmp) / "route.test"
        # Skipping shows each line for 50 ms, and a menu waits 5 s at most: so wait a
        # while before each menu's answer (the hospital half is long).
        script.write_text("key tab\nwait 4\n" + "choose 1\nkey tab\nwait 6\n" * 3
                          + "expect-screen ending\n")
        err_file = (Path(tmp) / "err.txt").open("wb")
        proc = subprocess.Popen([*game_cmd, "--headless", "--game", str(game),
                                 "--data-dir", str(data), "--warp", "start", "--test",
                                 str(script)], stdout=subprocess.DEVNULL,
                                stderr=err_file, env=_env())
        # The kernel's high-water mark of the child's own memory (VmHWM), read while it
        # runs: getrusage's ru_maxrss would carry over this (large) bench process's peak,
        # which Linux keeps across fork and exec.
        peak_kb = 0
        status_file = Path(f"/proc/{proc.pid}/status")
        while proc.poll() is None:
            try:
                for line in status_file.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            time.sleep(0.05)
        err_file.close()
        err = (Path(tmp) / "err.txt").read_text(errors="replace")
    if proc.returncode != 0:
        return {"error": err[-500:]}
    if not peak_kb:
        return {"skipped": "no /proc/PID/status on this system"}
    return {"peak_rss_mb": round(peak_kb / 1024, 1), "route": "main (1,1,1)",
            "target_mb": 150, "renpy_8_5_3_mb": 410}


def _swaying(sprite: dict[str, Any], transforms: Any, t: float, event: Any = None,
             marks: Any = None) -> tuple[Any, bool]:
    """The frame figure's transform: each sprite sways across a tenth of the screen,
    breathes in zoom (0.92 to 1.08) and is tinted warm, and never stops."""
    from engine.atl.placement import Placement

    k = 0 if sprite["tag"] == "sakura" else 1
    phase = t * 0.7 + k * 1.3
    return Placement(xpos=0.25 + 0.5 * k + 0.1 * math.sin(phase),
                     zoom=1.0 + 0.08 * math.sin(phase * 1.7), tint=(1.0, 0.88, 0.8)), False


def frame_times(game: Path, size: tuple[int, int] = (1920, 1080), frames: int = 300,
                target_ms: float = 8.0) -> dict[str, Any]:
    """Update + draw + flip of frames during a dissolve to a second sprite while a line
    types, at `size`: both sprites moving, zooming and tinted all the while."""
    for k, v in _env().items():
        os.environ.setdefault(k, v)
    from engine.script import Say
    from engine.script.errors import Loc

    from . import placing
    from .app import App, Options

    real = placing.placement_for
    placing.placement_for = _swaying  # the one adapter the renderer asks
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = App(Options(game=game, data_dir=Path(tmp), headless=True, size=size))
            times = _frames(app, frames, Say, Loc)
    finally:
        placing.placement_for = real
    times.sort()
    return {"size": f"{size[0]}x{size[1]}", "frames": len(times),
            "p50_ms": round(times[len(times) // 2], 2),
            "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 2),
            "max_ms": round(times[-1], 2), "target_p99_ms": target_ms,
            "rescales": app.stage_view.art.made}


def _frames(app: Any, frames: int, say: Any, loc: Any) -> list[float]:
    import pygame

    screen = app.reset("game", label="start")
    story = screen.story
    one = {"scene": ["bg", "night_road"], "music": None, "ambient": None,
           "sprites": [{"tag": "sakura", "attrs": ["sad"], "at": "left"}]}
    two = copy.deepcopy(one)
    two["sprites"].append({"tag": "sasuke", "attrs": ["cold"], "at": "right"})
    times = []
    for round_ in range(2):  # the first round warms the caches, as a player's would
        now = time.perf_counter()
        screen.show_stage(one, now - 1.0)
        story.state.stage = two
        screen.start_transition({"kind": "dissolve", "duration": 600.0}, now)
        screen.box_visible = True
        screen.play.say = say("Sakura", LONG_LINE, "#f3a0c0", None, "sakura",
                              loc("bench", 1), "bench")
        screen.show_line(now)
        screen.typer.cps = 40
        n = frames if round_ else 20
        for _ in range(n):
            t0 = time.perf_counter()
            app.update(t0)
            app.draw(t0)
            pygame.display.flip()
            if round_:
                times.append((time.perf_counter() - t0) * 1000)
    return times


def idle_in_xvfb(game: Path, seconds: float) -> dict[str, Any]:
    """The idle figure in a real X window, on a private Xvfb (skipped when it is absent)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return {"skipped": "Xvfb is not installed"}
    display = f":{90 + os.getpid() % 500}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1920x1080x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        return idle_cpu(game, "night_road", "She stared", seconds, display=display)
    finally:
        server.terminate()
        server.wait()


def player_bench(game: Path, quick: bool = False) -> dict[str, Any]:
    return {
        "startup": startup(game, 3 if quick else 7),
        "idle": idle_cpu(game, "night_road", "She stared", 1.5 if quick else 3.0),
        "idle_x11_window": idle_in_xvfb(game, 1.5 if quick else 5.0),
        "frame": frame_times(game, frames=60 if quick else 300),
        "frame_4k": frame_times(game, (3840, 2160), 60 if quick else 300, 16.7),
        "memory": memory(game),
    }


def save_figures() -> dict[str, Any]:
    """The game's own save path on the shipped story, played headless in-process for 120
    lines: save (state, 100-line rollback log, history, and the thumbnail of the picture)
    into a slot, load it back onto the screen, and one rollback step as the wheel does."""
    for k, v in _env().items():
        os.environ.setdefault(k, v)
    from engine import saves
    from engine.clock import VirtualClock
    from engine.screens import saving

    from .app import App, Options

    game = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        (data / "settings.json").write_text('{"text_cps": 0}')
        app = App(Options(game=game, warp="start", data_dir=data, headless=True,
                          instant=True), VirtualClock())
        app.begin()
        g = app.game()
        assert g is not None
        for _ in range(2000):
            if len(g.play.rollback.past) >= 120:
                break
            if g.ending is not None:
                app.reset("game", label="start")
                g = app.game()
                assert g is not None
            elif g.choices is not None:
                g.choices.buttons[0].action()
            else:
                g.action("advance")
        lines = len(g.play.rollback.past)
        times, thumbs = [], []
        for _ in range(10):
            t0 = time.perf_counter()
            problem = saving.save_slot(app, g.play, "1-1")
            times.append((time.perf_counter() - t0) * 1000)
            assert problem is None, problem
            frame = app.stage_view.compose(g.story.stage, app.vp)
            t0 = time.perf_counter()
            saving.thumbnail(frame)
            thumbs.append((time.perf_counter() - t0) * 1000)
        size = (saves.slot_path(data / "saves", "1-1")).stat().st_size
        loads = []
        for _ in range(10):
            t0 = time.perf_counter()
            problem = saving.load_slot(app, "1-1")
            loads.append((time.perf_counter() - t0) * 1000)
            assert problem is None, problem
        g = app.game()
        assert g is not None
        steps = []
        for k in range(100):
            t0 = time.perf_counter()
            g.roll(back=k < 60)
            steps.append((time.perf_counter() - t0) * 1000)
        app.data.save_persistent()
        if app.audio_ready:
            app.audio.quit()

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    return {
        "lines_played": lines,
        "save_ms": round(median(times), 2),
        "thumbnail_ms": round(median(thumbs), 2),
        "save_bytes": size,
        "load_ms": round(median(loads), 2),
        "rollback_step_ms": round(median(steps), 3),
        "targets": {"save_ms": 30, "load_ms": 50, "rollback_step_ms": 1,
                    "save_bytes": 40_000},
        "renpy_8_5_3_save_ms": 104,
    }


def main(argv: list[str] | None = None) -> int:
    """`python -m engine.present.perf`: the save and player figures as JSON (run by
    `python -m engine bench`)."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m engine.present.perf")
    p.add_argument("--game", type=Path, default=Path(__file__).resolve().parents[2])
    p.add_argument("--quick", action="store_true")
    args = p.parse_args(argv)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    results = {"saves": save_figures(), "player": player_bench(args.game.resolve(),
                                                               args.quick)}
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
