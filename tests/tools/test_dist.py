"""The standalone bundle (engine/dist.py): built from a copy of the sources, run from another
folder with a bare environment, and rebuilt after an update. Slow: each build is ~15 s."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from engine import __version__, dist

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="the bundle test builds the Linux bundle"),
]
pytest.importorskip("PyInstaller", reason="needs PyInstaller (pip install -e '.[test]')")

SOURCES = ("main.py", "LICENSE", "pyproject.toml", "engine", "scenes", "assets", "packaging")


def _copy_sources(dest: Path) -> Path:
    for name in SOURCES:
        src = dist.ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "src"))
        else:
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy_sources(tmp_path_factory.mktemp("src"))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("work")  # PyInstaller's, shared: a rebuild is quicker


@pytest.fixture(scope="module")
def built(tree: Path, work: Path, tmp_path_factory: pytest.TempPathFactory) -> dist.Built:
    return dist.build(tmp_path_factory.mktemp("dist"), work, root=tree)


def _run(program: Path, home: Path, script: str) -> subprocess.CompletedProcess[str]:
    (home / "run").mkdir(parents=True, exist_ok=True)
    (home / "run" / "t.txt").write_text(script, "utf-8")
    return subprocess.run([str(program), "--headless", "--test", "t.txt"], cwd=home / "run",
                          env=dist.clean_env(home), capture_output=True, text=True, timeout=120)


def test_bundle_plays_from_a_clean_environment(built: dist.Built, tmp_path: Path) -> None:
    assert dist.smoke(built.program, tmp_path) == []
    data = tmp_path / ".local" / "share" / "the-road-out"
    assert [p.name for p in data.rglob("quick*")], f"no quick save under {data}"
    # Only the player's folders were written: data, cache and the run folder.
    assert {p.name for p in tmp_path.iterdir()} <= {".local", ".cache", "elsewhere", "title.png"}


def test_archive_holds_the_bundle_and_the_players_files(built: dist.Built) -> None:
    assert built.archive.name == f"the-road-out-{__version__}-{dist.platform_tag()}.tar.gz"
    with tarfile.open(built.archive) as tar:
        names = set(tar.getnames())
        top = built.archive.name.removesuffix(".tar.gz")
        for name in ("the-road-out", "README.txt", "LICENSE.txt", "the-road-out.desktop",
                     "licenses/fonts-OFL.txt", "_internal/scenes/01_night_road.scene"):
            assert f"{top}/{name}" in names, name
        assert not any("/assets/src/" in n or "ssl" in n.lower() for n in names)
        assert tar.getmember(f"{top}/the-road-out").mode & 0o111


def test_version_flag(built: dist.Built, tmp_path: Path) -> None:
    out = subprocess.run([str(built.program), "--version"], env=dist.clean_env(tmp_path),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.split() == ["the-road-out", __version__]


def test_rebuilt_bundle_does_not_reuse_the_old_compiled_program(
        built: dist.Built, tree: Path, work: Path, tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path / "home"
    cache = home / ".cache"

    def run_and_list(program: Path, script: str) -> set[Path]:
        out = _run(program, home, script)
        assert out.returncode == 0, out.stderr
        return {p for p in cache.rglob("*") if p.is_file()}

    start = "press Start\nexpect-screen game\n"
    first = run_and_list(built.program, start + "quit\n")
    assert first, "the first run wrote no compiled program"
    # An update of the compiler alone (a comment changes its hash): the scenes are the same,
    # so only the engine's part of the key can tell the old program from the new.
    with (tree / "engine" / "script" / "story.py").open("a", encoding="utf-8") as f:
        f.write("# rebuilt\n")
    engine_only = dist.build(tmp_path_factory.mktemp("dist2"), work, root=tree)
    second = run_and_list(engine_only.program, start + "quit\n")
    assert second - first, "a bundle with a new compiler reused the old compiled program"
    # An update of a scene: the new line shows.
    scene = tree / "scenes" / "01_night_road.scene"
    old = "He stopped, paused in front of her."
    scene.write_text(scene.read_text("utf-8").replace(old, "He stopped, updated."), "utf-8")
    new_scene = dist.build(tmp_path_factory.mktemp("dist3"), work, root=tree)
    run_and_list(new_scene.program,
                 start + "advance 2\nexpect-text He stopped, updated.\nquit\n")
