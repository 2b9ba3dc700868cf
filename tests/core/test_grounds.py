"""Legal-ground catalogs: the built-in files, code normalisation and catalog validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.core.errors import InputError, UnknownGround
from redactor.core.grounds import (
    Catalog,
    GroundKind,
    builtin_catalog_ids,
    ground_key,
    load_catalog,
    normalise_code,
    parse_catalog,
)

BUILTIN_IDS = ["eu-1049", "gdpr", "uk-foia", "us-foia", "woo"]


@pytest.fixture(scope="module")
def woo() -> Catalog:
    return load_catalog("woo")


def test_builtin_catalog_ids() -> None:
    assert builtin_catalog_ids() == BUILTIN_IDS


@pytest.mark.parametrize("catalog_id", BUILTIN_IDS)
def test_builtin_catalog_is_consistent(catalog_id: str) -> None:
    catalog = load_catalog(catalog_id)
    assert catalog.id == catalog_id
    assert isinstance(catalog.version, int) and catalog.version >= 1
    assert len(catalog) == len(set(catalog.codes())) > 0
    # Every code, in its canonical spelling, resolves to itself.
    assert [catalog.resolve(code).code for code in catalog.codes()] == list(catalog.codes())
    for ground in catalog:
        assert ground.label_nl and ground.label_en and ground.label_nl != ground.label_en
        if ground.kind is GroundKind.RELATIVE:
            assert ground.requires_motivation, ground.code
        if ground.replaced_by is not None:
            assert ground.legacy
            assert not catalog.resolve(ground.replaced_by).legacy
    # The stored text is enough to rebuild the catalog (a case keeps only the text).
    assert parse_catalog(catalog.source_text, "copy") == catalog
    assert catalog.source_text.lstrip().startswith("#")  # the header comment


def test_woo_grounds(woo: Catalog) -> None:
    kinds = {ground.code: ground.kind for ground in woo if not ground.legacy}
    assert [c for c, k in kinds.items() if k is GroundKind.ABSOLUTE] == [
        f"5.1.1{letter}" for letter in "abcde"
    ]
    assert [c for c, k in kinds.items() if k is GroundKind.RELATIVE] == [
        *(f"5.1.2{letter}" for letter in "abcdefghi"),
        "5.1.5",
        "5.2",
    ]
    assert [c for c, k in kinds.items() if k is GroundKind.LABEL] == [
        "buiten-reikwijdte",
        "reeds-openbaar",
        "dubbel",
    ]
    assert not any(ground.requires_motivation for ground in woo if ground.kind == "absolute")
    assert woo.resolve("5.1.2e").label("nl") == "Eerbiediging van de persoonlijke levenssfeer"
    assert woo.resolve("5.1.2e").label("en_GB") == "Respect for personal privacy"
    assert not woo.resolve("dubbel").is_legal_ground


def test_wob_codes_are_legacy_with_their_successors(woo: Catalog) -> None:
    successors = {ground.code: ground.replaced_by for ground in woo if ground.legacy}
    assert successors == {
        **{f"10.1{letter}": f"5.1.1{letter}" for letter in "abcd"},
        **{f"10.2{letter}": f"5.1.2{letter}" for letter in "abcde"},
        "10.2f": None,
        "10.2g": "5.1.5",
        "11.1": "5.2",
    }


def test_us_foia_and_privacy_act_codes() -> None:
    catalog = load_catalog("us-foia")
    foia = [f"(b)({n})" for n in range(1, 7)]
    foia += [f"(b)(7)({letter})" for letter in "ABCDEF"]
    foia += ["(b)(8)", "(b)(9)"]
    privacy_act = ["(d)(5)", "(j)(1)", "(j)(2)", *(f"(k)({n})" for n in range(1, 8))]
    assert list(catalog.codes()) == foia + privacy_act
    relative = [g.code for g in catalog if g.kind is GroundKind.RELATIVE]
    assert relative == ["(b)(6)", "(b)(7)(C)"]


def test_uk_foia_absolute_exemptions_follow_section_2_3() -> None:
    catalog = load_catalog("uk-foia")
    sections = {ground_key(code) for code in catalog.codes()}
    assert {str(n) for n in range(21, 45)} - sections == {"25"}  # s.25 is not an exemption
    absolute = {g.code for g in catalog if g.kind is GroundKind.ABSOLUTE}
    assert absolute == {
        "s.21",
        "s.23",
        "s.32",
        "s.34",
        "s.37(1)(a)",
        "s.37(1)(aa)",
        "s.37(1)(ab)",
        "s.40",
        "s.40(1)",
        "s.40(2)",
        "s.41",
        "s.44",
    }


def test_eu_1049_kinds() -> None:
    catalog = load_catalog("eu-1049")
    absolute = [g.code for g in catalog if g.kind is GroundKind.ABSOLUTE]
    assert absolute == ["4(1)(a)(i)", "4(1)(a)(ii)", "4(1)(a)(iii)", "4(1)(a)(iv)", "4(1)(b)"]
    relative = [g.code for g in catalog if g.kind is GroundKind.RELATIVE]
    assert relative == ["4(2)(i)", "4(2)(ii)", "4(2)(iii)", "4(3)(1)", "4(3)(2)"]


def test_gdpr_codes() -> None:
    catalog = load_catalog("gdpr")
    assert list(catalog.codes()) == ["15(4)", *(f"23(1)({letter})" for letter in "abcdefghij")]
    assert all(ground.requires_motivation for ground in catalog)


@pytest.mark.parametrize(
    ("catalog_id", "typed", "canonical"),
    [
        ("woo", "5.1.2.e", "5.1.2e"),
        ("woo", "art. 5.1.2e", "5.1.2e"),
        ("woo", "Artikel 5.1.2 e", "5.1.2e"),
        ("woo", "5.1.2 (e)", "5.1.2e"),
        ("woo", " 5.1.2E ", "5.1.2e"),
        ("woo", "artikel 5.1, tweede lid, aanhef en onder e, van de Woo", "5.1.2e"),
        ("woo", "art. 10 lid 2 sub g Wob", "10.2g"),
        ("woo", "5.1 lid 5", "5.1.5"),
        ("woo", "5.2.1", "5.2"),
        ("woo", "Buiten reikwijdte", "buiten-reikwijdte"),
        ("woo", "out of scope", "buiten-reikwijdte"),
        ("us-foia", "(b)(6)", "(b)(6)"),
        ("us-foia", "b6", "(b)(6)"),
        ("us-foia", "b(6)", "(b)(6)"),
        ("us-foia", "exemption 6", "(b)(6)"),
        ("us-foia", "5 U.S.C. § 552(b)(6)", "(b)(6)"),
        ("us-foia", "b7c", "(b)(7)(C)"),
        ("us-foia", "(b)(7)(C)", "(b)(7)(C)"),
        ("us-foia", "Exemption 7(C)", "(b)(7)(C)"),
        ("us-foia", "5 U.S.C. 552a(k)(2)", "(k)(2)"),
        ("us-foia", "k2", "(k)(2)"),
        ("uk-foia", "s40", "s.40"),
        ("uk-foia", "section 40", "s.40"),
        ("uk-foia", "40", "s.40"),
        ("uk-foia", "s. 40 FOIA", "s.40"),
        ("uk-foia", "s.40(2)", "s.40(2)"),
        ("uk-foia", "section 22a", "s.22A"),
        ("eu-1049", "Article 4(2), third indent", "4(2)(iii)"),
        ("eu-1049", "art. 4, lid 1, onder a, eerste streepje", "4(1)(a)(i)"),
        ("eu-1049", "Art. 4(3), second subparagraph", "4(3)(2)"),
        ("eu-1049", "4.1.b", "4(1)(b)"),
        ("gdpr", "Art. 23(1)(e) GDPR", "23(1)(e)"),
        ("gdpr", "artikel 23, lid 1, onder e, AVG", "23(1)(e)"),
        ("gdpr", "art. 41 lid 1 sub e UAVG", "23(1)(e)"),
        ("gdpr", "15.4", "15(4)"),
    ],
)
def test_normalise_code(catalog_id: str, typed: str, canonical: str) -> None:
    assert normalise_code(typed, load_catalog(catalog_id)) == canonical


def test_prefix_needs_a_boundary() -> None:
    # "s" is a prefix in "s40" but not in "scope"; "552" is a prefix of "552(b)" but not "552a".
    assert ground_key("s40") == "40"
    assert ground_key("scope") == "scope"
    assert ground_key("sec. 12") == "12"
    catalog = load_catalog("us-foia")
    assert ground_key("552a(k)(2)", catalog.rules) == "k2"


def test_unknown_ground_names_the_input_and_near_matches(woo: Catalog) -> None:
    with pytest.raises(UnknownGround) as caught:
        woo.resolve("5.1.3e")
    assert (
        str(caught.value) == "Unknown ground '5.1.3e' in catalog woo; did you mean 5.1.1e, 5.1.2e?"
    )
    assert isinstance(caught.value, InputError)
    with pytest.raises(UnknownGround, match=r"^Unknown ground 'xyz' in catalog woo\.$"):
        woo.resolve("xyz")
    with pytest.raises(UnknownGround, match="empty"):
        woo.resolve("  ")
    us = load_catalog("us-foia")
    with pytest.raises(
        UnknownGround, match=r"did you mean \(b\)\(7\)\(A\), \(b\)\(7\)\(B\), \(b\)\(7\)\(C\)\?$"
    ):
        us.resolve("b7")


def test_get_and_contains(woo: Catalog) -> None:
    assert woo.get("art 5.1.1c") is woo.resolve("5.1.1c")
    assert woo.get("5.1.9z") is None
    assert "5.1.2.e" in woo and "5.1.9z" not in woo


CUSTOM = """\
# A custom catalog
id = "team-rules"
name = "Team rules"
jurisdiction = "NL"
version = 3

[normalise]
ignore = ["regel"]

[[ground]]
code = "T1"
label_nl = "Geheim"
label_en = "Secret"
kind = "absolute"

[[ground]]
code = "T2"
label_nl = "Afweging"
label_en = "Weighing"
kind = "relative"
aliases = ["two"]

[[ground]]
code = "OLD"
label_nl = "Oud"
label_en = "Old"
kind = "relative"
legacy = true
replaced_by = "t 2"
"""


def test_custom_catalog_file(tmp_path: Path) -> None:
    path = tmp_path / "team.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    catalog = load_catalog(path)
    assert load_catalog(str(path)) == catalog
    assert (catalog.id, catalog.name, catalog.version, len(catalog)) == (
        "team-rules",
        "Team rules",
        3,
        3,
    )
    assert catalog.source_text == CUSTOM
    assert normalise_code("regel t-1", catalog) == "T1"
    assert catalog.resolve("TWO").code == "T2"
    assert catalog.resolve("T2").requires_motivation  # default for a relative ground
    assert not catalog.resolve("T1").requires_motivation
    assert catalog.resolve("old").replaced_by == "T2"  # stored in its canonical spelling


def _ground(code: str, kind: str = "absolute", extra: str = "") -> str:
    return (
        f'[[ground]]\ncode = "{code}"\nlabel_nl = "nl"\nlabel_en = "en"\nkind = "{kind}"\n{extra}\n'
    )


HEAD = 'id = "bad"\nname = "Bad"\njurisdiction = "NL"\nversion = 1\n'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (HEAD + "[[ground]\n", "is not valid TOML: "),
        (HEAD, "it has no grounds"),
        (
            HEAD.replace("version = 1", 'version = "one"') + _ground("A"),
            "'version' must be a whole number",
        ),
        (HEAD.replace('name = "Bad"\n', "") + _ground("A"), "the catalog has no 'name'"),
        (
            HEAD + '[[ground]]\ncode = "A"\nlabel_nl = "nl"\nkind = "absolute"\n',
            "ground 1 (A) has no 'label_en'",
        ),
        (HEAD + _ground("A") + _ground("A"), "code 'A' appears twice"),
        (HEAD + _ground("A;B"), "ground 1 (A;B): a code cannot contain ';', ',' or a line break"),
        (
            HEAD + _ground("5.1.2e") + _ground("5.1.2.e"),
            "'5.1.2.e' (of 5.1.2.e) and '5.1.2e' are the same code",
        ),
        (
            HEAD + _ground("A", kind="qualified"),
            "ground 1 (A) has kind 'qualified'; it must be one of absolute, relative, label",
        ),
        (
            HEAD + _ground("A", "relative", "requires_motivation = false"),
            "ground 1 (A) is relative (weighing of interests) so it must require motivation",
        ),
        (
            HEAD + _ground("A", extra='replaced_by = "B"'),
            "A is replaced by 'B', which is not in it",
        ),
        (
            HEAD + _ground("A", extra="requires_motivaton = true"),
            "ground 1 (A) has unknown field(s) requires_motivaton",
        ),
        (
            HEAD + _ground("A", extra='aliases = "a1"'),
            "'aliases' must be a list of non-empty texts",
        ),
    ],
)
def test_malformed_catalog_is_refused_with_a_clear_sentence(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalog(path)
    message = str(caught.value)
    assert message.startswith(f"Catalog {path} is ")
    assert problem in message
    assert message.endswith(".") and "\n" not in message


def test_load_catalog_refuses_unknown_ids_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(
        InputError,
        match=r"Unknown catalog 'wob'; the built-in catalogs are eu-1049, gdpr, uk-foia, us-foia, woo, or give",
    ):
        load_catalog("wob")
    with pytest.raises(InputError, match="does not exist"):
        load_catalog(tmp_path / "missing.toml")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('name = "Financi\u00eble"'.encode("latin-1"))
    with pytest.raises(InputError, match="is not UTF-8 text"):
        load_catalog(latin1)
