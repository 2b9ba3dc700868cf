"""Four-eyes cannot be bypassed by switching modes, by approving a stale version, or by
confirming a page one worked on and then cleaned up."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.app.session import CaseSession
from redactor.core.errors import ConflictError, RuleViolation
from redactor.core.geometry import Rect
from tests.helpers import make_text_pdf


@pytest.fixture
def location(tmp_path: Path) -> str:
    make_text_pdf(tmp_path / "memo.pdf", ["Vertrouwelijk: Jan Jansen", "Tweede pagina"])
    where = str(tmp_path / "case.redactor")
    with CaseSession.create(where, reviewer="alice", four_eyes=True) as alice:
        alice.add_documents([tmp_path / "memo.pdf"])
    return where


def test_switching_to_single_mode_to_self_approve_does_not_open_the_export(location: str) -> None:
    with CaseSession.open(location, reviewer="alice") as alice:
        box = alice.add_redaction(1, 0, Rect(30, 30, 200, 60), ["5.1.1c"])
        alice.set_four_eyes(False)
        alice.approve([box.ref])
        alice.confirm_pages([(1, 0), (1, 1)])
        alice.set_four_eyes(True)
        with pytest.raises(RuleViolation) as err:
            alice.require_exportable()
        message = str(err.value)
        assert "approved by its own author alice" in message
        assert "page 1 of memo.pdf was confirmed by alice, who worked on it" in message
        actions = [e.action for e in alice.audit_events()]
        assert actions.count("mode-changed") == 2


def test_approving_a_version_that_changed_since_it_was_seen_is_refused(location: str) -> None:
    with CaseSession.open(location, reviewer="alice") as alice:
        box = alice.add_redaction(1, 0, Rect(30, 30, 200, 60), ["5.1.1c"])
        seen = f"{box.ref}@{box.version}"
        alice.update_redaction(box.id, box.version, rect=Rect(30, 30, 120, 60))
    with CaseSession.open(location, reviewer="bob") as bob:
        with pytest.raises(ConflictError):
            bob.approve([seen])
        assert bob.item(box.ref).status.value == "proposed"
        latest = bob.item(box.ref)
        bob.approve([f"{latest.ref}@{latest.version}"])


def test_a_reviewer_who_drew_and_deleted_a_box_cannot_confirm_the_page(location: str) -> None:
    with CaseSession.open(location, reviewer="alice") as alice:
        box = alice.add_redaction(1, 1, Rect(30, 30, 200, 60), ["5.1.1c"])
        alice.delete_redaction(box.id, box.version)
        with pytest.raises(RuleViolation, match="cannot confirm page 2"):
            alice.confirm_pages([(1, 1)])
        # confirm --all offers only the pages she may confirm
        assert [(p.document_id, p.page_index) for p in alice.confirmable_pages()] == [(1, 0)]
    with CaseSession.open(location, reviewer="bob") as bob:
        assert len(bob.confirm_pages([(1, 1)])) == 1
