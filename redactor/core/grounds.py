"""Legal-ground catalogs: which codes a case may cite, what they mean, how people spell them.

Catalogs are data (resources/catalogs/*.toml, or a user's own file), never code. A case keeps
the TOML text of its catalog (`Catalog.source_text`) so it stays readable when the built-in
catalogs change.

Codes are compared by a *key*: lower-cased, common prefixes ("art.", "artikel", "section",
"s.", "exemption", "§") and the catalog's own prefixes and filler words removed, then every
separator dropped. "art. 5.1.2e", "5.1.2.e" and "Artikel 5.1.2 (e)" all have the key "512e".
The key of every code and alias in a catalog must be unique; the parser checks that.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from redactor.core.errors import InputError, UnknownGround
from redactor.core.resources import resource_path

log = logging.getLogger(__name__)

# How close a code must be to be offered as "did you mean" (difflib ratio of the keys).
_NEAR_MATCH_CUTOFF = 0.6
_NEAR_MATCH_LIMIT = 3

# A prefix word counts only when a separator, a digit or "(" follows, so "s.40" and "s40"
# lose their "s" but a code or alias that merely starts with an "s" keeps it.
_GENERIC_PREFIX = re.compile(
    r"(?:artikel|article|art|sections?|sec|ss?|exemptions?|§+)(?:\s*\.\s*|\s+|(?=[0-9(]))"
)
_LEADING_JUNK = " \t\r\n.,;:-–—"
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters
_SEPARATORS = re.compile(r"[\W_]+")
_CATALOG_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_CODE_FORBIDDEN = re.compile(r"[;,\r\n]")


class _Invalid(ValueError):
    """A problem in a catalog file; parse_catalog turns it into an InputError."""


class GroundKind(StrEnum):
    ABSOLUTE = "absolute"  # applies without weighing interests (Woo 5.1.1, FOIA 2000 s.2(3))
    RELATIVE = "relative"  # weighing of interests required, so a written motivation too
    LABEL = "label"  # not a legal ground: out of scope, already public, duplicate


@dataclass(frozen=True)
class Ground:
    code: str
    label_nl: str
    label_en: str
    kind: GroundKind
    requires_motivation: bool
    legacy: bool = False
    replaced_by: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def is_legal_ground(self) -> bool:
        return self.kind is not GroundKind.LABEL

    def label(self, language: str) -> str:
        """The label in `language` ("nl", "nl_NL", "en", ...); English for anything not Dutch."""
        return self.label_nl if language.lower().startswith("nl") else self.label_en


@dataclass(frozen=True)
class NormaliseRules:
    """A catalog's own spelling rules, on top of the generic prefixes.

    prefixes: citations of the law written before the code ("5 U.S.C. 552", "Woo").
    ignore:   filler words dropped anywhere ("lid", "onder", "FOIA").
    replace:  words turned into code text ("tweede" -> "2", "third" -> "iii").
    """

    prefixes: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    replace: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _prefix_pattern(self) -> re.Pattern[str] | None:
        alternatives = []
        for prefix in sorted(self.prefixes, key=len, reverse=True):
            runs = _SEPARATORS.split(_fold(prefix))
            alternatives.append(r"[\W_]*".join(re.escape(run) for run in runs if run))
        if not alternatives:
            return None
        # Not followed by a letter or digit: the prefix "552" must not eat the "552" of "552a".
        return re.compile(r"(?:" + "|".join(alternatives) + r")(?![^\W_])")

    @cached_property
    def _words(self) -> dict[str, str]:
        words = {_fold(word): "" for word in self.ignore}
        words.update((_fold(word), _fold(text)) for word, text in self.replace)
        return words

    def strip_prefix(self, text: str) -> str:
        match = self._prefix_pattern.match(text) if self._prefix_pattern else None
        return text[match.end() :] if match else text

    def replace_words(self, text: str) -> str:
        words = self._words
        return _WORD.sub(lambda m: words.get(m.group(), m.group()), text) if words else text


_NO_RULES = NormaliseRules()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def ground_key(text: str, rules: NormaliseRules | None = None) -> str:
    """The comparison key of a code as typed: "Art. 5.1.2 (e)" -> "512e"."""
    rules = rules or _NO_RULES
    rest = _fold(text)
    while True:  # prefixes may stack: "Woo art. 5.1.2e", "§ 552(b)(6)"
        rest = rest.lstrip(_LEADING_JUNK)
        match = _GENERIC_PREFIX.match(rest)
        stripped = rest[match.end() :] if match else rules.strip_prefix(rest)
        if stripped == rest:
            break
        rest = stripped
    return _SEPARATORS.sub("", rules.replace_words(rest))


@dataclass(frozen=True)
class Catalog:
    id: str
    name: str
    version: int
    jurisdiction: str
    grounds: tuple[Ground, ...]
    source_text: str
    rules: NormaliseRules = NormaliseRules()
    _by_key: dict[str, int] = field(init=False, repr=False, compare=False)  # key -> position

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", _index(self.grounds, self.rules))

    def __iter__(self) -> Iterator[Ground]:
        return iter(self.grounds)

    def __len__(self) -> int:
        return len(self.grounds)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.get(text) is not None

    def codes(self) -> tuple[str, ...]:
        return tuple(ground.code for ground in self.grounds)

    def get(self, text: str) -> Ground | None:
        """The ground for a code as typed (any spelling, or an alias), or None."""
        position = self._by_key.get(ground_key(text, self.rules))
        return None if position is None else self.grounds[position]

    def resolve(self, text: str) -> Ground:
        """The ground for a code as typed; UnknownGround naming near matches if there is none."""
        ground = self.get(text)
        if ground is not None:
            return ground
        if not text.strip():
            raise UnknownGround(
                "A ground code is empty; catalog {catalog} needs a code.", catalog=self.id
            )
        near = self.near_matches(text)
        if near:
            raise UnknownGround(
                "Unknown ground {code!r} in catalog {catalog}; did you mean {near}?",
                code=text.strip(),
                catalog=self.id,
                near=", ".join(g.code for g in near),
            )
        raise UnknownGround(
            "Unknown ground {code!r} in catalog {catalog}.", code=text.strip(), catalog=self.id
        )

    def near_matches(self, text: str, limit: int = _NEAR_MATCH_LIMIT) -> list[Ground]:
        """Grounds whose code or alias looks like `text`, closest first (ties: catalog order)."""
        key = ground_key(text, self.rules)
        if not key:
            return []
        best: dict[int, float] = {}
        for candidate_key, position in self._by_key.items():
            score = difflib.SequenceMatcher(None, key, candidate_key).ratio()
            if score >= _NEAR_MATCH_CUTOFF and score > best.get(position, 0.0):
                best[position] = score
        ranked = sorted(best, key=lambda position: (-best[position], position))
        return [self.grounds[position] for position in ranked[:limit]]


def normalise_code(text: str, catalog: Catalog) -> str:
    """The canonical spelling of a code: "art. 5.1.2 (e)" -> "5.1.2e". Raises UnknownGround."""
    return catalog.resolve(text).code


def _index(grounds: tuple[Ground, ...], rules: NormaliseRules) -> dict[str, int]:
    """Map every key of every code and alias to its ground's position; refuse clashing keys."""
    index: dict[str, int] = {}
    for position, ground in enumerate(grounds):
        for spelling in (ground.code, *ground.aliases):
            key = ground_key(spelling, rules)
            if not key:
                raise _Invalid(f"code or alias {spelling!r} has no letters or digits")
            other = grounds[index.setdefault(key, position)]
            if other is ground:
                continue
            if other.code == ground.code:
                raise _Invalid(f"code {ground.code!r} appears twice")
            raise _Invalid(
                f"{spelling!r} (of {ground.code}) and {other.code!r} are the same code "
                "once spacing, punctuation and prefixes are ignored"
            )
    return index


# --- reading catalog files -------------------------------------------------------------------

_TOP_FIELDS = {"id", "name", "version", "jurisdiction", "normalise", "ground"}
_NORMALISE_FIELDS = {"prefixes", "ignore", "replace"}
_GROUND_FIELDS = {
    "code",
    "label_nl",
    "label_en",
    "kind",
    "requires_motivation",
    "legacy",
    "replaced_by",
    "aliases",
}


def parse_catalog(text: str, source: str) -> Catalog:
    """Parse and check a catalog's TOML text. `source` names the file in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(
            "Catalog {source} is not valid TOML: {reason}.", source=source, reason=err
        ) from None
    try:
        return _build_catalog(data, text)
    except _Invalid as err:
        raise InputError(
            "Catalog {source} is invalid: {reason}.", source=source, reason=err
        ) from None


def _build_catalog(data: dict[str, Any], text: str) -> Catalog:
    _refuse_unknown(data, _TOP_FIELDS, "the catalog")
    catalog_id = _string(data, "id", "the catalog")
    if not _CATALOG_ID.fullmatch(catalog_id):
        raise _Invalid(f"id {catalog_id!r} must be lower-case letters, digits and hyphens")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _Invalid("'version' must be a whole number of at least 1")
    rules = _parse_rules(data.get("normalise", {}))
    entries = data.get("ground")
    if not isinstance(entries, list) or not entries:
        raise _Invalid("it has no grounds (add [[ground]] tables)")
    grounds = tuple(_parse_ground(entry, number) for number, entry in enumerate(entries, 1))
    index = _index(grounds, rules)
    grounds = tuple(_resolve_replaced_by(g, grounds, index, rules) for g in grounds)
    return Catalog(
        id=catalog_id,
        name=_string(data, "name", "the catalog"),
        version=version,
        jurisdiction=_string(data, "jurisdiction", "the catalog"),
        grounds=grounds,
        source_text=text,
        rules=rules,
    )


def _parse_rules(table: Any) -> NormaliseRules:
    if not isinstance(table, dict):
        raise _Invalid("[normalise] must be a table")
    _refuse_unknown(table, _NORMALISE_FIELDS, "[normalise]")
    replace = table.get("replace", {})
    if not isinstance(replace, dict) or not all(isinstance(v, str) for v in replace.values()):
        raise _Invalid("[normalise] replace must be a table of words to text")
    return NormaliseRules(
        prefixes=_strings(table, "prefixes", "[normalise]"),
        ignore=_strings(table, "ignore", "[normalise]"),
        replace=tuple(replace.items()),
    )


def _parse_ground(entry: Any, number: int) -> Ground:
    if not isinstance(entry, dict):
        raise _Invalid(f"ground {number} is not a table")
    where = f"ground {number}"
    code = _string(entry, "code", where)
    where = f"ground {number} ({code})"
    if _CODE_FORBIDDEN.search(code):
        # Cases store and export a box's codes as one ";"-separated text.
        raise _Invalid(f"{where}: a code cannot contain ';', ',' or a line break")
    _refuse_unknown(entry, _GROUND_FIELDS, where)
    kind_text = _string(entry, "kind", where)
    try:
        kind = GroundKind(kind_text)
    except ValueError:
        allowed = ", ".join(member.value for member in GroundKind)
        raise _Invalid(f"{where} has kind {kind_text!r}; it must be one of {allowed}") from None
    motivation = entry.get("requires_motivation", kind is GroundKind.RELATIVE)
    if not isinstance(motivation, bool):
        raise _Invalid(f"{where}: 'requires_motivation' must be true or false")
    if kind is GroundKind.RELATIVE and not motivation:
        # The four-eyes rules rely on this; a custom catalog must not switch it off.
        raise _Invalid(f"{where} is relative (weighing of interests) so it must require motivation")
    legacy = entry.get("legacy", False)
    if not isinstance(legacy, bool):
        raise _Invalid(f"{where}: 'legacy' must be true or false")
    replaced_by = entry.get("replaced_by")
    if replaced_by is not None and not (isinstance(replaced_by, str) and replaced_by.strip()):
        raise _Invalid(f"{where}: 'replaced_by' must be a code of this catalog")
    return Ground(
        code=code,
        label_nl=_string(entry, "label_nl", where),
        label_en=_string(entry, "label_en", where),
        kind=kind,
        requires_motivation=motivation,
        legacy=legacy,
        replaced_by=replaced_by,
        aliases=_strings(entry, "aliases", where),
    )


def _resolve_replaced_by(
    ground: Ground, grounds: tuple[Ground, ...], index: dict[str, int], rules: NormaliseRules
) -> Ground:
    if ground.replaced_by is None:
        return ground
    position = index.get(ground_key(ground.replaced_by, rules))
    if position is None:
        raise _Invalid(f"{ground.code} is replaced by {ground.replaced_by!r}, which is not in it")
    successor = grounds[position]
    if successor is ground:
        raise _Invalid(f"{ground.code} is replaced by itself")
    return dataclasses.replace(ground, replaced_by=successor.code)


def _refuse_unknown(table: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise _Invalid(f"{where} has unknown field(s) {', '.join(unknown)}")


def _string(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if value is None:
        raise _Invalid(f"{where} has no {key!r}")
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{where}: {key!r} must be non-empty text")
    return value.strip()


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Invalid(f"{where}: {key!r} must be a list of non-empty texts")
    return tuple(v.strip() for v in value)


# --- built-in and custom catalogs ------------------------------------------------------------


def builtin_catalog_ids() -> list[str]:
    folder = resource_path("catalogs")
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml") and entry.is_file()
    )


def load_catalog(name_or_path: str | Path) -> Catalog:
    """A built-in catalog by id ("woo") or a custom catalog file (a path ending in .toml)."""
    if isinstance(name_or_path, Path) or _looks_like_path(name_or_path):
        path = Path(name_or_path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("Catalog file {path} does not exist.", path=path) from None
        except UnicodeDecodeError:
            raise InputError("Catalog file {path} is not UTF-8 text.", path=path) from None
        except OSError as err:
            raise InputError(
                "Catalog file {path} cannot be read: {reason}.", path=path, reason=err.strerror
            ) from None
        log.debug("loading custom catalog %s", path)
        return parse_catalog(text, str(path))

    builtin = resource_path("catalogs", f"{name_or_path}.toml")
    if not _CATALOG_ID.fullmatch(name_or_path) or not builtin.is_file():
        raise InputError(
            "Unknown catalog {name!r}; the built-in catalogs are {builtin}, "
            "or give the path of a .toml catalog file.",
            name=name_or_path,
            builtin=", ".join(builtin_catalog_ids()),
        )
    log.debug("loading built-in catalog %s", name_or_path)
    return parse_catalog(builtin.read_text(encoding="utf-8"), f"{name_or_path} (built-in)")


def _looks_like_path(text: str) -> bool:
    return text.lower().endswith(".toml") or "/" in text or "\\" in text
