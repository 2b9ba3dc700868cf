"""Error sentences as templates: English by default, translatable piece by piece."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from redactor.core.errors import (
    InputError,
    Message,
    RedactorError,
    RuleViolation,
    StoreError,
)
from redactor.core.rules import describe, item_phrase

DUTCH = {
    "The search text is longer than {limit} characters.": "De zoektekst is langer dan {limit} tekens.",
    "Rejecting {item} needs a reason.": "Voor het afwijzen van {item} is een reden nodig.",
    "box {ref} ({document}, page {page})": "vak {ref} ({document}, pagina {page})",
    "document {id}": "document {id}",
    "Blocked: {items}.": "Geblokkeerd: {items}.",
    "{where}: {reason:lower}": "{where}: {reason:lower}",
    "Page {page} of {name}": "Pagina {page} van {name}",
    "Unknown ground {code!r}.": "Onbekende weigeringsgrond {code!r}.",
    "Broken {limit}.": "Kapot {grens}.",  # a translator's typo in a field name
}


def dutch(template: str) -> str:
    return DUTCH.get(template, template)


def test_a_template_fills_in_english_and_keeps_its_parts() -> None:
    err = InputError("The search text is longer than {limit} characters.", limit=500)
    assert str(err) == "The search text is longer than 500 characters."
    assert err.template == "The search text is longer than {limit} characters."
    assert err.params == {"limit": 500}
    assert err.exit_code == 2
    assert err.text(dutch) == "De zoektekst is langer dan 500 tekens."


def test_a_plain_sentence_is_used_as_written_braces_and_all() -> None:
    err = StoreError("The pattern {a,b} cannot be used.")
    assert str(err) == err.template == "The pattern {a,b} cannot be used."
    assert err.text(dutch) == "The pattern {a,b} cannot be used."  # no Dutch: the English


def test_phrases_inside_a_sentence_are_translated_too() -> None:
    phrase = Message(
        "box {ref} ({document}, page {page})",
        ref="R7",
        document=Message("document {id}", id=2),
        page=1,
    )
    err = RuleViolation("Rejecting {item} needs a reason.", item=phrase)
    assert str(err) == "Rejecting box R7 (document 2, page 1) needs a reason."
    assert (
        err.text(dutch) == "Voor het afwijzen van vak R7 (document 2, pagina 1) is een reden nodig."
    )


def test_lists_of_phrases_are_joined_and_each_translated() -> None:
    items = [Message("document {id}", id=n) for n in (1, 2)]
    err = RuleViolation("Blocked: {items}.", items=items)
    assert str(err) == "Blocked: document 1; document 2."
    assert err.text(dutch) == "Geblokkeerd: document 1; document 2."


def test_an_error_wrapped_in_a_wider_sentence_is_translated_inside() -> None:
    inner = InputError("Unknown ground {code!r}.", code="5.1.9")
    where = Message("Page {page} of {name}", page=2, name="brief.pdf")
    outer = InputError("{where}: {reason:lower}", where=where, reason=inner)
    assert str(outer) == "Page 2 of brief.pdf: unknown ground '5.1.9'."
    assert outer.text(dutch) == "Pagina 2 van brief.pdf: onbekende weigeringsgrond '5.1.9'."


def test_prefix_says_where_and_keeps_the_error_translatable() -> None:
    err = InputError("Unknown ground {code!r}.", code="x")
    err.prefix(Message("Page {page} of {name}", page=1, name="a.pdf"))
    assert str(err) == "Page 1 of a.pdf: unknown ground 'x'." == err.args[0]
    assert err.text(dutch) == "Pagina 1 van a.pdf: onbekende weigeringsgrond 'x'."


@pytest.mark.allow_warnings
def test_a_broken_translation_falls_back_to_english() -> None:
    err = InputError("Broken {limit}.", limit=3)
    assert err.text(dutch) == "Broken 3."


class WithResult(RedactorError):
    """Like ExportFailed: another constructor, and state of its own."""

    def __init__(self, message: str, result: object, **params: object) -> None:
        super().__init__(message, **params)
        self.result = result


def test_errors_pickle_with_template_params_and_extra_state() -> None:
    err = WithResult(
        "Rejecting {item} needs a reason.",
        result=[1, 2],
        item=Message("document {id}", id=3),
    )
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is WithResult and back.result == [1, 2]
    assert str(back) == str(err) and back.template == err.template
    assert back.text(dutch) == "Voor het afwijzen van document 3 is een reden nodig."
    odd = InputError("{path}: {reason}", path=Path("/x"), reason=OSError(2, "No such file"))
    back = pickle.loads(pickle.dumps(odd))
    assert str(back) == str(odd) == "/x: [Errno 2] No such file"


def test_describe_stays_a_plain_english_string() -> None:
    from tests.core.test_rules import redaction

    item = redaction()
    assert describe(item) == "box R7 (document 2, page 1)"
    assert str(item_phrase(item, capital=True)) == "Box R7 (document 2, page 1)"
    assert item_phrase(item, {2: "brief.pdf"}).text(dutch) == "vak R7 (brief.pdf, pagina 1)"
