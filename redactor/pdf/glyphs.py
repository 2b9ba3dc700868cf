"""Which glyphs of a page go, which stay, and where the ones that stay must be placed.

Pure geometry, in MuPDF's unrotated page space (points, y down). The rules:

* A glyph is *removed* when the centre of its box (advance width x font height, the same box
  pdfminer reports) lies inside a redaction box grown by a small margin, or when it is white
  space touching a box (spaces inside a box would reveal the word lengths under it).
* A glyph that stays but lies close to a box is *isolated*: it gets its own text operator, so
  that MuPDF's own removal (which drops any glyph whose ink touches a box) cannot shift its
  neighbours.
* Glyph-position leak (Bland et al., PoPETs 2023): on a line with a removal, the text that
  stays was placed by a layout that counted the removed width. What moves depends on how the
  line was aligned. The page's other lines (PageLines) tell whether the line's start, end or
  centre is shared (a margin); the line's own spacing tells whether it was stretched or
  shrunk to fit (justified). Where the evidence is missing, the rule taken is one whose
  output is safe under every alignment the line may have had, at the price of a small shift:
  - start on a margin, spacing natural (left-aligned): the text after a removed run (up to
    the next column gap) moves so that it starts at the box's far edge plus the original gap;
  - end on a margin, spacing natural (right-aligned): the text before a removed run (back to
    the previous column gap) moves so that it ends at the box's near edge minus the original
    gap; the text after the last one stays;
  - neither on a margin, spacing natural (centred, or nothing tells: a lone right-aligned
    date line is as likely as a left-aligned one): both sides are anchored to the box, the
    text before the first removal as for right-aligned, the rest as for left-aligned. For a
    left-aligned line this moves its start by the box's margin around the removed text;
  - both ends on margins, or spacing stretched: every gap between words encodes the removed
    width, so each stretch between two anchors (a margin of the other lines, a box edge) is
    set again: its words are set solid (one glyph's advance after another: letter spacing
    that justified the line would tell its slack), the gaps between them (and between a
    word and a box edge) are made equal, computed only from the anchors, the visible word
    widths and the word count. A stretch with one anchor (the line's own end is no margin of
    the other lines: an indented first line, the first of a two-line paragraph) is set from
    its box edge with the font's natural space between words: the line's own ends are not
    used, as they would leak if the line were right-aligned or centred after all. White
    space moves with the word before it.
  The line is cut at column gaps (tab stops) first; each part is aligned on its own. What
  remains reveals the box, not the width of what was under it.
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
# isolated into their own operator. MuPDF's text removal takes a glyph whose box, reaching
# 0.15 of the size above the traced one, touches a box (measured with the base-14 fonts);
# twice that. (The final position check would catch a shift all the same.)
ISOLATE_PER_SIZE = 0.3
# Text further than this many space widths after a removed run is a new column (a tab stop):
# its position does not follow from the removed width, so it is not moved.
COLUMN_GAP_SPACES = 3.0
WHITESPACE = frozenset({0x20, 0xA0, 0x09, 0x2002, 0x2003, 0x2009, 0x200A, 0x200B, 0x3000})

# Alignment (PageLines). Two lines share an edge (start, end or centre) when they are this
# close along the line: within ALIGN_TOL points or ALIGN_TOL_PER_SIZE of the font size.
ALIGN_TOL = 0.5
ALIGN_TOL_PER_SIZE = 0.05
# An edge is a margin when a line of the same paragraph (baseline within this many font
# sizes) shares it, or when PAGE_MATCHES other lines anywhere on the page do. One chance
# match on the page is not enough: a ragged-right page's line ends fall within a point of
# some other line's end a third of the time, and a false "justified" or "right" leaks.
NEIGHBOUR_LINES = 2.5
PAGE_MATCHES = 3
# For alignment, a line is cut into parts (columns) at gaps wider than this many font sizes:
# COLUMN_GAP_SPACES spaces of a quarter em. Sizes, not space widths, so that runs (which
# carry no space width) and glyphs give the page the same parts.
PART_GAP_PER_SIZE = COLUMN_GAP_SPACES * 0.25
# Within a justified stretch, glyphs further apart than this (in font sizes) are two words.
WORD_GAP_PER_SIZE = 0.15
# A line's spacing was stretched or shrunk to fit (justified) when every gap between its
# words (two at least) differs from the natural one (the white space's own advance, or the
# font's space width where there is none) by more than this many font sizes, all the same
# way; or when every gap between the letters of its words (two at least) is wider by
# LETTER_STRETCH_PER_SIZE (character spacing). Text set with natural spacing has natural
# gaps, exactly (kerning makes a few letter gaps differ, not all): the tolerances only
# absorb rounding. A smaller stretch on a line without both margins is missed, and its
# gaps keep it (a known limit): the price of not taking every line for justified.
WORD_STRETCH_PER_SIZE = 0.01
LETTER_STRETCH_PER_SIZE = 0.005

# A space glyph's advance or a font's space width is taken as the natural gap between words
# when within these many font sizes (Courier's is 0.6).
NATURAL_SPACE_PER_SIZE = (0.1, 0.65)
# Advances are rounded to this many decimals (points) before a justified stretch is set
# again: an advance is a multiple of size/1000, its traced width that plus float noise.
ADVANCE_DIGITS = 4

# UNKNOWN: neither the start, the end nor the centre is shared with other lines.
LEFT, RIGHT, CENTRE, JUSTIFIED, UNKNOWN = "left", "right", "centre", "justified", "unknown"

Axis = tuple[int, int]


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


def landed(glyph: Glyph, shift: tuple[float, float]) -> BoxTuple:
    """The glyph's box where a shift puts it."""
    dx, dy = shift
    if not (dx or dy):
        return glyph.bbox
    b = glyph.bbox
    return (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)


def _inside(point: tuple[float, float], box: BoxTuple, grow: float) -> bool:
    return box[0] - grow <= point[0] <= box[2] + grow and box[1] - grow <= point[1] <= box[3] + grow


def overlaps(a: BoxTuple, b: BoxTuple, grow: float = 0.0) -> bool:
    """Whether a, grown by `grow`, and b overlap (strictly: touching edges do not)."""
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
        if space and overlaps(bbox, box, -0.1):
            return index
    return None


def is_near(glyph: Glyph, boxes: Sequence[BoxTuple]) -> bool:
    """Whether the glyph's box, grown by ISOLATE_PER_SIZE, overlaps a box (as overlaps();
    written out: it runs for every glyph of a planned line)."""
    grow = ISOLATE_PER_SIZE * glyph.size
    x0, y0, x1, y1 = glyph.bbox
    x0, y0, x1, y1 = x0 - grow, y0 - grow, x1 + grow, y1 + grow
    for b in boxes:  # noqa: SIM110 (a loop: any() over a generator costs twice as much here)
        if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
            return True
    return False


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
    glyphs: Sequence[Glyph],
    boxes: Sequence[BoxTuple],
    lines: list[list[int]] | None = None,
    page_lines: PageLines | None = None,
) -> list[Action]:
    """One Action per glyph (same order). `glyphs` is every glyph of the page we can place,
    or (see select_runs) the glyphs of the runs that may change, with `lines` their lines
    as grouped over the whole page. `page_lines` (PageLines.of over every run or glyph of
    the page) tells how each line is aligned; without it every line is taken as
    left-aligned (the text after a removal moves), as before alignment was read.

    The same `page_lines` must be given to compare plans: built from runs it does not see
    a gap inside a run, which from glyphs would cut a line into two parts."""
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
    shifts, drops = _shifts(glyphs, covering, boxes, lines, page_lines)
    actions: list[Action] = []
    for i, glyph in enumerate(glyphs):
        if covering[i] is not None or i in drops:
            actions.append(DROP)
        else:
            shift = shifts.get(i)
            if shift:
                # Near a box where it lands: its first place may owe something to the
                # removed width (a right-aligned line's text before a removal), and whether
                # it gets an operator of its own must not tell.
                moved = glyph._replace(bbox=landed(glyph, shift))
                near = is_near(moved, index.near(moved.bbox[1], moved.bbox[3]))
            else:
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


def _axis(direction: tuple[float, float]) -> Axis:
    return round(direction[0]), round(direction[1])


def _along(point: tuple[float, float], axis: Axis) -> float:
    """Position along the line (s)."""
    return point[0] * axis[0] + point[1] * axis[1]


def _across(point: tuple[float, float], axis: Axis) -> float:
    """Position across the line (t: which baseline), as _lines measures it."""
    return -axis[1] * point[0] + axis[0] * point[1]


def _extent(bbox: BoxTuple, axis: Axis) -> tuple[float, float]:
    """(start, end) of a box along the line."""
    if axis == (1, 0):  # most text; the same numbers as below
        return (bbox[0], bbox[2]) if bbox[0] <= bbox[2] else (bbox[2], bbox[0])
    a = bbox[0] * axis[0] + bbox[1] * axis[1]
    b = bbox[2] * axis[0] + bbox[3] * axis[1]
    return (a, b) if a <= b else (b, a)


def _parts(
    items: Sequence[Glyph] | Sequence[Run], line: Sequence[int], axis: Axis
) -> list[list[int]]:
    """One line's items cut at column gaps (PART_GAP_PER_SIZE), each part in line order."""
    extents = {i: _extent(items[i].bbox, axis) for i in line}
    order = sorted(line, key=extents.__getitem__)
    parts: list[list[int]] = []
    end = -math.inf
    last_size = 0.0
    for i in order:
        size = items[i].size
        lo, hi = extents[i]
        if not parts or lo - end > PART_GAP_PER_SIZE * (size if size > last_size else last_size):
            parts.append([])
            end = -math.inf
        parts[-1].append(i)
        if hi > end:
            end = hi
        last_size = size
    return parts


class LinePart(NamedTuple):
    """One part (column) of one line: its baseline, start, end and largest font size."""

    across: float
    start: float
    end: float
    size: float


class Alignment(NamedTuple):
    kind: str  # LEFT, RIGHT, CENTRE, JUSTIFIED or UNKNOWN
    # The margins the line's start and end lie on (LEFT and JUSTIFIED: start; RIGHT and
    # JUSTIFIED: end), taken from the other lines, or None where there is none. The line's
    # own ends are within the tolerance of them, but are not used: they may owe something to
    # the removed text.
    start: float | None = None
    end: float | None = None


class PageLines:
    """The parts of every line of a page, per direction: what a line's alignment is read
    from. Built from runs (select_runs' lines) or from glyphs (_lines), the same way."""

    def __init__(self, parts: dict[Axis, list[LinePart]]) -> None:
        self.parts = parts

    @classmethod
    def of(cls, items: Sequence[Glyph] | Sequence[Run], lines: list[list[int]]) -> PageLines:
        parts: dict[Axis, list[LinePart]] = {}
        for line in lines:
            if not line:
                continue
            first = items[line[0]]
            axis = _axis(first.direction)
            across = _across(first.origin, axis)
            for part in _parts(items, line, axis):
                extents = [_extent(items[i].bbox, axis) for i in part]
                parts.setdefault(axis, []).append(
                    LinePart(
                        across,
                        min(e[0] for e in extents),
                        max(e[1] for e in extents),
                        max(items[i].size for i in part),
                    )
                )
        return cls(parts)

    @classmethod
    def of_glyphs(cls, glyphs: Sequence[Glyph]) -> PageLines:
        """From every glyph of a page (tests, and pages whose runs are not whole)."""
        return cls.of(glyphs, _lines(glyphs, range(len(glyphs))))

    def alignment(self, axis: Axis, part: LinePart) -> Alignment:
        """How `part` (a line's part as it was before any removal) is aligned."""
        tol = max(ALIGN_TOL, ALIGN_TOL_PER_SIZE * part.size)
        same_line = 0.2 * max(part.size, 1.0)
        paragraph = NEIGHBOUR_LINES * max(part.size, 1.0)
        centre = (part.start + part.end) / 2
        starts: list[float] = []
        ends: list[float] = []
        centres = 0
        near = [False, False, False]  # start, end, centre shared within the paragraph
        for other in self.parts.get(axis, ()):
            distance = abs(other.across - part.across)
            if distance <= same_line:
                continue  # this line (or another column of it): not another line
            neighbour = distance <= paragraph
            if abs(other.start - part.start) <= tol:
                starts.append(other.start)
                near[0] = near[0] or neighbour
            if abs(other.end - part.end) <= tol:
                ends.append(other.end)
                near[1] = near[1] or neighbour
            if abs((other.start + other.end) / 2 - centre) <= tol:
                centres += 1
                near[2] = near[2] or neighbour
        at_start = near[0] or len(starts) >= PAGE_MATCHES
        at_end = near[1] or len(ends) >= PAGE_MATCHES
        centred = near[2] or centres >= PAGE_MATCHES
        if at_start and at_end:
            return Alignment(JUSTIFIED, _median(starts), _median(ends))
        if at_end:
            return Alignment(RIGHT, end=_median(ends))
        if at_start:
            return Alignment(LEFT, _median(starts))
        return Alignment(CENTRE if centred else UNKNOWN)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _shifts(
    glyphs: Sequence[Glyph],
    covering: Sequence[int | None],
    boxes: Sequence[BoxTuple],
    lines: list[list[int]] | None,
    page_lines: PageLines | None,
) -> tuple[dict[int, tuple[float, float]], set[int]]:
    """(how far each glyph that moves moves, the white space that goes with a removal)."""
    shifts: dict[int, tuple[float, float]] = {}
    drops: set[int] = set()
    if not any(c is not None for c in covering):
        return shifts, drops
    if lines is None:
        lines = _lines(glyphs, range(len(glyphs)))
    for line in lines:
        if all(covering[i] is None for i in line):
            continue  # nothing removed on this line: nothing after a removal to move
        axis = _axis(glyphs[line[0]].direction)
        _left_shifts(glyphs, line, covering, boxes, axis, shifts)
        if page_lines is not None:
            _aligned_shifts(glyphs, line, covering, boxes, axis, page_lines, shifts, drops)
    return shifts, drops


def _left_shifts(
    glyphs: Sequence[Glyph],
    line: list[int],
    covering: Sequence[int | None],
    boxes: Sequence[BoxTuple],
    axis: Axis,
    shifts: dict[int, tuple[float, float]],
) -> None:
    """The left-aligned rule over a whole line (the other alignments replace it, part by
    part): the text after a removed run moves to the box's far edge plus the original gap."""
    dx, dy = axis

    def advance(g: Glyph) -> float:
        return (g.bbox[2] - g.bbox[0]) if dx else (g.bbox[3] - g.bbox[1])

    if axis == (1, 0):  # most text; the same numbers as _along
        along = {i: glyphs[i].origin[0] for i in line}
    else:
        along = {i: _along(glyphs[i].origin, axis) for i in line}
    line = sorted(line, key=along.__getitem__)
    removed_end: float | None = None  # where the last removed visible glyph ended
    removed_box: int | None = None
    current = 0.0
    previous_end: float | None = None
    for i in line:
        g = glyphs[i]
        start = along[i]
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
                current = _extent(boxes[removed_box], axis)[1] - removed_end
            else:
                current = 0.0
            removed_end = None
            removed_box = None
        elif previous_end is not None and start - previous_end > COLUMN_GAP_SPACES * space:
            current = 0.0
        if current:
            shifts[i] = (current * dx, current * dy)
        previous_end = start + advance(g)


class _Removal(NamedTuple):
    """A removed run within a part: where its visible glyphs started and ended, and the near
    and far edges of the boxes that removed them."""

    start: float
    end: float
    near: float
    far: float


def _aligned_shifts(
    glyphs: Sequence[Glyph],
    line: list[int],
    covering: Sequence[int | None],
    boxes: Sequence[BoxTuple],
    axis: Axis,
    page_lines: PageLines,
    shifts: dict[int, tuple[float, float]],
    drops: set[int],
) -> None:
    """Replace the left-aligned shifts of each part of the line that is not known to be
    left-aligned with natural spacing (see the module doc for the rules).

    The white space between a removed run and the text that moves goes too: whether it
    touched the box depended on where the text was, and so on the removed width."""
    across = _across(glyphs[line[0]].origin, axis)
    for part in _parts(glyphs, line, axis):
        extents = {i: _extent(glyphs[i].bbox, axis) for i in part}
        stretches, removals = _split(glyphs, part, covering, boxes, axis, extents)
        if not removals:
            continue
        alignment = page_lines.alignment(
            axis,
            LinePart(
                across,
                min(e[0] for e in extents.values()),
                max(e[1] for e in extents.values()),
                max(glyphs[i].size for i in part),
            ),
        )
        # Read from the line's own glyphs (all of them: the whole line is planned), so the
        # same whether page_lines was built from runs or from glyphs.
        justify = alignment.kind == JUSTIFIED or _stretched(glyphs, part, extents)
        if alignment.kind == LEFT and not justify:
            continue
        for i in part:
            shifts.pop(i, None)
        for k, stretch in enumerate(stretches):
            if k < len(removals):
                while stretch and glyphs[stretch[-1]].is_space:
                    drops.add(stretch.pop())
            if k > 0:
                while stretch and glyphs[stretch[0]].is_space:
                    drops.add(stretch.pop(0))
        moves: dict[int, float] = {}
        if justify:
            # Anchored only where the other lines show a margin: a stretched line whose end
            # is no margin may still be right-aligned or centred (its spacing read wrongly:
            # a font whose space is not the gap its producer used), and then its own end,
            # or its own start, owes something to the removed width. Box edges, margins of
            # other lines and the font's space width owe it nothing, whatever the alignment.
            white = _white_advance(glyphs, part, extents)
            _justify(glyphs, stretches, removals, alignment, extents, moves, white)
        else:
            # Right-aligned; centred or unknown (both sides from the box). The gaps kept are
            # natural (not stretched), so owe nothing to the removed width either.
            for k, stretch in enumerate(stretches):
                if not stretch:
                    continue
                if k < len(removals) and (alignment.kind == RIGHT or k == 0):
                    # Ends where it ended, measured from the box's near edge.
                    removal = removals[k]
                    gap = removal.start - max(extents[i][1] for i in stretch)
                    delta = removal.near - removal.start
                elif k > 0 and alignment.kind != RIGHT:
                    # Starts where it started, measured from the box's far edge.
                    removal = removals[k - 1]
                    gap = min(extents[i][0] for i in stretch) - removal.end
                    delta = removal.far - removal.end
                else:
                    continue  # right-aligned: the text after the last removal stays
                g = glyphs[stretch[0]]
                space = g.space if g.space > 0 else 0.25 * g.size
                if -0.5 * space <= gap <= COLUMN_GAP_SPACES * space:
                    moves.update(dict.fromkeys(stretch, delta))
        for i, delta in moves.items():
            if delta:
                shifts[i] = (delta * axis[0], delta * axis[1])


def _natural_space(glyph: Glyph, white: float | None = None) -> float:
    """The natural gap between two words: `white` (the advance of a space glyph of the
    line), else the font's space width, else a quarter em. Either only when plausible
    (NATURAL_SPACE_PER_SIZE): fonts without a space glyph report odd widths (0.76 em seen)."""
    low, high = NATURAL_SPACE_PER_SIZE
    for space in (white, glyph.space):
        if space is not None and low * glyph.size <= space <= high * glyph.size:
            return space
    return 0.25 * glyph.size


def _white_advance(
    glyphs: Sequence[Glyph], part: list[int], extents: dict[int, tuple[float, float]]
) -> float | None:
    """The advance of the part's first space (U+0020) glyph, rounded (ADVANCE_DIGITS)."""
    for i in part:
        if glyphs[i].uni == 0x20:
            return round(extents[i][1] - extents[i][0], ADVANCE_DIGITS)
    return None


def _stretched(
    glyphs: Sequence[Glyph], part: list[int], extents: dict[int, tuple[float, float]]
) -> bool:
    """Whether the part's spacing was stretched or shrunk to fit (justified): every gap
    between two words differs from the natural one the same way, or every gap between two
    letters of a word is wider (WORD_STRETCH_PER_SIZE, LETTER_STRETCH_PER_SIZE). Removed glyphs
    count too: their gaps were set by the same layout. Called for every part with a removal:
    it stops at the first natural gap of each kind (on most lines, within the first words)."""
    size = max(glyphs[i].size for i in part)
    word_tol = WORD_STRETCH_PER_SIZE * size
    letter_tol = LETTER_STRETCH_PER_SIZE * size
    # Per kind of gap: the sign all such gaps seen so far share (+1 wider than natural, -1
    # narrower, 0 none seen yet), or None once one was natural or of the other sign (or,
    # for letters, narrower).
    words: int | None = 0
    letters: int | None = 0
    word_gaps = letter_gaps = 0
    previous_end: float | None = None  # where the last glyph that is not white space ended
    white = 0.0  # the advance of the white space since then
    spaced = False
    for i in part:
        g = glyphs[i]
        lo, hi = extents[i]
        if g.uni in WHITESPACE:
            white += hi - lo
            spaced = True
            continue
        if previous_end is not None:
            gap = lo - previous_end
            if spaced or gap > WORD_GAP_PER_SIZE * g.size:
                if words is not None:
                    word_gaps += 1
                    excess = gap - (white if spaced else _natural_space(g))
                    sign = 1 if excess > word_tol else -1 if excess < -word_tol else None
                    words = sign if words in (0, sign) else None
            elif letters is not None:
                # Wider only: glyphs overlap for other reasons (joining scripts, marks,
                # boxes that are not the advance) far more often than a line is tightened
                # by a negative character spacing.
                letter_gaps += 1
                letters = 1 if gap > letter_tol else None
            if words is None and letters is None:
                return False
        previous_end = hi
        white = 0.0
        spaced = False
    # At least two of a kind: one wide gap is as likely a tab-like gap after a list label.
    return (bool(words) and word_gaps > 1) or (bool(letters) and letter_gaps > 1)


def _split(
    glyphs: Sequence[Glyph],
    part: list[int],
    covering: Sequence[int | None],
    boxes: Sequence[BoxTuple],
    axis: Axis,
    extents: dict[int, tuple[float, float]],
) -> tuple[list[list[int]], list[_Removal]]:
    """The part's visible glyphs as stretches between removed runs: len(stretches) ==
    len(removals) + 1 (a stretch may be empty). A removed run of white space alone (a space
    touching a box whose word is elsewhere) separates nothing: its neighbours are one stretch."""
    stretches: list[list[int]] = [[]]
    removals: list[_Removal] = []
    run: list[int] = []  # the removed glyphs of the current run that are not white space

    def close() -> None:
        if not run:
            return
        edges = [_extent(boxes[b], axis) for b in {covering[i] for i in run} if b is not None]
        removals.append(
            _Removal(
                min(extents[i][0] for i in run),
                max(extents[i][1] for i in run),
                min(e[0] for e in edges),
                max(e[1] for e in edges),
            )
        )
        stretches.append([])
        run.clear()

    for i in part:
        if covering[i] is not None:
            if not glyphs[i].is_space:
                run.append(i)
            continue
        close()
        stretches[-1].append(i)
    close()
    return stretches, removals


def _words(
    glyphs: Sequence[Glyph], stretch: list[int], extents: dict[int, tuple[float, float]]
) -> tuple[list[list[int]], list[int]]:
    """(the stretch's words, each with the white space after it; the white space before the
    first word)."""
    words: list[list[int]] = []
    leading: list[int] = []
    previous_end = -math.inf
    after_space = False
    for i in stretch:
        g = glyphs[i]
        lo, hi = extents[i]
        if g.is_space:
            (words[-1] if words else leading).append(i)
            after_space = True
        else:
            if not words or after_space or lo - previous_end > WORD_GAP_PER_SIZE * g.size:
                words.append([])
            words[-1].append(i)
            after_space = False
        previous_end = hi
    return words, leading


def _justify(
    glyphs: Sequence[Glyph],
    stretches: list[list[int]],
    removals: list[_Removal],
    alignment: Alignment,
    extents: dict[int, tuple[float, float]],
    moves: dict[int, float],
    white: float | None = None,
) -> None:
    """Set each stretch again between its anchors: a margin (alignment.start or .end, where
    the other lines show one) or a box edge on either side, with equal gaps; a stretch with
    one anchor only, from it with the natural space (`white`: a space glyph's advance on the
    line, see _natural_space). See the module doc."""
    for k, stretch in enumerate(stretches):
        start_at_box = k > 0
        end_at_box = k < len(removals)
        begin = removals[k - 1].far if start_at_box else alignment.start
        finish = removals[k].near if end_at_box else alignment.end
        words, leading = _words(glyphs, stretch, extents)
        if not words:
            if leading:  # white space alone: at the stretch's start
                at = begin if begin is not None else finish
                assert at is not None  # a part with a removal has a box on one side
                moves.update(dict.fromkeys(leading, at - extents[leading[0]][0]))
            continue
        # Each word is set solid: its glyphs one advance after another (a glyph's box spans
        # its advance). Letter spacing that justified the line (Tc) would otherwise stay
        # between the letters and tell the line's slack, and so the removed width.
        # Advances rounded: a traced box's width carries float noise from where the glyph
        # was (so from the removed width); the new places must not, to the last digit.
        advances = {i: round(extents[i][1] - extents[i][0], ADVANCE_DIGITS) for i in stretch}
        widths = [sum(advances[i] for i in word if not glyphs[i].is_space) for word in words]
        if begin is not None and finish is not None:
            gaps = len(words) - 1 + start_at_box + end_at_box
            free = finish - begin - sum(widths)
            gap = max(free / gaps, 0.0) if gaps else 0.0
            at = begin + (gap if start_at_box else 0.0)
        else:
            gap = _natural_space(glyphs[words[0][0]], white)
            if begin is not None:  # after the last box, the end no margin: from the box
                at = begin + gap
            else:  # before the first box, the start no margin: ends a space before it
                assert finish is not None
                at = finish - gap * len(words) - sum(widths)
        for n, (word, width) in enumerate(zip(words, widths, strict=True)):
            cursor = at
            for i in word:
                moves[i] = cursor - extents[i][0]
                cursor += advances[i]
            if n == 0:  # white space before the first word moves with it
                moves.update(dict.fromkeys(leading, moves[word[0]]))
            at += width + gap
