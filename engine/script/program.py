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

PROGRAM_FORMAT = 3


class Stmt:
    """One flat statement. `args` holds the kind's operands as plain JSON-able data;
    `implicit` marks statements the compiler added (an if's jump to its end, a file's
    closing return), which have no line of their own to show. `occ` counts identical
    statements before this one in its label; with the label, kind and text it makes the
    fingerprint, computed on first use because most statements never need one."""

    __slots__ = ("kind", "loc", "source", "label", "occ", "args", "implicit", "_fp")

    def __init__(self, kind: str, loc: Loc, source: str, label: str | None, occ: int,
                 args: dict[str, Any], implicit: bool = False) -> None:
        self.kind = kind
        self.loc = loc
        self.source = source
        self.label = label
        self.occ = occ
        self.args = args
        self.implicit = implicit
        self._fp: str | None = None

    @property
    def fp(self) -> str:
        if self._fp is None:
            kind = self.kind + "/i" if self.implicit else self.kind
            self._fp = fingerprint(self.label, kind, self.source, self.occ)
        return self._fp

    def __repr__(self) -> str:
        return f"Stmt({self.kind!r}, {self.loc}, {self.source.strip()!r})"

    def to_json(self) -> list:
        return [self.kind, self.loc.file, self.loc.line, self.loc.col, self.source,
                self.label, self.occ, self.args, self.implicit]

    @staticmethod
    def from_json(data: list) -> Stmt:
        kind, file, line, col, source, label, occ, args, implicit = data
        return Stmt(kind, Loc(file, line, col), source, label, occ, args, implicit)


@dataclass(slots=True)
class Init:
    """A define, default, image or transform statement: run once before the story starts.
    A transform's `expr` is {"params": [names], "defaults": {name: expr}, "body": ATL}."""

    kind: str  # define | default | image | transform
    name: str
    expr: Any
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
    files: list[str] = field(default_factory=list)  # the scene files, in load order
    _by_fp: dict[str, int] | None = None

    @property
    def transforms(self) -> dict[str, Init]:
        """The `transform` definitions by name (the last of a name wins, as in Ren'Py)."""
        return {i.name: i for i in self.inits if i.kind == "transform"}

    @property
    def story_labels(self) -> dict[str, int]:
        """The labels less the return points `call x from NAME` names: those label the
        statement after a call, for saves and jumps, and are no part of the story's map."""
        return {name: i for name, i in self.labels.items()
                if self.statements[i].kind == "label"}

    @property
    def by_fp(self) -> dict[str, int]:
        """Statement index by fingerprint; built when a restore first needs it."""
        if self._by_fp is None:
            self._by_fp = {s.fp: i for i, s in enumerate(self.statements)}
        return self._by_fp

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
        return Program(
            statements=[Stmt.from_json(s) for s in data["statements"]],
            labels=dict(data["labels"]),
            inits=[Init.from_json(i) for i in data["inits"]],
            files=list(data["files"]),
        )


def fingerprint(label: str | None, kind: str, source: str, occurrence: int) -> str:
    """Stable across edits elsewhere: depends on the statement's label, kind, text (less
    its indentation) and how many identical statements precede it in that label."""
    key = f"{label}\x00{kind}\x00{source.strip()}\x00{occurrence}".encode()
    return hashlib.blake2b(key, digest_size=8).hexdigest()
