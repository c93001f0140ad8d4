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
    # camera, onlayer overlay, {image=} and every frame of 'eileen wave' are drawn, and
    # its frames' 'with' is a dissolve: no note for any of them
    assert found == [
    ]


def test_the_tour_draws_in_the_real_loop_and_a_temporary_face_comes_back(
        tmp_path: Path) -> None:
    from tests.player.helpers import play

    shot, hearts = tmp_path / "cross.png", tmp_path / "hearts.png"
    calm, bare = tmp_path / "calm.png", tmp_path / "bare.png"
    r = play(tmp_path, f"expect-text this campus\nshot {hearts}\nadvance\n"
             "expect-text I carry\nadvance\nexpect-text Cross\n"
             f"shot {shot}\nadvance\nexpect-text Calm again\nshot {calm}\nadvance\n"
             f"expect-text No glasses\nshot {bare}\nadvance-to ending\n", game=GAME,
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
    _the_variables_chose_the_scarf_and_the_token(
        [pygame.image.load(str(p)) for p in (shot, calm, bare)])


def _the_variables_chose_the_scarf_and_the_token(frames: list) -> None:
    """Ann's `if ann_scarf == …` draws no scarf, then red, then green, each at the line
    after the `$`; the ConditionSwitch token is a petal, then the heart (coins > 20)."""
    import pygame

    def scarf(pic: pygame.Surface) -> tuple:  # Ann: 6x9 pixels at the bottom right
        return tuple(pic.get_at((1276, 716)))[:3]

    assert [scarf(f) for f in frames] == [(150, 120, 200), (200, 50, 50), (50, 160, 70)]
    heart = [any(f.get_at((x, y))[:3] == (230, 40, 90) for x in range(600, 680)
                 for y in range(40, 120)) for f in frames]
    assert heart == [False, True, True]


def test_the_waving_image_and_the_petals_move_between_two_frames(tmp_path: Path) -> None:
    import pygame

    from tests.player.helpers import play

    shots = [tmp_path / f"{n}.png" for n in ("wave0", "wave1", "petals0", "petals1")]
    r = play(tmp_path, "expect-text this campus\nadvance\nexpect-text I carry\n"
             f"shot {shots[0]}\nwait 0.35\nshot {shots[1]}\n"
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


def test_the_tour_chooses_its_pictures_at_each_line() -> None:
    from engine.layered import layer_files
    from engine.script import Say, Story, load_game

    story = Story(load_game(GAME))
    story.start("media_tour")
    seen = []
    while not story.ended:
        if isinstance(story.next(), Say):
            sprites = {s["tag"]: s for s in story.stage["sprites"]}
            seen.append([layer_files(t, story.layered[t], sprites[t]["attrs"],
                                     sprites[t]["conds"]) if t in sprites else None
                         for t in ("ann", "token")])
    glasses = ["ann_base", "ann_face_calm", "ann_glasses"]
    assert seen[:6] == [
        [glasses, ["petal.png"]], [glasses, ["petal.png"]],
        [["ann_base", "ann_face_cross"], ["petal.png"]],  # glasses are if_not ["cross"]
        # after `$ ann_scarf = "red"` and `$ media_coins += 10`: the scarf drawn where the
        # if is written, under the face; the heart
        [["ann_base", "ann_scarf_red", "ann_face_calm", "ann_glasses"], ["heart"]],
        [["ann_base", "ann_scarf_green", "ann_face_calm"], ["heart"]],
        [None, None]]  # a new scene
