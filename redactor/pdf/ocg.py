"""Remove content in optional-content layers that are off (nobody reviewed what is hidden).

The export drops /OCProperties; a viewer then shows every layer, so hidden content would
suddenly appear. Before that, marked-content sections `/OC /name BDC ... EMC` whose group or
membership dictionary is off in the default configuration are cut out, and `Do` of an
XObject with an /OC entry that is off is dropped, in every page and form stream and in tiling
patterns. A reference we cannot resolve counts as hidden (removing too much is safe).
"""

from __future__ import annotations

import logging
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from redactor.pdf.content import ContentError, op_name, parse, resource, unparse

log = logging.getLogger(__name__)


class Visibility:
    """Which optional-content groups are on in the document's default configuration."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        props = pdf.Root.get("/OCProperties")
        self.present = isinstance(props, Dictionary)
        self.off: set[tuple[int, int]] = set()
        self.on: set[tuple[int, int]] = set()
        self.base_on = True
        if not isinstance(props, Dictionary):
            return
        config = props.get("/D")
        if isinstance(config, Dictionary):
            self.base_on = config.get("/BaseState", Name.ON) != Name.OFF
            self.on = _keys(config.get("/ON"))
            self.off = _keys(config.get("/OFF"))

    def group_on(self, group: Any) -> bool:
        if not isinstance(group, Dictionary) or not group.is_indirect:
            return False
        key = group.objgen
        if self.base_on:
            return key not in self.off
        return key in self.on

    def visible(self, oc: Any, depth: int = 0) -> bool:
        """Whether content tagged with this OCG or OCMD is shown."""
        if depth > 20 or not isinstance(oc, Dictionary):
            return False
        kind = oc.get("/Type")
        if kind == Name.OCG:
            return self.group_on(oc)
        if kind != Name.OCMD:
            return False
        expression = oc.get("/VE")
        if isinstance(expression, Array):
            return self._expression(expression, depth + 1)
        groups = oc.get("/OCGs")
        members = (
            list(groups) if isinstance(groups, Array) else ([groups] if groups is not None else [])
        )
        states = [self.group_on(g) for g in members]
        if not states:
            return True
        policy = oc.get("/P", Name.AnyOn)
        if policy == Name.AllOn:
            return all(states)
        if policy == Name.AnyOff:
            return not all(states)
        if policy == Name.AllOff:
            return not any(states)
        return any(states)

    def _expression(self, expr: Any, depth: int) -> bool:
        if depth > 20:
            return False
        if isinstance(expr, Dictionary):
            return self.group_on(expr)
        if not isinstance(expr, Array) or len(expr) < 2:
            return False
        op = expr[0]
        values = [self._expression(e, depth + 1) for e in list(expr)[1:]]
        if op == Name.And:
            return all(values)
        if op == Name.Or:
            return any(values)
        if op == Name.Not:
            return not values[0]
        return False


def _keys(value: Any) -> set[tuple[int, int]]:
    if not isinstance(value, Array):
        return set()
    return {item.objgen for item in value if isinstance(item, Dictionary) and item.is_indirect}


def strip_hidden(
    instructions: list[Any], resources: Dictionary | None, vis: Visibility
) -> tuple[list[Any], bool]:
    """The instructions without hidden optional content; and whether anything was cut."""
    out: list[Any] = []
    depth = 0  # marked-content nesting
    hidden_from: int | None = None  # nesting level at which hidden content began
    changed = False
    for item in instructions:
        name = op_name(item)
        if name in ("BDC", "BMC"):
            depth += 1
            if (
                hidden_from is None
                and name == "BDC"
                and _is_oc(item)
                and not vis.visible(_oc_target(item, resources))
            ):
                hidden_from = depth
                changed = True
                continue
        elif name == "EMC":
            if hidden_from is not None and depth == hidden_from:
                hidden_from = None
                depth -= 1
                continue
            depth = max(depth - 1, 0)
        if hidden_from is not None:
            continue
        if name == "Do" and item.operands:
            xobj = resource(resources, "XObject", item.operands[0])
            if (
                isinstance(xobj, pikepdf.Stream)
                and "/OC" in xobj
                and not vis.visible(xobj.get("/OC"))
            ):
                changed = True
                continue
        out.append(item)
    if hidden_from is not None:
        changed = True  # an unterminated hidden section: everything after it was hidden
    return out, changed


def _is_oc(item: Any) -> bool:
    return len(item.operands) == 2 and item.operands[0] == Name.OC


def _oc_target(item: Any, resources: Dictionary | None) -> Any:
    props = item.operands[1]
    if isinstance(props, Name):
        return resource(resources, "Properties", props)
    return props


def _content_streams(pdf: pikepdf.Pdf) -> list[tuple[pikepdf.Stream, Dictionary | None]]:
    """Every form XObject and tiling pattern in the file, with its own resources."""
    found = []
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        if obj.get("/Subtype") == Name.Form or obj.get("/PatternType") == 1:
            res = obj.get("/Resources")
            found.append((obj, res if isinstance(res, Dictionary) else None))
    return found


def remove_hidden_content(pdf: pikepdf.Pdf) -> list[int]:
    """Cut hidden optional content everywhere; return the page indexes whose own stream
    could not be processed (the caller rasterises them). Leaves /OCProperties in place."""
    vis = Visibility(pdf)
    if not vis.present:
        return []
    failed: list[int] = []
    for stream, res in _content_streams(pdf):
        try:
            instructions = parse(stream)
            kept, changed = strip_hidden(instructions, res, vis)
        except ContentError as exc:
            log.info(
                "optional content: a form or pattern could not be read (%s); its pages are rasterised",
                exc,
            )
            failed = list(range(len(pdf.pages)))
            continue
        if changed:
            stream.write(unparse(kept))
    for index, page in enumerate(pdf.pages):
        resources = page.obj.get("/Resources")
        try:
            instructions = parse(page)
            kept, changed = strip_hidden(
                instructions, resources if isinstance(resources, Dictionary) else None, vis
            )
        except ContentError as exc:
            log.info(
                "optional content: page %d could not be read (%s); it is rasterised", index + 1, exc
            )
            failed.append(index)
            continue
        if changed:
            page.obj.Contents = pdf.make_stream(unparse(kept))
    return sorted(set(failed))
