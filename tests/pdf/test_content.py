"""Content-stream helpers: matrices, how fonts split strings into codes, trace markers."""

from __future__ import annotations

import pikepdf
import pytest
from pikepdf import Dictionary, Name

from redactor.pdf.content import IDENTITY, ContentError, apply, font_codes, mat_inv, mat_mul
from redactor.pdf.textpos import marker_colour, marker_of


def test_matrix_inverse_round_trips() -> None:
    m = (0.0, 2.0, -3.0, 0.0, 10.0, 20.0)
    assert all(abs(a - b) < 1e-12 for a, b in zip(mat_mul(m, mat_inv(m)), IDENTITY, strict=True))
    x, y = apply(m, 1.0, 1.0)
    assert apply(mat_inv(m), x, y) == pytest.approx((1.0, 1.0))


def test_singular_matrix_is_refused() -> None:
    with pytest.raises(ContentError):
        mat_inv((1.0, 2.0, 2.0, 4.0, 0.0, 0.0))


def test_simple_fonts_use_one_byte_per_code() -> None:
    codes = font_codes(Dictionary(Subtype=Name.TrueType))
    assert codes.split(b"abc") == [b"a", b"b", b"c"]
    assert font_codes(Dictionary(Subtype=Name.Type3)).type3


def test_identity_cmap_uses_two_bytes_and_refuses_odd_lengths() -> None:
    codes = font_codes(Dictionary(Subtype=Name.Type0, Encoding=Name("/Identity-H")))
    assert codes.split(b"\x00\x41\x00\x42") == [b"\x00\x41", b"\x00\x42"]
    with pytest.raises(ContentError):
        codes.split(b"\x00\x41\x00")
    assert font_codes(Dictionary(Subtype=Name.Type0, Encoding=Name("/Identity-V"))).vertical


def test_embedded_cmap_codespace_splits_mixed_lengths() -> None:
    pdf = pikepdf.new()
    cmap = pdf.make_stream(
        b"begincmap 2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange endcmap"
    )
    codes = font_codes(Dictionary(Subtype=Name.Type0, Encoding=cmap))
    assert codes.split(b"A\x81\x40B") == [b"A", b"\x81\x40", b"B"]
    with pytest.raises(ContentError):
        codes.split(b"\xff")


def test_predefined_cmap_splits_with_pdfminers_tables() -> None:
    codes = font_codes(Dictionary(Subtype=Name.Type0, Encoding=Name("/90ms-RKSJ-H")))
    assert codes.split(b"A\x82\xa0") == [b"A", b"\x82\xa0"]


@pytest.mark.parametrize("marker", [1, 253, 254, 255, 64516, 1_000_000])
def test_marker_colours_round_trip(marker: int) -> None:
    colour = marker_colour(marker)
    assert all(0 < c < 1 for c in colour)
    assert marker_of(colour) == marker


def test_ordinary_colours_are_not_markers() -> None:
    for colour in ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.5, 0.2, 0.1)):
        assert marker_of(colour) is None


def test_positions_match_once_placed_even_when_traced_twice() -> None:
    from array import array

    from redactor.pdf.textpos import check_origins

    expected = array("d", [10.0, 100.0, 15.0, 100.0])
    traced = [(65, (10.0, 100.0)), (65, (10.0, 100.0)), (65, (15.02, 100.0))]  # fill + stroke
    assert check_origins(traced, expected) is None
    assert check_origins([(65, (10.0, 100.0)), (65, (17.0, 100.0))], expected) is not None


def test_every_traced_glyph_of_a_page_is_checked_against_where_it_was_placed() -> None:
    """check_page reads the page's trace: glyphs within the tolerance pass, also those just
    across a grid cell's edge from their expected point; one glyph off by 0.1 pt fails."""
    from array import array

    import pymupdf

    from redactor.pdf.textpos import check_page

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((50, 100), "Openbaar", fontsize=11)
    traced = [ch[2] for s in page.get_texttrace() for ch in s["chars"]]
    assert len(traced) == 8

    def flat(points: list[tuple[float, float]]) -> array[float]:
        return array("d", [v for p in points for v in p])

    assert check_page(page, flat(traced)) is None
    # 0.04 pt off, and on the other side of a 0.05 grid line: within the tolerance.
    nudged = [(x + 0.04, y - 0.04) for x, y in traced]
    assert check_page(page, flat(nudged)) is None
    moved = list(traced)
    moved[5] = (moved[5][0] + 0.1, moved[5][1])
    problem = check_page(page, flat(moved))
    assert problem is not None and "U+0061" in problem  # the 'a' of "Openbaar"
