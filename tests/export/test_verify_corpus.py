"""Every real-world PDF of the corpus through the engine and the gate (a box on page 1).

The result must be a file that passes verification, or a RedactorError that says what is
wrong in a sentence (a password, a damaged file); never a traceback, never a hang.
"""

from __future__ import annotations

import hashlib

import pymupdf
import pytest

from redactor.core.errors import PasswordRequired, RedactorError
from redactor.core.export_model import BoxSpec, RenderOptions
from redactor.core.geometry import Rect
from redactor.export.verify import verify_redacted
from redactor.pdf.geometry import unrotated_to_displayed
from redactor.pdf.redact import redact_document
from tests.helpers import CorpusFile, corpus_files, corpus_params, require_corpus, require_tool

REALWORLD = [f for f in corpus_files() if not f.broken]


def _first_page_box(data: bytes) -> tuple[BoxSpec, int]:
    """A box over a word in the middle of page 1 (or its middle third, without text)."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        page = doc[0]
        words = [w for w in page.get_text("words") if len(w[4]) >= 4]
        width, height = page.rect.width, page.rect.height
        if words:
            word = words[len(words) // 2]
            r = unrotated_to_displayed(page, word[:4])
            rect = Rect(r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1).clipped_to(width, height)
        else:
            rect = Rect(width * 0.3, height * 0.3, width * 0.6, height * 0.45)
        if rect.width < 2 or rect.height < 2:
            rect = Rect(width * 0.3, height * 0.3, width * 0.6, height * 0.45)
        return BoxSpec(0, rect, ("5.1.2e",)), doc.page_count
    finally:
        doc.close()


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.timeout(180)
@pytest.mark.parametrize("entry", corpus_params(REALWORLD))
def test_realworld_file_is_redacted_and_verified(entry: CorpusFile | None) -> None:
    root = require_corpus()
    require_tool("pdftoppm")
    assert entry is not None
    data = (root / entry.path).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry.sha256, "the corpus copy is damaged"
    if entry.needs_password:
        with pytest.raises(PasswordRequired):
            redact_document(data, [], [], RenderOptions())
        return
    box, pages = _first_page_box(data)
    try:
        out = redact_document(data, [box], [], RenderOptions())
    except RedactorError as err:
        assert "internal error" not in str(err)
        pytest.skip(f"refused with a clear message: {err}")
    report = verify_redacted(out.pdf, [box], [], out.removed_terms, RenderOptions(), pages)
    assert report.passed, report.failures()
