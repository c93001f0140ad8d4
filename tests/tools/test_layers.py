"""The layers, read from the source: no import circle in engine/, screens that never see
the app, tools off the presentation, a runtime without pygame, and modules a newcomer can
read (about 400 lines at most)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

ENGINE = ROOT / "engine"
MAX_LINES = 420  # "under ~400"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every engine module this file imports, at any depth of the file (lazy imports
    inside functions count: a circle through them is still a circle)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                   for n in ast.walk(block)}  # imports for type hints only never run
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                up = up[: len(up) - node.level + 1]
                base = ".".join([*up, base]) if base else ".".join(up)
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return {m for m in found if m.split(".")[0] == "engine"}


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in ENGINE.rglob("*.py")}
    return {name: {m for m in imports(p) if m in files and m != name}
            for name, p in files.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in g:
        if v not in index:
            visit(v)
    return out


def test_no_import_circle_in_engine() -> None:
    g = graph()
    # A package's __init__ re-exporting its own modules is not a circle between layers.
    for name in g:
        g[name] = {m for m in g[name] if not (name.startswith(m + ".") and
                                                 (ENGINE.parent / m.replace(".", "/")
                                                  / "__init__.py").is_file())}
    assert cycles(g) == []


def test_the_finder_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_screens_never_import_the_app() -> None:
    for path in (ENGINE / "screens").rglob("*.py"):
        assert "engine.present.app" not in imports(path), path


def test_tools_import_nothing_from_the_presentation() -> None:
    for name in ("lint", "routes.py", "bench.py", "routemap_data.py", "graph.py",
                 "textplay.py", "flow.py"):
        for path in ([ENGINE / name] if name.endswith(".py")
                     else list((ENGINE / name).rglob("*.py"))):
            bad = {m for m in imports(path) if m.startswith(("engine.present",
                                                               "engine.screens"))}
            assert not bad, f"{path}: {bad}"


def test_the_story_runtime_and_the_playthrough_import_no_pygame() -> None:
    for path in [*(ENGINE / "script").rglob("*.py"), ENGINE / "playthrough.py",
                 ENGINE / "clock.py", ENGINE / "saves.py"]:
        tree = ast.parse(path.read_text("utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(n.split(".")[0] == "pygame" for n in names), path


def test_no_module_is_too_long_to_read() -> None:
    long = {str(p.relative_to(ROOT)): n for p in ENGINE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}
