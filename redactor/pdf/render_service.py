"""Rendering in a child process, so MuPDF never blocks the window.

PyMuPDF holds Python's GIL for the whole of a render: a 30 ms scan decoded on a worker thread
still freezes the GUI thread for 30 ms. A child process has its own GIL. The parent's worker
thread sends a request down a pipe and waits (releasing the GIL while it waits); the child
keeps the documents open and answers with the pixels. A crash of MuPDF on a hostile PDF kills
only the child: the parent reports the page as unrenderable and starts a new child.

Sources: the parent's loader gives a file (the per-user source cache) or bytes (read from the
case). A file is opened by path, so MuPDF reads only what it renders and a 50 MB source is
never copied through the pipe; bytes are sent whole.

Protocol (one request at a time, the caller holds the lock):
  parent -> ("render", key, page_index, zoom) | ("preview", key, page_index, boxes, withheld,
            options, zoom) | ("forget", key) | ("stop",)
            | ("prepare", key, path, page_index)   (no answer: a hint, see `prepare`)
            | ("ping",)                              (answered ("pong",) once started)
  child  -> ("need-source", key)      then parent -> ("path", str) | ("bytes",) + send_bytes
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
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pymupdf

from redactor.core.errors import PdfError, RedactorError
from redactor.core.export_model import BoxSpec, RenderOptions, WithheldPageSpec
from redactor.core.text import PageText
from redactor.pdf.intake import quiet_mupdf
from redactor.pdf.render import MAX_PIXELS, DocumentCache, RenderedPage

log = logging.getLogger(__name__)

# How long the parent waits for one page before it gives up on the child (a hang on a hostile
# page must not hang the window's worker for ever).
TIMEOUT_SECONDS = 60.0
# Pages interpreted ahead by `prepare` and not yet rendered; older ones are dropped.
PREPARED_PAGES = 2

# What the parent's loader returns: a file to open by path, or the PDF's bytes.
Source = bytes | Path


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
        self, key: Hashable, load: Callable[[], Source], page_index: int, zoom: float
    ) -> RenderedPage:
        page = self._call(("render", key, page_index, zoom), load)
        assert isinstance(page, RenderedPage)
        return page

    def render_redacted(
        self,
        key: Hashable,
        load: Callable[[], Source],
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

    def words(self, key: Hashable, load: Callable[[], Source], page_index: int) -> PageText:
        """The page's words from its text layer (see text.page_text), read in the child."""
        words = self._call(("words", key, page_index), load)
        assert isinstance(words, PageText)
        return words

    def prepare(self, key: Hashable, path: Path, page_index: int) -> bool:
        """Have the child open a document from a file and interpret one page now, before
        anyone asks for its pixels, while the window is still busy opening the case.

        Interpreting (fonts, content stream) is most of a first page's render and does not
        depend on the zoom, which the window knows only later. Returns at once, without an
        answer; False when a render is in progress (a hint is never worth waiting for).
        """
        if not self._lock.acquire(blocking=False):
            return False
        try:
            if self._conn is None:
                return False
            try:
                self._conn.send(("prepare", key, str(path), page_index))
            except (OSError, ValueError):
                return False  # the child is gone: the next real request restarts it
            return True
        finally:
            self._lock.release()

    def wait_ready(self, timeout: float = TIMEOUT_SECONDS) -> bool:
        """Block until the child has started (imported MuPDF, warmed up); False on timeout."""
        with self._lock:
            if self._conn is None:
                return False
            try:
                self._conn.send(("ping",))
                return bool(self._conn.poll(timeout)) and self._conn.recv() == ("pong",)
            except (EOFError, OSError):
                return False

    def forget(self, key: Hashable | None = None) -> None:
        """Close a document in the child (None: every document)."""
        with self._lock:
            if self._conn is not None:
                self._conn.send(("forget", key))

    def _call(
        self, request: tuple[Any, ...], load: Callable[[], Source]
    ) -> RenderedPage | PageText:
        with self._lock:
            if self._conn is None:
                raise RedactorError("The renderer has been shut down.")
            conn = self._conn
            try:
                conn.send(request)
                reply = self._receive(conn)
                if reply[0] == "need-source":
                    try:
                        source = load()
                    except BaseException:
                        # Keep the conversation in step: the child is waiting for a source.
                        conn.send(("bytes",))
                        conn.send_bytes(b"")
                        self._receive(conn)  # its "error" answer to the empty file
                        raise
                    if isinstance(source, Path):
                        conn.send(("path", str(source)))
                    else:
                        conn.send(("bytes",))
                        conn.send_bytes(source)  # raw bytes: no pickling copy of a large PDF
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
    prepared: OrderedDict[tuple[Hashable, int], pymupdf.DisplayList] = OrderedDict()

    def load_from_parent(key: Hashable) -> Source:
        conn.send(("need-source", key))
        answer = conn.recv()
        if answer[0] == "path":
            return Path(answer[1])
        data = conn.recv_bytes()
        sources[key] = data
        return data

    _warm_up()
    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return
            kind = request[0]
            if kind == "stop":
                return
            if kind == "ping":
                conn.send(("pong",))
                continue
            if kind == "forget":
                if request[1] is None:
                    docs.close()
                    prepared.clear()
                else:
                    docs.drop(request[1])
                    for done in [k for k in prepared if k[0] == request[1]]:
                        del prepared[done]
                continue
            if kind == "prepare":
                _, key, path, page_index = request
                with contextlib.suppress(Exception):  # the render request reports any failure
                    doc = docs.get(key, functools.partial(Path, path), name="The PDF")
                    with quiet_mupdf("The PDF"):
                        prepared[(key, page_index)] = doc.load_page(page_index).get_displaylist()
                    while len(prepared) > PREPARED_PAGES:
                        prepared.popitem(last=False)
                continue
            try:
                key = request[1]
                doc = docs.get(key, functools.partial(load_from_parent, key), name="The PDF")
                sources.pop(key, None)
                if kind == "words":
                    conn.send(("words", page_text(doc, request[2])))
                    continue
                if kind == "render":
                    ahead = prepared.pop((key, request[2]), None)
                    if ahead is not None:
                        page = _render_list(ahead, request[3])
                    else:
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


def _render_list(dl: pymupdf.DisplayList, zoom: float) -> RenderedPage:
    """A page interpreted ahead (`prepare`), rendered: the same pixels as render_page, which
    goes through a display list too (Page.get_pixmap), with the same size cap."""
    with quiet_mupdf("The PDF"):
        rect = dl.rect
        zoom = min(zoom, (MAX_PIXELS / max(1.0, rect.width * rect.height)) ** 0.5)
        pix = dl.get_pixmap(
            matrix=pymupdf.Matrix(zoom, zoom), alpha=False, colorspace=pymupdf.csRGB
        )
        return RenderedPage(pix.width, pix.height, pix.stride, pix.samples, zoom)


def _warm_up() -> None:
    """Render a line of text once, so the first real page does not pay MuPDF's one-time
    set-up (font loading, glyph cache) while a reviewer waits for it."""
    with contextlib.suppress(Exception), quiet_mupdf("warm-up"):
        doc = pymupdf.open()
        page = doc.new_page(width=200, height=50)
        page.insert_text((10, 30), "Redactor 0123456789", fontname="helv", fontsize=11)
        page.get_pixmap(matrix=pymupdf.Matrix(1, 1), alpha=False, colorspace=pymupdf.csRGB)
        doc.close()


def _picklable(exc: Exception) -> Exception:
    if isinstance(exc, RedactorError):
        return exc  # pickles as its template and parameters (RedactorError.__reduce__)
    return RuntimeError(f"{exc.__class__.__name__}: {exc}")
