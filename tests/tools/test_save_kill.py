"""A save killed mid-write (SIGKILL at random moments) always leaves the previous save of
that slot loadable."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine import saves
from engine.saves import SaveData
from tests.conftest import ROOT

WRITER = """
import sys
from pathlib import Path
from engine import saves
folder = Path(sys.argv[1])
pad = "x" * 200_000  # a big state widens the window a kill can land in
n = int(sys.argv[2])
while True:
    n += 1
    data = saves.SaveData(state={"version": 1, "n": n, "pad": pad}, label="start",
                          line_who=None, line_text=f"line {n}", scene="s")
    saves.write(folder, "1-1", data, "Game")
    print(n, flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_mid_write_keeps_the_previous_save(tmp_path: Path) -> None:
    rng = random.Random(7)
    saves.write(tmp_path, "1-1", SaveData(state={"version": 1, "n": 0}, label=None,
                                          line_who=None, line_text="line 0", scene="s"),
                "Game")
    last = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(50):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(last)],
                                stdout=subprocess.PIPE, text=True, env=env)
        time.sleep(0.08 + rng.random() * 0.12)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        written = [int(x) for x in out.split()]
        result = saves.read(tmp_path, "1-1")
        assert isinstance(result, SaveData), result
        n = result.state["n"]
        # The slot holds the last finished write, or the one in flight if its rename
        # happened just before the kill.
        finished = written[-1] if written else last
        assert n in (finished, finished + 1)
        last = n
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "1-1.json"]
    assert all(name.endswith(".tmp") for name in leftovers)
    print("kills that landed mid-write:", len(leftovers))
