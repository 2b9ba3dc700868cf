"""Find text in a case: plain or regular-expression search over the words of pages.

Each text block is searched on its own (see redactor.core.text for how a block's words become
a string): a phrase broken over two lines of a paragraph is found, two separate blocks never
run together. In plain search any run of whitespace in the pattern matches any run of spaces
and line breaks. A match that covers part of a word gets the whole word's box.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from redactor.core.errors import InputError
from redactor.core.text import Match, PageText

log = logging.getLogger(__name__)

MAX_PATTERN_LENGTH = 1000


def compile_pattern(
    pattern: str, regex: bool = False, case_sensitive: bool = False, whole_word: bool = False
) -> re.Pattern[str]:
    """The compiled search pattern, or InputError with a sentence the user can act on."""
    if not pattern.strip():
        raise InputError("The search text is empty; type what to find.")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise InputError(
            "The search text is longer than {limit} characters.", limit=MAX_PATTERN_LENGTH
        )
    # Plain text: any run of whitespace matches any run of spaces and line breaks.
    source = pattern if regex else r"\s+".join(re.escape(part) for part in pattern.split())
    if whole_word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        compiled = re.compile(source, flags)
    except re.error as exc:
        raise InputError(
            "The regular expression {pattern!r} is not valid: {reason}.",
            pattern=pattern,
            reason=exc,
        ) from exc
    if compiled.search("") is not None:
        raise InputError(
            "The regular expression {pattern!r} also matches empty text; it would mark "
            "every position on every page.",
            pattern=pattern,
        )
    return compiled


def find_text(
    pages: Sequence[PageText],
    pattern: str,
    regex: bool = False,
    case_sensitive: bool = False,
    whole_word: bool = False,
) -> list[Match]:
    """Every occurrence of `pattern` on `pages`, in page and reading order."""
    compiled = compile_pattern(pattern, regex, case_sensitive, whole_word)
    matches: list[Match] = []
    for page in pages:
        for block in page.blocks:
            for m in compiled.finditer(block.text):
                if m.end() == m.start():
                    continue
                rects = block.span_rects(m.start(), m.end())
                if not rects:
                    continue
                matches.append(
                    Match(
                        page_index=page.page_index,
                        text=m.group(0),
                        rects=rects,
                        start=block.offset + m.start(),
                        end=block.offset + m.end(),
                    )
                )
    return matches
