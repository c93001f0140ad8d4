"""Every error a writer can meet, with its exact text: location, message, source, caret."""

from __future__ import annotations

import textwrap

import pytest

from engine.script import End, ScriptError, Story, compile_texts

PARSE_ERRORS = [
    ("label start:\n    python:\n        def f():\n            pass\n",
     "scenes/t.scene:3:9: error: 'def' in a python block: scene files cannot run Python code\n"
     "            def f():\n            ^\n    hint: python blocks may hold assignments and "
     "renpy calls only; anything else (def, class, import, if, for) runs Python, which scene "
     "files cannot"),
    ("init python:\n    import os\n",
     "scenes/t.scene:2:5: error: 'import' in a python block: scene files cannot run Python "
     "code\n        import os\n        ^\n    hint: python blocks may hold assignments and "
     "renpy calls only; anything else (def, class, import, if, for) runs Python, which scene "
     "files cannot"),
    ("screen hello():\n    text \"x\"\n",
     "scenes/t.scene:1:1: error: 'screen' (screen language) is not supported: the engine "
     "draws its own screens\n    screen hello():\n    ^"),
    ("transform left2:\n    function slide\n",
     "scenes/t.scene:2:5: error: 'function' statements in ATL are not supported: scene files "
     "cannot run Python; use properties, warpers and transforms\n        function slide\n"
     "        ^"),
    ("label start:\n    nvl clean\n",
     "scenes/t.scene:2:9: error: 'nvl' takes clear, show or hide, not 'clean'\n"
     "        nvl clean\n            ^\n    hint: nvl clear · nvl show [transition] · "
     "nvl hide [transition]; NVL lines come from a character: define n = "
     "Character(\"Name\", kind=nvl)"),
    ("label start:\n    window shwo dissolve\n",
     "scenes/t.scene:2:12: error: 'window' takes show, hide or auto, not 'shwo'\n"
     "        window shwo dissolve\n               ^\n    hint: window show [transition] · "
     "window hide [transition] · window auto"),
    ("label start:\n    window\n",
     "scenes/t.scene:2:5: error: 'window' needs show, hide or auto after it\n"
     "        window\n        ^\n    hint: window show [transition] · "
     "window hide [transition] · window auto"),
    ("label start:\n    extend\n",
     "scenes/t.scene:2:5: error: 'extend' takes the text to add in quotes\n"
     "        extend\n        ^\n    hint: e \"Hello,\" then: extend \" world.\""),
    ("style default:\n    size 20\n",
     "scenes/t.scene:1:1: error: 'style' statements are not supported\n"
     "    style default:\n    ^"),
    ('label start:\n    "hello\n',
     'scenes/t.scene:2:5: error: this string is never closed\n        "hello\n'
     '        ^\n    hint: add the closing quote'),
    ('label start:\n    "a"\n      "b"\n',
     'scenes/t.scene:3:7: error: unexpected indentation\n          "b"\n          ^'),
    ("label start:\n    if x:\n",
     "scenes/t.scene:2:5: error: expected an indented block after ':'\n        if x:\n"
     "        ^"),
    ('label start:\n    menu:\n        "prompt"\n',
     'scenes/t.scene:2:5: error: this menu has no options\n        menu:\n        ^\n'
     '    hint: add options: "Option text": followed by an indented block'),
    ("label a:\n    return\nlabel a:\n    return\n",
     "scenes/t.scene:3:1: error: label 'a' is defined twice (first at scenes/t.scene:1)\n"
     "    label a:\n    ^"),
    ('label start:\n\t"x"\n',
     'scenes/t.scene:2:1: error: tab in indentation\n        "x"\n    ^\n'
     "    hint: indent with spaces, as Ren'Py requires"),
    ("label start:\n    $ x = 1 ! 2\n",
     "scenes/t.scene:2:13: error: unexpected character '!'\n        $ x = 1 ! 2\n"
     "                ^"),
    ("label start:\n    $ x = 1 @ 2\n",  # '@' is a say's mark for one line's attributes
     "scenes/t.scene:2:13: error: unexpected '@' after the expression\n        $ x = 1 @ 2\n"
     "                ^"),
    ("label start:\n    $ renpy.quit()\n",
     "scenes/t.scene:2:7: error: 'renpy.quit' is not available: scene files cannot run Python\n"
     "        $ renpy.quit()\n          ^\n    hint: allowed: renpy.pause, renpy.music.play/"
     "queue/stop/set_volume, renpy.sound.play/queue/stop, renpy.notify, renpy.input, renpy.say,"
     " renpy.jump, renpy.call, renpy.show/hide/scene, renpy.random.*, renpy.restart_interaction"),
    ("label start:\n    $ print(1)\n",
     "scenes/t.scene:2:7: error: 'print()' runs Python code: only assignments, methods of "
     "variables and renpy calls are supported after '$'\n        $ print(1)\n          ^\n"
     "    hint: scene files cannot run Python code"),
    ("label start:\n    elif x:\n        pass\n",
     "scenes/t.scene:2:5: error: 'elif' without an 'if' before it\n        elif x:\n        ^"),
    ("label start:\n    show screen inventory\n",
     "scenes/t.scene:2:10: error: 'show screen' is not supported: the engine draws its own "
     "screens\n        show screen inventory\n             ^"),
    ('label start:\n    "x" with vpunch\n',
     "scenes/t.scene:2:9: error: 'with' on a say line is not supported\n"
     '        "x" with vpunch\n            ^\n'
     "    hint: put a 'with' statement on the line before"),
    ("label start:\n    show a at left onlayer\n",
     "scenes/t.scene:2:20: error: expected a layer name after 'onlayer'\n"
     "        show a at left onlayer\n                       ^"),
    ("label start:\n    $ x = (1))\n",
     "scenes/t.scene:2:5: error: unbalanced closing bracket\n        $ x = (1))\n        ^"),
    ("label start:\n    foo bar\n",
     "scenes/t.scene:2:5: error: unknown statement 'foo'\n        foo bar\n        ^\n"
     '    hint: a say statement needs its text in quotes: foo "Hello."'),
    ('label start:\n    play "x.ogv"\n',
     "scenes/t.scene:2:10: error: expected a channel (music, ambient or sound)\n"
     '        play "x.ogv"\n             ^'),
    ("label start:\n    $ x = \n",
     "scenes/t.scene:2:9: error: expected an expression\n        $ x = \n            ^"),
    ('label start:\n    menu:\n        "A":\n            pass\n        "prompt after"\n',
     'scenes/t.scene:5:9: error: expected a menu option: "text": followed by a block\n'
     '            "prompt after"\n            ^\n'
     "    hint: a menu has at most one prompt line, before its options"),
    ("label start:\n    jump\n",
     "scenes/t.scene:2:5: error: expected a label to jump to\n        jump\n        ^"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_ERRORS,
                         ids=[e[1].split("error: ")[1][:40] for e in PARSE_ERRORS])
def test_parse_error_text(text: str, expected: str) -> None:
    with pytest.raises(ScriptError) as info:
        compile_texts([("scenes/t.scene", text)])
    assert info.value.format() == expected


RUNTIME_ERRORS = [
    ("label start:\n    jump hospitl\nlabel hospital:\n    return\n",
     "scenes/t.scene:2:5: error: no label named 'hospitl'\n        jump hospitl\n        ^\n"
     "    hint: did you mean 'hospital'?"),
    ("default score = 1\nlabel start:\n    $ x = scroe + 1\n",
     "scenes/t.scene:3:5: error: 'scroe' is not defined\n        $ x = scroe + 1\n        ^\n"
     "    hint: did you mean 'score'?"),
    ("define s = Character('S')\nlabel start:\n    sx \"hi\"\n",
     "scenes/t.scene:3:5: error: 'sx' is not a defined character\n        sx \"hi\"\n"
     "        ^\n    hint: did you mean 's'?"),
    ("label start:\n    $ x = open('f')\n",
     "scenes/t.scene:2:5: error: 'open()' is not a function scenes may call\n"
     "        $ x = open('f')\n        ^\n    hint: allowed: Character, Dissolve, Fade, "
     "MoveTransition, Pause, _, __, _p, abs, all, any, bool, dict, float, int, len, list, max, "
     "min, range, reversed, round, set, sorted, str, sum, tuple"),
    ("label start:\n    while True:\n        pass\n",
     "scenes/t.scene:3:9: error: the story ran 200000 statements without showing anything: "
     "an endless loop?\n            pass\n            ^"),
    ("label start:\n    $ x = 1 / 0\n",
     "scenes/t.scene:2:5: error: ZeroDivisionError: division by zero\n"
     "        $ x = 1 / 0\n        ^"),
    ('label start:\n    "[missing]"\n',
     "scenes/t.scene:2:5: error: in [interpolation]: 'missing' is not defined\n"
     '        "[missing]"\n        ^'),
    ("label start:\n    pause \"long\"\n",
     "scenes/t.scene:2:5: error: pause takes a number of seconds, not 'long'\n"
     '        pause "long"\n        ^'),
    ("label start:\n    with 3\n",
     "scenes/t.scene:2:5: error: 3 is not a transition (use a transition's name such as "
     "dissolve or moveinleft, Dissolve(s), Fade(out, hold, in), MoveTransition(s), Pause(s) "
     "or None)\n        with 3\n        ^"),
    ("label start:\n    menu:\n        \"A\" if False:\n            pass\n",
     "scenes/t.scene:2:5: error: no option of this menu is available (every guard is false)"
     "\n        menu:\n        ^"),
    ("label start:\n    $ x = 'a' * 1000000\n",
     "scenes/t.scene:2:5: error: text too long (more than 100000 characters)"
     "\n        $ x = 'a' * 1000000\n        ^"),
]


@pytest.mark.parametrize(("text", "expected"), RUNTIME_ERRORS,
                         ids=[e[1].split("error: ")[1][:40] for e in RUNTIME_ERRORS])
def test_runtime_error_text(text: str, expected: str) -> None:
    story = Story(compile_texts([("scenes/t.scene", text)]))
    story.start()
    with pytest.raises(ScriptError) as info:
        for _ in range(100):
            if isinstance(story.next(), End):
                break
    assert info.value.format() == expected


def test_define_errors_are_raised_when_the_story_is_made() -> None:
    program = compile_texts([("scenes/t.scene", textwrap.dedent('''
        define e = Character("E", colour="#fff")
        label start:
            return
    '''))])
    with pytest.raises(ScriptError) as info:
        Story(program)
    assert info.value.format() == (
        "scenes/t.scene:2:1: error: Character() does not support 'colour='\n"
        '    define e = Character("E", colour="#fff")\n    ^\n'
        "    hint: supported: color, dynamic, image, kind, what_color, what_italic, "
        "what_prefix, what_suffix, who_bold, who_color")


def test_start_at_unknown_label_suggests_one() -> None:
    story = Story(compile_texts([("scenes/t.scene", "label hospital:\n    return\n")]))
    with pytest.raises(ScriptError) as info:
        story.start("hospitl")
    assert info.value.hint == "did you mean 'hospital'?"
