"""Consistency of a case's redactions: a term blacked out in one place must not show in another.

A box's term is the text of the words it covers (a word counts as covered when a box covers at
least half of its area). Each term is then looked up, word by word, everywhere in the case:
case-insensitively, ignoring punctuation around words, and across line breaks within a block.
Two kinds of finding:
- VISIBLE_ELSEWHERE: the term is redacted somewhere and visible (or only partly covered)
  somewhere else;
- DIFFERENT_GROUNDS: the term is redacted in several places under different grounds.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from redactor.core.geometry import Rect
from redactor.core.text import (
    DIFFERENT_GROUNDS,
    VISIBLE_ELSEWHERE,
    Finding,
    Occurrence,
    PageText,
    RedactedArea,
    Word,
    line_rects,
)

log = logging.getLogger(__name__)

# A word is covered when a single box covers at least this share of its area.
COVER_SHARE = 0.5
# Terms shorter than this (letters and digits) or made of common words only are too generic:
# "de" is redacted inside a name and visible everywhere, which is no leak.
MIN_TERM_CHARS = 3
_COMMON_WORDS = (
    "de het een en van der den in op te ten ter aan met voor bij of is zijn "
    "the and of to a in for on at by dhr mevr heer mevrouw mr dr drs ir"
)
_COMMON = frozenset(_COMMON_WORDS.split())
_PUNCT = "\"'‘’“”()[]{}<>,.;:!?«»"


def _norm(text: str) -> str:
    return text.strip(_PUNCT).casefold()


def _area(r: Rect) -> float:
    return max(0.0, r.width) * max(0.0, r.height)


def _covered_share(word: Rect, box: Rect) -> float:
    w = min(word.x1, box.x1) - max(word.x0, box.x0)
    h = min(word.y1, box.y1) - max(word.y0, box.y0)
    area = _area(word)
    if w <= 0 or h <= 0 or area <= 0:
        return 0.0
    return (w * h) / area


@dataclass
class _Page:
    document_id: int
    page: PageText
    tokens: list[str]
    # For each word index: the codes of the boxes covering it (None when not covered).
    cover: list[tuple[str, ...] | None]


class ConsistencyCheck:
    """The check fed a page at a time, so that reading a large case can be spread over short
    steps (and stopped between them); `findings()` then looks the redacted terms up."""

    def __init__(self, redactions: Sequence[RedactedArea]) -> None:
        self._boxes: dict[tuple[int, int], list[RedactedArea]] = defaultdict(list)
        for area in redactions:
            self._boxes[(area.document_id, area.page_index)].append(area)
        self._pages: list[_Page] = []
        # token -> (page number in _pages, word number)
        self._index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # The redacted terms: normalised tokens -> the text as first redacted.
        self._terms: dict[tuple[str, ...], str] = {}

    def add_page(self, document_id: int, page: PageText) -> None:
        areas = self._boxes.get((document_id, page.page_index), [])
        p = _Page(document_id, page, [_norm(w.text) for w in page.words], [])
        p.cover = [_cover(w, areas) for w in page.words]
        for k, token in enumerate(p.tokens):
            if token:
                self._index[token].append((len(self._pages), k))
        self._pages.append(p)
        for run in _covered_runs(p):
            key = tuple(p.tokens[k] for k in run if p.tokens[k])
            if _worth_checking(key) and key not in self._terms:
                self._terms[key] = " ".join(page.words[k].text for k in run)

    def findings(self) -> list[Finding]:
        """Findings about the pages added so far, ordered by term (see the module docstring)."""
        terms = self._terms
        findings: list[Finding] = []
        for key, text in sorted(terms.items(), key=lambda kv: kv[1].casefold()):
            occurrences = _occurrences(key, self._pages, self._index)
            redacted = [o for o in occurrences if o.redacted]
            visible = [o for o in occurrences if not o.redacted]
            if redacted and visible:
                findings.append(Finding(VISIBLE_ELSEWHERE, text, tuple(visible + redacted)))
            if len({o.codes for o in redacted}) > 1:
                findings.append(Finding(DIFFERENT_GROUNDS, text, tuple(redacted)))
        log.info("consistency: %d terms checked, %d findings", len(terms), len(findings))
        return findings


def consistency_report(
    pages_by_doc: Mapping[int, Sequence[PageText]], redactions: Sequence[RedactedArea]
) -> list[Finding]:
    """Findings about the case's redactions, ordered by term (see the module docstring)."""
    check = ConsistencyCheck(redactions)
    for doc_id, doc_pages in pages_by_doc.items():
        for page in doc_pages:
            check.add_page(doc_id, page)
    return check.findings()


def _cover(word: Word, areas: list[RedactedArea]) -> tuple[str, ...] | None:
    codes: set[str] = set()
    hit = False
    for area in areas:
        if _covered_share(word.rect, area.rect) >= COVER_SHARE:
            hit = True
            codes.update(area.codes)
    return tuple(sorted(codes)) if hit else None


def _covered_runs(p: _Page) -> list[list[int]]:
    """Runs of consecutive covered words within one block: each run is one redacted term."""
    runs: list[list[int]] = []
    current: list[int] = []
    words = p.page.words
    for k, codes in enumerate(p.cover):
        if codes is not None and (not current or words[current[-1]].block == words[k].block):
            current.append(k)
            continue
        if current:
            runs.append(current)
        current = [k] if codes is not None else []
    if current:
        runs.append(current)
    return runs


def _worth_checking(key: tuple[str, ...]) -> bool:
    if not key or all(t in _COMMON for t in key):
        return False
    return sum(c.isalnum() for t in key for c in t) >= MIN_TERM_CHARS


def _occurrences(
    key: tuple[str, ...], pages: list[_Page], index: dict[str, list[tuple[int, int]]]
) -> list[Occurrence]:
    found: list[Occurrence] = []
    n = len(key)
    for page_no, k in index.get(key[0], []):
        p = pages[page_no]
        words = p.page.words
        run = [k]
        j = k + 1
        # Match the following tokens in order, skipping words that are only punctuation.
        for token in key[1:]:
            while j < len(words) and not p.tokens[j] and words[j].block == words[k].block:
                j += 1
            if j >= len(words) or words[j].block != words[k].block or p.tokens[j] != token:
                break
            run.append(j)
            j += 1
        if len(run) != n:
            continue
        covers = [p.cover[i] for i in run]
        redacted = all(c is not None for c in covers)
        codes = tuple(sorted({code for c in covers if c for code in c}))
        found.append(
            Occurrence(
                document_id=p.document_id,
                page_index=p.page.page_index,
                text=" ".join(words[i].text for i in run),
                rects=line_rects(words[i] for i in run),
                redacted=redacted,
                codes=codes if redacted else (),
            )
        )
    return found
