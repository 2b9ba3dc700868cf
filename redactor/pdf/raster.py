"""Replace a page's content by a picture of it, with the box areas painted solid.

Used when a page holds something MuPDF's redaction cannot filter (and for image mode). The
page is rendered after redaction, so whatever could be removed already is; the box areas are
then overwritten in the pixels (rounded outwards by a pixel), so no anti-aliased edge can carry
anything from under a box. The picture is stored losslessly (Flate): JPEG ringing would
smear the box edges.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

import pymupdf

log = logging.getLogger(__name__)


def rasterize_page(
    doc: pymupdf.Document,
    index: int,
    boxes: Sequence[pymupdf.Rect],
    fill: tuple[int, int, int],
    dpi: int,
) -> None:
    """`boxes` are in MuPDF's unrotated page space."""
    page = doc[index]
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)  # render and place unrotated; the rotation is restored below
    pix = page.get_pixmap(dpi=dpi, annots=False, alpha=False, colorspace=pymupdf.csRGB)
    scale = dpi / 72.0
    for rect in boxes:
        irect = (
            pymupdf.IRect(
                math.floor(rect.x0 * scale) - 1,
                math.floor(rect.y0 * scale) - 1,
                math.ceil(rect.x1 * scale) + 1,
                math.ceil(rect.y1 * scale) + 1,
            )
            & pix.irect
        )
        if not irect.is_empty:
            pix.set_rect(irect, fill)
    target = page.rect
    empty = doc.get_new_xref()
    doc.update_object(empty, "<<>>")
    doc.update_stream(empty, b" ")
    doc.xref_set_key(page.xref, "Contents", f"{empty} 0 R")
    doc.xref_set_key(page.xref, "Resources", "<<>>")
    for key in ("Group", "Annots"):
        doc.xref_set_key(page.xref, key, "null")
    page = doc[index]
    page.insert_image(target, pixmap=pix)
    if rotation:
        page.set_rotation(rotation)
    log.debug("page %d rasterised at %d dpi", index + 1, dpi)
