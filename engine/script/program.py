"""The compiled program: the story as one flat list of statements plus a label table.

A flat list (rather than the nested syntax tree) gives every statement a stable index to
save, to roll back to and to explore from, and turns if/while/menu into plain jumps. Each
statement also gets a fingerprint from its label, its kind and its text, so a save can find
"the same line" again after the scene files have been edited.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .errors import Loc

PROGRAM_FORMAT = 1


@dataclass(slots=True)
class Stmt:
    """One flat statement. `args` holds the kind's operands as plain JSON-able data;
    `implicit` marks statements the compiler added (an if's jump to its end, a file's
    closing return), which have no line of their own to show."""

    kind: str
    loc: Loc
    source: str
    label: str | None
    fp: str
    args: dict[str, Any]
    implicit: bool = False

    def to_json(self) -> list:
        return [self.kind, self.loc.file, self.loc.line, self.loc.col, self.source,
                self.label, self.fp, self.args, self.implicit]

    @staticmethod
    def from_json(data: list) -> Stmt:
        kind, file, line, col, source, label, fp, args, implicit = data
        return Stmt(kind, Loc(file, line, col), source, label, fp, args, implicit)


@dataclass(slots=True)
class Init:
    """A define, default or image statement: run once before the story starts."""

    kind: str  # define | default | image
    name: str
    expr: list
    loc: Loc
    source: str

    def to_json(self) -> list:
        return [self.kind, self.name, self.expr, self.loc.file, self.loc.line, self.loc.col,
                self.source]

    @staticmethod
    def from_json(data: list) -> Init:
        kind, name, expr, file, line, col, source = data
        return Init(kind, name, expr, Loc(file, line, col), source)


@dataclass
class Program:
    statements: list[Stmt] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)
    inits: list[Init] = field(default_factory=list)
    # file name → its lines, for error messages that show a line the program doesn't hold
    files: list[str] = field(default_factory=list)
    by_fp: dict[str, int] = field(default_factory=dict)

    def index_fingerprints(self) -> None:
        self.by_fp = {s.fp: i for i, s in enumerate(self.statements)}

    def label_of(self, index: int) -> str | None:
        return self.statements[index].label if 0 <= index < len(self.statements) else None

    def to_json(self) -> dict:
        return {
            "format": PROGRAM_FORMAT,
            "statements": [s.to_json() for s in self.statements],
            "labels": self.labels,
            "inits": [i.to_json() for i in self.inits],
            "files": self.files,
        }

    @staticmethod
    def from_json(data: dict) -> Program:
        if data.get("format") != PROGRAM_FORMAT:
            raise ValueError("compiled program has another format")
        p = Program(
            statements=[Stmt.from_json(s) for s in data["statements"]],
            labels=dict(data["labels"]),
            inits=[Init.from_json(i) for i in data["inits"]],
            files=list(data["files"]),
        )
        p.index_fingerprints()
        return p


def fingerprint(label: str | None, kind: str, source: str, occurrence: int) -> str:
    """Stable across edits elsewhere: depends on the statement's label, kind, text (less
    its indentation) and how many identical statements precede it in that label."""
    key = f"{label}\x00{kind}\x00{source.strip()}\x00{occurrence}".encode()
    return hashlib.blake2b(key, digest_size=8).hexdigest()
