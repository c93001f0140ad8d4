"""The words of an image's name and a say line's attributes, as Ren'Py reads them: read
by the show, image and layeredimage parsers (parse_show.py) and by say and `extend` lines.
"""

from __future__ import annotations

import re

from .cursor import Cursor

# A word of an image's name as Ren'Py reads it: letters, digits, '_' and '-' (`bg 1`,
# `busan 01`, `bg-night`); a leading '-' takes an attribute away (`show eileen -happy`).
_IMAGE_WORD = re.compile(r"[-\w]+")


def image_word(c: Cursor) -> str | None:
    """The image-name word at the cursor (several tokens when the lexer split it, as
    `01` or `bg-1`), or None when the next token cannot start one."""
    t = c.peek()
    if t is None or not (t[0] in ("name", "num") or (t[0] == "op" and t[1] == "-")):
        return None
    line = c.line
    if t[2] != line.lineno:  # a name on a continued line: only a plain word
        return c.name("an image name") if t[0] == "name" else None
    m = _IMAGE_WORD.match(line.source, t[3] - 1)
    if m is None or m.group() == "-":
        return None
    end = m.end() + 1  # a 1-based column
    while c.i < len(c.toks) and c.toks[c.i][2] == line.lineno and c.toks[c.i][3] < end:
        c.i += 1
    return m.group()


def say_attribute(c: Cursor) -> str | None:
    """An attribute word of a say line, or "@": the attributes after it last for the line
    only (`e @ angry "…"`), as in Ren'Py."""
    if c.peek_op("@"):
        c.i += 1
        return "@"
    return image_word(c)
