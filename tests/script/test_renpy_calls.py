"""renpy.* calls in `$` lines and python blocks (parse_code.py): each the statement it
stands for, the exact error for one that is not on the allow-list, and the state
renpy.random and renpy.input keep through a snapshot (saves, loads and rollback)."""

from __future__ import annotations

import json

import pytest

from engine.script import Audio, Input, Notify, Say, StageChange, Story
from engine.script.state import RunStatus

from .helpers import program, story, transcript
from .test_code import parse_error, said


def test_renpy_calls_are_the_statements_they_stand_for() -> None:
    s = story("""
        define e = Character("E")
        image bg room = "room.png"
        label start:
            $ renpy.music.play("a.ogg", fadein=1.0, loop=False)
            $ renpy.sound.play("b.ogg")
            $ renpy.music.stop(fadeout=2.0)
            $ renpy.music.set_volume(0.5, delay=1.0)
            $ renpy.restart_interaction()
            $ renpy.scene()
            $ renpy.show("bg room")
            $ renpy.show("eileen happy", at_list=[left])
            $ renpy.hide("eileen")
            $ renpy.notify("Saved.")
            $ renpy.say(e, "Hello.")
            $ renpy.say(None, "Narration.")
            $ renpy.call("sub")
            $ renpy.jump("end")
        label sub:
            return
        label end:
            return
    """)
    events = []
    while not s.ended:
        events.append(s.next())
    audio = [(e.action, e.channel, e.files, e.fadein, e.fadeout, e.loop) for e in events
             if isinstance(e, Audio)]
    assert audio == [("play", "music", ("a.ogg",), 1.0, 0.0, False),
                     ("play", "sound", ("b.ogg",), 0.0, 0.0, False),
                     ("stop", "music", (), 0.0, 2.0, False)]
    stages = [e.kind for e in events if isinstance(e, StageChange)]
    assert stages == ["scene", "show", "show", "hide"]
    assert [e.message for e in events if isinstance(e, Notify)] == ["Saved."]
    assert [(e.who, e.text) for e in events if isinstance(e, Say)] == [
        ("E", "Hello."), (None, "Narration.")]

def test_an_unlisted_renpy_call_is_named() -> None:
    assert parse_error("label start:\n    $ renpy.quit()\n") == \
        "'renpy.quit' is not available: scene files cannot run Python"
    assert parse_error("label start:\n    $ renpy.jump(where)\n") == \
        "renpy.jump takes a label's name in quotes"

def test_renpy_random_is_seeded_in_the_story_state() -> None:
    text = """
        label start:
            $ a = renpy.random.randint(1, 1000000)
            "one"
            $ b = renpy.random.randint(1, 1000000)
            $ c = renpy.random.choice(["x", "y", "z"])
            $ f = renpy.random.random()
            "[b] [c]"
    """
    s = story(text)
    s.next()
    saved = json.loads(json.dumps(s.snapshot()))
    s.next()
    first = (s.variables["b"], s.variables["c"], s.variables["f"])
    again = Story(program(text))
    again.restore(saved)
    again.next()  # the line the snapshot was taken at shows again
    again.next()
    assert (again.variables["b"], again.variables["c"], again.variables["f"]) == first
    assert 0 <= first[2] < 1 and first[1] in "xyz"

def test_renpy_input_takes_the_default_or_the_text_entered() -> None:
    text = """
        label start:
            $ name = renpy.input("Name?", default="Sam", length=5, exclude="!").strip()
            "Hi [name]."
    """
    s = story(text)
    event = s.next()
    assert isinstance(event, Input) and (event.prompt, event.default, event.length) == (
        "Name?", "Sam", 5)
    assert s.status is RunStatus.WAITING and s.variables["name"] == "Sam"
    s.enter("  Ad!elaide")
    assert s.variables["name"] == "Ade"  # "!" excluded, then 5 characters, then strip
    asked = json.loads(json.dumps(s.snapshot()))
    assert isinstance(s.next(), Say)
    saved = json.loads(json.dumps(s.snapshot()))
    again = Story(program(text))
    again.restore(saved)
    assert transcript(again) == ["Hi Ade.", "END None"]
    # A snapshot taken while the question is open asks it again, as Ren'Py's load does.
    again.restore(asked)
    assert isinstance(again.next(), Input)
    again.enter("Bo")
    assert transcript(again) == ["Hi Bo.", "END None"]

def test_renpy_input_without_an_answer_keeps_the_default() -> None:
    assert said('label start:\n    $ n = renpy.input("N?")\n    "[[n]"\n    "<[n]>"\n') == \
        ["[n]", "<>"]

def test_enter_without_an_input_is_refused() -> None:
    s = story('label start:\n    "x"\n')
    s.next()
    with pytest.raises(RuntimeError):
        s.enter("x")

@pytest.mark.slow

def test_a_renpy_music_channel_is_one_play_knows() -> None:
    assert parse_error('label start:\n    $ renpy.music.play("a.ogg", channel="env")\n') == \
        "unknown channel 'env'"
    assert parse_error('label start:\n    $ renpy.music.play("a.ogg", channel=c)\n') == \
        "channel= takes a channel's name in quotes"
    p = program('label start:\n    $ renpy.music.play("a.ogg", channel="ambient")\n'
                '    $ renpy.sound.queue(["a.ogg", "b.ogg"], "audio")\n')
    assert [(s.kind, s.args["channel"]) for s in p.statements if s.kind in ("play", "queue")] \
        == [("play", "ambient"), ("queue", "sound")]

def test_shuffle_gives_the_variable_a_shuffled_copy() -> None:
    lines = said("""
        default deck = [1, 2, 3, 4, 5, 6, 7, 8]
        default hands = {"a": [1, 2, 3]}
        label start:
            $ before = deck
            $ renpy.random.shuffle(deck)
            $ renpy.random.shuffle(hands["a"])
            $ same = sorted(deck) == before and sorted(hands["a"]) == [1, 2, 3]
            "[same] [before]"
    """)
    assert lines == ["True [1, 2, 3, 4, 5, 6, 7, 8]"]

def test_renpy_pause_in_a_python_block() -> None:
    p = program("label start:\n    python:\n        renpy.pause(1.5, hard=True)\n")
    pause = next(s for s in p.statements if s.kind == "pause")
    assert (pause.args["expr"], pause.args["hard"]) == (["lit", 1.5], True)


def test_more_renpy_calls_plug_in_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.script import ast, parse_code

    def register(c, line, args, kwargs):  # type: ignore[no-untyped-def]
        return ast.Pass(c.loc(), line.source)

    monkeypatch.setitem(parse_code.RENPY_HANDLERS, "renpy.music.register_channel", register)
    monkeypatch.setattr(parse_code, "INIT_CALLS", {"renpy.music.register_channel"})
    p = program('init python:\n    renpy.music.register_channel("env", "sfx", True)\n'
                'label start:\n    $ renpy.music.register_channel("x")\n')
    assert [s.kind for s in p.statements].count("pass") == 2


@pytest.mark.parametrize(("register", "plays_on"), [
    ('init python:\n    renpy.music.register_channel("env", "sfx", True)\n', "ambient"),
    ('init python:\n    renpy.music.register_channel("env", "sfx", loop=True)\n', "ambient"),
    ('label setup:\n    $ renpy.music.register_channel("env", "sfx")\n    return\n', "sound"),
])
def test_a_registered_channel_plays_on_the_engine_channel_it_loops_like(
        register: str, plays_on: str) -> None:
    from engine.script.audio_names import engine_channel

    p = program(register + 'label start:\n    play env "rain.ogg"\n    "Rain."\n')
    assert engine_channel(p, "env") == plays_on
    assert engine_channel(p, "radio") == "sound"  # never registered


def test_register_channel_needs_the_channels_name() -> None:
    assert "takes the channel's name in quotes first" in parse_error(
        "label start:\n    $ renpy.music.register_channel(n)\n")
