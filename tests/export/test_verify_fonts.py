"""The gate fails a file whose fonts still name characters of the removed text.

The engine's pruning (redactor.pdf.fontdata) is switched off to make such a file: the same
redaction then leaves ToUnicode entries, widths, glyph names and a CharSet for "Q" and "X",
which occur only under the box. With the pruning on, the same file passes.
"""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
import pytest

from redactor.core.export_model import BoxSpec, RenderOptions, VerificationReport
from redactor.core.geometry import Rect
from redactor.export.verify import verify_redacted
from redactor.pdf import clean
from redactor.pdf.redact import redact_document
from tests.pdf.test_fontdata import _dejavu_case, _simple_font_pdf

CHECK = "no_font_data_of_removed_text"


def _simple_case() -> tuple[bytes, BoxSpec]:
    data = _simple_font_pdf()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        (word,) = [w for w in doc[0].get_text("words") if w[4] == "QXQX"]
    return data, BoxSpec(0, Rect(word[0] - 1, word[1], word[2] + 1, word[3]), ("5.1.2e",))


def _report(data: bytes, box: BoxSpec) -> VerificationReport:
    out = redact_document(data, [box], [], RenderOptions())
    return verify_redacted(out.pdf, [box], [], out.removed_terms, RenderOptions(), 1)


def _font_check(report: VerificationReport) -> tuple[bool, str]:
    (check,) = [c for c in report.checks if c.name == CHECK]
    return check.passed, check.detail


@pytest.mark.parametrize("case", [_dejavu_case, _simple_case], ids=["type0", "simple"])
def test_fonts_pruned_by_the_engine_pass(case: Callable[[], tuple[bytes, BoxSpec]]) -> None:
    report = _report(*case())
    assert report.passed, report.failures()
    assert _font_check(report)[0]


def test_unpruned_composite_font_fails_on_tounicode_and_widths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clean, "prune_fonts", lambda pdf: None)
    passed, detail = _font_check(_report(*_dejavu_case()))
    assert not passed
    assert "ToUnicode" in detail and "widths" in detail
    assert "Q" not in detail.replace("DejaVu", "")  # names the font, never the characters


def test_unpruned_simple_font_fails_on_widths_names_and_charset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clean, "prune_fonts", lambda pdf: None)
    passed, detail = _font_check(_report(*_simple_case()))
    assert not passed
    for what in ("ToUnicode", "widths", "glyph names", "CharSet"):
        assert what in detail
