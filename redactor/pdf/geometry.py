"""Conversion between the displayed page space and MuPDF's unrotated page space.

The rest of Redactor speaks in displayed coordinates (see redactor.core.geometry). MuPDF's
text, drawing and annotation APIs use the *unrotated* page, with the origin at the CropBox's
top-left. `Page.rotation_matrix` maps unrotated -> displayed; its inverse maps back.
"""

from __future__ import annotations

import pymupdf

from redactor.core.geometry import Rect


def displayed_to_unrotated(page: pymupdf.Page, rect: Rect) -> pymupdf.Rect:
    """A displayed-space rectangle as the MuPDF rectangle covering the same area."""
    return (pymupdf.Rect(rect.as_tuple()) * page.derotation_matrix).normalize()


def unrotated_to_displayed(page: pymupdf.Page, rect: pymupdf.Rect | tuple[float, ...]) -> Rect:
    """A MuPDF (unrotated) rectangle as a displayed-space Rect."""
    r = (pymupdf.Rect(rect) * page.rotation_matrix).normalize()
    return Rect(r.x0, r.y0, r.x1, r.y1)


def displayed_size(page: pymupdf.Page) -> tuple[float, float]:
    """Width and height of the page as displayed (rotation and CropBox applied)."""
    return page.rect.width, page.rect.height
