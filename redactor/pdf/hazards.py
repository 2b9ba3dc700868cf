"""Find what MuPDF's redaction cannot make safe, so that the page is rasterised instead.

Two independent looks:

* structural (before redaction, pikepdf): a page with boxes that uses a soft-mask group or a
  tiling pattern whose own content shows text or images, or a Type3 font whose glyph
  procedures show text. MuPDF does not filter inside these, and their content would stay in
  the file even where nothing of it is visible any more.
* visual (after redaction, MuPDF): render the page and require every box's interior to be one
  colour. Anything still painted there (shadings, Type3 glyphs drawing outside their box,
  pattern cells) shows up as a second colour.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Any

import pikepdf
import pymupdf
from pikepdf import Dictionary, Name

from redactor.core.geometry import Rect
from redactor.pdf.content import MAX_FORM_DEPTH, TEXT_SHOW, ContentError, op_name, parse

log = logging.getLogger(__name__)

PAINTS = TEXT_SHOW | {"Do", "INLINE IMAGE", "BI"}
RENDER_DPI = 72
EDGE_PX = 2  # ignore this many pixels along each box edge (anti-aliasing of neighbours)
MIN_INTERIOR_PX = 6
MAX_DPI = 400


def _dict(value: Any) -> Dictionary | None:
    return value if isinstance(value, Dictionary) else None


def _shows_content(stream: Any) -> bool:
    """Whether a content stream shows text, images or forms."""
    try:
        return any(op_name(item) in PAINTS for item in parse(stream))
    except ContentError:
        return True  # unreadable: assume the worst


def structural_hazard(resources: Dictionary | None) -> str | None:
    """Why the resources (followed through forms) hold content MuPDF cannot filter, or None."""
    return _scan(resources, set(), 0)


def _scan(resources: Dictionary | None, seen: set[tuple[int, int]], depth: int) -> str | None:
    if resources is None:
        return None
    if depth > MAX_FORM_DEPTH:
        return "form XObjects nested too deeply"
    for _, gs in (_dict(resources.get("/ExtGState")) or Dictionary()).items():
        smask = _dict(gs.get("/SMask")) if isinstance(gs, Dictionary) else None
        group = smask.get("/G") if smask is not None else None
        if isinstance(group, pikepdf.Stream) and _shows_content(group):
            return "a soft mask whose group shows text or images"
    for _, pattern in (_dict(resources.get("/Pattern")) or Dictionary()).items():
        if (
            isinstance(pattern, pikepdf.Stream)
            and pattern.get("/PatternType") == 1
            and _shows_content(pattern)
        ):
            return "a tiling pattern whose cell shows text or images"
    for _, font in (_dict(resources.get("/Font")) or Dictionary()).items():
        if isinstance(font, Dictionary) and font.get("/Subtype") == Name.Type3:
            procs = _dict(font.get("/CharProcs")) or Dictionary()
            for _, proc in procs.items():
                if isinstance(proc, pikepdf.Stream) and _shows_text(proc):
                    return "a Type3 font whose glyphs show text"
    for _, xobj in (_dict(resources.get("/XObject")) or Dictionary()).items():
        if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == Name.Form:
            key = xobj.objgen
            if key in seen:
                continue
            seen.add(key)
            nested = _dict(xobj.get("/Resources"))
            reason = _scan(nested, seen, depth + 1)
            if reason:
                return reason
    return None


def _shows_text(stream: Any) -> bool:
    try:
        return any(op_name(item) in TEXT_SHOW for item in parse(stream))
    except ContentError:
        return True


def render_leftovers(page: pymupdf.Page, boxes: Sequence[Rect]) -> list[int]:
    """Indexes of the boxes (displayed space) whose interior does not render as one colour."""
    if not boxes:
        return []
    # At least MIN_INTERIOR_PX pixels across the smallest box, so thin boxes are checked too.
    smallest = min(min(r.width, r.height) for r in boxes)
    dpi = min(
        MAX_DPI,
        max(RENDER_DPI, math.ceil(72.0 * (MIN_INTERIOR_PX + 2 * EDGE_PX) / max(smallest, 0.5))),
    )
    pix = page.get_pixmap(dpi=dpi, annots=False, alpha=False, colorspace=pymupdf.csRGB)
    scale = dpi / 72.0
    samples = pix.samples_mv
    stride = pix.stride
    bad: list[int] = []
    for index, rect in enumerate(boxes):
        x0 = max(math.ceil(rect.x0 * scale) + EDGE_PX, 0)
        y0 = max(math.ceil(rect.y0 * scale) + EDGE_PX, 0)
        x1 = min(math.floor(rect.x1 * scale) - EDGE_PX, pix.width)
        y1 = min(math.floor(rect.y1 * scale) - EDGE_PX, pix.height)
        if x1 <= x0 or y1 <= y0:
            continue  # too thin to hold anything legible at this resolution
        first = bytes(samples[y0 * stride + x0 * 3 : y0 * stride + x0 * 3 + 3])
        expected = first * (x1 - x0)
        for y in range(y0, y1):
            row = samples[y * stride + x0 * 3 : y * stride + x1 * 3]
            if bytes(row) != expected:
                bad.append(index)
                break
    return bad
