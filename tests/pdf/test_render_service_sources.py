"""The render process opens sources by path and renders pages interpreted ahead (`prepare`)
to the same pixels as a plain render of the bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from redactor.core.errors import PdfError
from redactor.pdf.render import render_page
from redactor.pdf.render_service import RenderService
from tests.helpers import make_text_pdf


@pytest.fixture(scope="module")
def service() -> Iterator[RenderService]:
    svc = RenderService()
    assert svc.wait_ready()
    yield svc
    svc.close()


def test_a_source_given_as_a_path_renders_like_its_bytes(
    service: RenderService, tmp_path: Path
) -> None:
    path = tmp_path / "a.pdf"
    data = make_text_pdf(path, ["Eerste pagina", "Tweede pagina"], rotation=90)
    by_path = service.render(("t", 1), lambda: path, 1, 0.75)
    by_bytes = service.render(("t", 2), lambda: data, 1, 0.75)
    assert by_path.samples == by_bytes.samples == render_page(data, 1, 0.75).samples
    service.forget(None)


def test_a_prepared_page_renders_to_the_same_pixels(service: RenderService, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    data = make_text_pdf(path, ["Voorbereid", "Niet voorbereid"])
    asked: list[int] = []

    def load() -> Path:
        asked.append(1)
        return path

    assert service.prepare(("p", 1), path, 0)
    page = service.render(("p", 1), load, 0, 1.3)
    assert asked == []  # the child opened the file itself, from the hint
    assert page.samples == render_page(data, 0, 1.3).samples
    assert service.render(("p", 1), load, 1, 1.3).samples == render_page(data, 1, 1.3).samples
    service.forget(("p", 1))


def test_a_bad_hint_is_harmless(service: RenderService, tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    assert service.prepare(("bad", 1), missing, 0)
    with pytest.raises(PdfError):
        service.render(("bad", 1), lambda: missing, 0, 1.0)
    good = tmp_path / "good.pdf"
    data = make_text_pdf(good, ["Daarna gewoon"])
    assert service.render(("bad", 2), lambda: good, 0, 1.0).samples == (
        render_page(data, 0, 1.0).samples
    )
    service.forget(None)
