"""The character sprites: every pose shares the default pose's canvas, every image the
generator makes is on disk, and drawing is deterministic (byte-identical)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHARS = ROOT / "assets" / "characters"
SRC = ROOT / "assets" / "src"

# the expressions the story used before the poses came; they must never go away
DEFAULT_EXPRESSIONS = {
    "sakura": "neutral sad crying smile smile_tears surprised angry determined",
    "sasuke": "cold smirk soft angry surprised sad",
    "naruto": "neutral sad crying smile surprised pained",
    "hinata": "neutral shy blush smile surprised sad resolute",
}


@pytest.fixture(scope="module")
def characters():
    sys.path.insert(0, str(SRC))
    try:
        import characters as mod
    finally:
        sys.path.remove(str(SRC))
    return mod


@pytest.mark.parametrize("name", sorted(DEFAULT_EXPRESSIONS))
def test_every_pose_has_the_default_canvas(name: str) -> None:
    for expr in DEFAULT_EXPRESSIONS[name].split():
        assert (CHARS / name / f"{expr}.png").is_file(), (name, expr)
    size = pygame.image.load(CHARS / name / "neutral.png"
                             if name != "sasuke" else CHARS / name / "cold.png").get_size()
    assert size == (560, 640)
    files = sorted((CHARS / name).glob("*.png"))
    assert len(files) > len(DEFAULT_EXPRESSIONS[name].split())  # at least one more pose
    for f in files:
        assert pygame.image.load(f).get_size() == size, f.name


def test_every_generated_image_is_on_disk(characters) -> None:
    for name, pose, expr, *_ in characters.images():
        assert (CHARS / name / f"{characters.file_stem(pose, expr)}.png").is_file()
    # two poses with hands at least, for each character
    for name in DEFAULT_EXPRESSIONS:
        assert characters.POSES[name], name


def test_drawing_is_deterministic(characters) -> None:
    def digest() -> str:
        surf = characters.build_one("sakura", "fists", "crying")
        return hashlib.sha256(pygame.image.tobytes(surf, "RGBA")).hexdigest()

    assert digest() == digest()
    # and the file on disk is what the generator draws today
    on_disk = pygame.image.load(CHARS / "sakura" / "fists_crying.png")
    drawn = characters.build_one("sakura", "fists", "crying")
    assert pygame.image.tobytes(on_disk, "RGBA") == pygame.image.tobytes(drawn, "RGBA")
