"""Event illustrations (CGs): `scene cg NAME` / `show cg NAME VARIANT` find assets/cg files,
lint reports a missing one, the story's CGs exist at 1280x720, and regenerating them
rewrites the same bytes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from engine.lint import lint
from engine.stage import resolve_background
from tests.conftest import ROOT
from tests.script.helpers import story
from tests.tools.helpers import make_game

CG_LINE = re.compile(r"^\s*(?:scene|show)\s+cg\s+(.+?)(?:\s+with\s+.*)?$")


def story_cgs() -> dict[str, str]:
    """file name -> where the story shows it, for every `cg` line of the scenes."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "scenes").glob("*.scene")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            m = CG_LINE.match(line)
            if m:
                found.setdefault("_".join(m.group(1).split()) + ".png", f"{path.name}:{n}")
    return found


def test_cg_names_resolve_to_files_with_their_variant(tmp_path: Path) -> None:
    game = make_game(tmp_path, "label start:\n    return\n")
    folder = game / "assets" / "cg"
    folder.mkdir()
    for name in ("kiss.png", "kiss_hands.png"):
        (folder / name).write_bytes(b"")
    plain = resolve_background(game, ["cg", "kiss"], {})
    variant = resolve_background(game, ["cg", "kiss", "hands"], {})
    assert (plain.path, plain.attrs) == (folder / "kiss.png", ())
    assert (variant.path, variant.attrs) == (folder / "kiss_hands.png", ())
    assert resolve_background(game, ["cg", "kiss", "tears"], {}).path is None


def test_lint_reports_a_missing_cg_and_passes_the_ones_present(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            scene cg kiss with dissolve
            show cg kiss hands
            show cg kiss tears
            scene cg nowhere
            return
    ''')
    (game / "assets" / "cg").mkdir()
    for name in ("kiss.png", "kiss_hands.png"):
        (game / "assets" / "cg" / name).write_bytes(b"")
    assert [f"{p.loc.line}: {p.severity}: {p.message}" for p in lint(game)] == [
        "5: error: background 'cg kiss tears' not found (looked for "
        "assets/cg/kiss_tears.png, assets/cg/kiss_tears.jpg)",
        "6: error: background 'cg nowhere' not found (looked for "
        "assets/cg/nowhere.png, assets/cg/nowhere.jpg)",
    ]


def test_show_cg_changes_the_scene_picture_and_covers_the_sprites() -> None:
    s = story('''
        label start:
            scene bg park
            show lucy happy at right
            show cg kiss hands
            "x"
    ''')
    s.next(), s.next(), s.next()
    assert s.stage["scene"] == ["cg", "kiss", "hands"]
    assert s.stage["sprites"] == []


def test_every_cg_the_story_shows_exists_at_full_screen_size() -> None:
    used = story_cgs()
    assert len({name.split("_")[0] for name in used}) >= 5, used
    for name, where in used.items():
        path = ROOT / "assets" / "cg" / name
        assert path.is_file(), f"{where}: {name} missing"
        assert pygame.image.load(str(path)).get_size() == (1280, 720), name
        assert path.stat().st_size < 400_000, name


@pytest.mark.slow  # builds two of the pictures again: about 1 s
def test_regenerating_the_cgs_writes_the_same_bytes(tmp_path: Path) -> None:
    """One night and one day picture (each of the two painters) drawn again, byte for byte;
    `python assets/src/make_art.py` rewrites all of them the same way."""
    wanted = [("confession", "tears"), ("kiss", "hands")]
    code = ("import sys; sys.path.insert(0, 'assets/src'); import pygame; pygame.init(); "
            "import cgs; from cg_kit import finish; from draw import save_png\n"
            f"for name, v in {wanted!r}:\n"
            "    save_png(finish(cgs.CGS[name][0](v)), "
            f"{str(tmp_path)!r} + '/' + name + '_' + v + '.png')")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    for name, v in wanted:
        made = tmp_path / f"{name}_{v}.png"
        assert made.read_bytes() == (ROOT / "assets" / "cg" / made.name).read_bytes(), name
