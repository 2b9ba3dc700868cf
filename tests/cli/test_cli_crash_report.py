"""A bug in a CLI command: one sentence on the terminal, the traceback in a crash file in the
log folder (REDACTOR_LOG_DIR when set, as for the GUI's log)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from redactor.cli.errors import INTERNAL_ERROR_EXIT, user_errors


@click.command()
@user_errors
def broken() -> None:
    raise RuntimeError("a bug deep inside")


def test_a_bug_is_one_sentence_and_a_crash_file_in_the_log_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REDACTOR_LOG_DIR", str(tmp_path / "logs"))
    result = CliRunner().invoke(broken, [])
    assert result.exit_code == INTERNAL_ERROR_EXIT
    message = result.output.strip()
    assert message.startswith("redactor: internal error (RuntimeError); details are in ")
    assert "Traceback" not in result.output and len(message.splitlines()) == 1
    [crash] = (tmp_path / "logs").glob("crash-*.log")
    assert str(crash) in message
    report = crash.read_text(encoding="utf-8")
    assert "Traceback" in report and "a bug deep inside" in report
