"""Shared by the store, app and CLI tests: case locations on both backends, reviewers as
PostgreSQL roles, PDFs on disk, and a dump of every table to prove a case did not change.

Import as `from tests.store.support import ...`. Nothing here runs at import time.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from redactor.app.session import CaseSession
from redactor.core.geometry import Rect
from tests.helpers import REPO_ROOT, make_text_pdf

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
REDACTOR = [sys.executable, "-m", "redactor"]
# Small pages keep the PDFs tiny; every test rectangle fits inside.
SMALL = (300.0, 400.0)


@dataclass
class Team:
    """A case location plus a way to act as a named reviewer on it.

    On SQLite a reviewer is the name typed (`--as`); on PostgreSQL the tool takes the database
    role as the identity, so each reviewer is a real role with rights on the case's tables.
    """

    backend: str
    location: str  # the SQLite path or the superuser's URL
    _roles: set[str] = field(default_factory=set)

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    def url_for(self, reviewer: str) -> str:
        if self.is_sqlite:
            return self.location
        self._ensure_role(reviewer)
        return make_url(self.location).set(username=reviewer).render_as_string(hide_password=False)

    def session(self, reviewer: str) -> CaseSession:
        session = CaseSession.open(self.url_for(reviewer), reviewer=reviewer)
        assert session.reviewer == reviewer  # on PostgreSQL: the role, which we named alike
        return session

    def create(self, reviewer: str = "alice", *, four_eyes: bool = True, title: str = "") -> None:
        """Create the case as `reviewer` (on PostgreSQL: as that role, which owns the tables)."""
        if not self.is_sqlite:
            self._ensure_role(reviewer, create=True)
        CaseSession.create(
            self.url_for(reviewer), reviewer=reviewer, four_eyes=four_eyes, title=title
        ).close()

    def _ensure_role(self, role: str, *, create: bool = False) -> None:
        with psycopg.connect(conninfo(self.location), autocommit=True) as conn:
            if role not in self._roles:
                exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
                if not exists.fetchone():
                    with contextlib.suppress(psycopg.errors.DuplicateObject):
                        conn.execute(f'CREATE ROLE "{role}" LOGIN')
                self._roles.add(role)
            if create:
                conn.execute(f'GRANT CREATE ON SCHEMA public TO "{role}"')
            # Tables appear when the case is created: grant every time (cheap, idempotent).
            conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"')
            conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"')


def copy_case(team: Team, folder: Path) -> Team:
    """A copy of a finished case (cheap): the SQLite file, or a PostgreSQL database cloned from
    the original as a template. Close every session on `team` first."""
    if team.is_sqlite:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / Path(team.location).name
        target.write_bytes(Path(team.location).read_bytes())
        assert not Path(team.location + "-wal").exists()  # closed cleanly: one self-contained file
        return Team("sqlite", str(target))
    url = make_url(team.location)
    name = f"{url.database}_copy_{next(_copies)}"
    admin = conninfo(url.set(database="postgres").render_as_string(hide_password=False))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}" STRATEGY FILE_COPY')
    return Team("postgres", url.set(database=name).render_as_string(hide_password=False))


_copies = itertools.count(1)


def conninfo(sqlalchemy_url: str) -> str:
    url = make_url(sqlalchemy_url)
    return f"host={url.host} port={url.port} user={url.username} dbname={url.database}"


def team_for(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Team:
    if backend == "sqlite":
        return Team(backend, str(tmp_path / "case.redactor"))
    # One database per test module, emptied before each test: as fresh as a new database for
    # the code under test, without paying ~0.25 s for a CREATE DATABASE every time.
    url = request.getfixturevalue("module_pg_url")
    empty_database(url)
    return Team(backend, url)


def empty_database(url: str) -> None:
    """Drop everything in the public schema and recreate it as a new database has it."""
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
        conn.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")


# --- PDFs ------------------------------------------------------------------------------------


def write_pdf(folder: Path, name: str, pages: Sequence[str] = ("page one", "page two")) -> Path:
    path = folder / name
    make_text_pdf(path, list(pages), size=SMALL)
    return path


def add_pdf(session: CaseSession, folder: Path, name: str, pages: Sequence[str] = ("one", "two")):
    # Distinct names give distinct bytes (the text differs), so no accidental duplicates.
    texts = [f"{name} {t}" for t in pages]
    return session.add_documents([write_pdf(folder, name, texts)])[0]


def box(x0: float = 10, y0: float = 10, x1: float = 60, y1: float = 30) -> Rect:
    return Rect(x0, y0, x1, y1)


# --- proving that a case did not change ------------------------------------------------------


def dump_case(location: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order, read without writing to the case."""
    if "://" not in location:
        return _dump_sqlite(Path(location))
    engine = create_engine(location, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            return {name: _rows(conn, name) for name in names}
    finally:
        engine.dispose()


def _rows(conn: Any, table: str) -> list[tuple[Any, ...]]:
    rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
    return sorted((tuple(r) for r in rows), key=repr)


def _dump_sqlite(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    # A plain connection (not mode=ro): reading writes nothing, and closing it removes the
    # -wal/-shm files again, whereas a read-only connection would leave them behind.
    if not path.is_file():
        raise FileNotFoundError(path)
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        conn.close()


def sql(location: str, *statements: str) -> None:
    """Run statements directly against the database, bypassing Redactor (tamper tests)."""
    if "://" not in location:
        conn = sqlite3.connect(location)
        try:
            with conn:
                for statement in statements:
                    conn.execute(statement)
        finally:
            conn.close()
        return
    with psycopg.connect(conninfo(location)) as pg:
        for statement in statements:
            pg.execute(statement)
        pg.commit()


def scalar(location: str, query: str) -> Any:
    if "://" not in location:
        conn = sqlite3.connect(location)
        try:
            return conn.execute(query).fetchone()[0]
        finally:
            conn.close()
    with psycopg.connect(conninfo(location)) as pg:
        row = pg.execute(query).fetchone()
        return row[0] if row else None


# --- the command line as a real process --------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_cli(
    *args: str | Path,
    reviewer: str | None = "alice",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
    python_prelude: str | None = None,
    timeout: float = 60,
) -> Run:
    """`python -m redactor ARGS` in a fresh process, as reviewer (via --as)."""
    argv = [str(a) for a in args]
    if reviewer is not None:
        argv = ["--as", reviewer, *argv]
    if python_prelude is None:
        command = [*prefix, *REDACTOR, *argv]
    else:  # patch something in the child before the CLI starts (e.g. a short busy timeout)
        code = f"{python_prelude}\nfrom redactor.cli import main\nmain({argv!r})"
        command = [*prefix, sys.executable, "-c", code]
    full_env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "200", **(env or {})}
    full_env.pop("REDACTOR_REVIEWER", None)
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_one_sentence(run: Run, *needles: str) -> str:
    """Non-zero exit, exactly one line on stderr containing every needle, no traceback."""
    assert run.code != 0, f"expected a failure, got exit 0: {run.stdout}"
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    lines = run.error_lines
    assert len(lines) == 1, f"expected one line on stderr, got: {run.stderr!r}"
    line = lines[0]
    assert line.startswith("redactor: "), line
    for needle in needles:
        assert needle.lower() in line.lower(), f"{needle!r} not in {line!r}"
    return line


@contextlib.contextmanager
def unchanged(location: str) -> Iterator[Callable[[], dict[str, list[tuple[Any, ...]]]]]:
    """Assert that the block leaves every table of the case exactly as it was."""
    before = dump_case(location)
    yield lambda: before
    after = dump_case(location)
    assert after == before, _diff(before, after)


def _diff(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> str:
    changed = [t for t in sorted(set(before) | set(after)) if before.get(t) != after.get(t)]
    return f"the case changed in tables: {', '.join(changed)}"
