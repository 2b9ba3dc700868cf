"""Every change through the store: optimistic versions, the audit event each change writes,
and changes that send an approved item back for review."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from redactor.core.errors import ConflictError, InputError, NotFound, UnknownGround
from redactor.core.model import Judgement, ReviewStatus
from tests.store.support import Team, add_pdf, box, dump_case


@pytest.fixture
def case(team: Team, tmp_path: Path):
    """A four-eyes case with one two-page document, as alice."""
    team.create("alice")
    with team.session("alice") as s:
        doc = add_pdf(s, tmp_path, "letter.pdf")
    return team, doc.id


def test_stale_version_is_a_conflict_and_the_row_is_unchanged(case) -> None:
    team, doc = case
    with team.session("alice") as alice, team.session("bob") as bob:
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
        assert red.version == 1
        moved = bob.update_redaction(red.id, red.version, rect=box(20, 20, 70, 40))
        assert moved.version == 2 and moved.updated_by == "bob"
        before = dump_case(team.location)
        for attempt in (
            lambda: alice.update_redaction(red.id, red.version, rect=box(0, 0, 5, 5)),
            lambda: alice.update_redaction(red.id, red.version, grounds=["5.1.1d"]),
            lambda: alice.delete_redaction(red.id, red.version),
        ):
            with pytest.raises(ConflictError) as err:
                attempt()
            assert str(err.value) == (
                f"Box R{red.id} was changed by someone else since you loaded it; your change "
                "was not saved. Reload and try again."
            )
        assert dump_case(team.location) == before
        assert alice.item(f"R{red.id}") == moved
        # With the current version the change goes through.
        alice.update_redaction(red.id, moved.version, rect=box(0, 0, 5, 5))


def test_stale_versions_of_documents_and_page_decisions(case) -> None:
    team, doc = case
    with team.session("alice") as alice, team.session("bob") as bob:
        d = alice.document(doc)
        bob.set_judgement(doc, Judgement.PARTLY_PUBLIC, expected_version=d.version)
        with pytest.raises(
            ConflictError, match=r"Document letter\.pdf was changed by someone else"
        ):
            alice.set_judgement(doc, Judgement.PUBLIC, expected_version=d.version)
        assert alice.document(doc).judgement is Judgement.PARTLY_PUBLIC
        dec = alice.withhold_page(doc, 1, ["5.1.1c"])
        bob.withhold_page(doc, 1, ["5.1.1d"])
        with pytest.raises(ConflictError, match=f"Page decision P{dec.id} was changed"):
            alice.remove_page_decision(dec.id, dec.version)
        assert [d.grounds for d in alice.page_decisions()] == [("5.1.1d",)]


def _approved_box(team: Team, doc: int, grounds=("5.1.1c",), note: str = ""):
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), list(grounds), note)
    with team.session("bob") as bob:
        (approved,) = bob.approve([red.ref])
    assert approved.status is ReviewStatus.APPROVED and approved.reviewed_by == "bob"
    return approved


@pytest.mark.parametrize(
    ("change", "action"),
    [
        ({"rect": box(30, 30, 80, 50)}, "box-moved"),
        ({"rect": box(10, 10, 90, 30)}, "box-resized"),
        ({"grounds": ["5.1.1d"]}, "box-grounds-changed"),
        ({"note": "a new note"}, "box-note-changed"),
        ({"rect": box(10, 10, 90, 30), "note": "both"}, "box-changed"),
    ],
)
def test_any_change_after_approval_sends_the_box_back(case, change, action) -> None:
    team, doc = case
    approved = _approved_box(team, doc)
    with team.session("alice") as alice:
        changed = alice.update_redaction(approved.id, approved.version, **change)
        assert changed.status is ReviewStatus.PROPOSED
        assert (changed.reviewed_by, changed.reviewed_at, changed.reject_reason) == (None,) * 3
        last = alice.audit_events()[-1]
        assert (last.action, last.target) == (action, approved.ref)
        assert last.before["status"] == "approved" and last.after["status"] == "proposed"
        # Alice touched it last, so she still cannot approve; bob can, again.
        assert approved.ref not in [i.ref for i in alice.awaiting_review()]
    with team.session("bob") as bob:
        assert [i.ref for i in bob.awaiting_review()] == [approved.ref]


def test_reviewer_who_changes_a_box_can_no_longer_approve_it(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
    with team.session("bob") as bob:
        bob.update_redaction(red.id, red.version, rect=box(10, 10, 100, 30))
        from redactor.core.errors import RuleViolation

        with pytest.raises(RuleViolation, match="Four-eyes rule: bob cannot approve"):
            bob.approve([red.ref])
    with team.session("carol") as carol:
        carol.approve([red.ref])


def test_unchanged_values_are_no_change(case) -> None:
    team, doc = case
    approved = _approved_box(team, doc)
    with team.session("alice") as alice:
        events = len(alice.audit_events())
        same = alice.update_redaction(
            approved.id, approved.version, rect=approved.rect, grounds=["5.1.1.c"], note=""
        )
        assert same == approved  # still approved: nothing was changed
        assert len(alice.audit_events()) == events


def test_deleting_and_redrawing_gives_a_new_proposed_box(case) -> None:
    team, doc = case
    approved = _approved_box(team, doc)
    with team.session("alice") as alice:
        alice.delete_redaction(approved.id, approved.version)
        again = alice.add_redaction(doc, 0, approved.rect, list(approved.grounds))
    assert again.id != approved.id and again.status is ReviewStatus.PROPOSED
    with team.session("bob") as bob, pytest.raises(NotFound, match=f"no box R{approved.id}"):
        bob.approve([approved.ref])
    # Ids are never reused (SQLite would reuse the last rowid without AUTOINCREMENT), so "R1"
    # in the audit trail or an approval always means one box.
    with team.session("alice") as alice:
        alice.delete_redaction(again.id, again.version)
        third = alice.add_redaction(doc, 0, approved.rect, list(approved.grounds))
        dec = alice.withhold_page(doc, 1, ["5.1.1c"])
        alice.remove_page_decision(dec.id, dec.version)
        dec2 = alice.withhold_page(doc, 1, ["5.1.1c"])
        assert alice.verify_audit().ok
    assert third.id > again.id > approved.id and dec2.id > dec.id


def test_withholding_again_with_other_grounds_sends_the_decision_back(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        dec = alice.withhold_page(doc, 1, ["5.1.1c"])
    with team.session("bob") as bob:
        bob.approve([dec.ref])
    with team.session("alice") as alice:
        again = alice.withhold_page(doc, 1, ["5.1.1c", "5.1.1d"])
        assert again.id == dec.id and again.status is ReviewStatus.PROPOSED
        assert alice.audit_events()[-1].action == "page-decision-changed"


def test_repeating_a_page_decision_unchanged_writes_nothing(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        dec = alice.withhold_page(doc, 1, ["5.1.1c"])
        before = dump_case(team.location)
        same = alice.withhold_page(doc, 1, ["5.1.1.c"])
        assert same == dec
        assert dump_case(team.location) == before


def test_every_action_writes_one_event_with_before_and_after(case, tmp_path: Path) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.2e"], "privacy of a citizen")
        red = alice.update_redaction(red.id, red.version, rect=box(30, 30, 80, 50))
        extra = alice.add_redaction(doc, 1, box(), ["5.1.1c"])
        alice.delete_redaction(extra.id, extra.version)
        dec = alice.withhold_page(doc, 1, ["5.1.1c"])
        alice.mark_page_reviewed(doc, 0)
        alice.set_judgement(doc, Judgement.PARTLY_PUBLIC, "Deels openbaar.", "2024-03-01")
    with team.session("bob") as bob:
        bob.approve([red.ref])
        bob.reject(dec.ref, "Page 2 is a public press release.")
        bob.confirm_pages([(doc, 0)])
        bob.set_four_eyes(False)
    with team.session("alice") as alice:
        events = alice.audit_events()
        assert alice.verify_audit().ok
    actions = [(e.action, e.target, e.reviewer) for e in events]
    assert actions == [
        ("case-created", "case", "alice"),
        ("document-imported", f"D{doc}", "alice"),
        ("box-created", red.ref, "alice"),
        ("box-moved", red.ref, "alice"),
        ("box-created", extra.ref, "alice"),
        ("box-deleted", extra.ref, "alice"),
        ("page-decision-created", dec.ref, "alice"),
        ("page-reviewed", f"D{doc}/p1", "alice"),
        ("judgement-set", f"D{doc}", "alice"),
        ("approved", red.ref, "bob"),
        ("rejected", dec.ref, "bob"),
        ("page-confirmed", f"D{doc}/p1", "bob"),
        ("mode-changed", "case", "bob"),
    ]
    creations = {"case-created", "document-imported", "box-created", "page-decision-created"}
    for ev in events:
        assert ev.after is not None or ev.action == "box-deleted", ev
        assert (ev.before is None) == (ev.action in creations), ev
        assert ev.before != ev.after
        assert ev.at.endswith("Z") and len(ev.hash) == 64
    by_action = {e.action: e for e in events}
    assert by_action["box-moved"].before["rect"] == [10.0, 10.0, 60.0, 30.0]
    assert by_action["box-moved"].after["rect"] == [30.0, 30.0, 80.0, 50.0]
    assert by_action["rejected"].after["reject_reason"] == "Page 2 is a public press release."
    assert by_action["mode-changed"].before["four_eyes"] is True
    assert by_action["mode-changed"].after["four_eyes"] is False
    assert by_action["judgement-set"].after["judgement"] == "deels openbaar"
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))


def test_a_change_on_a_confirmed_page_needs_a_new_confirmation(case) -> None:
    team, doc = case
    with team.session("bob") as bob:
        bob.confirm_pages([(doc, 1)])
    with team.session("alice") as alice:
        alice.add_redaction(doc, 1, box(), ["5.1.1c"])
        page = alice.pages(doc)[1]
        assert page.confirmed_by is None
        assert alice.audit_events()[-1].action == "page-unconfirmed"
        assert alice.verify_audit().ok


def test_bad_values_are_refused_in_a_sentence_and_write_nothing(case) -> None:
    team, doc = case
    before = dump_case(team.location)
    with team.session("alice") as alice:
        with pytest.raises(InputError, match=r"letter\.pdf has 2 page"):
            alice.add_redaction(doc, 5, box(), ["5.1.1c"])
        with pytest.raises(InputError, match="lies outside the page"):
            alice.add_redaction(doc, 0, box(10, 10, 900, 30), ["5.1.1c"])
        with pytest.raises(InputError, match="zero size"):
            alice.add_redaction(doc, 0, box(10, 10, 10, 30), ["5.1.1c"])
        with pytest.raises(UnknownGround, match=r"did you mean 5\.1\.2e"):
            alice.add_redaction(doc, 0, box(), ["5.1.2ee"])
        with pytest.raises(InputError, match="at least one ground"):
            alice.add_redaction(doc, 0, box(), [])
        with pytest.raises(NotFound, match="no document 99"):
            alice.add_redaction(99, 0, box(), ["5.1.1c"])
    assert dump_case(team.location) == before


def test_ground_spellings_are_stored_canonically(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["art. 5.1.2 e", "5.1.2.e", "5.1.1c"])
    assert red.grounds == ("5.1.2e", "5.1.1c")


def test_another_session_sees_changes_without_reopening(case) -> None:
    team, doc = case
    with team.session("alice") as alice, team.session("bob") as bob:
        seen = bob.change_counter()
        assert bob.redactions() == []
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
        assert bob.change_counter() == seen + 1  # what a GUI polls to refresh its views
        assert bob.redactions() == [red]
        with pytest.raises(InputError):  # a refused change commits nothing, counts nothing
            alice.add_redaction(doc, 9, box(), ["5.1.1c"])
        assert bob.change_counter() == seen + 1
