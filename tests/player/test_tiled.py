"""The background renderer against what Tiled would draw.

Expected pictures are built from each map's own data (the XML, the tileset images, and pytmx's
independently flipped tile images), never from pixel values copied out of our own renders.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import time  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
import pytmx  # noqa: E402
from pytmx.util_pygame import load_pygame  # noqa: E402

from engine.present.tiled import (  # noqa: E402
    BackgroundCache,
    UnknownLayerError,
    load_background,
    render_map,
)

# Tiled's own example maps, with their art and its licences (see README.md there).
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "tiled-examples"
EXAMPLE_MAPS = [
    "desert.tmx",
    "orthogonal-outside.tmx",
    "forest/forest.tmx",
    "rpg/island.tmx",
    "sticker-knight/map/sandbox.tmx",
]

T = 8  # tile size of the purpose-made maps


@pytest.fixture(scope="module", autouse=True)
def display():
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1), pygame.HIDDEN)
    yield


# --------------------------------------------------------------------------- helpers


def pixels(surface: pygame.Surface, rect: pygame.Rect | None = None) -> bytes:
    if rect is not None:
        surface = surface.subsurface(rect)
    return pygame.image.tobytes(surface, "RGBA")


def composite(size: tuple[int, int], *layers: tuple[pygame.Surface, tuple[int, int]]):
    out = pygame.Surface(size, pygame.SRCALPHA)
    out.fill((0, 0, 0, 0))
    for image, pos in layers:
        out.blit(image, pos)
    return out


def opaque_pixels_match(
    rendered: pygame.Surface, image: pygame.Surface, at: tuple[int, int], tolerance: int = 0
) -> int:
    """Every fully opaque pixel of `image` shows unchanged at `at`; returns how many were seen."""
    seen = 0
    bounds = rendered.get_rect()
    for y in range(image.get_height()):
        for x in range(image.get_width()):
            colour = image.get_at((x, y))
            target = (at[0] + x, at[1] + y)
            if colour.a != 255 or not bounds.collidepoint(target):
                continue
            got = rendered.get_at(target)
            assert all(abs(a - b) <= tolerance for a, b in zip(got, colour, strict=True)), (
                f"pixel {target}: rendered {got}, map data says {colour}"
            )
            seen += 1
    return seen


def tile_colour(index: int, x: int, y: int) -> tuple[int, int, int, int]:
    """Every pixel of every test tile differs, so any flip or shift shows."""
    return (40 + 50 * index, 20 + 28 * x, 20 + 28 * y, 255)


def write_tileset(folder: Path, count: int = 4, name: str = "tiles.png", half_clear=()) -> Path:
    """A one-row tileset; tiles listed in half_clear are transparent in their right half."""
    sheet = pygame.Surface((T * count, T), pygame.SRCALPHA)
    for i in range(count):
        for y in range(T):
            for x in range(T):
                clear = i in half_clear and x >= T // 2
                sheet.set_at((i * T + x, y), (0, 0, 0, 0) if clear else tile_colour(i, x, y))
    path = folder / name
    pygame.image.save(sheet, str(path))
    return path


def tile_image(index: int) -> pygame.Surface:
    image = pygame.Surface((T, T), pygame.SRCALPHA)
    for y in range(T):
        for x in range(T):
            image.set_at((x, y), tile_colour(index, x, y))
    return image


def write_map(
    folder: Path,
    body: str,
    width: int = 4,
    height: int = 4,
    tileset: str | None = None,
    name: str = "map.tmx",
    extra: str = "",
) -> Path:
    if tileset is None:
        write_tileset(folder)
        tileset = (
            f'<tileset firstgid="1" name="t" tilewidth="{T}" tileheight="{T}" tilecount="4"'
            f' columns="4"><image source="tiles.png" width="{4 * T}" height="{T}"/></tileset>'
        )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<map version="1.10" orientation="orthogonal" renderorder="right-down" width="{width}"'
        f' height="{height}" tilewidth="{T}" tileheight="{T}" infinite="0" {extra}>'
        f"{tileset}{body}</map>"
    )
    path = folder / name
    path.write_text(text)
    return path


def csv_layer(name: str, gids: list[list[int]], attrs: str = "") -> str:
    rows = ",\n".join(",".join(str(g) for g in row) for row in gids)
    return (
        f'<layer name="{name}" width="{len(gids[0])}" height="{len(gids)}" {attrs}>'
        f'<data encoding="csv">{rows}</data></layer>'
    )


def fill(gid: int, width: int = 4, height: int = 4) -> list[list[int]]:
    return [[gid] * width for _ in range(height)]


def cell(rendered: pygame.Surface, x: int, y: int, w: int = T, h: int = T) -> bytes:
    return pixels(rendered, pygame.Rect(x * T, y * T, w, h))


# --------------------------------------------------------------------------- Tiled's examples


@pytest.fixture(scope="module")
def render_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("tiled-renders")


def xml_visible_tile_layers(path: Path) -> list[str]:
    """Names of the tile layers Tiled shows, in document order, read from the XML."""
    names: list[str] = []

    def walk(parent, on):
        for elem in parent:
            visible = on and elem.get("visible", "1") != "0"
            if elem.tag == "layer" and visible:
                names.append(elem.get("name"))
            elif elem.tag == "group":
                walk(elem, visible)

    walk(ET.parse(path).getroot(), True)
    return names


def tile_object_rects(tmx) -> list[pygame.Rect]:
    return [
        pygame.Rect(int(o.x) - 1, int(o.y) - 1, int(o.width) + 3, int(o.height) + 3)
        for o in tmx.objects
        if o.gid
    ]


@pytest.mark.parametrize("name", EXAMPLE_MAPS)
def test_example_renders_at_map_size_and_is_saved(name, render_dir):
    path = EXAMPLES / name
    rendered = render_map(path)
    root = ET.parse(path).getroot()
    size = (
        int(root.get("width")) * int(root.get("tilewidth")),
        int(root.get("height")) * int(root.get("tileheight")),
    )
    assert rendered.get_size() == size
    pygame.image.save(rendered, str(render_dir / (path.stem + ".png")))
    fitted = load_background(path)
    assert fitted.surface.get_size() == (1280, 720)
    pygame.image.save(fitted.surface, str(render_dir / (path.stem + "_fit.png")))
    # Something is drawn on most of the map: no example is mostly empty in Tiled.
    mask = pygame.mask.from_surface(rendered, 0)
    assert mask.count() > 0.5 * size[0] * size[1]


@pytest.mark.parametrize("name", ["desert.tmx", "orthogonal-outside.tmx", "rpg/island.tmx"])
def test_example_tile_cells_match_tileset_tiles_in_layer_order(name):
    """Each sampled cell equals the map's tiles stacked in document order.

    The expected tile pictures are pytmx's own (it cuts and flips them itself), so this also
    checks our flip code against an independent implementation.
    """
    path = EXAMPLES / name
    rendered = render_map(path)
    tmx = load_pygame(str(path))
    layers = {layer.name: layer for layer in tmx.layers if isinstance(layer, pytmx.TiledTileLayer)}
    order = [layers[n] for n in xml_visible_tile_layers(path)]
    assert order, "example has visible tile layers"
    tw, th = tmx.tilewidth, tmx.tileheight
    avoid = tile_object_rects(tmx)
    flags = pytmx_flips(tmx)
    flipped_checked = 0
    checked = 0
    for y in range(tmx.height):
        for x in range(tmx.width):
            gids = [layer.data[y][x] for layer in order]
            flipped = any(flags.get(g, False) for g in gids)
            if not flipped and (x * 7 + y * 13) % 5:
                continue  # a sample of ordinary cells, all flipped ones
            rect = pygame.Rect(x * tw, y * th, tw, th)
            if rect.collidelist(avoid) != -1:
                continue
            stack = []
            for g in gids:
                if not g:
                    continue
                image = frame_zero_image(tmx, g, flags)
                if image is None or image.get_size() != (tw, th):
                    break
                stack.append((image, (0, 0)))
            else:
                expected = composite((tw, th), *stack)
                assert pixels(rendered, rect) == pixels(expected), f"{name} cell {x},{y}"
                checked += 1
                flipped_checked += flipped
    assert checked > 50
    if name != "desert.tmx":
        assert flipped_checked > 0, "the example's flipped tiles were checked"


def pytmx_flips(tmx) -> dict[int, bool]:
    """pytmx gid -> whether it stands for a flipped tile."""
    return {value[0]: any(value[1]) for key, value in tmx.imagemap.items() if key[0]}


def frame_zero_image(tmx, gid: int, flips: dict[int, bool]):
    props = tmx.get_tile_properties_by_gid(gid) or {}
    frames = props.get("frames") or []
    if frames and tmx.tiledgidmap[frames[0].gid] != tmx.tiledgidmap[gid]:
        if flips.get(gid):
            return None  # pytmx does not flip animation frames; not a usable oracle here
        return tmx.images[frames[0].gid]
    return tmx.images[gid]


def test_example_tile_objects_appear_at_their_place():
    path = EXAMPLES / "orthogonal-outside.tmx"
    rendered = render_map(path)
    tmx = load_pygame(str(path))
    objects = [o for o in tmx.objects if o.gid]
    # Tiled's default draw order is top-down: by y, ties in document order.
    drawn = sorted(objects, key=lambda o: o.y + o.height)
    seen = 0
    for n, obj in enumerate(drawn):
        at = (round(obj.x), round(obj.y))
        later = [pygame.Rect(round(o.x), round(o.y), 16, 16) for o in drawn[n + 1 :]]
        if pygame.Rect(at, (16, 16)).collidelist(later) != -1:
            continue  # partly covered by an object drawn after it
        seen += opaque_pixels_match(rendered, obj.image, at)
    assert seen > 500


def test_example_forest_respects_document_order_and_tile_subrects():
    """pytmx lists 'platforms' before the object layers; in the file it comes after them."""
    path = EXAMPLES / "forest" / "forest.tmx"
    rendered = render_map(path)
    tsx = ET.parse(EXAMPLES / "forest" / "forest.tsx").getroot()
    sheet = pygame.image.load(str(EXAMPLES / "forest" / "squirrel.png")).convert_alpha()

    def sub(tile_id: int) -> pygame.Surface:
        tile = tsx.find(f"tile[@id='{tile_id}']")
        rect = pygame.Rect(*(int(tile.get(k)) for k in ("x", "y", "width", "height")))
        return sheet.subsurface(rect)

    tmx = load_pygame(str(path))
    assert [layer.name for layer in tmx.layers][0] == "platforms"  # the quirk this guards
    platforms = next(layer for layer in tmx.layers if layer.name == "platforms")
    platform_tile = sub(0)
    character = pygame.Rect(192, 160 - 25, 25, 25)
    seen = 0
    for y, row in enumerate(platforms.data):
        for x, gid in enumerate(row):
            if gid and not character.colliderect((x * 16, y * 16, 16, 16)):
                seen += opaque_pixels_match(rendered, platform_tile, (x * 16, y * 16))
    assert seen > 1000

    # The animated squirrel (tile 13) shows its first frame (tile 10) at time 0 ...
    assert opaque_pixels_match(rendered, sub(10), character.topleft) > 100
    # ... and its second frame (tile 11) after 150 ms.
    background = load_background(path, size=(640, 256))
    assert background.animated
    canvas = pygame.Surface((640, 256))
    background.draw(canvas, 150)
    assert opaque_pixels_match(canvas, sub(11), character.topleft) > 100
    background.draw(canvas, 300)
    assert opaque_pixels_match(canvas, sub(10), character.topleft) > 100


def test_example_sticker_knight_objects_scaled_and_templates_resolved():
    folder = EXAMPLES / "sticker-knight" / "map"
    rendered = render_map(folder / "sandbox.tmx")
    # Background colour from the map's backgroundcolor="#27b99a" where nothing is drawn.
    assert tuple(rendered.get_at((1200, 20)))[:3] == (0x27, 0xB9, 0x9A)
    # The 'above' layer (last drawn): grassLarge.png as an object of 224x32 at x=481, y=997.
    grass = pygame.image.load(str(folder / "grassLarge.png")).convert_alpha()
    grass = pygame.transform.smoothscale(grass, (224, 32))
    assert opaque_pixels_match(rendered, grass, (481, 997 - 32), tolerance=3) > 2000
    # A template object (templates/hero.tx: gid 22 = hero.png, 128x160); pytmx gives it no gid.
    hero = pygame.image.load(str(folder / "hero.png")).convert_alpha()
    hero = pygame.transform.smoothscale(hero, (128, 160))
    assert opaque_pixels_match(rendered, hero, (45, round(979.5 - 160)), tolerance=3) > 5000


def test_example_island_animation_changes_only_animated_cells():
    path = EXAMPLES / "rpg" / "island.tmx"
    background = load_background(path, size=(928, 752))  # map size: no scaling
    assert background.animated
    first = pygame.Surface((928, 752))
    later = pygame.Surface((928, 752))
    background.draw(first, 0)
    background.draw(later, 250)
    assert pixels(first) == pixels(render_map(path).convert(first))
    tmx = load_pygame(str(path))
    animated_cells = set()
    for layer in tmx.layers:
        if isinstance(layer, pytmx.TiledTileLayer):
            for x, y, gid in layer.iter_data():
                props = tmx.get_tile_properties_by_gid(gid) if gid else None
                if props and props.get("frames"):
                    animated_cells.add((x, y))
    changed = 0
    for y in range(tmx.height):
        for x in range(tmx.width):
            rect = pygame.Rect(x * 16, y * 16, 16, 16)
            if pixels(first, rect) != pixels(later, rect):
                assert (x, y) in animated_cells, f"static cell {x},{y} changed"
                changed += 1
    assert changed > 100
    start = time.perf_counter()
    for _ in range(5):
        background.draw(later, 250)
    assert (time.perf_counter() - start) / 5 < 0.05


# --------------------------------------------------------------------------- purpose-made maps


def test_hidden_group_hides_its_visible_children(tmp_path):
    body = csv_layer("ground", fill(1)) + (
        f'<group name="clouds" visible="0">{csv_layer("cloud", fill(2))}</group>'
    )
    path = write_map(tmp_path, body)
    # pytmx sees the child as a visible top-level layer; Tiled does not draw it.
    assert load_pygame(str(path)).get_layer_by_name("cloud").visible
    rendered = render_map(path)
    for x, y in [(0, 0), (3, 3), (1, 2)]:
        assert cell(rendered, x, y) == pixels(tile_image(0))


def test_attribute_switches_a_hidden_group_on(tmp_path):
    write_tileset(tmp_path, half_clear={2})
    tileset = (
        f'<tileset firstgid="1" name="t" tilewidth="{T}" tileheight="{T}" tilecount="4"'
        f' columns="4"><image source="tiles.png" width="{4 * T}" height="{T}"/></tileset>'
    )
    body = csv_layer("ground", fill(1)) + (
        '<group name="clouds" visible="0">'
        + csv_layer("cloud", [[3, 0, 0, 0]] + fill(0, 4, 3))
        + csv_layer("rain", fill(4), 'visible="0"')
        + "</group>"
        + csv_layer("fog", [[0, 2, 0, 0]] + fill(0, 4, 3), 'visible="0"')
    )
    path = write_map(tmp_path, body, tileset=tileset)
    plain = render_map(path)
    assert cell(plain, 0, 0) == pixels(tile_image(0))
    on = render_map(path, ["clouds"])
    sheet = pygame.image.load(str(tmp_path / "tiles.png")).convert_alpha()
    cloud_tile = sheet.subsurface((2 * T, 0, T, T))  # right half transparent
    assert cell(on, 0, 0) == pixels(
        composite((T, T), (tile_image(0), (0, 0)), (cloud_tile, (0, 0)))
    )
    # A layer hidden inside the switched-on group stays hidden ...
    assert cell(on, 3, 3) == pixels(tile_image(0))
    # ... unless it is named itself; a hidden top-level layer can be named too.
    both = render_map(path, ["clouds", "rain", "fog"])
    assert cell(both, 3, 3) == pixels(tile_image(3))
    assert cell(both, 1, 0) == pixels(tile_image(1))  # fog comes after rain in the file
    assert cell(render_map(path, ["fog"]), 1, 0) == pixels(tile_image(1))


def test_nested_group_opacity_and_offset_multiply_and_add(tmp_path):
    body = (
        '<group name="outer" opacity="0.5" offsetx="8" offsety="0">'
        '<group name="inner" opacity="0.5" offsetx="0" offsety="8">'
        + csv_layer("one", [[1, 0, 0, 0]] + fill(0, 4, 3), 'offsetx="1" offsety="0"')
        + "</group></group>"
    )
    rendered = render_map(write_map(tmp_path, body))
    assert rendered.get_at((0, 0)).a == 0
    got = rendered.get_at((8 + 1, 8))
    r, g, b, _ = tile_colour(0, 0, 0)
    assert (got.r, got.g, got.b) == (r, g, b)
    assert abs(got.a - 0.25 * 255) <= 2
    assert rendered.get_at((8, 8)).a == 0  # the layer's own offsetx=1 adds too


def test_image_layer_uses_its_own_picture_despite_pytmx_gid_collision(tmp_path):
    picture = pygame.Surface((16, 8), pygame.SRCALPHA)
    picture.fill((250, 0, 250, 255))
    pygame.image.save(picture, str(tmp_path / "picture.png"))
    # Only Tiled gids 1 and 3 are used, so pytmx numbers them 1 and 2 and then hands the image
    # layer Tiled gid 3 -> tile 3's image (pytmx issue 183).
    body = csv_layer("ground", [[1, 3, 1, 1]] + fill(1, 4, 3)) + (
        '<imagelayer name="sign" offsetx="4" offsety="12">'
        '<image source="picture.png" width="16" height="8"/></imagelayer>'
    )
    path = write_map(tmp_path, body)
    tmx = load_pygame(str(path))
    layer = next(lay for lay in tmx.layers if isinstance(lay, pytmx.TiledImageLayer))
    # The trap is set: pytmx's image layer picture is tile 3 (drop this if pytmx fixes #183).
    assert layer.image.get_size() == (T, T)
    rendered = render_map(path)
    assert pixels(rendered, pygame.Rect(4, 12, 16, 8)) == pixels(picture)
    assert cell(rendered, 1, 0) == pixels(tile_image(2))


def test_hidden_image_layer_is_not_drawn_and_repeat_fills(tmp_path):
    picture = pygame.Surface((8, 8), pygame.SRCALPHA)
    picture.fill((1, 200, 3, 255))
    pygame.image.save(picture, str(tmp_path / "p.png"))
    body = (
        csv_layer("ground", fill(1))
        + '<imagelayer name="hidden" visible="0"><image source="p.png"/></imagelayer>'
    )
    rendered = render_map(write_map(tmp_path, body))
    assert cell(rendered, 0, 0) == pixels(tile_image(0))
    body = (
        csv_layer("ground", fill(1))
        + '<imagelayer name="band" offsetx="3" offsety="16" repeatx="1">'
        + '<image source="p.png"/></imagelayer>'
    )
    rendered = render_map(write_map(tmp_path, body))
    for x in range(0, 32):
        assert tuple(rendered.get_at((x, 20))) == (1, 200, 3, 255)
    assert cell(rendered, 0, 0) == pixels(tile_image(0))


def expected_flip(index: int, h: bool, v: bool, d: bool) -> pygame.Surface:
    """Tiled's rule, pixel by pixel: transpose if diagonal, then mirror x, then mirror y."""
    out = pygame.Surface((T, T), pygame.SRCALPHA)
    for y in range(T):
        for x in range(T):
            sy = T - 1 - y if v else y
            sx = T - 1 - x if h else x
            if d:
                sx, sy = sy, sx
            out.set_at((x, y), tile_colour(index, sx, sy))
    return out


def test_flipped_tiles_follow_tileds_rule(tmp_path):
    combos = [(h, v, d) for d in (False, True) for v in (False, True) for h in (False, True)]
    gids = [2 | (h << 31) | (v << 30) | (d << 29) for h, v, d in combos]
    body = csv_layer("flips", [gids[:4], gids[4:], [0] * 4, [0] * 4])
    path = write_map(tmp_path, body)
    rendered = render_map(path)
    tmx = load_pygame(str(path))
    for n, (h, v, d) in enumerate(combos):
        x, y = n % 4, n // 4
        assert cell(rendered, x, y) == pixels(expected_flip(1, h, v, d)), (h, v, d)
        assert cell(rendered, x, y) == pixels(tmx.images[tmx.layers[0].data[y][x]])


def test_tile_objects_flipped_scaled_rotated(tmp_path):
    body = (
        '<objectgroup name="things" draworder="index">'
        '<object id="1" gid="2" x="0" y="16" width="8" height="8"/>'
        f'<object id="2" gid="{2 | 1 << 31}" x="8" y="16" width="8" height="8"/>'
        '<object id="3" gid="2" x="16" y="16" width="8" height="8" rotation="90"/>'
        '<object id="4" gid="2" x="0" y="32" width="16" height="8"/>'
        '<object id="5" gid="3" x="24" y="8" width="8" height="8" visible="0"/>'
        "</objectgroup>"
    )
    rendered = render_map(write_map(tmp_path, body))
    assert pixels(rendered, pygame.Rect(0, 8, 8, 8)) == pixels(tile_image(1))
    assert pixels(rendered, pygame.Rect(8, 8, 8, 8)) == pixels(expected_flip(1, True, False, False))
    # Rotated 90 degrees clockwise about its bottom-left corner (16, 16): it now hangs below.
    turned = pygame.Surface((T, T), pygame.SRCALPHA)
    for y in range(T):
        for x in range(T):
            turned.set_at((x, y), tile_colour(1, y, T - 1 - x))
    assert pixels(rendered, pygame.Rect(16, 16, 8, 8)) == pixels(turned)
    stretched = pygame.transform.smoothscale(tile_image(1), (16, 8))
    assert opaque_pixels_match(rendered, stretched, (0, 24), tolerance=0) == 128
    assert rendered.get_at((28, 4)).a == 0  # invisible object


def test_big_tiles_are_bottom_aligned_and_later_layers_cover_earlier(tmp_path):
    tall = pygame.Surface((T, 2 * T), pygame.SRCALPHA)
    tall.fill((9, 99, 199, 255))
    pygame.image.save(tall, str(tmp_path / "tall.png"))
    write_tileset(tmp_path)
    tilesets = (
        f'<tileset firstgid="1" name="t" tilewidth="{T}" tileheight="{T}" tilecount="4"'
        f' columns="4"><image source="tiles.png" width="{4 * T}" height="{T}"/></tileset>'
        f'<tileset firstgid="5" name="tall" tilewidth="{T}" tileheight="{2 * T}" tilecount="1"'
        f' columns="1"><image source="tall.png" width="{T}" height="{2 * T}"/></tileset>'
    )
    body = (
        csv_layer("ground", fill(1))
        + csv_layer("trees", [[0, 0, 0, 0], [0, 5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
        + csv_layer("top", [[0, 2, 0, 0]] + fill(0, 4, 3))
    )
    rendered = render_map(write_map(tmp_path, body, tileset=tilesets))
    assert cell(rendered, 1, 1) == pixels(tall, pygame.Rect(0, 0, T, T))  # the tree's foot
    assert cell(rendered, 1, 0) == pixels(tile_image(1))  # 'top' covers the tree's crown
    assert cell(rendered, 1, 2) == pixels(tile_image(0))


@pytest.mark.parametrize(
    "order, winner", [("right-down", 2), ("left-down", 1), ("right-up", 2), ("left-up", 1)]
)
def test_render_order_decides_which_overlapping_big_tile_is_on_top(tmp_path, order, winner):
    wide = pygame.Surface((2 * T, T * 2), pygame.SRCALPHA)
    wide.fill((200, 10, 10, 255), (0, 0, 2 * T, T))
    wide.fill((10, 10, 200, 255), (0, T, 2 * T, T))
    pygame.image.save(wide, str(tmp_path / "wide.png"))
    tileset = (
        f'<tileset firstgid="1" name="w" tilewidth="{2 * T}" tileheight="{T}" tilecount="2"'
        f' columns="1"><image source="wide.png" width="{2 * T}" height="{2 * T}"/></tileset>'
    )
    # Two wide tiles side by side overlap over cell (1, 0); the one drawn last shows there.
    body = csv_layer("row", [[1, 2, 0, 0]] + fill(0, 4, 3))
    path = write_map(tmp_path, body, tileset=tileset, extra="")
    path.write_text(path.read_text().replace("right-down", order))
    rendered = render_map(path)
    colour = (200, 10, 10, 255) if winner == 1 else (10, 10, 200, 255)
    assert tuple(rendered.get_at((T + 2, 2))) == colour


def test_animated_tile_frame_follows_time_under_upper_layers(tmp_path):
    write_tileset(tmp_path, half_clear={3})
    tileset = (
        f'<tileset firstgid="1" name="t" tilewidth="{T}" tileheight="{T}" tilecount="4"'
        f' columns="4"><image source="tiles.png" width="{4 * T}" height="{T}"/>'
        '<tile id="0"><animation><frame tileid="0" duration="100"/>'
        '<frame tileid="1" duration="200"/><frame tileid="2" duration="100"/>'
        "</animation></tile></tileset>"
    )
    body = csv_layer("water", fill(1)) + csv_layer("over", [[4, 0, 0, 0]] + fill(0, 4, 3))
    path = write_map(tmp_path, body, tileset=tileset)
    tmx = load_pygame(str(path))
    frames = tmx.get_tile_properties_by_gid(tmx.layers[0].data[0][0])["frames"]
    assert [f.duration for f in frames] == [100, 200, 100]
    background = load_background(path, size=(32, 32))
    assert background.animated
    canvas = pygame.Surface((32, 32))
    sheet = pygame.image.load(str(tmp_path / "tiles.png")).convert_alpha()
    over = sheet.subsurface((3 * T, 0, T, T))
    for time_ms, frame in [(0, 0), (99, 0), (100, 1), (299, 1), (300, 2), (400, 0), (950, 1)]:
        background.draw(canvas, time_ms)
        flat = pygame.Surface((T, T))
        flat.fill((0, 0, 0))
        flat.blit(tile_image(frame), (0, 0))
        flat.blit(over, (0, 0))
        assert pixels(canvas, pygame.Rect(0, 0, T, T)) == pixels(flat), time_ms
        assert pixels(canvas, pygame.Rect(T, T, T, T)) == pixels(
            tile_image(frame).convert(canvas)
        ), time_ms


def test_non_16_9_map_is_fitted_with_cover_and_marks_follow(tmp_path):
    body = (
        csv_layer("ground", [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]])
        + '<objectgroup name="stage">'
        '<object id="1" name="left" x="8" y="16"><point/></object>'
        '<object id="2" name="door" x="16" y="8" width="8" height="16"/>'
        '<object id="3" name="sign" gid="1" x="0" y="32" width="8" height="8"/>'
        "</objectgroup>"
    )
    path = write_map(tmp_path, body)  # 32 x 32
    background = load_background(path, size=(64, 36))
    assert background.surface.get_size() == (64, 36)
    # scale 2 -> 64 x 64, then 14 pixels cropped off the top and the bottom
    assert background.marks["left"] == pytest.approx((16, 32 - 14))
    assert background.marks["door"] == pytest.approx((40, 48 - 14))
    assert background.marks["sign"] == pytest.approx((8, 64 - 14))
    assert not background.animated
    # The middle of each quadrant keeps its tile's colour (tiles are 8x8: pixel 4,4 of a tile).
    for (mx, my), index in [((4, 12), 0), ((20, 12), 1), ((4, 20), 2), ((20, 20), 3)]:
        got = background.surface.get_at((mx * 2, my * 2 - 14))
        want = tile_colour(index, mx % T, my % T)
        assert all(abs(a - b) <= 40 for a, b in zip(got[:3], want[:3], strict=True))
    # The stage layer itself is never drawn, even its tile object.
    assert cell(render_map(path), 0, 3) == pixels(tile_image(2))


def test_png_background_is_covered_and_has_no_marks(tmp_path):
    picture = pygame.Surface((320, 240))
    picture.fill((200, 0, 0), (0, 0, 160, 240))
    picture.fill((0, 0, 200), (160, 0, 160, 240))
    picture.fill((0, 200, 0), (0, 0, 320, 30))  # cropped away by cover at 16:9
    path = tmp_path / "room.png"
    pygame.image.save(picture, str(path))
    background = load_background(path)
    assert background.surface.get_size() == (1280, 720)
    assert background.marks == {} and not background.animated
    assert tuple(background.surface.get_at((10, 10)))[:3] == (200, 0, 0)
    assert tuple(background.surface.get_at((1270, 710)))[:3] == (0, 0, 200)
    canvas = pygame.Surface((1280, 720))
    background.draw(canvas, 1234)
    assert tuple(canvas.get_at((1270, 10)))[:3] == (0, 0, 200)
    assert render_map(path).get_size() == (320, 240)


def test_unknown_attribute_names_the_available_layers(tmp_path):
    body = (
        csv_layer("ground", fill(1)) + f'<group name="cloud">{csv_layer("rain", fill(2))}</group>'
    )
    path = write_map(tmp_path, body)
    with pytest.raises(UnknownLayerError) as caught:
        load_background(path, ["storm"])
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, KeyError)
    message = str(caught.value)
    assert "storm" in message and all(n in message for n in ("ground", "cloud", "rain"))
    assert caught.value.available == ("cloud", "ground", "rain")
    png = tmp_path / "plain.png"
    pygame.image.save(pygame.Surface((16, 9)), str(png))
    with pytest.raises(ValueError):
        load_background(png, ["cloud"])


def test_tint_colour_multiplies(tmp_path):
    body = csv_layer("ground", fill(1), 'tintcolor="#ff0000"')
    rendered = render_map(write_map(tmp_path, body))
    r, _, _, _ = tile_colour(0, 2, 3)
    assert tuple(rendered.get_at((2, 3))) == (r, 0, 0, 255)


@pytest.mark.parametrize("orientation", ["isometric", "staggered", "hexagonal"])
def test_other_orientations_are_refused_by_name(tmp_path, orientation):
    path = write_map(tmp_path, csv_layer("ground", fill(1)))
    path.write_text(path.read_text().replace('"orthogonal"', f'"{orientation}"', 1))
    with pytest.raises(ValueError, match=orientation):
        render_map(path)


def test_infinite_maps_are_refused_clearly(tmp_path):
    path = write_map(tmp_path, csv_layer("ground", fill(1)))
    path.write_text(path.read_text().replace('infinite="0"', 'infinite="1"'))
    with pytest.raises(ValueError, match="infinite"):
        render_map(path)


def test_cache_renders_once_and_notices_edits(tmp_path):
    path = write_map(tmp_path, csv_layer("ground", fill(1)))
    cache = BackgroundCache(capacity=2)
    first = cache.get(path, (), (64, 36))
    assert cache.get(path, [], (64, 36)) is first
    assert cache.get(path, (), (32, 18)) is not first
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert cache.get(path, (), (64, 36)) is not first
    other = write_map(tmp_path, csv_layer("ground", fill(2)), name="other.tmx")
    kept = cache.get(path, (), (64, 36))
    cache.get(other, (), (64, 36))
    cache.get(other, (), (32, 18))
    assert cache.get(path, (), (64, 36)) is not kept  # evicted: least recently used
