"""Finding actions behind the GUI: accepting suggestions (all or nothing), redacting the visible
occurrences of a consistency finding, redact everywhere for several boxes, keeping a shown list
of suggestions current, and the stored OCR words a scanned page is read from."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from redactor.app import findings
from redactor.app.finding_actions import (
    Acceptance,
    accept,
    redact_everywhere_all,
    redact_visible,
)
from redactor.app.page_words import StoredWords
from redactor.app.session import CaseSession
from redactor.core.errors import RedactorError
from redactor.core.geometry import Rect
from redactor.core.text import SOURCE_OCR, PageText, Word
from tests.helpers import make_text_pdf

VALID_BSN = "111222333"


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseSession]:
    make_text_pdf(
        tmp_path / "mail.pdf",
        [
            f"Van: Jan Jansen. BSN {VALID_BSN}.",
            f"Overleg met Jan Jansen over BSN {VALID_BSN}.",
            "Groeten van Piet Pietersen.",
        ],
    )
    session = CaseSession.create(str(tmp_path / "c.redactor"), reviewer="anna", four_eyes=True)
    session.add_documents([tmp_path / "mail.pdf"])
    yield session
    session.close()


def test_accept_with_suggested_and_chosen_grounds(case: CaseSession) -> None:
    bsn = findings.suggestions(case, ["bsn"])
    names = findings.suggestions(case, ["name"])
    made = accept(
        case,
        [Acceptance(tuple(bsn)), Acceptance(tuple(names), ("5.1.2e", "5.1.2d"), "Namen.")],
    )
    assert {r.grounds for r in made if r.note == ""} == {("5.1.1e",)}
    assert {r.grounds for r in made if r.note == "Namen."} == {("5.1.2e", "5.1.2d")}
    assert len(made) == len(bsn) + sum(len(n.suggestion.rects) for n in names)


def test_accept_is_all_or_nothing(case: CaseSession) -> None:
    bsn = findings.suggestions(case, ["bsn"])
    names = findings.suggestions(case, ["name"])
    with pytest.raises(RedactorError):
        accept(case, [Acceptance(tuple(bsn)), Acceptance(tuple(names), ("no-such-ground",))])
    assert case.redactions() == []  # the BSN boxes made first were taken back


def test_still_open_follows_boxes_and_dismissals(case: CaseSession) -> None:
    shown = findings.suggestions(case, ["bsn"])
    assert len(shown) == 2
    made = accept(case, [Acceptance((shown[0],))])
    assert findings.still_open(case, shown) == [shown[1]]
    case.delete_redaction(made[0].id, made[0].version)  # an undo
    assert findings.still_open(case, shown) == shown
    findings.dismiss_suggestions(case, [shown[1]])
    assert findings.still_open(case, shown) == [shown[0]]


def test_redact_visible_takes_grounds_and_note_of_the_redacted_occurrence(
    case: CaseSession,
) -> None:
    first = findings.find(case, "Jan Jansen")[0]
    case.add_redaction(1, 0, first.match.rects[0], ["5.1.2e"], "Naam van een burger.")
    report = findings.consistency(case)
    made = redact_visible(case, report)
    assert [(r.page_index, r.grounds, r.note) for r in made] == [
        (1, ("5.1.2e",), "Naam van een burger.")
    ]
    assert findings.consistency(case) == []


def test_redact_everywhere_for_several_boxes(case: CaseSession) -> None:
    jan = findings.find(case, "Jan Jansen")[0]
    piet = findings.find(case, "Pietersen")[0]
    a = case.add_redaction(1, 0, jan.match.rects[0], ["5.1.2e"], "a")
    b = case.add_redaction(1, 2, piet.match.rects[0], ["5.1.2e"], "b")
    made = redact_everywhere_all(case, [a.id, b.id])
    assert [(r.page_index, r.note) for r in made] == [(1, "a")]  # Pietersen occurs once


def test_stored_words_answer_for_ocrd_pages_only(case: CaseSession) -> None:
    stored = StoredWords(case)
    text_layer = PageText(0, (Word("tekstlaag", Rect(1, 1, 2, 2), 0, 0, 0),))
    assert stored.page(1, 0) is None
    assert stored.words(1, 0, lambda: text_layer) is text_layer
    ocr = PageText(0, (Word("Pietersen", Rect(72, 100, 160, 122), 0, 0, 0),), SOURCE_OCR)
    with case.store.write(case.reviewer) as w:
        w.store_page_words(1, 0, SOURCE_OCR, findings.words_to_json(ocr))
    assert stored.page(1, 0) is None  # read once per document: stale until forgotten
    stored.forget(1)
    assert stored.words(1, 0, lambda: text_layer) == ocr
    assert stored.page(1, 1) is None
