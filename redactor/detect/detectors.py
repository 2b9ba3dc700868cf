"""The detectors Redactor offers, their suggested grounds, and running them over pages.

Nothing here is global: `default_detectors()` builds a fresh list each time, configured with
the grounds of the case's catalog, so two open cases with different catalogs never share state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Protocol

from redactor.core.errors import InputError
from redactor.core.text import PageText, Suggestion
from redactor.detect.address import AddressDetector, BirthDateDetector, PlateDetector
from redactor.detect.base import Detector
from redactor.detect.contact import EmailDetector, IpDetector, PhoneDetector
from redactor.detect.names import NameDetector
from redactor.detect.numbers import AccountDetector, BsnDetector, IbanDetector

log = logging.getLogger(__name__)

__all__ = [
    "DETECTOR_NAMES",
    "FOIA_GROUNDS",
    "WOO_GROUNDS",
    "Detector",
    "default_detectors",
    "grounds_for_catalog",
    "passes",
    "select_detectors",
    "suggest",
    "suggest_pages",
]

_FACTORIES: tuple[tuple[str, Callable[[str | None], Detector]], ...] = (
    ("bsn", lambda g: BsnDetector(ground=g)),
    ("iban", lambda g: IbanDetector(ground=g)),
    ("account", lambda g: AccountDetector(ground=g)),
    ("email", lambda g: EmailDetector(ground=g)),
    ("phone", lambda g: PhoneDetector(ground=g)),
    ("ip", lambda g: IpDetector(ground=g)),
    ("address", lambda g: AddressDetector(ground=g)),
    ("plate", lambda g: PlateDetector(ground=g)),
    ("birthdate", lambda g: BirthDateDetector(ground=g)),
    ("name", lambda g: NameDetector(ground=g)),
)
DETECTOR_NAMES: tuple[str, ...] = tuple(name for name, _ in _FACTORIES)

# Woo: personal data falls under art. 5.1 lid 2 sub e (privacy, relative ground); the BSN is an
# identification number of art. 87 GDPR, for which art. 5.1 lid 1 sub e is an absolute ground.
WOO_GROUNDS: Mapping[str, str] = MappingProxyType(
    {name: ("5.1.1e" if name == "bsn" else "5.1.2e") for name in DETECTOR_NAMES}
)
# US FOIA: exemption 6 (personnel, medical and similar files; personal privacy).
FOIA_GROUNDS: Mapping[str, str] = MappingProxyType({name: "(b)(6)" for name in DETECTOR_NAMES})


def grounds_for_catalog(catalog: str) -> Mapping[str, str]:
    """The suggested ground per detector for a catalog id ("woo", "foia"...); {} when unknown."""
    key = catalog.strip().lower()
    if key.startswith("woo"):
        return WOO_GROUNDS
    if key.startswith("foia"):
        return FOIA_GROUNDS
    return MappingProxyType({})


def default_detectors(grounds: Mapping[str, str] | None = None) -> list[Detector]:
    """Every detector, each suggesting the ground `grounds[name]` (None when not given)."""
    grounds = grounds or {}
    return [factory(grounds.get(name)) for name, factory in _FACTORIES]


def select_detectors(detectors: Sequence[Detector], names: Iterable[str]) -> list[Detector]:
    """The detectors named in `names` (for `--detector NAME`); InputError for an unknown name."""
    wanted = list(names)
    known = {d.name for d in detectors}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise InputError(
            "Unknown detector {unknown}; choose from {known}.",
            unknown=", ".join(unknown),
            known=", ".join(sorted(known)),
        )
    return [d for d in detectors if d.name in wanted]


def suggest(pages: Sequence[PageText], detectors: Sequence[Detector]) -> list[Suggestion]:
    """All suggestions of `detectors` on `pages`, in reading order, each occurrence once.

    When two detectors claim exactly the same words (a phone number that is also read as an
    account number), the more confident suggestion is kept.
    """
    return [s for found in suggest_pages(pages, detectors) for s in found]


def passes(detectors: Sequence[Detector]) -> int:
    """How many items `suggest_pages` yields per page: 2 when a detector needs every page of
    the document before it can say what one page holds (names), else 1."""
    return 2 if any(_reading(d).deferred for d in detectors) else 1


def suggest_pages(
    pages: Iterable[PageText], detectors: Sequence[Detector]
) -> Iterator[list[Suggestion]]:
    """`suggest` a page at a time, for work that must be able to stop between pages.

    Yields one item per page read (`passes(detectors)` items per page in all): when every
    detector looks at one page at a time, each item is that page's suggestions; when one needs
    the whole document (names), the first sweep yields [] per page read and a second sweep over
    what was read yields each page's suggestions. Concatenated they are `suggest`'s answer.
    """
    readings = [_reading(d) for d in detectors]
    if not any(r.deferred for r in readings):
        for page in pages:
            yield _best([r.add(page) for r in readings])
        return
    early: list[list[list[Suggestion]]] = []  # per page, per detector
    for page in pages:
        early.append([r.add(page) for r in readings])
        yield []
    late = [r.finish() for r in readings]
    for found in early:
        yield _best([now + next(rest) for now, rest in zip(found, late, strict=True)])


def _best(found: Sequence[Sequence[Suggestion]]) -> list[Suggestion]:
    """One page's suggestions (per detector, in detector order): each occurrence once, the
    most confident one kept, in reading order."""
    best: dict[tuple[int, tuple[object, ...]], Suggestion] = {}
    for suggestions in found:
        for s in suggestions:
            slot = (s.page_index, s.rects)
            current = best.get(slot)
            if current is None or s.confidence > current.confidence:
                best[slot] = s
    return sorted(
        best.values(),
        key=lambda s: (s.page_index, s.start if s.start is not None else 0, s.detector),
    )


class _Reading(Protocol):
    deferred: bool

    def add(self, page: PageText) -> list[Suggestion]: ...

    def finish(self) -> Iterator[list[Suggestion]]: ...


class _PageByPage:
    """A detector that looks at one page at a time: all it finds is known as each page is read."""

    deferred = False

    def __init__(self, detector: Detector) -> None:
        self._detector = detector
        self._pages = 0

    def add(self, page: PageText) -> list[Suggestion]:
        self._pages += 1
        return list(self._detector.find([page]))

    def finish(self) -> Iterator[list[Suggestion]]:
        for _ in range(self._pages):
            yield []


def _reading(detector: Detector) -> _Reading:
    """Detectors that need the whole document offer `reading()` (see NameDetector)."""
    reading = getattr(detector, "reading", None)
    return reading() if callable(reading) else _PageByPage(detector)
