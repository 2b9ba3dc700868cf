"""What Redactor draws: labels that fit, notices, the legend."""

from __future__ import annotations

from redactor.core.export_model import BoxStyle, LegendEntry
from redactor.core.geometry import Rect
from redactor.pdf.stamp import (
    LABEL_MAX_SIZE,
    LABEL_MIN_SIZE,
    box_ops,
    layout_label,
    legend_page,
    pdf_string,
    text_width,
    withheld_notice,
)


def test_a_label_is_centred_and_as_large_as_allowed() -> None:
    rect = Rect(100, 100, 300, 130)
    layout = layout_label(rect, "5.1.2e")
    assert layout is not None and layout.size == LABEL_MAX_SIZE
    assert abs((layout.x + text_width("5.1.2e", layout.size) / 2) - 200) < 0.01


def test_a_narrow_box_shrinks_its_label_then_omits_it() -> None:
    narrow = layout_label(Rect(0, 0, 30, 20), "5.1.2e; 5.1.2a")
    assert narrow is not None and LABEL_MIN_SIZE <= narrow.size < LABEL_MAX_SIZE
    assert narrow.x >= 0 and narrow.x + text_width("5.1.2e; 5.1.2a", narrow.size) <= 30
    assert layout_label(Rect(0, 0, 12, 20), "5.1.2e; 5.1.2a") is None
    assert layout_label(Rect(0, 0, 200, 5), "5.1.2e") is None


def test_styles_fill_black_or_white_with_a_border() -> None:
    black = box_ops(Rect(0, 0, 100, 20), ("5.1.2e",), BoxStyle.BLACK)
    white = box_ops(Rect(0, 0, 100, 20), ("5.1.2e",), BoxStyle.WHITE)
    assert b"0 g" in black and b"1 g" in black  # black fill, white text
    assert b" re S" in white and b"0 g 1 0 0 -1" in white  # border, black text


def test_strings_are_escaped() -> None:
    assert pdf_string("a(b)\\c") == b"(a\\(b\\)\\\\c)"
    assert pdf_string("é") == b"(\xe9)"


def test_withheld_notice_in_both_languages() -> None:
    _, nl = withheld_notice(595, 842, ("5.1.1c", "5.1.2e"), "nl")
    _, en = withheld_notice(595, 842, ("5.1.1c",), "en")
    assert "Pagina volledig geweigerd" in nl and "5.1.1c; 5.1.2e" in nl
    assert "Page withheld" in en and "5.1.1c" in en


def test_legend_lists_every_code() -> None:
    entries = tuple(
        LegendEntry(f"5.1.{i}", f"Dutch label {i} " * 8, f"English {i}") for i in range(12)
    )
    drawing, text = legend_page(595, 842, entries, "en")
    assert all(f"5.1.{i}" in text for i in range(12)) and "English 3" in text
    assert drawing.count(b"Tj") >= 13
