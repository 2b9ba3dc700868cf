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

READ_CHARS = 1 << 20  # characters of pdftotext's output read at a time

# One pass over pdftotext's output finds both; as before, a word is found within one line
# (pdftotext prints one per line) up to that line's last "</word>".
_ITEM = re.compile(
    r'<page width="([-0-9.]+)" height="([-0-9.]+)">'
    r'|<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*)</word>'
)


class Word(NamedTuple):
    """One word and its rectangle (x0 <= x1, y0 <= y1) in displayed page points of the
    original page. Plain numbers, not a Rect: pages have hundreds of words and most are
    only compared against a few boxes."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def rect(self) -> Rect:
        return Rect(self.x0, self.y0, self.x1, self.y1)


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
    """Every page's words, page by page (a page's words are dropped once the caller moves on,
    and the output is read a block at a time: memory must not grow with the number of
    pages). Raises PopplerError."""
    with tempfile.TemporaryDirectory(prefix="redactor-words-") as tmp:
        target = Path(tmp) / "words.html"
        _run(["-bbox"], unbounded, target)
        current: PageWords | None = None
        unescape = html.unescape
        with target.open(encoding="utf-8", errors="replace") as output:
            rest = ""
            while True:
                block = output.read(READ_CHARS)
                if block:
                    # Whole lines only: the last one may go on in the next block.
                    cut = block.rfind("\n") + 1
                    text, rest = (rest + block[:cut], block[cut:]) if cut else ("", rest + block)
                else:
                    text, rest = rest, ""
                for width, height, *corners, word in _ITEM.findall(text):
                    if not width:  # a word (a page's width is never empty)
                        if current is None:
                            raise PopplerError("pdftotext printed a word outside a page")
                        x0, y0, x1, y1 = map(float, corners)
                        x0, y0, x1, y1 = x0 - MARGIN, y0 - MARGIN, x1 - MARGIN, y1 - MARGIN
                        if x1 < x0:
                            x0, x1 = x1, x0
                        if y1 < y0:
                            y0, y1 = y1, y0
                        if "&" in word:
                            word = unescape(word)
                        current.words.append(Word(word, x0, y0, x1, y1))
                        continue
                    if current is not None:
                        yield current
                    current = PageWords((float(width) - 2 * MARGIN, float(height) - 2 * MARGIN), [])
                if not block:
                    break
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
