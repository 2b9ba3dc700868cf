"""The redaction engine: source PDF + boxes -> a flattened, cleaned PDF with nothing under them.

The stages, each a full pass over the file (bytes in, bytes out):

A. MuPDF: open, validate the boxes, note the removed terms (redactor.pdf.terms), empty the
   withheld pages, bake visible annotations and fields and drop the rest.
B. pikepdf: cut hidden optional content; on pages with boxes, give the page private copies of
   its text-bearing forms and flag pages with content MuPDF cannot filter.
C. MuPDF: trace the glyphs of those pages (a marked throw-away copy, redactor.pdf.textpos).
D. pikepdf: re-emit their text with absolute positions, without the glyphs under the boxes
   and with the text after a removed run moved to the box edge (glyph-position leak).
E. MuPDF: apply redactions (text, image pixels, touching line art) for the boxes and for
   anything outside the visible page; render every box to check that nothing is left in it,
   check that every glyph sits where stage D put it; rasterise the pages that fail (and all
   pages in image mode); subset the fonts; save with garbage collection.
F. pikepdf: clean the document structure, draw boxes, labels and notices, add the legend,
   fresh ID, full rewrite (redactor.pdf.clean).

The result is then verified by redactor.export.verify, which uses other tools.
"""

from __future__ import annotations

import io
import logging
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO

import pikepdf
import pymupdf

from redactor.core.errors import ExportError, InputError, Message, PdfError
from redactor.core.export_model import (
    BoxSpec,
    BoxStyle,
    OutputMode,
    RedactedDocument,
    RenderOptions,
    WithheldPageSpec,
    box_label,
)
from redactor.core.geometry import Rect, validate_rect
from redactor.pdf import annots, hazards, ocg, stamp, terms, textpos
from redactor.pdf.clean import PageStamp, finalize
from redactor.pdf.content import ContentError
from redactor.pdf.forms import FormCopier
from redactor.pdf.geometry import displayed_size, displayed_to_unrotated
from redactor.pdf.glyphs import BoxTuple, covering_box, is_near
from redactor.pdf.intake import open_document, quiet_mupdf
from redactor.pdf.raster import rasterize_page

log = logging.getLogger(__name__)

MIN_DPI, MAX_DPI = 50, 600
LANGUAGES = ("nl", "en")
OUTSIDE = 1e5  # "everything beyond the page", for the redaction of content outside it
TRACE_PAGES = 64  # pages traced per opening of the marked copy (see _rewrite_text)
OUTSIDE_TOLERANCE = 1.0  # points; content this close to the page edge counts as inside
FILL = {BoxStyle.BLACK: (0, 0, 0), BoxStyle.WHITE: (255, 255, 255)}
# PyMuPDF's type stubs do not declare its integer constants.
NO_ENCRYPTION: int = pymupdf.PDF_ENCRYPT_NONE  # type: ignore[attr-defined]
IMAGE_PIXELS: int = pymupdf.PDF_REDACT_IMAGE_PIXELS  # type: ignore[attr-defined]
LINE_ART_COVERED: int = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED  # type: ignore[attr-defined]
LINE_ART_TOUCHED: int = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED  # type: ignore[attr-defined]
TEXT_REMOVE: int = pymupdf.PDF_REDACT_TEXT_REMOVE  # type: ignore[attr-defined]
TEXT_NONE: int = pymupdf.PDF_REDACT_TEXT_NONE  # type: ignore[attr-defined]


@dataclass
class _Page:
    """What the stages need to know about one page."""

    width: float
    height: float
    displayed_to_user: tuple[float, float, float, float, float, float]
    visible: BoxTuple  # the displayed page in MuPDF's unrotated space
    boxes: list[BoxSpec] = field(default_factory=list)  # validated, clipped rects
    unrotated: list[BoxTuple] = field(default_factory=list)
    withheld: tuple[str, ...] | None = None

    @property
    def on_page(self) -> BoxTuple:
        """The visible page grown by OUTSIDE_TOLERANCE: what counts as on it."""
        x0, y0, x1, y1 = self.visible
        t = OUTSIDE_TOLERANCE
        return (x0 - t, y0 - t, x1 + t, y1 + t)


def redact_document(
    source: bytes,
    boxes: Sequence[BoxSpec],
    withheld: Sequence[WithheldPageSpec],
    options: RenderOptions,
) -> RedactedDocument:
    """Redact `source`; raises PdfError / ExportError (with the user's sentence) on bad input.

    `removed_terms` in the result holds only the removed strings that occur nowhere in the
    remaining text (see redactor.pdf.terms); pages that had to be rasterised are listed in
    `rasterized_pages`. With a legend, the result has one page more than the source.
    """
    _check_options(options)
    with quiet_mupdf("The PDF"):
        try:
            return _Redaction(source, list(boxes), list(withheld), options).run()
        except (InputError, ExportError):
            raise
        except MemoryError as exc:
            raise ExportError("The PDF is too large or too complex to redact.") from exc
        except (
            pymupdf.FileDataError,
            pymupdf.mupdf.FzErrorBase,
            pikepdf.PdfError,
            ContentError,
        ) as exc:
            log.info("redaction failed on damaged input: %s", exc)
            raise PdfError(
                "The PDF is damaged in a way that prevents a safe redaction ({reason}).",
                reason=_short(exc),
            ) from exc
        except Exception as exc:  # a bug, or input nobody foresaw: refuse, never deliver
            log.error("redaction failed unexpectedly", exc_info=True)
            raise ExportError(
                "The PDF could not be redacted safely (internal error: {reason}).",
                reason=_short(exc),
            ) from exc


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:120] + "…") if len(text) > 120 else (text or type(exc).__name__)


def _check_options(options: RenderOptions) -> None:
    if not MIN_DPI <= int(options.image_dpi) <= MAX_DPI:
        raise ExportError(
            "The image resolution must be between {low} and {high} dpi, not {dpi}.",
            low=MIN_DPI,
            high=MAX_DPI,
            dpi=options.image_dpi,
        )
    if options.language not in LANGUAGES:
        raise ExportError(
            "The language of the notices must be 'nl' or 'en', not '{language}'.",
            language=options.language,
        )
    BoxStyle(options.style)
    OutputMode(options.mode)


class _Redaction:
    def __init__(
        self,
        source: bytes,
        boxes: list[BoxSpec],
        withheld: list[WithheldPageSpec],
        options: RenderOptions,
    ):
        self.source = source
        self.boxes = boxes
        self.withheld = withheld
        self.options = options
        self.style = BoxStyle(options.style)
        self.pages: list[_Page] = []
        self.rasterize: set[int] = set()
        # Pages whose rewritten text has no glyph left that touches a box (see _rewrite_text).
        self.text_gone: set[int] = set()
        # Pages whose rewritten text lies wholly on the visible page, every glyph as placed.
        self.text_inside: set[int] = set()
        self.expected = _Spool()  # per page: flat origins (textpos.expected_origins)
        # The removed terms, page by page as each page's text is read (see terms.TermCollector);
        # the pages with boxes whose text is still to be read.
        self.terms = terms.TermCollector()
        self.terms_pending: set[int] = set()
        self.public_text: list[str] = [stamp.STAMP_TAG.decode(), "Redactor"]
        self.legend: tuple[tuple[float, float], bytes] | None = None

    def run(self) -> RedactedDocument:
        try:
            data = self._stage_a()
            data = self._stage_bcd(data)
            data = self._stage_e(data)
        finally:
            self.expected.close()
        removed = self.terms.terms("\n".join(self.public_text))
        stamps = {
            i: PageStamp(
                p.displayed_to_user,
                [(b.rect, b.codes) for b in p.boxes],
                _notice_drawing(p, self.options),
            )
            for i, p in enumerate(self.pages)
        }
        pdf = finalize(data, stamps, self.style, self.legend)
        return RedactedDocument(
            pdf=pdf, removed_terms=removed, rasterized_pages=tuple(sorted(self.rasterize))
        )

    # --- A ------------------------------------------------------------------------------

    def _stage_a(self) -> bytes:
        doc = open_document(self.source)
        try:
            self._geometry(doc)
            self._public_text()
            boxes = {i: p.unrotated for i, p in enumerate(self.pages) if p.unrotated}
            withheld = [i for i, p in enumerate(self.pages) if p.withheld is not None]
            # Terms after baking: a field value under a box is removed text like any other.
            # A page with boxes is read later: from its trace if its text is rewritten
            # (_rewrite_text), else just before MuPDF redacts it (_stage_e).
            annots.flatten(doc)
            for index in withheld:
                self.terms.add(*terms.page_split(doc[index], (), True))
            self.terms_pending = set(boxes) - set(withheld)
            terms.add_untouched(doc, self.terms, set(boxes) | set(withheld))
            for index in withheld:
                _empty_page(doc, index)
            data = doc.tobytes(garbage=1, encryption=NO_ENCRYPTION)
        finally:
            doc.close()
        return data

    def _geometry(self, doc: pymupdf.Document) -> None:
        for index in range(doc.page_count):
            page = doc[index]
            width, height = displayed_size(page)
            d2u = page.derotation_matrix * ~pymupdf.Matrix(textpos.page_matrix(page))
            v = displayed_to_unrotated(page, Rect(0, 0, width, height))
            self.pages.append(
                _Page(
                    width,
                    height,
                    (d2u.a, d2u.b, d2u.c, d2u.d, d2u.e, d2u.f),
                    (v.x0, v.y0, v.x1, v.y1),
                )
            )
        count = len(self.pages)
        for spec in self.withheld:
            if not 0 <= spec.page_index < count:
                raise ExportError(
                    "Page {page} is marked withheld, but the document has {count} pages.",
                    page=spec.page_index + 1,
                    count=count,
                )
            target = self.pages[spec.page_index]
            merged = list(target.withheld or ())
            merged += [c for c in spec.codes if c not in merged]
            target.withheld = tuple(merged)
        for box in self.boxes:
            if not 0 <= box.page_index < count:
                raise ExportError(
                    "A box is on page {page}, but the document has {count} pages.",
                    page=box.page_index + 1,
                    count=count,
                )
            target = self.pages[box.page_index]
            if target.withheld is not None:
                continue  # the whole page goes; its boxes have nothing left to cover
            try:
                rect = validate_rect(
                    box.rect,
                    target.width,
                    target.height,
                    Message("A box on page {page}", page=box.page_index + 1),
                )
            except InputError as err:
                raise ExportError("{reason}", reason=err) from err
            target.boxes.append(BoxSpec(box.page_index, rect, tuple(box.codes)))
            unrot = displayed_to_unrotated(doc[box.page_index], rect)
            target.unrotated.append((unrot.x0, unrot.y0, unrot.x1, unrot.y1))

    def _public_text(self) -> None:
        for page in self.pages:
            self.public_text += [box_label(b.codes) for b in page.boxes]
            if page.withheld is not None:
                self.public_text.append(
                    stamp.withheld_notice(
                        page.width, page.height, page.withheld, self.options.language
                    )[1]
                )
        if self.options.legend and self.pages:
            first = self.pages[0]
            drawing, text = stamp.legend_page(
                first.width, first.height, self.options.legend, self.options.language
            )
            self.legend = ((first.width, first.height), drawing)
            self.public_text.append(text)

    # --- B, C, D ------------------------------------------------------------------------

    def _stage_bcd(self, data: bytes) -> bytes:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            self.rasterize.update(ocg.remove_hidden_content(pdf))
            texts: dict[int, textpos.PageText] = {}
            if self.options.mode == OutputMode.TEXT:
                texts = self._collect_text(pdf)
            if texts:
                self._rewrite_text(pdf, texts)
            out = io.BytesIO()
            pdf.save(out, encryption=False)
        return out.getvalue()

    def _collect_text(self, pdf: pikepdf.Pdf) -> dict[int, textpos.PageText]:
        copier = FormCopier(pdf)
        texts: dict[int, textpos.PageText] = {}
        for index, page in enumerate(self.pages):
            if not page.boxes or index in self.rasterize:
                continue
            try:
                resources = pdf.pages[index].obj.get("/Resources")
                reason = hazards.structural_hazard(
                    resources if isinstance(resources, pikepdf.Dictionary) else None
                )
                if reason:
                    self._fallback(index, reason)
                    continue
                copier.privatize_page(pdf.pages[index])
                text = textpos.PageText(pdf, index)
            except ContentError as exc:
                self._fallback(index, str(exc))
                continue
            # Marked at once: the page's parsed operators are let go before the next page is
            # parsed (held for every page, they made memory grow with the number of pages).
            try:
                text.write_marked()
            except ContentError as exc:
                text.write_original()
                self._fallback(index, str(exc))
                continue
            texts[index] = text
        return texts

    def _rewrite_text(self, pdf: pikepdf.Pdf, texts: dict[int, textpos.PageText]) -> None:
        marked = io.BytesIO()
        pdf.save(marked, encryption=False)
        for text in texts.values():
            text.write_original()
        data = marked.getvalue()
        del marked
        # One page at a time: its trace and plan are dropped before the next page is traced,
        # and each rewritten page's operators are let go (memory must not grow with pages).
        # MuPDF keeps every object it has loaded for as long as the document is open: it is
        # opened afresh every TRACE_PAGES pages so that cache stays bounded too.
        doc: pymupdf.Document | None = None
        try:
            for count, index in enumerate(list(texts)):
                if count % TRACE_PAGES == 0:
                    if doc is not None:
                        doc.close()
                    doc = pymupdf.open(stream=data, filetype="pdf")
                assert doc is not None
                text = texts.pop(index)
                traced = textpos.trace_marked(doc[index])
                matrix = textpos.page_matrix(doc[index])
                boxes = self.pages[index].unrotated
                if any(
                    covering_box(g, boxes) is not None or is_near(g, boxes) for g in traced.foreign
                ):
                    self._fallback(
                        index, "text drawn by a pattern, soft mask or Type3 glyph lies under a box"
                    )
                    continue
                page_plan = textpos.plan_traced(traced, boxes)
                try:
                    text.rewrite(page_plan, matrix)
                except ContentError as exc:
                    text.write_original()
                    self._fallback(index, str(exc))
                    continue
                expected = textpos.expected_origins(page_plan.placed, traced.foreign)
                expected.extend(page_plan.kept_origins)
                self.expected.put(index, expected)
                if not textpos.touches_a_box(page_plan.placed, boxes):
                    self.text_gone.add(index)
                info = self.pages[index]
                if textpos.placed_within(traced, page_plan, info.on_page):
                    self.text_inside.add(index)
                split = terms.trace_split(
                    textpos.operators(traced, page_plan), traced.foreign, info.visible
                )
                if split is None:  # right-to-left text: extracted in reading order instead
                    split = terms.page_split(doc[index], boxes, False)  # (the marked copy)
                self.terms.add(*split)
                self.terms_pending.discard(index)
        finally:
            if doc is not None:
                doc.close()

    def _fallback(self, index: int, reason: str) -> None:
        log.info("page %d is rasterised: %s", index + 1, reason)
        self.rasterize.add(index)

    # --- E ------------------------------------------------------------------------------

    def _stage_e(self, data: bytes) -> bytes:
        doc = pymupdf.open(stream=data, filetype="pdf")
        try:
            for index in sorted(self.terms_pending):  # their text as it is before redaction
                self.terms.add(*terms.page_split(doc[index], self.pages[index].unrotated, False))
            self.terms_pending.clear()
            for index, page in enumerate(self.pages):
                if page.withheld is None:
                    self._redact_page(doc, index)
            if self.options.mode == OutputMode.IMAGE:
                self.rasterize.update(range(len(self.pages)))
            # A withheld page is empty already: nothing to rasterise.
            self.rasterize -= {i for i, p in enumerate(self.pages) if p.withheld is not None}
            for index in sorted(self.rasterize):
                self._rasterize(doc, index)
            try:
                doc.subset_fonts()
            except Exception as exc:  # subsetting is hygiene; the redaction is already complete
                log.info("fonts could not be subset: %s", exc)
            out = doc.tobytes(garbage=4, deflate=True, clean=True, encryption=NO_ENCRYPTION)
            late = self._recheck(out)
            if late:
                for index in late:
                    self.rasterize.add(index)
                    self._rasterize(doc, index)
                out = doc.tobytes(garbage=4, deflate=True, clean=True, encryption=NO_ENCRYPTION)
        finally:
            doc.close()
        return out

    def _redact_page(self, doc: pymupdf.Document, index: int) -> None:
        page = doc[index]
        info = self.pages[index]
        drawn = page.get_bboxlog()
        if _has_outside_content(page, drawn, info.on_page, index not in self.text_inside):
            for rect in _outside(info.visible):
                page.add_redact_annot(rect, cross_out=False)
            page.apply_redactions(
                images=IMAGE_PIXELS,
                graphics=LINE_ART_COVERED,
                text=TEXT_REMOVE,
            )
        if not info.unrotated:
            return
        # A rewritten page with no glyph left near a box needs no text removal from MuPDF
        # (filtering the text is most of its work): the glyphs under the boxes were not
        # written. If nothing but text is drawn near a box either, MuPDF's redaction would
        # change nothing at all and is not run. The render below and the gate still check
        # every box.
        text_gone = index in self.text_gone
        if not text_gone or _art_meets(drawn, info.unrotated):
            for box in info.unrotated:
                page.add_redact_annot(pymupdf.Rect(box), cross_out=False)
            page.apply_redactions(
                images=IMAGE_PIXELS,
                graphics=LINE_ART_TOUCHED,
                text=TEXT_NONE if text_gone else TEXT_REMOVE,
            )
        if index in self.rasterize:
            return
        page = doc[index]
        left = hazards.render_leftovers(page, [b.rect for b in info.boxes])
        if left:
            self._fallback(
                index, f"something is still painted inside box {left[0] + 1} after redaction"
            )

    def _rasterize(self, doc: pymupdf.Document, index: int) -> None:
        info = self.pages[index]
        rasterize_page(
            doc,
            index,
            [pymupdf.Rect(b) for b in info.unrotated],
            FILL[self.style],
            int(self.options.image_dpi),
        )

    def _recheck(self, data: bytes) -> list[int]:
        """Pages (rewritten, not rasterised) whose glyphs are not where stage D put them."""
        late: list[int] = []
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            for index in self.expected.pages():
                if index in self.rasterize:
                    continue
                expected = self.expected.get(index)
                problem = textpos.check_page(doc[index], expected)
                if problem:
                    log.info("page %d is rasterised: %s", index + 1, problem)
                    late.append(index)
        return late


class _Spool:
    """Float arrays by page index, kept in a temporary file until the final check.

    Every placed glyph's origin is needed once more after the whole document is rewritten;
    held in memory, they would make memory grow with the number of pages."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._where: dict[int, tuple[int, int]] = {}  # page -> (offset, bytes)

    def put(self, index: int, values: array[float]) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close(), from run)
        self._file.seek(0, io.SEEK_END)
        self._where[index] = (self._file.tell(), len(values) * values.itemsize)
        values.tofile(self._file)

    def pages(self) -> list[int]:
        return list(self._where)

    def get(self, index: int) -> array[float]:
        offset, size = self._where[index]
        values = array("d")
        if size:
            data = b""
            if self._file is not None:
                self._file.seek(offset)
                data = self._file.read(size)
            if len(data) != size:
                raise ExportError("The PDF could not be redacted safely (a temporary file failed).")
            values.frombytes(data)
        return values

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._where.clear()


def _notice_drawing(page: _Page, options: RenderOptions) -> bytes:
    if page.withheld is None:
        return b""
    return stamp.withheld_notice(page.width, page.height, page.withheld, options.language)[0]


def _empty_page(doc: pymupdf.Document, index: int) -> None:
    """A withheld page keeps its size and rotation and loses everything else."""
    page = doc[index]
    empty = doc.get_new_xref()
    doc.update_object(empty, "<<>>")
    doc.update_stream(empty, b" ")
    doc.xref_set_key(page.xref, "Contents", f"{empty} 0 R")
    doc.xref_set_key(page.xref, "Resources", "<<>>")
    for key in ("Annots", "Group", "Thumb", "B"):
        doc.xref_set_key(page.xref, key, "null")


def _has_outside_content(
    page: pymupdf.Page,
    drawn: Sequence[tuple[str, Sequence[float]]],
    on_page: BoxTuple,
    read_text: bool,
) -> bool:
    """Whether anything is drawn (or, as text, merely present) beyond `on_page`.

    `drawn`: the page's drawing log (Page.get_bboxlog). `read_text`: False where the page's
    text is known to lie on it (its rewrite placed every glyph there, see
    textpos.placed_within)."""
    x0, y0, x1, y1 = on_page

    def outside(b: Sequence[float]) -> bool:
        # Plain numbers, not Rects: a rewritten page logs one entry per run of text.
        return b[0] < x0 or b[1] < y0 or b[2] > x1 or b[3] > y1

    for _kind, b in drawn:
        empty = b[0] >= b[2] or b[1] >= b[3]  # as Rect.is_empty and Rect.is_infinite say
        infinite = (
            b[0] == b[1] == pymupdf.FZ_MIN_INF_RECT and b[2] == b[3] == pymupdf.FZ_MAX_INF_RECT
        )
        if not (empty or infinite) and outside(b):
            return True
    # The drawing log leaves out text that only clips (render mode 7); text extraction
    # without the page-box filter sees it.
    if not read_text:
        return False
    return any(outside(w) for w in page.get_text("words", flags=0, clip=pymupdf.INFINITE_RECT()))


# Drawing-log entries that are text: with TEXT_NONE, MuPDF's redaction leaves them alone.
TEXT_KINDS = frozenset({"fill-text", "stroke-text", "ignore-text"})
ART_REACH = 1.0  # pt: a drawing this close to a box counts as meeting it


def _art_meets(drawn: Sequence[tuple[str, Sequence[float]]], boxes: Sequence[BoxTuple]) -> bool:
    """Whether anything other than text (a path, image, image mask or shading) is drawn within
    ART_REACH of a box: the only things MuPDF's redaction changes when it leaves the text
    alone (it removes line art whose bounds touch a box and blanks the covered pixels of
    images). The log's bounds ignore clipping, so they are never smaller than what shows; an
    empty or infinite bound counts as meeting every box."""
    for kind, b in drawn:
        if kind in TEXT_KINDS:
            continue
        if not (b[0] < b[2] and b[1] < b[3]):
            return True
        for x0, y0, x1, y1 in boxes:
            if (
                b[0] <= x1 + ART_REACH
                and x0 - ART_REACH <= b[2]
                and b[1] <= y1 + ART_REACH
                and y0 - ART_REACH <= b[3]
            ):
                return True
    return False


def _outside(visible: BoxTuple) -> list[pymupdf.Rect]:
    x0, y0, x1, y1 = visible
    return [
        pymupdf.Rect(-OUTSIDE, -OUTSIDE, OUTSIDE, y0),
        pymupdf.Rect(-OUTSIDE, y1, OUTSIDE, OUTSIDE),
        pymupdf.Rect(-OUTSIDE, y0, x0, y1),
        pymupdf.Rect(x1, y0, OUTSIDE, y1),
    ]
