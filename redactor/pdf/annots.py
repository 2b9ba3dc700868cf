"""Flatten annotations before redaction: what the reviewer saw becomes page content.

Visible markup (free text, stamps, highlights, shapes, ink) and form fields are baked into the
page, so that a value inside a box is redacted with the page and a value outside it stays
visible. Everything else is dropped without a trace: comments and their pop-ups (their text
was never on the page), links, file attachments, media, hidden annotations and annotations
in optional-content layers, and unapplied Redact annotations (applying one would remove text
the reviewer did not box; the reviewer's boxes are the only redactions).
"""

from __future__ import annotations

import logging

import pymupdf

log = logging.getLogger(__name__)

DROP_TYPES = frozenset(  # type stubs lack PyMuPDF's constants: looked up by name
    getattr(pymupdf, name)
    for name in (
        "PDF_ANNOT_POPUP",
        "PDF_ANNOT_TEXT",
        "PDF_ANNOT_FILE_ATTACHMENT",
        "PDF_ANNOT_REDACT",
        "PDF_ANNOT_SOUND",
        "PDF_ANNOT_MOVIE",
        "PDF_ANNOT_SCREEN",
        "PDF_ANNOT_RICH_MEDIA",
        "PDF_ANNOT_3D",
        "PDF_ANNOT_PROJECTION",
        "PDF_ANNOT_LINK",
    )
)
HIDDEN: int = (
    pymupdf.PDF_ANNOT_IS_HIDDEN  # type: ignore[attr-defined]
    | pymupdf.PDF_ANNOT_IS_NO_VIEW  # type: ignore[attr-defined]
    | pymupdf.PDF_ANNOT_IS_INVISIBLE  # type: ignore[attr-defined]
)


def _drop(doc: pymupdf.Document, annot: pymupdf.Annot) -> bool:
    if annot.type[0] in DROP_TYPES or annot.flags & HIDDEN:
        return True
    return doc.xref_get_key(annot.xref, "OC")[0] != "null"


def _hidden_widget(doc: pymupdf.Document, xref: int) -> bool:
    kind, value = doc.xref_get_key(xref, "F")
    flags = int(value) if kind == "int" else 0
    return bool(flags & HIDDEN) or doc.xref_get_key(xref, "OC")[0] != "null"


def flatten(doc: pymupdf.Document) -> None:
    """Bake the visible annotations and fields of every page; drop all others."""
    for number in range(doc.page_count):
        page = doc[number]
        try:
            for xref in [a.xref for a in page.annots() if _drop(doc, a)]:
                annot = page.load_annot(xref)
                if annot is not None:
                    page.delete_annot(annot)
            for link in page.get_links():
                page.delete_link(link)
            for xref in [w.xref for w in page.widgets() if _hidden_widget(doc, w.xref)]:
                widget = page.load_widget(xref)
                if widget is not None:
                    page.delete_widget(widget)
        except Exception as exc:  # annotations MuPDF cannot parse: dropped below with the rest
            log.info(
                "page %d: annotations could not be sorted (%s); all are dropped",
                page.number + 1,
                exc,
            )
            doc.xref_set_key(page.xref, "Annots", "null")
    try:
        doc.bake(annots=True, widgets=True)
    except Exception as exc:
        log.info("annotations could not be baked (%s); they are dropped instead", exc)
    for number in range(doc.page_count):
        page = doc[number]
        if doc.xref_get_key(page.xref, "Annots")[0] != "null":
            doc.xref_set_key(page.xref, "Annots", "null")
