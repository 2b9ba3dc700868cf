"""The audit trail is tamper-evident: direct SQL that edits, deletes, inserts or reorders
events, or changes a decision without its event, is caught by verification (in the store and
by `redactor audit --verify`, which names the first broken event)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.store import audit
from tests.store.support import (
    Team,
    add_pdf,
    assert_one_sentence,
    box,
    copy_case,
    run_cli,
    scalar,
    sql,
)


def build_case(team: Team, folder: Path) -> None:
    """Events: 1 case-created, 2 document-imported, 3 box-created R1, 4 approved R1,
    5 page-decision-created P1 (page 2), 6 page-confirmed D1/p1, 7 box-created R2."""
    team.create("alice")
    with team.session("alice") as alice:
        doc = add_pdf(alice, folder, "letter.pdf")
        red = alice.add_redaction(doc.id, 0, box(), ["5.1.1c"])
    with team.session("bob") as bob:
        bob.approve([red.ref])
    with team.session("alice") as alice:
        alice.withhold_page(doc.id, 1, ["5.1.1d"])
    with team.session("bob") as bob:
        bob.confirm_pages([(doc.id, 0)])
    with team.session("alice") as alice:
        alice.add_redaction(doc.id, 1, box(100, 100, 150, 120), ["5.1.1e"])
        actions = [e.action for e in alice.audit_events()]
        assert actions == [
            "case-created",
            "document-imported",
            "box-created",
            "approved",
            "page-decision-created",
            "page-confirmed",
            "box-created",
        ]
        assert alice.verify_audit().ok


def _forge_middle(location: str) -> None:
    """Shift events 4.. up by one and slip a well-formed event in at 4."""
    prev = scalar(location, "SELECT hash FROM audit_events WHERE seq = 3")
    fields = dict(
        seq=4,
        at="2024-01-01T00:00:00.000000Z",
        reviewer="mallory",
        db_role=None,
        action="approved",
        target="R1",
        document_id=1,
        before=None,
        after={"status": "approved"},
        prev_hash=prev,
    )
    digest = audit.event_hash(**fields)
    sql(
        location,
        "UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 4",
        "UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000",
        "INSERT INTO audit_events (seq, at, reviewer, action, target, document_id, after_json, "
        f"prev_hash, hash) VALUES (4, '{fields['at']}', 'mallory', 'approved', 'R1', 1, "
        f"'{audit.canonical_json(fields['after'])}', '{prev}', '{digest}')",
        "UPDATE audit_head SET seq = seq + 1",
    )


def _forge_end(location: str) -> None:
    """Append a well-formed event after the last one, without moving the head."""
    prev = scalar(location, "SELECT hash FROM audit_events WHERE seq = 7")
    fields = dict(
        seq=8,
        at="2024-01-01T00:00:00.000000Z",
        reviewer="mallory",
        db_role=None,
        action="export",
        target="case",
        document_id=None,
        before=None,
        after={"outdir": "x"},
        prev_hash=prev,
    )
    digest = audit.event_hash(**fields)
    sql(
        location,
        "INSERT INTO audit_events (seq, at, reviewer, action, target, after_json, prev_hash, hash)"
        f" VALUES (8, '{fields['at']}', 'mallory', 'export', 'case', '{{\"outdir\":\"x\"}}', "
        f"'{prev}', '{digest}')",
    )


TAMPERS = {
    "edit-event-reviewer": (
        ["UPDATE audit_events SET reviewer = 'carol' WHERE seq = 4"],
        4,
        "event 4 was edited",
    ),
    "edit-event-after": (
        [
            "UPDATE audit_events SET after_json = replace(after_json, '5.1.1c', '5.1.1a') "
            "WHERE seq = 3"
        ],
        3,
        "event 3 was edited",
    ),
    "delete-middle-event": (["DELETE FROM audit_events WHERE seq = 3"], 4, "event 3 is missing"),
    "delete-last-event": (["DELETE FROM audit_events WHERE seq = 7"], 7, "ends at event 6"),
    "delete-last-event-and-rewind-head": (
        [
            "DELETE FROM audit_events WHERE seq = 7",
            "UPDATE audit_head SET seq = 6, hash = (SELECT hash FROM audit_events WHERE seq = 6)",
        ],
        None,
        "R2 exists in the case but no event created it",
    ),
    "insert-forged-event-in-the-middle": (_forge_middle, 5, "event 5 does not link"),
    "insert-forged-event-at-the-end": (_forge_end, 8, "ends at event 8"),
    "swap-two-events": (
        [
            "UPDATE audit_events SET seq = -1 WHERE seq = 3",
            "UPDATE audit_events SET seq = 3 WHERE seq = 4",
            "UPDATE audit_events SET seq = 4 WHERE seq = -1",
        ],
        3,
        "event 3 does not link",
    ),
    "change-grounds-without-event": (
        ["UPDATE redactions SET grounds = '5.1.1a' WHERE id = 1"],
        None,
        "R1 differs from the audit trail (event 4) in grounds",
    ),
    "approve-without-event": (
        ["UPDATE redactions SET status = 'approved', reviewed_by = 'alice' WHERE id = 2"],
        None,
        "R2 differs from the audit trail (event 7) in reviewed_by, status",
    ),
    "delete-redaction-row": (
        ["DELETE FROM redactions WHERE id = 1"],
        None,
        "R1 was removed from the case without an event; the audit trail (event 4) has it",
    ),
    "change-confirmed-by": (
        ["UPDATE pages SET confirmed_by = 'alice' WHERE document_id = 1 AND page_index = 0"],
        None,
        "D1/p1 differs from the audit trail (event 6) in confirmed_by",
    ),
    "confirm-page-without-event": (
        ["UPDATE pages SET confirmed_by = 'bob' WHERE document_id = 1 AND page_index = 1"],
        None,
        "D1/p2 exists in the case but no event",
    ),
    "delete-every-event": (["DELETE FROM audit_events"], 1, "ends at event 0"),
    "delete-the-head": (["DELETE FROM audit_head"], None, "last event was deleted"),
    "switch-mode-without-event": (
        ["UPDATE case_info SET four_eyes = false"],
        None,
        "case differs from the audit trail (event 1) in four_eyes",
    ),
    "change-page-decision-grounds": (
        ["UPDATE page_decisions SET grounds = '5.1.1c' WHERE id = 1"],
        None,
        "P1 differs from the audit trail (event 5) in grounds",
    ),
}


def _tamper(location: str, how) -> None:
    if callable(how):
        how(location)
    else:
        sql(location, *how)


# Every tamper on SQLite; on PostgreSQL (where each copy costs a CREATE DATABASE) one of each
# kind: an edited, a deleted, a reordered and an inserted event, and decisions changed directly.
ON_POSTGRES = {
    "edit-event-reviewer",
    "delete-middle-event",
    "swap-two-events",
    "insert-forged-event-in-the-middle",
    "change-grounds-without-event",
    "delete-redaction-row",
    "change-confirmed-by",
}
CASES = [pytest.param("sqlite", name, id=f"sqlite-{name}") for name in TAMPERS] + [
    pytest.param("postgres", name, id=f"postgres-{name}", marks=pytest.mark.postgres)
    for name in TAMPERS
    if name in ON_POSTGRES
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """build_case's case, built once per backend on first use; tests tamper with copies."""
    cache: dict[str, Team] = {}

    def get(backend: str) -> Team:
        if backend not in cache:
            folder = tmp_path_factory.mktemp("built")
            if backend == "sqlite":
                team = Team("sqlite", str(folder / "case.redactor"))
            else:
                team = Team("postgres", request.getfixturevalue("postgres_server")())
            build_case(team, folder)
            cache[backend] = team
        return cache[backend]

    return get


@pytest.mark.parametrize(("backend", "name"), CASES)
def test_tampering_is_detected(built, tmp_path: Path, backend: str, name: str) -> None:
    how, seq, needle = TAMPERS[name]
    team = copy_case(built(backend), tmp_path)
    with team.session("bob") as bob:
        assert bob.verify_audit().ok  # the copy is intact before we touch it
    _tamper(team.location, how)
    with team.session("bob") as bob:
        result = bob.verify_audit()
    assert not result.ok
    first = result.problems[0]
    assert first.seq == seq, first
    assert needle in first.message, first.message


@pytest.fixture(scope="module")
def built_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Team:
    folder = tmp_path_factory.mktemp("built")
    team = Team("sqlite", str(folder / "case.redactor"))
    build_case(team, folder)
    return team


def test_untouched_case_verifies_through_the_cli(built_sqlite: Team, tmp_path: Path) -> None:
    team = copy_case(built_sqlite, tmp_path)
    run = run_cli("audit", team.location, "--verify")
    assert run.code == 0 and run.stderr == ""
    listing = json.loads(run_cli("audit", team.location, "--json").stdout)
    assert run.stdout.strip() == (
        "Audit trail intact: 7 events, chain and state agree; "
        f"last event hash {listing[-1]['hash']}."
    )
    assert [e["seq"] for e in listing] == list(range(1, 8))
    assert set(listing[0]) == {
        "seq",
        "at",
        "reviewer",
        "db_role",
        "action",
        "target",
        "document_id",
        "before",
        "after",
        "hash",
    }
    assert listing[3]["before"]["status"] == "proposed"
    assert listing[3]["after"]["status"] == "approved" and listing[3]["reviewer"] == "bob"


@pytest.mark.parametrize(
    "name",
    [
        "edit-event-reviewer",
        "delete-last-event",
        "swap-two-events",
        "insert-forged-event-in-the-middle",
        "change-grounds-without-event",
        "delete-redaction-row",
    ],
)
def test_cli_verify_fails_naming_the_first_broken_event(
    built_sqlite: Team, tmp_path: Path, name: str
) -> None:
    how, seq, needle = TAMPERS[name]
    team = copy_case(built_sqlite, tmp_path)
    _tamper(team.location, how)
    run = run_cli("audit", team.location, "--verify", reviewer="bob")
    where = f"event {seq}" if seq is not None else "the case state"
    line = assert_one_sentence(run, f"audit trail broken at {where}", needle)
    assert run.code == 7, line
    assert run.stdout == ""


def test_cli_verify_json_reports_the_problem(built_sqlite: Team, tmp_path: Path) -> None:
    team = copy_case(built_sqlite, tmp_path)
    _tamper(team.location, TAMPERS["delete-middle-event"][0])
    run = run_cli("audit", team.location, "--verify", "--json", reviewer="bob")
    assert run.code == 7
    report = json.loads(run.stdout)
    assert report["ok"] is False and report["events"] == 6
    assert report["problems"][0]["seq"] == 4
    assert "event 3 is missing" in report["problems"][0]["message"]
