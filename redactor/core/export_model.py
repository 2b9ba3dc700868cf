"""What an export asks of the redaction engine, and what the verification gate answers.

Plain data shared by redactor.pdf (which writes the redacted file), redactor.export (which
verifies it independently) and the layers above. All rectangles are in displayed page points
(redactor.core.geometry); page indexes are 0-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from redactor.core.errors import Message
from redactor.core.geometry import Rect


class BoxStyle(StrEnum):
    BLACK = "black"  # black fill, white code text
    WHITE = "white"  # white fill with a black border, black code text (used by Dutch bodies)


class OutputMode(StrEnum):
    TEXT = "text"  # text outside boxes stays selectable and searchable
    IMAGE = "image"  # every page rendered to pixels after redaction; no source text layer


@dataclass(frozen=True)
class BoxSpec:
    page_index: int
    rect: Rect
    codes: tuple[str, ...]  # ground codes shown in the box, e.g. ("5.1.2e",)


@dataclass(frozen=True)
class WithheldPageSpec:
    page_index: int
    codes: tuple[str, ...]


@dataclass(frozen=True)
class LegendEntry:
    code: str
    label_nl: str
    label_en: str


@dataclass(frozen=True)
class RenderOptions:
    style: BoxStyle = BoxStyle.BLACK
    mode: OutputMode = OutputMode.TEXT
    image_dpi: int = 200
    # Empty: no legend page. Otherwise one page listing these entries is appended, so the
    # exported document has one page more than the source.
    legend: tuple[LegendEntry, ...] = ()
    language: str = "nl"  # of the withheld-page and legend text: "nl" or "en"


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    page_index: int | None  # None for checks about the whole file
    detail: str  # in English, as the manifest records it
    # The same detail to show in the user's language (None: only the English is known).
    message: Message | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class VerificationReport:
    checks: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def failures(self) -> tuple[CheckResult, ...]:
        return tuple(check for check in self.checks if not check.passed)

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {
                "name": check.name,
                "passed": check.passed,
                "page_index": check.page_index,
                "detail": check.detail,
            }
            for check in self.checks
        ]


@dataclass(frozen=True)
class RedactedDocument:
    pdf: bytes
    # Strings removed from the source (under boxes or on withheld pages) that appear nowhere
    # in what remains visible, for the gate's whole-file search. See redactor.pdf.terms.
    removed_terms: tuple[str, ...]
    rasterized_pages: tuple[int, ...]  # 0-based; pages whose content was replaced by an image


# The engine draws all of a page's boxes, labels and notices as one content stream that starts
# with this marked-content tag, appended last; the verification gate removes exactly that
# stream to look at what lies under the boxes.
STAMP_TAG = b"/RdxStamp BMC"


def box_label(codes: tuple[str, ...]) -> str:
    """The text drawn inside a box or on a withheld page: the codes joined by '; '."""
    return "; ".join(code.strip() for code in codes if code.strip())
