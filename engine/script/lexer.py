"""Turns scene-file text into logical lines of tokens, with indentation and locations.

Scene files are line based, like Ren'Py's: one statement a line, blocks by indentation.
A statement continues onto the next physical line only inside brackets or a triple-quoted
string. The commonest line of all, a say statement, has a fast path that skips the
general tokenizer, because a long script is mostly dialogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import Loc, ScriptError

# A token is (kind, value, line, col); tuples keep a 50,000-line script cheap to lex.
Token = tuple[str, object, int, int]

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>[ \t\f\r]+)
  | (?P<comment>\#[^\n]*)
  | (?P<nl>\n)
  | (?P<tstr>\"\"\"(?:\\.|[^\\])*?\"\"\"|'''(?:\\.|[^\\])*?''')
  | (?P<open_tstr>\"\"\"|''')
  | (?P<str>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<open_str>["'])
  | (?P<num>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<op>\*\*|//|==|!=|<=|>=|\+=|-=|\*=|/=|[-+*/%<>=()\[\]{},:.$])
  | (?P<bad>.)
    """,
    re.VERBOSE | re.DOTALL,
)

# `who attr attr "text"` or `"text"`, the whole line, nothing after but a comment.
_FAST_SAY_RE = re.compile(
    r"""( *)((?:[A-Za-z_]\w*\ +)*)"([^"\\\n]*(?:\\.[^"\\\n]*)*)"[ \t]*(?:\#.*)?$"""
)
_SPACE_RUN = re.compile(r"[ \t\r\n]+")
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", " ": " ", "%": "%"}
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


def _tokenize(text: str, file: str, first_line: int, sources: list[str]) -> tuple[list[Token], int]:
    """Tokens of `text` (one or more physical lines) and the open-bracket depth at its end.
    Raises ScriptError for a bad character or a string left open on its line."""
    tokens: list[Token] = []
    depth = 0
    line = first_line
    line_start = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        col = m.start() - line_start + 1
        if kind == "ws" or kind == "comment":
            continue
        if kind == "nl":
            line += 1
            line_start = m.end()
            continue
        value: object = m.group()
        if kind == "tstr":
            raw = m.group()
            tokens.append(("str", unescape(raw[3:-3]), line, col))
            nls = raw.count("\n")
            if nls:
                line += nls
                line_start = m.start() + raw.rfind("\n") + 1
            continue
        if kind == "str":
            tokens.append(("str", unescape(m.group()[1:-1]), line, col))
            continue
        if kind == "open_tstr":
            # Unterminated triple quote: the caller joins the next line and tries again.
            return tokens, _STILL_OPEN
        if kind == "open_str":
            raise ScriptError(
                Loc(file, line, col), "this string is never closed on its line",
                sources[line - 1], hint="add the closing quote, or use \"\"\"…\"\"\" for text "
                "that spans lines",
            )
        if kind == "bad":
            raise ScriptError(Loc(file, line, col), f"unexpected character {value!r}",
                              sources[line - 1])
        if kind == "num":
            s = m.group()
            value = float(s) if any(c in s for c in ".eE") else int(s)
        elif kind == "op":
            if value in _OPENERS:
                depth += 1
            elif value in (")", "]", "}"):
                depth -= 1
        tokens.append((kind, value, line, col))
    return tokens, depth


def logical_lines(text: str, file: str) -> tuple[list[Line], list[str]]:
    """The file's logical lines (blank and comment lines dropped) and its physical lines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    sources = text.split("\n")
    out: list[Line] = []
    append = out.append
    n = len(sources)
    fast = _FAST_SAY_RE.match
    not_speakers = _KEYWORDS_NOT_SPEAKERS
    skip_to = 0
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
        end = i
        chunk = raw
        while True:
            tokens, depth = _tokenize(chunk, file, i + 1, sources)
            if depth == 0:
                break
            if depth < 0:
                raise ScriptError(Loc(file, i + 1, indent + 1), "unbalanced closing bracket",
                                  raw)
            if end + 1 >= n:
                raise ScriptError(Loc(file, i + 1, indent + 1),
                                  "bracket or triple-quoted string is never closed", raw)
            end += 1
            chunk += "\n" + sources[end]
        skip_to = end + 1
        append(Line(indent, i + 1, raw, tokens))
    return out, sources


# Words that start statements: a say line's speaker can never be one of these.
_KEYWORDS_NOT_SPEAKERS = frozenset(
    "define default image label menu jump call return scene show hide with if elif else "
    "while pause play stop queue pass python init screen transform style nvl window "
    "translate camera voice extend".split()
)


def build_blocks(lines: list[Line], file: str) -> list[Line]:
    """Nest logical lines into blocks by indentation: a line ending in ':' owns the more
    indented lines after it."""
    root: list[Line] = []
    if not lines:
        return root
    stack: list[tuple[int, list[Line]]] = [(lines[0].indent, root)]
    opener: Line | None = None
    for line in lines:
        if opener is not None:
            if line.indent <= opener.indent:
                raise ScriptError(Loc(file, opener.lineno, opener.indent + 1),
                                  "expected an indented block after ':'", opener.source)
            stack.append((line.indent, opener.children))
            opener = None
        else:
            while len(stack) > 1 and line.indent < stack[-1][0]:
                stack.pop()
            if line.indent != stack[-1][0]:
                what = "unexpected indentation" if line.indent > stack[-1][0] else \
                    "indentation does not match any outer block"
                raise ScriptError(Loc(file, line.lineno, line.indent + 1), what, line.source)
        stack[-1][1].append(line)
        toks = line.tokens
        if toks and toks[-1][0] == "op" and toks[-1][1] == ":":
            opener = line
    if opener is not None:
        raise ScriptError(Loc(file, opener.lineno, opener.indent + 1),
                          "expected an indented block after ':'", opener.source)
    return root
