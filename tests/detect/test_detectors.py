"""Detectors on generated PDFs with known personal data, valid and invalid look-alikes."""

from __future__ import annotations

import pymupdf
import pytest

from redactor.core.errors import InputError
from redactor.core.text import PageText
from redactor.detect.base import Detector
from redactor.detect.detectors import (
    DETECTOR_NAMES,
    FOIA_GROUNDS,
    WOO_GROUNDS,
    default_detectors,
    grounds_for_catalog,
    select_detectors,
    suggest,
)
from redactor.pdf.text import page_text
from tests.detect.synth import page_from_text

# Page 1 holds valid data; page 2 the same kinds of number with a broken checksum.
VALID = [
    "Geachte heer Jansen,",
    "Uw BSN is 111222333 en uw rekening NL91 ABNA 0417 1643 00.",
    "Bel 06-12345678 of mail p.devries@minbzk.nl vanaf 145.97.12.3.",
    "U woont aan de Kerkstraat 12, 2511 AB Den Haag; uw auto heeft kenteken GZ-123-B.",
    "Geboren op 12-04-1985. Creditcard 4111 1111 1111 1111.",
    "Met vriendelijke groet,",
    "Pieter de Vries",
]
INVALID = [
    "Het BSN 111222334 en de IBAN NL91 ABNA 0417 1643 01 kloppen niet.",
    "Ordernummer 123456782 en kaart 4111 1111 1111 1112.",
    "Het IP-adres 999.12.1.1 bestaat niet; de datum 31-02-1985 ook niet.",
    "Op 12-04-1985 is het stuk ontvangen.",
]


def _pdf_pages(*pages: list[str], rotation: int = 0) -> list[PageText]:
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page()
        for i, line in enumerate(lines):
            page.insert_text((50, 80 + 40 * i), line, fontname="helv", fontsize=10)
        page.set_rotation(rotation)
    return [page_text(doc, i) for i in range(doc.page_count)]


def _found(pages: list[PageText], **kw: object) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in suggest(pages, default_detectors(WOO_GROUNDS)):
        out.setdefault(s.detector, set()).add(s.value)
    return out


def test_valid_data_is_suggested_and_invalid_is_not() -> None:
    pages = _pdf_pages(VALID, INVALID)
    by_page = [_found([p]) for p in pages]
    assert by_page[0] == {
        "name": {"jansen", "pieter de vries"},
        "bsn": {"111222333"},
        "iban": {"NL91ABNA0417164300"},
        "phone": {"+31612345678"},
        "email": {"p.devries@minbzk.nl"},
        "ip": {"145.97.12.3"},
        "address": {"2511AB 12"},
        "plate": {"GZ-123-B"},
        "birthdate": {"1985-04-12"},
        "account": {"4111111111111111"},
    }
    assert by_page[1] == {}


def test_suggestions_carry_grounds_boxes_and_stable_keys() -> None:
    pages = _pdf_pages(VALID, rotation=90)
    first = suggest(pages, default_detectors(WOO_GROUNDS))
    again = suggest(pages, default_detectors(WOO_GROUNDS))
    assert [s.key for s in first] == [s.key for s in again]
    assert len({s.key for s in first}) == len(first)
    page = pages[0]
    for s in first:
        assert s.ground == ("5.1.1e" if s.detector == "bsn" else "5.1.2e")
        assert s.rects, s
        # Each box holds exactly the words of the suggestion: every word it overlaps is one
        # whose text is part of the suggestion.
        for rect in s.rects:
            inside = [w.text for w in page.words if rect.intersects(w.rect)]
            words = [part.strip(".,;:") for part in inside]
            assert words and all(part in s.text or s.text in part for part in words), (s, inside)
        assert page.text[s.start : s.end] == s.text
    bsn = next(s for s in first if s.detector == "bsn")
    [rect] = bsn.rects
    assert rect.height > rect.width  # rotated page: the number runs down the display


def test_grounds_per_catalog() -> None:
    assert grounds_for_catalog("woo")["bsn"] == "5.1.1e"
    assert grounds_for_catalog("Woo-2022")["name"] == "5.1.2e"
    assert set(FOIA_GROUNDS.values()) == {"(b)(6)"}
    assert dict(grounds_for_catalog("gdpr")) == {}
    assert all(d.ground is None for d in default_detectors())
    assert [d.name for d in default_detectors()] == list(DETECTOR_NAMES)
    assert all(isinstance(d, Detector) for d in default_detectors())


def test_select_detectors() -> None:
    chosen = select_detectors(default_detectors(), ["bsn", "email"])
    assert [d.name for d in chosen] == ["bsn", "email"]
    with pytest.raises(InputError, match="Unknown detector nope"):
        select_detectors(default_detectors(), ["nope"])


def _values(name: str, text: str) -> list[str]:
    [detector] = select_detectors(default_detectors(), [name])
    return [s.value for s in detector.find([page_from_text(text)])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BSN: 1112.22.333", ["111222333"]),
        ("burgerservicenummer 111 222 333", ["111222333"]),
        ("sofinummer 12345672", ["012345672"]),  # 8 digits: only with a label
        ("nummer 12345672", []),
        ("factuurnummer 111222333", []),
        ("bedrag € 111.222.333", []),
        ("111222333,00 euro", []),
        ("NL-111222333", []),
    ],
)
def test_bsn_forms(text: str, expected: list[str]) -> None:
    assert _values("bsn", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NL91ABNA0417164300", ["NL91ABNA0417164300"]),
        ("iban nl91 abna 0417 1643 00 EUR", ["NL91ABNA0417164300"]),
        ("GB82 WEST 1234 5698 7654 32 en verder", ["GB82WEST12345698765432"]),
        ("NL91ABNA0417164301", []),
    ],
)
def test_iban_forms(text: str, expected: list[str]) -> None:
    assert _values("iban", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenteken 12-ABC-3", []),  # vowels are not used in current plates
        ("kenteken: 12-BDF-3", ["12-BDF-3"]),
        ("kenteken 12BDF3", ["12BDF3"]),
        ("code 12BDF3", []),
        ("1-KBB-23 en 123-BB-4", ["1-KBB-23", "123-BB-4"]),
    ],
)
def test_plates(text: str, expected: list[str]) -> None:
    assert _values("plate", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("geboren 1 februari 1950, overleden 3-4-2020", ["1950-02-01"]),
        ("geboortedatum:\n1950-02-01", ["1950-02-01"]),
        ("geb. 12-04-85", ["1985-04-12"]),
        ("geboren op 31-02-1985", []),
        ("geboren op 12-04-2199", []),
    ],
)
def test_birth_dates(text: str, expected: list[str]) -> None:
    assert _values("birthdate", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kerkstraat 12, 2511 AB Den Haag", ["2511AB 12"]),
        ("Kerkstraat 12\n2511 AB Den Haag", ["2511AB 12"]),
        ("2511AB, 12a", ["2511AB 12a"]),
        ("Postbus 20011, 2500 EA Den Haag", []),
        ("2511 SA 12", []),  # SA, SD and SS are not used in postcodes
        ("Bezoekadres: Turfmarkt 147, 2511 DP Den Haag", []),
        ("aan de Kerkstraat 12 in Utrecht", ["kerkstraat 12"]),
    ],
)
def test_addresses(text: str, expected: list[str]) -> None:
    assert _values("address", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geachte heer Jansen,", ["jansen"]),
        ("mevrouw de Minister", []),
        ("Geachte heer, mevrouw,", []),
        ("de heer Van den Berg", ["van den berg"]),
        ("Van: Bakker, P. <p.bakker@x.nl>", ["bakker", "p."]),
        ("Jeroen Bosch Ziekenhuis", []),
        ("De Johan de Wittlaan", []),
        ("N.B. De termijn", []),
        ("Ben je er morgen?", []),
        (
            "J.P. van der Berg belde; later belde Van der Berg weer.",
            ["j.p. van der berg", "van der berg"],
        ),
        ("Met vriendelijke groet,\n\nDe Minister van Financiën,", []),
        ("het lid Omtzigt en de leden Van Dijk en Bikker", ["omtzigt", "van dijk", "bikker"]),
    ],
)
def test_names(text: str, expected: list[str]) -> None:
    assert _values("name", text) == expected


def test_names_found_on_one_page_are_found_again_on_another() -> None:
    pages = [page_from_text("Gesprek met Hanneke Bosman.", 0), page_from_text("Bosman belde.", 1)]
    [detector] = select_detectors(default_detectors(), ["name"])
    found = [(s.page_index, s.text, s.confidence) for s in detector.find(pages)]
    assert found == [(0, "Hanneke Bosman", 0.8), (1, "Bosman", 0.6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("versie 1.2.3.4", []),
        ("bereik 192.168.0.0/16", []),
        ("vanaf 192.168.1.10", ["192.168.1.10"]),
        ("tijd 12:30:45", []),
        ("adres 2001:db8::1", ["2001:db8::1"]),
    ],
)
def test_ips(text: str, expected: list[str]) -> None:
    assert _values("ip", text) == expected


def test_phones_need_a_prefix_and_skip_labelled_numbers() -> None:
    assert _values("phone", "bel 070 123 4567") == ["+31701234567"]
    assert _values("phone", "ordernummer 0701234567") == []
    assert _values("phone", "BSN 111222333") == []


def test_the_nearest_label_decides() -> None:
    text = "Mijn BSN is 111222333, ordernummer 617151283. Factuur van mijn BSN: 050260662."
    assert _values("bsn", text) == ["111222333", "050260662"]
    assert _values("phone", "Vragen over uw rekening? Bel mij op 06-12345678.") == ["+31612345678"]
    assert _values("phone", "telnr. 06-12345678") == ["+31612345678"]
