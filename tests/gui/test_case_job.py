"""CaseJob: long work as short worker tasks. Paged work yields the worker between slices (so a
render submitted meanwhile runs before the next slice), stops between items when cancelled, and
its iterator is only ever advanced and closed on the worker thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from redactor.gui import case_job
from redactor.gui.case_job import CaseJob
from redactor.gui.render_worker import Worker

pytestmark = pytest.mark.gui


class Pages:
    """Three documents of five "pages", each taking 20 ms; records where things ran."""

    def __init__(self) -> None:
        self.threads: set[int] = set()
        self.closed_on: list[int] = []
        self.log: list[str] = []

    def read(self, document_id: int) -> Iterator[int]:
        try:
            for page in range(5):
                self.threads.add(threading.get_ident())
                time.sleep(0.02)
                self.log.append(f"{document_id}.{page}")
                yield page
        finally:
            self.closed_on.append(threading.get_ident())


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[Worker]:
    w = Worker()
    yield w
    w.shutdown()


def test_paged_work_yields_the_worker_between_slices(
    qtbot: QtBot, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_job, "SLICE_SECONDS", 0.03)  # two pages a slice
    pages = Pages()
    job = CaseJob(worker, pages.read, [(1, "a"), (2, "b"), (3, "c")], paged=True)
    stepped: list[tuple[int, int]] = []
    job.stepped.connect(lambda d, n: stepped.append((d, n)))
    job.start()
    qtbot.waitUntil(lambda: bool(stepped), timeout=2000)
    # Something the reviewer asks for meanwhile runs before the job's next slice.
    worker.submit(lambda: pages.log.append("render"))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert job.results == [[0, 1, 2, 3, 4]] * 3 and not job.cancelled
    first_slice = pages.log.index("render")
    assert 0 < first_slice < 15 and len(pages.log) == 16
    assert stepped[-1] == (2, 5) and len(stepped) > 3
    assert threading.get_ident() not in pages.threads


def test_cancelled_paged_work_stops_between_pages_and_closes_on_the_worker(
    qtbot: QtBot, worker: Worker
) -> None:
    pages = Pages()
    job = CaseJob(worker, pages.read, [(1, "a"), (2, "b")], paged=True)
    job.stepped.connect(lambda _d, _n: job.cancel())
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert worker.wait_idle(2000)
    qtbot.wait(20)
    assert job.cancelled and not job.running
    assert job.results == [] and 1 <= len(job.current) < 5  # cut short in document 1
    assert job.items() == job.current
    assert pages.log == [f"1.{p}" for p in range(len(job.current))]
    # The iterator was closed, on the worker thread, and nothing of document 2 ran.
    assert len(pages.closed_on) == 1 and pages.closed_on[0] != threading.get_ident()


def test_work_by_document_still_runs_one_task_per_document(qtbot: QtBot, worker: Worker) -> None:
    job = CaseJob(worker, lambda doc_id: doc_id * 10, [(1, "a"), (2, "b")])
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert job.results == [10, 20]
