"""Finding what to redact across a real case: search, suggestions, dismissals, consistency,
redact-everywhere, and OCR of a scanned page, through the app layer and the CLI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from redactor.app import findings
from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from redactor.core.model import ReviewStatus
from tests.helpers import make_text_pdf, require_tool

VALID_BSN = "111222333"  # passes the eleven-test
INVALID_BSN = "123456789"  # fails it


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseSession]:
    make_text_pdf(
        tmp_path / "mail.pdf",
        [
            f"Van: Jan Jansen. BSN {VALID_BSN}. Kenmerk {INVALID_BSN}.",
            "Overleg met Jan Jansen over de begroting.",
            "Geen persoonsgegevens op deze pagina.",
        ],
    )
    session = CaseSession.create(str(tmp_path / "c.redactor"), reviewer="alice", four_eyes=True)
    session.add_documents([tmp_path / "mail.pdf"])
    yield session
    session.close()


def test_find_spans_every_page_and_proposes_boxes(case: CaseSession) -> None:
    matches = findings.find(case, "jan jansen")
    assert [m.match.page_index for m in matches] == [0, 1]
    created = findings.propose_boxes(case, matches, ["5.1.2e"], "naam van burger")
    assert len(created) == 2
    assert all(r.status is ReviewStatus.PROPOSED and r.author == "alice" for r in created)
    # Proposing again does not stack duplicate boxes on the same words.
    assert findings.propose_boxes(case, matches, ["5.1.2e"]) == []


def test_regex_find_and_invalid_regex(case: CaseSession) -> None:
    assert [m.match.text for m in findings.find(case, r"\d{9}", regex=True)] == [
        VALID_BSN,
        INVALID_BSN,
    ]
    from redactor.core.errors import InputError

    with pytest.raises(InputError, match="regular expression"):
        findings.find(case, "([", regex=True)


def test_suggestions_validate_and_dismissals_are_remembered_and_audited(case: CaseSession) -> None:
    found = findings.suggestions(case, ["bsn"])
    assert [s.suggestion.text for s in found] == [VALID_BSN]  # the invalid number is not suggested
    assert found[0].suggestion.ground == "5.1.1e"
    findings.dismiss_suggestions(case, found)
    assert findings.suggestions(case, ["bsn"]) == []
    event = case.audit_events()[-1]
    assert event.action == "suggestion-dismissed"
    # The trail identifies the suggestion without holding the personal data itself.
    assert VALID_BSN not in json.dumps(event.after)
    assert case.verify_audit().ok


def test_accepted_suggestions_become_proposals_that_need_a_second_reviewer(
    case: CaseSession, tmp_path: Path
) -> None:
    names = findings.suggestions(case, ["name"])
    assert {s.suggestion.text for s in names} >= {"Jan Jansen"}
    boxes = findings.accept_suggestions(case, names)
    assert boxes and all(b.status is ReviewStatus.PROPOSED for b in boxes)
    # Accepted ones no longer show up: they are under a box now.
    assert findings.suggestions(case, ["name"]) == []


def test_consistency_and_redact_everywhere(case: CaseSession) -> None:
    first = findings.find(case, "Jan Jansen")[0]
    box = case.add_redaction(
        first.document_id, first.match.page_index, first.match.rects[0], ["5.1.2e"], "naam"
    )
    report = findings.consistency(case)
    assert any("Jan Jansen" in f.term and f.kind == "visible_elsewhere" for f in report)
    created = findings.redact_everywhere(case, box.id)
    assert [(r.page_index, r.grounds) for r in created] == [(1, ("5.1.2e",))]
    assert findings.consistency(case) == []


def test_cli_suggest_find_check(case: CaseSession, tmp_path: Path) -> None:
    location = case.info().location
    run = [sys.executable, "-m", "redactor", "--as", "alice"]
    out = subprocess.run(
        [*run, "suggest", location, "--json"], capture_output=True, text=True, check=True
    )
    data = json.loads(out.stdout)
    texts = {s["text"] for s in data["suggestions"]}
    assert VALID_BSN in texts and INVALID_BSN not in texts
    bsn_id = next(s["id"] for s in data["suggestions"] if s["text"] == VALID_BSN)
    out = subprocess.run(
        [*run, "suggest", location, "--accept", bsn_id, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(out.stdout)["accepted"]) == 1
    done = subprocess.run([*run, "check", location], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    bad = subprocess.run(
        [*run, "suggest", location, "--detector", "horoscope"], capture_output=True, text=True
    )
    assert (
        bad.returncode == 2
        and "Unknown detector horoscope" in bad.stderr
        and "Traceback" not in bad.stderr
    )
    found = subprocess.run(
        [*run, "find", location, "Jansen", "--propose"], capture_output=True, text=True
    )
    assert found.returncode == 2 and "--ground" in found.stderr


def _scanned_pdf(path: Path, text: str) -> None:
    """Text rendered to pixels: an image-only page, like a scanned print-out."""
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    page.insert_text((72, 120), text, fontsize=20, fontname="helv")
    pix = page.get_pixmap(dpi=200)
    out = pymupdf.open()
    scan = out.new_page(width=595, height=842)
    scan.insert_image(scan.rect, pixmap=pix)
    out.save(path)


def test_ocr_makes_a_scan_searchable(tmp_path: Path) -> None:
    require_tool("tesseract")
    _scanned_pdf(tmp_path / "scan.pdf", "Geachte heer Pietersen, uw aanvraag")
    with CaseSession.create(str(tmp_path / "s.redactor"), reviewer="alice") as session:
        session.add_documents([tmp_path / "scan.pdf"])
        assert findings.find(session, "Pietersen") == []  # no text layer yet
        assert findings.run_ocr(session) == 1
        hits = findings.find(session, "Pietersen")
        assert len(hits) == 1
        rect = hits[0].match.rects[0]
        # The word sits where it was drawn (x from 72 pt, baseline at 120 pt, 20 pt type).
        assert 60 < rect.x0 < 260 and 95 < rect.y0 < 125
        assert findings.run_ocr(session) == 0  # stored: not read twice
        assert any(e.action == "ocr" for e in session.audit_events())
        assert session.verify_audit().ok
        session.add_redaction(1, 0, Rect(rect.x0, rect.y0, rect.x1, rect.y1), ["5.1.2e"])
