"""Dutch person names, found by the places names stand in letters, memos and e-mails.

A name is recognised by its context, never by being a capitalised word alone:
- after a title or salutation: "de heer Jansen", "mevrouw Van der Berg", "mr. drs. K. ter Horst";
- after a greeting: "Beste Wietske,", "Dear John,";
- in an e-mail header or form field: "Van: Pieter de Vries <...>", "Contactpersoon: A. Smit";
- in a signature: the line after "Met vriendelijke groet," or "Hoogachtend,";
- as initials or a common given name followed by a surname: "J.P. van der Berg", "Anna Smit";
- and, once a surname has been found that way, its other occurrences in the same pages.

Why not `deduce` (the Dutch de-identification library): see the issue note; in short it needs
about 1.1 GB of memory and 8 s to load (72 s on first use, writing an 83 MB cache into its own
install folder), pulls in numpy, and pins `docdeid==1.0.1` and `regex<2025`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from redactor.core.text import PageText, Suggestion, TextBlock
from redactor.detect.base import make_suggestion
from redactor.detect.firstnames import FIRST_NAMES

log = logging.getLogger(__name__)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and forms of address; the name after them is suggested, the title itself is not.
_TITLE_WORDS = frozenset({"heer", "mevrouw", "meneer", "mejuffrouw", "mrs", "ms"})
_TITLE_ABBREVIATIONS = frozenset(
    {
        "dhr",
        "hr",
        "mevr",
        "mw",
        "mej",
        "mr",
        "mrs",
        "ms",
        "drs",
        "dr",
        "ir",
        "ing",
        "prof",
        "ds",
        "bc",
        "mgr",
        "dipl",
        "jhr",
        "jkvr",
        "mag",
    }
)
_TITLES_WITHOUT_DOT = frozenset({"Mr", "Mrs", "Ms", "Dr", "Drs", "Dhr", "Mevr", "Mw", "Prof", "Ir"})
_GREETINGS = frozenset(
    {
        "beste",
        "hoi",
        "hallo",
        "dag",
        "dear",
        "hi",
        "hey",
        "hello",
        "goedemorgen",
        "goedemiddag",
        "goedenavond",
        "geachte",
        "lieve",
    }
)
_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "’t",
        "ter",
        "ten",
        "te",
        "in",
        "op",
        "aan",
        "uit",
        "onder",
        "bij",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "dos",
        "das",
        "do",
        "von",
        "zu",
        "vom",
        "el",
        "al",
        "v.d.",
        "vd",
        "v/d",
        "ben",
        "bin",
        "ibn",
        "abu",
        "ait",
        "mac",
    }
)
# Capitalised words that are not surnames: they follow titles and given names in ordinary
# prose ("mevrouw de Minister", "Jan Hierbij") or name organisations rather than people.
_STOP = _wordset(
    """
    Minister Ministerie Minister-president Staatssecretaris Voorzitter Burgemeester Wethouder
    Directeur Directeur-generaal Secretaris Secretaris-generaal Kamer Kamerlid Tweede Eerste Raad
    State Rijk Rijksoverheid Gemeente Provincie Staten Koning Koningin Prinses Hoogachtend Namens
    De Het Een In Op Van Voor Met Aan Bij Dit Deze Die Dat Wij Ik Hij Zij Ze We U Uw Graag Ja Nee
    Bijlage Bijlagen Onderwerp Datum Kenmerk Woo Wob Wet Artikel Team Afdeling Directie Dienst
    Postbus Den Haag Nederland Nederlandse Europese Unie College Commissie Hof Rechtbank Justitie
    Financiën Zaken Binnenlandse Buitenlandse Volksgezondheid Welzijn Sport Onderwijs Cultuur
    Wetenschap Defensie Infrastructuur Waterstaat Economische Klimaat Landbouw Natuur Sociale
    Werkgelegenheid Koninkrijksrelaties Algemene Hierbij Verder Ook Als Om Na Naar Zoals Omdat
    Maar En Of Dus Want Wel Niet Geen Alle Alles Iedereen Collega Collega's Allen Allemaal
    Heer Mevrouw Meneer Dames Heren The Dear Regards Thanks Hi Hello From To Subject Sent Cc Bcc
    Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December
    January February March May June July August October
    Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Secretariaat Servicedesk Helpdesk Info Frontoffice Postkamer Bureau
    Redactie Communicatie Juridische Stafbureau Bestuursondersteuning Kabinet Griffie Griffier
    Directoraat Directoraat-generaal Projectteam Werkgroep Programma Project Verzoeken Verzoek
    Afzender Verzonden Geadresseerde Ontvanger Contactpersoon Behandeld Telefoon Mobiel Email
    E-mail Fax Adres Postadres Bezoekadres Website Internet Pagina Zie Vragen Antwoord Reactie
    Beleidsmedewerker Beleidsadviseur Adviseur Jurist Medewerker Coördinator Manager Hoofd
    Senior Junior Teamleider Afdelingshoofd Woordvoerder Landsadvocaat Ambtenaar Politie
    Politieagent Inspectie Autoriteit Agentschap Rijkswaterstaat Belastingdienst Hoogheemraadschap
    Waterschap Universiteit Ziekenhuis Stichting Vereniging Instituut Centrum Fonds Raad
    Dear Sir Madam Excellentie Excellency Edelachtbare Secretary General Kingdom Netherlands
    Groet Groeten Vriendelijke Hartelijke Bedankt Dank Succes Fijne Prettige Goed Goede Nieuwe
    """
)
# Words after a name that make it the name of a thing ("Jeroen Bosch Ziekenhuis").
_INSTITUTION_AFTER = _wordset(
    """Ziekenhuis Universiteit Stichting College School Instituut Fonds Prijs Centrum Huis
    Museum Lyceum Gymnasium Kliniek Zaal Gebouw Stadion Kazerne Brug Tunnel Sluis Plein Straat
    Laan Weg Park Academie Foundation University Institute Hospital Street Road Square"""
)
# Street names built on a person's name ("Johan de Wittlaan"). Only endings that are rarely a
# surname themselves: "Van Dijk", "Van der Laan" and "Westerhof" are people.
_STREET_END = re.compile(
    r"\w\w(straat|laan|weg|plein|gracht|kade|singel|plantsoen|dreef|steeg|markt|park)$"
)
_THING_END = re.compile(r"(ziekenhuis|universiteit|school|instituut|museum|college|fonds|prijs)$")
_INITIALS_RE = re.compile(
    r"(?:(?:[A-ZÀ-ÖØ-Þ]|IJ|Th|Chr|Joh|Ph|Wm|Fr|Jac|Ant|Corn|Jos|Herm)\.-?){1,6}"
)
_CAPWORD_RE = re.compile(r"[A-ZÀ-ÖØ-ÞŞĞİ][a-zà-öø-ÿşğıçü'’]*(?:-[A-Za-zÀ-ÖØ-öø-ÿşğıçü'’]+)*")
_LEAD = "\"'‘“<([«"
_TRAIL = ",;:!?)\"'’”>]»"
_FIELD_RE = re.compile(
    r"(?i)^(van|aan|cc|bcc|from|to|afzender|geadresseerde|verzonden door|verzonden namens|"
    r"naam|name|contactpersoon|contact|behandeld door|ondertekend door|opgesteld door|auteur|"
    r"author|aanvrager|verzoeker|melder|klager|betrokkene|cliënt|client|aanwezig|afwezig|"
    r"afwezig met kennisgeving|notulist|notulen|voorzitter|deelnemers|participants|attendees)\s*:"
)
_CLOSING_RE = re.compile(
    r"(?i)^\s*(?:(?:met\s+)?(?:vriendelijke|hartelijke|collegiale|beste|hoogachtende|warme)\s+"
    r"groet(?:en)?|hoogachtend|groet(?:en|jes)?|mvg|m\.v\.g\.|gr\.|(?:with\s+)?"
    r"(?:kind|best|warm)\s+regards|regards|(?:yours\s+)?sincerely)(?=\s*(?:[,.!]|$))"
)

# Confidence by the evidence that something is a name.
_CONF_CONTEXT = 0.9  # title, greeting, field, signature
_CONF_FREE = 0.8  # initials or a known given name, then a surname
_CONF_GIVEN_ONLY = 0.5  # one or more known given names alone
_CONF_ELSEWHERE = 0.6  # a surname found in one of the above, occurring again


@dataclass(frozen=True, slots=True)
class _Token:
    core: str  # the word without surrounding quotes, brackets and trailing punctuation
    start: int  # offsets of `core` in the block text
    end: int
    line: int
    trail: str  # punctuation removed from the end (",", ":" ...)

    @property
    def bare(self) -> str:
        return self.core.rstrip(".")

    @property
    def stops(self) -> bool:
        """Whether punctuation after this token ends a name."""
        return bool(self.trail) or (self.core.endswith(".") and not is_initials(self))


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    line = 0
    for m in re.finditer(r"\S+|\n", text):
        raw = m.group(0)
        if raw == "\n":
            line += 1
            continue
        lead = len(raw) - len(raw.lstrip(_LEAD))
        core = raw[lead:].rstrip(_TRAIL)
        trail = raw[lead + len(core) :]
        if not core:
            continue
        start = m.start() + lead
        tokens.append(_Token(core, start, start + len(core), line, trail))
    return tokens


def is_initials(tok: _Token) -> bool:
    return _INITIALS_RE.fullmatch(tok.core) is not None


def is_title(tok: _Token) -> bool:
    bare = tok.bare
    low = bare.lower()
    if low in _TITLE_WORDS:
        return True
    return (tok.core.endswith(".") and low in _TITLE_ABBREVIATIONS) or bare in _TITLES_WITHOUT_DOT


def is_particle(tok: _Token) -> bool:
    return tok.core.lower() in _PARTICLES or tok.bare.lower() in _PARTICLES


def is_capword(tok: _Token) -> bool:
    """A capitalised word that can be (part of) a name: "Jansen", "El-Amrani", "Smit-de"."""
    bare = tok.bare
    if len(bare) < 2 or not _CAPWORD_RE.fullmatch(bare) or bare.isupper():
        return False
    return not any(part in _STOP for part in bare.split("-"))


def is_given(tok: _Token) -> bool:
    bare = tok.bare
    return bare in FIRST_NAMES or ("-" in bare and all(p in FIRST_NAMES for p in bare.split("-")))


def _names_a_thing(tok: _Token, next_tok: _Token | None) -> bool:
    """Whether the word after a name makes it the name of a building or body."""
    if next_tok is None or next_tok.line != tok.line or tok.stops:
        return False
    bare = next_tok.bare
    return bare in _INSTITUTION_AFTER or bool(_THING_END.search(bare.lower()))


def _is_surname(tok: _Token, next_tok: _Token | None) -> bool:
    if not is_capword(tok) or _STREET_END.search(tok.bare.lower()):
        return False
    return not _names_a_thing(tok, next_tok)


def _surname_end(tokens: list[_Token], k: int) -> int:
    """Extend a surname over a hyphen into a second name: "Jansen-de" "Vries"."""
    tok = tokens[k]
    last_part = tok.bare.rsplit("-", 1)[-1].lower()
    if "-" in tok.bare and last_part in _PARTICLES and not tok.stops:
        j = k + 1
        while j < len(tokens) and is_particle(tokens[j]) and not tokens[j - 1].stops:
            j += 1
        if j < len(tokens) and not tokens[j - 1].stops and is_capword(tokens[j]):
            return j
    return k


def _same_run(tokens: list[_Token], i: int, j: int) -> bool:
    """Whether token j continues the phrase of token j-1 (same line, no punctuation between)."""
    return j < len(tokens) and tokens[j].line == tokens[i].line and not tokens[j - 1].stops


def parse_free(tokens: list[_Token], i: int) -> tuple[int, float] | None:
    """A name starting at token i in running text: initials/given names, particles, surname.

    Returns (index of the last token, confidence) or None.
    """
    n = len(tokens)
    j = i
    given_names = 0
    initials = 0
    while j < n and (j == i or _same_run(tokens, i, j)):
        tok = tokens[j]
        if is_initials(tok):
            initials += 1
        elif is_given(tok) and (j == i or not tokens[j - 1].stops):
            given_names += 1
        else:
            break
        j += 1
        if tok.stops and not is_initials(tok):
            break
    if j == i or _names_a_thing(tokens[j - 1], tokens[j] if j < n else None):
        return None
    k = j
    while k < n and _same_run(tokens, i, k) and is_particle(tokens[k]) and tokens[k].core.islower():
        k += 1
    if k < n and _same_run(tokens, i, k):
        nxt = tokens[k + 1] if k + 1 < n else None
        if _is_surname(tokens[k], nxt):
            return _surname_end(tokens, k), _CONF_FREE
        if is_capword(tokens[k]) and (
            _names_a_thing(tokens[k], nxt) or _STREET_END.search(tokens[k].bare.lower())
        ):
            return None  # "Jeroen Bosch Ziekenhuis", "Johan de Wittlaan"
    if initials:
        # "Ali Ö." (a given name and the initial of the surname) is a name; "J.P." alone is not.
        if given_names and is_initials(tokens[j - 1]):
            return j - 1, _CONF_FREE
        return None
    # Only given names. "Jan Peter" (two) or a single one: weaker evidence.
    last = j - 1
    if i > 0 and tokens[i - 1].core[-1:].isdigit():
        return None  # "1 Jan 2020"
    return last, _CONF_GIVEN_ONLY if given_names == 1 else _CONF_FREE - 0.1


def parse_context(tokens: list[_Token], i: int) -> int | None:
    """A name where one is expected (after a title, greeting or field label).

    Any capitalised word may start it, and capitalised particles are allowed ("heer Van Dam").
    Returns the index of the last token of the name, or None.
    """
    n = len(tokens)
    j = i
    # Given names and initials, and any capitalised word followed by more of the name.
    last_name: int | None = None
    while j < n and (j == i or _same_run(tokens, i, j)) and j - i < 7:
        tok = tokens[j]
        nxt = tokens[j + 1] if j + 1 < n else None
        if is_initials(tok) or is_given(tok):
            last_name = j
        elif is_particle(tok) and not tok.stops:
            pass
        elif _is_surname(tok, nxt):
            end = _surname_end(tokens, j)
            # One more capitalised word when the first was an unknown given name ("Hidde Visser").
            if (
                end == j
                and last_name is None
                and not tok.stops
                and nxt is not None
                and _same_run(tokens, j, j + 1)
                and _is_surname(nxt, tokens[j + 2] if j + 2 < n else None)
            ):
                end = j + 1
            return end
        else:
            break
        if tok.stops and not is_initials(tok):
            break
        j += 1
    return last_name


# One block of a page read: the page, the block, its tokens and the name spans found in it.
_BlockNames = tuple[PageText, TextBlock, list[_Token], list[tuple[int, int, float]]]


@dataclass(frozen=True)
class NameDetector:
    """Person names in Dutch (and English) letters and e-mails; see the module docstring."""

    ground: str | None = None
    name: ClassVar[str] = "name"
    include_given_only: bool = True

    def find(self, pages: Sequence[PageText]) -> Iterator[Suggestion]:
        reading = self.reading()
        for page in pages:
            reading.add(page)
        for found in reading.finish():
            yield from found

    def reading(self) -> NameReading:
        """The same search spread over pages: `add` each page (the costly part), then
        `finish` (a surname found on one page is looked for on every page)."""
        return NameReading(self)

    def _scan_page(self, page: PageText) -> tuple[list[_BlockNames], set[tuple[str, ...]]]:
        """A page's names found by their context, and the surnames they give."""
        surnames: set[tuple[str, ...]] = set()
        blocks = page.blocks
        tokens_by_block = [_tokens(b.text) for b in blocks]
        spans_by_block: list[list[tuple[int, int, float]]] = [[] for _ in blocks]
        for b, tokens in enumerate(tokens_by_block):
            self._scan_block(tokens, spans_by_block[b])
        self._signatures(blocks, tokens_by_block, spans_by_block)
        found: list[_BlockNames] = []
        for b, block in enumerate(blocks):
            tokens = tokens_by_block[b]
            spans = spans_by_block[b]
            for s, e, conf in spans:
                if conf >= _CONF_FREE:
                    key = _surname_key(tokens, s, e)
                    if key:
                        surnames.add(key)
            found.append((page, block, tokens, spans))
        return found, surnames

    def _names(
        self, found: list[_BlockNames], surnames: set[tuple[str, ...]]
    ) -> Iterator[Suggestion]:
        for page, block, tokens, spans in found:
            if surnames:
                _find_surnames(tokens, surnames, spans)
            for s, e, conf in _merge(spans):
                start, end = tokens[s].start, _name_end(tokens[e])
                value = " ".join(block.text[start:end].split()).lower()
                yield make_suggestion(self.name, page, block, start, end, value, self.ground, conf)

    def _scan_block(self, tokens: list[_Token], spans: list[tuple[int, int, float]]) -> None:
        n = len(tokens)
        covered_until = -1
        for i, tok in enumerate(tokens):
            line_start = i == 0 or tokens[i - 1].line != tok.line
            if i <= covered_until:
                continue
            if line_start:
                line_text = tok.core + tok.trail
                field = _FIELD_RE.match(line_text) or (
                    i + 1 < n
                    and tokens[i + 1].line == tok.line
                    and _FIELD_RE.match(f"{tok.core} {tokens[i + 1].core}{tokens[i + 1].trail}")
                )
                if field:
                    first = i if tok.trail.startswith(":") else i + 1
                    covered_until = self._field(tokens, first + 1, spans)
                    continue
                if tok.bare.lower() in _GREETINGS and not (i + 1 < n and is_title(tokens[i + 1])):
                    end = parse_context(tokens, i + 1) if _same_run(tokens, i, i + 1) else None
                    if end is not None and _ends_phrase(tokens, end):
                        spans.append((i + 1, end, _CONF_CONTEXT))
                        covered_until = end
                        continue
            if (
                tok.bare.lower() in ("lid", "leden")
                and i > 0
                and tokens[i - 1].bare.lower() in ("het", "de")
            ):
                # Parliamentary usage: "het lid Omtzigt", "de leden Van Dijk en Bikker".
                j = i + 1
                while j < n and _same_run(tokens, i, j):
                    end = parse_context(tokens, j)
                    if end is None:
                        break
                    spans.append((j, end, _CONF_CONTEXT))
                    covered_until = j = end + 1
                    if j < n and tokens[j].bare == "en" and _same_run(tokens, end, j):
                        j += 1
                    else:
                        break
                continue
            if is_title(tok):
                j = i + 1
                while j < n and is_title(tokens[j]) and tokens[j].line in (tok.line, tok.line + 1):
                    j += 1
                if j < n and (tokens[j].line == tok.line or _last_on_line(tokens, j - 1)):
                    end = parse_context(tokens, j)
                    if end is not None:
                        spans.append((j, end, _CONF_CONTEXT))
                        covered_until = end
                continue
            if is_initials(tok) or (is_given(tok) and tok.core[0].isupper()):
                parsed = parse_free(tokens, i)
                if parsed is not None:
                    end, conf = parsed
                    if conf >= _CONF_FREE or self.include_given_only:
                        spans.append((i, end, conf))
                        covered_until = end

    def _field(self, tokens: list[_Token], i: int, spans: list[tuple[int, int, float]]) -> int:
        """Names in the value of a header or form field starting at token i; returns last index."""
        n = len(tokens)
        if i >= n:
            return i
        line = tokens[i - 1].line if i > 0 else 0
        j = i
        while j < n and tokens[j].line == line:
            while j < n and tokens[j].line == line and is_title(tokens[j]):
                j += 1
            if j >= n or tokens[j].line != line:
                break
            end = parse_context(tokens, j)
            if end is not None:
                spans.append((j, end, _CONF_CONTEXT))
                j = end + 1
            else:
                j += 1
        return j - 1

    def _signatures(
        self,
        blocks: tuple[TextBlock, ...],
        tokens_by_block: list[list[_Token]],
        spans_by_block: list[list[tuple[int, int, float]]],
    ) -> None:
        """The name on the line after a closing ("Met vriendelijke groet,"), or after its comma."""
        for b, block in enumerate(blocks):
            lines = block.text.split("\n")
            line_offset = 0
            for ln, line_text in enumerate(lines):
                offset, line_offset = line_offset, line_offset + len(line_text) + 1
                m = _CLOSING_RE.match(line_text)
                if not m:
                    continue
                rest = line_text[m.end() :].lstrip(" ,.")
                if rest:
                    target_block, target_line = b, ln
                elif ln + 1 < len(lines):
                    target_block, target_line = b, ln + 1
                elif b + 1 < len(blocks):
                    target_block, target_line = b + 1, 0
                else:
                    continue
                tokens = tokens_by_block[target_block]
                line_tokens = [k for k, t in enumerate(tokens) if t.line == target_line]
                if rest:
                    # Skip the words of the closing itself.
                    closing_end = offset + len(line_text) - len(rest)
                    line_tokens = [k for k in line_tokens if tokens[k].start >= closing_end]
                k = 0
                while k < len(line_tokens) and is_title(tokens[line_tokens[k]]):
                    k += 1
                if k < len(line_tokens):
                    start = line_tokens[k]
                    end = parse_context(tokens, start)
                    if end is not None:
                        spans_by_block[target_block].append((start, end, _CONF_CONTEXT))


def _last_on_line(tokens: list[_Token], i: int) -> bool:
    return i + 1 >= len(tokens) or tokens[i + 1].line != tokens[i].line


def _ends_phrase(tokens: list[_Token], end: int) -> bool:
    """A greeting's name is followed by punctuation or the end of the line ("Beste Anna,")."""
    return bool(tokens[end].trail) or _last_on_line(tokens, end)


def _name_end(tok: _Token) -> int:
    """End offset of a name's last token: keep the dot of initials, drop a sentence's full stop."""
    return tok.end if is_initials(tok) else tok.start + len(tok.bare)


def _surname_key(tokens: list[_Token], s: int, e: int) -> tuple[str, ...] | None:
    """The particles and surname at the end of a name, as they should match elsewhere."""
    k = e
    if not is_capword(tokens[k]) or is_given(tokens[k]) or len(tokens[k].bare) < 3:
        return None
    while k - 1 >= s and is_particle(tokens[k - 1]):
        k -= 1
    return tuple(t.bare.lower() if is_particle(t) else t.bare for t in tokens[k : e + 1])


def _find_surnames(
    tokens: list[_Token], surnames: set[tuple[str, ...]], spans: list[tuple[int, int, float]]
) -> None:
    """Add occurrences of known surnames (with their particles) not already in `spans`."""
    covered: set[int] = set()
    for s, e, _ in spans:
        covered.update(range(s, e + 1))
    by_last_word: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(surnames, key=len, reverse=True):  # "de Vries" before "Vries"
        by_last_word.setdefault(key[-1], []).append(key)
    for k, tok in enumerate(tokens):
        if k in covered:
            continue
        for key in by_last_word.get(tok.bare, ()):
            start = k - (len(key) - 1)
            if start < 0 or any(
                tokens[start + x].bare.lower() != key[x].lower() for x in range(len(key) - 1)
            ):
                continue
            if any(x in covered for x in range(start, k + 1)):
                continue
            spans.append((start, k, _CONF_ELSEWHERE))
            covered.update(range(start, k + 1))
            break


def _merge(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Overlapping token spans as one, keeping the highest confidence."""
    merged: list[tuple[int, int, float]] = []
    for s, e, c in sorted(spans):
        if merged and s <= merged[-1][1]:
            ps, pe, pc = merged[-1]
            merged[-1] = (ps, max(pe, e), max(pc, c))
        else:
            merged.append((s, e, c))
    return merged


class NameReading:
    """NameDetector.find over pages given one at a time (see NameDetector.reading)."""

    deferred = True  # what a page holds is only known once every page was read

    def __init__(self, detector: NameDetector) -> None:
        self._detector = detector
        self._pages: list[list[_BlockNames]] = []
        self._surnames: set[tuple[str, ...]] = set()

    def add(self, page: PageText) -> list[Suggestion]:
        found, surnames = self._detector._scan_page(page)
        self._pages.append(found)
        self._surnames |= surnames
        return []

    def finish(self) -> Iterator[list[Suggestion]]:
        """The names of each page added, in order, one page per item."""
        surnames = set(self._surnames)
        for found in self._pages:
            yield list(self._detector._names(found, surnames))
