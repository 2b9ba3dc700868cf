"""Suggestions and redact everywhere a page at a time, through the app layer on a real case:
the paged suggestions are exactly the whole-document ones (a surname found on one page is still
found on the others), and redact everywhere writes nothing until it is told to propose."""

from __future__ import annotations

from pathlib import Path

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.detect.detectors import default_detectors, passes, suggest, suggest_pages
from redactor.detect.search import find_text
from tests.helpers import make_text_pdf

PAGES = [
    "Het project loopt.\nE-mail: a.smit@example.nl",
    "Geachte heer Pietersen,\nwij schrijven u over het project.",
    "Zoals besproken met Pietersen gaat het door.\nTel. 06-12345678",
    "Niets bijzonders op deze pagina.",
]


def _case(tmp_path: Path) -> Path:
    make_text_pdf(tmp_path / "brief.pdf", PAGES)
    path = tmp_path / "brief.redactor"
    with CaseSession.create(str(path), reviewer="Tester") as session:
        session.add_documents([tmp_path / "brief.pdf"])
    return path


def test_paged_suggestions_are_the_whole_document_ones(tmp_path: Path) -> None:
    with CaseSession.open(str(_case(tmp_path)), reviewer="Tester") as session:
        pages = findings.document_pages(session, 1)
        detectors = default_detectors()
        items = list(suggest_pages(pages, detectors))
        assert passes(detectors) == 2 and len(items) == 2 * len(PAGES)
        paged = [s for found in items for s in found]
        assert paged == suggest(pages, detectors)
        # "Pietersen" on page 3 is only known to be a name from page 2.
        names = [s for s in paged if s.detector == "name"]
        assert [(s.page_index, s.text) for s in names] == [(1, "Pietersen"), (2, "Pietersen")]
        # Without the name detector each page is answered as it is read.
        local = [d for d in detectors if d.name != "name"]
        assert passes(local) == 1 and len(list(suggest_pages(pages, local))) == len(PAGES)
        through_app = [cs for found in findings.suggestion_pages(session, (), 1) for cs in found]
        assert through_app == findings.suggestions(session, (), [1])


def test_redact_everywhere_writes_nothing_until_it_proposes(tmp_path: Path) -> None:
    with CaseSession.open(str(_case(tmp_path)), reviewer="Tester") as session:
        page = findings.document_pages(session, 1)[1]
        [match] = find_text([page], "Pietersen", whole_word=True)
        box = session.add_redaction(1, 1, match.rects[0], ["5.1.2e"], "Naam.")
        search = findings.EverywhereSearch(session, [box.id])
        reading = search.pages(1)
        for _ in reading:  # every page read, but not yet proposed
            pass
        assert [len(m) for m in search.matches] == [2]  # the boxed one and the one on page 3
        assert [r.id for r in session.redactions()] == [box.id]
        stopped = findings.EverywhereSearch(session, [box.id]).pages(1)
        next(stopped)
        stopped.close()  # a stop between pages
        assert [r.id for r in session.redactions()] == [box.id]
        created = search.propose()
        assert [(r.page_index, r.grounds, r.note) for r in created] == [(2, ("5.1.2e",), "Naam.")]
        assert search.propose() == []  # proposing again stacks nothing
