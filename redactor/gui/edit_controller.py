"""Turns the reviewer's gestures into stored, undoable edits: boxes drawn, snapped to words,
moved, resized, re-grounded, deleted; pages withheld, marked out of scope, marked reviewed.
"""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from redactor.app.page_words import StoredWords
from redactor.core.errors import RedactorError
from redactor.core.geometry import Rect
from redactor.core.model import PageDecisionKind, Redaction
from redactor.core.text import PageText, Word, line_rects
from redactor.gui.case_controller import CaseController
from redactor.gui.commands import (
    AddBoxes,
    BoxRegistry,
    CreatedBoxes,
    DeleteBoxes,
    EditContext,
    MarkReviewed,
    PageState,
    SessionCommand,
    SetPageDecision,
    UpdateBoxes,
)
from redactor.gui.ground_picker import GroundChoice, GroundPicker
from redactor.gui.messages import show_user_error, user_action
from redactor.gui.page_view import PageView
from redactor.gui.render_worker import Worker
from redactor.gui.settings import GROUND_USE, RECENT_GROUNDS, SNAP_TO_TEXT, Settings

log = logging.getLogger(__name__)

# A word counts as "dragged across" when this share of its area lies inside the drawn box.
SNAP_OVERLAP = 0.4
WORDS_DELAY_MS = 250
# Pages whose words are kept (snap to text, double-click).
MAX_WORD_PAGES = 64
# Double-click tolerance around a word, in points.
WORD_SLACK = 1.5


class EditController(QObject):
    wordsLoaded = Signal(int, int)  # document id, page index

    def __init__(
        self,
        case: CaseController,
        view: PageView,
        worker: Worker,
        settings: Settings,
        window: QWidget,
        language: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.case = case
        self.view = view
        self.worker = worker
        self.settings = settings
        self.window = window
        self.language = language
        self.undo_stack = QUndoStack(self)
        self.registry = BoxRegistry()
        # Words of recently visited pages (bounded: a page's words take about 100 kB).
        self._words: OrderedDict[tuple[int, int], PageText] = OrderedDict()
        self._words_pending: set[tuple[int, int]] = set()
        # OCR words stored in the open case (scanned pages); None without a case.
        self.stored_words: StoredWords | None = None
        # Bumped when cached words go stale: answers to older requests are dropped.
        self._words_generation = 0
        # Tests and scripted use may replace the picker (it is modal).
        self.pick: Callable[..., GroundChoice | None] = self._pick_with_dialog
        view.boxDrawn.connect(self.on_box_drawn)
        view.wordBoxRequested.connect(self.on_word_box)
        view.boxesMoved.connect(self.on_boxes_moved)
        view.boxResized.connect(self.on_box_resized)
        view.deleteRequested.connect(self.delete_selected)
        view.editRequested.connect(lambda red_id: self.edit_boxes([red_id]))
        # Words are fetched for the page the reviewer stays on, not every page flipped past,
        # and after the page's image (which the reviewer waits for) has had its turn.
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(WORDS_DELAY_MS)
        self._words_timer.timeout.connect(lambda: self._prefetch_words(view.current_page()))
        view.currentPageChanged.connect(lambda _page: self._words_timer.start())
        case.opened.connect(self._reset)
        case.closed.connect(self._reset)
        case.documentShown.connect(lambda _doc: self._words_timer.start())

    def _reset(self) -> None:
        self.undo_stack.clear()
        self.registry = BoxRegistry()
        self._words.clear()
        self._words_pending.clear()
        self._words_generation += 1
        session = self.case.session
        self.stored_words = StoredWords(session) if session is not None else None

    def context(self) -> EditContext:
        return EditContext(self.case.require(), self.registry, self._changed, self._failed)

    def _changed(self) -> None:
        with user_action(self.window):
            self.case.refresh()

    def _failed(self, exc: RedactorError) -> None:
        show_user_error(self.window, exc)

    def run(self, command: SessionCommand) -> bool:
        """Store the edit now; on success put it on the undo stack."""
        with user_action(self.window):
            command.apply()
            self.undo_stack.push(command)
            self.case.refresh()
            return True
        return False

    # -- choosing grounds -----------------------------------------------------------------------

    def _pick_with_dialog(
        self, codes: tuple[str, ...] = (), note: str = "", title: str = ""
    ) -> GroundChoice | None:
        session = self.case.require()
        picker = GroundPicker(
            session.catalog,
            self.language(),
            use=self.settings.get(GROUND_USE),
            recent=self.settings.get(RECENT_GROUNDS),
            codes=codes,
            note=note,
            parent=self.window,
        )
        if title:
            picker.setWindowTitle(title)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        return picker.choice()

    def choose_grounds(
        self, codes: tuple[str, ...] = (), note: str = "", title: str = ""
    ) -> GroundChoice | None:
        choice = self.pick(codes=codes, note=note, title=title)
        if choice is not None and choice.codes:
            self.settings.record_ground_use(list(choice.codes))
            return choice
        return None

    # -- boxes ----------------------------------------------------------------------------------

    def on_box_drawn(self, page_index: int, rect: Rect) -> None:
        rects = [rect]
        if self.settings.get(SNAP_TO_TEXT):
            rects = self.snap(page_index, rect) or rects
        self.add_boxes([(page_index, r) for r in rects])

    def add_boxes(
        self,
        boxes: Sequence[tuple[int, Rect]],
        *,
        document_id: int | None = None,
        choice: GroundChoice | None = None,
    ) -> bool:
        doc_id = document_id if document_id is not None else self._document_id()
        if doc_id is None or not boxes:
            return False
        choice = choice or self.choose_grounds()
        if choice is None:
            return False
        text = (
            self.tr("Draw box") if len(boxes) == 1 else self.tr("Draw %n box(es)", "", len(boxes))
        )
        return self.run(AddBoxes(self.context(), text, doc_id, boxes, choice.codes, choice.note))

    def run_created(self, text: str, create: Callable[[], Sequence[Redaction]]) -> bool:
        """Boxes an app-layer action proposes, as one undo step (nothing if it made none)."""
        return self.run(CreatedBoxes(self.context(), text, create))

    def push_created(self, text: str, boxes: Sequence[Redaction]) -> None:
        """Boxes a worker task has already stored, made one undo step."""
        if not boxes:
            return
        with user_action(self.window):
            self.undo_stack.push(CreatedBoxes.already(self.context(), text, boxes))
            self.case.refresh()

    def on_word_box(self, page_index: int, point: QPointF, whole_line: bool) -> None:
        words = self.words(page_index)
        if words is None:
            return
        hit = _word_at(words.words, point.x(), point.y())
        if hit is None:
            return
        chosen = (
            [w for w in words.words if (w.block, w.line) == (hit.block, hit.line)]
            if whole_line
            else [hit]
        )
        self.add_boxes([(page_index, r) for r in line_rects(chosen)])

    def on_boxes_moved(self, moves: list[tuple[int, Rect]]) -> None:
        before, rects = self._snapshots(moves)
        if not before:
            return
        text = (
            self.tr("Move box") if len(before) == 1 else self.tr("Move %n box(es)", "", len(before))
        )
        if not self.run(UpdateBoxes(self.context(), text, before, rects=rects)):
            self.view.set_redactions(self.case.redactions)  # put them back where they are stored

    def on_box_resized(self, red_id: int, rect: Rect) -> None:
        before, rects = self._snapshots([(red_id, rect)])
        if before and not self.run(
            UpdateBoxes(self.context(), self.tr("Resize box"), before, rects=rects)
        ):
            self.view.set_redactions(self.case.redactions)

    def _snapshots(
        self, changes: list[tuple[int, Rect]]
    ) -> tuple[list[Redaction], list[Rect | None]]:
        before: list[Redaction] = []
        rects: list[Rect | None] = []
        for red_id, rect in changes:
            red = self.case.redaction(red_id)
            if red is not None and red.rect != rect:
                before.append(red)
                rects.append(rect)
        return before, rects

    def delete_selected(self) -> None:
        boxes = [b.redaction for b in self.view.selected_boxes()]
        if not boxes:
            return
        text = (
            self.tr("Delete box")
            if len(boxes) == 1
            else self.tr("Delete %n box(es)", "", len(boxes))
        )
        self.run(DeleteBoxes(self.context(), text, boxes))

    def edit_boxes(self, ids: Sequence[int] | None = None) -> None:
        """Change the grounds and note of the given (default: selected) boxes."""
        chosen = (
            [self.case.redaction(i) for i in ids]
            if ids
            else [b.redaction for b in self.view.selected_boxes()]
        )
        boxes = [b for b in chosen if b is not None]
        if not boxes:
            return
        choice = self.choose_grounds(boxes[0].grounds, boxes[0].note, self.tr("Grounds of the box"))
        if choice is None:
            return
        if all(b.grounds == choice.codes and b.note == choice.note for b in boxes):
            return
        self.run(
            UpdateBoxes(
                self.context(),
                self.tr("Change grounds"),
                boxes,
                grounds=choice.codes,
                note=choice.note,
            )
        )

    # -- pages ----------------------------------------------------------------------------------

    def _document_id(self) -> int | None:
        return self.case.document.id if self.case.document is not None else None

    def withhold_page(self) -> None:
        doc_id, page = self._document_id(), self.view.current_page()
        if doc_id is None:
            return
        current = self.case.decision_on(page)
        codes = current.grounds if current and current.kind is PageDecisionKind.WITHHELD else ()
        choice = self.choose_grounds(
            codes, current.note if current else "", self.tr("Withhold page")
        )
        if choice is None:
            return
        after = PageState(PageDecisionKind.WITHHELD, choice.codes, choice.note)
        self.run(
            SetPageDecision(
                self.context(),
                self.tr("Withhold page %1").replace("%1", str(page + 1)),
                doc_id,
                page,
                PageState.of(current),
                after,
            )
        )

    def mark_out_of_scope(self) -> None:
        doc_id, page = self._document_id(), self.view.current_page()
        if doc_id is None:
            return
        current = self.case.decision_on(page)
        self.run(
            SetPageDecision(
                self.context(),
                self.tr("Mark page out of scope"),
                doc_id,
                page,
                PageState.of(current),
                PageState(PageDecisionKind.OUT_OF_SCOPE),
            )
        )

    def clear_page_decision(self) -> None:
        doc_id, page = self._document_id(), self.view.current_page()
        current = self.case.decision_on(page)
        if doc_id is None or current is None:
            return
        self.run(
            SetPageDecision(
                self.context(),
                self.tr("Clear page decision"),
                doc_id,
                page,
                PageState.of(current),
                PageState(None),
            )
        )

    def toggle_reviewed(self) -> None:
        doc_id, page = self._document_id(), self.view.current_page()
        if doc_id is None or page >= len(self.case.pages):
            return
        reviewed = self.case.pages[page].reviewed_by is None
        text = self.tr("Mark page reviewed") if reviewed else self.tr("Unmark page reviewed")
        self.run(MarkReviewed(self.context(), text, doc_id, page, reviewed))

    def reviewed_and_next(self) -> None:
        doc_id, page = self._document_id(), self.view.current_page()
        if doc_id is None or page >= len(self.case.pages):
            return
        if self.case.pages[page].reviewed_by is None and not self.run(
            MarkReviewed(self.context(), self.tr("Mark page reviewed"), doc_id, page, True)
        ):
            return
        self.view.next_page()

    def confirm_and_next(self) -> None:
        """The second reviewer confirms the page (a review decision: not undoable)."""
        doc_id, page = self._document_id(), self.view.current_page()
        if doc_id is None or page >= len(self.case.pages):
            return
        with user_action(self.window):
            self.case.require().confirm_pages([(doc_id, page)])
            self.case.refresh()
            self.view.next_page()

    # -- words (snap to text) -------------------------------------------------------------------

    def words(self, page_index: int) -> PageText | None:
        """The page's words if already loaded (else they are requested and None returned)."""
        doc_id = self._document_id()
        if doc_id is None:
            return None
        key = (doc_id, page_index)
        if key not in self._words:
            self._fetch_words(key)
            return None
        self._words.move_to_end(key)
        return self._words[key]

    def _prefetch_words(self, page_index: int) -> None:
        doc_id = self._document_id()
        if doc_id is None:
            return
        for index in (page_index, page_index + 1):
            if 0 <= index < len(self.case.pages) and (doc_id, index) not in self._words:
                self._fetch_words((doc_id, index))

    def page_words(self, document_id: int, page_index: int) -> PageText:
        """A page's words: its stored OCR words if it was OCR'd, else its text layer (read in
        the render process). Call through the worker."""
        renderer = self.view.renderer
        stored = self.stored_words
        if stored is None:
            return renderer.page_words(document_id, page_index)
        return stored.words(
            document_id, page_index, lambda: renderer.page_words(document_id, page_index)
        )

    def forget_words(self, document_ids: Sequence[int] | None = None) -> None:
        """Read the words of these documents (default: all) again, e.g. after OCR."""
        if self.stored_words is not None:
            if document_ids is None:
                self.stored_words.forget()
            for doc_id in document_ids or ():
                self.stored_words.forget(doc_id)
        for key in list(self._words):
            if document_ids is None or key[0] in document_ids:
                del self._words[key]
        self._words_pending.clear()
        self._words_generation += 1
        self._prefetch_words(self.view.current_page())

    def _fetch_words(self, key: tuple[int, int]) -> None:
        if key in self._words_pending:
            return
        self._words_pending.add(key)
        self.worker.submit(
            self.page_words,
            key[0],
            key[1],
            done=functools.partial(self._words_done, key, self._words_generation),
            failed=functools.partial(self._words_failed, key, self._words_generation),
            priority=5,
        )

    def _words_done(self, key: tuple[int, int], generation: int, words: PageText) -> None:
        if generation != self._words_generation:
            return
        self._words_pending.discard(key)
        self._words[key] = words
        while len(self._words) > MAX_WORD_PAGES:
            self._words.popitem(last=False)
        self.wordsLoaded.emit(*key)

    def _words_failed(self, key: tuple[int, int], generation: int, exc: BaseException) -> None:
        if not isinstance(exc, RedactorError | RuntimeError | ValueError):
            raise exc
        if generation != self._words_generation:
            return
        self._words_pending.discard(key)
        log.info("no words for document %d page %d: %s", key[0], key[1] + 1, exc)
        self._words[key] = PageText(key[1], ())

    def snap(self, page_index: int, rect: Rect) -> list[Rect]:
        """The drawn box made tight around the words it covers (one box per line)."""
        words = self.words(page_index)
        if words is None:
            return []
        chosen = [w for w in words.words if _covered(w.rect, rect)]
        return list(line_rects(chosen))


def _covered(word: Rect, drawn: Rect) -> bool:
    width = min(word.x1, drawn.x1) - max(word.x0, drawn.x0)
    height = min(word.y1, drawn.y1) - max(word.y0, drawn.y0)
    if width <= 0 or height <= 0:
        return False
    area = max(word.width * word.height, 1e-6)
    return width * height / area >= SNAP_OVERLAP


def _word_at(words: Sequence[Word], x: float, y: float) -> Word | None:
    best: tuple[float, Word] | None = None
    for word in words:
        r = word.rect
        dx = max(r.x0 - x, 0.0, x - r.x1)
        dy = max(r.y0 - y, 0.0, y - r.y1)
        distance = max(dx, dy)
        if distance <= WORD_SLACK and (best is None or distance < best[0]):
            best = (distance, word)
    return best[1] if best else None
