"""Open and validate source PDFs: the one place that turns untrusted bytes into a Document.

Every way a file can be unusable (not a PDF, empty, truncated, corrupt, password-protected,
pathological) ends here as a PdfError carrying one sentence that names the file. MuPDF's own
complaints are logged, never printed: PyMuPDF writes them to stdout by default, which would
corrupt `--json` output and frighten users with noise.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pymupdf

from redactor.core.document import PageGeometry, PdfInfo
from redactor.core.errors import Message, PasswordRequired, PdfError

log = logging.getLogger(__name__)

# ISO 32000 lets readers accept a header that starts within the first 1024 bytes (some
# producers prepend junk); Acrobat does too.
HEADER_WINDOW = 1024
# A sanity limit, far above any real document, against page trees that claim millions of pages.
MAX_PAGES = 100_000
# Finding out whether a document has a text layer must not turn into a hang on a hostile
# content stream: stop looking after this long and report what was found so far.
TEXT_PROBE_SECONDS = 5.0
# At most this many MuPDF messages are logged per call; fuzzed files can produce thousands.
MAX_LOGGED_MESSAGES = 20


@contextmanager
def quiet_mupdf(name: str) -> Iterator[None]:
    """Keep MuPDF's errors and warnings off the terminal for the duration; log them instead.

    The display flags are restored afterwards, and the warnings store is left as MuPDF would
    have left it, so code outside this block sees no difference.
    """
    tools = pymupdf.TOOLS
    show_errors = tools.mupdf_display_errors()
    show_warnings = tools.mupdf_display_warnings()
    before = tools.mupdf_warnings(reset=False)
    tools.mupdf_display_errors(False)
    tools.mupdf_display_warnings(False)
    try:
        yield
    finally:
        tools.mupdf_display_errors(show_errors)
        tools.mupdf_display_warnings(show_warnings)
        after = tools.mupdf_warnings(reset=False)
        new = after[len(before) :] if after.startswith(before) else after
        if not before:
            tools.reset_mupdf_warnings()
        _log_messages(name, new)


def _log_messages(name: str, text: str) -> None:
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[:MAX_LOGGED_MESSAGES]:
        # INFO, not WARNING: damaged files are an expected input, and the outcome (refused or
        # `repaired`) is reported to the user through the return value or the exception.
        log.info("MuPDF on %s: %s", name, line)
    if len(lines) > MAX_LOGGED_MESSAGES:
        log.info("MuPDF on %s: %d more messages", name, len(lines) - MAX_LOGGED_MESSAGES)


def open_document(
    data: bytes | Path, password: str | None = None, *, name: str = "The PDF"
) -> pymupdf.Document:
    """Open PDF bytes (or a file, which MuPDF then reads as it needs) with MuPDF, or raise
    PdfError / PasswordRequired naming `name`.

    The caller owns the returned document and must close it. The bytes are not modified.
    A document encrypted with an empty user password opens without one.
    """
    with quiet_mupdf(name):
        return _open(data, password, name)


def _open(data: bytes | Path, password: str | None, name: str) -> pymupdf.Document:
    head = _head(data, name) if isinstance(data, Path) else data[:HEADER_WINDOW]
    if not head:
        raise PdfError("{name} is an empty file (0 bytes), not a PDF.", name=name)
    if b"%PDF-" not in head:
        raise PdfError("{name} is not a PDF file: it has no %PDF header.", name=name)
    try:
        if isinstance(data, Path):
            doc = pymupdf.open(str(data), filetype="pdf")
        else:
            doc = pymupdf.open(stream=data, filetype="pdf")
    except MemoryError as exc:
        raise PdfError("{name} is too large or too complex to open.", name=name) from exc
    except Exception as exc:  # any failure of MuPDF on untrusted bytes is the file's fault
        log.info("MuPDF cannot open %s: %s", name, exc)
        raise PdfError(
            "{name} is damaged or truncated and cannot be opened as a PDF.", name=name
        ) from exc
    try:
        _authenticate(doc, password, name)
        count = doc.page_count
        if count < 1:
            raise PdfError(
                "{name} is damaged or truncated: no pages could be found in it.", name=name
            )
        if count > MAX_PAGES:
            raise PdfError(
                "{name} has {count} pages, more than the {limit} Redactor accepts in one "
                "document; split it first.",
                name=name,
                count=count,
                limit=MAX_PAGES,
            )
    except BaseException:
        doc.close()
        raise
    return doc


def _head(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(HEADER_WINDOW)
    except OSError as exc:
        raise PdfError(
            "{name} cannot be read: {reason}.", name=name, reason=str(exc.strerror or exc)
        ) from exc


def _authenticate(doc: pymupdf.Document, password: str | None, name: str) -> None:
    if not doc.needs_pass:
        return
    if password is None:
        raise PasswordRequired(
            "{name} is protected with a password; give it to open the file.", name=name
        )
    # authenticate() returns 0 when the password fits neither the user nor the owner password.
    if not doc.authenticate(password):
        raise PasswordRequired("The password given for {name} is not correct.", name=name)


def inspect_pdf(data: bytes, name: str, password: str | None = None) -> PdfInfo:
    """Validate a source PDF and describe it, or raise PdfError / PasswordRequired.

    Loads every page's bounds (cheap: no content stream or image is decoded for that) so that
    a damaged page tree is refused now rather than in the middle of an export. Only the text
    probe reads content streams, page by page until the first text, within a time limit.
    """
    digest = hashlib.sha256(data).hexdigest()
    with quiet_mupdf(name):
        doc = _open(data, password, name)
        try:
            pages = tuple(_page_geometry(doc, index, name) for index in range(doc.page_count))
            has_text = _has_text(doc, name)
            metadata = doc.metadata or {}
            encrypted = bool(doc.needs_pass or metadata.get("encryption"))
            # Read last: MuPDF may repair lazily while it loads pages.
            repaired = bool(doc.is_repaired)
        finally:
            doc.close()
    if repaired:
        log.info("%s was damaged; MuPDF repaired it in memory (the source is kept unchanged)", name)
    return PdfInfo(
        page_count=len(pages),
        pages=pages,
        sha256=digest,
        encrypted=encrypted,
        has_text=has_text,
        repaired=repaired,
        producer=_clean_producer(metadata.get("producer")),
    )


def _page_geometry(doc: pymupdf.Document, index: int, name: str) -> PageGeometry:
    where = Message("page {page} of {count}", page=index + 1, count=doc.page_count)
    try:
        page = doc.load_page(index)
        rect = page.rect  # displayed size: CropBox, then /Rotate
        rotation = page.rotation
        present = _page_object_present(doc, page.xref)
    except MemoryError as exc:
        raise PdfError(
            "{name} is too large or too complex to open ({where}).", name=name, where=where
        ) from exc
    except Exception as exc:  # e.g. "cycle in page tree" from a hostile page tree
        log.info("MuPDF cannot load %s of %s: %s", where, name, exc)
        raise PdfError(
            "{name} is damaged: {where} cannot be read.", name=name, where=where
        ) from exc
    if not present:
        # MuPDF invents a blank Letter-size page for a page object that is not in the file
        # (typically a truncated download); importing it would hide the loss from the reviewer.
        raise PdfError(
            "{name} is damaged or truncated: {where} is missing from the file.",
            name=name,
            where=where,
        )
    width, height = float(rect.width), float(rect.height)
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        raise PdfError("{name} is damaged: {where} has no visible area.", name=name, where=where)
    return PageGeometry(page_index=index, width=width, height=height, rotation=int(rotation) % 360)


def _page_object_present(doc: pymupdf.Document, xref: int) -> bool:
    """Whether the page's dictionary really is in the file (not a dangling reference)."""
    if not 0 < xref < doc.xref_length():
        return False
    return doc.xref_object(xref, compressed=True).startswith("<<")


def _has_text(doc: pymupdf.Document, name: str) -> bool:
    """Whether any page has extractable text; stops at the first page that does.

    Text extraction interprets content streams but does not decode images, so scans and image
    bombs stay cheap. A page whose content MuPDF cannot interpret counts as having no text.
    """
    deadline = time.monotonic() + TEXT_PROBE_SECONDS
    for index in range(doc.page_count):
        if time.monotonic() > deadline:
            log.info("%s: gave up looking for text after page %d (time limit)", name, index)
            return False
        try:
            if doc.load_page(index).get_text("text").strip():
                return True
        except Exception as exc:  # untrusted content: a broken stream is not our failure
            log.info("MuPDF cannot extract text from page %d of %s: %s", index + 1, name, exc)
    return False


def _clean_producer(value: object) -> str | None:
    """The /Producer as one printable line, or None; it comes from the file, so it is untrusted."""
    if not isinstance(value, str):
        return None
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())
    return text[:200] or None
