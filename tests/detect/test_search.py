"""find_text over real PDF pages: across line breaks, regular expressions, tight boxes."""

from __future__ import annotations

import pymupdf
import pytest

from redactor.core.errors import InputError
from redactor.core.text import PageText, Word
from redactor.detect.search import find_text
from redactor.pdf.text import page_text


def _pages(*texts: str, rotation: int = 0) -> list[PageText]:
    doc = pymupdf.open()
    for text in texts:
        page = doc.new_page()
        page.insert_text((72, 100), text, fontname="helv", fontsize=11)
        page.insert_text((72, 600), "Een andere alinea over Jansen.", fontname="helv", fontsize=11)
        page.set_rotation(rotation)
    return [page_text(doc, i) for i in range(doc.page_count)]


def _word(page: PageText, text: str) -> Word:
    return next(w for w in page.words if w.text == text)


def test_phrase_across_a_line_break_gets_one_box_per_line() -> None:
    [page] = _pages("Gesprek met de heer Pieter de\nVries over het verzoek.")
    [match] = find_text([page], "Pieter de Vries")
    assert match.text == "Pieter de\nVries"
    k = [w.text for w in page.words].index("Pieter")
    pieter, de, vries = page.words[k : k + 3]
    assert (de.text, vries.text) == ("de", "Vries")
    assert len(match.rects) == 2
    first, second = match.rects
    # Tight: exactly the union of the words' boxes on each line.
    assert first.as_tuple() == (pieter.rect.x0, pieter.rect.y0, de.rect.x1, de.rect.y1)
    assert second == vries.rect
    assert page.text[match.start : match.end] == match.text


def test_separate_blocks_never_run_together() -> None:
    [page] = _pages("Tot slot Jansen")
    # "Jansen" ends block 1; "Een" starts block 2. No match may span the two.
    assert find_text([page], "Jansen Een") == []
    assert len(find_text([page], "Jansen")) == 2


def test_case_whole_word_and_partial_words() -> None:
    [page] = _pages("Jansen en Janssen en JANSEN")
    assert len(find_text([page], "jansen")) == 3  # two "Jansen" (one in each block) + "JANSEN"
    assert len(find_text([page], "Jansen", case_sensitive=True)) == 2
    assert len(find_text([page], "Janssen", whole_word=True)) == 1
    assert find_text([page], "Jans", whole_word=True) == []
    # A partial match is boxed as the whole word: over-covering is the safe side.
    [partial] = [m for m in find_text([page], "sse") if m.text == "sse"]
    assert partial.rects == (_word(page, "Janssen").rect,)


def test_regex_and_multiple_pages() -> None:
    pages = _pages("BSN 111222333 en 123456782", "Geen nummer hier", "Wel 999999999")
    matches = find_text(pages, r"\b\d{9}\b", regex=True)
    assert [(m.page_index, m.text) for m in matches] == [
        (0, "111222333"),
        (0, "123456782"),
        (2, "999999999"),
    ]


def test_rotated_page_boxes_are_the_displayed_word_boxes() -> None:
    [page] = _pages("Gesprek met Pieter de Vries", rotation=90)
    [match] = find_text([page], "Pieter de Vries")
    [rect] = match.rects
    assert rect.height > rect.width  # the line runs down the displayed page
    for w in ("Pieter", "de", "Vries"):
        assert rect.contains(_word(page, w).rect)


@pytest.mark.parametrize(
    ("pattern", "regex", "message"),
    [
        ("(unclosed", True, "is not valid"),
        ("a*", True, "matches empty text"),
        ("   ", False, "is empty"),
    ],
)
def test_bad_patterns_are_input_errors(pattern: str, regex: bool, message: str) -> None:
    with pytest.raises(InputError, match=message):
        find_text(_pages("tekst"), pattern, regex=regex)


def test_plain_search_escapes_regex_characters() -> None:
    [page] = _pages("Artikel 5.1.2e en 5x1x2e")
    assert [m.text for m in find_text([page], "5.1.2e")] == ["5.1.2e"]
