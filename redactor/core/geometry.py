"""Rectangles in PDF points, origin at the top-left of the page *as displayed*.

"As displayed" means rotation and CropBox applied: the coordinates a PDF viewer shows. The
store, the rules, the CLI and plan files all use this one system; only redactor.pdf converts
to MuPDF's unrotated page space.
"""

from __future__ import annotations

from dataclasses import dataclass

from redactor.core.errors import InputError, Message

# Rectangles smaller than this (in points) are treated as zero-size: nobody can see them,
# so a reviewer who "drew" one made a mistake.
MIN_SIDE = 0.5
# Tolerance for rectangles touching the page edge (floating-point round trips).
EDGE_TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def normalized(cls, x0: float, y0: float, x1: float, y1: float) -> Rect:
        """Build a rectangle from two corners given in any order."""
        return cls(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    def intersects(self, other: Rect) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def contains(self, other: Rect) -> bool:
        return (
            self.x0 <= other.x0
            and self.y0 <= other.y0
            and other.x1 <= self.x1
            and other.y1 <= self.y1
        )

    def clipped_to(self, width: float, height: float) -> Rect:
        return Rect(max(0.0, self.x0), max(0.0, self.y0), min(width, self.x1), min(height, self.y1))

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)


def validate_rect(rect: Rect, page_width: float, page_height: float, where: str | Message) -> Rect:
    """Refuse a rectangle of zero size or outside the displayed page; return it clipped.

    A rectangle that sticks out past an edge by more than the tolerance is refused rather than
    clipped: a reviewer who typed coordinates for the wrong page size should be told.
    """
    values = rect.as_tuple()
    if any(v != v or v in (float("inf"), float("-inf")) for v in values):
        raise InputError(
            "{where}: the rectangle has a coordinate that is not a number.", where=where
        )
    if rect.width < MIN_SIDE or rect.height < MIN_SIDE:
        raise InputError(
            "{where}: the rectangle {rect} has zero size; draw a box of at least {minimum} pt.",
            where=where,
            rect=_fmt(rect),
            minimum=MIN_SIDE,
        )
    tol = EDGE_TOLERANCE
    if (
        rect.x0 < -tol
        or rect.y0 < -tol
        or rect.x1 > page_width + tol
        or rect.y1 > page_height + tol
    ):
        raise InputError(
            "{where}: the rectangle {rect} lies outside the page, which is "
            "{width:g} x {height:g} pt.",
            where=where,
            rect=_fmt(rect),
            width=page_width,
            height=page_height,
        )
    return rect.clipped_to(page_width, page_height)


def _fmt(rect: Rect) -> str:
    return "[" + ", ".join(f"{v:g}" for v in rect.as_tuple()) + "]"
