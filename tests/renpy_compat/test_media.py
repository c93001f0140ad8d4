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
        "Ann: I carry the lantern and the rope; this line goes on over two lines, as "
        "Ren'Py lets it.",
        "Ann: Cross, for this line only. Ann has 7 points and 12.50 coins.",
        "Ann: Calm again. and italic to the end",
        "Ann: No glasses now.",
        "Élodie: Un café NOIR, s'il vous plaît.",
        "That was the media tour.",
    ]


def test_strict_lint_notes_only_what_is_read_and_not_drawn() -> None:
    found = [f"{p.loc.line}: {p.message}" for p in lint(GAME, strict=True)
             if p.loc.file.endswith("media.rpy")]
    assert found == [
        "46: 'camera' is read but not drawn: the engine draws one layer, without camera "
        "transforms",
        "51: 'onlayer' is read but not used: every image is drawn on one layer",
    ]


def test_the_tour_draws_in_the_real_loop_and_a_temporary_face_comes_back(
        tmp_path: Path) -> None:
    from tests.player.helpers import play

    shot = tmp_path / "cross.png"
    r = play(tmp_path, "expect-text I carry\nadvance\nexpect-text Cross\n"
             f"shot {shot}\nadvance\nexpect-text Calm again\nadvance-to ending\n", game=GAME,
             warp="media_tour")
    assert r.returncode == 0, r.stderr
    assert shot.is_file()


def test_the_waving_image_and_the_petals_move_between_two_frames(tmp_path: Path) -> None:
    import pygame

    from tests.player.helpers import play

    shots = [tmp_path / f"{n}.png" for n in ("wave0", "wave1", "petals0", "petals1")]
    r = play(tmp_path, f"expect-text I carry\nshot {shots[0]}\nwait 0.35\nshot {shots[1]}\n"
             "advance\nexpect-text Cross\nadvance\nexpect-text Calm again\n"
             f"wait 2.0\nshot {shots[2]}\nwait 0.5\nshot {shots[3]}\nadvance-to ending\n",
             game=GAME, warp="media_tour")
    assert r.returncode == 0, r.stderr
    pics = [pygame.image.load(str(p)) for p in shots]

    def eileen(pic: pygame.Surface) -> bytes:  # 6x9 pixels at the bottom left
        return pygame.image.tobytes(pic.subsurface(0, 711, 6, 9), "RGB")

    assert eileen(pics[0]) != eileen(pics[1])  # eileen_happy, then eileen_vhappy
    petal = (250, 200, 220)
    spots = [{(x, y) for x in range(0, 1280, 2) for y in range(0, 500, 2)
              if p.get_at((x, y))[:3] == petal} for p in pics[2:]]
    assert spots[0] and spots[1] and spots[0] != spots[1]  # falling petals
