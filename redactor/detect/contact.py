"""Contact details: e-mail addresses, phone numbers (phonenumbers, region NL), IP addresses."""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from redactor.core.text import PageText, Suggestion
from redactor.detect.base import line_before, make_suggestion

log = logging.getLogger(__name__)

_EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)
# Mailboxes of a function rather than a person: still shown, with a low confidence.
_ROLE_MAILBOX = re.compile(
    r"(info|woo|wob|postbus|post|secretariaat|noreply|no-reply|servicedesk|helpdesk|contact|"
    r"pers|communicatie|klantcontact|webmaster|admin|support|privacy|fg|frontoffice|"
    r"griffie|redactie|team|bestuurssecretariaat)([._-].*)?",
    re.IGNORECASE,
)

# Labels right in front of a number that make it something other than a phone number
# ("ordernummer 0701234567"); a word further away says nothing ("uw rekening? Bel 06-...").
_NOT_PHONE_LABEL = re.compile(
    r"(\b(order|factuur|kenmerk|referentie|zaak|dossier|klant|bestel|artikel|polis|kvk|btw|"
    r"rekening|iban|bsn|burgerservicenummer|bedrag|kamerstuk)[\w.-]*|€)\s*:?\s*$"
)
# Phone candidates need a trunk prefix, an international prefix or brackets: a bare run of
# digits is far more often a BSN, an order number or a reference.
_PHONE_START = re.compile(r"[+(0]")

# Not followed by "/16": a network range is no one's address.
_IPV4_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w/]|\.\d)")
_IPV6_RE = re.compile(
    r"(?<![\w:.])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:\.\d{1,3}){0,3})(?![\w:])"
)
# Words after which dotted numbers are versions or article numbers, not addresses.
_NOT_IP_LABEL = re.compile(
    r"(versie|version|\bv|\bart\.?|artikel|paragraaf|par\.|hoofdstuk|lid|bijlage|§)\s*$"
)


@dataclass(frozen=True)
class EmailDetector:
    """E-mail addresses (role mailboxes like info@ or woo@ with a low confidence)."""

    ground: str | None = None
    name: ClassVar[str] = "email"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                for m in _EMAIL_RE.finditer(block.text):
                    value = m.group(0).lower()
                    local = value.partition("@")[0]
                    confidence = 0.4 if _ROLE_MAILBOX.fullmatch(local) else 0.9
                    yield make_suggestion(
                        self.name, page, block, m.start(), m.end(), value, self.ground, confidence
                    )


@dataclass(frozen=True)
class PhoneDetector:
    """Phone numbers in Dutch and international formats, checked by `phonenumbers`."""

    ground: str | None = None
    region: str = "NL"
    name: ClassVar[str] = "phone"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                text = block.text
                if not any(c.isdigit() for c in text):
                    continue
                for m in PhoneNumberMatcher(text, self.region, leniency=Leniency.VALID):
                    raw = m.raw_string
                    if not _PHONE_START.match(raw):
                        continue
                    if _NOT_PHONE_LABEL.search(line_before(text, m.start, 30)):
                        continue
                    value = phonenumbers.format_number(m.number, PhoneNumberFormat.E164)
                    yield make_suggestion(
                        self.name, page, block, m.start, m.end, value, self.ground, 0.85
                    )


@dataclass(frozen=True)
class IpDetector:
    """IPv4 and IPv6 addresses (private and special-purpose ones with a low confidence)."""

    ground: str | None = None
    name: ClassVar[str] = "ip"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                text = block.text
                if "." not in text and ":" not in text:
                    continue
                for pattern in (_IPV4_RE, _IPV6_RE):
                    for m in pattern.finditer(text):
                        candidate = m.group(1)
                        if pattern is _IPV6_RE and not any(c.isalnum() for c in candidate):
                            continue
                        try:
                            address = ipaddress.ip_address(candidate)
                        except ValueError:
                            continue
                        if _NOT_IP_LABEL.search(line_before(text, m.start(1), 20)):
                            continue
                        confidence = 0.9 if address.is_global else 0.5
                        yield make_suggestion(
                            self.name,
                            page,
                            block,
                            m.start(1),
                            m.end(1),
                            str(address),
                            self.ground,
                            confidence,
                        )
