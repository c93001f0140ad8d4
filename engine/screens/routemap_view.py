"""Drawing the route map: nodes, arrows, the scroll bar and the footer."""

from __future__ import annotations

from typing import Any

import pygame

from engine.present.ui import DIM_TEXT, TEXT, Palette, _lift, fit_text, wrap
from engine.routemap_data import Node

NODE_W, NODE_H = 250, 58
LAYER_DY = 88
VIEW = pygame.Rect(30, 104, 1220, 520)  # canvas area the map scrolls in
UNSEEN = "???"
# One hue per kind of node, dark enough for white text at 7:1 or more.
KIND_FILL = {
    "label": (30, 36, 72),
    "menu": (78, 52, 16),
    "choice": (46, 34, 70),
    "ending": (20, 64, 44),
    "end": (20, 64, 44),
}
KIND_LINE = {
    "label": (150, 170, 240),
    "menu": (240, 190, 100),
    "choice": (200, 170, 250),
    "ending": (130, 220, 160),
    "end": (130, 220, 160),
}
UNSEEN_FILL, UNSEEN_LINE = (34, 34, 42), (96, 96, 112)


class RouteMapView:
    """The route map screen's drawing, apart from its input and state."""

    host: Any
    graph: Any
    focus: str | None
    scroll: list[float]
    error: str
    buttons: Any

    def seen(self, node: Node) -> bool: ...
    def node_rect(self, node: Node) -> pygame.Rect: ...
    def _shown(self, r: pygame.Rect) -> pygame.Rect: ...
    def _scroll_limit(self) -> float: ...
    def describe(self, nid: str | None) -> str: ...
    def snapshot_for(self, node: Node) -> dict[str, Any] | None: ...

    toast: str


    def draw(self, target: pygame.Surface, now: float) -> None:
        host, vp, p = self.host, self.host.vp, self.host.painter
        p.shadowed(target, "Route map", vp.px(36), vp.to_window(40, 34), TEXT, bold=True)
        pal = host.title_palette
        self.buttons.draw(target, vp, p, pal)
        if self.graph is None:
            p.shadowed(target, self.error[:110], vp.px(20), vp.to_window(40, 140),
                       (255, 200, 150))
            return
        nodes = self.graph.nodes
        total = len(nodes)
        seen_n = sum(1 for n in nodes.values() if self.seen(n))
        endings = [n for n in nodes.values() if n.kind in ("ending", "end")]
        got = sum(1 for n in endings if self.seen(n))
        summary = f"{seen_n} of {total} seen · endings {got} of {len(endings)}"
        p.shadowed(target, summary, vp.px(19), vp.to_window(300, 46), DIM_TEXT)

        clip = vp.crect(*VIEW)
        old_clip = target.get_clip()
        target.set_clip(clip)
        for a, b in self.graph.edges:
            self._draw_edge(target, nodes[a], nodes[b])
        for node in nodes.values():
            r = self._shown(self.node_rect(node))
            if r.bottom < VIEW.top - 10 or r.top > VIEW.bottom + 10:
                continue
            self._draw_node(target, node, r)
        target.set_clip(old_clip)
        self._draw_scrollbar(target)
        self._draw_footer(target, pal)

    def _draw_edge(self, target: pygame.Surface, a: Node, b: Node) -> None:
        vp = self.host.vp
        ra, rb = self._shown(self.node_rect(a)), self._shown(self.node_rect(b))
        lit = self.seen(a) and self.seen(b)
        color = (200, 200, 225) if lit else (84, 84, 100)
        width = max(1, vp.px(3 if lit else 2))
        gap = (LAYER_DY - NODE_H) / 2
        if b.layer == a.layer + 1:
            start, end = (ra.centerx, ra.bottom), (rb.centerx, rb.top)
            mid_y = (start[1] + end[1]) / 2
            pts = [start, (start[0], mid_y), (end[0], mid_y), end]
        elif b.layer > a.layer:
            # Over several layers: down a free lane beside the nodes in between, so the
            # arrow never runs behind a node it does not touch.
            lane = self._lane(a, b)
            pts = [(ra.centerx, ra.bottom), (ra.centerx, ra.bottom + gap),
                   (lane, ra.bottom + gap), (lane, rb.top - gap), (rb.centerx, rb.top - gap),
                   (rb.centerx, rb.top)]
        else:
            # A way back up (a loop): round the right-hand side, clear of the nodes.
            side = max(ra.right, rb.right) + 24
            pts = [(ra.right, ra.centery), (side, ra.centery), (side, rb.centery),
                   (rb.right, rb.centery)]
        win = [vp.to_window(x, y) for x, y in pts]
        pygame.draw.lines(target, color, False, win, width)
        tip = win[-1]
        s = vp.px(7)
        if b.layer > a.layer:
            pygame.draw.polygon(target, color, [(tip[0] - s, tip[1] - s),
                                                (tip[0] + s, tip[1] - s), tip])
        else:
            pygame.draw.polygon(target, color, [(tip[0] + s, tip[1] - s),
                                                (tip[0] + s, tip[1] + s), tip])

    def _lane(self, a: Node, b: Node) -> float:
        """An x (in scrolled canvas pixels) clear of every node in the layers between a
        and b: just right or just left of them, whichever is nearer to the arrow."""
        assert self.graph is not None
        between = [self._shown(self.node_rect(self.graph.nodes[nid]))
                   for li in range(a.layer + 1, b.layer)
                   for nid in self.graph.layers[li]]
        x = self._shown(self.node_rect(a)).centerx
        if not between or not any(r.left - 12 <= x <= r.right + 12 for r in between):
            return x
        right = max(r.right for r in between) + 18
        left = min(r.left for r in between) - 18
        return right if right - x <= x - left else left

    def _draw_node(self, target: pygame.Surface, node: Node, r: pygame.Rect) -> None:
        vp, p = self.host.vp, self.host.painter
        seen = self.seen(node)
        focused = node.id == self.focus
        fill = KIND_FILL[node.kind] if seen else UNSEEN_FILL
        line = KIND_LINE[node.kind] if seen else UNSEEN_LINE
        wr = vp.crect(*r)
        radius = vp.px(30 if node.kind == "choice" else 6 if node.kind == "menu" else 14)
        if focused:
            # The focus ring: a bright outer band that reads on every fill.
            ring = wr.inflate(vp.px(12), vp.px(12))
            target.blit(p.box(ring.size, (255, 255, 255), 255, radius + vp.px(6)), ring)
            fill = _lift(fill, 0.12)
        target.blit(p.box(wr.size, fill, 250, radius, line, max(2, vp.px(2))), wr)
        if not seen:
            label = p.text(UNSEEN, vp.px(22), (170, 170, 185), bold=True)
            target.blit(label, label.get_rect(center=wr.center))
            return
        title, detail = node.title, node.detail
        if node.kind == "menu":
            title, detail = "Choice point", node.title
        color = (255, 255, 255)
        room = wr.width - vp.px(20)
        font = p.fonts.get(vp.px(19), True, False)
        if font.size(title)[0] > room:
            # A long title takes both lines of the node (the footer shows the first words).
            small = p.fonts.get(vp.px(17), True, False)
            lines = wrap(title, small, room)
            rows = [lines[0], fit_text(small, " ".join(lines[1:]), room)] if len(lines) > 1 \
                else [fit_text(small, title, room)]
            for k, row in enumerate(rows):
                surf = p.text(row, vp.px(17), color, bold=True)
                y = wr.centery + (k - (len(rows) - 1) / 2) * vp.px(21)
                target.blit(surf, surf.get_rect(center=(wr.centerx, round(y))))
            detail = title = ""
        t = p.text(fit_text(font, title, room), vp.px(19), color, bold=True)
        if not title:
            pass
        elif detail:
            d = p.text(fit_text(p.fonts.get(vp.px(15), False, False), detail,
                                  wr.width - vp.px(20)), vp.px(15),
                       (215, 215, 228))
            target.blit(t, t.get_rect(midtop=(wr.centerx, wr.y + vp.px(8))))
            target.blit(d, d.get_rect(midbottom=(wr.centerx, wr.bottom - vp.px(8))))
        else:
            target.blit(t, t.get_rect(center=wr.center))
        if node.kind == "menu" and self.snapshot_for(node) is not None:
            # A small "play from here" triangle marks the places one can start again.
            s = vp.px(8)
            x, y = wr.right - vp.px(16), wr.y + vp.px(14)
            pygame.draw.polygon(target, line, [(x - s // 2, y - s), (x - s // 2, y + s),
                                               (x + s, y)])

    def _draw_scrollbar(self, target: pygame.Surface) -> None:
        limit = self._scroll_limit()
        if limit <= 0:
            return
        vp = self.host.vp
        track = pygame.Rect(VIEW.right + 6, VIEW.top, 6, VIEW.height)
        h = max(30, VIEW.height * VIEW.height / (VIEW.height + limit))
        y = track.top + (track.height - h) * (self.scroll[1] / limit)
        target.blit(self.host.painter.box(vp.crect(*track).size, (80, 80, 100), 200, vp.px(3)),
                    vp.crect(*track))
        thumb = vp.crect(track.x, y, track.width, h)
        target.blit(self.host.painter.box(thumb.size, (210, 210, 230), 255, vp.px(3)), thumb)

    def _draw_footer(self, target: pygame.Surface, pal: Palette) -> None:
        vp, p = self.host.vp, self.host.painter
        panel = vp.crect(30, 636, 1220, 70)
        target.blit(p.box(panel.size, pal.box, 235, vp.px(14), pal.accent, max(1, vp.px(1))),
                    panel)
        about = self.toast or self.describe(self.focus)
        about = fit_text(p.fonts.get(vp.px(20), False, False), about, vp.px(1180))
        p.shadowed(target, about, vp.px(20), vp.to_window(50, 646), TEXT)
        hint = "Arrows / D-pad: move    Enter / A: start again from a choice point    " \
               "Esc / B: back"
        p.shadowed(target, hint, vp.px(16), vp.to_window(50, 678), DIM_TEXT)
