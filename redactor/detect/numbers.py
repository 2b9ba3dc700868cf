"""Identification and account numbers: BSN, IBAN, payment cards, old Dutch bank accounts.

Every candidate is validated with its checksum (python-stdnum) before it is suggested; a
number that fails the check is not personal data of that kind, however much it looks like it.
A valid checksum alone is weak for a plain nine-digit number (one in eleven passes the
eleven-test), so a label in front of it ("ordernummer", "kenmerk", an amount) rules it out and
a BSN label raises the confidence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from stdnum import iban, luhn
from stdnum.nl import bsn

from redactor.core.text import PageText, Suggestion
from redactor.detect.base import line_before, make_suggestion

log = logging.getLogger(__name__)

# Nine digits, or 8 (older numbers written without their leading zero, only with a label), in
# the written forms seen in letters: 123456782, 1234.56.782, 123.456.782, 123 456 782.
_BSN_RE = re.compile(
    r"(?<![\w.,/-])"
    r"(\d{9}|\d{8}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3}|\d{4} \d{2} \d{3})"
    r"(?![\w/-]|[.,]\d)"
)
_BSN_LABEL = re.compile(
    r"\b(bsn|burgerservicenummer|burgerservice-nummer|sofinummer|sofi-nummer|sofi|"
    r"citizen service number|persoonsnummer)\b"
)
# Labels that make a number something else. Matched in the text just before the number.
_OTHER_LABEL = re.compile(
    r"(order|factuur|kenmerk|referentie|\bref\b|zaak|dossier|klant|relatie|bestel|artikel|polis|"
    r"kvk|btw|rsin|\btel\b|telefoon|fax|mobiel|postbus|kamerstuk|project|registratie|volgnummer|"
    r"document|contract|invoice|account|rekening|iban|€|\beur\b|\beuro|\$|bedrag|nummer van)"
    r"[^0-9]{0,20}$"
)
_AMOUNT_AFTER = re.compile(r"\s*(,-|,\d\d\b|euro|eur\b)", re.IGNORECASE)

# An IBAN: country, check digits, then up to 30 letters/digits, possibly in groups of four.
_IBAN_RE = re.compile(r"(?<![\w])([A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30})(?![\w])")

# Payment card numbers: 13-19 digits, possibly in groups separated by spaces or dashes.
_CARD_RE = re.compile(r"(?<![\w.,-])(\d(?:[ -]?\d){12,18})(?![\w-]|[.,]\d)")
_IBAN_HEAD = re.compile(r"\b[A-Z]{2}\d{2} ?$")
_NOT_CARD_LABEL = re.compile(
    r"(order|factuur|kenmerk|referentie|zaak|dossier|klant|relatie|bestel|artikel|polis|project|"
    r"registratie|document|contract|invoice|tel|telefoon|iban)[^0-9]{0,20}$"
)
_CARD_PREFIXES = re.compile(r"4|5[1-5]|2[2-7]|3[47]|6011|65|35|30[0-5]|36|38")
# Old Dutch bank and giro account numbers, only with a label right in front of them.
_OLD_ACCOUNT_RE = re.compile(
    r"(?i)\b(?P<label>bankrekeningnummer|rekeningnummer|rekening|rek\.? ?nr\.?|"
    r"gironummer|giro|postbank)\s*:?\s*(?P<num>\d{1,2}(?:\.?\d{2}){3}\d?|\d{9,10}|\d{1,7})\b"
)


def _bsn_labelled(before: str) -> bool:
    """Whether the nearest label before a number calls it a BSN.

    "Mijn BSN is 111222333, ordernummer 617151283": the second number's nearest label is
    "ordernummer", and digits stand between it and "BSN".
    """
    label = None
    for label in _BSN_LABEL.finditer(before):  # noqa: B007 - the last one is the nearest
        pass
    if label is None or any(c.isdigit() for c in before[label.end() :]):
        return False
    other = _OTHER_LABEL.search(before)
    return other is None or other.start() < label.end()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@dataclass(frozen=True)
class BsnDetector:
    """Dutch citizen service numbers (BSN), validated with the eleven-test."""

    ground: str | None = None
    name: ClassVar[str] = "bsn"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                text = block.text
                for m in _BSN_RE.finditer(text):
                    number = _digits(m.group(1))
                    before = line_before(text, m.start(), 40)
                    labelled = _bsn_labelled(before)
                    if len(number) == 8 and not labelled:
                        continue
                    if not bsn.is_valid(number):
                        continue
                    if not labelled and (
                        _OTHER_LABEL.search(before) or _AMOUNT_AFTER.match(text, m.end())
                    ):
                        continue
                    value = number.zfill(9)
                    yield make_suggestion(
                        self.name,
                        page,
                        block,
                        m.start(1),
                        m.end(1),
                        value,
                        self.ground,
                        0.95 if labelled else 0.7,
                    )


@dataclass(frozen=True)
class IbanDetector:
    """International bank account numbers, validated with their check digits and country format."""

    ground: str | None = None
    name: ClassVar[str] = "iban"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                text = block.text
                for m in _IBAN_RE.finditer(text):
                    end = _longest_valid_iban(text, m.start(1), m.end(1))
                    if end is None:
                        continue
                    value = _digits_and_letters(text[m.start(1) : end])
                    yield make_suggestion(
                        self.name, page, block, m.start(1), end, value, self.ground, 0.95
                    )


def _digits_and_letters(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text).upper()


def _longest_valid_iban(text: str, start: int, end: int) -> int | None:
    """The end of the longest valid IBAN starting at `start` within [start, end).

    The pattern is greedy across spaces ("NL91 ABNA 0417 1643 00 EUR" would take "EUR"), so
    try every cut at a space or at the end, longest first.
    """
    cuts = [i for i in range(start, end) if text[i] == " "] + [end]
    for cut in reversed(cuts):
        candidate = _digits_and_letters(text[start:cut])
        if 15 <= len(candidate) <= 34 and iban.is_valid(candidate):
            return cut
    return None


@dataclass(frozen=True)
class AccountDetector:
    """Other account numbers: payment cards (Luhn) and labelled old Dutch bank/giro numbers."""

    ground: str | None = None
    name: ClassVar[str] = "account"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                text = block.text
                for m in _CARD_RE.finditer(text):
                    number = _digits(m.group(1))
                    if _IBAN_HEAD.search(text, 0, m.start(1)):
                        continue  # the digits of a foreign IBAN written in groups
                    if _NOT_CARD_LABEL.search(line_before(text, m.start(1), 30)):
                        continue
                    if _CARD_PREFIXES.match(number) and luhn.is_valid(number):
                        yield make_suggestion(
                            self.name, page, block, m.start(1), m.end(1), number, self.ground, 0.8
                        )
                for m in _OLD_ACCOUNT_RE.finditer(text):
                    number = _digits(m.group("num"))
                    label = m.group("label").lower()
                    giro = label.startswith(("giro", "postbank"))
                    if (len(number) <= 7 and giro) or (
                        len(number) in (9, 10) and not giro and _old_account_valid(number)
                    ):
                        yield make_suggestion(
                            self.name,
                            page,
                            block,
                            m.start("num"),
                            m.end("num"),
                            number,
                            self.ground,
                            0.8,
                        )


def _old_account_valid(number: str) -> bool:
    """The eleven-test of pre-IBAN Dutch bank account numbers (weights 10..1 on 10 digits).

    python-stdnum has no module for these (they went out of use in 2014, but old files keep
    them), so this one check is written out here.
    """
    digits = number.zfill(10)
    if int(digits) == 0:
        return False
    return sum(int(d) * w for d, w in zip(digits, range(10, 0, -1), strict=True)) % 11 == 0
