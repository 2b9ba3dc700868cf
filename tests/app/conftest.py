"""Fixtures for the store tests: one case location per backend (SQLite file, PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.store.support import BACKENDS, Team, team_for


@pytest.fixture(params=BACKENDS)
def team(request: pytest.FixtureRequest, tmp_path: Path) -> Team:
    """An empty case location on each backend; `team.session(name)` acts as that reviewer."""
    return team_for(request.param, tmp_path, request)


@pytest.fixture(scope="module")
def module_pg_url(postgres_server: Callable[[], str]) -> str:
    """A PostgreSQL database shared by the tests of one module (emptied before each use)."""
    return postgres_server()
