"""The media part of the Ren'Py-syntax game (game/scenes/media.rpy, issue 17): pictures,
sounds and text as Ren'Py writers write them, played by play-text and the real loop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.lint import lint
from tests.conftest import ROOT

GAME = Path(__file__).resolve().parent / "game"


def test_play_text_plays_the_media_tour() -> None:
    done = subprocess.run([sys.executable, "-m", "engine", "play-text", "--game", str(GAME),
                           "--warp", "media_tour"], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Ann: I  this campus, and  the meadow too.",  # the pictures are not read out
        "Ann: I carry the lantern and the rope; this line goes on over two lines, as "
        "Ren'Py lets it.",
        "Ann: Cross, for this line only. Ann has 7 points and 12.50 coins.",
        "Ann: Calm again. and italic to the end",
        "Ann: No glasses now.",
        "Élodie: Un café NOIR, s'il vous plaît.",
        "That was the media tour.",
    ]


def test_strict_lint_notes_only_what_is_not_drawn_as_renpy_draws_it() -> None:
    found = [f"{p.loc.line}: {p.message}" for p in lint(GAME, strict=True)
             if p.loc.file.endswith("media.rpy")]
    assert found == [  # camera, onlayer overlay and {image=} are drawn: no note for them
        "14: image 'eileen wave': only the first picture of its ATL block is shown (its "
        "motion plays, its later frames do not)",
    ]


def test_the_tour_draws_in_the_real_loop_and_a_temporary_face_comes_back(
        tmp_path: Path) -> None:
    from tests.player.helpers import play

    shot, hearts = tmp_path / "cross.png", tmp_path / "hearts.png"
    r = play(tmp_path, f"expect-text this campus\nshot {hearts}\nadvance\n"
             "expect-text I carry\nadvance\nexpect-text Cross\n"
             f"shot {shot}\nadvance\nexpect-text Calm again\nadvance-to ending\n", game=GAME,
             warp="media_tour")
    assert r.returncode == 0, r.stderr
    assert shot.is_file()
    # the two inline hearts are drawn in the box, on the line's first row of text
    import pygame

    frame = pygame.image.load(str(hearts))
    red = [(x, y) for y in range(540, 640) for x in range(60, 900)
           if frame.get_at((x, y))[:3] == (230, 40, 90)]
    assert red and {x // 100 for x, _ in red} != {red[0][0] // 100}  # two apart
    assert max(y for _, y in red) - min(y for _, y in red) < 30  # on one line
