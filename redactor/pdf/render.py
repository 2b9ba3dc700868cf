"""Render pages to RGB pixels, and keep a few documents open for it.

A pixmap rendered with matrix Matrix(z, z) shows the page *as displayed* (rotation and CropBox
applied), so pixel (px, py) is displayed point (px / z, py / z): the coordinate system of
every stored rectangle. The GUI draws these pixels and maps mouse positions back with 1 / z.

PyMuPDF is not safe to call from several threads at once; the GUI calls everything here from
its single PDF worker thread. The cache takes a lock anyway so a misuse cannot corrupt it.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from redactor.core.export_model import BoxSpec, RenderOptions, WithheldPageSpec
from redactor.pdf.intake import open_document, quiet_mupdf

log = logging.getLogger(__name__)

# A rendered page larger than this many pixels is rendered at a lower zoom instead: a 400 %
# zoom of an A0 drawing would otherwise need gigabytes.
MAX_PIXELS = 40_000_000


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """RGB pixels, 3 bytes a pixel, rows `stride` bytes apart."""

    width: int
    height: int
    stride: int
    samples: bytes
    zoom: float  # the zoom actually used (lower than asked when MAX_PIXELS capped it)


def page_size(doc: pymupdf.Document, page_index: int) -> tuple[float, float]:
    """The displayed size of a page in points."""
    rect = doc.load_page(page_index).rect
    return rect.width, rect.height


def render_page(
    source: bytes | pymupdf.Document, page_index: int, zoom: float, *, name: str = "The PDF"
) -> RenderedPage:
    """Render one page (as displayed) at `zoom` pixels per point."""
    if isinstance(source, bytes | bytearray):
        doc = open_document(bytes(source), name=name)
        try:
            return _render(doc, page_index, zoom, name)
        finally:
            doc.close()
    return _render(source, page_index, zoom, name)


def _render(doc: pymupdf.Document, page_index: int, zoom: float, name: str) -> RenderedPage:
    with quiet_mupdf(name):
        page = doc.load_page(page_index)
        area = max(1.0, page.rect.width * page.rect.height)
        zoom = min(zoom, (MAX_PIXELS / area) ** 0.5)
        pix = page.get_pixmap(
            matrix=pymupdf.Matrix(zoom, zoom), alpha=False, colorspace=pymupdf.csRGB
        )
        return RenderedPage(pix.width, pix.height, pix.stride, pix.samples, zoom)


def single_page_pdf(doc: pymupdf.Document, page_index: int) -> bytes:
    """A new PDF holding only one page of `doc` (for previewing that page's export)."""
    with quiet_mupdf("The PDF"):
        out = pymupdf.open()
        try:
            out.insert_pdf(doc, from_page=page_index, to_page=page_index)
            return out.tobytes(garbage=1)
        finally:
            out.close()


def render_redacted_page(
    doc: pymupdf.Document,
    page_index: int,
    boxes: Sequence[BoxSpec],
    withheld: WithheldPageSpec | None,
    options: RenderOptions,
    zoom: float,
) -> RenderedPage:
    """One page exactly as the export writes it: the page on its own, run through the real
    redaction engine with its boxes (page index 0) and withheld decision, then rendered."""
    from redactor.pdf.redact import redact_document

    single = single_page_pdf(doc, page_index)
    # No legend in a page preview: it would be a page of its own.
    options = RenderOptions(
        style=options.style,
        mode=options.mode,
        image_dpi=options.image_dpi,
        language=options.language,
    )
    redacted = redact_document(single, boxes, (withheld,) if withheld is not None else (), options)
    return render_page(redacted.pdf, 0, zoom)


class DocumentCache:
    """The last few opened documents, keyed by the caller (document id, or id + variant).

    Opening a 1,000-page PDF costs tens of milliseconds; rendering page after page of it must
    not pay that each time. Least recently used documents are closed beyond `capacity`.
    """

    def __init__(self, capacity: int = 4) -> None:
        self.capacity = capacity
        self._docs: OrderedDict[Hashable, pymupdf.Document] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self, key: Hashable, load: Callable[[], bytes | Path], *, name: str = "The PDF"
    ) -> pymupdf.Document:
        with self._lock:
            doc = self._docs.get(key)
            if doc is not None:
                self._docs.move_to_end(key)
                return doc
            doc = open_document(load(), name=name)
            self._docs[key] = doc
            while len(self._docs) > self.capacity:
                _, old = self._docs.popitem(last=False)
                old.close()
            return doc

    def drop(self, key: Hashable) -> None:
        with self._lock:
            doc = self._docs.pop(key, None)
            if doc is not None:
                doc.close()

    def close(self) -> None:
        with self._lock:
            for doc in self._docs.values():
                doc.close()
            self._docs.clear()

    def __len__(self) -> int:
        return len(self._docs)
