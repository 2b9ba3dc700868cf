"""Generated sample documents in the style of Dutch government records (all data fictitious).

Used by the demo case (`redactor demo`), the GUI tests and the benchmarks. Each sample also
lists where its personal data sits, so the demo can propose boxes over it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pymupdf

from redactor.core.geometry import Rect
from redactor.pdf.geometry import unrotated_to_displayed

log = logging.getLogger(__name__)

A4 = (595.0, 842.0)
MARGIN = 72.0


@dataclass(frozen=True)
class Sensitive:
    """A term on a page that the demo proposes to redact, with its suggested ground."""

    page_index: int
    term: str
    rects: tuple[Rect, ...]
    ground: str


@dataclass(frozen=True)
class SampleDocument:
    file_name: str
    data: bytes
    sensitive: tuple[Sensitive, ...] = ()


_LETTER = [
    """Ministerie van Binnenlandse Zaken en Koninkrijksrelaties
Directie Openbaar Bestuur
Postbus 20011, 2500 EA Den Haag

Aan: mevrouw J.M. de Vries-Bakker
Kastanjelaan 14
3581 AB Utrecht

Datum: 12 maart 2024
Kenmerk: 2024-0000123456
Onderwerp: Besluit op uw Woo-verzoek

Geachte mevrouw De Vries-Bakker,

Op 5 januari 2024 heeft u een verzoek ingediend op grond van de Wet open overheid (Woo).
U vraagt om alle documenten over de herinrichting van het Stationsplein in de periode
2022 tot en met 2023. Uw burgerservicenummer 111222333 is bij de ontvangst van uw verzoek
geregistreerd. In deze brief leest u welk besluit ik heb genomen.

1. Verloop van de procedure
Bij brief van 8 januari 2024 is de ontvangst van uw verzoek bevestigd. Op 2 februari 2024
is de beslistermijn met twee weken verdaagd. Op 20 februari 2024 heeft u telefonisch
contact gehad met de heer P. Jansen (telefoon 06-12345678) over de omvang van het verzoek.

2. Besluit
Ik heb besloten uw verzoek gedeeltelijk toe te wijzen. Een aantal documenten wordt
gedeeltelijk openbaar gemaakt. Persoonsgegevens van derden zijn onleesbaar gemaakt op
grond van artikel 5.1, tweede lid, aanhef en onder e, van de Woo.
""",
    """3. Overwegingen
In de documenten staan namen, telefoonnummers en e-mailadressen van medewerkers en van
derden. Het belang van openbaarheid weegt niet op tegen het belang van de eerbiediging
van de persoonlijke levenssfeer. Deze gegevens worden daarom niet openbaar gemaakt.

Het rekeningnummer NL91ABNA0417164300 van de aannemer valt onder bedrijfsgegevens die
vertrouwelijk aan de overheid zijn meegedeeld en wordt niet openbaar gemaakt.

4. Wijze van openbaarmaking
De documenten worden digitaal aan u verstrekt en op de website geplaatst.

Hoogachtend,
de minister van Binnenlandse Zaken en Koninkrijksrelaties,
namens deze,

drs. A.B. Mulder
directeur Openbaar Bestuur

Contact: woo-verzoeken@minbzk.example.nl
""",
]

_EMAILS = [
    """Van: Pieter Jansen <p.jansen@gemeente-utrecht.example.nl>
Verzonden: dinsdag 14 maart 2023 09:41
Aan: Karin Smit <k.smit@prorail.example.nl>
CC: Team Stationsgebied <stationsgebied@gemeente-utrecht.example.nl>
Onderwerp: RE: planning herinrichting Stationsplein

Beste Karin,

Dank voor je snelle reactie. Wij kunnen akkoord gaan met de voorgestelde fasering, mits de
bereikbaarheid van de fietsenstalling gegarandeerd blijft. Kun je mij bellen op
06-87654321? Dan bespreken we de details voor het bewonersoverleg van 23 maart.

Met vriendelijke groet,
Pieter Jansen
Projectleider Stationsgebied

-----Oorspronkelijk bericht-----
Van: Karin Smit <k.smit@prorail.example.nl>
Verzonden: maandag 13 maart 2023 16:02
Aan: Pieter Jansen <p.jansen@gemeente-utrecht.example.nl>
Onderwerp: planning herinrichting Stationsplein

Hoi Pieter,

In de bijlage de concept-planning. Fase 1 start in mei, fase 2 na de zomer. Mijn
persoonlijke opvatting is dat fase 2 beter kan wachten tot de aanbesteding rond is, maar
dat moet het bestuur beslissen.
""",
    """Groet,
Karin Smit
Omgevingsmanager, ProRail
Telefoon: +31 30 123 4567

-----Oorspronkelijk bericht-----
Van: Bewonersvereniging Stationskwartier <info@bewoners-stationskwartier.example.nl>
Verzonden: vrijdag 10 maart 2023 11:15
Aan: Pieter Jansen <p.jansen@gemeente-utrecht.example.nl>
Onderwerp: Zorgen over bereikbaarheid

Geachte heer Jansen,

Namens de bewoners van het Stationskwartier maken wij ons zorgen over de bereikbaarheid
tijdens de werkzaamheden. Mevrouw T. El Amrani (Kastanjelaan 22) is slecht ter been en
afhankelijk van de taxi tot de voordeur.

Wij verzoeken u dringend om een gesprek.

Met vriendelijke groet,
R. van den Berg, voorzitter
""",
]

_SCAN = """GEMEENTE UTRECHT - Afdeling Vergunningen
Gespreksverslag (handgeschreven notities, ingescand)

Datum: 2 februari 2023
Aanwezig: P. Jansen, K. Smit, T. El Amrani

- Mw. El Amrani geeft aan dat haar gezondheid het lastig maakt om
  lange afstanden te lopen. Huisarts: dr. Visser.
- Afspraak: tijdelijke taxistandplaats bij nr. 22.
- Vervolgoverleg: 16 februari 2023, 10:00 uur.
"""

_SENSITIVE = {
    "letter": [
        ("J.M. de Vries-Bakker", "5.1.2e"),
        ("Kastanjelaan 14", "5.1.2e"),
        ("3581 AB", "5.1.2e"),
        ("111222333", "5.1.1e"),
        ("P. Jansen", "5.1.2e"),
        ("06-12345678", "5.1.2e"),
        ("NL91ABNA0417164300", "5.1.1c"),
    ],
    "emails": [
        ("p.jansen@gemeente-utrecht.example.nl", "5.1.2e"),
        ("k.smit@prorail.example.nl", "5.1.2e"),
        ("06-87654321", "5.1.2e"),
        ("Mijn", "5.2"),
    ],
}


def _text_pages(lines_per_page: list[str], *, fontsize: float = 10.5) -> pymupdf.Document:
    doc = pymupdf.open()
    for text in lines_per_page:
        page = doc.new_page(width=A4[0], height=A4[1])
        box = pymupdf.Rect(MARGIN, MARGIN, A4[0] - MARGIN + 20, A4[1] - MARGIN)
        page.insert_textbox(box, text, fontname="helv", fontsize=fontsize, lineheight=1.35)
        page.insert_text(
            (MARGIN, A4[1] - 40),
            f"Pagina {page.number + 1} van {len(lines_per_page)}",
            fontname="helv",
            fontsize=8,
            color=(0.4, 0.4, 0.4),
        )
    return doc


def _sensitive(doc: pymupdf.Document, terms: list[tuple[str, str]]) -> tuple[Sensitive, ...]:
    found: list[Sensitive] = []
    for page in doc.pages():
        for term, ground in terms:
            hits = page.search_for(term)
            for hit in hits:
                found.append(
                    Sensitive(page.number, term, (unrotated_to_displayed(page, hit),), ground)
                )
    return tuple(found)


def _save(doc: pymupdf.Document) -> bytes:
    try:
        doc.set_metadata({"producer": "Redactor samples", "title": ""})
        return doc.tobytes(garbage=3, deflate=True)
    finally:
        doc.close()


def letter() -> SampleDocument:
    doc = _text_pages(_LETTER)
    sensitive = _sensitive(doc, _SENSITIVE["letter"])
    return SampleDocument("2024-03-12 Besluit Woo-verzoek.pdf", _save(doc), sensitive)


def email_thread() -> SampleDocument:
    doc = _text_pages(_EMAILS, fontsize=10)
    sensitive = _sensitive(doc, _SENSITIVE["emails"][:3])
    return SampleDocument("2023-03-14 E-mailwisseling Stationsplein.pdf", _save(doc), sensitive)


def scanned_page(dpi: int = 150) -> SampleDocument:
    """A page that is only an image of text (no text layer), as a scanner makes it."""
    text_doc = _text_pages([_SCAN], fontsize=12)
    try:
        pix = text_doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    finally:
        text_doc.close()
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_image(page.rect, pixmap=pix)
    return SampleDocument("2023-02-02 Gespreksverslag (scan).pdf", _save(doc))


def demo_documents() -> list[SampleDocument]:
    return [letter(), email_thread(), scanned_page()]


def long_document(
    pages: int, *, rotate_every: int = 0, scanned_every: int = 0, seed: int = 7
) -> bytes:
    """A dossier of `pages` full A4 pages of e-mail and letter text (benchmarks, tests).

    Every `scanned_every`-th page is a scan instead: a grey 150 dpi image of a text page, with
    no text layer, as many Woo dossiers are. Every `rotate_every`-th page gets /Rotate 90.
    The text differs from page to page, so no page renders from another's cached glyph runs
    alone.
    """
    import random

    rng = random.Random(seed)
    words = " ".join(_LETTER + _EMAILS).split()
    doc = pymupdf.open()
    scan_source = pymupdf.open()
    try:
        for number in range(pages):
            lines = [f"Document pagina {number + 1} — kenmerk 2024-{rng.randrange(10**6):06d}", ""]
            for _ in range(52):
                lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(8, 11))))
            if scanned_every and number % scanned_every == scanned_every - 1:
                source = scan_source.new_page(width=A4[0], height=A4[1])
                _write_lines(source, lines, "cour")
                pix = source.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
                page = doc.new_page(width=A4[0], height=A4[1])
                page.insert_image(page.rect, pixmap=pix)
            else:
                page = doc.new_page(width=A4[0], height=A4[1])
                _write_lines(page, lines, "helv")
            if rotate_every and number % rotate_every == rotate_every - 1:
                page.set_rotation(90)
    finally:
        scan_source.close()
    return _save(doc)


def _write_lines(page: pymupdf.Page, lines: list[str], font: str) -> None:
    y = 44.0
    for line in lines:
        page.insert_text((40, y), line, fontname=font, fontsize=9.5)
        y += 14.5
