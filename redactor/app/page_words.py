"""The words of a page as the reviewer's tools should see them: the OCR words stored in the case
for a scanned page, else the page's own text layer.

The GUI reads a page's text layer in the render process, one page at a time; OCR words live in
the case. `StoredWords` answers "does this page have stored OCR words?" without a query per
page: it reads a document's stored words once (one query) and keeps them for a few documents.
It is called from the GUI's worker thread and emptied from the GUI thread, hence the lock.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from redactor.app.findings import words_from_json
from redactor.app.session import CaseSession
from redactor.core.text import PageText

log = logging.getLogger(__name__)

# Documents whose stored words are kept (a scanned page's words take about 15 kB as JSON).
MAX_DOCUMENTS = 4


class StoredWords:
    def __init__(self, session: CaseSession, max_documents: int = MAX_DOCUMENTS) -> None:
        self._session = session
        self._max = max(1, max_documents)
        self._documents: OrderedDict[int, dict[int, tuple[str, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def page(self, document_id: int, page_index: int) -> PageText | None:
        """The page's stored (OCR) words, or None when the page has none."""
        with self._lock:
            stored = self._documents.get(document_id)
            if stored is not None:
                self._documents.move_to_end(document_id)
        if stored is None:
            stored = self._session.store.page_words(document_id)
            with self._lock:
                self._documents[document_id] = stored
                while len(self._documents) > self._max:
                    self._documents.popitem(last=False)
        entry = stored.get(page_index)
        if entry is None:
            return None
        source, words = entry
        return words_from_json(page_index, source, words)

    def words(
        self, document_id: int, page_index: int, text_layer: Callable[[], PageText]
    ) -> PageText:
        """The stored OCR words of the page if it has them, else `text_layer()`."""
        stored = self.page(document_id, page_index)
        return stored if stored is not None else text_layer()

    def forget(self, document_id: int | None = None) -> None:
        """Read again next time (after OCR stored new words)."""
        with self._lock:
            if document_id is None:
                self._documents.clear()
            else:
                self._documents.pop(document_id, None)
