"""Rendering in a child process, so MuPDF never blocks the window.

PyMuPDF holds Python's GIL for the whole of a render: a 30 ms scan decoded on a worker thread
still freezes the GUI thread for 30 ms. A child process has its own GIL. The parent's worker
thread sends a request down a pipe and waits (releasing the GIL while it waits); the child
keeps the documents open and answers with the pixels. A crash of MuPDF on a hostile PDF kills
only the child: the parent reports the page as unrenderable and starts a new child.

Protocol (one request at a time, the caller holds the lock):
  parent -> ("render", key, page_index, zoom) | ("preview", key, page_index, boxes, withheld,
            options, zoom) | ("forget", key) | ("stop",)
  child  -> ("need-source", key)      then parent -> the PDF's bytes (send_bytes)
  child  -> ("ok", width, height, stride, zoom) followed by the samples via send_bytes
  child  -> ("words", PageText)          (the answer to ("words", key, page_index))
  child  -> ("error", exception)
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import threading
from collections.abc import Callable, Hashable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from redactor.core.errors import PdfError, RedactorError
from redactor.core.export_model import BoxSpec, RenderOptions, WithheldPageSpec
from redactor.core.text import PageText
from redactor.pdf.render import DocumentCache, RenderedPage

log = logging.getLogger(__name__)

# How long the parent waits for one page before it gives up on the child (a hang on a hostile
# page must not hang the window's worker for ever).
TIMEOUT_SECONDS = 60.0


class RenderService:
    """A child process that renders pages; thread-safe, one request at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._process: Any = None
        self._start()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # no fork: the parent runs Qt threads
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(child,), name="redactor-render", daemon=True)
        process.start()
        child.close()
        self._conn, self._process = parent, process
        log.debug("render process %s started", process.pid)

    def render(
        self, key: Hashable, load: Callable[[], bytes], page_index: int, zoom: float
    ) -> RenderedPage:
        page = self._call(("render", key, page_index, zoom), load)
        assert isinstance(page, RenderedPage)
        return page

    def render_redacted(
        self,
        key: Hashable,
        load: Callable[[], bytes],
        page_index: int,
        boxes: Sequence[BoxSpec],
        withheld: WithheldPageSpec | None,
        options: RenderOptions,
        zoom: float,
    ) -> RenderedPage:
        """The page as the export engine writes it (see render.render_redacted_page)."""
        page = self._call(("preview", key, page_index, tuple(boxes), withheld, options, zoom), load)
        assert isinstance(page, RenderedPage)
        return page

    def words(self, key: Hashable, load: Callable[[], bytes], page_index: int) -> PageText:
        """The page's words from its text layer (see text.page_text), read in the child."""
        words = self._call(("words", key, page_index), load)
        assert isinstance(words, PageText)
        return words

    def forget(self, key: Hashable | None = None) -> None:
        """Close a document in the child (None: every document)."""
        with self._lock:
            if self._conn is not None:
                self._conn.send(("forget", key))

    def _call(self, request: tuple[Any, ...], load: Callable[[], bytes]) -> RenderedPage | PageText:
        with self._lock:
            if self._conn is None:
                raise RedactorError("The renderer has been shut down.")
            conn = self._conn
            try:
                conn.send(request)
                reply = self._receive(conn)
                if reply[0] == "need-source":
                    try:
                        data = load()
                    except BaseException:
                        # Keep the conversation in step: the child is waiting for bytes.
                        conn.send_bytes(b"")
                        self._receive(conn)  # its "error" answer to the empty file
                        raise
                    conn.send_bytes(data)  # raw bytes: no pickling copy of a large PDF
                    reply = self._receive(conn)
                if reply[0] == "ok":
                    _, width, height, stride, zoom = reply
                    samples = conn.recv_bytes()
                    return RenderedPage(width, height, stride, samples, zoom)
                if reply[0] == "words":
                    words: PageText = reply[1]
                    return words
                if reply[0] == "error":
                    raise reply[1]
                raise RuntimeError(f"unexpected reply from the render process: {reply[0]!r}")
            except (EOFError, OSError, TimeoutError) as exc:
                # The child died (MuPDF crashed on this page) or hung: replace it.
                log.warning("the render process failed (%s); restarting it", exc.__class__.__name__)
                self._restart()
                raise PdfError(
                    "This page could not be rendered: the PDF renderer stopped on it."
                ) from exc

    @staticmethod
    def _receive(conn: Connection) -> tuple[Any, ...]:
        if not conn.poll(TIMEOUT_SECONDS):
            raise TimeoutError("no answer from the render process")
        reply = conn.recv()
        assert isinstance(reply, tuple)
        return reply

    def _restart(self) -> None:
        self._stop_process()
        self._start()

    def _stop_process(self) -> None:
        conn, process = self._conn, self._process
        self._conn, self._process = None, None
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):  # the child may be gone already
                conn.send(("stop",))
            conn.close()
        if process is not None:
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
                process.join(timeout=2)

    def close(self) -> None:
        with self._lock:
            self._stop_process()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


def _serve(conn: Connection) -> None:
    """The child's loop: keep documents open, render what is asked."""
    from redactor.pdf.render import render_page, render_redacted_page
    from redactor.pdf.text import page_text

    docs = DocumentCache(capacity=4)
    sources: dict[Hashable, bytes] = {}

    def load_from_parent(key: Hashable) -> bytes:
        conn.send(("need-source", key))
        data = conn.recv_bytes()
        sources[key] = data
        return data

    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return
            kind = request[0]
            if kind == "stop":
                return
            if kind == "forget":
                if request[1] is None:
                    docs.close()
                else:
                    docs.drop(request[1])
                continue
            try:
                key = request[1]
                doc = docs.get(key, functools.partial(load_from_parent, key), name="The PDF")
                sources.pop(key, None)
                if kind == "words":
                    conn.send(("words", page_text(doc, request[2])))
                    continue
                if kind == "render":
                    page = render_page(doc, request[2], request[3])
                else:
                    _, _, page_index, boxes, withheld, options, zoom = request
                    page = render_redacted_page(doc, page_index, boxes, withheld, options, zoom)
            except Exception as exc:  # sent back; the parent decides whether it is a bug
                conn.send(("error", _picklable(exc)))
                continue
            conn.send(("ok", page.width, page.height, page.stride, page.zoom))
            conn.send_bytes(page.samples)
    finally:
        docs.close()
        conn.close()


def _picklable(exc: Exception) -> Exception:
    if isinstance(exc, RedactorError):
        return exc  # pickles as its template and parameters (RedactorError.__reduce__)
    return RuntimeError(f"{exc.__class__.__name__}: {exc}")
