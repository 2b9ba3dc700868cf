"""The four-eyes rules as plain functions: who may approve, reject and confirm, and what
blocks an export. The same rules are exercised through the store and the CLI elsewhere."""

from __future__ import annotations

import dataclasses

import pytest

from redactor.core.errors import InputError, RuleViolation
from redactor.core.geometry import Rect
from redactor.core.grounds import load_catalog
from redactor.core.model import (
    Judgement,
    PageDecision,
    PageDecisionKind,
    Redaction,
    ReviewItem,
    ReviewStatus,
)
from redactor.core.reviewer import ENV_VAR, resolve_reviewer, validate_reviewer
from redactor.core.rules import (
    check_confirm_page,
    check_review,
    describe,
    export_blockers,
)

WOO = load_catalog("woo")


def needs_motivation(code: str) -> bool:
    ground = WOO.get(code)
    return bool(ground and ground.requires_motivation)


def redaction(**changes: object) -> Redaction:
    base = Redaction(
        id=7,
        document_id=2,
        page_index=0,
        rect=Rect(10, 10, 50, 30),
        grounds=("5.1.1c",),
        note="",
        author="alice",
        created_at="2024-01-01T00:00:00Z",
        updated_by="alice",
        updated_at="2024-01-01T00:00:00Z",
        status=ReviewStatus.PROPOSED,
        reviewed_by=None,
        reviewed_at=None,
        reject_reason=None,
        version=1,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def decision(**changes: object) -> PageDecision:
    base = PageDecision(
        id=3,
        document_id=2,
        page_index=4,
        kind=PageDecisionKind.WITHHELD,
        grounds=("5.1.1c",),
        note="",
        author="alice",
        created_at="2024-01-01T00:00:00Z",
        updated_by="alice",
        updated_at="2024-01-01T00:00:00Z",
        status=ReviewStatus.PROPOSED,
        reviewed_by=None,
        reviewed_at=None,
        reject_reason=None,
        version=1,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def review(item, reviewer: str, *, approve: bool = True, four_eyes: bool = True, reason: str = ""):
    check_review(
        item,
        reviewer,
        four_eyes=four_eyes,
        approve=approve,
        needs_motivation=needs_motivation,
        reason=reason,
    )


# --- approve / reject -------------------------------------------------------------------------


def test_another_reviewer_may_approve() -> None:
    review(redaction(), "bob")
    review(decision(), "bob")


@pytest.mark.parametrize("approve", [True, False])
def test_author_cannot_review_own_box(approve: bool) -> None:
    with pytest.raises(RuleViolation) as err:
        review(redaction(), "alice", approve=approve, reason="because")
    message = str(err.value)
    assert message.startswith("Four-eyes rule:")
    assert "R7" in message and "alice" in message
    assert ("approve" if approve else "reject") in message


def test_whoever_changed_a_box_cannot_approve_it() -> None:
    """Bob moved Alice's box: now neither of them may approve it."""
    moved = redaction(updated_by="bob")
    for person in ("alice", "bob"):
        with pytest.raises(RuleViolation, match="Four-eyes rule"):
            review(moved, person)
    review(moved, "carol")


def test_author_cannot_approve_own_page_decision() -> None:
    with pytest.raises(RuleViolation, match=r"withheld page P3 \(document 2, page 5\)"):
        review(decision(), "alice")


def test_single_reviewer_mode_lets_the_author_approve() -> None:
    review(redaction(), "alice", four_eyes=False)


@pytest.mark.parametrize("code", ["5.1.2e", "5.1.2a", "5.2", "5.1.5", "10.2e"])
def test_relative_ground_needs_a_motivation(code: str) -> None:
    item = redaction(grounds=("5.1.1c", code))
    with pytest.raises(RuleViolation) as err:
        review(item, "bob")
    assert str(err.value).startswith("Motivation rule:")
    assert code in str(err.value) and "5.1.1c" not in str(err.value)
    # A blank note is no motivation either.
    with pytest.raises(RuleViolation, match="Motivation rule"):
        review(dataclasses.replace(item, note="   \n"), "bob")
    review(dataclasses.replace(item, note="Privacy outweighs the public interest here."), "bob")


def test_motivation_is_required_even_in_single_reviewer_mode() -> None:
    with pytest.raises(RuleViolation, match="Motivation rule"):
        review(redaction(grounds=("5.1.2e",)), "alice", four_eyes=False)


@pytest.mark.parametrize("code", ["5.1.1c", "5.1.1e", "10.1d"])
def test_absolute_grounds_need_no_motivation(code: str) -> None:
    review(redaction(grounds=(code,)), "bob")


def test_rejecting_needs_no_motivation_but_a_reason() -> None:
    item = redaction(grounds=("5.1.2e",))
    review(item, "bob", approve=False, reason="Not personal data.")
    for blank in ("", "  "):
        with pytest.raises(RuleViolation, match="needs a reason"):
            review(item, "bob", approve=False, reason=blank)


def test_approving_twice_is_refused() -> None:
    with pytest.raises(RuleViolation, match="already approved"):
        review(redaction(status=ReviewStatus.APPROVED, reviewed_by="bob"), "carol")


def test_a_rejected_item_can_still_be_approved_by_another_reviewer() -> None:
    review(redaction(status=ReviewStatus.REJECTED, reject_reason="x"), "bob")


def test_four_eyes_is_checked_before_motivation() -> None:
    """The author is told the rule that really stops them, not to add a note."""
    with pytest.raises(RuleViolation, match="Four-eyes rule"):
        review(redaction(grounds=("5.1.2e",)), "alice")


def test_describe_names_item_document_and_page() -> None:
    assert describe(redaction()) == "box R7 (document 2, page 1)"
    assert describe(decision(kind=PageDecisionKind.OUT_OF_SCOPE)) == (
        "out-of-scope page P3 (document 2, page 5)"
    )


# --- page confirmation ---------------------------------------------------------------------------


def confirm(reviewer: str, *, four_eyes: bool = True, reviewed_by=None, contributors=()) -> None:
    check_confirm_page(
        reviewer,
        four_eyes=four_eyes,
        document_id=2,
        page_index=4,
        reviewed_by=reviewed_by,
        page_contributors=contributors,
    )


def test_page_confirmed_by_someone_who_did_not_work_on_it() -> None:
    confirm("bob", contributors={"alice"}, reviewed_by="alice")
    confirm("bob")  # a page without any box: "nothing to redact" is confirmable too


@pytest.mark.parametrize(
    ("contributors", "reviewed_by"), [({"alice", "bob"}, None), (set(), "bob"), ({"bob"}, "alice")]
)
def test_page_contributor_or_page_reviewer_cannot_confirm(contributors, reviewed_by) -> None:
    with pytest.raises(RuleViolation) as err:
        confirm("bob", contributors=contributors, reviewed_by=reviewed_by)
    assert str(err.value).startswith("Four-eyes rule: bob cannot confirm page 5 of document 2")


def test_single_reviewer_confirms_own_page() -> None:
    confirm("alice", four_eyes=False, contributors={"alice"}, reviewed_by="alice")


# --- export blockers ---------------------------------------------------------------------------


def test_export_blockers_name_every_open_item_and_page() -> None:
    items: list[ReviewItem] = [
        redaction(status=ReviewStatus.APPROVED, reviewed_by="bob"),
        redaction(id=8),
        decision(status=ReviewStatus.REJECTED, reject_reason="no"),
    ]
    pages = [(2, 0, None), (2, 1, "carol")]
    blockers = export_blockers(four_eyes=True, items=items, pages=pages, page_contributors={})
    assert [b.what for b in blockers] == [
        "box R8 (document 2, page 1) is proposed",
        "withheld page P3 (document 2, page 5) is rejected",
        "page 1 of document 2 is not confirmed",
    ]


def test_nothing_blocks_a_fully_reviewed_case_or_a_single_reviewer_case() -> None:
    approved = [redaction(status=ReviewStatus.APPROVED, reviewed_by="bob")]
    done = [(2, 0, "bob")]
    assert export_blockers(four_eyes=True, items=approved, pages=done, page_contributors={}) == []
    assert (
        export_blockers(
            four_eyes=False, items=[redaction()], pages=[(2, 0, None)], page_contributors={}
        )
        == []
    )


def test_self_approval_from_single_reviewer_mode_does_not_open_a_four_eyes_export() -> None:
    """Switching to single mode, approving one's own work and switching back is no bypass."""
    own = [redaction(status=ReviewStatus.APPROVED, reviewed_by="alice")]  # author is alice
    pages = [(2, 0, "alice")]
    blockers = export_blockers(
        four_eyes=True, items=own, pages=pages, page_contributors={(2, 0): {"alice"}}
    )
    assert [b.what for b in blockers] == [
        "box R7 (document 2, page 1) was approved by its own author alice",
        "page 1 of document 2 was confirmed by alice, who worked on it",
    ]


# --- reviewer names and judgements -------------------------------------------------------------


def test_reviewer_comes_from_option_then_environment_then_os() -> None:
    assert resolve_reviewer("  Ann   de  Vries ", {ENV_VAR: "env"}) == "Ann de Vries"
    assert resolve_reviewer(None, {ENV_VAR: "env-user"}) == "env-user"
    assert resolve_reviewer("", {ENV_VAR: " "})  # falls through to the OS user
    with pytest.raises(InputError, match="at most 200"):
        validate_reviewer("x" * 201)
    with pytest.raises(InputError, match="cannot be empty"):
        validate_reviewer(" \t")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("openbaar", Judgement.PUBLIC),
        ("Deels openbaar", Judgement.PARTLY_PUBLIC),
        ("partly-public", Judgement.PARTLY_PUBLIC),
        ("not_public", Judgement.NOT_PUBLIC),
        ("reeds openbaar", Judgement.ALREADY_PUBLIC),
        ("duplicate", Judgement.DUPLICATE),
        ("buiten reikwijdte", Judgement.OUT_OF_SCOPE),
    ],
)
def test_judgement_parse(text: str, expected: Judgement) -> None:
    assert Judgement.parse(text) is expected


def test_unknown_judgement_lists_the_choices() -> None:
    with pytest.raises(InputError, match="openbaar, deels openbaar"):
        Judgement.parse("geheim")
    assert Judgement.PUBLIC.releases_pdf and not Judgement.NOT_PUBLIC.releases_pdf
