"""Words on a page and what was found among them: plain data shared by pdf/, detect/ and app/.

Every rectangle here is in displayed page points (see redactor.core.geometry). A page's
searchable text is built from its words in MuPDF's reading order: words on a line joined by
one space, lines of a block by "\\n", blocks by "\\n\\n". Character offsets in `Match` and
`Suggestion` refer to that string (`PageText.text`), so a caller can show context around a hit.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from redactor.core.geometry import Rect

LINE_SEP = "\n"
BLOCK_SEP = "\n\n"

# Where a page's words came from: the PDF's own text layer, or Tesseract.
SOURCE_TEXT = "text"
SOURCE_OCR = "ocr"


@dataclass(frozen=True, slots=True)
class Word:
    """One word as MuPDF (or Tesseract) delimits it, with its numbering in the page's layout."""

    text: str
    rect: Rect
    block: int
    line: int
    word: int


@dataclass(frozen=True, slots=True)
class TextBlock:
    """The words of one block as a string, with each word's character span in it.

    Built by PageText; `offset` is where this block's text starts in `PageText.text`.
    """

    text: str
    offset: int
    words: tuple[Word, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def word_range(self, start: int, end: int) -> range:
        """Indices (into `words`) of the words that overlap the characters [start, end)."""
        if end <= start:
            return range(0)
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return range(first, last)

    def span_rects(self, start: int, end: int) -> tuple[Rect, ...]:
        """One rectangle per line for the words overlapping [start, end), tight around them.

        A span that covers part of a word gets the whole word's box: MuPDF's word boxes are
        what we have, and covering a little more is the safe side for a redaction.
        """
        return line_rects(self.words[i] for i in self.word_range(start, end))


def line_rects(words: Iterable[Word]) -> tuple[Rect, ...]:
    """The union of the words' boxes per (block, line), in the order the lines first appear."""
    boxes: dict[tuple[int, int], list[float]] = {}
    for w in words:
        r = w.rect
        key = (w.block, w.line)
        box = boxes.get(key)
        if box is None:
            boxes[key] = [r.x0, r.y0, r.x1, r.y1]
        else:
            box[0] = min(box[0], r.x0)
            box[1] = min(box[1], r.y0)
            box[2] = max(box[2], r.x1)
            box[3] = max(box[3], r.y1)
    return tuple(Rect(*b) for b in boxes.values())


@dataclass(frozen=True)
class PageText:
    """The words of one page, in displayed coordinates, and where they came from."""

    page_index: int
    words: tuple[Word, ...]
    source: str = SOURCE_TEXT

    @cached_property
    def blocks(self) -> tuple[TextBlock, ...]:
        """The page's blocks as strings (computed once per PageText; it is immutable)."""
        blocks: list[TextBlock] = []
        offset = 0
        i = 0
        words = self.words
        n = len(words)
        while i < n:
            block_no = words[i].block
            j = i
            parts: list[str] = []
            starts: list[int] = []
            ends: list[int] = []
            pos = 0
            prev_line: int | None = None
            while j < n and words[j].block == block_no:
                w = words[j]
                if prev_line is not None:
                    sep = " " if w.line == prev_line else LINE_SEP
                    parts.append(sep)
                    pos += len(sep)
                starts.append(pos)
                parts.append(w.text)
                pos += len(w.text)
                ends.append(pos)
                prev_line = w.line
                j += 1
            text = "".join(parts)
            blocks.append(TextBlock(text, offset, words[i:j], tuple(starts), tuple(ends)))
            offset += len(text) + len(BLOCK_SEP)
            i = j
        return tuple(blocks)

    @cached_property
    def text(self) -> str:
        """All words of the page as one string (see the module docstring for the separators)."""
        return BLOCK_SEP.join(b.text for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Match:
    """One hit of a search: the matched text and one tight box per line it spans."""

    page_index: int
    text: str
    rects: tuple[Rect, ...]
    start: int | None = None  # character offsets in PageText.text
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate for redaction found by a detector. Never a redaction by itself.

    `value` is the normalised term (digits of a BSN, lower-case e-mail...), for accepting or
    dismissing "per term"; `key` identifies this one occurrence stably across runs, for
    remembering dismissals (detector, value, page and the rounded top-left of the first box).
    """

    detector: str
    text: str
    value: str
    page_index: int
    rects: tuple[Rect, ...]
    ground: str | None
    confidence: float
    key: str
    start: int | None = None  # character offsets in PageText.text
    end: int | None = None


def suggestion_key(detector: str, value: str, page_index: int, rects: tuple[Rect, ...]) -> str:
    """The stable identity of a suggestion (see Suggestion).

    Rounded to whole points so that a re-extraction with float noise keeps the same key.
    """
    first = rects[0] if rects else Rect(0, 0, 0, 0)
    return f"{detector}|{value}|{page_index}|{round(first.x0)},{round(first.y0)}"


@dataclass(frozen=True, slots=True)
class RedactedArea:
    """A box as the consistency check needs it: where it is and under which grounds."""

    document_id: int
    page_index: int
    rect: Rect
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a term occurs in the case, and whether (and under which grounds) it is redacted."""

    document_id: int
    page_index: int
    text: str
    rects: tuple[Rect, ...]
    redacted: bool
    codes: tuple[str, ...] = ()


# Kinds of consistency finding.
VISIBLE_ELSEWHERE = "visible_elsewhere"
DIFFERENT_GROUNDS = "different_grounds"


@dataclass(frozen=True, slots=True)
class Finding:
    """One consistency problem about one term.

    VISIBLE_ELSEWHERE: `occurrences` holds the visible (or only partly covered) occurrences
    first, then the redacted ones. DIFFERENT_GROUNDS: the redacted occurrences, whose `codes`
    differ.
    """

    kind: str
    term: str
    occurrences: tuple[Occurrence, ...] = field(default_factory=tuple)
