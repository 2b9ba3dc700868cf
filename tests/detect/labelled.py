"""Reading the labelled test set (tests/detect/data/labelled.txt) and scoring detectors on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from redactor.core.text import Suggestion

DATA = Path(__file__).parent / "data" / "labelled.txt"
_MARK = re.compile(r"\[\[(\w+):(.+?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Example:
    text: str
    gold: tuple[tuple[str, int, int], ...]  # (detector, start, end) in `text`


def load_examples(path: Path = DATA) -> list[Example]:
    examples = []
    for chunk in re.split(r"(?m)^---\n", path.read_text(encoding="utf-8")):
        lines = [ln for ln in chunk.split("\n") if not ln.startswith("#")]
        raw = "\n".join(lines).strip("\n")
        if not raw:
            continue
        text_parts: list[str] = []
        gold = []
        pos = 0
        length = 0
        for m in _MARK.finditer(raw):
            before = raw[pos : m.start()]
            text_parts.append(before)
            length += len(before)
            gold.append((m.group(1), length, length + len(m.group(2))))
            text_parts.append(m.group(2))
            length += len(m.group(2))
            pos = m.end()
        text_parts.append(raw[pos:])
        examples.append(Example("".join(text_parts), tuple(gold)))
    return examples


@dataclass
class Score:
    predicted: int = 0
    correct: int = 0  # predictions overlapping a gold span of the same detector
    gold: int = 0
    found: int = 0  # gold spans overlapped by a prediction of the same detector
    complete: int = 0  # gold spans entirely inside predictions of the same detector

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def score(
    examples: Sequence[Example], predictions: Sequence[Sequence[Suggestion]], names: Sequence[str]
) -> tuple[dict[str, Score], list[str]]:
    """Scores per detector and a list of the mistakes (for reading when a floor fails)."""
    scores = {n: Score() for n in names}
    mistakes: list[str] = []
    for example, suggestions in zip(examples, predictions, strict=True):
        for det, gs, ge in example.gold:
            s = scores[det]
            s.gold += 1
            mine = [x for x in suggestions if x.detector == det]
            if any(_overlap(x, gs, ge) for x in mine):
                s.found += 1
                if _covered(mine, gs, ge, example.text):
                    s.complete += 1
                else:
                    got = [x.text for x in mine if _overlap(x, gs, ge)]
                    mistakes.append(f"PARTIAL {det}: {example.text[gs:ge]!r} got {got}")
            else:
                mistakes.append(f"MISSED {det}: {example.text[gs:ge]!r} in {example.text!r}")
        for x in suggestions:
            s = scores[x.detector]
            s.predicted += 1
            if any(d == x.detector and _overlap(x, gs, ge) for d, gs, ge in example.gold):
                s.correct += 1
            else:
                mistakes.append(f"WRONG {x.detector}: {x.text!r} in {example.text!r}")
    return scores, mistakes


def _overlap(s: Suggestion, start: int, end: int) -> bool:
    assert s.start is not None and s.end is not None
    return s.start < end and start < s.end


def _covered(suggestions: Sequence[Suggestion], start: int, end: int, text: str) -> bool:
    for i in range(start, end):
        if not text[i].isalnum():
            continue  # spaces and punctuation between words: the boxes are per word
        if not any(
            s.start is not None and s.end is not None and s.start <= i < s.end for s in suggestions
        ):
            return False
    return True


def table(scores: dict[str, Score]) -> str:
    rows = [f"{'detector':10} {'gold':>5} {'pred':>5} {'prec':>6} {'recall':>6} {'whole':>6}"]
    for name, s in scores.items():
        whole = s.complete / s.gold if s.gold else 1.0
        rows.append(
            f"{name:10} {s.gold:5d} {s.predicted:5d} {s.precision:6.2f} {s.recall:6.2f} {whole:6.2f}"
        )
    return "\n".join(rows)
