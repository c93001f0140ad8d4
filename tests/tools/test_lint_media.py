"""Lint of Ren'Py's picture and sound statements (issue 17, media): colours, image ATL
blocks, Ren'Py's images and audio folders, audio names, a game's own channels, show text
and camera."""

from __future__ import annotations

import shutil
from pathlib import Path

from engine.lint import lint
from tests.tools.helpers import make_game


def messages(game: Path) -> list[str]:
    return [f"{p.loc.line}: {p.severity}: {p.message}" for p in lint(game)]


def test_colours_atl_images_and_the_images_folder(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        image night = Solid("#102030")
        image eileen wave:
            "assets/characters/eileen/happy.png"
            pause 0.2
            "assets/characters/eileen/sad.png"
            repeat
        image ghost sad:
            "ghost.png"
            pause 1
            "ghost faded.png"
            "ghost.png"
        image place = "park 01"
        image ctc = Text("➤", color="#eeeeee")
        label start:
            scene night
            show night
            show eileen wave onlayer master
            show eileen -wave
            scene park 01
            show ghost sad
            scene place
            show black
            show ctc
            return
    ''')
    (game / "images" / "places").mkdir(parents=True)
    shutil.copy(game / "assets" / "backgrounds" / "room.png",
                game / "images" / "places" / "Park 01.png")
    # a later frame where it is written; the first where the image is shown, as before
    assert messages(game) == ["11: error: picture 'ghost faded.png' not found (looked for "
                              "assets/ghost faded.png)",
                              "21: error: image 'ghost sad' not found (looked for "
                              "assets/ghost.png)"]


def test_audio_names_and_channels(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define audio.calm = "theme.ogg"
        label start:
            play music calm
            play sound [calm, click]
            queue music theme fadein 1.0
            play env "click.ogg"
            stop env fadeout 1.0
            play music nothing_here
            voice "/audio/click.ogg"
            voice "voices/l1.ogg"
            return
    ''')
    assert messages(game) == [
        "7: error: unknown channel 'env'",
        "8: error: unknown channel 'env'",
        "9: error: audio file 'nothing_here' not found in assets/audio",
        "11: error: audio file 'voices/l1.ogg' not found in assets/voices",
    ]


def test_show_text_and_camera_are_checked(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            show text "{size=40}Ten years [later]{/size}" at truecenter with dissolve
            show text "{b}open" with nothing
            camera at nowhere
            camera:
                zoom 1.1
            hide text
            return
    ''')
    assert messages(game) == [
        "3: error: '[later]' interpolates a variable that is not defined",
        "4: error: unknown transition 'nothing'",
        "5: error: unknown transform or position 'nowhere'",
    ]


def test_layered_images_attributes_and_layer_files(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        layeredimage ann:
            always "ann_base"
            group face:
                attribute calm default
                attribute cross
        label start:
            show ann
            show ann cross
            show ann grumpy
            return
    ''')
    (game / "images" / "ann").mkdir(parents=True)
    for name in ("ann_base", "ann_face_calm"):
        shutil.copy(game / "assets" / "backgrounds" / "room.png",
                    game / "images" / "ann" / f"{name}.png")
    assert messages(game) == [
        "9: error: image 'ann cross': layer 'ann_face_cross' not found (looked for "
        "images/ann_face_cross.png)",
        "10: error: layered image 'ann' has no attribute 'grumpy'",
    ]


def test_strict_notes_what_is_not_drawn_as_renpy_draws_it(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        image wave:
            "assets/characters/eileen/happy.png"
            pause 0.5
            "assets/characters/eileen/sad.png" with wipeleft
            "assets/characters/eileen/happy.png" with Dissolve(0.2)
        label start:
            camera at truecenter
            camera:
                zoom 1.1
            show wave onlayer master
            show wave onlayer overlay at left
            show wave onlayer foreground
            camera foreground at left
            return
    ''')
    notes = [f"{p.loc.line}: {p.message}" for p in lint(game, strict=True)
             if p.severity == "warning" and ("layers" in p.message
                                             or "dissolve" in p.message)]
    # every frame of an ATL image is played, camera and Ren'Py's own layers are drawn:
    # only a transition other than a dissolve between two frames, and a layer Ren'Py
    # does not have, are noted
    assert sorted(notes, key=lambda n: int(n.split(":")[0])) == [
        "5: a picture's 'with' in ATL is played as a dissolve, not as its crop transition",
        "13: layer 'foreground' is not one of Ren'Py's layers (master, transient, screens, "
        "overlay): it is drawn just above master",
    ]


def test_composite_children_are_files_inside_the_game_or_images(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        image face = "characters/eileen/happy.png"
        image duo = Composite((800, 600), (0, 0), "backgrounds/room.png", (10, 20), "face",
            (400, 0), "characters/nobody.png", (0, 0), "../../secret.png", (0, 0), "nemo")
        label start:
            show duo
            scene duo
            return
    ''')
    (tmp_path / "secret.png").write_bytes(b"x")
    found = messages(game)
    assert found[0] == ("3: error: image 'duo': picture 'characters/nobody.png' not found "
                        "(looked for assets/characters/nobody.png)")
    assert found[1].startswith("3: error: image 'duo': picture '../../secret.png' ")
    assert "outside" in found[1]
    assert found[2:] == ["3: error: image 'duo': picture 'nemo' not found (looked for "
                         "images/nemo.png)"]


def test_atl_frames_and_snow_pictures_are_checked_where_written(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        image snow = SnowBlossom("flake.png", count=5)
        image candy = SnowBlossom("assets/characters/eileen/happy.png")
        transform flick:
            "assets/characters/eileen/happy.png"
            pause 0.5
            "nowhere.png"
        label start:
            show white_flash with Dissolve(.2):
                Solid("#FFFFFF")
            show eileen happy:
                "gone/sad.png" with dissolve
            show snow
            show candy
            return
    ''')
    assert messages(game) == [
        "2: error: image 'snow': picture 'flake.png' not found (looked for assets/flake.png)",
        "7: error: picture 'nowhere.png' not found (looked for assets/nowhere.png)",
        "12: error: picture 'gone/sad.png' not found (looked for assets/gone/sad.png)",
    ]


def test_conditional_pictures_each_branch_and_the_names_it_reads(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default mood = "calm"
        layeredimage ann:
            always "ann_base"
            if mood == "sad":
                "ann_sad_eyes"
            elif moood == "cross":
                "ann_cross_eyes"
            else:
                "ann_eyes"
        image sign big = ConditionSwitch(
            "door_open", "sign_open.png",
            "persistent.seen", "ann_base",
            "True", "sign_closed.png")
        define door_open = False
        label start:
            show ann
            show sign big
            "Hello."
            return
    ''')
    (game / "images" / "ann").mkdir(parents=True)
    for name in ("ann_base", "ann_eyes"):
        shutil.copy(game / "assets" / "backgrounds" / "room.png",
                    game / "images" / "ann" / f"{name}.png")
    shutil.copy(game / "assets" / "backgrounds" / "room.png", game / "assets" / "sign_closed.png")
    assert messages(game) == [
        "5: error: image 'ann': picture 'ann_sad_eyes' not found (looked for "
        "images/ann_sad_eyes.png)",
        "7: error: image 'ann': picture 'ann_cross_eyes' not found (looked for "
        "images/ann_cross_eyes.png)",
        "7: error: 'moood' is not defined",
        "11: error: image 'sign big': picture 'sign_open.png' not found (looked for "
        "assets/sign_open.png)",
    ]


def test_a_condition_switch_background_is_checked_by_its_pictures(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        default time_of_day = "day"
        image bg street = ConditionSwitch(
            "time_of_day == 'night'", "street_night.png",
            "True", "street_day.png")
        label start:
            scene bg street
            "Day."
            $ time_of_day = "night"
            show bg street
            "Night."
            return
    ''')
    shutil.copy(game / "assets" / "backgrounds" / "room.png", game / "assets" / "street_day.png")
    # the missing branch is named where it is written; `scene bg street` is not missing
    assert messages(game) == [
        "3: error: image 'bg street': picture 'street_night.png' not found (looked for "
        "assets/street_night.png)",
    ]
