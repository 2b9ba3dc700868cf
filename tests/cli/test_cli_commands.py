"""The command line's happy paths (click's CliRunner, in-process, fast) and the four-eyes
refusals (also as real processes: one sentence naming the rule and the item, exit 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from redactor.cli import cli
from tests.store.support import (
    Team,
    assert_one_sentence,
    copy_case,
    run_cli,
    unchanged,
    write_pdf,
)


def invoke(*args: object, reviewer: str | None = "alice", env: dict | None = None) -> Result:
    argv = [str(a) for a in args]
    if reviewer is not None:
        argv = ["--as", reviewer, *argv]
    result = CliRunner().invoke(cli, argv, env={"REDACTOR_REVIEWER": None, **(env or {})})
    return result


def ok(*args: object, reviewer: str | None = "alice", env: dict | None = None) -> Result:
    result = invoke(*args, reviewer=reviewer, env=env)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    assert result.stderr == ""
    return result


def as_json(*args: object, reviewer: str = "alice") -> Any:  # JSON: dict or list
    return json.loads(ok(*args, "--json", reviewer=reviewer).stdout)


@pytest.fixture
def case(tmp_path: Path) -> str:
    """A four-eyes case with letter.pdf (2 pages) and memo.pdf (1 page), made through the CLI."""
    path = tmp_path / "dossier.redactor"
    out = ok("new", path, "--four-eyes", "--title", "Woo-verzoek 12").stdout
    assert out.strip() == (f"Created case 'Woo-verzoek 12' at {path} (four-eyes, catalog woo).")
    letter = write_pdf(tmp_path, "letter.pdf", ["Dear Sir", "Kind regards"])
    memo = write_pdf(tmp_path, "memo.pdf", ["Memo"])
    added = ok("add", path, letter, memo).stdout
    assert "Added document 1: letter.pdf (2 pages)" in added
    assert "Added document 2: memo.pdf (1 pages)" in added
    return str(path)


def test_list_json_shape(case: str) -> None:
    ok("mark", case, "letter.pdf", "1", "10", "10", "60", "30", "--ground", "5.1.1c")
    ok("withhold", case, "2", "1", "--ground", "5.1.1d")
    data = as_json("list", case)
    assert data["case"] == {"title": "Woo-verzoek 12", "four_eyes": True, "catalog": "woo"}
    letter, memo = data["documents"]
    assert set(letter) == {
        "id",
        "file",
        "pages",
        "sha256",
        "repaired",
        "judgement",
        "boxes",
        "withheld_pages",
        "pending",
        "rejected",
        "pages_reviewed",
        "pages_confirmed",
    }
    assert letter["id"] == 1 and letter["file"] == "letter.pdf" and letter["pages"] == 2
    assert len(letter["sha256"]) == 64
    assert (letter["boxes"], letter["pending"], letter["withheld_pages"]) == (1, 1, 0)
    assert (memo["boxes"], memo["withheld_pages"], memo["pending"]) == (0, 1, 1)
    assert letter["judgement"] is None and letter["pages_confirmed"] == 0
    assert letter["repaired"] is False
    table = ok("list", case).stdout
    assert "letter.pdf" in table and "Woo-verzoek 12 (four-eyes)" in table


def test_review_json_and_the_whole_four_eyes_round(case: str) -> None:
    out = ok(
        "mark",
        case,
        "letter.pdf",
        "1",
        "60",
        "30",
        "10",
        "10",
        "--ground",
        "5.1.2 e",
        "--note",
        "Naam van een burger.",
    ).stdout
    assert out.strip() == "Box R1 on page 1 of letter.pdf (5.1.2e), proposed."
    ok("out-of-scope", case, "memo.pdf", "1", "--note", "Gaat over iets anders.")
    ok(
        "judge",
        case,
        "letter.pdf",
        "deels openbaar",
        "--note",
        "Persoonsgegevens.",
        "--date",
        "2024-02-01",
    )
    review = as_json("review", case, reviewer="bob")
    assert review["reviewer"] == "bob" and review["four_eyes"] is True
    assert [(i["id"], i["status"], i["you_may_review"]) for i in review["items"]] == [
        ("R1", "proposed", True),
        ("P1", "proposed", True),
    ]
    first = review["items"][0]
    assert (first["document"], first["page"], first["grounds"], first["author"]) == (
        "letter.pdf",
        1,
        ["5.1.2e"],
        "alice",
    )
    assert first["note"] == "Naam van een burger." and first["reject_reason"] is None
    assert review["unconfirmed_pages"] == [
        {"document_id": 1, "document": "letter.pdf", "page": 1},
        {"document_id": 1, "document": "letter.pdf", "page": 2},
        {"document_id": 2, "document": "memo.pdf", "page": 1},
    ]
    assert [i["you_may_review"] for i in as_json("review", case)["items"]] == [False, False]
    assert ok("approve", case, "--all").stdout.strip() == "Nothing awaits your approval."
    assert ok("approve", case, "--all", reviewer="bob").stdout.strip() == "Approved 2 item(s)."
    assert ok("confirm", case, "--all", reviewer="bob").stdout.strip() == "Confirmed 3 page(s)."
    after = as_json("review", case, reviewer="bob")
    assert after["items"] == [] and after["unconfirmed_pages"] == []
    text = ok("review", case, reviewer="bob").stdout
    assert "No box or page decision awaits review." in text and "Every page is confirmed." in text
    docs = as_json("list", case)["documents"]
    assert docs[0]["judgement"] == "deels openbaar" and docs[0]["pages_confirmed"] == 2
    assert ok("audit", case, "--verify").stdout.strip().startswith("Audit trail intact:")
    actions = [e["action"] for e in as_json("audit", case)]
    assert actions == [
        "case-created",
        "document-imported",
        "document-imported",
        "box-created",
        "page-decision-created",
        "judgement-set",
        "approved",
        "approved",
        "page-confirmed",
        "page-confirmed",
        "page-confirmed",
    ]


def test_approve_all_skips_own_items(case: str) -> None:
    ok("mark", case, "1", "1", "10", "10", "60", "30", "--ground", "5.1.1c")
    ok("mark", case, "1", "2", "10", "10", "60", "30", "--ground", "5.1.1c", reviewer="bob")
    assert ok("approve", case, "--all", reviewer="bob").stdout.strip() == "Approved 1 item(s)."
    items = {i["id"]: i for i in as_json("review", case, reviewer="carol")["items"]}
    assert list(items) == ["R2"] and items["R2"]["author"] == "bob"


def test_reject_and_the_reason_shown_to_the_author(case: str) -> None:
    ok("mark", case, "1", "1", "10", "10", "60", "30", "--ground", "5.1.1c")
    out = ok("reject", case, "R1", "--reason", "Dit staat al op de website.", reviewer="bob")
    assert out.stdout.strip() == "Rejected R1."
    (item,) = as_json("review", case)["items"]
    assert item["status"] == "rejected" and item["reject_reason"] == "Dit staat al op de website."


def test_confirm_named_pages(case: str) -> None:
    assert ok("confirm", case, "letter.pdf", "2", reviewer="bob").stdout.strip() == (
        "Confirmed 1 page(s)."
    )
    assert ok("confirm", case, "memo.pdf", reviewer="bob").stdout.strip() == "Confirmed 1 page(s)."
    left = as_json("review", case)["unconfirmed_pages"]
    assert left == [{"document_id": 1, "document": "letter.pdf", "page": 1}]


def test_reviewer_from_the_environment(case: str) -> None:
    ok(
        "mark",
        case,
        "1",
        "1",
        "10",
        "10",
        "60",
        "30",
        "--ground",
        "5.1.1c",
        reviewer=None,
        env={"REDACTOR_REVIEWER": "dora"},
    )
    (item,) = as_json("review", case)["items"]
    assert item["author"] == "dora"


def test_a_plan_through_the_cli(case: str, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "documents": [
                    {
                        "file": "letter.pdf",
                        "redactions": [
                            {"page": 2, "rect": [10, 10, 60, 30], "grounds": ["5.1.1c"]}
                        ],
                        "withhold_pages": [{"page": 1, "grounds": ["5.1.1d"]}],
                    }
                ]
            }
        )
    )
    out = ok("import-plan", case, plan).stdout
    assert out.strip() == "Plan applied: 1 box(es), 1 withheld page(s)."
    assert ok("approve", case, "--all").stdout.strip() == "Nothing awaits your approval."


def test_usage_errors(case: str) -> None:
    for args in (["approve", case], ["approve", case, "R1", "--all"], ["confirm", case]):
        result = invoke(*args)
        assert result.exit_code == 2, result.stdout
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


@pytest.mark.postgres
def test_a_case_in_postgres_through_the_cli(pg_url: str, tmp_path: Path) -> None:
    out = ok("new", pg_url, "--title", "Team case").stdout
    assert out.strip().startswith("Created case 'Team case' at postgresql+psycopg://")
    ok("add", pg_url, write_pdf(tmp_path, "letter.pdf", ["a"]))
    ok("mark", pg_url, "letter.pdf", "1", "10", "10", "60", "30", "--ground", "5.1.1c")
    data = as_json("list", pg_url)
    assert [(d["file"], d["boxes"]) for d in data["documents"]] == [("letter.pdf", 1)]
    events = as_json("audit", pg_url)
    # On PostgreSQL the database role is recorded (and is the identity), not the typed name.
    assert {(e["reviewer"], e["db_role"]) for e in events} == {("postgres", "postgres")}


# --- refusals as real processes ------------------------------------------------------------------


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Team:
    """alice drew R1 (5.1.1c), R2 (5.1.2e, no note) and P1 (page 2 withheld) via a plan."""
    folder = tmp_path_factory.mktemp("reviewed")
    team = Team("sqlite", str(folder / "case.redactor"))
    team.create("alice")
    with team.session("alice") as s:
        s.add_documents([write_pdf(folder, "letter.pdf", ["a", "b"])])
    plan = folder / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "documents": [
                    {
                        "file": "letter.pdf",
                        "redactions": [
                            {"page": 1, "rect": [10, 10, 60, 30], "grounds": ["5.1.1c"]},
                            {"page": 1, "rect": [10, 50, 60, 70], "grounds": ["5.1.2e"]},
                        ],
                        "withhold_pages": [{"page": 2, "grounds": ["5.1.1d"]}],
                    }
                ]
            }
        )
    )
    run = run_cli("import-plan", team.location, plan)
    assert run.code == 0, run.stderr
    return team


REFUSALS = {
    "author-approves-own": (
        "alice",
        ["approve", "{case}", "R1"],
        "Four-eyes rule: alice cannot approve box R1 (letter.pdf, page 1) because they drew or "
        "changed it; another reviewer must review it.",
    ),
    "author-approves-own-page": (
        "alice",
        ["approve", "{case}", "P1"],
        "Four-eyes rule: alice cannot approve withheld page P1",
    ),
    "motivation-missing": (
        "bob",
        ["approve", "{case}", "R1", "R2"],
        "Motivation rule: box R2 (letter.pdf, page 1) cannot be approved without a written "
        "motivation, because ground 5.1.2e requires weighing of interests.",
    ),
    # --all skips only what is the reviewer's own; an item that lacks its motivation stops
    # the whole approval (all or none), naming the item, so nothing is approved by accident.
    "approve-all-motivation-missing": (
        "bob",
        ["approve", "{case}", "--all"],
        "Motivation rule: box R2 (letter.pdf, page 1) cannot be approved",
    ),
    "reject-without-reason": (
        "bob",
        ["reject", "{case}", "R1", "--reason", " "],
        "Rejecting box R1 (letter.pdf, page 1) needs a reason.",
    ),
    "author-confirms-own-page": (
        "alice",
        ["confirm", "{case}", "letter.pdf", "1"],
        "Four-eyes rule: alice cannot confirm page 1 of document 1",
    ),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_four_eyes_refusals_as_a_process(reviewed: Team, tmp_path: Path, name: str) -> None:
    reviewer, args, sentence = REFUSALS[name]
    case = copy_case(reviewed, tmp_path).location
    with unchanged(case):
        run = run_cli(*[a.format(case=case) for a in args], reviewer=reviewer)
    line = assert_one_sentence(run, sentence)
    assert run.code == 3, line


def test_export_is_refused_with_the_rule(reviewed: Team, tmp_path: Path) -> None:
    case = copy_case(reviewed, tmp_path / "c").location
    outdir = tmp_path / "out"
    with unchanged(case):
        run = run_cli("export", case, outdir, reviewer="bob")
    assert_one_sentence(
        run,
        "Four-eyes rule: export is blocked by 5 open item(s): box R1 (letter.pdf, page 1) "
        "is proposed",
    )
    assert run.code == 3
    assert not outdir.exists()
