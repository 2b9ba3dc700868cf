"""Checks on the file's objects with pikepdf: every object in the cross-reference table,
referenced or not, and every dictionary nested in one.

Two jobs: find structures that must not be there (annotations, forms, scripts, attachments,
navigation, private data, optional content, source metadata), and collect every string,
name and decoded stream for the removed-terms search.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from redactor.export.verify_text import normalise

log = logging.getLogger(__name__)

ANNOT_SUBTYPES = frozenset(
    "/" + s
    for s in [
        "Text",
        "Link",
        "FreeText",
        "Line",
        "Square",
        "Circle",
        "Polygon",
        "PolyLine",
        "Highlight",
        "Underline",
        "Squiggly",
        "StrikeOut",
        "Stamp",
        "Caret",
        "Ink",
        "Popup",
        "FileAttachment",
        "Sound",
        "Movie",
        "Widget",
        "Screen",
        "PrinterMark",
        "TrapNet",
        "Watermark",
        "3D",
        "Redact",
        "RichMedia",
        "Projection",
    ]
)
ACTION_TYPES = frozenset(
    "/" + s
    for s in [
        "JavaScript",
        "Launch",
        "SubmitForm",
        "ImportData",
        "ResetForm",
        "URI",
        "GoToR",
        "GoToE",
        "Rendition",
        "Sound",
        "Movie",
    ]
)
ALLOWED_INFO = frozenset({"/Producer", "/CreationDate", "/ModDate"})
MAX_DEPTH = 40


@dataclass
class ObjectFindings:
    """What the walk found; each list holds short, text-free descriptions."""

    annotations: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    optional_content: list[str] = field(default_factory=list)
    metadata: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)  # normalised strings and names
    # The byte forms of each removed term (see encodings), and where each term (by number,
    # from 1) was found in a stream. Streams are searched as they are read, not kept: held
    # until the term check, a document's decoded streams made memory grow with its pages.
    term_forms: list[list[bytes]] = field(default_factory=list)
    stream_hits: dict[int, list[str]] = field(default_factory=dict)
    # The object numbers in the file (but those of plain numbers and booleans, which pikepdf
    # hands out without one: only counted), and those of the form XObjects and tiling
    # patterns (for pdfminer, which otherwise parses every object to find them).
    object_numbers: set[int] = field(default_factory=set)
    scalar_objects: int = 0
    drawing_streams: set[int] = field(default_factory=set)

    def search_stream(self, where: str, data: bytes) -> None:
        """Note the removed terms found in a stream's (lower-cased) bytes."""
        for number, forms in enumerate(self.term_forms, 1):
            if any(form in data for form in forms):
                self.stream_hits.setdefault(number, []).append(where)


def _describe(obj: Any) -> str:
    try:
        num, gen = obj.objgen
        return f"object {num} {gen}" if num else "a direct object"
    except Exception:
        return "an object"


def walk(pdf: pikepdf.Pdf, terms: Sequence[str] = ()) -> ObjectFindings:
    """The structure findings, and the streams in which each of `terms` occurs."""
    found = ObjectFindings(term_forms=[encodings(term) for term in terms])
    root = pdf.Root
    for key, bucket in (
        ("/AcroForm", found.forms),
        ("/OpenAction", found.scripts),
        ("/AA", found.scripts),
        ("/Names", found.navigation),
        ("/Dests", found.navigation),
        ("/Outlines", found.navigation),
        ("/PageLabels", found.navigation),
        ("/StructTreeRoot", found.navigation),
        ("/Threads", found.navigation),
        ("/OCProperties", found.optional_content),
        ("/Metadata", found.metadata),
        ("/PieceInfo", found.private),
        ("/AF", found.attachments),
        ("/Collection", found.attachments),
    ):
        if key in root:
            bucket.append(f"the catalog has {key}")
    info = pdf.trailer.get("/Info")
    if isinstance(info, Dictionary):
        extra = sorted(k for k in info.keys() if k not in ALLOWED_INFO)  # noqa: SIM118 (pikepdf)
        if extra:
            found.metadata.append(f"the document info has {', '.join(extra)}")
    skip = _not_text(pdf)
    content = _content_streams(pdf)
    for obj in pdf.objects:
        _visit(obj, found, 0)
        if not isinstance(obj, pikepdf.Object):
            found.scalar_objects += 1  # pikepdf gives a number or a boolean, without its id
            continue
        found.object_numbers.add(obj.objgen[0])
        if isinstance(obj, pikepdf.Stream):
            _stream(obj, found, skip, content)
            if _draws(obj):
                found.drawing_streams.add(obj.objgen[0])
    for index, page in enumerate(pdf.pages):
        annots = page.obj.get("/Annots")
        if isinstance(annots, Array) and len(annots):
            found.annotations.append(f"page {index + 1} has {len(annots)} annotation(s)")
    return found


def _not_text(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Streams whose bytes are not text: font programs and ToUnicode/encoding CMaps."""
    out: set[tuple[int, int]] = set()
    for obj in pdf.objects:
        if not isinstance(obj, (Dictionary, pikepdf.Stream)):
            continue
        for key in ("/FontFile", "/FontFile2", "/FontFile3", "/ToUnicode", "/Encoding"):
            value = obj.get(key)
            if isinstance(value, pikepdf.Stream):
                out.add(value.objgen)
    return out


def _content_streams(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Page contents, forms, tiling patterns and Type3 glyph procedures."""
    out: set[tuple[int, int]] = set()
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, Array) else [contents]:
            if isinstance(stream, pikepdf.Stream):
                out.add(stream.objgen)
    for obj in pdf.objects:
        if _draws(obj):
            out.add(obj.objgen)
        elif isinstance(obj, Dictionary) and isinstance(obj.get("/CharProcs"), Dictionary):
            for _, proc in obj.CharProcs.items():
                if isinstance(proc, pikepdf.Stream):
                    out.add(proc.objgen)
    return out


def _draws(obj: Any) -> bool:
    """A form XObject or a tiling pattern: a stream of drawing operators of its own."""
    return isinstance(obj, pikepdf.Stream) and (
        obj.get("/Subtype") == Name.Form or obj.get("/PatternType") == 1
    )


def _visit(obj: Any, found: ObjectFindings, depth: int) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(obj, pikepdf.String):
        found.strings.append(normalise(str(obj)))
        return
    if isinstance(obj, Name):
        return  # names are structure (keys, types, font names); /Dests is checked apart
    if isinstance(obj, Array):
        for item in obj:
            if not getattr(item, "is_indirect", False):
                _visit(item, found, depth + 1)
        return
    if not isinstance(obj, (Dictionary, pikepdf.Stream)):
        return
    _classify(obj, found)
    if (
        obj.get("/Type") == Name.FontDescriptor
        or ("/FontName" in obj and "/Flags" in obj)
        or ("/Registry" in obj and "/Ordering" in obj)
    ):
        return  # font structure: glyph names (/CharSet), family names, CID registries
    for _key, value in obj.items():
        if not getattr(value, "is_indirect", False) or isinstance(value, (pikepdf.String, Name)):
            _visit(value, found, depth + 1)


def _classify(obj: Any, found: ObjectFindings) -> None:
    where = _describe(obj)
    kind = obj.get("/Type")
    subtype = obj.get("/Subtype")
    if kind == Name.Annot or (subtype in ANNOT_SUBTYPES and "/Rect" in obj):
        found.annotations.append(f"{where} is an annotation")
    if "/FT" in obj or "/XFA" in obj or "/Fields" in obj:
        found.forms.append(f"{where} is a form field or form")
    if "/JS" in obj or "/JavaScript" in obj or "/AA" in obj or obj.get("/S") in ACTION_TYPES:
        found.scripts.append(f"{where} is a script or action")
    if (
        kind in (Name.EmbeddedFile, Name.Filespec)
        or "/EmbeddedFiles" in obj
        or "/EF" in obj
        or "/AF" in obj
    ):
        found.attachments.append(f"{where} is an attached file")
    if kind in (Name.Outlines, Name.StructTreeRoot, Name.StructElem) or "/Dests" in obj:
        found.navigation.append(f"{where} is navigation or structure")
    ptex = any(k.startswith("/PTEX.") for k in obj.keys())  # noqa: SIM118 (pikepdf keys)
    if "/PieceInfo" in obj or "/Thumb" in obj or "/SpiderInfo" in obj or ptex:
        found.private.append(f"{where} holds private data or a thumbnail")
    if kind in (Name.OCG, Name.OCMD) or "/OC" in obj or "/OCProperties" in obj:
        found.optional_content.append(f"{where} is optional content")
    if "/Metadata" in obj or kind == Name.Metadata or subtype == Name.XML:
        found.metadata.append(f"{where} holds metadata")


def _stream(
    obj: pikepdf.Stream,
    found: ObjectFindings,
    skip: set[tuple[int, int]],
    content: set[tuple[int, int]],
) -> None:
    """Bytes for the term search. Content streams contribute the strings they show (their
    operators and coordinates are not text); other streams their decoded bytes. Image
    samples, font programs, CMaps, ICC profiles, object and xref streams are skipped: text
    there is not stored as text, and their bytes would make short terms match by chance."""
    kind = obj.get("/Type")
    if (
        obj.get("/Subtype") == Name.Image
        or obj.objgen in skip
        or kind in (Name.ObjStm, Name.XRef, Name.CMap)
        or "/N" in obj  # an ICC profile
    ):
        return
    where = _describe(obj)
    if obj.objgen in content:
        shown = _shown_strings(obj)
        if shown:
            found.search_stream(where + " (shown strings)", shown.lower())
        return
    try:
        data = obj.read_bytes()
    except Exception:
        try:
            data = obj.read_raw_bytes()
        except Exception:
            found.metadata.append(f"{where} cannot be read")
            return
    found.search_stream(where, data.lower())
    if b"BT" in data or b"Tj" in data or b"TJ" in data:
        shown = _shown_strings(obj)  # an unreferenced content stream, perhaps
        if shown:
            found.search_stream(where + " (shown strings)", shown.lower())


# Between the strings of different operators. Not a zero byte: a term's UTF-16 form is a
# zero byte before each ASCII character, so single characters shown by successive
# operators ("2", "0", "1", "5": a table set one glyph at a time) spelled it across the
# separators and failed correct files.
SEPARATOR = b"\x01"


def _shown_strings(obj: pikepdf.Stream) -> bytes:
    """The strings a content stream shows; one operator's strings run together (a TJ array
    splits words), different operators apart (a separator byte between them).

    qpdf parses the stream; the strings are then read from qpdf's own re-serialisation of
    the instructions (one line per instruction) where that is unambiguous, because walking
    every operand of every instruction through pikepdf's objects costs far more. A line is
    read directly only when it holds no backslash and no angle bracket (no escape, hex string
    or dictionary) and every parenthesis on it belongs to one plain literal string; any
    other line, and the whole stream if its lines do not match its instructions one to one,
    is walked object by object (_strings_in)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # not every stream with "BT" in it is content
            instructions = pikepdf.parse_content_stream(obj)
    except Exception:
        return b""
    kept = [i for i in instructions if not isinstance(i, pikepdf.ContentStreamInlineImage)]
    if not kept:
        return b""
    lines = pikepdf.unparse_content_stream(kept).split(b"\n")
    if len(lines) != len(kept):  # not one line per instruction: walk every instruction
        lines = [b"<"] * len(kept)
    parts: list[bytes] = []
    for line, item in zip(lines, kept, strict=True):
        if b"(" not in line and b"<" not in line:
            continue  # neither a literal nor a hex string nor a dictionary: no string
        if b"\\" in line or b"<" in line or b">" in line:
            shown = _strings_in(item.operands)
        else:
            found = _LITERAL.findall(line)
            if line.count(b"(") == len(found) == line.count(b")"):
                shown = b"".join(found)
            else:
                shown = _strings_in(item.operands)
        if shown:
            parts.append(shown)
    return SEPARATOR.join(parts)


_LITERAL = re.compile(rb"\(([^()\\]*)\)")  # a literal string without escapes or parentheses
_STRING = pikepdf.ObjectType.string
_ARRAY = pikepdf.ObjectType.array
_DICTIONARY = pikepdf.ObjectType.dictionary


def _strings_in(operands: Any) -> bytes:
    """The strings among the operands in order, including those in arrays and in
    marked-content property lists, run together."""
    out: list[bytes] = []
    stack = list(reversed(list(operands)))
    while stack:
        operand = stack.pop()
        if not isinstance(operand, pikepdf.Object):
            continue  # numbers, booleans and null come back as Python values
        code = operand._type_code
        if code == _STRING:
            out.append(bytes(operand))
        elif code == _ARRAY:
            stack.extend(reversed(list(operand)))
        elif code == _DICTIONARY:
            stack.extend(reversed([value for _, value in operand.items()]))
    return b"".join(out)


def encodings(term: str) -> list[bytes]:
    """The byte forms a term may take in a stream (lower-cased like the stream bytes)."""
    out = []
    for codec in ("utf-8", "cp1252", "utf-16-be"):
        try:
            out.append(term.encode(codec).lower())
        except UnicodeEncodeError:
            continue
    return list(dict.fromkeys(out))
