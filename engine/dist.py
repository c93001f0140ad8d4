"""`python -m engine dist`: the standalone one-folder bundle a player unpacks and runs,
its archive, and the smoke test that proves the bundle plays.

PyInstaller builds from `packaging/the-road-out.spec` in its own process; this module adds
the player's files (README, licences, the Linux desktop entry), packs the archive for the
platform it runs on and, with `--smoke`, runs the bundle from another folder with a clean
environment. A writer's tool: it imports nothing of the presentation.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from engine import __version__

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "the-road-out.spec"
NAME = "the-road-out"
APP = "The Road Out.app"
# Files a player reads, put beside the program rather than inside the bundle's internals.
PLAYER_FILES = {"packaging/README-player.txt": "README.txt", "LICENSE": "LICENSE.txt",
                "assets/fonts/OFL.txt": "licenses/fonts-OFL.txt",
                "assets/fonts/DejaVu-LICENSE.txt": "licenses/fonts-DejaVu.txt"}
LINUX_FILES = {"packaging/the-road-out.desktop": "the-road-out.desktop",
               "packaging/icon.png": "the-road-out.png",
               "packaging/install-desktop-entry.sh": "install-desktop-entry.sh"}
# The smoke test: the title draws, the first line shows, a quick save is written and read
# back, a quick load returns to it, the game exits 0 (see DESIGN.md, the test harness).
SMOKE_SCRIPT = """\
expect-screen title
shot {shot}
press Start
expect-screen game
wait 1
key f5
expect-notice Quick saved
expect-slot quick saved
advance
key f9
expect-screen game
quit
"""


@dataclass
class Built:
    bundle: Path  # the folder (Linux, Windows) or .app (macOS) the archive holds
    program: Path  # what a player starts
    archive: Path
    seconds: float


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform,
                                                                         sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def program_in(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / NAME
    return bundle / (NAME + (".exe" if sys.platform == "win32" else ""))


def build(out: Path, work: Path, root: Path = ROOT) -> Built:
    """Build the bundle of the source tree `root` under `out` (PyInstaller's work files
    under `work`) and pack it."""
    started = time.perf_counter()
    spec = root / SPEC.relative_to(ROOT)
    subprocess.run([sys.executable, "-m", "PyInstaller", str(spec), "--noconfirm",
                    "--log-level", "WARN", "--distpath", str(out), "--workpath", str(work)],
                   check=True, cwd=root)
    bundle = out / APP if sys.platform == "darwin" else out / NAME
    # macOS: inside the .app, which is all its archive holds.
    _add_player_files(bundle / "Contents" / "Resources" if sys.platform == "darwin"
                      else bundle, root)
    archive = pack(bundle, out)
    return Built(bundle, program_in(bundle), archive, time.perf_counter() - started)


def _add_player_files(folder: Path, root: Path) -> None:
    files = dict(PLAYER_FILES)
    if sys.platform.startswith("linux"):
        files.update(LINUX_FILES)
    for src, dest in files.items():
        target = folder / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / src, target)


def pack(bundle: Path, out: Path) -> Path:
    """The archive a player downloads: .tar.gz on Linux (keeps the bundle's symlinks and
    the program's execute bit), .zip elsewhere; named with the version and platform."""
    stem = f"{NAME}-{__version__}-{platform_tag()}"
    if sys.platform.startswith("linux"):
        archive = out / f"{stem}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(bundle, arcname=stem)
        return archive
    archive = out / f"{stem}.zip"
    if sys.platform == "darwin":
        # ditto keeps the .app's symlinks and signature, which zipfile cannot.
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(archive)],
                       check=True)
        return archive
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(bundle.rglob("*")):
            z.write(path, Path(stem) / path.relative_to(bundle))
    return archive


def clean_env(home: Path) -> dict[str, str]:
    """A player's bare environment (`env -i PATH=/usr/bin:/bin HOME=…`), plus SDL's dummy
    drivers; on Windows the few variables a program cannot start without."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "SDL_VIDEODRIVER": "dummy",
           "SDL_AUDIODRIVER": "dummy"}
    if sys.platform == "win32":
        keep = ("SYSTEMROOT", "WINDIR", "PATH", "TEMP", "TMP")
        env.update({k: os.environ[k] for k in keep if k in os.environ})
        env.update({"USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
                    "LOCALAPPDATA": str(home / "AppData" / "Local")})
    return env


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in folder.rglob("*")}


def smoke(program: Path, home: Path, timeout: float = 120) -> list[str]:
    """Run the smoke test against a built bundle from another folder with a clean
    environment; the problems found (none: it passed)."""
    bundle = program.parents[2] if program.parent.name == "MacOS" else program.parent
    before = _snapshot(bundle)
    run_dir = home / "elsewhere"
    run_dir.mkdir(parents=True, exist_ok=True)
    shot = home / "title.png"
    script = run_dir / "smoke.txt"
    script.write_text(SMOKE_SCRIPT.format(shot=shot.as_posix()), "utf-8")
    proc = subprocess.run([str(program), "--headless", "--test", str(script)], cwd=run_dir,
                          env=clean_env(home), capture_output=True, text=True,
                          timeout=timeout)
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit status {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    if not shot.is_file() or shot.stat().st_size < 10_000:
        problems.append("the title frame was not drawn")
    changed = sorted(set(_snapshot(bundle).items()) ^ set(before.items()))
    if changed:
        problems.append(f"the bundle wrote inside its own folder: {changed[:5]}")
    return problems


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def cmd_dist(out: Path, run_smoke: bool) -> int:
    out = out.resolve()
    with tempfile.TemporaryDirectory() as work:
        built = build(out, Path(work))
    print(f"built {built.bundle} in {built.seconds:.1f} s: "
          f"{folder_size(built.bundle) / 1e6:.1f} MB, archive {built.archive.name} "
          f"{built.archive.stat().st_size / 1e6:.1f} MB")
    if not run_smoke:
        return 0
    with tempfile.TemporaryDirectory() as home:
        problems = smoke(built.program, Path(home))
    for problem in problems:
        print(f"smoke test: {problem}", file=sys.stderr)
    print("smoke test passed" if not problems else "smoke test FAILED")
    return 1 if problems else 0
