"""The one storage boundary: engine set-up, transactions, schema migrations, and the mapping of
database errors to sentences a user can act on (qutebrowser's KnownError/BugError split).
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from redactor.core.errors import StoreError
from redactor.store.location import CaseLocation

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
# How long a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def _scripts() -> ScriptDirectory:
    """The migrations shipped with this version. Reading them means importing every migration
    file, so it is done once per process: they cannot change while it runs."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    """Whether this version of Redactor has a migration with this id."""
    try:
        _scripts().get_revision(revision)
    except Exception:
        return False
    return True


class CaseDatabase:
    """An open connection pool to one case database."""

    def __init__(self, engine: Engine, location: CaseLocation) -> None:
        self.engine = engine
        self.location = location

    # -- opening --------------------------------------------------------------------------

    @classmethod
    def connect(cls, location: CaseLocation, *, create: bool) -> CaseDatabase:
        if location.is_sqlite:
            assert location.path is not None
            _check_sqlite_path(location.path, create=create)
            # The default pool keeps connections open: NullPool reconnected (and fsynced on
            # close) for every read, which GUI polling would pay every few seconds.
            engine = create_engine(location.url)
            _configure_sqlite(engine)
        else:
            engine = create_engine(location.url, pool_pre_ping=True, pool_size=2)
        db = cls(engine, location)
        with db.translate_errors(), engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return db

    def close(self) -> None:
        self.engine.dispose()

    # -- schema -----------------------------------------------------------------------------

    def revision(self) -> str | None:
        # Alembic's own table, read directly: its MigrationContext costs a millisecond or two
        # of set-up on every call, and the window reads the revision when it opens a case.
        with self.read() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            heads = list(versions)
        if len(heads) > 1:
            raise StoreError(
                "The case {where} could not be used: {reason}.",
                where=self.location.display,
                reason="several schema versions",
            )
        return heads[0] if heads else None

    def has_table(self, name: str) -> bool:
        with self.translate_errors(), self.engine.connect() as conn:
            return inspect(conn).has_table(name)

    def check_revision(self) -> str | None:
        """The case's schema revision; refuse a case written by a newer Redactor."""
        current = self.revision()
        if current is None:
            return None
        if not known_revision(current):
            raise StoreError(
                "The case {where} was written by a newer version of "
                "Redactor (schema {schema}); install that version or newer to open it.",
                where=self.location.display,
                schema=current,
            )
        return current

    def migrate(self, checked: str | None = None) -> None:
        """Bring the schema to this version's head, refusing a case from a newer version.

        `checked`: the revision `check_revision` just returned, so it is not read twice (the
        upgrade reads it again in its own transaction, so a case migrated meanwhile is fine).
        """
        current = checked if checked is not None else self.check_revision()
        head = head_revision()
        if current == head:
            return
        log.info("migrating %s from %s to %s", self.location.display, current, head)
        with self.transaction() as conn:
            command.upgrade(alembic_config(conn), "head")

    def enable_wal(self) -> None:
        """Put a SQLite case in WAL mode (persistent in the file) so readers never wait."""
        if not self.location.is_sqlite:
            return
        with self.translate_errors():
            raw = self.engine.raw_connection()
            try:
                cur = raw.cursor()
                mode = cur.execute("PRAGMA journal_mode").fetchone()
                if mode and str(mode[0]).lower() != "wal":
                    mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
                cur.close()
            finally:
                raw.close()
        if mode and str(mode[0]).lower() != "wal":
            log.warning("SQLite refused WAL mode (%s); concurrent readers may wait", mode[0])

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: everything inside commits together or not at all."""
        with self.translate_errors(), self.engine.connect() as conn:
            conn = conn.execution_options(redactor_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (one transaction, so related reads agree)."""
        with self.translate_errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def translate_errors(self) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except (OperationalError, DBAPIError) as exc:
            raise self._error(exc) from exc
        except SQLAlchemyError as exc:
            raise StoreError(
                "The case {where} could not be used: {reason}.",
                where=self.location.display,
                reason=exc.__class__.__name__,
            ) from exc

    def _error(self, exc: DBAPIError) -> StoreError:
        where = self.location.display
        text = str(exc.orig if exc.orig is not None else exc).strip().splitlines()[0]
        low = text.lower()
        if "database is locked" in low or "database is busy" in low:
            return StoreError(
                "The case {where} is locked by another program; try again in a moment.", where=where
            )
        if "readonly" in low or "read-only" in low:
            return StoreError(
                "The case {where} is read-only; copy it to a writable place or ask for write access.",
                where=where,
            )
        if "file is not a database" in low or "not a database" in low:
            return StoreError(
                "{where} is not a Redactor case (the file is not a database).", where=where
            )
        if "disk is full" in low or "no space" in low:
            return StoreError(
                "The disk holding the case {where} is full; nothing was changed.", where=where
            )
        if "unable to open database" in low:
            return StoreError(
                "The case {where} cannot be opened; check that the folder exists and is accessible.",
                where=where,
            )
        # PostgreSQL: errors the server reports carry a SQLSTATE; failing to reach it does not.
        state = getattr(exc.orig, "sqlstate", None)
        if state and str(state).startswith("40"):  # deadlock or serialization failure
            return StoreError(
                "The case {where} was being changed by someone else at the same moment; "
                "nothing was saved, try again.",
                where=where,
            )
        if not self.location.is_sqlite and isinstance(exc, OperationalError) and not state:
            return StoreError(
                "The database {where} cannot be reached: {reason}.", where=where, reason=text
            )
        return StoreError("The case {where} could not be used: {reason}.", where=where, reason=text)


def _check_sqlite_path(path: Path, *, create: bool) -> None:
    if create:
        if path.exists():
            raise StoreError(
                "{path} already exists; choose another name for the new case.", path=path
            )
        if not path.parent.is_dir():
            raise StoreError(
                "The folder {folder} does not exist; create it first.", folder=path.parent
            )
        return
    if not path.exists():
        raise StoreError("There is no case at {path}.", path=path)
    if path.is_dir():
        raise StoreError("{path} is a folder, not a Redactor case.", path=path)
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(
            "{path} is not a Redactor case (the file is not a case database).", path=path
        )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Take transaction control from the driver so that BEGIN IMMEDIATE is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        # WAL mode is set once on the case file (CaseDatabase.enable_wal), not here: setting
        # it on every connection would rewrite any SQLite file we merely look at.
        # FULL: a committed decision survives a power cut, not only a crashed process.
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write transaction takes the write lock up front; a deferred BEGIN that upgrades
        # later can fail with SQLITE_BUSY without waiting, losing the reviewer's change.
        write = conn.get_execution_options().get("redactor_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
