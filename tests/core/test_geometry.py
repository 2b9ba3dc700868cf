"""Rectangles in displayed page points and their validation against a page."""

from __future__ import annotations

import math

import pytest

from redactor.core.errors import InputError
from redactor.core.geometry import EDGE_TOLERANCE, MIN_SIDE, Rect, validate_rect

W, H = 300.0, 400.0


def test_normalized_orders_the_corners() -> None:
    assert Rect.normalized(50, 40, 10, 20) == Rect(10, 20, 50, 40)
    r = Rect.normalized(10, 20, 50, 40)
    assert (r.width, r.height) == (40, 20)
    assert r.as_tuple() == (10, 20, 50, 40)


def test_intersects_contains_moved_clipped() -> None:
    a = Rect(0, 0, 10, 10)
    assert a.intersects(Rect(5, 5, 15, 15))
    assert not a.intersects(Rect(10, 0, 20, 10))  # touching edges do not overlap
    assert a.contains(Rect(1, 1, 9, 9)) and not a.contains(Rect(1, 1, 11, 9))
    assert a.moved(5, -2) == Rect(5, -2, 15, 8)
    assert Rect(-3, -3, 350, 450).clipped_to(W, H) == Rect(0, 0, W, H)


def test_a_valid_rectangle_passes_unchanged() -> None:
    r = Rect(10, 20, 110, 60)
    assert validate_rect(r, W, H, "Page 1") == r
    assert validate_rect(Rect(0, 0, W, H), W, H, "Page 1") == Rect(0, 0, W, H)


def test_rounding_noise_at_the_edge_is_clipped_not_refused() -> None:
    noisy = Rect(-EDGE_TOLERANCE / 2, 0, W + EDGE_TOLERANCE / 2, H)
    assert validate_rect(noisy, W, H, "Page 1") == Rect(0, 0, W, H)


@pytest.mark.parametrize(
    "rect",
    [
        Rect(10, 10, 10, 50),  # no width
        Rect(10, 10, 50, 10),  # no height
        Rect(10, 10, 10 + MIN_SIDE / 2, 50),  # thinner than anyone can see
        Rect(50, 50, 10, 10),  # corners swapped: negative size
    ],
)
def test_zero_size_is_refused(rect: Rect) -> None:
    with pytest.raises(InputError) as err:
        validate_rect(rect, W, H, "Page 2 of letter.pdf")
    assert str(err.value).startswith("Page 2 of letter.pdf: the rectangle")
    assert "zero size" in str(err.value)


@pytest.mark.parametrize(
    "rect",
    [
        Rect(10, 10, W + 1, 50),
        Rect(-1, 10, 50, 50),
        Rect(10, -0.5, 50, 50),
        Rect(10, 10, 50, H + 0.02),
        Rect(400, 500, 600, 700),  # entirely off the page
    ],
)
def test_outside_the_page_is_refused(rect: Rect) -> None:
    with pytest.raises(InputError, match="lies outside the page, which is 300 x 400 pt"):
        validate_rect(rect, W, H, "Page 1")


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_not_a_number_is_refused(bad: float) -> None:
    with pytest.raises(InputError, match="not a number"):
        validate_rect(Rect(10, 10, bad, 50), W, H, "Page 1")
