"""Running the writer's tools on a hostile game: in this process (quick, for the many small
inputs), or in a child process as a writer would, with a time bound (a hang guard, not a
speed test) and an address-space bound of 1 GB (for the big ones)."""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.tools.helpers import make_game

MEMORY_BYTES = 1024 * 1024 * 1024
TIME_BOUND_S = 30  # generous (the machine is shared): the failures this guards ran for minutes
OUTPUT_BOUND = 256 * 1024  # a capped lint report is a few KB
TOOLS = ("lint", "play-text", "routes", "graph")


@dataclass
class Run:
    tool: str
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_tool(game: Path, tool: str, *extra: str) -> Run:
    args = [sys.executable, "-m", "engine", tool, "--game", str(game), *extra]
    if tool == "graph":
        args += ["-o", str(game / "story.dot")]
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIME_BOUND_S, preexec_fn=_limit_memory,
                          check=False)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    return Run(tool, proc.returncode, out, err)


def run_here(game: Path, tool: str) -> Run:
    """The tool's command line in this process. Anything but a clean exit (a traceback)
    propagates and fails the test."""
    from engine.__main__ import main

    args = [tool, "--game", str(game)]
    if tool == "graph":
        args += ["-o", str(game / "story.dot")]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return Run(tool, code, out.getvalue(), err.getvalue())


def game_with(tmp_path: Path, script: str) -> Path:
    game = make_game(tmp_path, "")
    (game / "scenes" / "main.scene").write_text(script, "utf-8")
    return game


def assert_clean(run: Run, expect: str | None = None, script: str = "") -> None:
    """No traceback, a bounded report (play-text may print the story's text besides), and
    (with `expect`) the clean error expected: exit status 1 and the message with a
    file:line."""
    assert "Traceback" not in run.text, (run.tool, run.text[-3000:])
    bound = OUTPUT_BOUND + (len(script) if run.tool == "play-text" else 0)
    assert len(run.out) + len(run.err) < bound, (run.tool, len(run.out), len(run.err))
    assert run.code in (0, 1, 2), (run.tool, run.code, run.text[-2000:])
    if expect is not None:
        assert run.code == 1, (run.tool, run.text[-2000:])
        assert expect in run.text, (run.tool, expect, run.text[-2000:])
        assert "scenes/main.scene:" in run.text, (run.tool, run.text[-2000:])
