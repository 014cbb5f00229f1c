"""Keyword rules: the shipped defaults, staff overrides, and the compiled lookup index."""

import copy
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from nlp import taxonomy

log = logging.getLogger(__name__)

KINDS = ("code", "intent", "urgent", "emotion")
# Small ints in the hot loop instead of strings.
CODE, INTENT, URGENT, EMOTION = range(4)
_KIND_INDEX = {kind: i for i, kind in enumerate(KINDS)}


def codes_named(found) -> set[str]:
    """The codes among a keyword's (kind, target, weight) entries, not its intents or urgency."""
    return {target for kind, target, _ in found if kind == CODE}


_TARGETS = {
    "intent": set(taxonomy.INTENTS),
    "urgent": {"true"},
    "emotion": {"upset"},
}


@dataclass(frozen=True)
class RuleOverride:
    """A staff-edited keyword rule. Weight 0 or active=False removes a default keyword."""

    kind: str
    keyword: str
    target: str
    weight: float
    active: bool = True


@lru_cache(maxsize=1)
def _default_rules() -> dict:
    return json.loads(resources.files("nlp").joinpath("data/rules.json").read_text("utf-8"))


def default_rules() -> dict:
    """A private copy of the shipped rules, safe to modify."""
    return copy.deepcopy(_default_rules())


def _normalise_target(override: RuleOverride) -> str | None:
    target = str(override.target).strip()
    if override.kind == "code":
        target = target.upper()
        known = target in taxonomy.CODES or taxonomy.category_of(target) != taxonomy.OTHER
        return target if known else None
    if override.kind in ("urgent", "emotion"):
        target = target.lower()
    return target if target in _TARGETS.get(override.kind, ()) else None


def apply_overrides(rules: dict, overrides) -> dict:
    """Return rules with overrides applied in order; invalid rows are logged and skipped."""
    merged = copy.deepcopy(rules)
    tables = merged["keywords"]
    for override in overrides:
        keyword = (override.keyword or "").strip().lower()
        target = _normalise_target(override) if override.kind in KINDS else None
        if not keyword or target is None:
            log.warning("ignoring invalid rule override %r", override)
            continue
        table = tables.setdefault(override.kind, {}).setdefault(target, {})
        weight = float(override.weight)
        if not override.active or weight == 0:
            table.pop(keyword, None)
        else:
            table[keyword] = weight
    return merged


@dataclass
class CompiledRules:
    index: dict[str, tuple]
    negators: frozenset
    breaks: frozenset
    sentence_ends: frozenset
    locatives: frozenset
    prepositions: frozenset
    places: frozenset
    elapsed_numerals: frozenset
    elapsed_units: frozenset
    elapsed_marker: str
    possessive: str
    parts: frozenset
    part_owning_places: frozenset
    # last character -> the index entry of any other word ending in it (维修费 is a charge)
    suffixes: dict
    settings: dict
    keywords: dict = field(repr=False)

    def words(self) -> set[str]:
        """Every surface form the index matches, for the segmenter."""
        return set(self.index)

    def code_keywords(self, code: str) -> set[str]:
        return set(self.keywords.get("code", {}).get(code, {}))


def _inherit_missing_kinds(entries: dict[str, list]) -> None:
    """A compound keyword segments whole and hides the keywords inside it (an insult word
    that contains "lift" hides the lift); give it the inner keywords' hits for every kind
    it has none of its own."""
    originals = {word: list(hits) for word, hits in entries.items()}
    for word, hits in originals.items():
        if len(word) < 3:
            continue
        own_kinds = {kind for kind, _, _ in hits}
        inner = [
            word[i:j]
            for i in range(len(word))
            for j in range(i + 2, len(word) + 1)
            if (i, j) != (0, len(word)) and word[i:j] in originals
        ]
        # keep only the longest inner keywords
        inner = [w for w in inner if not any(w != o and w in o for o in inner)]
        for part in inner:
            for kind, target, weight in originals[part]:
                if kind not in own_kinds and (kind, target, weight) not in entries[word]:
                    entries[word].append((kind, target, weight))


def compile_rules(rules: dict) -> CompiledRules:
    entries: dict[str, list] = {}
    for kind, targets in rules["keywords"].items():
        kind_id = _KIND_INDEX[kind]
        for target, table in targets.items():
            for keyword, weight in table.items():
                entries.setdefault(keyword, []).append((kind_id, target, float(weight)))
    # An alias matches whatever its canonical word matches, plus any rule of its own.
    for alias, canonical in rules.get("aliases", {}).items():
        if canonical in entries and alias != canonical:
            entries.setdefault(alias, [])
            entries[alias] = entries[alias] + [e for e in entries[canonical] if e not in entries[alias]]
    _inherit_missing_kinds(entries)
    index = {word: tuple(hits) for word, hits in entries.items() if hits}
    return CompiledRules(
        index=index,
        negators=frozenset(rules["negators"]),
        breaks=frozenset(rules["clause_breaks"]),
        sentence_ends=frozenset(rules["sentence_ends"]),
        locatives=frozenset(rules["locatives"]),
        prepositions=frozenset(rules["prepositions"]),
        places=frozenset(rules["places"]),
        elapsed_numerals=frozenset(rules["elapsed"]["numerals"]),
        elapsed_units=frozenset(rules["elapsed"]["unit_endings"]),
        elapsed_marker=rules["elapsed"]["marker"],
        possessive=rules["possessive"],
        parts=frozenset(rules["parts"]),
        part_owning_places=frozenset(rules.get("part_owning_places", ())),
        suffixes=_suffixes(rules.get("suffixes", {})),
        settings=dict(rules["settings"]),
        keywords=rules["keywords"],
    )


def _suffixes(table: dict) -> dict:
    """{last character: (entry, exceptions)} with entry shaped as an index entry."""
    return {
        char: (((_KIND_INDEX["code"], spec["code"], float(spec["weight"])),), frozenset(spec.get("except", ())))
        for char, spec in table.items()
    }
