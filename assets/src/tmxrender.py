"""Minimal TMX renderer for review pictures: draws layers in document order, as Tiled does."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pygame


def _load_tileset(map_dir: str, ts: ET.Element) -> tuple[int, list[pygame.Surface]]:
    first = int(ts.get("firstgid", "1"))
    base = map_dir
    if ts.get("source"):
        path = os.path.join(map_dir, ts.get("source", ""))
        ts = ET.parse(path).getroot()
        base = os.path.dirname(path)
    tw, th = int(ts.get("tilewidth", "0")), int(ts.get("tileheight", "0"))
    img_el = ts.find("image")
    assert img_el is not None
    sheet = pygame.image.load(os.path.join(base, img_el.get("source", "")))
    cols = int(ts.get("columns", "1"))
    count = int(ts.get("tilecount", "0"))
    tiles = [sheet.subsurface(((i % cols) * tw, (i // cols) * th, tw, th)) for i in range(count)]
    return first, tiles


def render_tmx(path: str, show: frozenset[str] = frozenset()) -> pygame.Surface:
    """Render a map; groups/layers named in show are made visible."""
    root = ET.parse(path).getroot()
    map_dir = os.path.dirname(path)
    tw, th = int(root.get("tilewidth", "0")), int(root.get("tileheight", "0"))
    w, h = int(root.get("width", "0")), int(root.get("height", "0"))
    out = pygame.Surface((w * tw, h * th), pygame.SRCALPHA)
    out.fill((0, 0, 0, 255))
    gids: dict[int, pygame.Surface] = {}
    for ts in root.findall("tileset"):
        first, tiles = _load_tileset(map_dir, ts)
        for i, t in enumerate(tiles):
            gids[first + i] = t

    def visit(el: ET.Element, opacity: float) -> None:
        for child in el:
            if child.tag not in ("layer", "imagelayer", "group"):
                continue
            name = child.get("name", "")
            if child.get("visible", "1") == "0" and name not in show:
                continue
            op = opacity * float(child.get("opacity", "1"))
            if child.tag == "group":
                visit(child, op)
                continue
            layer = pygame.Surface(out.get_size(), pygame.SRCALPHA)
            layer.fill((0, 0, 0, 0))
            if child.tag == "imagelayer":
                img = child.find("image")
                if img is not None:
                    pic = pygame.image.load(os.path.join(map_dir, img.get("source", "")))
                    layer.blit(pic, (int(float(child.get("offsetx", "0"))),
                                     int(float(child.get("offsety", "0")))))
            else:
                data = child.find("data")
                assert data is not None and data.get("encoding") == "csv"
                vals = [int(v) for v in (data.text or "").replace("\n", "").split(",") if v]
                for i, g in enumerate(vals):
                    if g:
                        layer.blit(gids[g & 0x1FFFFFFF], ((i % w) * tw, (i // w) * th))
            if op < 1.0:
                layer.set_alpha(int(op * 255))
            out.blit(layer, (0, 0))

    visit(root, 1.0)
    return out
