"""Every statement of the scene language, run through the Story runtime."""

from __future__ import annotations

import pytest

from engine.script import Audio, End, Menu, Pause, Say, ScriptError, StageChange, With
from tests.script.helpers import brief, program, story, transcript


def test_narration_and_speaker_lines() -> None:
    s = story('''
        define e = Character("Eileen", color="#c8ffc8")
        label start:
            "It was night."
            e "Hello."
            "Girl" "A speaker named by a string."
    ''')
    first = s.next()
    assert isinstance(first, Say) and first.who is None and first.text == "It was night."
    second = s.next()
    assert (second.who, second.text, second.color) == ("Eileen", "Hello.", "#c8ffc8")
    third = s.next()
    assert (third.who, third.text) == ("Girl", "A speaker named by a string.")
    assert isinstance(s.next(), End)


def test_say_with_attributes_changes_the_speakers_sprite() -> None:
    s = story('''
        define s = Character("Sakura", image="sakura")
        label start:
            show sakura neutral at left
            s sad "I see."
    ''')
    assert isinstance(s.next(), StageChange)
    say = s.next()
    assert say.tag == "sakura"
    assert brief(s.stage["sprites"]) == [{"tag": "sakura", "attrs": ["sad"], "at": "left"}]


def test_interpolation_and_tags_are_kept_for_the_screen() -> None:
    s = story('''
        default name = "Naruto"
        default score = 3
        label start:
            "{b}[name]{/b} has [score] points and [[brackets] and {{braces}."
    ''')
    assert s.next().text == "{b}Naruto{/b} has 3 points and [brackets] and {{braces}."


def test_interpolated_value_cannot_inject_a_tag() -> None:
    s = story('''
        default name = "{b}bold"
        label start:
            "[name]"
    ''')
    assert s.next().text == "{{b}bold"


def test_scene_show_hide_and_transitions() -> None:
    s = story('''
        label start:
            scene bg night_road cloud with fade
            show sakura sad at left with dissolve
            show sasuke cold at right
            show sakura crying
            hide sasuke with Dissolve(1.5)
            with Fade(0.5, 1.0, 0.25)
            scene black
            "done"
    ''')
    e = s.next()
    assert isinstance(e, StageChange) and e.kind == "scene"
    assert e.transition == {"kind": "fade", "out": 0.5, "hold": 0.0, "in": 0.5,
                            "duration": 1.0}
    assert s.stage["scene"] == ["bg", "night_road", "cloud"]
    assert s.next().transition == {"kind": "dissolve", "duration": 0.5}
    assert s.next().transition is None
    s.next()
    assert brief(s.stage["sprites"]) == [
        {"tag": "sakura", "attrs": ["crying"], "at": "left"},
        {"tag": "sasuke", "attrs": ["cold"], "at": "right"},
    ]
    hide = s.next()
    assert hide.kind == "hide" and hide.transition == {"kind": "dissolve", "duration": 1.5}
    assert [sp["tag"] for sp in s.stage["sprites"]] == ["sakura"]
    w = s.next()
    assert isinstance(w, With) and w.transition["duration"] == 1.75
    s.next()
    assert s.stage == {"scene": ["black"], "scene_at": None, "sprites": [], "music": None,
                       "ambient": None}


def test_with_none_is_a_cut() -> None:
    s = story('''
        label start:
            show a x with None
            with None
            "x"
    ''')
    assert s.next().transition is None
    assert s.next().transition is None


def test_menu_with_prompt_guards_and_bodies() -> None:
    s = story('''
        define h = Character("Hinata")
        default brave = False
        label start:
            menu:
                h "What will you do?"
                "Stay.":
                    "You stay."
                "Hidden." if brave:
                    "Never."
                "Go.":
                    $ brave = True
                    "You go."
            "After the menu."
    ''')
    m = s.next()
    assert isinstance(m, Menu)
    assert m.prompt is not None and (m.prompt.who, m.prompt.text) == ("Hinata",
                                                                      "What will you do?")
    assert [c.text for c in m.choices] == ["Stay.", "Go."]
    assert [c.index for c in m.choices] == [0, 2]
    s.choose(1)
    assert s.next().text == "You go."
    assert s.next().text == "After the menu."
    assert s.variables["brave"] is True


def test_choose_needs_a_menu_and_a_valid_index() -> None:
    s = story('''
        label start:
            menu:
                "A":
                    pass
    ''')
    with pytest.raises(RuntimeError):
        s.choose(0)
    s.next()
    with pytest.raises(IndexError):
        s.choose(1)
    with pytest.raises(RuntimeError):
        s.next()


def test_jump_call_return() -> None:
    s = story('''
        label start:
            call helper
            "back"
            jump finish
            "skipped"
        label helper:
            "in helper"
            return
        label finish:
            "finished"
            return
    ''')
    assert transcript(s) == ["in helper", "back", "finished", "END None"]


def test_label_falls_through_to_the_next_one() -> None:
    s = story('''
        label start:
            "one"
        label next_one:
            "two"
    ''')
    assert transcript(s) == ["one", "two", "END None"]


def test_assignments_and_arithmetic() -> None:
    s = story('''
        default n = 10
        label start:
            $ n += 5
            $ n -= 3
            $ n *= 2
            $ n /= 4
            $ words = ["a", "b"] + ["c"]
            $ d = {"k": len(words)}
            $ flag = not (n > 5 and n < 7) or n == 6.0
            "[n] [d] [flag]"
    ''')
    assert s.next().text == "6.0 {{'k': 3} True"


def test_if_elif_else() -> None:
    text = '''
        default x = {value}
        label start:
            if x > 10:
                "big"
            elif x > 5:
                "medium"
            else:
                "small"
            "end"
    '''
    assert transcript(story(text.format(value=20)))[:1] == ["big"]
    assert transcript(story(text.format(value=7)))[:1] == ["medium"]
    assert transcript(story(text.format(value=1)))[:2] == ["small", "end"]


def test_while_loops() -> None:
    s = story('''
        default i = 0
        label start:
            while i < 3:
                $ i += 1
                "loop [i]"
            "done"
    ''')
    assert transcript(s) == ["loop 1", "loop 2", "loop 3", "done", "END None"]


def test_pause_and_audio() -> None:
    s = story('''
        label start:
            play music "night.ogg" fadein 2.0
            queue music ["a.ogg", "b.ogg"] noloop
            play sound "click.ogg"
            pause 1.5
            pause
            stop music fadeout 1.0
            "x"
    ''')
    play = s.next()
    assert play == Audio("play", "music", ("night.ogg",), 2.0, 0.0, True, play.loc)
    assert s.stage["music"] == {"files": ["night.ogg"], "loop": True}
    queue = s.next()
    assert queue.action == "queue" and queue.files == ("a.ogg", "b.ogg") and not queue.loop
    assert s.stage["music"] == {"files": ["night.ogg", "a.ogg", "b.ogg"], "loop": False}
    sound = s.next()
    assert (sound.channel, sound.loop) == ("sound", False)
    assert s.next() == Pause(1.5, s.current().loc)
    assert s.next().seconds is None
    stop = s.next()
    assert (stop.action, stop.fadeout) == ("stop", 1.0)
    assert s.stage["music"] is None


def test_the_ambient_channel_loops_beside_the_music_and_the_stage_keeps_both() -> None:
    s = story('''
        label start:
            play music "music/theme.ogg"
            play ambient "wind.ogg" fadein 2.0
            queue ambient "rain.ogg"
            "x"
            stop ambient fadeout 1.5
            "y"
            play ambient "beep.ogg" noloop
            "z"
    ''')
    s.next()
    amb = s.next()
    assert amb == Audio("play", "ambient", ("wind.ogg",), 2.0, 0.0, True, amb.loc)
    assert s.stage["music"] == {"files": ["music/theme.ogg"], "loop": True}
    assert amb.ambient == {"files": ["wind.ogg"], "loop": True} == s.stage["ambient"]
    s.next()
    assert s.stage["ambient"] == {"files": ["wind.ogg", "rain.ogg"], "loop": True}
    s.next()
    stop = s.next()
    assert (stop.channel, stop.action, stop.fadeout) == ("ambient", "stop", 1.5)
    assert s.stage["ambient"] is None and s.stage["music"] is not None
    s.next()
    s.next()
    assert s.stage["ambient"] == {"files": ["beep.ogg"], "loop": False}


def test_pass_define_default_image_and_config() -> None:
    s = story('''
        define config.name = "The Road Out"
        define limit = 3
        default tries = limit - 1
        image bg gate = "backgrounds/gate.png"
        label start:
            pass
            "[config.name] [tries]"
    ''')
    assert s.constants["config.name"] == "The Road Out"
    assert s.images == {"bg gate": "backgrounds/gate.png"}
    assert s.next().text == "The Road Out 2"


def test_persistent_values_live_outside_the_playthrough() -> None:
    p = program('''
        label start:
            $ persistent.runs = (persistent.runs or 0) + 1
            "run [persistent.runs]"
    ''')
    from engine.script import Story

    persistent: dict = {}
    for expected in ("run 1", "run 2"):
        s = Story(p, persistent)
        s.start()
        assert s.next().text == expected
    assert persistent == {"runs": 2}


def test_ending_name_comes_from_the_ending_variable() -> None:
    s = story('''
        label start:
            $ ending = "Alone"
            return
    ''')
    end = s.next()
    assert isinstance(end, End) and end.ending == "Alone" and end.label == "start"
    assert s.ended and isinstance(s.next(), End)


def test_character_prefix_suffix_and_what_color() -> None:
    s = story('''
        define t = Character("Thought", what_prefix="(", what_suffix=")", what_color="#aaa")
        label start:
            t "hmm"
    ''')
    e = s.next()
    assert (e.text, e.what_color) == ("(hmm)", "#aaa")


def test_show_with_tag_only_keeps_attributes_and_bg_tag_sets_the_scene() -> None:
    s = story('''
        label start:
            show lucy happy at right
            show lucy
            show bg park
            "x"
    ''')
    s.next(), s.next(), s.next()
    assert brief(s.stage["sprites"]) == [{"tag": "lucy", "attrs": ["happy"], "at": "right"}]
    assert s.stage["scene"] == ["bg", "park"]


# --- save_name: Ren'Py's name for the saves that follow ---------------------------------


def test_save_name_is_a_short_line_of_text() -> None:
    ok = story('label start:\n    $ save_name = "The night road"\n    "Hi."\n')
    ok.next()
    assert ok.state.variables["save_name"] == "The night road"
    for value, words in [("42", "save_name must be text in quotes, not 42"),
                         ('"' + "x" * 81 + '"', "at most 80 characters (this one has 81)"),
                         ('"a\\nb"', "must be one line")]:
        s = story(f"label start:\n    $ save_name = {value}\n    \"Hi.\"\n")
        with pytest.raises(ScriptError) as err:
            s.next()
        assert words in str(err.value) and ":2:" in err.value.format()
