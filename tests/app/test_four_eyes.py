"""The four-eyes rules through the use cases the GUI and CLI call (CaseSession), on SQLite and
on PostgreSQL, where each reviewer is a real database role."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.app.session import CaseSession
from redactor.core.errors import RuleViolation
from redactor.core.model import ReviewStatus
from tests.store.support import Team, add_pdf, box, dump_case


@pytest.fixture
def case(team: Team, tmp_path: Path):
    team.create("alice", four_eyes=True)
    with team.session("alice") as alice:
        doc = add_pdf(alice, tmp_path, "letter.pdf")
    return team, doc.id


def test_author_can_neither_approve_nor_reject_own_work(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
        dec = alice.withhold_page(doc, 1, ["5.1.1d"])
        before = dump_case(team.location)
        for ref in (red.ref, dec.ref):
            with pytest.raises(
                RuleViolation, match=f"Four-eyes rule: alice cannot approve .*{ref}"
            ):
                alice.approve([ref])
            with pytest.raises(RuleViolation, match=f"Four-eyes rule: alice cannot reject .*{ref}"):
                alice.reject(ref, "changed my mind")
        assert alice.awaiting_review() == []
        assert dump_case(team.location) == before
    with team.session("bob") as bob:
        assert {i.ref for i in bob.awaiting_review()} == {red.ref, dec.ref}
        approved = bob.approve([red.ref, dec.ref])
        assert [i.status for i in approved] == [ReviewStatus.APPROVED] * 2


def test_approving_several_is_all_or_nothing(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        hers = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
    with team.session("bob") as bob:
        his = bob.add_redaction(doc, 1, box(), ["5.1.1c"])
        before = dump_case(team.location)
        with pytest.raises(RuleViolation, match=f"bob cannot approve box {his.ref}"):
            bob.approve([hers.ref, his.ref])
        assert dump_case(team.location) == before  # hers was not approved either
        assert [i.ref for i in bob.awaiting_review()] == [hers.ref]


def test_motivation_required_for_weighing_grounds(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.2e"])
    with team.session("bob") as bob:
        with pytest.raises(RuleViolation) as err:
            bob.approve([red.ref])
        assert str(err.value) == (
            f"Motivation rule: box {red.ref} (letter.pdf, page 1) cannot be approved without "
            "a written motivation, because ground 5.1.2e requires weighing of interests."
        )
        # Rejecting it is allowed (with a reason): that is how the reviewer asks for one.
        rejected = bob.reject(red.ref, "Please motivate the weighing of interests.")
        assert rejected.status is ReviewStatus.REJECTED
    with team.session("alice") as alice:
        noted = alice.update_redaction(
            red.id, rejected.version, note="Private address of a citizen."
        )
        assert noted.status is ReviewStatus.PROPOSED and noted.reject_reason is None
    with team.session("bob") as bob:
        (approved,) = bob.approve([red.ref])
    assert approved.status is ReviewStatus.APPROVED and approved.note.startswith("Private")


def test_motivation_for_a_withheld_page_too(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        dec = alice.withhold_page(doc, 1, ["5.2"])
    with team.session("bob") as bob, pytest.raises(RuleViolation, match="Motivation rule"):
        bob.approve([dec.ref])
    with team.session("alice") as alice:
        alice.withhold_page(doc, 1, ["5.2"], note="Personal policy opinions in internal notes.")
    with team.session("bob") as bob:
        bob.approve([dec.ref])


def test_reject_needs_a_reason(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
    with team.session("bob") as bob:
        for reason in ("", "   "):
            with pytest.raises(RuleViolation, match=f"Rejecting box {red.ref} .* needs a reason"):
                bob.reject(red.ref, reason)
        rejected = bob.reject(red.ref, "  Already public.  ")
    assert rejected.reject_reason == "Already public."
    assert rejected.reviewed_by == "bob"


@pytest.mark.postgres
def test_on_postgres_the_role_is_the_reviewer_whatever_name_is_typed(pg_url, tmp_path) -> None:
    team = Team("postgres", pg_url)
    team.create("alice")
    with team.session("alice") as alice:
        doc = add_pdf(alice, tmp_path, "letter.pdf")
        red = alice.add_redaction(doc.id, 0, box(), ["5.1.1c"])
    # Alice connects as herself but claims to be bob: the role wins, so she cannot approve.
    with CaseSession.open(team.url_for("alice"), reviewer="bob") as fake:
        assert fake.reviewer == "alice"
        with pytest.raises(RuleViolation, match="alice cannot approve"):
            fake.approve([red.ref])
    with team.session("bob") as bob:
        bob.approve([red.ref])
        last = bob.audit_events()[-1]
    assert (last.reviewer, last.db_role) == ("bob", "bob")


# --- page confirmation -------------------------------------------------------------------------


def test_pages_are_confirmed_by_someone_who_did_not_work_on_them(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        alice.add_redaction(doc, 0, box(), ["5.1.1c"])
        alice.mark_page_reviewed(doc, 1)  # nothing to redact on page 2, says alice
        for page in (0, 1):
            with pytest.raises(RuleViolation, match=f"alice cannot confirm page {page + 1}"):
                alice.confirm_pages([(doc, page)])
    with team.session("bob") as bob:
        bob.add_redaction(doc, 1, box(100, 100, 150, 120), ["5.1.1c"])
        before = dump_case(team.location)
        with pytest.raises(RuleViolation, match="bob cannot confirm page 2"):
            bob.confirm_pages([(doc, 0), (doc, 1)])  # all or nothing
        assert dump_case(team.location) == before
        confirmed = bob.confirm_pages([(doc, 0)])
    assert confirmed[0].confirmed_by == "bob"
    with team.session("carol") as carol:
        carol.confirm_pages([(doc, 1)])
        assert carol.unconfirmed_pages() == []
        assert carol.audit_events()[-1].action == "page-confirmed"


# --- export blocked ----------------------------------------------------------------------------


def test_export_is_blocked_until_everything_is_approved_and_confirmed(case, tmp_path) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
        dec = alice.withhold_page(doc, 1, ["5.1.1d"])
    with team.session("bob") as bob:
        with pytest.raises(RuleViolation) as err:
            bob.require_exportable()
        assert str(err.value) == (
            "Four-eyes rule: export is blocked by 4 open item(s): "
            f"box {red.ref} (letter.pdf, page 1) is proposed; "
            f"withheld page {dec.ref} (letter.pdf, page 2) is proposed; "
            f"page 1 of letter.pdf is not confirmed; page 2 of letter.pdf is not confirmed."
        )
        bob.approve([red.ref])
        bob.reject(dec.ref, "Not confidential.")
        bob.confirm_pages([(doc, 0), (doc, 1)])
        with pytest.raises(RuleViolation, match=f"blocked by 1 open item.*{dec.ref} .* rejected"):
            bob.require_exportable()
    with team.session("alice") as alice:
        alice.remove_page_decision(dec.id, None)  # page 2 changed: needs confirming again
    with team.session("bob") as bob:
        with pytest.raises(RuleViolation, match=r"page 2 of letter\.pdf is not confirmed"):
            bob.require_exportable()
        bob.confirm_pages([(doc, 1)])
        bob.require_exportable()  # nothing left


def test_the_export_use_case_refuses_before_writing_anything(case, tmp_path) -> None:
    app_export = pytest.importorskip("redactor.app.export", reason="export engine not built yet")
    from redactor.core.export_model import RenderOptions

    team, doc = case
    with team.session("alice") as alice:
        alice.add_redaction(doc, 0, box(), ["5.1.1c"])
    outdir = tmp_path / "out"
    with team.session("bob") as bob, pytest.raises(RuleViolation, match="export is blocked"):
        app_export.export(bob, outdir, RenderOptions())
    assert not outdir.exists()


def test_a_long_blocker_list_is_shortened(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        alice.add_redactions(
            doc, [(0, box(10, y, 60, y + 10)) for y in range(10, 200, 20)], ["5.1.1c"]
        )
        with pytest.raises(RuleViolation, match=r"blocked by 12 open item\(s\): .* and 7 more\.$"):
            alice.require_exportable()


# --- switching mode ----------------------------------------------------------------------------


def test_switching_mode_is_audited_and_changes_the_rules(case) -> None:
    team, doc = case
    with team.session("alice") as alice:
        red = alice.add_redaction(doc, 0, box(), ["5.1.1c"])
        alice.set_four_eyes(False)
        alice.set_four_eyes(False)  # no change, no event
        event = alice.audit_events()[-1]
        assert (event.action, event.target, event.reviewer) == ("mode-changed", "case", "alice")
        assert (event.before["four_eyes"], event.after["four_eyes"]) == (True, False)
        assert not alice.info().four_eyes
        alice.require_exportable()  # single-reviewer: nothing blocks
        alice.approve([red.ref])  # and the author may approve
        alice.set_four_eyes(True)
        assert [e.action for e in alice.audit_events()[-3:]] == [
            "mode-changed",
            "approved",
            "mode-changed",
        ]
        with pytest.raises(RuleViolation, match=r"page 1 of letter\.pdf"):
            alice.require_exportable()
        assert alice.verify_audit().ok
