"""The command line speaks English whatever the system language; the GUI translates."""

from __future__ import annotations

from pathlib import Path

from redactor.app.session import CaseSession
from tests.store.support import assert_one_sentence, run_cli, write_pdf


def test_error_sentences_stay_english_under_a_dutch_locale(tmp_path: Path) -> None:
    case = tmp_path / "zaak.redactor"
    with CaseSession.create(str(case), reviewer="alice") as session:
        session.add_documents([write_pdf(tmp_path, "brief.pdf", ["Geachte heer"])])
    dutch = {"LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8", "LANGUAGE": "nl"}
    run = run_cli("find", case, "(jan", "--regex", env=dutch)
    assert_one_sentence(run, "The regular expression '(jan' is not valid")
    run = run_cli("add", case, tmp_path / "missing.pdf", env=dutch)
    assert_one_sentence(run, "missing.pdf does not exist.")
