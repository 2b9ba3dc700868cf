"""Every bad input of issue 2, through the real command line (`python -m redactor` in a fresh
process): one sentence on stderr naming the file and the problem, a non-zero exit status, no
traceback, and the case exactly as it was."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import encrypt_pdf, make_text_pdf, require_tool
from tests.store.support import (
    SMALL,
    Team,
    assert_one_sentence,
    copy_case,
    dump_case,
    run_cli,
    sql,
    unchanged,
    write_pdf,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Team:
    """A four-eyes case holding letter.pdf (2 pages, 300 x 400 pt), built once."""
    folder = tmp_path_factory.mktemp("built")
    team = Team("sqlite", str(folder / "case.redactor"))
    team.create("alice")
    with team.session("alice") as s:
        s.add_documents([write_pdf(folder, "letter.pdf", ["Dear Sir", "Kind regards"])])
    return team


@pytest.fixture
def case(built: Team, tmp_path: Path) -> str:
    return copy_case(built, tmp_path / "case").location


def _pdf_bytes(text: str = "hello") -> bytes:
    return make_text_pdf(None, [text], size=SMALL)


FILES = {
    "not-a-pdf": (lambda p: p.write_text("Dear Sir, this is plain text.\n"), "has no %PDF header"),
    "empty": (lambda p: p.write_bytes(b""), "is an empty file (0 bytes)"),
    # Cut before the page objects (MuPDF repairs a file cut later, and intake accepts that).
    "truncated": (lambda p: p.write_bytes(_pdf_bytes()[:250]), "is damaged or truncated"),
    "password": (
        lambda p: p.write_bytes(encrypt_pdf(_pdf_bytes(), "geheim")),
        "is protected with a password",
    ),
}


@pytest.mark.parametrize("kind", list(FILES))
def test_add_refuses_a_bad_file(case: str, tmp_path: Path, kind: str) -> None:
    make, needle = FILES[kind]
    bad = tmp_path / f"{kind}.pdf"
    make(bad)
    good = write_pdf(tmp_path, "good.pdf", ["fine"])
    with unchanged(case):
        run = run_cli("add", case, good, bad)  # the good file is not added either
    assert_one_sentence(run, f"{kind}.pdf", needle)
    assert run.code == 2


def test_add_refuses_a_duplicate(case: str, built: Team, tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-letter.pdf"
    shutil.copy(Path(built.location).parent / "letter.pdf", copy)
    with unchanged(case):
        run = run_cli("add", case, copy)
    assert_one_sentence(
        run, "copy-of-letter.pdf is already in the case as document 1 (letter.pdf, same SHA-256)"
    )


MARKS = {
    "page-out-of-range": (
        ["mark", "{case}", "letter.pdf", "3", "10", "10", "60", "30", "--ground", "5.1.1c"],
        "letter.pdf has 2 page(s); there is no page 3",
    ),
    "page-zero": (
        ["withhold", "{case}", "letter.pdf", "0", "--ground", "5.1.1c"],
        "letter.pdf has 2 page(s); there is no page 0",
    ),
    "rectangle-outside": (
        ["mark", "{case}", "letter.pdf", "1", "10", "10", "400", "30", "--ground", "5.1.1c"],
        "Page 1 of letter.pdf: the rectangle [10, 10, 400, 30] lies outside the page, "
        "which is 300 x 400 pt",
    ),
    "zero-size": (
        ["mark", "{case}", "1", "2", "10", "10", "10", "30", "--ground", "5.1.1c"],
        "Page 2 of letter.pdf: the rectangle [10, 10, 10, 30] has zero size",
    ),
    "unknown-ground": (
        ["mark", "{case}", "letter.pdf", "1", "10", "10", "60", "30", "--ground", "5.1.2ee"],
        "Page 1 of letter.pdf: unknown ground '5.1.2ee' in catalog woo; did you mean 5.1.2e",
    ),
    "unknown-ground-withhold": (
        ["withhold", "{case}", "letter.pdf", "2", "--ground", "5.1.9"],
        "Page 2 of letter.pdf: unknown ground '5.1.9'",
    ),
    "unknown-document": (
        ["mark", "{case}", "brief.pdf", "1", "10", "10", "60", "30", "--ground", "5.1.1c"],
        "There is no document 'brief.pdf' in this case",
    ),
    "unknown-item": (["approve", "{case}", "R99"], "There is no box R99 in this case"),
    "missing-file": (["add", "{case}", "nothing-here.pdf"], "nothing-here.pdf does not exist"),
    "bad-item-id": (["reject", "{case}", "X1", "--reason", "no"], "'X1' is not an item id"),
}


@pytest.mark.parametrize("kind", list(MARKS))
def test_bad_marks_and_references(case: str, kind: str) -> None:
    args, needle = MARKS[kind]
    with unchanged(case):
        run = run_cli(*[a.format(case=case) for a in args])
    assert_one_sentence(run, needle)


def test_a_plan_with_one_bad_entry_changes_nothing(case: str, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "documents": [
                    {
                        "file": "letter.pdf",
                        "redactions": [
                            {"page": 1, "rect": [10, 10, 60, 30], "grounds": ["5.1.1c"]},
                            {"page": 2, "rect": [10, 10, 60, 30], "grounds": ["5.1.1c"]},
                            {"page": 5, "rect": [10, 10, 60, 30], "grounds": ["5.1.1c"]},
                        ],
                        "withhold_pages": [{"page": 2, "grounds": ["5.1.1d"]}],
                    }
                ]
            }
        )
    )
    with unchanged(case):
        run = run_cli("import-plan", case, plan)
    assert_one_sentence(
        run, "plan.json, 'letter.pdf', redaction 3: letter.pdf has 2 page(s); there is no page 5"
    )


# --- cases that cannot be used -----------------------------------------------------------------


def _sqlite_with_other_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(os.urandom(3000)),
        lambda p: p.write_bytes(b""),
        _sqlite_with_other_tables,
        lambda p: p.write_bytes(_pdf_bytes()),  # a PDF given where the case belongs
    ],
    ids=["random-bytes", "empty-file", "other-sqlite-db", "a-pdf"],
)
def test_not_a_case(tmp_path: Path, make) -> None:
    path = tmp_path / "dossier.redactor"
    make(path)
    before = path.read_bytes()
    run = run_cli("list", path)
    assert_one_sentence(run, str(path), "is not a Redactor case")
    assert run.code == 5
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.redactor"]


def test_a_case_from_a_newer_version(case: str) -> None:
    sql(case, "UPDATE alembic_version SET version_num = 'f00d_future'")
    with unchanged(case):
        run = run_cli("list", case)
    assert_one_sentence(run, case, "written by a newer version of Redactor (schema f00d_future)")


def test_a_locked_case(case: str) -> None:
    holder = sqlite3.connect(case, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with unchanged(case):
            run = run_cli(
                "mark",
                case,
                "letter.pdf",
                "1",
                "10",
                "10",
                "60",
                "30",
                "--ground",
                "5.1.1c",
                python_prelude="import redactor.store.database as d; d.BUSY_TIMEOUT_MS = 300",
            )
    finally:
        holder.rollback()
        holder.close()
    line = assert_one_sentence(run, case, "is locked by another program")
    assert line == f"redactor: The case {case} is locked by another program; try again in a moment."
    assert run.code == 5


def test_an_unreachable_database_url() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql+psycopg://reviewer:hunter2@127.0.0.1:{port}/dossier"
    for args in (["list", url], ["new", url, "--four-eyes"]):
        run = run_cli(*args)
        line = assert_one_sentence(run, f"127.0.0.1:{port}/dossier", "cannot be reached")
        assert "hunter2" not in run.stderr + run.stdout, line
        assert run.code == 5


# --- read-only cases ---------------------------------------------------------------------------


def _without_root_powers() -> list[str]:
    """A prefix that runs a command without the capabilities that let root ignore file modes.

    The suite runs as root in containers, and root writes to a 0444 file regardless. Dropping
    CAP_DAC_OVERRIDE (and friends) from the bounding set makes the child obey file modes like
    any user, while it can still run the interpreter under /root.
    """
    if os.geteuid() != 0:
        return []
    return [require_tool("setpriv"), "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


MARK = ["mark", "{case}", "letter.pdf", "1", "10", "10", "60", "30", "--ground", "5.1.1c"]


def test_a_read_only_case_file(case: str) -> None:
    path = Path(case)
    path.chmod(0o444)
    try:
        with unchanged(case):
            run = run_cli(*[a.format(case=case) for a in MARK], prefix=_without_root_powers())
            listing = run_cli("list", case, "--json", prefix=_without_root_powers())
    finally:
        path.chmod(0o644)
    assert_one_sentence(run, case, "is read-only")
    assert run.code == 5
    assert listing.code == 0, listing.stderr  # reading a read-only case still works
    assert json.loads(listing.stdout)["documents"][0]["file"] == "letter.pdf"


def test_a_case_in_a_read_only_folder(case: str) -> None:
    folder = Path(case).parent
    before = dump_case(case)  # before the chmod: this read leaves no -wal/-shm files behind
    assert sorted(p.name for p in folder.iterdir()) == ["case.redactor"]
    folder.chmod(0o555)
    try:
        run = run_cli(*[a.format(case=case) for a in MARK], prefix=_without_root_powers())
    finally:
        folder.chmod(0o755)
    assert dump_case(case) == before
    # SQLite's WAL mode needs to create files next to the case, so the folder matters too.
    assert_one_sentence(run, case, "read-only")
    assert run.code == 5
