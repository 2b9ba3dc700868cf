"""Where someone lives or drives: addresses with house numbers, licence plates, birth dates."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from stdnum.nl import postcode

from redactor.core.text import PageText, Suggestion, TextBlock
from redactor.detect.base import make_suggestion

log = logging.getLogger(__name__)

# --- addresses ---------------------------------------------------------------------------------

_POSTCODE = r"[1-9]\d{3} ?[A-Z]{2}"
_HOUSE_NUMBER = r"\d{1,5}(?:-?(?:bis|[A-Za-z])(?![\w])|-\d{1,4}(?!\d)|\s(?:bis|[A-Za-z])(?![\w]))?"
# Postcode followed by a house number: "2511 AB 12", "1234AB, 5", "2511 AB nr. 12".
_POSTCODE_NUMBER_RE = re.compile(
    rf"(?<![\w])(?P<pc>{_POSTCODE})(?![\w])[ ,]*(?:nr\.? ?|no\.? ?|huisnummer ?)?"
    rf"(?P<nr>{_HOUSE_NUMBER})(?![\w.,]\d)"
)
# Street and number, then the postcode on the same line or the next: "Kerkstraat 12, 2511 AB".
_NUMBER_POSTCODE_RE = re.compile(
    rf"(?<![\w])(?P<nr>{_HOUSE_NUMBER}),?[ \n]+(?P<pc>{_POSTCODE})(?![\w])"
)
# A street name without postcode: only with a street-like ending.
_STREET_SUFFIX = (
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|plantsoen|dreef|steeg|markt|"
    r"pad|wal|baan|ring|erf|veld|dam|boulevard|allee|haven|oord|werf|zijde|dal|tuin|akker|"
    r"weide|berg|straatweg|kwartier|burgwal|hoven|hoek|poort|kant|vaart|rade|street|road|avenue)"
)
_STREET_RE = re.compile(
    rf"(?<![\w-])(?P<street>[A-Z][\w'’-]*{_STREET_SUFFIX}) (?P<nr>{_HOUSE_NUMBER})(?![\w.,]\d|\d)"
)
# Labels of an organisation's address, not a person's.
_ORGANISATION_LABEL = re.compile(
    r"(?i)(bezoekadres|postadres|kantooradres|vestigingsadres|afleveradres|retouradres)"
)
_STREET_PARTICLE_WORDS = "van de der den het 't ter ten te la le aan op in bij over achter voor"
_STREET_PARTICLES = frozenset(_STREET_PARTICLE_WORDS.split())
_NOT_STREET = frozenset(
    {"postbus", "antwoordnummer", "pb", "bus", "kamerstuk", "nr", "nr.", "artikel"}
)


@dataclass(frozen=True)
class AddressDetector:
    """Dutch addresses: postcode with house number, or street and number (with postcode)."""

    ground: str | None = None
    name: ClassVar[str] = "address"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                yield from self._block(page, block)

    def _block(self, page: PageText, block: TextBlock) -> Iterator[Suggestion]:
        text = block.text
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        for m in _NUMBER_POSTCODE_RE.finditer(text):
            if not postcode.is_valid(m.group("pc")) or _ORGANISATION_LABEL.search(
                text, text.rfind("\n", 0, m.start()) + 1, m.start()
            ):
                continue
            start = _street_start(text, m.start("nr"))
            if start is None:
                continue
            value = f"{_compact_pc(m.group('pc'))} {m.group('nr').replace(' ', '')}"
            taken.append((start, m.end()))
            yield make_suggestion(self.name, page, block, start, m.end(), value, self.ground, 0.9)
        for m in _POSTCODE_NUMBER_RE.finditer(text):
            if not free(m.start(), m.end()) or not postcode.is_valid(m.group("pc")):
                continue
            value = f"{_compact_pc(m.group('pc'))} {m.group('nr').replace(' ', '')}"
            taken.append((m.start(), m.end()))
            yield make_suggestion(
                self.name, page, block, m.start(), m.end(), value, self.ground, 0.85
            )
        for m in _STREET_RE.finditer(text):
            if not free(m.start(), m.end()) or m.group("street").lower() in _NOT_STREET:
                continue
            if _ORGANISATION_LABEL.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue
            start = _street_start(text, m.start("nr")) or m.start()
            value = f"{m.group('street').lower()} {m.group('nr').replace(' ', '')}"
            taken.append((start, m.end()))
            yield make_suggestion(self.name, page, block, start, m.end(), value, self.ground, 0.7)


def _compact_pc(code: str) -> str:
    return code.replace(" ", "").upper()


def _street_start(text: str, number_start: int) -> int | None:
    """Where the street name before a house number starts, or None if there is none.

    Walks back over capitalised words and name particles ("Laan van Nieuw Oost-Indië",
    "Burgemeester de Monchyplein") on the same line, at most six words.
    """
    line_start = text.rfind("\n", 0, number_start) + 1
    words = list(re.finditer(r"\S+", text[line_start:number_start]))
    start: int | None = None
    for w in reversed(words[-6:]):
        token = w.group(0)
        if token.endswith((":", ",", ";")) or token.lower() in _NOT_STREET:
            break
        if token[0].isupper():
            start = line_start + w.start()
        elif token.lower() not in _STREET_PARTICLES:
            break
    return start


# --- licence plates ----------------------------------------------------------------------------

# Dutch sidecodes 1-14 as letter (L) / digit (9) patterns. From sidecode 4 on, plates use no
# vowels and no C or Q; the old sidecodes 1-3 used more letters.
_SIDECODES_OLD = ("LL-99-99", "99-99-LL", "99-LL-99")
_SIDECODES_NEW = (
    "LL-99-LL",
    "LL-LL-99",
    "99-LL-LL",
    "99-LLL-9",
    "9-LLL-99",
    "LL-999-L",
    "L-999-LL",
    "LLL-99-L",
    "L-99-LLL",
    "9-LL-999",
    "999-LL-9",
)
_OLD_LETTERS = "[A-Z]"
_NEW_LETTERS = "[BDFGHJKLMNPRSTVXZ]"
_DASH = "[-‐‑–]"


def _sidecode_regex(code: str, letters: str, dash: str) -> str:
    out = []
    for part in code.split("-"):
        kind = letters if part[0] == "L" else r"\d"
        out.append(f"{kind}{{{len(part)}}}")
    return dash.join(out)


_PLATE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        [_sidecode_regex(c, _NEW_LETTERS, _DASH) for c in _SIDECODES_NEW]
        + [_sidecode_regex(c, _OLD_LETTERS, _DASH) for c in _SIDECODES_OLD]
    )
    + r")(?![\w-])"
)
# Written without dashes, a plate is only recognised right after the word "kenteken".
_PLATE_UNDASHED_RE = re.compile(
    r"(?i:kenteken(?:nummer)?|license plate|licence plate)\s*:?\s*(?P<plate>[A-Z0-9]{6})(?![\w-])"
)
_PLATE_UNDASHED_FULL = re.compile(
    "|".join(
        [_sidecode_regex(c, _NEW_LETTERS, "") for c in _SIDECODES_NEW]
        + [_sidecode_regex(c, _OLD_LETTERS, "") for c in _SIDECODES_OLD]
    )
)


@dataclass(frozen=True)
class PlateDetector:
    """Dutch licence plates in the current sidecodes."""

    ground: str | None = None
    name: ClassVar[str] = "plate"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        for page in pages:
            for block in page.blocks:
                text = block.text
                for m in _PLATE_RE.finditer(text):
                    value = re.sub(_DASH, "-", m.group(0))
                    yield make_suggestion(
                        self.name, page, block, m.start(), m.end(), value, self.ground, 0.8
                    )
                for m in _PLATE_UNDASHED_RE.finditer(text):
                    plate = m.group("plate")
                    if _PLATE_UNDASHED_FULL.fullmatch(plate):
                        yield make_suggestion(
                            self.name,
                            page,
                            block,
                            m.start("plate"),
                            m.end("plate"),
                            plate,
                            self.ground,
                            0.9,
                        )


# --- dates of birth ----------------------------------------------------------------------------

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "maart": 3,
    "mrt": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augustus": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"(?<![\w.-])(?:"
    r"(?P<d1>\d{1,2})[-/.](?P<m1>\d{1,2})[-/.](?P<y1>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<m3>{_MONTH_NAMES})\.?\s+(?P<y3>\d{{4}})"
    rf"|(?P<m4>{_MONTH_NAMES})\.?\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}})"
    r")(?![\w-]|[./]\d)",
    re.IGNORECASE,
)
_BIRTH_LABEL = re.compile(
    r"(geboren|geb\.|geb\b|geboorte|geb\.? ?datum|date of birth|birth ?date|\bborn\b|"
    r"\bdob\b|d\.o\.b\.)",
    re.IGNORECASE,
)
# How far before a date its label may stand (across a line break: forms put it above).
_LABEL_REACH = 45


def _parse_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["d1"]:
            day, month, year = int(g["d1"]), int(g["m1"]), int(g["y1"])
        elif g["y2"]:
            day, month, year = int(g["d2"]), int(g["m2"]), int(g["y2"])
        elif g["d3"]:
            day, month, year = int(g["d3"]), _MONTHS[g["m3"].lower()], int(g["y3"])
        else:
            day, month, year = int(g["d4"]), _MONTHS[g["m4"].lower()], int(g["y4"])
        if year < 100:  # "geb. 12-04-85": a two-digit year of birth is in the past century
            year += 1900 if year > dt.date.today().year % 100 else 2000
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class BirthDateDetector:
    """Dates labelled as dates of birth ("geboren op", "geb.", "geboortedatum", "DOB")."""

    ground: str | None = None
    name: ClassVar[str] = "birthdate"

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        today = dt.date.today()
        for page in pages:
            for block in page.blocks:
                text = block.text
                if not _BIRTH_LABEL.search(text):
                    continue
                dates = list(_DATE_RE.finditer(text))
                previous_end = 0
                for m in dates:
                    # The label must stand between the previous date and this one, so that in
                    # "geboren 1-2-1950, overleden 3-4-2020" only the first is a birth date.
                    window_start = max(previous_end, m.start() - _LABEL_REACH)
                    previous_end = m.end()
                    if not _BIRTH_LABEL.search(text, window_start, m.start()):
                        continue
                    date = _parse_date(m)
                    if date is None or not dt.date(1900, 1, 1) <= date <= today:
                        continue
                    yield make_suggestion(
                        self.name,
                        page,
                        block,
                        m.start(),
                        m.end(),
                        date.isoformat(),
                        self.ground,
                        0.9,
                    )
