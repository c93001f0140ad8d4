"""Turns scene-file text into logical lines of tokens, with indentation and locations.

Scene files are line based, like Ren'Py's: one statement a line, blocks by indentation.
A statement continues onto the next physical line only inside brackets or a triple-quoted
string. The commonest line of all, a say statement, has a fast path that skips the
general tokenizer, because a long script is mostly dialogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from .errors import Loc, ScriptError
from .limits import (
    MAX_BLOCK_DEPTH,
    MAX_GAME_LINES,
    MAX_INT_DIGITS,
    MAX_LINE_LENGTH,
    MAX_PROBLEMS_READ_PAST,
    MAX_SCENE_BYTES,
    MAX_SCENE_TOKENS,
    MAX_STATEMENT_LINES,
)

# A token is (kind, value, line, col); tuples keep a 50,000-line script cheap to lex.
Token = tuple[str, object, int, int]

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>[ \t\f\r]+)
  | (?P<comment>\#[^\n]*)
  | (?P<nl>\n)
  | (?P<tstr>\"\"\"[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*\"\"\"
            |'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*''')
  | (?P<open_tstr>\"\"\"|''')
  | (?P<str>"[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*')
  | (?P<open_str>["'])
  | (?P<num>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)
  | (?P<name>[^\W\d]\w*)
  | (?P<op>\*\*=|//=|%=|\*\*|//|==|!=|<=|>=|\+=|-=|\*=|/=|[-+*/%<>=()\[\]{},:.$@])
  | (?P<bad>.)
    """,
    re.VERBOSE | re.DOTALL,
)

# `who attr attr "text"` or `"text"`, the whole line, nothing after but a comment.
_FAST_SAY_RE = re.compile(
    r"""( *)((?:[^\W\d]\w*\ +)*)"([^"\\\n]*(?:\\.[^"\\\n]*)*)"[ \t]*(?:\#.*)?$"""
)
_SPACE_RUN = re.compile(r"[ \t\r\n]+")
# `\[` and `\{` are literal text in Ren'Py: kept as the doubled `[[` and `{{` that
# interpolation and the text tags read as one literal character.
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", " ": " ", "%": "%",
            "[": "[[", "{": "{{"}
_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_STILL_OPEN = 1_000_000  # "join the next line": a triple-quoted string is still open


def unescape(body: str) -> str:
    """A string literal's text as Ren'Py reads it: runs of white space fold to one space,
    then backslash escapes apply (so an explicit \\n survives the folding)."""
    if "\n" in body or "  " in body or "\t" in body:
        body = _SPACE_RUN.sub(" ", body)
    if "\\" in body:
        body = _ESCAPE_RE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)
    return body


@dataclass(slots=True)
class Line:
    """One logical line: its indentation, first physical line number, tokens and source."""

    indent: int
    lineno: int
    source: str
    tokens: list[Token]
    children: list[Line] = field(default_factory=list)
    # Set by the fast path: (speaker words, text) for a plain say line.
    say: tuple[list[str], str] | None = None


def _tokenize(text: str, file: str, first_line: int, sources: list[str], pos: int = 0,
              statement: bool = False) -> tuple[list[Token], int, int]:
    """Tokens of `text` from `pos`, the open-bracket depth at their end and the 0-based
    index of the last physical line read. Alone (not `statement`), `text` is one physical
    line. As a `statement`, `text` is the whole file and the tokens run on over physical
    lines until a line ends with every bracket and string closed, so a statement over many
    lines is read once, in linear time. Raises ScriptError for a bad character, a string
    left open on its line, and a statement never closed or longer than its bound."""
    tokens: list[Token] = []
    depth = 0
    line = first_line
    line_start = pos
    last_line = first_line + MAX_STATEMENT_LINES
    for m in _TOKEN_RE.finditer(text, pos):
        kind = m.lastgroup
        col = m.start() - line_start + 1
        if kind == "ws" or kind == "comment":
            continue
        if kind == "nl":
            if statement and depth <= 0:
                break
            line += 1
            line_start = m.end()
            if line >= last_line:
                _too_long(file, first_line, sources)
            continue
        value: object = m.group()
        if kind == "tstr" or kind == "str":
            raw = m.group()
            q = 3 if kind == "tstr" else 1
            tokens.append(("str", unescape(raw[q:-q]), line, col))
            nls = raw.count("\n")
            if nls:
                line += nls
                line_start = m.start() + raw.rfind("\n") + 1
                if line >= last_line:
                    _too_long(file, first_line, sources)
            continue
        if kind == "open_tstr" or kind == "open_str":
            if statement:  # no closing quotes anywhere after it
                what = "triple-quoted string" if kind == "open_tstr" else "string"
                raise ScriptError(Loc(file, line, col), f"this {what} is never closed",
                                  sources[line - 1], hint="add the closing quote")
            # Unterminated on this line: the caller reads on as a statement (a string may
            # span lines, as in Ren'Py).
            return tokens, _STILL_OPEN, first_line - 1
        if kind == "bad":
            raise ScriptError(Loc(file, line, col), f"unexpected character {value!r}",
                              sources[line - 1])
        if kind == "num":
            s = m.group()
            if len(s) > MAX_INT_DIGITS:
                raise ScriptError(Loc(file, line, col), f"a number longer than "
                                  f"{MAX_INT_DIGITS} digits", sources[line - 1])
            value = float(s) if any(c in s for c in ".eE") else int(s)
        elif kind == "op":
            if value in _OPENERS:
                depth += 1
            elif value in (")", "]", "}"):
                depth -= 1
        tokens.append((kind, value, line, col))
    return tokens, depth, line - 1


def _too_long(file: str, first_line: int, sources: list[str]) -> None:
    raise ScriptError(Loc(file, first_line, 1), f"this statement runs over more than "
                      f"{MAX_STATEMENT_LINES} lines", sources[first_line - 1],
                      hint="is a bracket or a triple-quoted string never closed?")


def _check_size(text: str, sources: list[str], file: str) -> None:
    if len(text) > MAX_SCENE_BYTES:
        raise ScriptError(Loc(file, 1, 1), f"the file is larger than "
                          f"{MAX_SCENE_BYTES // (1024 * 1024)} MB")
    if len(sources) > MAX_GAME_LINES:
        raise ScriptError(Loc(file, MAX_GAME_LINES + 1, 1), f"the file is longer than "
                          f"{MAX_GAME_LINES} lines")
    if len(text) > MAX_LINE_LENGTH and max(map(len, sources)) > MAX_LINE_LENGTH:
        n = next(n for n, s in enumerate(sources) if len(s) > MAX_LINE_LENGTH)
        raise ScriptError(Loc(file, n + 1, 1), f"a line longer than {MAX_LINE_LENGTH} "
                          f"characters ({len(sources[n])})")


def logical_lines(text: str, file: str, errors: list[ScriptError] | None = None,
                  ) -> tuple[list[Line], list[str]]:
    """The file's logical lines (blank and comment lines dropped) and its physical lines.
    With `errors`, a line that cannot be read is noted there and left out."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    sources = text.split("\n")
    _check_size(text, sources, file)
    out: list[Line] = []
    append = out.append
    fast = _FAST_SAY_RE.match
    not_speakers = _KEYWORDS_NOT_SPEAKERS
    starts: list[int] | None = None  # each physical line's offset, once a statement needs it
    skip_to = 0
    budget = MAX_SCENE_TOKENS
    for i, raw in enumerate(sources):
        if i < skip_to:
            continue
        stripped = raw.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        indent = len(raw) - len(stripped)
        if stripped[0] == "\t":
            raise ScriptError(Loc(file, i + 1, indent + 1), "tab in indentation", raw,
                              hint="indent with spaces, as Ren'Py requires")
        m = fast(raw)
        if m is not None:
            words = m.group(2).split()
            if not words or words[0] not in not_speakers:
                append(Line(indent, i + 1, raw, [], say=(words, unescape(m.group(3)))))
                continue
        depth = 0
        try:
            tokens, depth, end = _tokenize(raw, file, i + 1, sources)
            if depth < 0:
                raise ScriptError(Loc(file, i + 1, indent + 1), "unbalanced closing bracket",
                                  raw)
            if depth != 0:
                if starts is None:
                    starts = list(accumulate((len(s) + 1 for s in sources), initial=0))
                tokens, depth, end = _tokenize(text, file, i + 1, sources, starts[i], True)
                if depth < 0:
                    raise ScriptError(Loc(file, i + 1, indent + 1),
                                      "unbalanced closing bracket", raw)
                if depth > 0:
                    raise ScriptError(Loc(file, i + 1, indent + 1),
                                      "bracket or triple-quoted string is never closed", raw)
        except ScriptError as exc:
            # A bracket never closed: nothing after it reads.
            if errors is None or depth > 0 or len(errors) >= MAX_PROBLEMS_READ_PAST:
                raise
            errors.append(exc)
            continue
        skip_to = end + 1
        budget -= len(tokens)
        if budget < 0:
            raise ScriptError(Loc(file, i + 1, 1), f"the file has more than "
                              f"{MAX_SCENE_TOKENS} words and symbols outside dialogue", raw)
        append(Line(indent, i + 1, raw, tokens))
    return out, sources


# Words that start statements: a say line's speaker can never be one of these.
_KEYWORDS_NOT_SPEAKERS = frozenset(
    "define default image label menu jump call return scene show hide with if elif else "
    "while pause play stop queue pass python init screen transform style nvl window "
    "translate camera voice extend".split()
)


def build_blocks(lines: list[Line], file: str, errors: list[ScriptError] | None = None,
                 ) -> list[Line]:
    """Nest logical lines into blocks by indentation: a line ending in ':' owns the more
    indented lines after it (a label may own none, as in Ren'Py). With `errors`, a line
    indented wrongly is noted there and left out."""
    root: list[Line] = []
    if not lines:
        return root
    stack: list[tuple[int, list[Line]]] = [(lines[0].indent, root)]
    opener: Line | None = None
    for line in lines:
        try:
            if opener is not None and line.indent <= opener.indent and _blockless(opener):
                opener = None
            if opener is not None:
                if line.indent <= opener.indent:
                    raise ScriptError(Loc(file, opener.lineno, opener.indent + 1),
                                      "expected an indented block after ':'", opener.source)
                if len(stack) > MAX_BLOCK_DEPTH:
                    raise ScriptError(Loc(file, line.lineno, line.indent + 1), "blocks nested "
                                      f"more than {MAX_BLOCK_DEPTH} deep", line.source)
                stack.append((line.indent, opener.children))
                opener = None
            else:
                while len(stack) > 1 and line.indent < stack[-1][0]:
                    stack.pop()
                if line.indent != stack[-1][0]:
                    what = "unexpected indentation" if line.indent > stack[-1][0] else \
                        "indentation does not match any outer block"
                    raise ScriptError(Loc(file, line.lineno, line.indent + 1), what,
                                      line.source)
        except ScriptError as exc:
            if errors is None or len(errors) >= MAX_PROBLEMS_READ_PAST:
                raise
            errors.append(exc)
            opener = None
            while len(stack) > 1 and line.indent < stack[-1][0]:
                stack.pop()
            if line.indent != stack[-1][0]:
                continue
        stack[-1][1].append(line)
        toks = line.tokens
        if toks and toks[-1][0] == "op" and toks[-1][1] == ":":
            opener = line
    if opener is not None and not _blockless(opener):
        exc = ScriptError(Loc(file, opener.lineno, opener.indent + 1),
                          "expected an indented block after ':'", opener.source)
        if errors is None:
            raise exc
        errors.append(exc)
    return root


def _blockless(line: Line) -> bool:
    """`label name:` with nothing indented under it: Ren'Py reads on at the next line."""
    toks = line.tokens
    return bool(toks) and toks[0][0] == "name" and toks[0][1] == "label"
