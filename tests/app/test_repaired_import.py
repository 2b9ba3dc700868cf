"""A damaged PDF that MuPDF repairs to read is imported, and the reviewer is told so.

The flag is stored with the document (schema revision 0002), shown by `add` and `list`, and
recorded in the import's audit event; a case made before 0002 is migrated on opening and its
audit trail still verifies.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pymupdf
from click.testing import CliRunner
from sqlalchemy import create_engine

from redactor.app.session import CaseSession
from redactor.cli import cli
from redactor.store.database import alembic_config, head_revision


def _damaged_pdf(folder: Path) -> Path:
    """A real PDF whose cross-reference table and trailer were cut off."""
    doc = pymupdf.open()
    for text in ("Eerste pagina", "Tweede pagina"):
        doc.new_page().insert_text((72, 72), text)
    data = doc.tobytes()
    cut = data[: data.rindex(b"xref")]
    path = folder / "beschadigd.pdf"
    path.write_bytes(cut)
    with pymupdf.open(path) as check:
        assert check.is_repaired and check.page_count == 2  # what the test relies on
    return path


def _intact_pdf(folder: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Heel")
    path = folder / "heel.pdf"
    doc.save(path)
    return path


def _run(*args: object) -> str:
    result = CliRunner().invoke(cli, ["--as", "alice", *map(str, args)])
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def test_the_cli_says_a_file_was_repaired_and_the_case_remembers(tmp_path: Path) -> None:
    case = tmp_path / "dossier.redactor"
    _run("new", case)
    out = _run("add", case, _damaged_pdf(tmp_path), _intact_pdf(tmp_path))
    assert "Warning: beschadigd.pdf was damaged and had to be repaired" in out
    assert "heel.pdf was damaged" not in out
    listed = json.loads(_run("list", case, "--json"))["documents"]
    assert {d["file"]: d["repaired"] for d in listed} == {"beschadigd.pdf": True, "heel.pdf": False}
    assert "beschadigd.pdf was damaged and repaired when it was added" in _run("list", case)
    with CaseSession.open(str(case), reviewer="alice") as session:
        verification = session.verify_audit()
        assert verification.ok, verification.problems
        imported = [e for e in session.audit_events() if e.action == "document-imported"]
        assert [(e.after or {}).get("repaired") for e in imported] == [True, None]


def test_a_case_from_before_the_flag_is_migrated_and_still_verifies(tmp_path: Path) -> None:
    case = tmp_path / "old.redactor"
    _run("new", case)
    _run("add", case, _intact_pdf(tmp_path))
    # Take the case back to revision 0001, as an older Redactor wrote it.
    from alembic import command

    engine = create_engine(f"sqlite:///{case}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    engine.dispose()
    with sqlite3.connect(case) as raw:
        columns = [r[1] for r in raw.execute("PRAGMA table_info(documents)")]
    assert "repaired" not in columns
    with CaseSession.open(str(case), reviewer="alice") as session:
        assert session.info().schema_revision == head_revision()
        (doc,) = session.documents()
        assert doc.repaired is False
        verification = session.verify_audit()
        assert verification.ok, verification.problems
