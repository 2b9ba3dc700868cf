"""Timestamps as ISO-8601 UTC strings: portable across SQLite and PostgreSQL and stable to hash."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
