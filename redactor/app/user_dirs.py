"""The per-user folders Redactor keeps its files in, each with an environment override.

The overrides serve tests and portable installs; without one, platformdirs picks the
platform's usual place (XDG on Linux, AppData on Windows, Library on macOS)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import platformdirs

APP_NAME = "redactor"
LOG_DIR_ENV = "REDACTOR_LOG_DIR"  # the GUI's log and the CLI's crash reports
_KINDS: dict[str, Callable[..., str]] = {
    "cache": platformdirs.user_cache_dir,
    "config": platformdirs.user_config_dir,
    "data": platformdirs.user_data_dir,
    "log": platformdirs.user_log_dir,
}


def user_dir(
    kind: Literal["cache", "config", "data", "log"], override_env: str | None = None
) -> Path:
    """The folder for `kind`: $override_env when it is set (and not empty), else the
    platform's per-user folder of that kind."""
    override = os.environ.get(override_env) if override_env else None
    if override:
        return Path(override)
    return Path(_KINDS[kind](APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where the GUI writes its log and the CLI its crash reports."""
    return user_dir("log", LOG_DIR_ENV)
