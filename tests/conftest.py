"""Root fixtures: a real PostgreSQL server for the session, and failing on logged warnings."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Generator, Iterator

import pytest

# Every test that touches Qt (GUI tests, icon rendering in the packaging tests) runs without a
# display, so the README's test command works the same on a desktop, a server and in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers import skip_or_fail
from tests.pg_server import PostgresServer, PostgresUnavailable, find_pg_bin

pytest_plugins = ("pytester",)

# --- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Callable[[], str]]:
    """A real PostgreSQL server for the whole session; yields `new_database() -> URL`.

    Each call creates a fresh, empty database and returns its SQLAlchemy URL
    (`postgresql+psycopg://...`). Skipped locally, failed under CI=true, when the PostgreSQL
    binaries are missing. Started only by the first test that asks for it.
    """
    bin_dir = find_pg_bin()
    if bin_dir is None:
        skip_or_fail("the PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except PostgresUnavailable as exc:
        server.stop()
        skip_or_fail(f"cannot start a PostgreSQL server: {exc}")
    try:
        yield server.new_database
    finally:
        server.stop()


@pytest.fixture
def pg_url(postgres_server: Callable[[], str]) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test."""
    return postgres_server()


# --- fail tests that log unexpected warnings (after qutebrowser's logfail) -------------------


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        records, self.records = self.records, []
        return records


_collector_key = pytest.StashKey[_WarningCollector]()


def _describe(records: list[logging.LogRecord]) -> str:
    lines = [f"  {r.levelname} {r.name}: {r.getMessage()}" for r in records]
    return (
        "the test logged WARNING or worse from a redactor logger (mark it "
        "@pytest.mark.allow_warnings if that is expected):\n" + "\n".join(lines)
    )


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(request: pytest.FixtureRequest) -> Generator[None, None, None]:
    """Collect WARNING+ records from `redactor.*`; the test fails if it logged any.

    Opt out with @pytest.mark.allow_warnings (then assert on them with caplog).
    """
    if request.node.get_closest_marker("allow_warnings") is not None:
        yield
        return
    logger = logging.getLogger("redactor")
    collector = _WarningCollector()
    logger.addHandler(collector)
    request.node.stash[_collector_key] = collector
    try:
        yield
    finally:
        logger.removeHandler(collector)
    late = collector.take()  # logged during teardown, after the check in pytest_runtest_call
    if late:
        pytest.fail(_describe(late), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    # Checked here rather than in the fixture's teardown so that the test is reported as
    # FAILED, not as an error in teardown.
    result = yield
    collector = item.stash.get(_collector_key, None)
    if collector is not None:
        records = collector.take()
        if records:
            pytest.fail(_describe(records), pytrace=False)
    return result
