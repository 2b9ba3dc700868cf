"""The verification gate: re-open a redacted PDF and check it with tools other than MuPDF.

pikepdf walks every object (referenced or not); pdfminer.six extracts the characters with
their positions; poppler's pdftotext and pdftoppm (when installed) give a second text
extraction and the renders for the pixel checks. Nothing here imports PyMuPDF: a bug in the
engine that wrote the file must not be able to hide itself from the check.

Every check is one CheckResult; a check about one page names it. Details never quote removed
text (the report goes into the manifest): a found term is named by its number and length.

Conventions shared with the engine: `page_count` is the source's page count (a legend page
adds one); box labels are `box_label(codes)`; all of a page's stamps are one content stream
that starts with STAMP_TAG. Removed terms shorter than MIN_TERM characters are not searched
for in the whole file (they would match by chance); text inside boxes is checked by position.
"""

from __future__ import annotations

import bisect
import gc
import io
import logging
import subprocess
from collections.abc import Callable, Sequence

import pikepdf

from redactor.core.errors import Message
from redactor.core.export_model import (
    STAMP_TAG,
    BoxSpec,
    BoxStyle,
    CheckResult,
    RenderOptions,
    VerificationReport,
    WithheldPageSpec,
    box_label,
)
from redactor.core.geometry import Rect
from redactor.export import verify_fonts, verify_render, verify_words
from redactor.export.verify_objects import ObjectFindings, walk
from redactor.export.verify_text import (
    SEPARATOR,
    Char,
    PageFrame,
    TextReader,
    displayed_chars,
    frame_of,
    haystack,
    normalise,
    words_text,
)

log = logging.getLogger(__name__)

MIN_TERM = 4
INSIDE_SHRINK = 0.25  # a character counts as inside a box if its centre is this far inside
LABEL_CENTRE = 1.0  # pt: how far a label's centre may lie from its box's centre
LABEL_SLACK = 0.15  # poppler: vertical offset of a label's centre, as a share of its height
SIZE_TOLERANCE = 0.01  # pt: poppler's page size against pikepdf's
PAINTING = frozenset(
    {
        "Tj",
        "TJ",
        "'",
        '"',
        "Do",
        "INLINE IMAGE",
        "sh",
        "f",
        "F",
        "f*",
        "B",
        "B*",
        "b",
        "b*",
        "S",
        "s",
    }
)


def verify_redacted(
    pdf: bytes,
    boxes: Sequence[BoxSpec],
    withheld: Sequence[WithheldPageSpec],
    removed_terms: Sequence[str],
    options: RenderOptions,
    page_count: int,
) -> VerificationReport:
    """Check the redacted file; never raises for a bad file (a failed check says why)."""
    return _Gate(pdf, boxes, withheld, removed_terms, options, page_count).run()


class _Gate:
    def __init__(
        self,
        pdf: bytes,
        boxes: Sequence[BoxSpec],
        withheld: Sequence[WithheldPageSpec],
        removed_terms: Sequence[str],
        options: RenderOptions,
        page_count: int,
    ) -> None:
        self.data = pdf
        self.boxes = list(boxes)
        self.withheld = {w.page_index for w in withheld}
        self.terms = sorted({normalise(t) for t in removed_terms if len(normalise(t)) >= MIN_TERM})
        self.options = options
        self.source_pages = page_count
        self.checks: list[CheckResult] = []
        self.frames: list[PageFrame] = []
        # term number (1-based) -> pages whose pdfminer text holds it, searched page by page
        # so that no page's text is kept (memory must not grow with the number of pages)
        self.term_pages: dict[int, list[int]] = {}
        self.labels: dict[int, list[Rect]] = {}
        self.stream_text: list[str] = []
        self.poppler_text: str | None = None  # haystack of pdftotext -raw, when it ran
        self.shown_chars: set[str] = set()  # every character extracted (normalised)

    def add(self, name: str, passed: bool, detail: Message, page: int | None = None) -> None:
        """One check's result; its detail in English (the manifest) and as a Message (the
        window shows it in the user's language)."""
        self.checks.append(
            CheckResult(
                name=name, passed=passed, page_index=page, detail=detail.text(), message=detail
            )
        )

    def run(self) -> VerificationReport:
        try:
            self._run()
        except Exception as exc:  # the gate fails closed: an unexpected problem is a failure
            log.info("verification stopped: %r", exc)
            self.add(
                "verification_completed",
                False,
                Message("the check could not be completed: {error}", error=type(exc).__name__),
            )
        return VerificationReport(checks=tuple(self.checks))

    def _run(self) -> None:
        self._file_checks()
        try:
            pdf = pikepdf.open(io.BytesIO(self.data))
        except Exception as exc:
            self.add(
                "opens",
                False,
                Message(
                    "the file cannot be opened with pikepdf: {error}", error=type(exc).__name__
                ),
            )
            return
        with pdf:
            self.add("opens", True, Message("opened with pikepdf"))
            self.add(
                "not_encrypted",
                not pdf.is_encrypted,
                Message(
                    "the file is not encrypted" if not pdf.is_encrypted else "the file is encrypted"
                ),
            )
            expected = self.source_pages + (1 if self.options.legend else 0)
            actual = len(pdf.pages)
            self.add(
                "page_count",
                actual == expected,
                Message("{actual} pages, expected {expected}", actual=actual, expected=expected),
            )
            if actual != expected:
                return
            self.frames = [frame_of(page) for page in pdf.pages]
            findings = walk(pdf, self.terms)
            self._structure_checks(findings)
            self._withheld_checks(pdf)
            self._text_checks(findings)
            # pdfminer's document, parser and interpreter refer to each other: without a
            # collection the whole parsed file would stay in memory through the checks that
            # follow.
            gc.collect()
            self._term_checks(findings)
            self._font_checks(pdf)  # needs the characters the text checks extracted
        self._render_checks()

    # --- the file and its structure ---------------------------------------------------

    def _file_checks(self) -> None:
        eofs = self.data.count(b"%%EOF")
        tail_ok = self.data.rstrip().endswith(b"%%EOF")
        self.add(
            "single_revision",
            eofs == 1 and tail_ok,
            Message(
                "{count} %%EOF marker(s); one at the end: {tail}",
                count=eofs,
                tail=Message("yes" if tail_ok else "no"),
            ),
        )

    def _structure_checks(self, f: ObjectFindings) -> None:
        for name, found, none in (
            ("no_annotations", f.annotations, Message("no annotations")),
            ("no_form_fields", f.forms, Message("no form fields or XFA")),
            ("no_scripts_or_actions", f.scripts, Message("no JavaScript or actions")),
            ("no_embedded_files", f.attachments, Message("no embedded or associated files")),
            (
                "no_navigation_or_structure",
                f.navigation,
                Message("no outline, destinations, page labels or structure tree"),
            ),
            ("no_private_data", f.private, Message("no /PieceInfo or thumbnails")),
            ("no_optional_content", f.optional_content, Message("no optional content")),
            ("no_source_metadata", f.metadata, Message("no metadata")),
        ):
            # What was found is named by the file's own keys and objects (not translated).
            self.add(name, not found, none if not found else _listed(found))

    def _withheld_checks(self, pdf: pikepdf.Pdf) -> None:
        for index in sorted(self.withheld):
            if not 0 <= index < len(pdf.pages):
                self.add(
                    "withheld_page_empty",
                    False,
                    Message("the withheld page does not exist"),
                    index,
                )
                continue
            page = pdf.pages[index]
            contents = page.obj.get("/Contents")
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            painted = 0
            for stream in streams:
                if not isinstance(
                    stream, pikepdf.Stream
                ) or stream.read_bytes().lstrip().startswith(STAMP_TAG):
                    continue
                for item in pikepdf.parse_content_stream(stream):
                    if str(item.operator) in PAINTING:
                        painted += 1
            self.add(
                "withheld_page_empty",
                painted == 0,
                Message("only the withheld notice is drawn")
                if painted == 0
                else Message("{count} drawing operation(s) besides the notice", count=painted),
                index,
            )

    # --- text -------------------------------------------------------------------------

    def _boxes_by_page(self) -> dict[int, list[BoxSpec]]:
        out: dict[int, list[BoxSpec]] = {}
        for box in self.boxes:
            if box.page_index in self.withheld or not 0 <= box.page_index < len(self.frames):
                continue
            w, h = self.frames[box.page_index].size
            rect = box.rect.clipped_to(w, h)
            out.setdefault(box.page_index, []).append(BoxSpec(box.page_index, rect, box.codes))
        return out

    def _text_checks(self, findings: ObjectFindings) -> None:
        """Every page's text and the characters inside boxes, with poppler's words first.

        poppler settles a page when no word other than a box's own label overlaps a box and
        at least one label sits where the gate expects it (which proves the coordinates
        agree); otherwise, and for every page when poppler is missing or fails, pdfminer's
        characters decide (slower, but exact to the character)."""
        by_page = self._boxes_by_page()
        exact = set(range(len(self.frames)))
        try:
            unbounded = verify_words.unbounded_copy(self.data)
            self.poppler_text = haystack(verify_words.raw_text(unbounded))
            for index, words in enumerate(verify_words.page_words(unbounded)):
                if index >= len(self.frames) or not _same_size(words.size, self.frames[index]):
                    raise verify_words.PopplerError(f"page {index + 1} has another size")
                self._search_page(index, _words_haystack([w.text for w in words.words]))
                boxes = by_page.get(index)
                if not boxes or self._words_settle(index, words.words, boxes):
                    exact.discard(index)
        except verify_words.PopplerError as exc:
            log.info("poppler's words are not used: %s", exc)
            self.poppler_text = None
            self.term_pages.clear()
            exact = set(range(len(self.frames)))
        reader = TextReader(self.data)
        if exact:
            for index, page in enumerate(reader.pages()):
                if index >= len(self.frames):
                    break
                if index not in exact:
                    continue
                raw = reader.page_chars(page)
                self._search_page(index, words_text(raw))
                boxes = by_page.get(index)
                if boxes:  # positions matter only where there are boxes
                    self._chars_in_boxes(index, displayed_chars(raw, self.frames[index]), boxes)
        streams = reader.stream_texts(
            findings.object_numbers, findings.drawing_streams, findings.scalar_objects
        )
        self.stream_text = [text for _, text in streams]
        for text in self.stream_text:
            self.shown_chars.update(text)
        if self.poppler_text is not None:
            self.shown_chars.update(self.poppler_text)

    def _words_settle(
        self, index: int, words: list[verify_words.Word], boxes: list[BoxSpec]
    ) -> bool:
        """Whether poppler's words prove that no character lies inside a box of this page."""
        labels = _find_label_words(words, boxes)
        if not labels and any(box_label(b.codes) for b in boxes):
            return False  # no label where one should be: the frames may not agree
        if _word_in_boxes(words, [_shrunk(b.rect, INSIDE_SHRINK) for b in boxes], labels):
            return False
        self.labels[index] = _label_rects(words, labels)
        self.add("no_text_in_boxes", True, Message("no word inside a box (poppler)"), index)
        return True

    def _search_page(self, index: int, text: str) -> None:
        self.shown_chars.update(text)
        for number, term in enumerate(self.terms, 1):
            if term in text:
                self.term_pages.setdefault(number, []).append(index)

    def _chars_in_boxes(self, index: int, chars: list[Char], boxes: list[BoxSpec]) -> None:
        label_chars = _find_labels(chars, boxes)
        self.labels[index] = _label_rects(chars, label_chars)
        # The shrunk boxes sorted by top edge: a character is tested only against the boxes
        # whose vertical range can hold its centre (pages carry thousands of characters).
        shrunk = sorted(
            (
                r.y0 + INSIDE_SHRINK,
                r.y1 - INSIDE_SHRINK,
                r.x0 + INSIDE_SHRINK,
                r.x1 - INSIDE_SHRINK,
            )
            for r in (box.rect for box in boxes)
        )
        tops = [b[0] for b in shrunk]
        inside = 0
        for i, char in enumerate(chars):
            if i in label_chars:
                continue
            cx, cy = char.centre
            for _y0, y1, x0, x1 in shrunk[: bisect.bisect_left(tops, cy)]:  # y0 < cy
                if cy < y1 and x0 < cx < x1:
                    inside += 1
                    break
        self.add(
            "no_text_in_boxes",
            inside == 0,
            Message("no extractable character inside a box")
            if inside == 0
            else Message("{count} extractable character(s) inside boxes", count=inside),
            index,
        )

    def _term_checks(self, f: ObjectFindings) -> None:
        if not self.terms:
            self.add("removed_terms_absent", True, Message("no removed terms to look for"))
            return
        haystacks: list[tuple[object, str]] = [
            (Message("a form or pattern (pdfminer)"), t) for t in self.stream_text if t
        ]
        haystacks.append((Message("strings and names"), "\x00".join(f.strings)))
        if self.poppler_text is not None:
            haystacks.append((Message("pdftotext output"), self.poppler_text))
        hits: list[Message] = []
        for number, term in enumerate(self.terms, 1):
            where: list[object] = [
                Message("page {page} text", page=i + 1) for i in self.term_pages.get(number, ())
            ]
            where += [name for name, text in haystacks if term in text]
            where += f.stream_hits.get(number, [])
            if where:
                more = (
                    Message(" and {count} more place(s)", count=len(where) - 1)
                    if len(where) > 1
                    else ""
                )
                hits.append(
                    Message(
                        "removed term #{number} ({length} characters) in {where}{more}",
                        number=number,
                        length=len(term),
                        where=where[0],
                        more=more,
                    )
                )
        detail = (
            Message("none of {count} removed term(s) found", count=len(self.terms))
            if not hits
            else _listed(hits)
        )
        self.add("removed_terms_absent", not hits, detail)

    def _font_checks(self, pdf: pikepdf.Pdf) -> None:
        found = verify_fonts.unshown_font_data(pdf, self.shown_chars)
        detail = (
            Message("no font keeps data for characters that no text shows")
            if not found
            else _listed([f"{f.font}: {f.what} ({f.count})" for f in found])
        )
        self.add("no_font_data_of_removed_text", not found, detail)

    # --- pixels -----------------------------------------------------------------------

    def _render_checks(self) -> None:
        by_page = self._boxes_by_page()
        if not by_page:
            return
        if verify_render.pdftoppm() is None:
            self.add("box_render", True, Message("skipped: pdftoppm is not installed"))
            return
        pages = [
            verify_render.PageBoxes(
                index=i,
                size=self.frames[i].size,
                boxes=tuple(b.rect for b in boxes),
                labels=tuple(self.labels.get(i, ())),
            )
            for i, boxes in sorted(by_page.items())
        ]
        dpi = verify_render.choose_dpi(pages)
        style = BoxStyle(self.options.style)
        try:
            for page, stamped, bare in verify_render.render(self.data, pages, dpi):
                bad = verify_render.check_stamped(stamped, page, dpi, style)
                self.add(
                    "box_render",
                    not bad,
                    Message("every box renders as its fill colour")
                    if not bad
                    else Message(
                        "box(es) {boxes} show other colours",
                        boxes=", ".join(str(b + 1) for b in bad),
                    ),
                    page.index,
                )
                bad = verify_render.check_bare(bare, page, dpi)
                self.add(
                    "nothing_under_boxes",
                    not bad,
                    Message("with the boxes removed, every box area is one colour")
                    if not bad
                    else Message(
                        "with the boxes removed, box(es) {boxes} show content",
                        boxes=", ".join(str(b + 1) for b in bad),
                    ),
                    page.index,
                )
                del stamped, bare
        except (verify_render.RenderError, subprocess.TimeoutExpired) as exc:
            self.add(
                "box_render",
                False,
                Message("the pages could not be rendered: {error}", error=str(exc)),
            )
            return


def _listed(found: Sequence[object]) -> Message:
    """The first five of `found`, and how many more there are."""
    more = Message(" (+{count} more)", count=len(found) - 5) if len(found) > 5 else ""
    return Message("{found}{more}", found=list(found[:5]), more=more)


def _find_labels(chars: list[Char], boxes: list[BoxSpec]) -> set[int]:
    """Indexes of pdfminer's characters that form the boxes' labels (one character each)."""
    return _label_runs(chars, boxes, list, vertical_slack=0.0)


def _find_label_words(words: list[verify_words.Word], boxes: list[BoxSpec]) -> set[int]:
    """Indexes of poppler's words that spell the boxes' labels. poppler's glyph boxes run from
    the font's ascent to its descent, so the vertical centre may lie up to LABEL_SLACK of the
    word's height off."""
    return _label_runs(words, boxes, str.split, vertical_slack=LABEL_SLACK)


def _label_runs(
    items: Sequence[Char | verify_words.Word],
    boxes: list[BoxSpec],
    tokens_of: Callable[[str], list[str]],
    vertical_slack: float,
) -> set[int]:
    """Indexes of the items (text with a displayed rectangle) that form the boxes' labels.

    A label is drawn centred in its box: each box claims the run of items that spells its
    label (`tokens_of(label)`, one token per item), lies inside it and is centred on it, within
    LABEL_CENTRE pt (vertically also within `vertical_slack` of the run's height). A box
    without such a run had no room for its label."""
    taken: set[int] = set()
    texts = [item.text for item in items]
    labels = [tokens_of(box_label(box.codes)) for box in boxes]
    # Where each label's first token occurs: a box looks only at the runs that start with
    # it (in order, as a scan of every position would).
    firsts = {tokens[0] for tokens in labels if tokens}
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text in firsts:
            starts.setdefault(text, []).append(i)
    for box, tokens in zip(boxes, labels, strict=True):
        n = len(tokens)
        if not n:
            continue
        cx, cy = (box.rect.x0 + box.rect.x1) / 2, (box.rect.y0 + box.rect.y1) / 2
        best: tuple[float, int] | None = None
        for start in starts.get(tokens[0], ()):
            if start > len(items) - n or texts[start : start + n] != tokens:
                continue
            run = range(start, start + n)
            if any(i in taken for i in run):
                continue
            rects = [items[i].rect for i in run]
            if not all(_centre_within(r, box.rect) for r in rects):
                continue
            x0 = min(r.x0 for r in rects)
            x1 = max(r.x1 for r in rects)
            y0 = min(r.y0 for r in rects)
            y1 = max(r.y1 for r in rects)
            off_x, off_y = abs((x0 + x1) / 2 - cx), abs((y0 + y1) / 2 - cy)
            if off_x <= LABEL_CENTRE and off_y <= max(LABEL_CENTRE, vertical_slack * (y1 - y0)):
                distance = max(off_x, off_y)
                if best is None or distance < best[0]:
                    best = (distance, start)
        if best is not None:
            taken.update(range(best[1], best[1] + n))
    return taken


def _word_in_boxes(
    words: Sequence[verify_words.Word], shrunk: Sequence[Rect], labels: set[int]
) -> bool:
    """Whether a word other than the labels (by index) overlaps one of the shrunk boxes
    (Rect.intersects with the word's normalised rectangle).

    The words are sorted by top edge once; each box then tests only the words whose top
    lies within the tallest word's height above the box's bottom (the others cannot reach
    it), instead of every word against every box."""
    if not words or not shrunk:
        return False
    rects = sorted(((w.x0, w.y0, w.x1, w.y1, i) for i, w in enumerate(words)), key=_top)
    tops = [r[1] for r in rects]
    # 1 pt of slack against rounding: a word let through here is still tested in full
    reach = max(r[3] - r[1] for r in rects) + 1.0
    for box in shrunk:
        # a word can overlap only if its top < box.y1 and its bottom (<= top + reach) > box.y0
        low = bisect.bisect_right(tops, box.y0 - reach)
        high = bisect.bisect_left(tops, box.y1)
        for x0, y0, x1, y1, i in rects[low:high]:
            if x0 < box.x1 and box.x0 < x1 and y0 < box.y1 and box.y0 < y1 and i not in labels:
                return True
    return False


def _top(rect: tuple[float, float, float, float, int]) -> float:
    return rect[1]


def _words_haystack(texts: list[str]) -> str:
    """The words as one haystack (see verify_text.haystack), words apart. ASCII text (most
    pages) in one go: NFKC leaves it as it is and casefold is lower()."""
    joined = " ".join(texts)
    if joined.isascii():
        return SEPARATOR.join(joined.lower().split())
    return SEPARATOR.join(haystack(text) for text in texts)


def _centre_within(inner: Rect, outer: Rect) -> bool:
    cx, cy = (inner.x0 + inner.x1) / 2, (inner.y0 + inner.y1) / 2
    return outer.x0 <= cx <= outer.x1 and outer.y0 <= cy <= outer.y1


def _shrunk(rect: Rect, by: float) -> Rect:
    return Rect(rect.x0 + by, rect.y0 + by, rect.x1 - by, rect.y1 - by)


def _same_size(size: tuple[float, float], frame: PageFrame) -> bool:
    """poppler prints a page's size unrotated (its words it gives as displayed)."""
    unrotated = (frame.x1 - frame.x0, frame.y1 - frame.y0)
    return all(abs(a - b) <= SIZE_TOLERANCE for a, b in zip(size, unrotated, strict=True))


def _label_rects(items: Sequence[Char | verify_words.Word], indexes: set[int]) -> list[Rect]:
    return [items[i].rect for i in sorted(indexes)]
