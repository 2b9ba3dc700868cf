"""The detectors Redactor offers, their suggested grounds, and running them over pages.

Nothing here is global: `default_detectors()` builds a fresh list each time, configured with
the grounds of the case's catalog, so two open cases with different catalogs never share state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType

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
    "select_detectors",
    "suggest",
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
    best: dict[tuple[int, tuple[object, ...]], Suggestion] = {}
    for detector in detectors:
        for s in detector.find(pages):
            slot = (s.page_index, s.rects)
            current = best.get(slot)
            if current is None or s.confidence > current.confidence:
                best[slot] = s
    return sorted(
        best.values(),
        key=lambda s: (s.page_index, s.start if s.start is not None else 0, s.detector),
    )
