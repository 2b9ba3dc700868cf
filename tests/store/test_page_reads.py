"""The reads the review window makes when it opens a case: the lean page list and the schema
revision, checked against the full row and Alembic's own reading on real case files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pymupdf
import pytest
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from redactor.app.session import CaseSession
from redactor.core.errors import StoreError
from redactor.core.model import PageInfo
from redactor.store import snapshots
from redactor.store.case_store import _PAGE_INFO_COLUMNS, CaseStore
from redactor.store.database import head_revision, known_revision
from redactor.store.schema import pages
from tests.store.support import Team, add_pdf, sql, unchanged


def _mixed_pdf(path: Path) -> Path:
    """Pages of different sizes, one rotated, one with a CropBox: widths and heights differ."""
    doc = pymupdf.open()
    try:
        for n, (size, rotation) in enumerate(
            [((595, 842), 0), ((842, 595), 0), ((300, 400), 90), ((612, 792), 270), ((500, 700), 0)]
        ):
            page = doc.new_page(width=size[0], height=size[1])
            page.insert_text((36, 48), f"Pagina {n + 1}", fontname="helv", fontsize=11)
            if rotation:
                page.set_rotation(rotation)
        doc.xref_set_key(doc[4].xref, "CropBox", "[50 60 450 600]")
        doc.save(path)
    finally:
        doc.close()
    return path


def _full_pages(session: CaseSession, document_id: int | None = None) -> list[PageInfo]:
    """The page list as it was read before: every column, mapped by name."""
    query = select(pages).order_by(pages.c.document_id, pages.c.page_index)
    if document_id is not None:
        query = query.where(pages.c.document_id == document_id)
    with session.store.db.read() as conn:
        return [snapshots.page_from_row(row) for row in conn.execute(query).all()]


def test_page_columns_follow_the_page_record() -> None:
    """The lean query builds PageInfo by position: its columns must be its fields, in order."""
    assert [c.name for c in _PAGE_INFO_COLUMNS] == [f.name for f in dataclasses.fields(PageInfo)]


def test_lean_page_list_equals_the_full_rows(team: Team, tmp_path: Path) -> None:
    team.create("alice")
    with team.session("alice") as s:
        [doc] = s.add_documents([_mixed_pdf(tmp_path / "gemengd.pdf")])
        other = add_pdf(s, tmp_path, "brief.pdf", ["een", "twee", "drie"])
        s.mark_page_reviewed(doc.id, 1)
        s.mark_page_reviewed(doc.id, 3)
    with team.session("bob") as s:
        s.confirm_pages([(doc.id, 1)])
    with team.session("carol") as s:
        lean = s.pages(doc.id)
        assert lean == _full_pages(s, doc.id)
        assert s.store.all_pages() == _full_pages(s)
        assert [p.document_id for p in s.store.all_pages()] == [doc.id] * 5 + [other.id] * 3
    # The values themselves: sizes as displayed (rotation and CropBox applied), review marks.
    assert [(p.width, p.height, p.rotation) for p in lean] == [
        (595.0, 842.0, 0),
        (842.0, 595.0, 0),
        (400.0, 300.0, 90),
        (792.0, 612.0, 270),
        (400.0, 540.0, 0),
    ]
    assert [(p.reviewed_by, p.confirmed_by) for p in lean] == [
        (None, None),
        ("alice", "bob"),
        (None, None),
        ("alice", None),
        (None, None),
    ]
    assert all(isinstance(p.width, float) and isinstance(p.rotation, int) for p in lean)


def test_schema_revision_read_directly_agrees_with_alembic(team: Team) -> None:
    team.create()
    with team.session("alice") as s:
        db = s.store.db
        with db.read() as conn:
            alembic_says = MigrationContext.configure(conn).get_current_revision()
        assert db.revision() == alembic_says == head_revision()
        assert s.info().schema_revision == head_revision()


def test_known_revisions_are_this_versions_migrations() -> None:
    assert known_revision(head_revision())
    assert not known_revision("9999_from_the_future")


def test_a_case_with_two_schema_versions_is_refused_with_a_sentence(team: Team) -> None:
    """Alembic's table holds one row per branch head; a second row is a damaged case (Alembic
    itself raised a bare error here, which reached the crash dialog)."""
    team.create()
    sql(team.location, f"INSERT INTO alembic_version (version_num) VALUES ('{head_revision()}x')")
    with unchanged(team.location), pytest.raises(StoreError) as err:
        CaseStore.open(team.location)
    assert "could not be used" in str(err.value) and "several schema versions" in str(err.value)
