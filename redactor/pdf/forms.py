"""Give a page private copies of the form XObjects that carry its text.

The text rewriter changes the content of the forms drawn on a page with boxes. A form can be
shared by other pages, or drawn twice on the same page in two places; editing it in place
would change those too. So every Do of a text-bearing form on such a page gets a copy of its
own (recursively), under a fresh resource name in a resource dictionary of the page's own.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name

from redactor.pdf.content import (
    MAX_FORM_DEPTH,
    TEXT_SHOW,
    ContentError,
    form_resources,
    instr,
    iter_forms,
    op_name,
    parse,
    resource,
    unparse,
)

log = logging.getLogger(__name__)


class FormCopier:
    """Clones text-bearing forms per use. One instance per document (it caches scans)."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self._has_text: dict[tuple[int, int], bool] = {}
        self._names = itertools.count(1)

    def privatize_page(self, page: pikepdf.Page) -> None:
        """Copy the page's forms (those with text) so that the page owns them; may raise ContentError."""
        obj = page.obj
        # pikepdf has pushed inherited attributes (/Resources included) down to the page.
        resources = obj.get("/Resources")
        own = _own_resources(self.pdf, resources if isinstance(resources, Dictionary) else None)
        obj.Resources = own
        instructions = parse(page)
        if self._rewrite_uses(instructions, own, depth=0):
            obj.Contents = self.pdf.make_stream(unparse(instructions))

    def _rewrite_uses(self, instructions: list[Any], resources: Dictionary, depth: int) -> bool:
        """Point every Do of a text-bearing form at a private copy; True if anything changed."""
        if depth > MAX_FORM_DEPTH:
            raise ContentError("form XObjects nested too deeply")
        changed = False
        for index, _name, form in list(iter_forms(instructions, resources)):
            if not self.has_text(form, resources, set()):
                continue
            copy = self._copy_form(form, resources, depth)
            new_name = Name(f"/RdxFm{next(self._names)}")
            xobjects = resources.get("/XObject")
            assert isinstance(xobjects, Dictionary)  # _own_resources guarantees it
            xobjects[new_name] = copy
            instructions[index] = instr([new_name], "Do")
            changed = True
        return changed

    def _copy_form(
        self, form: pikepdf.Stream, inherited: Dictionary | None, depth: int
    ) -> pikepdf.Stream:
        try:
            data = form.read_bytes()
        except Exception as exc:
            raise ContentError("an unreadable form XObject") from exc
        copy = self.pdf.make_stream(data)
        for key, value in form.items():
            if key not in ("/Length", "/Filter", "/DecodeParms", "/Resources"):
                copy[key] = value
        own = _own_resources(self.pdf, form_resources(form, inherited))
        copy.Resources = own
        instructions = parse(copy)
        if self._rewrite_uses(instructions, own, depth + 1):
            copy.write(unparse(instructions))
        return self.pdf.make_indirect(copy)

    def has_text(
        self, form: pikepdf.Stream, inherited: Dictionary | None, seen: set[tuple[int, int]]
    ) -> bool:
        """Whether drawing `form` shows text (directly or through nested forms)."""
        key = form.objgen
        if key in self._has_text:
            return self._has_text[key]
        if key in seen or len(seen) > MAX_FORM_DEPTH:
            raise ContentError("form XObjects drawn in a cycle")
        seen = seen | {key}
        resources = form_resources(form, inherited)
        instructions = parse(form)
        result = any(op_name(i) in TEXT_SHOW for i in instructions) or any(
            self.has_text(nested, resources, seen)
            for _, _, nested in iter_forms(instructions, resources)
        )
        if key != (0, 0):
            self._has_text[key] = result
        return result


def _own_resources(pdf: pikepdf.Pdf, resources: Dictionary | None) -> Dictionary:
    """A shallow copy of `resources` with its own /XObject dictionary (direct objects)."""
    own = Dictionary()
    if isinstance(resources, Dictionary):
        for key, value in resources.items():
            own[key] = value
    xobjects = Dictionary()
    old = own.get("/XObject")
    if isinstance(old, Dictionary):
        for key, value in old.items():
            xobjects[key] = value
    own.XObject = xobjects
    return own


def lookup_form(resources: Dictionary | None, name: Any) -> pikepdf.Stream | None:
    xobj = resource(resources, "XObject", name)
    return xobj if isinstance(xobj, pikepdf.Stream) else None
