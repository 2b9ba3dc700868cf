"""Every leak channel of issue 3: build an adversarial PDF, redact it, and prove with
independent tools (pdfminer.six, pikepdf over every object, pdftotext, pdftoppm) that the
secret is gone, that text outside the boxes survives, and that the gate agrees."""

from __future__ import annotations

import pikepdf
import pytest

from redactor.core.export_model import BoxStyle, OutputMode, RedactedDocument, RenderOptions
from redactor.export.verify import verify_redacted
from redactor.pdf.redact import redact_document
from tests.adversarial import inspect
from tests.adversarial.builders import CASE_BUILDERS, GREEN, SECRET, VISIBLE, Case, build

# Channels MuPDF cannot filter: the engine must notice and rasterise the page.
RASTERISED = {
    "pattern_text",
    "pattern_text_fill",
    "softmask_text",
    "softmask_outside_box",
    "type3_glyphs",
    "shading_in_box",
}


def _page_count(case: Case) -> int:
    import io

    with pikepdf.open(io.BytesIO(case.pdf)) as pdf:
        return len(pdf.pages)


def _redact(case: Case, options: RenderOptions) -> RedactedDocument:
    return redact_document(case.pdf, case.boxes, case.withheld, options)


def _assert_secrets_gone(case: Case, data: bytes) -> None:
    miner = inspect.squash(inspect.pdfminer_text(data))
    poppler = inspect.squash(inspect.pdftotext(data))
    for secret in case.secrets:
        assert inspect.squash(secret) not in miner, "pdfminer still extracts the secret"
        assert inspect.squash(secret) not in poppler, "pdftotext still extracts the secret"
        assert inspect.object_hits(data, secret) == [], "the secret is still in the file's objects"


def _assert_pixels(case: Case, data: bytes) -> None:
    if case.probes:
        pages = inspect.render(data, dpi=72)
        for probe in case.probes:
            actual = inspect.pixel(pages[probe.page_index], probe.x, probe.y)
            close = all(abs(a - e) <= probe.tol for a, e in zip(actual, probe.rgb, strict=True))
            assert close == probe.expect_equal, f"{probe} rendered as {actual}"
    if case.secret_rgb is not None:
        for index, image in inspect.page_images(data):
            if index not in case.keep_rgb_pages:
                assert not inspect.has_colour(image, case.secret_rgb), (
                    f"an image on page {index + 1} keeps the secret's pixels"
                )
        bare = inspect.render(data, dpi=72, without_stamps=True)
        for box in case.boxes:
            scale = 1.0
            region = bare[box.page_index].crop(
                (
                    int(box.rect.x0 * scale) + 1,
                    int(box.rect.y0 * scale) + 1,
                    int(box.rect.x1 * scale) - 1,
                    int(box.rect.y1 * scale) - 1,
                )
            )
            assert not inspect.has_colour(region, case.secret_rgb), (
                "under the box (stamps removed) the secret's colour shows"
            )


@pytest.mark.parametrize("name", sorted(CASE_BUILDERS))
def test_channel_text_mode(name: str) -> None:
    case = build(name)
    options = RenderOptions()
    out = _redact(case, options)

    _assert_secrets_gone(case, out.pdf)
    _assert_pixels(case, out.pdf)
    assert inspect.eof_count(out.pdf) == 1
    if name in RASTERISED:
        assert out.rasterized_pages == (0,), (
            "MuPDF cannot filter this channel: the page must be rasterised"
        )
    else:
        assert out.rasterized_pages == ()
        miner = inspect.squash(inspect.pdfminer_text(out.pdf))
        poppler = inspect.squash(inspect.pdftotext(out.pdf))
        for text in case.visible:
            # pdfminer reads a page turned by 270 degrees backwards: either order will do.
            assert inspect.squash(text) in miner or inspect.squash(text)[::-1] in miner, (
                f"{text!r} is gone"
            )
            assert inspect.squash(text) in poppler
    report = verify_redacted(
        out.pdf, case.boxes, case.withheld, out.removed_terms, options, _page_count(case)
    )
    assert report.passed, report.failures()


@pytest.mark.parametrize("name", sorted(CASE_BUILDERS))
def test_channel_image_mode(name: str) -> None:
    case = build(name)
    options = RenderOptions(mode=OutputMode.IMAGE, image_dpi=100, style=BoxStyle.WHITE)
    out = _redact(case, options)

    _assert_secrets_gone(case, out.pdf)
    assert inspect.eof_count(out.pdf) == 1
    # No source text layer: what pdfminer finds is our labels and notices only.
    remaining = inspect.squash(inspect.pdfminer_text(out.pdf))
    assert inspect.squash(VISIBLE) not in remaining
    report = verify_redacted(
        out.pdf, case.boxes, case.withheld, out.removed_terms, options, _page_count(case)
    )
    assert report.passed, report.failures()


def test_a_form_shared_with_an_unboxed_page_stays_intact_there() -> None:
    case = build("form_reused_text")
    out = _redact(case, RenderOptions())
    assert inspect.squash(SECRET) not in inspect.squash(inspect.pdftotext(out.pdf, page=0))
    assert inspect.squash(SECRET) in inspect.squash(inspect.pdftotext(out.pdf, page=1))


def test_an_image_reused_elsewhere_keeps_its_pixels_there() -> None:
    case = build("reused_image")
    out = _redact(case, RenderOptions())
    by_page = {index: image for index, image in inspect.page_images(out.pdf)}
    assert not inspect.has_colour(by_page[0], GREEN)
    assert inspect.has_colour(by_page[1], GREEN)


def test_an_unapplied_redact_annotation_is_dropped_not_applied() -> None:
    case = build("annotations")
    out = _redact(case, RenderOptions())
    text = inspect.squash(inspect.pdftotext(out.pdf))
    assert inspect.squash(VISIBLE + " tekst die blijft") in text


def test_the_secret_removed_text_is_reported_as_a_term() -> None:
    out = _redact(build("normal_text"), RenderOptions())
    assert SECRET in out.removed_terms
    assert VISIBLE not in out.removed_terms  # it also stands outside the box
