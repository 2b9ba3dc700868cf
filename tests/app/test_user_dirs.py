"""The per-user folders: an environment override when set, else the platform's folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from redactor.app.user_dirs import user_dir


def test_the_override_wins_when_set_and_not_empty(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REDACTOR_TEST_DIR", str(tmp_path))
    assert user_dir("cache", "REDACTOR_TEST_DIR") == tmp_path
    monkeypatch.setenv("REDACTOR_TEST_DIR", "")
    assert user_dir("cache", "REDACTOR_TEST_DIR") == Path(
        platformdirs.user_cache_dir("redactor", appauthor=False)
    )


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("cache", platformdirs.user_cache_dir),
        ("config", platformdirs.user_config_dir),
        ("data", platformdirs.user_data_dir),
        ("log", platformdirs.user_log_dir),
    ],
)
def test_each_kind_is_the_platforms_folder_of_that_kind(kind: str, expected: object) -> None:
    assert user_dir(kind, None) == Path(expected("redactor", appauthor=False))  # type: ignore[arg-type, operator]
