"""Undoable edits. Each edit is stored through the session the moment it is made; undo and
redo call the session again (so closing the window or a crash never loses an edit, and undo
is itself audited).

The controller calls `apply()` first, outside the undo stack, so a refused edit is shown and
never pushed; `redo()` skips that first call. An undo or redo the case refuses (another
reviewer changed the box meanwhile) is reported and the command made obsolete, which removes
it from the stack.

Undoing a delete draws the box again under a new id; `BoxRegistry` maps the ids the commands
remember to the current ones, and remembers the version each box had after our last write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from redactor.app.batch import BoxChange, delete_redactions, restore_redactions, update_redactions
from redactor.app.session import CaseSession
from redactor.core.errors import RedactorError
from redactor.core.geometry import Rect
from redactor.core.model import PageDecision, PageDecisionKind, Redaction

log = logging.getLogger(__name__)


class BoxRegistry:
    def __init__(self) -> None:
        self._alias: dict[int, int] = {}
        self._version: dict[int, int] = {}

    def current(self, red_id: int) -> int:
        seen = set()
        while red_id in self._alias and red_id not in seen:
            seen.add(red_id)
            red_id = self._alias[red_id]
        return red_id

    def version(self, red_id: int, fallback: int | None = None) -> int | None:
        return self._version.get(self.current(red_id), fallback)

    def record(self, red: Redaction) -> None:
        self._version[red.id] = red.version

    def alias(self, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._alias[old_id] = new_id


@dataclass
class EditContext:
    session: CaseSession
    registry: BoxRegistry
    changed: Callable[[], None]  # refresh the views after a change
    failed: Callable[[RedactorError], None]  # show a refused undo/redo


class SessionCommand(QUndoCommand):
    def __init__(self, ctx: EditContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._skip_redo = False

    def apply(self) -> None:
        """The first time: raises RedactorError if the case refuses the edit."""
        self._redo()
        self._skip_redo = True
        self.ctx.changed()

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self._redo)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except RedactorError as exc:
            self.setObsolete(True)
            self.ctx.failed(exc)
        self.ctx.changed()

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddBoxes(SessionCommand):
    """New boxes on pages of one document, with the same grounds and note."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        document_id: int,
        boxes: Sequence[tuple[int, Rect]],
        grounds: Sequence[str],
        note: str,
    ) -> None:
        super().__init__(ctx, text)
        self.document_id = document_id
        self.boxes = list(boxes)
        self.grounds = tuple(grounds)
        self.note = note
        self.ids: list[int] = []  # the ids of the first creation; the registry maps them on

    def _redo(self) -> None:
        created = self.ctx.session.add_redactions(
            self.document_id, self.boxes, self.grounds, self.note
        )
        first = not self.ids
        for i, red in enumerate(created):
            self.ctx.registry.record(red)
            if first:
                self.ids.append(red.id)
            else:
                self.ctx.registry.alias(self.ids[i], red.id)

    def _undo(self) -> None:
        reg = self.ctx.registry
        delete_redactions(self.ctx.session, [(reg.current(i), reg.version(i)) for i in self.ids])


class CreatedBoxes(SessionCommand):
    """Boxes an app-layer action proposes in one go (accepted suggestions, redact everywhere,
    a consistency fix): undo deletes them, redo draws them again where they were.

    `create` makes them the first time; `already()` wraps boxes a worker task has made.
    """

    def __init__(
        self, ctx: EditContext, text: str, create: Callable[[], Sequence[Redaction]]
    ) -> None:
        super().__init__(ctx, text)
        self._create = create
        self.boxes: list[Redaction] = []  # as first created; the registry maps their ids on

    @classmethod
    def already(cls, ctx: EditContext, text: str, boxes: Sequence[Redaction]) -> CreatedBoxes:
        command = cls(ctx, text, lambda: boxes)
        command._redo()
        command._skip_redo = True  # stored already: pushing it must not create them again
        return command

    def _redo(self) -> None:
        reg = self.ctx.registry
        if not self.boxes:
            self.boxes = list(self._create())
            for red in self.boxes:
                reg.record(red)
            return
        restored = restore_redactions(self.ctx.session, self.boxes)
        for old, new in zip(self.boxes, restored, strict=True):
            reg.alias(old.id, new.id)
            reg.record(new)

    def _undo(self) -> None:
        reg = self.ctx.registry
        delete_redactions(
            self.ctx.session, [(reg.current(b.id), reg.version(b.id)) for b in self.boxes]
        )


class UpdateBoxes(SessionCommand):
    """Move, resize, or change grounds/note of boxes; `before` holds them as they were."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        before: Sequence[Redaction],
        rects: Sequence[Rect | None] | None = None,
        grounds: tuple[str, ...] | None = None,
        note: str | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.before = list(before)
        self.rects = list(rects) if rects is not None else [None] * len(self.before)
        self.grounds = grounds
        self.note = note

    def _redo(self) -> None:
        reg = self.ctx.registry
        changes = [
            BoxChange(
                reg.current(b.id),
                reg.version(b.id, b.version),
                rect=rect,
                grounds=self.grounds,
                note=self.note,
            )
            for b, rect in zip(self.before, self.rects, strict=True)
        ]
        for red in update_redactions(self.ctx.session, changes):
            reg.record(red)

    def _undo(self) -> None:
        reg = self.ctx.registry
        changes = [
            BoxChange(
                reg.current(b.id),
                reg.version(b.id, b.version),
                rect=b.rect if rect is not None else None,
                grounds=b.grounds if self.grounds is not None else None,
                note=b.note if self.note is not None else None,
            )
            for b, rect in zip(self.before, self.rects, strict=True)
        ]
        for red in update_redactions(self.ctx.session, changes):
            reg.record(red)


class DeleteBoxes(SessionCommand):
    def __init__(self, ctx: EditContext, text: str, boxes: Sequence[Redaction]) -> None:
        super().__init__(ctx, text)
        self.boxes = list(boxes)

    def _redo(self) -> None:
        reg = self.ctx.registry
        delete_redactions(
            self.ctx.session,
            [(reg.current(b.id), reg.version(b.id, b.version)) for b in self.boxes],
        )

    def _undo(self) -> None:
        restored = restore_redactions(self.ctx.session, self.boxes)
        for old, new in zip(self.boxes, restored, strict=True):
            self.ctx.registry.alias(old.id, new.id)
            self.ctx.registry.record(new)


@dataclass(frozen=True)
class PageState:
    """What a page decision command sets: a withheld/out-of-scope decision, or none."""

    kind: PageDecisionKind | None
    grounds: tuple[str, ...] = ()
    note: str = ""

    @classmethod
    def of(cls, decision: PageDecision | None) -> PageState:
        if decision is None:
            return cls(None)
        return cls(decision.kind, decision.grounds, decision.note)


class SetPageDecision(SessionCommand):
    """Withhold a page, mark it out of scope, or remove its decision."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        document_id: int,
        page_index: int,
        before: PageState,
        after: PageState,
    ) -> None:
        super().__init__(ctx, text)
        self.document_id = document_id
        self.page_index = page_index
        self.before = before
        self.after = after

    def _set(self, state: PageState) -> None:
        session = self.ctx.session
        if state.kind is PageDecisionKind.WITHHELD:
            session.withhold_page(self.document_id, self.page_index, state.grounds, state.note)
        elif state.kind is PageDecisionKind.OUT_OF_SCOPE:
            session.mark_out_of_scope(self.document_id, self.page_index, state.note)
        else:
            current = [
                d
                for d in session.page_decisions(self.document_id)
                if d.page_index == self.page_index
            ]
            for decision in current:
                session.remove_page_decision(decision.id, decision.version)

    def _redo(self) -> None:
        self._set(self.after)

    def _undo(self) -> None:
        self._set(self.before)


class MarkReviewed(SessionCommand):
    def __init__(
        self, ctx: EditContext, text: str, document_id: int, page_index: int, reviewed: bool
    ) -> None:
        super().__init__(ctx, text)
        self.document_id = document_id
        self.page_index = page_index
        self.reviewed = reviewed

    def _redo(self) -> None:
        self.ctx.session.mark_page_reviewed(self.document_id, self.page_index, self.reviewed)

    def _undo(self) -> None:
        self.ctx.session.mark_page_reviewed(self.document_id, self.page_index, not self.reviewed)
