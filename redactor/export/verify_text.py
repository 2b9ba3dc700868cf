"""Text as pdfminer.six sees it, in displayed page coordinates (no MuPDF involved).

pdfminer interprets the content in PDF user space (we do not use its own /Rotate handling);
the mapping to displayed space (CropBox, then /Rotate clockwise) is done here, from the page
dictionary as pikepdf reads it.
"""

from __future__ import annotations

import io
import logging
import math
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTPage
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT
from pdfminer.utils import MATRIX_IDENTITY, translate_matrix

from redactor.core.geometry import Rect

log = logging.getLogger(__name__)


def normalise(text: str) -> str:
    """NFKC, case-folded, without whitespace: the form in which terms are compared."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


SEPARATOR = "\x00"


def haystack(text: str) -> str:
    """Text to search terms in: NFKC, case-folded, every run of white space one separator.

    Words stay apart: once a redaction has removed the words in between, running the rest
    together would make new strings ("labore et" holds "oreet") that were never there."""
    return SEPARATOR.join(unicodedata.normalize("NFKC", text).casefold().split())


# Consecutive characters farther apart than this (in ems) belong to different words.
WORD_GAP = 0.25
LINE_SHIFT = 0.3


def words_text(chars: Sequence[LTChar]) -> str:
    """The characters in content order, with a separator wherever the next one does not
    follow on: a space, a gap of a quarter em, another line, or a jump backwards. Read from
    each character's own text matrix, so any rotation works."""
    out: list[str] = []
    previous: LTChar | None = None
    for char in chars:
        text = char.get_text()
        if not text.strip():
            out.append(SEPARATOR)
            previous = None
            continue
        if previous is not None and not _follows(previous, char):
            out.append(SEPARATOR)
        out.append(text)
        previous = char
    return unicodedata.normalize("NFKC", "".join(out)).casefold()


def _follows(first: LTChar, second: LTChar) -> bool:
    """Whether `second` starts where `first` ends (same line, no word gap)."""
    a, b, c, d, e, f = first.matrix
    length = math.hypot(a, b)
    em = math.hypot(c, d) * float(getattr(first, "fontsize", 0.0) or 0.0)
    if length == 0 or em == 0:
        return False
    ux, uy = a / length, b / length
    dx = second.matrix[4] - (e + a * first.adv)
    dy = second.matrix[5] - (f + b * first.adv)
    along = dx * ux + dy * uy
    across = -dx * uy + dy * ux
    return -0.5 * em <= along <= WORD_GAP * em and abs(across) <= LINE_SHIFT * em


@dataclass(frozen=True)
class PageFrame:
    """How a page's user space maps to displayed space."""

    x0: float
    y0: float
    x1: float
    y1: float
    rotation: int

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.x1 - self.x0, self.y1 - self.y0
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def to_displayed(self, x: float, y: float) -> tuple[float, float]:
        w, h = self.x1 - self.x0, self.y1 - self.y0
        u, v = x - self.x0, self.y1 - y  # unrotated, origin top-left
        if self.rotation == 90:
            return h - v, u
        if self.rotation == 180:
            return w - u, h - v
        if self.rotation == 270:
            return v, w - u
        return u, v

    def rect(self, bbox: Sequence[float]) -> Rect:
        a = self.to_displayed(bbox[0], bbox[1])
        b = self.to_displayed(bbox[2], bbox[3])
        return Rect.normalized(a[0], a[1], b[0], b[1])


class Char(NamedTuple):
    """One character (a NamedTuple: pages with boxes have thousands of them)."""

    text: str
    rect: Rect  # displayed

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.rect.x0 + self.rect.x1) / 2, (self.rect.y0 + self.rect.y1) / 2)


class _Aggregator(PDFPageAggregator):
    """pdfminer's aggregator with character spacing as ISO 32000 has it.

    pdfminer adds Tc only between two glyphs of one string, never after the last glyph, so
    a line shown one glyph per operator (as MuPDF writes it) drifts by Tc per glyph. Here Tc
    follows every glyph (and Tw every single-byte space), as in §9.4.4."""

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        item: Any = self.cur_item._objs[-1]
        item.fontsize = fontsize  # for word gaps in user space
        return advance

    def render_string_horizontal(
        self,
        seq,
        matrix,
        pos,
        font,
        fontsize,
        scaling,
        charspace,
        wordspace,
        rise,
        dxscale,
        ncs,
        graphicstate,
    ):
        args = (font, fontsize, scaling, charspace, wordspace, rise, dxscale, ncs, graphicstate)
        return self._render_run(seq, matrix, pos, False, *args)

    def render_string_vertical(
        self,
        seq,
        matrix,
        pos,
        font,
        fontsize,
        scaling,
        charspace,
        wordspace,
        rise,
        dxscale,
        ncs,
        graphicstate,
    ):
        args = (font, fontsize, scaling, charspace, wordspace, rise, dxscale, ncs, graphicstate)
        return self._render_run(seq, matrix, pos, True, *args)

    def _render_run(
        self,
        seq,
        matrix,
        pos,
        vertical,
        font,
        fontsize,
        scaling,
        charspace,
        wordspace,
        rise,
        dxscale,
        ncs,
        graphicstate,
    ):
        """One string's glyphs along its writing direction, with Tc after every glyph."""
        x, y = pos
        along = y if vertical else x
        for obj in seq:
            if isinstance(obj, (int, float)):
                along -= obj * dxscale
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    origin = (x, along) if vertical else (along, y)
                    along += self.render_char(
                        translate_matrix(matrix, origin),
                        font,
                        fontsize,
                        scaling,
                        rise,
                        cid,
                        ncs,
                        graphicstate,
                    )
                    along += charspace
                    if cid == 32 and wordspace:
                        along += wordspace
        return (x, along) if vertical else (along, y)


class _UserSpaceInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter without its own rotation handling: characters in user space."""

    def process_page(self, page: PDFPage) -> None:
        self.device.begin_page(page, MATRIX_IDENTITY)
        self.render_contents(page.resources, page.contents, ctm=MATRIX_IDENTITY)
        self.device.end_page(page)


def _chars(item: Any) -> Iterator[LTChar]:
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


class TextReader:
    """One pdfminer pass over a document: characters per page, and text of stray streams."""

    def __init__(self, data: bytes) -> None:
        self.parser = PDFParser(io.BytesIO(data))
        self.document = PDFDocument(self.parser)
        self.rsrc = PDFResourceManager(caching=True)
        self.device = _Aggregator(self.rsrc, laparams=None)
        self.interpreter = _UserSpaceInterpreter(self.rsrc, self.device)

    def pages(self) -> Iterator[PDFPage]:
        return PDFPage.create_pages(self.document)

    def page_chars(self, page: PDFPage) -> list[LTChar]:
        """Characters of a page in content order (user space bboxes)."""
        self.interpreter.process_page(page)
        layout: LTPage = self.device.get_result()
        return list(_chars(layout))

    def stream_texts(
        self,
        numbers: set[int] | None = None,
        candidates: set[int] | None = None,
        unnumbered: int = 0,
    ) -> Iterator[tuple[int, str]]:
        """(object id, text) for every form XObject and tiling pattern in the file,
        referenced or not, rendered on its own.

        `candidates`: the ones another reader (pikepdf) found, with `numbers` the object
        numbers it saw and `unnumbered` how many objects it saw without one. They are
        trusted only when pdfminer sees all those numbers and exactly as many more;
        otherwise every object is parsed to find them, as without."""
        every = {objid for xref in self.document.xrefs for objid in xref.get_objids()}
        if (
            numbers is not None
            and candidates is not None
            and numbers <= every
            and len(every) == len(numbers) + unnumbered
        ):
            wanted: Iterable[int] = sorted(candidates)
        else:
            wanted = sorted(every)
        for objid in wanted:
            try:
                obj = self.document.getobj(objid)
            except Exception:
                continue
            if not isinstance(obj, PDFStream):
                continue
            subtype = obj.get("Subtype")
            if subtype is not LIT("Form") and resolve1(obj.get("PatternType")) != 1:
                continue
            yield objid, self._render_stream(obj)

    def _render_stream(self, stream: PDFStream) -> str:
        resources = resolve1(stream.get("Resources")) or {}
        page = _FakePage()
        try:
            self.device.begin_page(page, MATRIX_IDENTITY)  # type: ignore[arg-type]
            self.interpreter.render_contents(resources, [stream], ctm=MATRIX_IDENTITY)
            self.device.end_page(page)  # type: ignore[arg-type]
            layout = self.device.get_result()
        except Exception as exc:  # a stream pdfminer cannot run: fall back to raw checks
            log.debug("pdfminer could not render stream: %s", exc)
            self.device._stack.clear()
            return ""
        return words_text(list(_chars(layout)))


class _FakePage:
    pageid = 0
    mediabox = (0, 0, 1, 1)
    rotate = 0


def frame_of(page_obj: Any) -> PageFrame:
    """The displayed frame of a pikepdf page: CropBox within MediaBox, and /Rotate."""
    media = [float(v) for v in page_obj.mediabox]
    crop = [float(v) for v in page_obj.cropbox]
    mx0, mx1 = sorted((media[0], media[2]))
    my0, my1 = sorted((media[1], media[3]))
    cx0, cx1 = sorted((crop[0], crop[2]))
    cy0, cy1 = sorted((crop[1], crop[3]))
    x0, y0, x1, y1 = max(mx0, cx0), max(my0, cy0), min(mx1, cx1), min(my1, cy1)
    if x1 <= x0 or y1 <= y0:
        x0, y0, x1, y1 = mx0, my0, mx1, my1
    rotation = int(page_obj.obj.get("/Rotate", 0)) % 360
    return PageFrame(x0, y0, x1, y1, rotation if rotation in (0, 90, 180, 270) else 0)


def displayed_chars(chars: Sequence[LTChar], frame: PageFrame) -> list[Char]:
    if frame.rotation == 0:
        # frame.rect without the calls (the same arithmetic): most pages are not rotated.
        left, top = frame.x0, frame.y1
        out = []
        for c in chars:
            x0, y0, x1, y1 = c.bbox
            u0, u1, v0, v1 = x0 - left, x1 - left, top - y0, top - y1
            out.append(Char(c.get_text(), Rect(min(u0, u1), min(v0, v1), max(u0, u1), max(v0, v1))))
        return out
    return [Char(c.get_text(), frame.rect(c.bbox)) for c in chars]
