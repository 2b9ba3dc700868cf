"""Plan import (all or nothing) and document intake (every file checked before any is added)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.app.plan import apply_plan, load_plan
from redactor.app.session import CaseSession
from redactor.core.errors import (
    DuplicateDocument,
    InputError,
    PasswordRequired,
    PdfError,
    RuleViolation,
)
from redactor.core.geometry import Rect
from redactor.core.model import ReviewItem
from tests.helpers import encrypt_pdf, make_text_pdf
from tests.store.support import dump_case, write_pdf


@pytest.fixture
def case(tmp_path: Path):
    """A SQLite four-eyes case with letter.pdf (2 pages) and memo.pdf (1 page), as alice."""
    path = str(tmp_path / "case.redactor")
    with CaseSession.create(path, reviewer="alice", four_eyes=True) as s:
        s.add_documents(
            [write_pdf(tmp_path, "letter.pdf", ["a", "b"]), write_pdf(tmp_path, "memo.pdf", ["c"])]
        )
    return path


def good_plan() -> dict:
    return {
        "documents": [
            {
                "file": "letter.pdf",
                "redactions": [
                    {"page": 1, "rect": [10, 10, 60, 30], "grounds": ["5.1.2e"], "note": "BSN"},
                    {"page": 2, "rect": [60, 30, 10, 10], "grounds": ["art. 5.1.1 c"]},
                ],
                "withhold_pages": [],
            },
            {"file": "memo.pdf", "withhold_pages": [{"page": 1, "grounds": ["5.1.1d"]}]},
        ]
    }


def test_a_good_plan_is_applied_in_one_go(case: str) -> None:
    with CaseSession.open(case, reviewer="alice") as s:
        result = apply_plan(s, good_plan(), "plan.json")
        assert (result.redactions, result.withheld_pages) == (2, 1)
        reds = s.redactions()
        assert [(r.page_index, r.rect.as_tuple(), r.grounds, r.note) for r in reds] == [
            (0, (10, 10, 60, 30), ("5.1.2e",), "BSN"),
            (1, (10, 10, 60, 30), ("5.1.1c",), ""),  # corners normalised, code canonical
        ]
        assert [(d.page_index, d.grounds) for d in s.page_decisions()] == [(0, ("5.1.1d",))]
        assert [e.action for e in s.audit_events()[-3:]] == [
            "box-created",
            "box-created",
            "page-decision-created",
        ]
        assert s.verify_audit().ok


def test_the_importer_cannot_approve_what_the_plan_drew(case: str) -> None:
    with CaseSession.open(case, reviewer="alice") as s:
        apply_plan(s, good_plan())
        assert s.awaiting_review() == []  # `approve --all` would skip all of it
        items: list[ReviewItem] = [*s.redactions(), *s.page_decisions()]
        for item in items:
            with pytest.raises(RuleViolation, match="Four-eyes rule: alice cannot approve"):
                s.approve([item.ref])
    with CaseSession.open(case, reviewer="bob") as s:
        assert len(s.awaiting_review()) == 3


def _bad(change) -> dict:
    plan = good_plan()
    change(plan)
    return plan


BAD_PLANS = {
    "unknown file": (
        lambda p: p["documents"][1].update(file="nope.pdf"),
        "plan.json, document entry 2: there is no document named 'nope.pdf' in the case.",
    ),
    "page out of range": (
        lambda p: p["documents"][0]["redactions"][1].update(page=3),
        "plan.json, 'letter.pdf', redaction 2: letter.pdf has 2 page(s); there is no page 3.",
    ),
    "rectangle outside": (
        lambda p: p["documents"][0]["redactions"][1].update(rect=[10, 10, 900, 30]),
        "plan.json, 'letter.pdf', redaction 2: page 2 of letter.pdf: the rectangle "
        "[10, 10, 900, 30] lies outside the page, which is 300 x 400 pt.",
    ),
    "zero size": (
        lambda p: p["documents"][0]["redactions"][1].update(rect=[10, 10, 10, 30]),
        "zero size",
    ),
    "unknown ground": (
        lambda p: p["documents"][1]["withhold_pages"][0].update(grounds=["5.1.1z"]),
        "plan.json, 'memo.pdf', withheld page 1: page 1 of memo.pdf: unknown ground '5.1.1z'",
    ),
    "page zero": (
        lambda p: p["documents"][1]["withhold_pages"][0].update(page=0),
        '"page" must be a page number starting at 1',
    ),
    "rect not numbers": (
        lambda p: p["documents"][0]["redactions"][0].update(rect=[1, 2, "3", 4]),
        '"rect" must be four numbers',
    ),
    "no grounds": (
        lambda p: p["documents"][0]["redactions"][0].update(grounds=[]),
        '"grounds" must be a non-empty list',
    ),
    "note not text": (
        lambda p: p["documents"][0]["redactions"][0].update(note=5),
        '"note" must be text',
    ),
    "entry not an object": (lambda p: p["documents"].append([]), "must be a JSON object"),
}


@pytest.mark.parametrize("name", list(BAD_PLANS))
def test_one_bad_entry_rejects_the_whole_plan(case: str, name: str) -> None:
    change, needle = BAD_PLANS[name]
    before = dump_case(case)
    with CaseSession.open(case, reviewer="alice") as s, pytest.raises(InputError) as err:
        apply_plan(s, _bad(change), "plan.json")
    assert needle in str(err.value), str(err.value)
    assert dump_case(case) == before


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"{not json", "is not valid JSON: Expecting property name"),
        (b"\xff\xfe\x00", "is not UTF-8 text"),
        (b'{"docs": []}', 'must be an object with a "documents" list'),
        (b"[]", 'must be an object with a "documents" list'),
    ],
)
def test_unreadable_plans(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=needle):
        load_plan(path)
    with pytest.raises(InputError, match="cannot be read"):
        load_plan(tmp_path / "missing.json")
    path.write_text(json.dumps(good_plan()))
    assert load_plan(path) == good_plan()


# --- intake -----------------------------------------------------------------------------------


def test_one_bad_file_in_a_batch_adds_nothing(case: str, tmp_path: Path) -> None:
    good = write_pdf(tmp_path, "good.pdf", ["fine"])
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(make_text_pdf(None, ["x"])[:300])
    before = dump_case(case)
    with CaseSession.open(case, reviewer="alice") as s:
        with pytest.raises(PdfError, match=r"broken\.pdf"):
            s.add_documents([good, broken])
        with pytest.raises(DuplicateDocument, match="same SHA-256"):
            s.add_documents([good, tmp_path / "letter.pdf"])
        copy = tmp_path / "copy.pdf"
        copy.write_bytes(good.read_bytes())
        with pytest.raises(DuplicateDocument) as err:
            s.add_documents([good, copy])
    assert str(err.value) == "copy.pdf is the same file as good.pdf (same SHA-256); add it once."
    assert dump_case(case) == before


def test_a_folder_adds_every_pdf_with_progress(case: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("b.pdf", "a.PDF", "c.pdf"):
        write_pdf(folder, name, [name])
    (folder / "notes.txt").write_text("not a pdf")
    seen: list[tuple[int, int, str]] = []
    with CaseSession.open(case, reviewer="alice") as s:
        added = s.add_documents([folder], progress=lambda d, t, n: seen.append((d, t, n)))
    assert [d.file_name for d in added] == ["a.PDF", "b.pdf", "c.pdf"]
    assert seen[0] == (0, 6, "a.PDF") and seen[-1] == (6, 6, "")
    assert [d for d, _, _ in seen] == list(range(7))


def test_rotated_and_cropped_pages_are_stored_as_displayed(case: str, tmp_path: Path) -> None:
    rotated = tmp_path / "rotated.pdf"
    make_text_pdf(rotated, ["landscape"], rotation=90, size=(300, 400))
    cropped = tmp_path / "cropped.pdf"
    make_text_pdf(cropped, ["crop"], cropbox=(50, 100, 250, 300), size=(300, 400))
    with CaseSession.open(case, reviewer="alice") as s:
        r, c = s.add_documents([rotated, cropped])
        (rp,) = s.pages(r.id)
        (cp,) = s.pages(c.id)
        assert (rp.width, rp.height, rp.rotation) == (400, 300, 90)
        assert (cp.width, cp.height, cp.rotation) == (200, 200, 0)
        # A box in displayed coordinates is checked against the displayed size.
        s.add_redaction(r.id, 0, Rect(300, 200, 399, 299), ["5.1.1c"])
        with pytest.raises(InputError, match="which is 200 x 200 pt"):
            s.add_redaction(c.id, 0, Rect(10, 10, 250, 50), ["5.1.1c"])


def test_password_protected_pdf_is_refused(case: str, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypt_pdf(make_text_pdf(None, ["secret"]), "pw"))
    with CaseSession.open(case, reviewer="alice") as s:
        with pytest.raises(PasswordRequired, match=r"locked\.pdf is protected with a password"):
            s.add_documents([locked])
        assert len(s.documents()) == 2
