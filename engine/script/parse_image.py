"""The `image` statement as Ren'Py writes it, and the other statements of pictures and
sounds this engine takes from Ren'Py's script unchanged:

    image NAME = "file.png"                 a file (below assets/, or game/images/)
    image NAME = Solid("#rrggbb")           a colour filling the screen
    image NAME = Transform("file.png", ...) the child's picture (its properties unused)
    image NAME = Text("…", ...)             a line of text, drawn as `show text` draws it
    image NAME = Composite((w, h), (x, y), "a.png", ...)   pictures at offsets (parse_composite.py)
    image NAME = SnowBlossom("a.png", count=10, ...)        falling pictures (parse_snow.py)
    image NAME = ConditionSwitch("cond", "a.png", ...)      the first picture whose condition
                                            holds: a layered spec (parse_conds.py), a
                                            sprite's or a background's (`bg NAME`)
    image NAME:                             an ATL block: its first picture is the image
        "a.png"                             where one picture is asked for; the block, its
        pause 0.2                           pictures as frames, plays when it is shown
        "b.png" with dissolve               (engine/atl/evaluate.py)
        repeat
    camera [LAYER] [at T, ...] [:ATL]       read and checked; one layer, so not drawn
    voice "file.ogg"                        the line's voice, on the sound channel

An image's value stays a string for the stage (engine/stage.py): a file name, "#rrggbb"
for a colour, or TEXT_MARK and a line of text.
"""

from __future__ import annotations

from engine.atl.frames import first_frame, frames

from . import ast, parse_atl
from .cursor import Cursor
from .lexer import Line
from .parse_composite import composite
from .parse_conds import condition_switch
from .parse_layered import LayeredImage
from .parse_snow import snow
from .parse_text import Staging
from .parse_words import image_word

# Calls an image may be made of, and what they take: the child (or colour) first.
_DISPLAYABLES = ("Solid", "Transform", "At", "Text")
TEXT_MARK = "{text}"  # an image that is a line of text: no file name starts with a brace
_REFUSED = {
    "Fixed": "use a layeredimage, or one PNG",
    "Frame": "give the image a PNG of its size",
    "Movie": "movies are not supported",
    "DynamicDisplayable": "scene files cannot run Python",
}


def _image_name(c: Cursor) -> list[str]:
    words = []
    while (w := image_word(c)) is not None:
        words.append(w)
    if not words:
        raise c.error("expected an image name")
    return c.check_image(words)


def _image(c: Cursor, line: Line, file: str) -> ast.Node:
    words = _image_name(c)
    if c.peek_op(":"):
        c.expect_colon_end()
        first, atl = _atl_image(line, file)
        for frame in frames(atl):  # the image's own: not drawn once its attributes change
            frame["of"] = " ".join(words)
        return AtlImage(c.loc(), line.source, words, {"file": first, "atl": atl})
    if not c.peek_op("="):
        raise c.error("expected '=' and a file name after the image name")
    c.i += 1
    start = c.i
    expr = c.expression()
    if expr[0] == "call" and expr[1] == "ConditionSwitch":  # a sprite's or a scene's
        return LayeredImage(c.loc(), line.source, words,
                            condition_switch(c, expr, c.toks[start]))
    return ast.Image(c.loc(), line.source, words, _displayable(c, expr, start))


def _displayable(c: Cursor, expr: list, at: int) -> list:
    """The image's value as the stage keeps it (a string expression), from a displayable
    call Ren'Py allows here; any other expression is left to be evaluated (a string)."""
    if expr[0] == "call" and expr[1] in _REFUSED:
        raise c.error(f"{expr[1]}() images are not supported: {_REFUSED[expr[1]]}",
                      c.toks[at])
    if expr[0] == "call" and expr[1] in ("Composite", "LiveComposite"):
        return composite(c, expr, c.toks[at])
    if expr[0] == "call" and expr[1] == "SnowBlossom":
        return snow(c, expr, c.toks[at])
    if expr[0] != "call" or expr[1] not in _DISPLAYABLES:
        return expr
    args, tok = expr[2], c.toks[at]
    if not args or args[0][0] != "lit" or not isinstance(args[0][1], str):
        raise c.error(f"{expr[1]}() takes a file name or a colour in quotes first", tok,
                      hint='image black = Solid("#000")')
    value = args[0][1]
    if expr[1] == "Solid":
        colour = parse_atl.solid_colour(value)  # "#fff" as "#ffffff": pygame reads that
        if colour is None:
            raise c.error(f"Solid() takes a colour like \"#1a2b3c\", not {value!r}", tok)
        value = colour
    if expr[1] == "Text":
        return ["lit", TEXT_MARK + value]  # its style arguments are not used
    return ["lit", value]


def _atl_image(line: Line, file: str) -> tuple[str, list[dict]]:
    """The first picture of an `image NAME:` block (what the image is where one picture
    is asked for), and the whole block as ATL, its pictures `child` statements."""
    atl = parse_atl.parse_block(line.children, file)
    first = first_frame(atl)
    if first is None:
        raise Cursor(line, file).error("this image's block names no picture",
                                       hint='image eileen wave:\n        "eileen_wave.png"')
    return first, atl


class AtlImage(ast.Image):
    """`image NAME:` and its block: {"file": the first picture, "atl": the block}, an init
    of kind "atlimage" (see Story.image_atl)."""

    __slots__ = ()


def _camera(c: Cursor, line: Line, file: str) -> ast.Node:
    layer = c.name("a layer name") if c.peek_word() not in (None, "at") else None
    transforms = []
    if c.peek_word() == "at":
        c.i += 1
        transforms.append(parse_atl.transform_ref(c, ()))
        while c.peek_op(","):
            c.i += 1
            transforms.append(parse_atl.transform_ref(c, ()))
    atl = None
    if c.peek_op(":"):
        c.expect_colon_end()
        atl = parse_atl.parse_block(line.children, file)
    c.expect_end()
    return Staging(c.loc(), line.source, "camera",
                   {"layer": layer, "transforms": transforms, "atl": atl})


def _voice(c: Cursor, line: Line, file: str) -> ast.Node:
    c.no_block()
    if c.peek_word() == "sustain":
        c.i += 1
        c.expect_end()
        return Staging(c.loc(), line.source, "pass", {})
    files = c.expression()
    return ast.Play(c.loc(), line.source, "play", "sound", files, None, None, False)


HANDLERS = {"image": _image, "camera": _camera, "voice": _voice}
