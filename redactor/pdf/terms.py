"""The strings a redaction removes, for the verification gate's whole-file search.

A term is a stretch of characters, within one word, that lies under a box (same rule as the
text rewriter, redactor.pdf.glyphs) or anywhere on a withheld page. A term is reported only if
it occurs nowhere in what remains visible: a word like "de" that is boxed once but also stands
elsewhere on the page would make the gate fail on a correct file. Text that Redactor itself
adds (box labels, the withheld-page notice, the legend) counts as remaining text too.

Matching is on normalised text: NFKC, case-folded, whitespace removed (extractors differ in
where they put spaces, so the search ignores them on both sides). For the same reason the
remaining text is each page's kept characters run together: "labore et" contains "oreet".
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import pymupdf

from redactor.pdf.glyphs import (
    CENTRE_MARGIN,
    CENTRE_MARGIN_PER_SIZE,
    WHITESPACE,
    Action,
    BoxIndex,
    BoxTuple,
    Glyph,
    covering_box,
)

log = logging.getLogger(__name__)

MIN_TERM = 2  # shorter stretches are not worth reporting (the gate ignores < 4 anyway)
# ActualText is ignored: the export strips it, so it is neither removed nor remaining text.
FLAGS = (
    pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_IGNORE_ACTUALTEXT
)


def normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _glyph(
    char: dict[str, object], span: dict[str, object], direction: tuple[float, float]
) -> Glyph:
    origin: Any = char["origin"]
    box: Any = char["bbox"]
    ox, oy = float(origin[0]), float(origin[1])
    bx0, by0, bx1, by1 = box  # unpacked, not a generator: called for every character
    x0, y0, x1, y1 = float(bx0), float(by0), float(bx1), float(by1)
    size = float(span.get("size") or 0.0)  # type: ignore[arg-type]
    if direction == (1.0, 0.0) and size > 0:
        # MuPDF's trace box: ascender and descender scaled to add up to the font size.
        asc = float(span.get("ascender") or 0.8)  # type: ignore[arg-type]
        desc = float(span.get("descender") or -0.2)  # type: ignore[arg-type]
        top = asc / (asc - desc) if asc - desc > 0 else 0.8
        y0, y1 = oy - top * size, oy + (1 - top) * size
    return Glyph(
        gid=0,
        uni=ord(str(char["c"])[:1] or " "),
        origin=(ox, oy),
        bbox=(x0, y0, x1, y1),
        direction=direction,
        size=size,
        space=0.0,
    )


def page_split(
    page: pymupdf.Page, boxes: Sequence[BoxTuple], withheld: bool
) -> tuple[list[str], str]:
    """(removed stretches, remaining text) of one page. Boxes are in MuPDF's unrotated space.

    The remaining text is the page's kept characters run together, as an extractor will see
    them once the removed ones are gone (words that were apart may now touch)."""
    removed: list[str] = []
    kept_all: list[str] = []
    raw = page.get_text("rawdict", flags=FLAGS)
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            direction = tuple(round(v, 3) for v in line.get("dir", (1.0, 0.0)))
            for span in line.get("spans", ()):
                chars = span.get("chars", ())
                near = [] if withheld else _near_boxes(span, direction, boxes)
                if not withheld and not near:
                    # Most spans lie nowhere near a box: all their characters stay (white
                    # space dropped as below, by str.split's rule, which is str.strip's).
                    kept_all += "".join(ch["c"] for ch in chars).split()
                    continue
                gone_flags = (
                    [True] * len(chars) if withheld else _covered_chars(span, direction, near)
                )
                current: list[str] = []
                for char, gone in zip(chars, gone_flags, strict=True):
                    c = str(char.get("c", ""))
                    if not c.strip():
                        _flush(current, removed)
                        continue
                    if gone:
                        current.append(c)
                    else:
                        kept_all.append(c)
                        _flush(current, removed)
                _flush(current, removed)
    return removed, "".join(kept_all)


def _near_boxes(
    span: dict[str, Any], direction: tuple[float, ...], boxes: Sequence[BoxTuple]
) -> list[BoxTuple]:
    """The boxes that may cover a character of the span (_covered may be True): those that
    touch the span's reach (see _reach). Most spans lie nowhere near a box."""
    x0, y0, x1, y1 = _reach(span, direction)
    return [b for b in boxes if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1]


def _covered_chars(
    span: dict[str, Any], direction: tuple[float, ...], boxes: Sequence[BoxTuple]
) -> list[bool]:
    """_covered for every character of the span, against the boxes near it: the same
    centre test, without a Glyph per character (spans near a box have dozens)."""
    size = float(span.get("size") or 0.0)
    grow = CENTRE_MARGIN + CENTRE_MARGIN_PER_SIZE * size
    grown = [(b[0] - grow, b[1] - grow, b[2] + grow, b[3] + grow) for b in boxes]
    centre_below_origin: float | None = None  # horizontal text: _glyph's box from the font
    if direction == (1.0, 0.0) and size > 0:
        asc = float(span.get("ascender") or 0.8)
        desc = float(span.get("descender") or -0.2)
        top = asc / (asc - desc) if asc - desc > 0 else 0.8
        centre_below_origin = (0.5 - top) * size
    out: list[bool] = []
    for char in span.get("chars", ()):
        c = str(char["c"])
        if not c.strip():
            out.append(False)  # page_split passes over white space
            continue
        if ord(c[:1]) in WHITESPACE:  # U+200B: "white space" to the rules, not to str.strip
            out.append(_covered(char, span, direction, BoxIndex(boxes, reach=40.0)))
            continue
        box = char["bbox"]
        cx = (float(box[0]) + float(box[2])) / 2
        if centre_below_origin is None:
            cy = (float(box[1]) + float(box[3])) / 2
        else:
            cy = float(char["origin"][1]) + centre_below_origin
        out.append(any(g[0] <= cx <= g[2] and g[1] <= cy <= g[3] for g in grown))
    return out


def _reach(span: dict[str, Any], direction: tuple[float, ...]) -> BoxTuple:
    """The span's box, with the vertical extent _glyph gives horizontal text, grown by the
    covering margin: a box that does not touch it covers no character of the span."""
    size = float(span.get("size") or 0.0)
    grow = CENTRE_MARGIN + CENTRE_MARGIN_PER_SIZE * size + 1.0
    x0, y0, x1, y1 = (float(v) for v in span["bbox"])
    if direction == (1.0, 0.0) and size > 0:
        asc = float(span.get("ascender") or 0.8)
        desc = float(span.get("descender") or -0.2)
        top = asc / (asc - desc) if asc - desc > 0 else 0.8
        oy = float(span["origin"][1])
        # A quarter size more: a character's baseline may sit a little off the span's.
        slack = 0.25 * size
        y0, y1 = min(y0, oy - top * size - slack), max(y1, oy + (1 - top) * size + slack)
    return (x0 - grow, y0 - grow, x1 + grow, y1 + grow)


def _covered(
    char: dict[str, object], span: dict[str, object], direction: tuple[float, ...], index: BoxIndex
) -> bool:
    """Whether a box removes this character: index.covering(_glyph(...)) is not None,
    without looking up which box (called for every character of a page with boxes)."""
    glyph = _glyph(char, span, direction)  # type: ignore[arg-type]
    candidates = index.near(glyph.bbox[1], glyph.bbox[3])
    return bool(candidates) and covering_box(glyph, candidates) is not None


def _flush(chars: list[str], into: list[str]) -> None:
    if chars:
        into.append("".join(chars))
        chars.clear()


class TermCollector:
    """The removed stretches and the remaining text, page by page; then the terms.

    Pages arrive from different stages of the redaction (redactor.pdf.redact): a withheld
    page and a page without boxes from the source, a rewritten page from its trace
    (trace_split), any other page with boxes from page_split before MuPDF redacts it."""

    def __init__(self) -> None:
        self.removed: list[str] = []
        self.remaining: list[str] = []

    def add(self, removed: Sequence[str], kept: str) -> None:
        self.removed += removed
        self.remaining.append(kept)

    def terms(self, public_text: str) -> tuple[str, ...]:
        """The removed stretches that appear nowhere in the remaining or added text (sorted)."""
        haystack = "\x00".join(normalise(part) for part in [public_text, *self.remaining])
        stripped = (_trim(t) for t in self.removed)
        found = {
            t for t in stripped if len(normalise(t)) >= MIN_TERM and normalise(t) not in haystack
        }
        return tuple(sorted(found))


def removed_terms(
    doc: pymupdf.Document,
    boxes: Mapping[int, Sequence[BoxTuple]],
    withheld: Iterable[int],
    public_text: str,
) -> tuple[str, ...]:
    """The removed stretches that appear nowhere in the remaining or added text (sorted),
    every page read from `doc` (page_split)."""
    collector = TermCollector()
    withheld_set = set(withheld)
    for index in sorted(set(boxes) | withheld_set):
        collector.add(*page_split(doc[index], boxes.get(index, ()), index in withheld_set))
    add_untouched(doc, collector, set(boxes) | withheld_set)
    return collector.terms(public_text)


def add_untouched(doc: pymupdf.Document, collector: TermCollector, skip: set[int]) -> None:
    """The text of the pages not in `skip` (no box, not withheld): all of it remains."""
    for index in range(doc.page_count):
        if index not in skip:
            collector.add((), doc[index].get_text("text", flags=FLAGS))


_FIRST = itemgetter(0)  # a traced character's Unicode value

# Two removed characters of one line further apart than this (in font sizes) are two
# words: where MuPDF's text extraction would put a space between them.
WORD_GAP_PER_SIZE = 0.15


# Right-to-left scripts (Hebrew, Arabic and their neighbours, presentation forms): a trace
# holds them in drawing order, not reading order, which is what extractors give.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def trace_split(
    operators: Iterable[tuple[Sequence[dict[str, Any]], Sequence[Action] | None]],
    foreign: Sequence[Glyph],
    visible: BoxTuple,
) -> tuple[list[str], str] | None:
    """page_split for a page the text rewriter planned (redactor.pdf.textpos), from the
    marked copy's trace: the glyphs the plan drops are the removed text, every other glyph
    on the visible page the remaining text. No second extraction of the page.

    `operators`: each text operator's traced spans in content order, with one Action per
    glyph (gid >= 0; the further characters of a ligature share it) or None for an operator
    kept whole; `foreign`: the glyphs that carry no marker (all kept). A removed stretch
    ends at white space, at a kept character, and where the next removed character is not
    on the same line right after it (WORD_GAP_PER_SIZE).

    None for a page with right-to-left text: page_split reads it in reading order."""
    removed: list[str] = []
    kept: list[str] = []
    current: list[str] = []
    previous: tuple[float, float, float, float, float] | None = None  # dx, dy, t, end, size
    x0, y0, x1, y1 = visible

    def inside(b: Sequence[float]) -> bool:
        return x0 <= (b[0] + b[2]) / 2 <= x1 and y0 <= (b[1] + b[3]) / 2 <= y1

    for spans, actions in operators:
        k = -1
        gone = False
        for span in spans:
            chars = span["chars"]
            if actions is None:
                if inside(span["bbox"]):
                    kept.append("".join(map(chr, map(_FIRST, chars))))
                else:
                    kept += (chr(ch[0]) for ch in chars if inside(ch[3]))
                continue
            dx, dy = span.get("dir") or (1.0, 0.0)
            size = max(float(span.get("size") or 0.0), 1.0)
            for ch in chars:
                if ch[1] >= 0:
                    k += 1
                    gone = actions[k].drop
                c = chr(ch[0])
                if not c.strip():
                    _flush(current, removed)
                    previous = None
                    continue
                if not gone:
                    _flush(current, removed)
                    previous = None
                    if inside(ch[3]):
                        kept.append(c)
                    continue
                if ch[1] < 0 and previous is not None:
                    current.append(c)  # a ligature's further character: its glyph is placed
                    continue
                (ox, oy), b = ch[2], ch[3]
                t = -dy * ox + dx * oy
                if abs(dx) > 0.999 or abs(dy) > 0.999:
                    # Along an axis the box spans the advance: the gap between two boxes.
                    start = min(dx * b[0], dx * b[2]) + min(dy * b[1], dy * b[3])
                    end = max(dx * b[0], dx * b[2]) + max(dy * b[1], dy * b[3])
                    low, high = -0.5 * size, WORD_GAP_PER_SIZE * size
                else:
                    # Slanted, the boxes overlap: from one origin to the next, at most an em
                    # and the word gap.
                    start = end = dx * ox + dy * oy
                    low, high = 0.0, (1.0 + WORD_GAP_PER_SIZE) * size
                if previous is not None and not (
                    (previous[0], previous[1]) == (dx, dy)
                    and abs(t - previous[2]) <= 0.2 * size
                    and low <= start - previous[3] <= high
                ):
                    _flush(current, removed)
                current.append(c)
                previous = (dx, dy, t, end, size)
    _flush(current, removed)
    kept += (chr(g.uni) for g in foreign if inside(g.bbox))
    text = "".join(kept)
    if _RIGHT_TO_LEFT.search(text) or any(_RIGHT_TO_LEFT.search(t) for t in removed):
        return None
    return removed, text


def _trim(term: str) -> str:
    """Without leading and trailing punctuation: "you." is the word "you" (and a full stop
    that extractors happily join to any neighbour)."""
    start, end = 0, len(term)
    while start < end and not term[start].isalnum():
        start += 1
    while end > start and not term[end - 1].isalnum():
        end -= 1
    return term[start:end]
