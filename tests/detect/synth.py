"""PageText built straight from a string, for detector tests that need no PDF.

Paragraphs (separated by a blank line) become blocks, lines become lines, and every character
is 5 pt wide and every line 12 pt high, so a word's box follows from its position.
"""

from __future__ import annotations

from redactor.core.geometry import Rect
from redactor.core.text import PageText, Word

CHAR_W = 5.0
LINE_H = 12.0


def page_from_text(text: str, page_index: int = 0) -> PageText:
    words: list[Word] = []
    y = 0
    for block_no, paragraph in enumerate(text.split("\n\n")):
        for line_no, line in enumerate(paragraph.split("\n")):
            col = 0
            number = 0
            for part in line.split(" "):
                if part:
                    rect = Rect(
                        col * CHAR_W, y * LINE_H, (col + len(part)) * CHAR_W, (y + 1) * LINE_H
                    )
                    words.append(Word(part, rect, block_no, line_no, number))
                    number += 1
                col += len(part) + 1
            y += 1
        y += 1
    return PageText(page_index=page_index, words=tuple(words))
