"""Where a case lives: a SQLite file path or a database URL, and how to show it safely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from redactor.core.errors import StoreError


@dataclass(frozen=True, slots=True)
class CaseLocation:
    url: URL
    path: Path | None  # the file for SQLite cases

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def display(self) -> str:
        """The location as shown to users: never with a password in it."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)


def parse_location(text: str) -> CaseLocation:
    """A case is a file path (SQLite) or a SQLAlchemy URL such as postgresql+psycopg://..."""
    if "://" not in text:
        path = Path(text).expanduser()
        return CaseLocation(URL.create("sqlite", database=str(path)), path)
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise StoreError(
            "'{text}' is neither a file path nor a database URL: {reason}.", text=text, reason=exc
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreError("A SQLite case needs a file; in-memory databases cannot hold a case.")
        return CaseLocation(url, Path(url.database))
    if backend != "postgresql":
        raise StoreError(
            "Database type '{backend}' is not supported; use a file path (SQLite) or a "
            "postgresql+psycopg:// URL.",
            backend=backend,
        )
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return CaseLocation(url, None)
