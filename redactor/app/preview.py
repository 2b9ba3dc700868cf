"""The "as exported" preview of one page: the page run through the real redaction engine.

What the reviewer sees is exactly what the export writes for that page: the page is copied out
of the document on its own, redacted by `redact_document` with that page's boxes (and its
withheld-page decision), and the result rendered. Only one page is redacted, so the preview
of page 700 of a 1,000-page document costs about as much as that of a one-page file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from redactor.core.export_model import BoxSpec, RenderOptions, WithheldPageSpec
from redactor.core.model import PageDecision, Redaction
from redactor.pdf.render import DocumentCache, RenderedPage, render_redacted_page

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PagePreview:
    """Everything the export does to one page; `digest` identifies it for caching."""

    document_id: int
    page_index: int
    boxes: tuple[BoxSpec, ...]
    withheld: WithheldPageSpec | None
    options: RenderOptions

    @property
    def digest(self) -> str:
        text = repr((self.boxes, self.withheld, self.options))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def page_preview(
    document_id: int,
    page_index: int,
    redactions: Sequence[Redaction],
    decision: PageDecision | None,
    options: RenderOptions,
) -> PagePreview:
    """The preview spec of one page from its boxes and its page decision, as export builds it."""
    boxes = tuple(
        BoxSpec(0, r.rect, r.grounds)
        for r in sorted(redactions, key=lambda r: r.id)
        if r.page_index == page_index and r.document_id == document_id
    )
    withheld = None
    if decision is not None and decision.page_index == page_index:
        withheld = WithheldPageSpec(0, decision.codes_shown)
    return PagePreview(document_id, page_index, boxes, withheld, options)


def render_preview(
    docs: DocumentCache,
    load_source: Callable[[], bytes | Path],
    preview: PagePreview,
    zoom: float,
) -> RenderedPage:
    """Render the page as the export writes it, in this process (PyMuPDF: a worker thread)."""
    doc = docs.get(preview.document_id, load_source, name=f"Document {preview.document_id}")
    return render_redacted_page(
        doc, preview.page_index, preview.boxes, preview.withheld, preview.options, zoom
    )
