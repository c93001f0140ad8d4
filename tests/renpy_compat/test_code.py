"""The code tour of the Ren'Py-syntax game (scenes/code.rpy): `$` lines, python blocks,
renpy.* calls, methods, comprehensions and Character() options, played as written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.lint import lint

ROOT = Path(__file__).resolve().parents[2]
GAME = Path(__file__).resolve().parent / "game"


def test_the_code_tour_plays_as_ren_py_would() -> None:
    done = subprocess.run([sys.executable, "-m", "engine", "play-text", "--game", str(GAME),
                           "--warp", "code_tour"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "What is your name? >  Sam ",  # Ren'Py's strings fold runs of spaces
        "Guide: Welcome, Sam.",
        "Guide: You have 15 coins and can buy cake or tea.",
        "Guide: In your bag: lamp and map; you feel curious.",
        "Guide: The shop is open. Prices: tea 3, cake 5.",
        "Guide: The die rolls, and shows a number from one to six.",
        "(Your bag is packed.)",
        "Guide: Everything in the shop costs 10 coins, give or take.",
        "A nickname? > ",  # its default is "", so `.strip() or traveller` is Sam
        "Guide: Sam (Sam) has  15 coins: 3 each, 3 left over, 9 squared.",
    ]


def test_strict_lint_notes_only_the_ignored_character_options_and_calls() -> None:
    found = [f"{p.loc.line}: {p.message}" for p in lint(GAME, strict=True)
             if p.loc.file == "scenes/code.rpy"]
    assert found == [
        "6: Character() ignores what_size=: the engine draws its own dialogue box",
        "6: Character() ignores who_outlines=: the engine draws its own dialogue box",
        "6: Character() ignores ctc=: the engine draws its own dialogue box",
        "6: Character() ignores callback=: it runs code on events",
        "53: renpy.restart_interaction() is accepted and does nothing here: the screen "
        "redraws by itself",
    ]
