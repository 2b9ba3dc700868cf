"""Rendered pages for the page view and the thumbnails: requested, rendered off-thread, cached.

A request names a page, a zoom and a variant ("" for the page itself, "preview:<digest>" for
the page as the export will write it). Results are kept in an LRU cache bounded in bytes, so
paging through a 1,000-page document keeps memory flat. Requests for pages that scrolled out
of view before the worker reached them are dropped (`set_wanted`).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from redactor.core.text import PageText
from redactor.gui.render_worker import Worker
from redactor.pdf.render import DocumentCache, RenderedPage, render_page
from redactor.pdf.render_service import RenderService, Source
from redactor.pdf.text import page_text

log = logging.getLogger(__name__)

DEFAULT_CACHE_BYTES = 160 * 1024 * 1024
# Channels whose requests yield to the view's (see `request`).
BACKGROUND_CHANNELS = frozenset({"thumbnails"})

# What the worker calls to produce a page's pixels for a variant (e.g. the export preview);
# it gets the open-document cache and returns the rendered page.
Producer = Callable[[DocumentCache], RenderedPage]


@dataclass(frozen=True, slots=True)
class PageKey:
    document_id: int
    page_index: int
    zoom: float  # pixels per point, rounded (see `zoom_key`)
    variant: str = ""


def zoom_key(zoom: float) -> float:
    """Zoom levels a few thousandths apart render the same; round them to share the cache."""
    return round(zoom, 3)


def to_qimage(page: RenderedPage) -> QImage:
    """A QImage that owns its pixels, in the format the screen paints fastest."""
    image = QImage(page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.convertToFormat(QImage.Format.Format_RGB32)  # a deep copy


class PageRenderer(QObject):
    """Asks the worker for page images and keeps the most recent ones."""

    pageReady = Signal(object)  # PageKey
    pageFailed = Signal(object, str)  # PageKey, sentence
    # A document's source turned out not to be what was rendered (a damaged cached copy): its
    # images are gone and views should paint again (document id).
    sourceReplaced = Signal(int)
    _replaced = Signal(int)  # from the worker thread

    def __init__(
        self,
        worker: Worker,
        load_source: Callable[[int], Source],
        *,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        service: RenderService | None = None,
        verify_source: Callable[[int], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Called on the worker thread: False when the source `load_source` gave for a document
        # was not the document (see `verify_document`).
        self._verify_source = verify_source
        self._replaced.connect(self._source_replaced, Qt.ConnectionType.QueuedConnection)
        # Pages render in this child process when given (MuPDF then never holds our GIL);
        # without it, on the worker thread.
        self.service = service
        # Told apart in the render process, which may serve several cases: document 1 of one
        # case is not document 1 of the next. The window sets it to the case's uid.
        self.namespace = ""
        self._worker = worker
        self._load_source = load_source
        self._docs = DocumentCache()  # used on the worker thread only
        self._cache: OrderedDict[PageKey, QImage] = OrderedDict()
        self._cache_bytes = 0
        self.max_bytes = cache_bytes
        self._pending: set[PageKey] = set()
        self._background: OrderedDict[PageKey, tuple[int, Producer | None, str]] = OrderedDict()
        self._background_running = 0
        self._wanted_lock = threading.Lock()
        # Per channel ("view", "thumbnails"): the keys still worth rendering; absent: all.
        self._wanted: dict[str, set[PageKey]] = {}
        self._failed: dict[PageKey, str] = {}

    # -- the cache --------------------------------------------------------------------------

    def image(self, key: PageKey) -> QImage | None:
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def any_image(self, document_id: int, page_index: int, variant: str = "") -> QImage | None:
        """Some cached image of the page at any zoom (drawn scaled while the sharp one renders)."""
        for key in reversed(self._cache):
            if (
                key.document_id == document_id
                and key.page_index == page_index
                and key.variant == variant
            ):
                return self._cache[key]
        return None

    def failure(self, key: PageKey) -> str | None:
        return self._failed.get(key)

    def cached_bytes(self) -> int:
        return self._cache_bytes

    def _store(self, key: PageKey, image: QImage) -> None:
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_bytes -= old.sizeInBytes()
        self._cache[key] = image
        self._cache_bytes += image.sizeInBytes()
        while self._cache_bytes > self.max_bytes and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cache_bytes -= dropped.sizeInBytes()

    def invalidate(
        self,
        document_id: int | None = None,
        page_index: int | None = None,
        variant_prefix: str | None = None,
    ) -> None:
        """Forget cached images (a document closed, a preview went stale)."""
        for key in list(self._cache):
            if document_id is not None and key.document_id != document_id:
                continue
            if page_index is not None and key.page_index != page_index:
                continue
            if variant_prefix is not None and not key.variant.startswith(variant_prefix):
                continue
            self._cache_bytes -= self._cache.pop(key).sizeInBytes()
        self._failed.clear()

    # -- requests ---------------------------------------------------------------------------

    def set_wanted(self, keys: Iterable[PageKey] | None, channel: str = "view") -> None:
        """Only these keys of `channel` are still worth rendering; queued others are skipped."""
        with self._wanted_lock:
            if keys is None:
                self._wanted.pop(channel, None)
            else:
                self._wanted[channel] = set(keys)
        if keys is not None and channel in BACKGROUND_CHANNELS:
            wanted = self._wanted[channel]
            for key in [
                k for k, v in self._background.items() if v[2] == channel and k not in wanted
            ]:
                del self._background[key]

    def _is_wanted(self, key: PageKey, channel: str) -> bool:
        with self._wanted_lock:
            wanted = self._wanted.get(channel)
            return wanted is None or key in wanted

    def request(
        self,
        key: PageKey,
        *,
        priority: int = 0,
        producer: Producer | None = None,
        channel: str = "view",
    ) -> bool:
        """Render `key` unless it is cached, failed or already on its way. True if it is cached.

        Requests on a background channel (thumbnails) wait until no page of the view is being
        rendered, and go to the worker one at a time: a page the reviewer is waiting for never
        queues behind a row of thumbnails.
        """
        if key in self._cache:
            return True
        if key in self._pending or key in self._failed:
            return False
        if channel in BACKGROUND_CHANNELS:
            self._background[key] = (priority, producer, channel)
            self._pump()
            return False
        self._submit(key, priority, producer, channel)
        return False

    def _submit(self, key: PageKey, priority: int, producer: Producer | None, channel: str) -> None:
        self._pending.add(key)
        if channel in BACKGROUND_CHANNELS:
            self._background_running += 1
        self._worker.submit(
            self._render,
            key,
            producer,
            channel,
            done=functools.partial(self._done, key, channel),
            failed=functools.partial(self._error, key, channel),
            priority=priority,
        )

    def _pump(self) -> None:
        """Start the next background request when the view has nothing on its way."""
        if self._background_running or len(self._pending) > self._background_running:
            return
        while self._background:
            key, (priority, producer, channel) = self._background.popitem(last=False)
            if key in self._cache or key in self._pending or not self._is_wanted(key, channel):
                continue
            self._submit(key, priority, producer, channel)
            return

    def _render(self, key: PageKey, producer: Producer | None, channel: str) -> QImage | None:
        """On the worker thread."""
        if not self._is_wanted(key, channel):
            return None
        if producer is not None:
            page = producer(self._docs)
        elif self.service is not None:
            doc_id = key.document_id
            page = self.service.render(
                self.service_key(doc_id),
                lambda: self._load_source(doc_id),
                key.page_index,
                key.zoom,
            )
        else:
            doc = self._docs.get(
                key.document_id,
                lambda: self._load_source(key.document_id),
                name=f"Document {key.document_id}",
            )
            page = render_page(doc, key.page_index, key.zoom)
        return to_qimage(page)

    def _finished(self, key: PageKey, channel: str) -> None:
        self._pending.discard(key)
        if channel in BACKGROUND_CHANNELS:
            self._background_running -= 1
        self._pump()

    def _done(self, key: PageKey, channel: str, image: QImage | None) -> None:
        self._finished(key, channel)
        if image is None:  # skipped: no longer wanted
            return
        self._store(key, image)
        self.pageReady.emit(key)

    def _error(self, key: PageKey, channel: str, exc: BaseException) -> None:
        self._finished(key, channel)
        from redactor.core.errors import RedactorError

        if not isinstance(exc, RedactorError | RuntimeError | ValueError):
            raise exc  # a bug: to the crash handler
        log.info("cannot render %s: %s", key, exc)
        from redactor.gui.messages import error_text

        self._failed[key] = error_text(exc)
        self.pageFailed.emit(key, error_text(exc))

    # -- other work on the open documents (worker thread only) ---------------------------------

    @property
    def documents(self) -> DocumentCache:
        return self._docs

    def load_source(self, document_id: int) -> Source:
        return self._load_source(document_id)

    def page_words(self, document_id: int, page_index: int) -> PageText:
        """The words of a page from its text layer. Call through the worker."""
        # Words feed boxes: they come from a verified source, not only soon after.
        self._check_source(document_id)
        if self.service is not None:
            return self.service.words(
                self.service_key(document_id), lambda: self._load_source(document_id), page_index
            )
        doc = self._docs.get(
            document_id, lambda: self._load_source(document_id), name=f"Document {document_id}"
        )
        return page_text(doc, page_index)

    # -- the source behind the pixels ------------------------------------------------------------

    def prepare(self, document_id: int, path: Path, page_index: int = 0) -> None:
        """Open a document from a file in the render process and interpret a page now, so its
        render request (made once the view is laid out) only has to draw it."""
        if self.service is not None:
            self.service.prepare(self.service_key(document_id), path, page_index)

    def verify_document(self, document_id: int) -> None:
        """Check, off the GUI thread, that what was rendered came from the document's true
        source; if not, its images are dropped and the pages render again from the case."""
        self._worker.submit(self._check_source, document_id, priority=-10)

    def _check_source(self, document_id: int) -> bool:
        """On the worker thread, so no render runs on the old copy after it is closed here."""
        if self._verify_source is None or self._verify_source(document_id):
            return True
        self._docs.drop(document_id)
        if self.service is not None:
            self.service.forget(self.service_key(document_id))
        self._replaced.emit(document_id)
        return False

    def _source_replaced(self, document_id: int) -> None:
        # Queued after every result rendered from the old copy: none of them survives this.
        self.invalidate(document_id)
        self.sourceReplaced.emit(document_id)

    def forget_document(self, document_id: int) -> None:
        """Drop a document's images and its open copy (the worker closes it when idle)."""
        self.invalidate(document_id)
        self._worker.submit(self._docs.drop, document_id)
        if self.service is not None:
            self._worker.submit(self.service.forget, self.service_key(document_id))

    def service_key(self, document_id: int) -> tuple[str, int]:
        return (self.namespace, document_id)

    def close(self) -> None:
        """Close the open documents (call after the worker has shut down)."""
        self._docs.close()
        if self.service is not None:
            self.service.forget(None)
        self._background.clear()
        self._background_running = 0
        self._pending.clear()
        self._cache.clear()
        self._cache_bytes = 0
