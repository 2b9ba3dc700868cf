"""Creating and opening cases on SQLite and PostgreSQL, the Alembic schema, and every way a
location can fail to be a usable case (not a case, too new, locked, read-only, unreachable)."""

from __future__ import annotations

import socket
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from redactor.app.session import CaseSession
from redactor.core.errors import StoreError
from redactor.core.grounds import load_catalog
from redactor.store import database
from redactor.store.case_store import CaseStore
from redactor.store.database import CaseDatabase, head_revision
from redactor.store.location import parse_location
from redactor.store.schema import APPLICATION_ID, metadata
from tests.store.support import Team, add_pdf, box, dump_case, scalar, sql, unchanged

WOO = load_catalog("woo")


def test_create_then_open_sees_the_same_case(team: Team, tmp_path: Path) -> None:
    team.create("alice", title="Dossier 7")
    with team.session("alice") as s:
        info = s.info()
        doc = add_pdf(s, tmp_path, "letter.pdf")
        s.add_redaction(doc.id, 0, box(), ["5.1.1c"])
    assert info.title == "Dossier 7" and info.four_eyes and info.catalog_id == "woo"
    assert info.schema_revision == head_revision()
    with team.session("bob") as s:
        again = s.info()
        assert (again.uid, again.title, again.created_by) == (info.uid, "Dossier 7", "alice")
        assert [d.file_name for d in s.documents()] == ["letter.pdf"]
        assert s.source(doc.id) == (tmp_path / "letter.pdf").read_bytes()
        assert [r.grounds for r in s.redactions()] == [("5.1.1c",)]
        assert s.verify_audit().ok
        assert scalar(team.location, "SELECT application FROM case_info") == APPLICATION_ID


def test_creating_over_an_existing_case_is_refused(team: Team) -> None:
    team.create()
    before = dump_case(team.location)
    with pytest.raises(StoreError, match="already"):
        CaseSession.create(team.location, reviewer="bob")
    assert dump_case(team.location) == before


def test_alembic_migration_matches_schema_metadata(team: Team) -> None:
    team.create()
    db = CaseDatabase.connect(parse_location(team.location), create=False)
    try:
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        db.close()
    assert diffs == []


def test_a_case_from_a_newer_version_is_refused_and_left_alone(team: Team) -> None:
    team.create()
    sql(team.location, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with unchanged(team.location), pytest.raises(StoreError) as err:
        CaseStore.open(team.location)
    message = str(err.value)
    assert "newer version of Redactor" in message and "9999_from_the_future" in message


# --- SQLite files that are not cases ---------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _empty_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 3")  # forces SQLite to write a (table-less) database
    conn.commit()
    conn.close()


def _other_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()


def _foreign_case_info(path: Path) -> None:
    """Another program's database that happens to have a table named like ours."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE case_info (id INTEGER PRIMARY KEY, court TEXT)")
    conn.execute("INSERT INTO case_info (court) VALUES ('Rechtbank')")
    conn.commit()
    conn.close()


def _foreign_application(path: Path) -> None:
    """Our schema, but not written by Redactor (application id differs)."""
    CaseSession.create(str(path), reviewer="alice").close()
    sql(str(path), "UPDATE case_info SET application = 'something-else'")


@pytest.mark.parametrize(
    "make",
    [
        _random_bytes,
        _empty_file,
        _empty_sqlite,
        _other_tables,
        _foreign_case_info,
        _foreign_application,
    ],
)
def test_a_file_that_is_not_a_case_is_refused_and_not_touched(make, tmp_path: Path) -> None:
    path = tmp_path / "thing.redactor"
    make(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        CaseStore.open(str(path))
    assert str(err.value).startswith(f"{path} is not a Redactor case"), str(err.value)
    assert path.read_bytes() == before  # not even converted to WAL mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.redactor"]


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="There is no case at"):
        CaseStore.open(str(tmp_path / "nothing.redactor"))
    with pytest.raises(StoreError, match="is a folder, not a Redactor case"):
        CaseStore.open(str(tmp_path))
    with pytest.raises(StoreError, match="does not exist; create it first"):
        CaseStore.create(
            str(tmp_path / "no" / "x.redactor"),
            title="t",
            catalog=WOO,
            four_eyes=False,
            reviewer="a",
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "text", ["sqlite://", "sqlite:///:memory:", "mysql://u@h/db", "post gres://x"]
)
def test_unusable_urls_are_refused(text: str) -> None:
    with pytest.raises(StoreError):
        parse_location(text)


def test_the_case_file_uses_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "c.redactor"
    CaseSession.create(str(path), reviewer="alice").close()
    assert scalar(str(path), "PRAGMA journal_mode") == "wal"


# --- locked and unreachable ------------------------------------------------------------------


def test_a_locked_case_gives_the_locked_sentence(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "c.redactor"
    with CaseSession.create(str(path), reviewer="alice") as s:
        doc = add_pdf(s, tmp_path, "a.pdf")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = dump_case(str(path))
        with CaseSession.open(str(path), reviewer="alice") as s:
            assert s.documents()  # reading still works while another program writes (WAL)
            with pytest.raises(StoreError) as err:
                s.add_redaction(doc.id, 0, box(), ["5.1.1c"])
        assert str(err.value) == (
            f"The case {path} is locked by another program; try again in a moment."
        )
    finally:
        holder.rollback()
        holder.close()
    assert dump_case(str(path)) == before


def test_a_writer_waits_for_a_short_lock_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "c.redactor"
    with CaseSession.create(str(path), reviewer="alice") as s:
        doc = add_pdf(s, tmp_path, "a.pdf")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, holder.rollback)
    release.start()
    try:
        with CaseSession.open(str(path), reviewer="alice") as s:
            s.add_redaction(doc.id, 0, box(), ["5.1.1c"])
            assert len(s.redactions()) == 1
    finally:
        release.join()
        holder.close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when we leave: nobody listens there


def test_an_unreachable_database_is_one_sentence() -> None:
    url = f"postgresql+psycopg://alice:s3cret@127.0.0.1:{_closed_port()}/case"
    for attempt in (CaseStore.open, lambda u: CaseSession.create(u, reviewer="a")):
        with pytest.raises(StoreError) as err:
            attempt(url)
        message = str(err.value)
        assert message.startswith("The database postgresql+psycopg://alice:***@127.0.0.1:")
        assert "cannot be reached" in message and "s3cret" not in message
        assert "\n" not in message


@pytest.mark.postgres
def test_an_empty_postgres_database_is_not_a_case(pg_url: str) -> None:
    with pytest.raises(StoreError, match="is not a Redactor case"):
        CaseStore.open(pg_url)
    assert dump_case(pg_url) == {}


@pytest.mark.postgres
def test_a_non_empty_postgres_database_is_not_used_for_a_new_case(pg_url: str) -> None:
    sql(pg_url, "CREATE TABLE invoices (id int)", "INSERT INTO invoices VALUES (1)")
    CaseSession.create(pg_url, reviewer="alice").close()
    assert dump_case(pg_url)["invoices"] == [(1,)]  # the other table is left as it was
