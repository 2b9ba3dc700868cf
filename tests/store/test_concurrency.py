"""Two real processes writing one case at the same time, on SQLite and on PostgreSQL: nothing is
lost, a conflicting edit is refused (never silently overwritten), and the audit chain still
verifies. And a writer killed mid-way leaves a case that opens with every committed box."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from redactor.core.errors import ConflictError
from redactor.core.geometry import Rect
from redactor.core.model import Redaction
from tests.helpers import REPO_ROOT
from tests.store.support import Team, add_pdf, box, scalar

ROUNDS = 50


def writer(url: str, me: str, other: str, doc: int, shared: int, barrier, out) -> None:
    """Adds ROUNDS boxes; each round both writers move the shared box from the same version
    (exactly one may win), then this writer moves one of the other writer's boxes."""
    from redactor.app.session import CaseSession

    offset = 0.0 if me == "alice" else 100.0
    wins = conflicts = moves = 0
    messages: set[str] = set()
    with CaseSession.open(url, reviewer=me) as session:
        for i in range(ROUNDS):
            session.add_redaction(doc, 0, Rect(offset, 200 + i, offset + 50, 201 + i), ["5.1.1c"])
            seen = session.item(f"R{shared}")
            barrier.wait()  # both have read the same version before either writes
            try:
                session.update_redaction(
                    shared, seen.version, rect=Rect(offset + i, 10, offset + i + 20, 30)
                )
                wins += 1
            except ConflictError as exc:
                conflicts += 1
                messages.add(str(exc))
            barrier.wait()
            theirs = [r for r in session.redactions(doc, 0) if r.author == other]
            if theirs:
                target = theirs[i % len(theirs)]
                session.update_redaction(target.id, target.version, rect=target.rect.moved(0, 100))
                moves += 1
    out.put((me, wins, conflicts, moves, sorted(messages)))


def test_two_processes_write_the_same_case(team: Team, tmp_path: Path) -> None:
    team.create("carol", four_eyes=False)
    with team.session("carol") as carol:
        doc = add_pdf(carol, tmp_path, "letter.pdf").id
        shared = carol.add_redaction(doc, 0, box(), ["5.1.1c"])
        events_before = len(carol.audit_events())
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(2, timeout=60), ctx.Queue()
    procs = [
        ctx.Process(target=writer, args=(team.url_for(me), me, other, doc, shared.id, barrier, out))
        for me, other in (("alice", "bob"), ("bob", "alice"))
    ]
    for p in procs:
        p.start()
    results = {}
    for _ in procs:
        me, *counts = out.get(timeout=120)
        results[me] = counts
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    wins = sum(r[0] for r in results.values())
    conflicts = sum(r[1] for r in results.values())
    moves = sum(r[2] for r in results.values())
    assert (wins, conflicts) == (ROUNDS, ROUNDS)  # every round: one edit saved, one refused
    messages = {m for r in results.values() for m in r[3]}
    assert messages == {
        f"Box R{shared.id} was changed by someone else since you loaded it; your change was "
        "not saved. Reload and try again."
    } or all("changed by someone else" in m for m in messages)
    with team.session("carol") as carol:
        reds = carol.redactions()
        by_author = {a: sum(1 for r in reds if r.author == a) for a in ("alice", "bob")}
        assert by_author == {"alice": ROUNDS, "bob": ROUNDS}  # no lost writes
        assert len(reds) == 2 * ROUNDS + 1
        assert carol.item(shared.ref).version == 1 + ROUNDS
        events = carol.audit_events()
        assert len(events) == events_before + 2 * ROUNDS + wins + moves
        result = carol.verify_audit()
        assert result.ok, result.problems
    # Every box moved by the other writer was moved exactly as often as the events say.
    moved = {e.target for e in events if e.action == "box-moved"} - {shared.ref}
    assert len(moved) >= 1


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from redactor.app.session import CaseSession
    from redactor.core.geometry import Rect
    url, doc = sys.argv[1], int(sys.argv[2])
    with CaseSession.open(url, reviewer="alice") as s:
        for i in range(10_000):
            red = s.add_redaction(doc, i % 2, Rect(10, 10, 60, 30 + (i % 300)), ["5.1.1c"])
            print(red.id, flush=True)
    """
)


def test_a_killed_writer_leaves_a_case_that_opens_with_every_committed_box(
    team: Team, tmp_path: Path
) -> None:
    team.create("alice", four_eyes=False)
    with team.session("alice") as alice:
        doc = add_pdf(alice, tmp_path, "letter.pdf").id
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, team.url_for("alice"), str(doc)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    committed: list[int] = []
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while len(committed) < 25 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(committed) >= 25, proc.stderr.read() if proc.stderr else ""
    with team.session("bob") as bob:
        ids = {r.id for r in bob.redactions()}
        assert set(committed) <= ids  # every box reported as saved is there
        # At most the boxes committed after the last line we read (pipe buffer) are extra.
        assert all(i > max(committed) for i in ids - set(committed))
        result = bob.verify_audit()
        assert result.ok, result.problems
        # The case is writable again: no stale lock survives the killed process.
        bob.add_redaction(doc, 0, box(), ["5.1.1c"])


@pytest.mark.postgres
def test_postgres_writers_queue_instead_of_deadlocking(pg_url: str, tmp_path: Path) -> None:
    """Bob approves two boxes in one transaction while Alice moves one of them.

    Every write transaction must take the audit chain's head first; if Alice could lock her
    box's row before waiting for the head, Bob (holding the head) would wait for her row and
    PostgreSQL would abort one of them as a deadlock. Alice must instead get a clean conflict.
    """
    team = Team("postgres", pg_url)
    team.create("alice")
    with team.session("alice") as a:
        doc = add_pdf(a, tmp_path, "letter.pdf").id
        r1 = a.add_redaction(doc, 0, box(), ["5.1.1c"])
        r2 = a.add_redaction(doc, 1, box(), ["5.1.1c"])
    errors: list[BaseException] = []

    with team.session("alice") as alice, team.session("bob") as bob:

        def alice_moves() -> None:
            try:
                alice.update_redaction(r1.id, r1.version, rect=box(100, 100, 150, 120))
            except BaseException as exc:  # collected and checked below
                errors.append(exc)

        with bob.store.write("bob") as w:
            w.review(w.redaction(r2.id), approve=True)  # Bob's transaction holds the head now
            thread = threading.Thread(target=alice_moves)
            thread.start()
            _wait_for_lock_waiter(pg_url)
            w.review(w.redaction(r1.id), approve=True)
        thread.join(timeout=30)
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), errors
    assert f"Box R{r1.id} was changed by someone else" in str(errors[0])
    with team.session("carol") as carol:
        moved = carol.item(r1.ref)
        assert isinstance(moved, Redaction)
        assert moved.rect == r1.rect  # Bob's approval stands, untouched
        assert carol.verify_audit().ok


def _wait_for_lock_waiter(url: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        waiting = scalar(
            url,
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND datname = current_database()",
        )
        if waiting:
            return
        time.sleep(0.02)
    raise AssertionError("the second writer never waited for a lock")
