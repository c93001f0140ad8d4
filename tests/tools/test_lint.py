"""`python -m engine lint`: each check on a small purpose-built game."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from engine.lint import lint
from tests.conftest import DEMO, ROOT
from tests.tools.helpers import make_game


def messages(game: Path) -> list[str]:
    return [f"{p.loc.line}: {p.severity}: {p.message}" for p in lint(game)]


def test_demo_game_is_clean() -> None:
    assert lint(DEMO) == []


def test_unknown_and_duplicate_labels(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            jump parc
        label park:
            call nowhere
            return
        label park:
            return
    ''')
    found = lint(game)
    assert [f"{p.loc.line}: {p.message}" for p in found] == [
        "3: no label named 'parc'",
        "4: label 'park' is never reached from 'start'",
        "5: no label named 'nowhere'",
        "7: label 'park' is defined twice (first at scenes/main.scene:4)",
    ]
    assert found[0].hint == "did you mean 'park'?"


def test_undefined_variables_speakers_and_tags(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define e = Character("Eileen")
        default score = 0
        label start:
            $ total = score + bonus
            if scroe > 1:
                pass
            ee "Hello"
            e "[nme] {b}unclosed"
            e "{shake}no{/shake}"
            "[total] [persistent.runs] fine"
            return
    ''')
    assert messages(game) == [
        "5: error: 'bonus' is not defined",
        "6: error: 'scroe' is not defined",
        "8: error: 'ee' is not a defined character",
        "9: error: '[nme]' interpolates a variable that is not defined",
        "10: error: unknown text tag '{shake}'",
    ]


def test_missing_images_audio_and_positions(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define e = Character("Eileen", image="eileen")
        label start:
            scene bg room
            scene bg nowhere
            show eileen happy at left
            show eileen angry
            e sad "fine"
            e furious "no such face"
            show lucy at nowhere
            play music "theme.ogg"
            play sound "missing.ogg"
            scene black
            return
    ''')
    assert messages(game) == [
        "5: error: background 'bg nowhere' not found (looked for "
        "assets/backgrounds/nowhere.tmx, assets/backgrounds/nowhere.png, "
        "assets/backgrounds/nowhere.jpg)",
        "7: error: image 'eileen angry' not found (looked for "
        "assets/characters/eileen/angry.png)",
        "9: error: image 'eileen furious' not found (looked for "
        "assets/characters/eileen/furious.png)",
        "10: error: unknown transform or position 'nowhere'",
        "12: error: audio file 'missing.ogg' not found in assets/audio",
    ]


def test_map_layer_attributes_are_checked(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            scene bg map cloud
            scene bg map clowd
            show sprite at gate
            return
    ''')
    (game / "assets" / "characters" / "sprite.png").write_bytes(
        (DEMO / "assets" / "characters" / "lucy.png").read_bytes())
    (game / "assets" / "backgrounds" / "map.tmx").write_text(textwrap.dedent('''\
        <?xml version="1.0" encoding="UTF-8"?>
        <map version="1.10" orientation="orthogonal" renderorder="right-down" width="1"
             height="1" tilewidth="16" tileheight="16" infinite="0">
         <group id="1" name="cloud" visible="0"/>
         <objectgroup id="2" name="stage"><object id="1" name="gate" x="5" y="16"><point/>
         </object></objectgroup>
        </map>
    '''), "utf-8")
    found = lint(game)
    assert [p.message for p in found] == ["map map.tmx has no layer or group named 'clowd'"]
    assert found[0].hint == "did you mean 'cloud'?"


def test_unreachable_labels_warn_and_missing_start_errors(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            "hi"
            return
        label orphan:
            "never"
            return
    ''')
    assert messages(game) == ["5: warning: label 'orphan' is never reached from 'start'"]
    game2 = make_game(tmp_path / "b", 'label begin:\n    return\n')
    assert [p.message for p in lint(game2)] == [
        "there is no 'start' label: the game begins there"]


def test_parse_errors_in_several_files_are_all_reported(tmp_path: Path) -> None:
    game = make_game(tmp_path, 'label start:\n    $ print(1)\n')
    (game / "scenes" / "other.scene").write_text('label x:\n    "unclosed\n', "utf-8")
    found = lint(game)
    assert [(p.loc.file, p.loc.line) for p in found] == [
        ("scenes/main.scene", 2), ("scenes/other.scene", 2)]


def test_command_output_and_exit_status(tmp_path: Path) -> None:
    game = make_game(tmp_path, 'label start:\n    jump nowhere\n')
    bad = subprocess.run([sys.executable, "-m", "engine", "lint", "--game", str(game)],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[:3] == [
        "scenes/main.scene:2:5: error: no label named 'nowhere'",
        "        jump nowhere",
        "        ^",
    ]
    good = subprocess.run([sys.executable, "-m", "engine", "lint", "--game", str(DEMO)],
                          capture_output=True, text=True, cwd=ROOT)
    assert good.returncode == 0 and good.stdout == ""


def test_speaker_colours_must_read_against_the_box(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        define a = Character("A", color="#f3a0c0")
        define b = Character("B", color="#402040")
        define c = Character("C", color="pinkish")
        label start:
            a "fine"
            b "too dark"
            c "not a colour"
            return
    ''')
    assert messages(game) == [
        "3: error: color #402040 has contrast 1.5:1 against the dialogue box; text needs "
        "4.5:1",
        "4: error: color='pinkish' is not a colour like \"#f3a0c0\"",
    ]


def _wav(path: Path, samples: list[int], rate: int = 44100) -> None:
    """A mono 16-bit WAV file (the mixer decodes it whatever its name ends with)."""
    import wave
    from array import array

    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(array("h", samples).tobytes())


def test_played_sound_files_exist_decode_and_loop_without_a_click(tmp_path: Path) -> None:
    import math

    game = make_game(tmp_path, '''
        define config.main_menu_music = "music/clicks.ogg"
        label start:
            play music "music/gone.ogg"
            play ambient "broken.ogg"
            play ambient "clicks.ogg" fadein 1.0
            play sound "clicks.ogg"
            play music "music/smooth.ogg"
            play music "music/clicks.ogg" noloop
            queue ambient ["smooth.ogg", "clicks.ogg"]
            return
    ''')
    audio = game / "assets" / "audio"
    (audio / "broken.ogg").write_bytes(b"OggS" + bytes(200))
    # A whole number of periods: the end meets the start. A quarter period more: it ends
    # at the top of the wave and jumps back to nothing.
    smooth = [round(8000 * math.sin(2 * math.pi * i / 100)) for i in range(44100)]
    ramp = [round(8000 * math.sin(2 * math.pi * i / 100)) for i in range(44126)]
    for folder in (audio, game / "assets" / "music"):
        _wav(folder / "smooth.ogg", smooth)
        _wav(folder / "clicks.ogg", ramp)
    found = lint(game)
    assert [f"{p.loc.line}: {p.severity}: {p.message}" for p in found] == [
        "2: warning: looping 'music/clicks.ogg' clicks: its last sample jumps 0.2441 to its "
        "first, above the file's 99th-percentile sample step (0.0153)",
        "4: error: audio file 'music/gone.ogg' not found in assets/music",
        "5: error: audio file 'broken.ogg' cannot be decoded",
        "6: warning: looping 'clicks.ogg' clicks: its last sample jumps 0.2441 to its first, "
        "above the file's 99th-percentile sample step (0.0153)",
        "10: warning: looping 'clicks.ogg' clicks: its last sample jumps 0.2441 to the first "
        "of 'smooth.ogg', above the file's 99th-percentile sample step (0.0153)",
    ]
    assert found[2].hint == "the decoder says: Unrecognized audio format"
    assert found[0].hint == ("fade both ends to silence, or cut the loop where the wave "
                             "crosses zero")
    text = found[0].format()
    assert text.startswith("scenes/main.scene:2:1: warning: looping 'music/clicks.ogg'")


def test_each_sound_file_is_decoded_once(tmp_path: Path, monkeypatch) -> None:
    from engine.lint import sound

    game = make_game(tmp_path, '''
        label start:
            play ambient "loop.ogg"
            play ambient "loop.ogg" fadein 2.0
            return
    ''')
    _wav(game / "assets" / "audio" / "loop.ogg", [0, 100, 0, -100] * 1000)
    calls: list[Path] = []
    real = sound._decode
    monkeypatch.setattr(sound, "_decode", lambda path: calls.append(path) or real(path))
    assert lint(game) == [] and lint(game) == []
    assert calls == [game / "assets" / "audio" / "loop.ogg"]


def test_lint_decodes_sound_with_no_usable_audio_driver(tmp_path: Path) -> None:
    game = make_game(tmp_path, '''
        label start:
            play ambient "broken.ogg"
            return
    ''')
    (game / "assets" / "audio" / "broken.ogg").write_bytes(b"not a sound")
    proc = subprocess.run([sys.executable, "-m", "engine", "lint", "--game", str(game)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "SDL_AUDIODRIVER": "nosuchdriver"})
    assert proc.returncode == 1
    assert "3:5: error: audio file 'broken.ogg' cannot be decoded" in proc.stdout
