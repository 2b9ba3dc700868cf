"""Font data for codes that no remaining text shows: removed.

Subsetting the font programs (MuPDF's subset_fonts) removes the outlines of glyphs that only
removed text used, but a producer that subset its fonts also wrote, per font, which codes it
used and what they are: /ToUnicode (code -> characters), /Widths or /W (a width per code or
CID), /Encoding /Differences (code -> glyph name), /CharSet and /CIDSet, and for Type3 fonts
the glyph procedures themselves. Left as they were, they list the characters of the removed
text (a name with an "ë" or a "Q" that occurs nowhere else). This pass walks every content
stream that can show text (pages, forms, tiling patterns, Type3 glyph procedures), collects
the codes each font shows, and keeps each font's data for those codes only.

A font whose strings cannot be split into codes (an encoding we cannot read) is left as it
is and named in the log; the verification gate (redactor.export.verify_fonts) judges the
file independently either way.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from redactor.pdf.content import (
    MAX_FORM_DEPTH,
    TEXT_SHOW,
    ContentError,
    font_codes,
    form_resources,
    is_form,
    op_name,
    resource,
    shown_strings,
    string_bytes,
)

log = logging.getLogger(__name__)

FontKey = tuple[int, int]
_WALKED = "q Q Tf Tj TJ ' \" Do"
DESCRIPTOR_LISTS = ("/CharSet", "/CIDSet")
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass
class Usage:
    """The codes each font shows, over the whole document."""

    fonts: dict[FontKey, Dictionary] = field(default_factory=dict)
    codes: dict[FontKey, set[bytes]] = field(default_factory=dict)
    unreadable: set[FontKey] = field(default_factory=set)
    walked: set[Any] = field(default_factory=set)  # streams already walked (and how)

    def font(self, font: Any) -> FontKey | None:
        if not isinstance(font, Dictionary) or not font.is_indirect:
            return None  # direct font objects (rare) are left to the gate
        key = font.objgen
        self.fonts.setdefault(key, font)
        self.codes.setdefault(key, set())
        return key


def prune_fonts(pdf: pikepdf.Pdf) -> None:
    """Keep every font's data for the codes the document shows, and nothing more.

    Fonts share parts (several Type0 fonts one descendant, one ToUnicode stream or
    FontDescriptor, simple fonts one Encoding): each shared part keeps what any of its fonts
    shows, and a part shared with a font whose strings could not be read is left alone."""
    if not any(_has_lists(obj) for obj in pdf.objects):
        return  # only standard fonts without lists (common): no content walk needed
    usage = shown_codes(pdf)
    for key in sorted(usage.unreadable):
        log.info("font %s: its strings could not be read; its data is left as it is", key)
    plan = _Plan()
    for key, font in usage.fonts.items():
        try:
            plan.add(key, font, usage.codes[key], key in usage.unreadable)
        except (ContentError, pikepdf.PdfError, ValueError, TypeError) as exc:
            log.info("font %s could not be read for pruning: %s", key, exc)
            plan.add(key, font, set(), True)
    plan.apply()


PRUNABLE = ("/ToUnicode", "/Widths", "/W", "/W2", "/Encoding", "/CharProcs", "/FontDescriptor")


def _has_lists(obj: Any) -> bool:
    """Whether a font dictionary carries any data that pruning would change."""
    if not isinstance(obj, Dictionary) or obj.get("/Type") != Name.Font:
        return False
    encoding = obj.get("/Encoding")
    return any(key in obj for key in PRUNABLE if key != "/Encoding") or (
        isinstance(encoding, Dictionary) and "/Differences" in encoding
    )


def shown_codes(pdf: pikepdf.Pdf) -> Usage:
    usage = Usage()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        _walk(pdf, page, resources if isinstance(resources, Dictionary) else None, usage, 0, None)
    return usage


def _walk(
    pdf: pikepdf.Pdf,
    holder: pikepdf.Object | pikepdf.Page,
    resources: Dictionary | None,
    usage: Usage,
    depth: int,
    font: FontKey | None,
) -> None:
    if depth > MAX_FORM_DEPTH:
        return
    _register_resources(pdf, resources, usage, depth)
    try:
        instructions = pikepdf.parse_content_stream(holder, _WALKED)
    except Exception as exc:  # an unreadable stream shows nothing a reader could see either
        log.info("a content stream could not be read for font usage: %s", exc)
        return
    stack: list[FontKey | None] = []
    for item in instructions:
        name = op_name(item)
        if name == "q":
            stack.append(font)
        elif name == "Q":
            font = stack.pop() if stack else font
        elif name == "Tf" and item.operands:
            font = usage.font(resource(resources, "Font", item.operands[0]))
        elif name in TEXT_SHOW and font is not None:
            _count(usage, font, list(item.operands), name)
        elif name == "Do" and item.operands:
            xobject = resource(resources, "XObject", item.operands[0])
            if isinstance(xobject, pikepdf.Stream) and is_form(xobject):
                nested = form_resources(xobject, resources)
                res_key = nested.objgen if nested is not None else None
                key = (xobject.objgen, res_key, font)
                if key not in usage.walked:  # the same form, resources and inherited font
                    usage.walked.add(key)
                    _walk(pdf, xobject, nested, usage, depth + 1, font)


def _register_resources(
    pdf: pikepdf.Pdf, resources: Dictionary | None, usage: Usage, depth: int
) -> None:
    """Every font in the resources (used or not), and the streams that may show text without
    a Do: tiling patterns, and Type3 glyph procedures."""
    if resources is None:
        return
    fonts = resources.get("/Font")
    if isinstance(fonts, Dictionary):
        for _, font in fonts.items():
            key = usage.font(font)
            if key is not None and font.get("/Subtype") == Name.Type3:
                own = font.get("/Resources")
                procs = font.get("/CharProcs")
                if isinstance(procs, Dictionary) and ("type3", key) not in usage.walked:
                    usage.walked.add(("type3", key))
                    for _, proc in procs.items():
                        if isinstance(proc, pikepdf.Stream):
                            res = own if isinstance(own, Dictionary) else resources
                            _walk(pdf, proc, res, usage, depth + 1, None)
    states = resources.get("/ExtGState")
    if isinstance(states, Dictionary):
        for _, state in states.items():
            mask = state.get("/SMask") if isinstance(state, Dictionary) else None
            group = mask.get("/G") if isinstance(mask, Dictionary) else None
            if (
                isinstance(group, pikepdf.Stream)
                and is_form(group)
                and (group.objgen, None) not in usage.walked
            ):
                usage.walked.add((group.objgen, None))
                _walk(pdf, group, form_resources(group, resources), usage, depth + 1, None)
    patterns = resources.get("/Pattern")
    if isinstance(patterns, Dictionary):
        for _, pattern in patterns.items():
            if isinstance(pattern, pikepdf.Stream) and pattern.get("/PatternType") == 1:
                if (pattern.objgen, None) in usage.walked:
                    continue
                usage.walked.add((pattern.objgen, None))
                own = pattern.get("/Resources")
                _walk(
                    pdf,
                    pattern,
                    own if isinstance(own, Dictionary) else None,
                    usage,
                    depth + 1,
                    None,
                )


def _count(usage: Usage, key: FontKey, operands: list[Any], op: str) -> None:
    if key in usage.unreadable:
        return
    try:
        codes = font_codes(usage.fonts[key])
        target = usage.codes[key]
        for value in shown_strings(operands, op):
            if isinstance(value, pikepdf.String):
                target.update(codes.split(string_bytes(value)))
    except ContentError:
        usage.unreadable.add(key)


# --- pruning one font ----------------------------------------------------------------------


def _part_key(obj: Any, owner: FontKey, role: str) -> Any:
    """Shared parts by object number; a direct part belongs to its font alone."""
    return obj.objgen if getattr(obj, "is_indirect", False) else (owner, role)


@dataclass
class _Part:
    obj: Any
    wanted: set[Any] = field(default_factory=set)
    frozen: bool = False  # a font using it could not be read: leave it as it is


class _Plan:
    """What each font part must keep: the union over the fonts that use it."""

    def __init__(self) -> None:
        self.parts: dict[str, dict[Any, _Part]] = {
            role: {}
            for role in ("tounicode", "cids", "cids2", "descriptor", "widths", "encoding", "procs")
        }
        self.first_char: dict[Any, int] = {}

    def _want(
        self, role: str, obj: Any, owner: FontKey, wanted: Iterable[Any], frozen: bool
    ) -> None:
        key = _part_key(obj, owner, role)
        part = self.parts[role].setdefault(key, _Part(obj))
        part.wanted.update(wanted)
        part.frozen = part.frozen or frozen

    def add(self, key: FontKey, font: Dictionary, used: set[bytes], frozen: bool) -> None:
        to_unicode = font.get("/ToUnicode")
        if isinstance(to_unicode, pikepdf.Stream):
            self._want("tounicode", to_unicode, key, used, frozen)
        if font.get("/Subtype") == Name.Type0:
            descendants = font.get("/DescendantFonts")
            descendant = (
                descendants[0] if isinstance(descendants, Array) and len(descendants) else None
            )
            if not isinstance(descendant, Dictionary):
                return
            cids = None if frozen else _cids(font, used)
            for role, name in (("cids", "/W"), ("cids2", "/W2")):
                if name in descendant:
                    self._want(role, descendant, key, cids or (), frozen or cids is None)
            self._descriptor(descendant.get("/FontDescriptor"), key, used, frozen)
            return
        singles = {code[0] for code in used if len(code) == 1}
        widths = font.get("/Widths")
        if isinstance(widths, Array):
            part_key = _part_key(widths, key, "widths")
            self.first_char[part_key] = int(font.get("/FirstChar", 0))
            self._want("widths", widths, key, singles, frozen)
        encoding = font.get("/Encoding")
        if isinstance(encoding, Dictionary) and isinstance(encoding.get("/Differences"), Array):
            self._want("encoding", encoding, key, singles, frozen)
            procs = font.get("/CharProcs")
            if font.get("/Subtype") == Name.Type3 and isinstance(procs, Dictionary):
                names = _names(encoding.Differences, singles)
                self._want("procs", procs, key, names, frozen)
        self._descriptor(font.get("/FontDescriptor"), key, used, frozen)

    def _descriptor(self, descriptor: Any, key: FontKey, used: set[bytes], frozen: bool) -> None:
        if isinstance(descriptor, Dictionary):
            self._want("descriptor", descriptor, key, [True] if used else [], frozen)

    def apply(self) -> None:
        for role, parts in self.parts.items():
            for part_key, part in parts.items():
                if part.frozen:
                    continue
                try:
                    self._apply(role, part_key, part)
                except (ContentError, pikepdf.PdfError, ValueError, TypeError) as exc:
                    log.info("a font's %s could not be pruned: %s", role, exc)

    def _apply(self, role: str, part_key: Any, part: _Part) -> None:
        obj, wanted = part.obj, part.wanted
        if role == "tounicode":
            mapping, spaces = parse_to_unicode(obj.read_bytes())
            if not mapping and not spaces:
                raise ContentError("a ToUnicode map without entries that can be read")
            # By value, not by bytes: producers write 1-byte codes in the ToUnicode map of a
            # 2-byte (Identity-H) font, and readers look such codes up by their value.
            values = {int.from_bytes(code, "big") for code in wanted}
            kept = {c: u for c, u in mapping.items() if int.from_bytes(c, "big") in values}
            obj.write(write_to_unicode(kept, spaces or _default_spaces(wanted)))
        elif role in ("cids", "cids2"):
            name, per_cid = ("/W", 1) if role == "cids" else ("/W2", 3)
            obj[name] = _prune_widths(obj[name], wanted, per_cid)
        elif role == "descriptor":
            _prune_descriptor(obj, unused=not wanted)
        elif role == "widths":
            first = self.first_char.get(part_key, 0)
            for i in range(len(obj)):
                if first + i not in wanted:
                    obj[i] = 0
        elif role == "encoding":
            obj.Differences = _kept_differences(obj.Differences, wanted)
        elif role == "procs":
            for name in [str(k) for k in obj.keys() if str(k) not in wanted]:  # noqa: SIM118
                del obj[name]


def _prune_descriptor(descriptor: Any, unused: bool) -> None:
    if not isinstance(descriptor, Dictionary):
        return
    for key in DESCRIPTOR_LISTS:
        if key in descriptor:
            del descriptor[key]
    if unused:  # nothing shows this font: its program has nothing left to draw
        for key in FONT_FILES:
            if key in descriptor:
                del descriptor[key]


def _differences(differences: Any) -> list[tuple[int, Any]]:
    """(code, glyph name) pairs of a /Differences array."""
    pairs: list[tuple[int, Any]] = []
    code = 0
    for item in differences:
        if isinstance(item, Name):
            pairs.append((code, item))
            code += 1
        else:
            with contextlib.suppress(TypeError, ValueError):
                code = int(item)
    return pairs


def _names(differences: Any, used: set[int]) -> set[str]:
    return {str(name) for code, name in _differences(differences) if code in used}


def _kept_differences(differences: Any, used: set[int]) -> Array:
    kept: list[Any] = []
    last: int | None = None
    for code, name in _differences(differences):
        if code in used:
            if last is None or code != last + 1:
                kept.append(code)
            kept.append(name)
            last = code
    return Array(kept)


def _cids(font: Dictionary, used: set[bytes]) -> set[int] | None:
    """CIDs of the used codes, or None when the encoding's CIDs cannot be read."""
    encoding = font.get("/Encoding")
    if isinstance(encoding, Name) and str(encoding) in ("/Identity-H", "/Identity-V"):
        return {int.from_bytes(code, "big") for code in used}
    cmap = _cid_cmap(encoding)
    if cmap is None:
        return None
    cids: set[int] = set()
    for code in used:
        cids.update(cmap.decode(code))
    return cids


def _cid_cmap(encoding: Any) -> Any:
    from pdfminer.cmapdb import CMap, CMapDB, CMapParser  # CID fonts with a non-identity CMap

    try:
        if isinstance(encoding, Name):
            return CMapDB.get_cmap(str(encoding)[1:])
        if isinstance(encoding, pikepdf.Stream):
            cmap = CMap()
            CMapParser(cmap, io.BytesIO(encoding.read_bytes())).run()
            return cmap
    except Exception as exc:
        log.info("a CMap could not be read for pruning widths: %s", exc)
    return None


def _prune_widths(array: Any, cids: set[int], per_cid: int) -> Array:
    """A /W (per_cid 1) or /W2 (per_cid 3) array with entries for `cids` only."""
    values = _read_widths(array, per_cid)
    out: list[Any] = []
    for cid in sorted(c for c in cids if c in values):
        out += [cid, Array(values[cid])]
    return Array(out)


def _read_widths(array: Any, per_cid: int) -> dict[int, list[Any]]:
    if not isinstance(array, Array):
        return {}
    items = list(array)
    values: dict[int, list[Any]] = {}
    i = 0
    while i < len(items):
        first = int(items[i])
        if i + 1 < len(items) and isinstance(items[i + 1], Array):
            flat = list(items[i + 1])
            for n in range(len(flat) // per_cid):
                values[first + n] = flat[n * per_cid : (n + 1) * per_cid]
            i += 2
        else:
            last = int(items[i + 1])
            metrics = items[i + 2 : i + 2 + per_cid]
            if last - first > 65535:
                raise ValueError("a width range larger than any font")
            for cid in range(first, last + 1):
                values[cid] = list(metrics)
            i += 2 + per_cid
    return values


# --- ToUnicode -----------------------------------------------------------------------------

_BLOCK = re.compile(rb"begin(bfchar|bfrange|codespacerange)(.*?)end\1", re.S)
_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]")


def parse_to_unicode(data: bytes) -> tuple[dict[bytes, str], list[tuple[bytes, bytes]]]:
    """(code -> destination as its hex digits, codespace ranges) of a ToUnicode CMap.

    Destinations stay hex text: producers write odd-length ones (PyMuPDF writes U+10300 as
    <10300>), and they are written back exactly as found."""
    mapping: dict[bytes, str] = {}
    spaces: list[tuple[bytes, bytes]] = []
    for kind, body in _BLOCK.findall(data):
        tokens = _tokens(body)
        flat = [t for t in tokens if isinstance(t, str)]
        if kind == b"codespacerange":
            spaces += [(_code(flat[k]), _code(flat[k + 1])) for k in range(0, len(flat) - 1, 2)]
        elif kind == b"bfchar":
            for k in range(0, len(flat) - 1, 2):
                mapping[_code(flat[k])] = flat[k + 1]
        else:
            i = 0
            while i + 2 < len(tokens):
                lo, hi, dst = tokens[i], tokens[i + 1], tokens[i + 2]
                i += 3
                if not isinstance(lo, str) or not isinstance(hi, str):
                    continue
                first, last = _code(lo), _code(hi)
                start, end = int.from_bytes(first, "big"), int.from_bytes(last, "big")
                if len(first) != len(last) or not 0 <= end - start <= 65535:
                    continue
                for offset in range(end - start + 1):
                    code = (start + offset).to_bytes(len(first), "big")
                    if isinstance(dst, list):
                        if offset < len(dst):
                            mapping[code] = dst[offset]
                    elif dst:
                        mapping[code] = f"{int(dst, 16) + offset:0{len(dst)}X}"
    return mapping, spaces


def _code(digits: str) -> bytes:
    return bytes.fromhex(digits if len(digits) % 2 == 0 else "0" + digits)


def _tokens(body: bytes) -> list[Any]:
    """Hex strings as their digits (str); [ ... ] as lists of them."""
    out: list[Any] = []
    current: list[str] | None = None
    for match in _TOKEN.finditer(body):
        token = match.group(0)
        if token == b"[":
            current = []
        elif token == b"]":
            if current is not None:
                out.append(current)
            current = None
        else:
            value = re.sub(rb"\s", b"", match.group(1)).decode("ascii")
            (current if current is not None else out).append(value)
    return out


def _default_spaces(codes: Iterable[bytes]) -> list[tuple[bytes, bytes]]:
    lengths = sorted({len(c) for c in codes}) or [1]
    return [(b"\x00" * n, b"\xff" * n) for n in lengths]


def write_to_unicode(mapping: dict[bytes, str], spaces: list[tuple[bytes, bytes]]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"%d begincodespacerange" % len(spaces),
        *(b"<%s> <%s>" % (lo.hex().encode(), hi.hex().encode()) for lo, hi in spaces),
        b"endcodespacerange",
    ]
    entries = sorted(mapping.items())
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        lines += [b"<%s> <%s>" % (c.hex().encode(), u.encode("ascii")) for c, u in chunk]
        lines.append(b"endbfchar")
    lines += [
        b"endcmap",
        b"CMapName currentdict /CMap defineresource pop",
        b"end",
        b"end",
    ]
    return b"\n".join(lines) + b"\n"
