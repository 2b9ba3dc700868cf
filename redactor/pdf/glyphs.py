"""Which glyphs of a page go, which stay, and where the ones that stay must be placed.

Pure geometry, in MuPDF's unrotated page space (points, y down). The rules:

* A glyph is *removed* when the centre of its box (advance width x font height, the same box
  pdfminer reports) lies inside a redaction box grown by a small margin, or when it is white
  space touching a box (spaces inside a box would reveal the word lengths under it).
* A glyph that stays but lies close to a box is *isolated*: it gets its own text operator, so
  that MuPDF's own removal (which drops any glyph whose ink touches a box) cannot shift its
  neighbours.
* Glyph-position leak (Bland et al., PoPETs 2023): the text that follows a removed run on the
  same line is placed where the removed run ends, so its position encodes the removed width.
  We move that text (up to the next column gap) so that it starts at the box's far edge plus
  the original gap: what remains reveals the box, not the width of what was under it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

BoxTuple = tuple[float, float, float, float]

# A glyph's centre within this distance outside a box still counts as under it: pdfminer and
# MuPDF place the box's vertical extent slightly differently (descent from different tables).
CENTRE_MARGIN = 0.5
CENTRE_MARGIN_PER_SIZE = 0.1
# Glyphs whose box, grown by this fraction of the font size, touches a redaction box are
# isolated into their own operator.
ISOLATE_PER_SIZE = 0.5
# Text further than this many space widths after a removed run is a new column (a tab stop):
# its position does not follow from the removed width, so it is not moved.
COLUMN_GAP_SPACES = 3.0
WHITESPACE = frozenset({0x20, 0xA0, 0x09, 0x2002, 0x2003, 0x2009, 0x200A, 0x200B, 0x3000})


class Glyph(NamedTuple):
    """One glyph as MuPDF traced it (a NamedTuple: pages have thousands of them)."""

    gid: int
    uni: int
    origin: tuple[float, float]
    bbox: BoxTuple
    direction: tuple[float, float]
    size: float
    space: float  # width of a space in this font and size (points)
    wmode: int = 0

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.bbox[0] + self.bbox[2]) / 2, (self.bbox[1] + self.bbox[3]) / 2)

    @property
    def is_space(self) -> bool:
        return self.uni in WHITESPACE


@dataclass(frozen=True)
class Action:
    drop: bool = False
    isolated: bool = False
    shift: tuple[float, float] = (0.0, 0.0)


KEEP = Action()
DROP = Action(drop=True)


def _inside(point: tuple[float, float], box: BoxTuple, grow: float) -> bool:
    return box[0] - grow <= point[0] <= box[2] + grow and box[1] - grow <= point[1] <= box[3] + grow


def _overlaps(a: BoxTuple, b: BoxTuple, grow: float = 0.0) -> bool:
    return a[0] - grow < b[2] and b[0] < a[2] + grow and a[1] - grow < b[3] and b[1] < a[3] + grow


def covering_box(glyph: Glyph, boxes: Sequence[BoxTuple]) -> int | None:
    """The index of the first box that removes this glyph, or None."""
    grow = CENTRE_MARGIN + CENTRE_MARGIN_PER_SIZE * glyph.size
    bbox = glyph.bbox
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    space = glyph.uni in WHITESPACE
    for index, box in enumerate(boxes):
        if box[0] - grow <= cx <= box[2] + grow and box[1] - grow <= cy <= box[3] + grow:
            return index  # the centre is inside (see _inside)
        if space and _overlaps(bbox, box, -0.1):
            return index
    return None


def is_near(glyph: Glyph, boxes: Sequence[BoxTuple]) -> bool:
    grow = ISOLATE_PER_SIZE * glyph.size
    return any(_overlaps(glyph.bbox, box, grow) for box in boxes)


class BoxIndex:
    """The boxes of a page by horizontal band, so that each glyph is tested against the few
    boxes near it rather than all of them (pages carry thousands of glyphs)."""

    BAND = 24.0  # points

    def __init__(self, boxes: Sequence[BoxTuple], reach: float) -> None:
        self.boxes = list(boxes)
        self.bands: dict[int, list[int]] = {}
        self._near: dict[tuple[float, float], list[BoxTuple]] = {}
        for index, (_, y0, _, y1) in enumerate(self.boxes):
            for band in range(
                math.floor((y0 - reach) / self.BAND), math.floor((y1 + reach) / self.BAND) + 1
            ):
                self.bands.setdefault(band, []).append(index)

    def near(self, y0: float, y1: float) -> list[BoxTuple]:
        """The boxes (in their original order) that may reach the vertical span y0..y1.

        The list is shared between calls with the same span (the glyphs of one line mostly
        have the same one): callers must not change it."""
        key = (y0, y1)
        cached = self._near.get(key)
        if cached is not None:
            return cached
        first, last = math.floor(y0 / self.BAND), math.floor(y1 / self.BAND)
        if first == last:  # the common case: one band, already in order
            found = [self.boxes[i] for i in self.bands.get(first, ())]
        else:
            indexes: set[int] = set()
            for band in range(first, last + 1):
                indexes.update(self.bands.get(band, ()))
            found = [self.boxes[i] for i in sorted(indexes)]
        self._near[key] = found
        return found

    def covering(self, glyph: Glyph) -> int | None:
        candidates = self.near(glyph.bbox[1], glyph.bbox[3])
        if not candidates:
            return None
        hit = covering_box(glyph, candidates)
        return None if hit is None else self.boxes.index(candidates[hit])

    def is_near(self, glyph: Glyph) -> bool:
        candidates = self.near(glyph.bbox[1], glyph.bbox[3])
        return bool(candidates) and is_near(glyph, candidates)


def plan(
    glyphs: Sequence[Glyph], boxes: Sequence[BoxTuple], lines: list[list[int]] | None = None
) -> list[Action]:
    """One Action per glyph (same order). `glyphs` is every glyph of the page we can place,
    or (see select_runs) the glyphs of the runs that may change, with `lines` their lines
    as grouped over the whole page."""
    reach = (
        max((g.size for g in glyphs), default=0.0) * max(ISOLATE_PER_SIZE, CENTRE_MARGIN_PER_SIZE)
        + CENTRE_MARGIN
        + 1
    )
    index = BoxIndex(boxes, reach)
    # The boxes near each glyph, looked up once for both tests (same as index.covering and
    # index.is_near, which would each look them up again).
    candidates = [index.near(g.bbox[1], g.bbox[3]) for g in glyphs]
    covering: list[int | None] = []
    for glyph, near_boxes in zip(glyphs, candidates, strict=True):
        hit = covering_box(glyph, near_boxes) if near_boxes else None
        covering.append(None if hit is None else index.boxes.index(near_boxes[hit]))
    shifts = _shifts(glyphs, covering, boxes, lines)
    actions: list[Action] = []
    for i, glyph in enumerate(glyphs):
        if covering[i] is not None:
            actions.append(DROP)
        else:
            shift = shifts.get(i)
            near = bool(candidates[i]) and is_near(glyph, candidates[i])
            actions.append(
                Action(isolated=near, shift=shift or (0.0, 0.0)) if (near or shift) else KEEP
            )
    return actions


class Run(NamedTuple):
    """The glyphs of one traced span of one text operator, taken as a whole.

    They share a font size, a direction and a writing mode; along an axis they also share a
    baseline (one operator's glyphs advance along its direction), which `origin` (the first
    glyph's) stands for."""

    bbox: BoxTuple  # the union of its glyphs' boxes
    origin: tuple[float, float]
    direction: tuple[float, float]
    size: float
    wmode: int = 0


def select_runs(runs: Sequence[Run], boxes: Sequence[BoxTuple]) -> tuple[set[int], list[list[int]]]:
    """(the runs whose glyphs plan() may not simply keep, the page's lines of runs).

    plan() changes a glyph only when it is covered or near a box (its box, grown by the
    larger of the two margins, touches the box) or when it shares a line with a covered
    glyph. So a run matters when its box, grown the same way, touches a box, and so do all
    runs on a line with such a run. The lines are _lines' grouping at run level (a run's
    glyphs share its baseline), so that plan(glyphs of the selected runs, boxes, their
    lines) gives every glyph the action plan(all glyphs, boxes) gives it; the others keep
    their place. Most of a page lies nowhere near a box: only the selected runs are then
    handled glyph by glyph."""
    hit: set[int] = set()
    for i, run in enumerate(runs):
        grow = max(CENTRE_MARGIN + CENTRE_MARGIN_PER_SIZE * run.size, ISOLATE_PER_SIZE * run.size)
        grow += 0.01  # closed tests here, strict ones in plan: err towards selecting
        x0, y0, x1, y1 = run.bbox
        if any(
            x0 - grow <= b[2] and b[0] <= x1 + grow and y0 - grow <= b[3] and b[1] <= y1 + grow
            for b in boxes
        ):
            hit.add(i)
    lines = _lines(runs, range(len(runs)))
    selected = set(hit)
    for line in lines:
        if any(i in hit for i in line):
            selected.update(line)
    return selected, lines


def on_axis(direction: tuple[float, float]) -> bool:
    dx, dy = direction
    return (abs(abs(dx) - 1) < 1e-3 and abs(dy) < 1e-3) or (
        abs(abs(dy) - 1) < 1e-3 and abs(dx) < 1e-3
    )


def _lines(glyphs: Sequence[Glyph] | Sequence[Run], indexes: Iterable[int]) -> list[list[int]]:
    """Group glyph (or run) indexes into lines: same direction, baselines within a fifth of
    the size."""
    by_dir: dict[tuple[float, float], list[int]] = {}
    axes: dict[tuple[float, float], tuple[int, int] | None] = {}  # per direction, not glyph
    for i in indexes:
        g = glyphs[i]
        if g.wmode:
            continue
        if g.direction not in axes:
            axes[g.direction] = (
                (round(g.direction[0]), round(g.direction[1])) if on_axis(g.direction) else None
            )
        axis = axes[g.direction]
        if axis is not None:
            by_dir.setdefault(axis, []).append(i)
    lines: list[list[int]] = []
    for (dx, dy), members in by_dir.items():
        # t: distance along the normal (which baseline); s: position along the line.
        t_of = {i: -dy * glyphs[i].origin[0] + dx * glyphs[i].origin[1] for i in members}
        members.sort(key=t_of.__getitem__)
        current: list[int] = []
        last_t = 0.0
        for i in members:
            g = glyphs[i]
            t = t_of[i]
            if current and abs(t - last_t) > 0.2 * max(g.size, 1.0):
                lines.append(current)
                current = []
            current.append(i)
            last_t = t
        if current:
            lines.append(current)
    return lines


def _shifts(
    glyphs: Sequence[Glyph],
    covering: Sequence[int | None],
    boxes: Sequence[BoxTuple],
    lines: list[list[int]] | None,
) -> dict[int, tuple[float, float]]:
    shifts: dict[int, tuple[float, float]] = {}
    if not any(c is not None for c in covering):
        return shifts
    for line in _lines(glyphs, range(len(glyphs))) if lines is None else lines:
        if all(covering[i] is None for i in line):
            continue  # nothing removed on this line: nothing after a removal to move
        dx, dy = glyphs[line[0]].direction
        dx, dy = round(dx), round(dy)

        def s(point: tuple[float, float], dx: float = dx, dy: float = dy) -> float:
            return point[0] * dx + point[1] * dy

        def advance(g: Glyph, dx: float = dx) -> float:
            return (g.bbox[2] - g.bbox[0]) if dx else (g.bbox[3] - g.bbox[1])

        line = sorted(line, key=lambda i: s(glyphs[i].origin))
        removed_end: float | None = None  # where the last removed visible glyph ended
        removed_box: int | None = None
        current = 0.0
        previous_end: float | None = None
        for i in line:
            g = glyphs[i]
            start = s(g.origin)
            if covering[i] is not None:
                if not g.is_space:
                    end = start + advance(g)
                    removed_end = end if removed_end is None else max(removed_end, end)
                    removed_box = covering[i]
                current = 0.0
                previous_end = None
                continue
            space = g.space if g.space > 0 else 0.25 * g.size
            if removed_end is not None and removed_box is not None:
                gap = start - removed_end
                if -0.5 * space <= gap <= COLUMN_GAP_SPACES * space:
                    box = boxes[removed_box]
                    far_edge = max(
                        s((box[0], box[1])),
                        s((box[2], box[3])),
                        s((box[0], box[3])),
                        s((box[2], box[1])),
                    )
                    current = far_edge - removed_end
                else:
                    current = 0.0
                removed_end = None
                removed_box = None
            elif previous_end is not None and start - previous_end > COLUMN_GAP_SPACES * space:
                current = 0.0
            if current:
                shifts[i] = (current * dx, current * dy)
            previous_end = start + advance(g)
    return shifts
