"""Words with their positions as poppler's pdftotext sees them: the gate's fast extractor.

pdfminer.six interprets every page in Python (about 40 ms for a page of text); pdftotext
does the same job in C in about 1 ms. Both are independent of MuPDF. The gate reads every
page with poppler and goes back to pdfminer's characters only for a page where poppler's
word-level answer is not conclusive (see redactor.export.verify).

poppler drops whatever lies outside the page, so it reads an *unbounded copy*: every page's
MediaBox grown by MARGIN on each side and the other page boxes removed. Text placed off
the page is then extracted like any other (the engine removes it; the gate must see it if
it did not). Coordinates come back in displayed space (CropBox, then /Rotate), shifted by
MARGIN on both axes whatever the rotation, because the margin is the same on every side.
"""

from __future__ import annotations

import html
import io
import logging
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pikepdf

from redactor.core.geometry import Rect
from redactor.export.verify_text import frame_of

log = logging.getLogger(__name__)

MARGIN = 14400.0  # pt: the largest page size PDF readers accept; off-page text lies within
TIMEOUT = 300  # seconds for one pdftotext run
OTHER_BOXES = ("/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")

_PAGE = re.compile(r'<page width="([-0-9.]+)" height="([-0-9.]+)">')
_WORD = re.compile(
    r'<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*)</word>'
)


class Word(NamedTuple):
    text: str
    rect: Rect  # displayed page points of the original page


class PageWords(NamedTuple):
    size: tuple[float, float]  # the original page's size, unrotated (as poppler prints it)
    words: list[Word]


class PopplerError(Exception):
    """pdftotext is missing, failed or printed something this module cannot read."""


def pdftotext() -> str | None:
    return shutil.which("pdftotext")


def unbounded_copy(data: bytes) -> bytes:
    """`data` with every page's visible frame grown by MARGIN on each side."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            frame = frame_of(page)
            page.obj["/MediaBox"] = pikepdf.Array(
                [frame.x0 - MARGIN, frame.y0 - MARGIN, frame.x1 + MARGIN, frame.y1 + MARGIN]
            )
            for key in OTHER_BOXES:
                if key in page.obj:
                    del page.obj[key]
        out = io.BytesIO()
        pdf.save(out, encryption=False)
    return out.getvalue()


def raw_text(unbounded: bytes) -> str:
    """poppler's text in content-stream order (-raw): its reading-order mode joins words
    from different places, which would make removed fragments match by chance."""
    return _run(["-raw"], unbounded).decode("utf-8", errors="replace")


def page_words(unbounded: bytes) -> Iterator[PageWords]:
    """Every page's words, page by page (a page's words are dropped once the caller moves on:
    memory must not grow with the number of pages). Raises PopplerError."""
    with tempfile.TemporaryDirectory(prefix="redactor-words-") as tmp:
        target = Path(tmp) / "words.html"
        _run(["-bbox"], unbounded, target)
        current: PageWords | None = None
        with target.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                word = _WORD.search(line)
                if word is not None:
                    if current is None:
                        raise PopplerError("pdftotext printed a word outside a page")
                    x0, y0, x1, y1 = (float(word.group(i)) - MARGIN for i in range(1, 5))
                    current.words.append(
                        Word(html.unescape(word.group(5)), Rect.normalized(x0, y0, x1, y1))
                    )
                    continue
                page = _PAGE.search(line)
                if page is not None:
                    if current is not None:
                        yield current
                    size = (float(page.group(1)) - 2 * MARGIN, float(page.group(2)) - 2 * MARGIN)
                    current = PageWords(size, [])
        if current is not None:
            yield current


def _run(options: list[str], data: bytes, target: Path | None = None) -> bytes:
    tool = pdftotext()
    if tool is None:
        raise PopplerError("pdftotext is not installed")
    try:
        done = subprocess.run(
            [tool, "-q", *options, "-", str(target) if target else "-"],
            input=data,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PopplerError(f"pdftotext took longer than {TIMEOUT} s") from exc
    if done.returncode != 0:
        raise PopplerError(f"pdftotext failed with exit code {done.returncode}")
    return done.stdout
