"""Finding what to redact across a case: OCR of scanned pages, search, detector suggestions,
and the consistency check. Nothing here creates a box without a reviewer asking for it; boxes
created from findings are ordinary proposals that go through review.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass

from redactor.app.session import CaseSession, ProgressCallback
from redactor.core.geometry import Rect
from redactor.core.model import Redaction
from redactor.core.text import SOURCE_OCR, Finding, Match, PageText, RedactedArea, Suggestion, Word
from redactor.detect.consistency import ConsistencyCheck
from redactor.detect.detectors import (
    Detector,
    default_detectors,
    grounds_for_catalog,
    passes,
    select_detectors,
    suggest_pages,
)
from redactor.detect.search import find_text
from redactor.pdf.ocr import ocr_document, require_tessdata
from redactor.pdf.text import document_text

log = logging.getLogger(__name__)

# A suggestion whose boxes are covered this much by existing boxes is already handled.
COVERED_SHARE = 0.8
# Stripped from both ends of a term taken from under a box ("Jansen." -> "Jansen").
TERM_EDGE_PUNCTUATION = " .,;:!?()[]{}'\"«»“”‘’"


# -- page text ------------------------------------------------------------------------------------


def words_to_json(page: PageText) -> str:
    return json.dumps(
        [[w.text, *w.rect.as_tuple(), w.block, w.line, w.word] for w in page.words],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def words_from_json(page_index: int, source: str, text: str) -> PageText:
    words = tuple(
        Word(str(t), Rect(float(x0), float(y0), float(x1), float(y1)), int(b), int(ln), int(wn))
        for t, x0, y0, x1, y1, b, ln, wn in json.loads(text)
    )
    return PageText(page_index, words, source)


def page_texts(session: CaseSession, document_id: int) -> Generator[PageText, None, None]:
    """The words of each page, one page at a time: stored OCR words where a page was OCR'd,
    else its text layer. Reading can stop between pages (the PDF is closed when the iterator
    is closed or dropped)."""
    stored = session.store.page_words(document_id)
    doc = session.store.document(document_id)
    for page in document_text(session.source(document_id), name=doc.file_name):
        if page.page_index in stored:
            source, words = stored[page.page_index]
            yield words_from_json(page.page_index, source, words)
        else:
            yield page


def document_pages(session: CaseSession, document_id: int) -> list[PageText]:
    """The words of every page (see page_texts)."""
    return list(page_texts(session, document_id))


def ocr_pages(session: CaseSession, document_id: int) -> Generator[int | None, None, None]:
    """OCR a document's scanned pages not yet OCR'd, one page at a time: yields, for every
    page, its index once its words are stored, or None when it needed no reading.

    Each page is stored in its own transaction as soon as it is read, so stopping between
    pages (closing the iterator) keeps every page read and leaves the others as they were.
    Raises OcrUnavailable (what to install) before the first page when Tesseract is missing.
    """
    doc = session.store.document(document_id)
    already = session.store.page_words(document_id)
    data = session.source(document_id)
    for page_index, page in ocr_document(data, skip=already.keys(), name=doc.file_name):
        if page is None:
            yield None
            continue
        with session.store.write(session.reviewer) as w:
            w.store_page_words(document_id, page_index, SOURCE_OCR, words_to_json(page))
        yield page_index


def run_ocr(
    session: CaseSession,
    document_ids: Iterable[int] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """OCR every scanned page not yet OCR'd; store the words. Returns the pages read.

    Raises OcrUnavailable (one sentence saying what to install) when Tesseract is missing.
    Each page is stored in its own transaction, so an interrupted run keeps what it read;
    `cancelled` is asked between pages.
    """
    require_tessdata()
    ids = list(document_ids) if document_ids is not None else [d.id for d in session.documents()]
    done = 0
    for number, doc_id in enumerate(ids):
        if cancelled is not None and cancelled():
            break
        if progress:
            progress(number, len(ids), session.store.document(doc_id).file_name)
        pages = ocr_pages(session, doc_id)
        try:
            for page_index in pages:
                done += page_index is not None
                if cancelled is not None and cancelled():
                    break
        finally:
            pages.close()
    if progress:
        progress(len(ids), len(ids), "")
    return done


# -- search ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseMatch:
    document_id: int
    match: Match


def find(
    session: CaseSession,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    whole_word: bool = False,
    document_ids: Iterable[int] | None = None,
) -> list[CaseMatch]:
    ids = list(document_ids) if document_ids is not None else [d.id for d in session.documents()]
    result: list[CaseMatch] = []
    for doc_id in ids:
        pages = document_pages(session, doc_id)
        for m in find_text(pages, pattern, regex, case_sensitive, whole_word):
            result.append(CaseMatch(doc_id, m))
    return result


def propose_boxes(
    session: CaseSession, matches: Sequence[CaseMatch], grounds: Sequence[str], note: str = ""
) -> list[Redaction]:
    """Boxes over the given matches (one per line of each match), in one transaction.

    Lines already covered by a box are skipped, so proposing twice does not stack boxes.
    """
    return propose_groups(session, [(matches, grounds, note)])


# Matches to box, with the grounds and note their boxes get.
MatchGroup = tuple[Sequence[CaseMatch], Sequence[str], str]


def propose_groups(session: CaseSession, groups: Sequence[MatchGroup]) -> list[Redaction]:
    """`propose_boxes` for each group, all in one transaction (all or nothing); a line boxed
    for an earlier group is not boxed again for a later one."""
    created: list[Redaction] = []
    boxes = _boxes_by_page(session)
    with session.store.write(session.reviewer) as w:
        for matches, grounds, note in groups:
            for cm in matches:
                for rect in cm.match.rects:
                    page_boxes = boxes.setdefault((cm.document_id, cm.match.page_index), [])
                    if _covered((rect,), page_boxes):
                        continue
                    red = w.add_redaction(cm.document_id, cm.match.page_index, rect, grounds, note)
                    page_boxes.append(red.rect)
                    created.append(red)
    return created


def _boxes_by_page(session: CaseSession) -> dict[tuple[int, int], list[Rect]]:
    boxes: dict[tuple[int, int], list[Rect]] = {}
    for r in session.redactions():
        boxes.setdefault((r.document_id, r.page_index), []).append(r.rect)
    return boxes


# -- suggestions ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseSuggestion:
    document_id: int
    suggestion: Suggestion

    @property
    def digest(self) -> str:
        """The suggestion's identity without its text: what the case stores for a dismissal,
        so that the audit trail never holds the personal data it is about."""
        return hashlib.sha256(f"{self.document_id}|{self.suggestion.key}".encode()).hexdigest()

    @property
    def id(self) -> str:
        """A short id to type on the command line."""
        return self.digest[:10]


def suggestions(
    session: CaseSession,
    detector_names: Sequence[str] = (),
    document_ids: Iterable[int] | None = None,
    *,
    include_dismissed: bool = False,
) -> list[CaseSuggestion]:
    """What the detectors suggest, minus dismissed ones and ones already under a box."""
    detectors = _detectors(session, detector_names)
    dismissed = set() if include_dismissed else session.store.dismissed_keys()
    ids = list(document_ids) if document_ids is not None else [d.id for d in session.documents()]
    boxes = _boxes_by_page(session)
    return [
        cs
        for doc_id in ids
        for found in _open_suggestions(session, detectors, dismissed, boxes, doc_id)
        for cs in found
    ]


def suggestion_pages(
    session: CaseSession, detector_names: Sequence[str], document_id: int
) -> Generator[list[CaseSuggestion], None, None]:
    """One document's `suggestions`, a page at a time, for work that must be able to stop
    between pages (closing the iterator closes the PDF). Yields `suggestion_passes` items per
    page; concatenated they are the document's suggestions."""
    detectors = _detectors(session, detector_names)
    dismissed = session.store.dismissed_keys()
    yield from _open_suggestions(
        session, detectors, dismissed, _boxes_by_page(session), document_id
    )


def suggestion_passes(session: CaseSession, detector_names: Sequence[str]) -> int:
    """How many items `suggestion_pages` yields per page (names need two sweeps)."""
    return passes(_detectors(session, detector_names))


def _detectors(session: CaseSession, detector_names: Sequence[str]) -> list[Detector]:
    detectors = default_detectors(grounds_for_catalog(session.info().catalog_id))
    return select_detectors(detectors, detector_names) if detector_names else detectors


def _open_suggestions(
    session: CaseSession,
    detectors: Sequence[Detector],
    dismissed: set[str],
    boxes: dict[tuple[int, int], list[Rect]],
    doc_id: int,
) -> Generator[list[CaseSuggestion], None, None]:
    pages = page_texts(session, doc_id)
    try:
        for found in suggest_pages(pages, detectors):
            yield [
                cs
                for cs in (CaseSuggestion(doc_id, s) for s in found)
                if cs.digest not in dismissed
                and not _covered(
                    cs.suggestion.rects, boxes.get((doc_id, cs.suggestion.page_index), [])
                )
            ]
    finally:
        pages.close()


def still_open(session: CaseSession, items: Sequence[CaseSuggestion]) -> list[CaseSuggestion]:
    """Those of `items` that are neither dismissed nor under a box now: keeps a list shown
    earlier current after boxes were added or removed (an undo brings a suggestion back)."""
    if not items:
        return []
    dismissed = session.store.dismissed_keys()
    boxes = _boxes_by_page(session)
    return [
        cs
        for cs in items
        if cs.digest not in dismissed
        and not _covered(
            cs.suggestion.rects, boxes.get((cs.document_id, cs.suggestion.page_index), [])
        )
    ]


def accept_suggestions(
    session: CaseSession, items: Sequence[CaseSuggestion], ground: str | None = None, note: str = ""
) -> list[Redaction]:
    """Turn suggestions into proposed boxes (each with its detector's ground unless `ground`)."""
    created: list[Redaction] = []
    with session.store.write(session.reviewer) as w:
        for cs in items:
            codes = [ground or cs.suggestion.ground or ""]
            for rect in cs.suggestion.rects:
                created.append(
                    w.add_redaction(cs.document_id, cs.suggestion.page_index, rect, codes, note)
                )
    return created


def dismiss_suggestions(session: CaseSession, items: Sequence[CaseSuggestion]) -> int:
    with session.store.write(session.reviewer) as w:
        for cs in items:
            w.dismiss_suggestion(
                cs.digest, cs.suggestion.detector, cs.document_id, cs.suggestion.page_index
            )
    return len(items)


def _covered(rects: Sequence[Rect], boxes: Sequence[Rect]) -> bool:
    if not boxes:
        return False
    for rect in rects:
        area = rect.width * rect.height
        if area <= 0:
            continue
        inside = 0.0
        for box in boxes:
            w = min(rect.x1, box.x1) - max(rect.x0, box.x0)
            h = min(rect.y1, box.y1) - max(rect.y0, box.y0)
            if w > 0 and h > 0:
                inside += w * h
        if inside / area < COVERED_SHARE:
            return False
    return True


# -- consistency ----------------------------------------------------------------------------------


def consistency(session: CaseSession) -> list[Finding]:
    """Terms redacted in one place but visible elsewhere, or redacted under different grounds."""
    check = consistency_check(session)
    for d in session.documents():
        for _ in check_pages(session, check, d.id):
            pass
    return check.findings()


def consistency_check(session: CaseSession) -> ConsistencyCheck:
    """A consistency check of the case's boxes as they are now, to feed pages to (for work
    spread over short steps: `check.add_page(document_id, page)`, then `check.findings()`)."""
    areas = [
        RedactedArea(r.document_id, r.page_index, r.rect, r.grounds) for r in session.redactions()
    ]
    return ConsistencyCheck(areas)


def check_pages(session: CaseSession, check: ConsistencyCheck, document_id: int) -> Iterator[int]:
    """Feed a document's pages to `check` one at a time, yielding each page's index after it
    (so that the reading can be spread over short steps and stopped between pages)."""
    for page in page_texts(session, document_id):
        check.add_page(document_id, page)
        yield page.page_index


# -- redact everywhere ----------------------------------------------------------------------------


def text_under(session: CaseSession, redaction: Redaction) -> str:
    """The words a box covers (mostly), in reading order: the term to look for elsewhere."""
    search = EverywhereSearch(session, [redaction.id])
    for _ in search.read_terms([redaction]):
        pass
    return search.terms[0][1]


def _term_under(page: PageText, redaction: Redaction) -> str:
    words = [w.text for w in page.words if _covered((w.rect,), (redaction.rect,))]
    # Sentence punctuation glued to the first or last word is not part of the term.
    return " ".join(words).strip(TERM_EDGE_PUNCTUATION)


class EverywhereSearch:
    """Redact everywhere spread over short steps: `pages(document_id)` for each document of the
    case (the first also reads the boxes' words), then `propose()` writes every box in one
    transaction. Nothing is written before `propose`, so stopping between pages leaves the case
    as it was. Not thread-safe: one thread at a time (the GUI's worker)."""

    def __init__(self, session: CaseSession, redaction_ids: Iterable[int]) -> None:
        self.session = session
        self.redaction_ids = list(redaction_ids)
        self.terms: list[tuple[Redaction, str]] = []  # per box: the box, the words under it
        self.matches: list[list[CaseMatch]] = []  # per box: the occurrences found so far
        self._terms_read = False

    def read_terms(self, boxes: Sequence[Redaction] | None = None) -> Iterator[None]:
        """Read the words under each box; yields after each page read on the way."""
        if boxes is None:
            boxes = [self.session.store.redaction(i) for i in self.redaction_ids]
        for box in boxes:
            pages = page_texts(self.session, box.document_id)
            try:
                for page in pages:
                    if page.page_index == box.page_index:
                        self.terms.append((box, _term_under(page, box)))
                        break
                    yield None
            finally:
                pages.close()
            self.matches.append([])
        self._terms_read = True

    def pages(self, document_id: int) -> Generator[int | None, None, None]:
        """Find the terms in one document, a page at a time: yields each page's index once it
        was searched (None for a page read to find a box's words, before the first)."""
        if not self._terms_read:
            yield from self.read_terms()
        searched = [(k, term) for k, (_box, term) in enumerate(self.terms) if term.strip()]
        if not searched:
            return
        reading = page_texts(self.session, document_id)
        try:
            for page in reading:
                for k, term in searched:
                    for m in find_text([page], term, whole_word=True):
                        self.matches[k].append(CaseMatch(document_id, m))
                yield page.page_index
        finally:
            reading.close()

    def propose(self) -> list[Redaction]:
        """Boxes over the occurrences found, with each box's grounds and note, in one
        transaction (all or nothing); lines already under a box are skipped."""
        groups = [
            (matches, box.grounds, box.note)
            for (box, term), matches in zip(self.terms, self.matches, strict=True)
            if term.strip() and matches
        ]
        return propose_groups(self.session, groups) if groups else []


def redact_everywhere(session: CaseSession, redaction_id: int) -> list[Redaction]:
    """Propose boxes, with the same grounds, over every other occurrence of a box's words."""
    return redact_everywhere_all(session, [redaction_id])


def redact_everywhere_all(session: CaseSession, redaction_ids: Iterable[int]) -> list[Redaction]:
    """`redact_everywhere` for each box, in one transaction (all or nothing); boxes proposed
    for one are not proposed again for the next."""
    search = EverywhereSearch(session, redaction_ids)
    for d in session.documents():
        for _ in search.pages(d.id):
            pass
    return search.propose()
