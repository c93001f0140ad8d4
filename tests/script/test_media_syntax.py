"""Ren'Py's picture and sound statements as Ren'Py writers write them (issue 17, media):
image names with digits, '-' and non-ASCII letters, -attribute, onlayer, camera, voice,
image ATL blocks, Solid/Transform images, show text, audio names and channels, strings
over several lines."""

from __future__ import annotations

import json

import pytest

from engine.script import Audio, Say, ScriptError, StageChange, Story
from engine.script.audio_names import engine_channel, registered_channels
from engine.script.parser import parse_file
from engine.stage import composite_of
from tests.script.helpers import program, story


def _until(s: Story, kind: type) -> object:
    for _ in range(100):
        event = s.next()
        if isinstance(event, kind):
            return event
    raise AssertionError(f"no {kind.__name__}")


def test_a_string_may_span_lines_as_in_renpy() -> None:
    s = story('label start:\n    "Hello\n       there,   world."\n    "Next."\n')
    assert _until(s, Say).text == "Hello there, world."
    assert _until(s, Say).text == "Next."


def test_a_string_never_closed_names_its_line() -> None:
    with pytest.raises(ScriptError) as info:
        parse_file('label start:\n    "a"\n    "hello\n    pause\n', "t.rpy")
    assert info.value.loc.line == 3 and info.value.message == "this string is never closed"


def test_image_names_with_digits_and_dashes() -> None:
    s = story('label start:\n    scene busan 01 with fade\n    scene bg-1\n'
              '    scene near campus 02\n    "x"\n')
    assert _until(s, StageChange).stage["scene"] == ["busan", "01"]
    assert s.next().stage["scene"] == ["bg-1"]
    assert s.next().stage["scene"] == ["near", "campus", "02"]


def test_minus_attribute_takes_one_attribute_away() -> None:
    s = story('label start:\n    show eileen happy smile\n    show eileen -smile\n'
              '    show eileen -happy sad\n    "x"\n')
    s.next()
    assert s.next().stage["sprites"][0]["attrs"] == ["happy"]
    assert s.next().stage["sprites"][0]["attrs"] == ["sad"]


def test_non_ascii_names_and_image_words() -> None:
    s = story('define é = Character("Élodie")\ndefault café = 2\nlabel start:\n'
              '    show élodie souriante\n    é "J\'ai [café] cafés."\n')
    assert s.next().stage["sprites"][0]["tag"] == "élodie"
    said = _until(s, Say)
    assert (said.who, said.text) == ("Élodie", "J'ai 2 cafés.")


def test_onlayer_keeps_the_layer_on_the_sprite() -> None:
    s = story('label start:\n    show oph nervous onlayer foreground at left\n'
              '    hide oph onlayer foreground\n    hide x at right\n    "x"\n')
    shown = s.next().stage["sprites"][0]
    assert (shown["tag"], shown["layer"]) == ("oph", "foreground")
    assert s.next().stage["sprites"] == []


def test_camera_keeps_each_layers_motion_on_the_stage() -> None:
    s = story('transform shake:\n    xoffset 2\nlabel start:\n    camera at shake\n'
              '    camera foreground at shake\n    camera:\n        zoom 1.1\n    "After."\n')
    assert s.next().stage["camera"]["master"]["transforms"][0]["name"] == "shake"
    assert set(s.next().stage["camera"]) == {"master", "foreground"}
    camera = s.next().stage["camera"]
    assert camera["master"]["transforms"] == [] and camera["master"]["atl"]
    assert isinstance(s.next(), Say)


def test_voice_plays_the_line_on_the_sound_channel() -> None:
    s = story('label start:\n    voice "/audio/1.ogg"\n    "Line."\n    voice sustain\n'
              '    "More."\n')
    audio = s.next()
    assert isinstance(audio, Audio)
    assert (audio.action, audio.channel, audio.files) == ("play", "sound", ("/audio/1.ogg",))
    assert s.next().text == "Line."
    assert s.next().text == "More."


def test_an_image_atl_block_is_its_first_picture() -> None:
    s = Story(program('image posty talk:\n    "talk/open.png"\n    xalign -0.05\n'
                      '    pause 0.2\n    "talk/close.png"\n    pause 0.2\n    repeat\n'
                      'image bg hall:\n    block:\n        "hall.png"\n        pause 1\n'
                      'label start:\n    "x"\n'))
    assert s.images == {"posty talk": "talk/open.png", "bg hall": "hall.png"}


def test_an_image_atl_block_with_code_keeps_the_named_error() -> None:
    with pytest.raises(ScriptError) as info:
        parse_file('image a:\n    "a.png"\n    function f\n', "t.rpy")
    assert info.value.loc.line == 3
    assert info.value.message.startswith("'function' statements in ATL are not supported")
    with pytest.raises(ScriptError) as info:
        parse_file('image a:\n    xalign 0.5\n', "t.rpy")
    assert info.value.message == "this image's block names no picture"


def test_solid_and_transform_images() -> None:
    s = Story(program('image black2 = Solid("#102030")\n'
                      'image uni small = Transform("uni.png", zoom=0.5)\n'
                      'label start:\n    "x"\n'))
    assert s.images == {"black2": "#102030", "uni small": "uni.png"}
    with pytest.raises(ScriptError) as info:
        parse_file('image a = Solid("red-ish")\n', "t.rpy")
    assert info.value.message == 'Solid() takes a colour like "#1a2b3c", not \'red-ish\''


def test_show_text_is_a_sprite_that_survives_save_and_load() -> None:
    s = story('default who = "Ren"\nlabel start:\n'
              '    show text "{size=50}It\'s [who].{/size}" with dissolve\n'
              '    "Line."\n    hide text\n    "End."\n')
    change = s.next()
    assert isinstance(change, StageChange) and change.transition is not None
    sprite = change.stage["sprites"][0]
    assert (sprite["tag"], sprite["text"]) == ("text", "{size=50}It's Ren.{/size}")
    assert s.next().text == "Line."
    snap = json.loads(json.dumps(s.snapshot()))
    fresh = story('default who = "Ren"\nlabel start:\n'
                  '    show text "{size=50}It\'s [who].{/size}" with dissolve\n'
                  '    "Line."\n    hide text\n    "End."\n')
    fresh.restore(snap)
    assert fresh.stage["sprites"][0]["text"] == "{size=50}It's Ren.{/size}"
    assert fresh.next().text == "Line."  # the line on screen when saved, shown again
    assert fresh.next().stage["sprites"] == []


def test_a_damaged_text_sprite_is_refused_on_load() -> None:
    s = story('label start:\n    show text "Hi"\n    "x"\n')
    s.next()
    s.next()
    snap = json.loads(json.dumps(s.snapshot()))
    snap["stage"]["sprites"][0]["text"] = 5
    with pytest.raises(ValueError):
        story('label start:\n    show text "Hi"\n    "x"\n').restore(snap)


def test_audio_names_defines_lists_and_stems() -> None:
    s = story('define audio.rain = "sfx/rain.ogg"\ndefault track = "t.ogg"\nlabel start:\n'
              '    play music rain fadein 1.0\n    play sound [rain, "b.ogg"]\n'
              '    play music track\n    queue music calm\n    "x"\n')
    assert s.next().files == ("sfx/rain.ogg",)
    assert s.next().files == ("sfx/rain.ogg", "b.ogg")
    assert s.next().files == ("t.ogg",)
    queued = s.next()
    assert queued.files == ("calm",) and s.stage["music"]["files"] == ["t.ogg", "calm"]


def test_a_registered_channel_loops_on_the_ambient_channel() -> None:
    from engine.script import compile_texts

    p = compile_texts([("t.rpy", 'label start:\n'
                                 '    $ renpy.music.register_channel("env", "sfx", loop=True)\n'
                                 '    $ renpy.music.register_channel("blip", mixer="sfx")\n'
                                 '    "x"\n')])
    assert registered_channels(p) == {"env": True, "blip": False}
    assert engine_channel(p, "env") == "ambient"
    assert engine_channel(p, "blip") == "sound"
    assert engine_channel(p, "music") == "music"


def test_an_unregistered_channel_plays_once_on_the_sound_channel() -> None:
    s = story('label start:\n    play env "a.ogg"\n    stop env\n    "x"\n')
    played = s.next()
    assert (played.channel, played.loop) == ("sound", False)
    assert s.next().channel == "sound"


def test_interpolation_with_indexes_keys_conversions_and_formats() -> None:
    s = story('default bag = ["rope", "lamp"]\ndefault hero = {"name": "ana", "hp": 3}\n'
              'default money = 3.14159\nlabel start:\n'
              '    "[bag[0]] [bag[-1]] [hero.name!c] [hero[\'hp\']] [money:.2f] [hero.name!u]"\n'
              '    "[[literal] [money:>6.1f]"\n')
    assert _until(s, Say).text == "rope lamp Ana 3 3.14 ANA"
    assert _until(s, Say).text == "[literal]    3.1"


@pytest.mark.parametrize(("field", "message"), [
    ("[bag[5]]", "in [interpolation]: '[bag[5]]': no item 5"),
    ("[hero.age]", "in [interpolation]: '[hero.age]': no key 'age'"),
    ("[bag.name]", "in [interpolation]: '[bag.name]': list has no attribute 'name'"),
    ("[money:>9999]", "in [interpolation]: '[money:>9999]': a width or precision over 200"),
    ("[bag + 1]", "in [interpolation]: cannot interpolate '[bag + 1]': write [name], "
                  "[name.key], [name[0]], [name!u] or [name:.2f]"),
])
def test_interpolation_errors_name_the_field(field: str, message: str) -> None:
    s = story('default bag = ["rope"]\ndefault hero = {"name": "ana"}\ndefault money = 1.0\n'
              f'label start:\n    "{field}"\n')
    with pytest.raises(ScriptError) as info:
        s.next()
    assert info.value.message == message


def test_temporary_attributes_last_for_the_line_and_survive_a_save() -> None:
    text = ('define e = Character("Eileen", image="eileen")\nlabel start:\n'
            '    show eileen happy\n    e @ angry "Grr."\n    "Then."\n'
            '    e sad @ vhappy "Ha."\n    e -sad "Plain."\n    "End."\n')
    s = story(text)
    s.next()
    assert _until(s, Say).text == "Grr."
    assert s.stage["sprites"][0]["attrs"] == ["angry"]
    snap = json.loads(json.dumps(s.snapshot()))
    assert _until(s, Say).text == "Then."
    assert s.stage["sprites"][0]["attrs"] == ["happy"]
    restored = story(text)
    restored.restore(snap)
    assert restored.next().text == "Grr."
    assert _until(restored, Say).text == "Then."
    assert restored.stage["sprites"][0]["attrs"] == ["happy"]
    assert _until(s, Say).text == "Ha." and s.stage["sprites"][0]["attrs"] == ["vhappy"]
    assert _until(s, Say).text == "Plain." and s.stage["sprites"][0]["attrs"] == []


def test_translation_markers_are_the_text_as_written() -> None:
    s = story('define e = Character("E")\nlabel start:\n    e __("Hi.")\n'
              '    _p("""One\n       paragraph.""")\n    $ x = __("y") + _p("z")\n    "[x]"\n')
    assert [_until(s, Say).text for _ in range(3)] == ["Hi.", "One paragraph.", "yz"]


@pytest.mark.parametrize(("value", "message"), [
    ('Fixed("a.png")', "Fixed() images are not supported: use a layeredimage, or one PNG"),
    ('Composite("a.png", (0, 0), "b.png")',
     "Composite() takes its size first, two whole numbers: (width, height)"),
    ('Composite((w, 10), (0, 0), "a.png")',
     "Composite() takes its size first, two whole numbers: (width, height)"),
    ('Composite((0, 10), (0, 0), "a.png")',
     "Composite() size (0, 10) must be between 1 and 8192 a side"),
    ("Composite((10, 10))",
     "Composite() takes pairs of an offset (x, y) and a picture after its size"),
    ('Composite((10, 10), (0, 0), "a.png", (1, 1))',
     "Composite() takes pairs of an offset (x, y) and a picture after its size"),
    ('Composite((10, 10), (0, 0), "a.png", "b.png", (1, 1))',
     "Composite() picture 2: its offset must be two whole numbers (x, y)"),
    ('Composite((10, 10), (0, 0), x)',
     "Composite() picture 1: a file or image name in quotes"),
    ('Composite((10, 10), (0, 0), "a.png", xalign=0.5)',
     "Composite() takes no keyword arguments here"),
])
def test_image_calls_that_stay_unsupported_are_named(value: str, message: str) -> None:
    with pytest.raises(ScriptError) as info:
        parse_file(f"\nimage a = {value}\n", "t.rpy")
    assert info.value.message == message and info.value.loc.line == 2


def test_a_composite_is_its_size_and_pictures_at_offsets() -> None:
    text = ('image face = "face.png"\n'
            'image eileen big = LiveComposite((300, 400), (0, 0), "body.png",\n'
            '    (-20, +40), "face")\nlabel start:\n    show eileen big\n    "x"\n')
    s = story(text)
    assert composite_of(s.images, "eileen big") == ((300, 400), [(0, 0, "body.png"),
                                                                  (-20, 40, "face")])
    assert composite_of(s.images, "face") is None
    # the stage holds the image's name: a save brings the same picture back
    assert _until(s, Say).text == "x"
    restored = story(text)
    restored.restore(json.loads(json.dumps(s.snapshot())))
    sprite = restored.stage["sprites"][0]
    assert (sprite["tag"], sprite["attrs"]) == ("eileen", ["big"])
    assert composite_of(restored.images, "eileen big") == composite_of(s.images, "eileen big")


def test_an_image_may_name_another_image() -> None:
    s = Story(program('image eileen happy = "eileen_happy.png"\n'
                      'image eileen talk:\n    "eileen happy"\n    pause 0.2\n'
                      'image grin = "eileen talk"\nlabel start:\n    "x"\n'))
    assert s.images["eileen talk"] == s.images["grin"] == "eileen_happy.png"


def test_a_text_image_is_its_text() -> None:
    s = Story(program('image ctc = Text(" ➤", color="#eeeeee", outlines=[(1, "#222", 0, 0)])\n'
                      'label start:\n    show ctc\n    "x"\n'))
    assert s.images["ctc"] == "{text} ➤"


def test_an_atl_image_brings_its_frames_and_motion_and_a_shows_block_runs_beside() -> None:
    s = story('image posty talk:\n    "talk/open.png"\n    xalign -0.05\n    pause 0.2\n'
              '    "talk/close.png"\n    repeat\n'
              'label start:\n    show posty talk at left\n    "x"\n'
              '    show posty talk:\n        xalign 0.9\n    "y"\n')
    sprite = s.next().stage["sprites"][0]
    assert [t["name"] for t in sprite["transforms"]] == ["left"]
    assert [step["op"] for step in sprite["atl"]] == ["child", "set", "pause", "child",
                                                      "repeat"]
    assert [step.get("of") for step in sprite["atl"] if step["op"] == "child"] == \
        ["posty talk", "posty talk"]
    s.next()
    own = s.next().stage["sprites"][0]["atl"]
    assert [step["op"] for step in own] == ["parallel"]
    image, block = own[0]["blocks"]
    assert [step["op"] for step in image][0] == "child"
    assert [step["op"] for step in block] == ["set"]


def test_show_text_without_a_place_is_centred_as_renpys_centered_text() -> None:
    from engine.script import compile_texts

    p = compile_texts([("t.rpy", 'label start:\n    show text "Later."\n'
                                 '    show text "Here." at left\n    "x"\n')])
    first, second = (s for s in p.statements if s.kind == "show_text")
    assert [t["name"] for t in first.args["transforms"]] == ["truecenter"]
    assert [t["name"] for t in second.args["transforms"]] == ["left"]
