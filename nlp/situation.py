"""Urgency from the situation a message describes, apart from its code.

Danger to people now (trapped, injured, fighting, fire, smoke, gas, electricity), damage in
progress (water on goods, a burst, a collapse), a unit that cannot operate or be locked,
and calls for help add up; calm cues (不急, 误报, 上次, old stains, slow seepage) subtract.
The patterns are data (nlp/data/situations.json), matched on the normalised text after
voice-typing homophones are put right (nlp/pinyin.py). A trigger right after a negator in
the same clause ("没有冒烟") does not count.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_CLAUSE_BREAK = re.compile(r"[\s,.!?;:，。！？；：、~]")


@dataclass(frozen=True)
class Situation:
    score: float
    classes: tuple[str, ...]  # the danger classes found, strongest first
    evidence: tuple[str, ...]
    calm: tuple[str, ...]

    def suggests(self, data) -> str | None:
        """The code the strongest class points to, if it points to one."""
        for name in self.classes:
            code = data["classes"][name]["code"]
            if code and code != "OTHER":
                return code
        return None


NOTHING = Situation(0.0, (), (), ())


@lru_cache(maxsize=1)
def data() -> dict:
    return json.loads(resources.files("nlp").joinpath("data/situations.json").read_text("utf-8"))


def _expand(pattern: str) -> str:
    """A pattern with its word lists ({person}, {body} ...) written out."""
    for name, words in data().get("words", {}).items():
        pattern = pattern.replace("{" + name + "}", f"(?:{words})")
    return pattern


@lru_cache(maxsize=1)
def _compiled():
    d = data()
    classes = [(name, spec["weight"], spec.get("modifier", False),
                re.compile("|".join(f"(?:{_expand(p)})" for p in spec["patterns"])))
               for name, spec in d["classes"].items()]
    calm = [(spec.get("scope") == "clause", frozenset(spec.get("only", ())), spec["weight"],
             re.compile("|".join(f"(?:{p})" for p in spec["patterns"])))
            for spec in d["calm"].values()]
    negators = tuple(sorted(d["negators"], key=len, reverse=True))
    return classes, calm, negators


def literal_words() -> set[str]:
    """The plain Han-character words inside the patterns, for the pinyin index."""
    words = set()
    for spec in data()["classes"].values():
        for pattern in spec["patterns"]:
            for piece in re.split(r"[^\u4e00-\u9fff]+", _expand(pattern)):
                if len(piece) >= 2:
                    words.add(piece)
    return words


def _negated(text: str, start: int, negators) -> bool:
    head = text[max(0, start - 4):start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(head)), default=0)
    head = head[cut:]
    return any(head.endswith(n) or head[:-1].endswith(n) for n in negators)


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _CLAUSE_BREAK.search(text, lo, hi)


def assess(text: str) -> Situation:
    classes, calm, negators = _compiled()
    score, found, evidence, cues = 0.0, [], [], []
    dangers: set[str] = set()
    where: list[int] = []  # where each danger was named
    for name, weight, modifier, pattern in classes:
        for match in pattern.finditer(text):
            if not _negated(text, match.start(), negators):
                score += weight
                if not modifier:
                    dangers.add(name)
                    where.append(match.start())
                found.append((weight, name))
                evidence.append(match.group(0))
                break
    if not dangers:  # "now", "hurry", "people nearby" only make a danger more pressing
        return NOTHING
    if score:
        for clause_scope, only, weight, pattern in calm:
            if only and not dangers <= only:  # slow seepage does not calm smoke
                continue
            for match in pattern.finditer(text):
                if clause_scope and not any(_same_clause(text, match.start(), at) for at in where):
                    continue
                score -= weight
                cues.append(match.group(0))
                break
    found.sort(key=lambda pair: -pair[0])
    return Situation(score, tuple(name for _, name in found), tuple(evidence), tuple(cues))
