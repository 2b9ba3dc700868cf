"""The shared test infrastructure works: a real PostgreSQL server, the warning check, helpers."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests import helpers


def _conninfo(sqlalchemy_url: str) -> str:
    url = make_url(sqlalchemy_url)
    return f"host={url.host} port={url.port} user={url.username} dbname={url.database}"


@pytest.mark.postgres
def test_postgres_database_is_real_and_writable(pg_url: str) -> None:
    assert pg_url.startswith("postgresql+psycopg://")
    with psycopg.connect(_conninfo(pg_url)) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        assert version is not None and int(version[0]) >= 150000
        conn.execute("CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL)")
        conn.execute("INSERT INTO note (body) VALUES (%s), (%s)", ("één", "two"))
        conn.commit()
    # A second connection sees the committed rows: it is a server, not an in-process fake.
    with psycopg.connect(_conninfo(pg_url)) as conn:
        rows = conn.execute("SELECT body FROM note ORDER BY id").fetchall()
    assert rows == [("één",), ("two",)]


@pytest.mark.postgres
def test_each_database_is_fresh(postgres_server: Callable[[], str]) -> None:
    first, second = postgres_server(), postgres_server()
    assert first != second
    with psycopg.connect(_conninfo(first)) as conn:
        conn.execute("CREATE TABLE only_here (x int)")
        conn.commit()
    with psycopg.connect(_conninfo(second)) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)


def test_logged_warning_fails_the_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(helpers.REPO_ROOT))
    pytester.makeconftest(
        "from tests.conftest import _fail_on_logged_warnings, pytest_runtest_call\n"
    )
    pytester.makepyfile(
        """
        import logging
        import pytest

        def test_warns():
            logging.getLogger("redactor.some.module").warning("something odd")

        def test_info_is_fine():
            logging.getLogger("redactor.some.module").info("all good")

        def test_other_library_is_fine():
            logging.getLogger("sqlalchemy").warning("not ours")

        @pytest.mark.allow_warnings
        def test_allowed(caplog):
            logging.getLogger("redactor.x").error("expected")
            assert "expected" in caplog.text
        """
    )
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-o", "markers=allow_warnings: opt out"
    )
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*WARNING redactor.some.module: something odd*"])


def test_require_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    assert helpers.require_tool("sh").endswith("/sh")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        helpers.require_tool("no-such-tool-redactor")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        helpers.require_tool("no-such-tool-redactor")


def test_corpus_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv(helpers.CORPUS_ENV, str(tmp_path))
    assert helpers.corpus_dir() == tmp_path.resolve()
    assert helpers.corpus_files() == []
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        helpers.require_corpus()
    monkeypatch.delenv(helpers.CORPUS_ENV)
    assert helpers.corpus_dir() == helpers.REPO_ROOT.parent / "shared" / "corpus"
