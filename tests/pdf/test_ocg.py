"""Hidden optional content: which layers are off, and cutting their content out."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from redactor.pdf.content import instr, op_name
from redactor.pdf.ocg import Visibility, strip_hidden


def _doc(
    base: Name | None = None, on: tuple[int, ...] = (), off: tuple[int, ...] = ()
) -> tuple[pikepdf.Pdf, list[Dictionary]]:
    pdf = pikepdf.new()
    groups = [
        pdf.make_indirect(Dictionary(Type=Name.OCG, Name=pikepdf.String(f"g{i}"))) for i in range(3)
    ]
    config = Dictionary(ON=Array([groups[i] for i in on]), OFF=Array([groups[i] for i in off]))
    if base is not None:
        config.BaseState = base
    pdf.Root.OCProperties = Dictionary(OCGs=Array(groups), D=config)
    return pdf, groups


def test_groups_follow_the_default_configuration() -> None:
    pdf, g = _doc(off=(1,))
    vis = Visibility(pdf)
    assert vis.visible(g[0]) and not vis.visible(g[1])
    pdf, g = _doc(base=Name.OFF, on=(2,))
    vis = Visibility(pdf)
    assert vis.visible(g[2]) and not vis.visible(g[0])


def test_membership_dictionaries_and_expressions() -> None:
    pdf, g = _doc(off=(1,))
    vis = Visibility(pdf)
    any_on = Dictionary(Type=Name.OCMD, OCGs=Array([g[0], g[1]]))
    all_on = Dictionary(Type=Name.OCMD, OCGs=Array([g[0], g[1]]), P=Name.AllOn)
    not_g1 = Dictionary(Type=Name.OCMD, VE=Array([Name.Not, g[1]]))
    assert vis.visible(any_on) and not vis.visible(all_on) and vis.visible(not_g1)
    assert not vis.visible(None), "an unresolvable reference counts as hidden"


def test_hidden_sections_are_cut_nested_ones_included() -> None:
    pdf, g = _doc(off=(1,))
    resources = Dictionary(Properties=Dictionary(on=g[0], off=g[1]))
    ops = [
        instr([Name.OC, Name("/off")], "BDC"),
        instr([Name.Span], "BMC"),
        instr([pikepdf.String("verborgen")], "Tj"),
        instr([], "EMC"),
        instr([], "EMC"),
        instr([Name.OC, Name("/on")], "BDC"),
        instr([pikepdf.String("zichtbaar")], "Tj"),
        instr([], "EMC"),
    ]
    kept, changed = strip_hidden(ops, resources, Visibility(pdf))
    assert changed
    shown = [str(i.operands[0]) for i in kept if op_name(i) == "Tj"]
    assert shown == ["zichtbaar"]
