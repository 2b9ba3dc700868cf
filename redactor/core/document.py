"""What Redactor learns about a source PDF when it is imported: plain data, no engine.

redactor.pdf.intake fills these in; the store keeps them with the document, and the rules use
the page sizes to validate rectangles (see redactor.core.geometry).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """One page as a viewer displays it.

    `width` and `height` are in PDF points with rotation and CropBox applied (the size a
    viewer shows, and the space redaction rectangles live in). `rotation` is the page's
    /Rotate normalised to 0, 90, 180 or 270, kept so that the displayed size can be explained.
    """

    page_index: int  # 0-based
    width: float
    height: float
    rotation: int


@dataclass(frozen=True, slots=True)
class PdfInfo:
    """The facts about a source PDF that the case stores at import."""

    page_count: int
    pages: tuple[PageGeometry, ...]
    sha256: str  # hex digest of the source bytes exactly as given
    encrypted: bool  # the file is encrypted (with or without a user password)
    has_text: bool  # at least one page has a text layer (otherwise OCR is the only way in)
    repaired: bool  # MuPDF had to rebuild a damaged cross-reference table to open it
    producer: str | None  # the /Producer from the document info, untrusted, for display only
