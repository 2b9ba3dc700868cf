"""The case database's tables (SQLAlchemy Core). Alembic migrations create them; this
metadata is what the code queries with, and a test checks both agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

# Written into every case so that a random SQLite file is recognised as "not a case".
# Tables whose ids users see (D1, R12, P3) use sqlite_autoincrement: without it SQLite reuses
# the id of a deleted last row, and "R12" in the audit trail would name two different boxes.
APPLICATION_ID = "redactor-case"

metadata = MetaData()

case_info = Table(
    "case_info",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("application", String(40), nullable=False),
    Column("uid", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("catalog_id", String(64), nullable=False),
    Column(
        "catalog_text", Text, nullable=False
    ),  # the catalog as stored: the case is self-contained
    Column("four_eyes", Boolean, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("version", Integer, nullable=False),
)

# One row that every audited transaction updates: the row lock serialises writers so the
# hash chain cannot fork, and `seq` doubles as the change counter other sessions poll.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("db_role", String(200)),
    Column("action", String(60), nullable=False),
    Column("target", String(60), nullable=False),
    Column("document_id", Integer),
    Column("before_json", Text),
    Column("after_json", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("size", Integer, nullable=False),
    Column("page_count", Integer, nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("imported_by", String(200), nullable=False),
    Column("judgement", String(40)),
    Column("judgement_note", Text, nullable=False),
    Column("document_date", String(40)),
    Column("version", Integer, nullable=False),
    # MuPDF had to rebuild the file's damaged structure to read it: pages or content may be
    # missing, and the reviewer must compare the document with the original (revision 0002).
    Column("repaired", Boolean, nullable=False, server_default=false()),
    sqlite_autoincrement=True,
)

# The source bytes live apart so that listing documents never loads them.
document_sources = Table(
    "document_sources",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

pages = Table(
    "pages",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("page_index", Integer, primary_key=True, autoincrement=False),
    Column("width", Float, nullable=False),
    Column("height", Float, nullable=False),
    Column("rotation", Integer, nullable=False),
    Column("reviewed_by", String(200)),
    Column("reviewed_at", String(40)),
    Column("confirmed_by", String(200)),
    Column("confirmed_at", String(40)),
    Column("version", Integer, nullable=False),
)


def _review_columns() -> list[Column]:
    return [
        Column("grounds", Text, nullable=False),  # codes joined by ";"
        Column("note", Text, nullable=False),
        Column("author", String(200), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("updated_by", String(200), nullable=False),
        Column("updated_at", String(40), nullable=False),
        Column("status", String(20), nullable=False),
        Column("reviewed_by", String(200)),
        Column("reviewed_at", String(40)),
        Column("reject_reason", Text),
        Column("version", Integer, nullable=False),
    ]


redactions = Table(
    "redactions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, nullable=False, index=True),
    Column("page_index", Integer, nullable=False),
    Column("x0", Float, nullable=False),
    Column("y0", Float, nullable=False),
    Column("x1", Float, nullable=False),
    Column("y1", Float, nullable=False),
    *_review_columns(),
    ForeignKeyConstraint(["document_id", "page_index"], ["pages.document_id", "pages.page_index"]),
    sqlite_autoincrement=True,
)

page_decisions = Table(
    "page_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, nullable=False),
    Column("page_index", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    *_review_columns(),
    ForeignKeyConstraint(["document_id", "page_index"], ["pages.document_id", "pages.page_index"]),
    UniqueConstraint("document_id", "page_index", name="uq_page_decision_page"),
    sqlite_autoincrement=True,
)

# Words found by OCR (or extracted) per page, JSON, so search and suggestions need not redo OCR.
page_words = Table(
    "page_words",
    metadata,
    Column("document_id", Integer, primary_key=True),
    Column("page_index", Integer, primary_key=True, autoincrement=False),
    Column("source", String(10), nullable=False),  # "ocr"
    Column("words_json", Text, nullable=False),
    ForeignKeyConstraint(["document_id", "page_index"], ["pages.document_id", "pages.page_index"]),
)

# Suggestions a reviewer dismissed: remembered so they do not come back.
dismissals = Table(
    "dismissals",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("detector", String(40), nullable=False),
    Column("document_id", Integer, nullable=False),
    Column("page_index", Integer, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("at", String(40), nullable=False),
)
