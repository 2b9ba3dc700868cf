"""Precision and recall per detector on the labelled test set (run with -s to see the table).

labelled.txt was written together with the detectors (and tuned on); heldout.txt was written
afterwards and not tuned on, so its figures are the honest estimate. The floors below are what
the detectors achieve; a change that lowers one must say why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.detect.detectors import DETECTOR_NAMES, default_detectors, suggest
from tests.detect.labelled import DATA, load_examples, score, table
from tests.detect.synth import page_from_text

HELDOUT = Path(__file__).parent / "data" / "heldout.txt"

# detector: (precision floor, recall floor), on labelled.txt and on heldout.txt.
FLOORS = {
    "labelled": {
        "bsn": (0.85, 1.0),
        "iban": (1.0, 1.0),
        "account": (1.0, 1.0),
        "email": (1.0, 1.0),
        "phone": (1.0, 1.0),
        "ip": (1.0, 1.0),
        "address": (0.9, 0.9),
        "plate": (1.0, 1.0),
        "birthdate": (1.0, 1.0),
        "name": (0.98, 0.95),
    },
    "heldout": {
        "bsn": (1.0, 1.0),
        "iban": (1.0, 1.0),
        "account": (1.0, 1.0),
        "email": (1.0, 1.0),
        "phone": (1.0, 1.0),
        "ip": (1.0, 1.0),
        "address": (0.75, 1.0),
        "plate": (1.0, 1.0),
        "birthdate": (1.0, 1.0),
        "name": (0.95, 0.95),
    },
}


@pytest.mark.parametrize("which", ["labelled", "heldout"])
def test_precision_and_recall_floors(which: str) -> None:
    examples = load_examples(DATA if which == "labelled" else HELDOUT)
    assert len(examples) >= (200 if which == "labelled" else 40)
    detectors = default_detectors()
    predictions = []
    for example in examples:
        page = page_from_text(example.text)
        assert page.text == example.text  # offsets of suggestions are offsets in the example
        predictions.append(suggest([page], detectors))
    scores, mistakes = score(examples, predictions, DETECTOR_NAMES)
    print(f"\n{which}: {len(examples)} examples\n{table(scores)}")
    print("\n".join(mistakes))
    below = [
        f"{name}: precision {s.precision:.2f} < {FLOORS[which][name][0]} or "
        f"recall {s.recall:.2f} < {FLOORS[which][name][1]}"
        for name, s in scores.items()
        if s.precision < FLOORS[which][name][0] or s.recall < FLOORS[which][name][1]
    ]
    assert not below, "\n".join(below + mistakes)


def test_every_detector_is_measured() -> None:
    labels = {d for e in load_examples() for d, _, _ in e.gold}
    assert labels == set(DETECTOR_NAMES)
