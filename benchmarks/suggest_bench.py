"""Suggestion speed on a generated 1,000-page case, beside a bare PyMuPDF word extraction.

    /work/venv/bin/python benchmarks/suggest_bench.py [--pages 1000] [--ocr-pages 3]

Generates Dutch-ish letters with personal data sprinkled in, then times (1) PyMuPDF's
`page.get_text("words")` over every page, (2) Redactor's text extraction (words in displayed
coordinates) and (3) all detectors, and prints (2)+(3) as a multiple of (1). Target: the whole
suggestion run under 30 s on two cores. Then OCR seconds per page on a few scanned pages
(text pages rendered to images), beside the bare extraction of the same pages.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from redactor.detect.detectors import WOO_GROUNDS, default_detectors, suggest
from redactor.pdf import ocr
from redactor.pdf.text import document_text

_FILLER_TEXT = (
    "naar aanleiding van het verzoek op grond van de Wet open overheid zijn de documenten "
    "beoordeeld en is besloten tot gedeeltelijke openbaarmaking omdat de belangen van derden "
    "zwaarder wegen dan het algemeen belang van openbaarheid bij de beoordeling is rekening "
    "gehouden met de persoonlijke levenssfeer en de bedrijfs- en fabricagegegevens die "
    "vertrouwelijk aan de overheid zijn meegedeeld het overleg met de betrokken ministeries "
    "vond plaats in de periode van januari tot en met maart en leverde een aantal aanvullende "
    "stukken op die eveneens zijn beoordeeld volgens artikel 5.1 tweede lid aanhef en onder e "
    "van de Woo"
)
FILLER = _FILLER_TEXT.split()
# Look-alikes that must not become suggestions, inserted as whole phrases.
NEGATIVES = [
    "Kamerstuk 35 925, nr. 12.",
    "factuur 2023-0012345, bedrag € 1.250,00.",
    "ordernummer 617151283.",
    "versie 1.2.3.4 van paragraaf 4.2.1.",
    "het BSN 111222334 is ongeldig.",
]
GIVEN = ["Pieter", "Anna", "Mohammed", "Fatima", "Jan", "Sanne", "Erik", "Linda", "Hidde", "Yara"]
SURNAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "van der Berg",
    "El Amrani",
    "Visser",
    "Smit",
    "ter Horst",
]
# Planted personal data: phrase -> the detector that must find it.
PII = {
    "Mijn BSN is 111222333.": "bsn",
    "IBAN NL91 ABNA 0417 1643 00.": "iban",
    "Bel mij op 06-12345678.": "phone",
    "Mail naar p.devries@minbzk.nl.": "email",
    "Ik woon aan de Kerkstraat 12, 2511 AB Den Haag.": "address",
    "Kenteken GZ-123-B.": "plate",
    "Geboren op 12-04-1985.": "birthdate",
    "Ingelogd vanaf 145.97.12.3.": "ip",
}


def make_case(pages: int, seed: int = 1) -> tuple[bytes, Counter[str]]:
    """The PDF, and how many items of each kind were planted (e-mail headers included)."""
    rng = random.Random(seed)
    planted: Counter[str] = Counter()
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        sender = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        lines = [
            f"Van: {sender} <{sender.split()[0].lower()}@minbzk.nl>",
            f"Aan: {rng.choice(GIVEN)} {rng.choice(SURNAMES)}",
            "Onderwerp: Woo-verzoek",
            "",
            f"Geachte heer {rng.choice(SURNAMES).split()[-1]},",
            "",
        ]
        for _ in range(5):  # paragraphs
            for _ in range(6):  # lines of about 9 words, all within the page width
                words = [rng.choice(FILLER) for _ in range(9)]
                if rng.random() < 0.15:
                    phrase = rng.choice(list(PII))
                    words.append(phrase)
                    planted[PII[phrase]] += 1
                if rng.random() < 0.1:
                    words.append(rng.choice(NEGATIVES))
                lines.append(" ".join(words))
            lines.append("")
        lines += ["Met vriendelijke groet,", sender]
        # One insert per paragraph: each becomes one text block, as in a real letter.
        y = 50.0
        for paragraph in "\n".join(lines).split("\n\n"):
            page.insert_text((50, y), paragraph, fontname="helv", fontsize=8, lineheight=1.3)
            y += 10.4 * (paragraph.count("\n") + 1) + 8
    planted["email"] += pages  # the "Van:" header of every page
    return doc.tobytes(garbage=3, deflate=True), planted


def bare_words(data: bytes) -> float:
    t = time.perf_counter()
    with pymupdf.open(stream=data) as doc:
        for page in doc:
            page.get_text("words")
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--ocr-pages", type=int, default=3)
    args = parser.parse_args()

    t = time.perf_counter()
    data, planted = make_case(args.pages)
    print(
        f"generated {args.pages} pages ({len(data) / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s"
    )
    print(f"cores available: {os.cpu_count()}; this run uses one")

    bare = bare_words(data)
    t = time.perf_counter()
    pages = list(document_text(data))
    extract = time.perf_counter() - t
    detectors = default_detectors(WOO_GROUNDS)
    per_detector = {}
    for d in detectors:
        t = time.perf_counter()
        list(d.find(pages))
        per_detector[d.name] = time.perf_counter() - t
    t = time.perf_counter()
    suggestions = suggest(pages, detectors)
    detect = time.perf_counter() - t
    words = sum(len(p.words) for p in pages)

    total = extract + detect
    found = Counter(s.detector for s in suggestions)
    print(f"\n{words} words; {len(suggestions)} suggestions")
    for kind, count in sorted(planted.items()):
        print(f"    {kind:10} planted {count:5d}, suggested {found[kind]:5d}")
    print(f"    {'name':10} suggested {found['name']:5d} (names are not counted when planted)")
    print(f"{'bare PyMuPDF get_text(words)':34} {bare:7.2f} s")
    print(f"{'Redactor text extraction':34} {extract:7.2f} s  ({extract / bare:.1f}x bare)")
    print(f"{'all detectors (suggest)':34} {detect:7.2f} s")
    for name, secs in per_detector.items():
        print(f"    {name:30} {secs:7.2f} s")
    print(
        f"{'extraction + detectors':34} {total:7.2f} s  ({total / bare:.1f}x bare; target < 30 s)"
    )

    if args.ocr_pages:
        folder = ocr.find_tessdata()
        if folder is None:
            print("\nOCR: Tesseract language data not found; skipped")
            return
        with pymupdf.open(stream=data) as source:
            scans = pymupdf.open()
            for i in range(args.ocr_pages):
                pix = source[i].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
                page = scans.new_page(width=source[i].rect.width, height=source[i].rect.height)
                page.insert_image(page.rect, pixmap=pix)
            t = time.perf_counter()
            for i in range(args.ocr_pages):
                source[i].get_text("words")
            bare_few = (time.perf_counter() - t) / args.ocr_pages
        t = time.perf_counter()
        ocr_words = 0
        for i in range(args.ocr_pages):
            ocr_words += len(ocr.ocr_page(scans, i, tessdata=folder).words)
        per_page = (time.perf_counter() - t) / args.ocr_pages
        print(
            f"\nOCR (nld+eng, 300 dpi, full page): {per_page:.2f} s/page, {ocr_words // args.ocr_pages} words/page"
        )
        print(
            f"bare get_text(words) on the same pages (text layer): {bare_few * 1000:.1f} ms/page ({per_page / bare_few:.0f}x)"
        )


if __name__ == "__main__":
    main()
