"""Every error sentence the core can raise is a template the GUI can show in Dutch.

Checks, from the source (tests/tools/core_messages.py scans it): each RedactorError raise site
has a literal template whose fields match its arguments; redactor/gui/core_messages.py lists
every template (so pyside6-lupdate sees them); resources/translations/redactor_nl.ts has a
finished Dutch translation of each, with the same fields. No Qt needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from redactor.core.resources import resource_path
from tests.tools import core_messages as cm

# Files still raising f-string sentences, being rewritten by the lead engineer: convert their
# raise sites to templates, take the file out of this set and re-run the generator.
PENDING: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def sites() -> list[cm.Site]:
    return cm.scan()


def _dutch() -> dict[str, str]:
    root = ET.fromstring(resource_path("translations", "redactor_nl.ts").read_bytes())
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") != cm.CONTEXT:
            continue
        for message in context.iter("message"):
            node = message.find("translation")
            if node is not None and node.get("type") is None and node.text:
                found[message.findtext("source") or ""] = node.text
    return found


def test_the_scan_finds_the_raise_sites(sites: list[cm.Site]) -> None:
    where = {s.path.relative_to(cm.ROOT).as_posix() for s in sites}
    assert {"redactor/detect/search.py", "redactor/store/writer.py", "redactor/pdf/ocr.py"} <= where
    assert len(sites) > 120
    assert "redactor/gui/messages.py" not in where  # the GUI translates with tr() itself


def test_every_raise_site_has_a_translatable_template(sites: list[cm.Site]) -> None:
    bad = [
        line
        for site, line in zip(sites, map(_problem, sites), strict=True)
        if line and site.path.relative_to(cm.ROOT).as_posix() not in PENDING
    ]
    assert not bad, "write these as templates with named fields:\n" + "\n".join(bad)


def _problem(site: cm.Site) -> str:
    return f"{site.where}: {site.error}: {site.problem}" if site.problem else ""


def test_pending_files_still_have_sites_to_convert(sites: list[cm.Site]) -> None:
    """PENDING shrinks: a file whose raise sites are all templates leaves the set."""
    unconverted = {s.path.relative_to(cm.ROOT).as_posix() for s in sites if s.problem}
    assert unconverted <= PENDING, f"not in PENDING: {sorted(unconverted - PENDING)}"
    done = PENDING - unconverted
    assert not done, f"all converted, take out of PENDING: {sorted(done)}"


def test_the_generated_module_lists_every_template(sites: list[cm.Site]) -> None:
    assert cm.module_templates() == cm.templates(sites), (
        "redactor/gui/core_messages.py is stale: run `python -m tests.tools.core_messages`, "
        "then pyside6-lupdate (resources/translations/README.md)"
    )


def test_every_template_has_dutch_with_the_same_fields(sites: list[cm.Site]) -> None:
    dutch = _dutch()
    missing = [t for t in cm.templates(sites) if t not in dutch]
    assert not missing, "no Dutch translation yet (run pyside6-lupdate, translate):\n" + "\n".join(
        missing
    )
    mismatched = [
        f"{t!r} -> {dutch[t]!r}" for t in cm.templates(sites) if cm.fields(t) != cm.fields(dutch[t])
    ]
    assert not mismatched, "fields differ:\n" + "\n".join(mismatched)


def test_no_stale_dutch_entries(sites: list[cm.Site]) -> None:
    stale = sorted(set(_dutch()) - set(cm.templates(sites)))
    assert not stale, "translations of sentences the core no longer has:\n" + "\n".join(stale)


def test_the_scanner_catches_untranslatable_sites(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        "from redactor.core.errors import InputError, Message\n"
        "NAME = 'The file {name} is gone.'\n"
        "def f(name, n, err):\n"
        "    raise InputError(f'{name} is bad.')\n"
        "def g(name):\n"
        "    raise InputError('{name} is bad.', nmae=name)\n"
        "def h(name, err):\n"
        "    raise InputError(str(err))\n"
        "def i(name):\n"
        "    raise InputError(NAME, name=name)\n"
        "def j(flag):\n"
        "    raise InputError('One {a}.' if flag else 'Two {b}.', a=1, b=2)\n"
        "def k():\n"
        "    return Message('page {page}', page=1, extra=2)\n",
        encoding="utf-8",
    )
    found = {s.line: s for s in cm.scan([source])}
    assert "f-string" in found[4].problem
    assert "have no argument" in found[6].problem
    assert "not a literal" in found[8].problem
    assert not found[10].problem and found[10].templates == ["The file {name} is gone."]
    assert not found[12].problem and found[12].templates == ["One {a}.", "Two {b}."]
    assert "not in the template" in found[14].problem
