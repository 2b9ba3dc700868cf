"""What every command needs: the acting reviewer and a way to open the case."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from redactor.app.session import CaseSession
from redactor.core.reviewer import resolve_reviewer


@dataclass
class CliContext:
    reviewer_option: str | None = None

    @property
    def reviewer(self) -> str:
        return resolve_reviewer(self.reviewer_option)

    @contextmanager
    def session(self, case: str) -> Iterator[CaseSession]:
        session = CaseSession.open(case, reviewer=self.reviewer)
        try:
            yield session
        finally:
            session.close()
