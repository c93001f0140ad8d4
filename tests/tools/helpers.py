"""A small game folder for the tool tests: one scene file and the demo's assets."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tests.conftest import DEMO


def make_game(tmp_path: Path, script: str) -> Path:
    game = tmp_path / "game"
    shutil.copytree(DEMO / "assets", game / "assets")
    (game / "scenes").mkdir()
    (game / "scenes" / "main.scene").write_text(textwrap.dedent(script), "utf-8")
    return game
