"""What every detector shares: the protocol and turning a span of block text into a Suggestion.

Detectors read `PageText.blocks` (one string per text block, see redactor.core.text) so that a
term broken over two lines of a paragraph is still one term, while two separate blocks (a
header and the body, two table cells) never run together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from redactor.core.text import PageText, Suggestion, TextBlock, suggestion_key


@runtime_checkable
class Detector(Protocol):
    """Finds candidates for redaction. `name` is stable: it keys grounds, filters and dismissals.
    `ground` is the legal ground its suggestions carry (None: the reviewer picks one)."""

    @property
    def name(self) -> str: ...

    @property
    def ground(self) -> str | None: ...

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]: ...


def make_suggestion(
    detector: str,
    page: PageText,
    block: TextBlock,
    start: int,
    end: int,
    value: str,
    ground: str | None,
    confidence: float,
) -> Suggestion:
    """A Suggestion for characters [start, end) of `block` on `page`."""
    rects = block.span_rects(start, end)
    return Suggestion(
        detector=detector,
        text=block.text[start:end],
        value=value,
        page_index=page.page_index,
        rects=rects,
        ground=ground,
        confidence=confidence,
        key=suggestion_key(detector, value, page.page_index, rects),
        start=block.offset + start,
        end=block.offset + end,
    )


def line_before(text: str, start: int, limit: int = 40) -> str:
    """Up to `limit` characters before `start` on the same line, lower-cased."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[max(line_start, start - limit) : start].lower()


def context_before(text: str, start: int, limit: int = 40) -> str:
    """Up to `limit` characters before `start`, across line breaks, lower-cased."""
    return text[max(0, start - limit) : start].lower()


def has_keyword(context: str, pattern: re.Pattern[str]) -> bool:
    return pattern.search(context) is not None
