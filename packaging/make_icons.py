"""Write the bundles' icons from the window icon's drawing (assets/src/gui.py): icon.ico
(Windows), icon.icns (macOS) and icon.png (the Linux desktop entry), beside this file.

A build tool, like assets/src/make_art.py (needs numpy); the icons are committed. Both
formats hold PNG images, which Windows Vista+ and macOS 10.7+ read, so no image library
beyond pygame is needed. Deterministic: running it again writes the same bytes.
"""

from __future__ import annotations

import io
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "assets" / "src"))

import pygame  # noqa: E402
from gui import icon  # noqa: E402

ICO_SIZES = (16, 32, 48, 64, 128, 256)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256))


def png_bytes(surface: pygame.Surface) -> bytes:
    buf = io.BytesIO()
    pygame.image.save(surface, buf, "icon.png")
    return buf.getvalue()


def scaled(full: pygame.Surface, size: int) -> pygame.Surface:
    return full if size == full.get_width() else pygame.transform.smoothscale(full, (size, size))


def ico(full: pygame.Surface) -> bytes:
    images = [png_bytes(scaled(full, n)) for n in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = 0 if size == 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return header + entries + blobs


def icns(full: pygame.Surface) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        data = png_bytes(scaled(full, size))
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> None:
    pygame.init()
    full = icon(256)
    (HERE / "icon.ico").write_bytes(ico(full))
    (HERE / "icon.icns").write_bytes(icns(full))
    (HERE / "icon.png").write_bytes(png_bytes(full))


if __name__ == "__main__":
    main()
