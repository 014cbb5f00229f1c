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

import jieba

from nlp import gated, segment

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


@lru_cache(maxsize=1)
def _english():
    words = data().get("english", {}).get("words", {})
    if not words:
        return None, {}, frozenset()
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # A word matches only where a run of Latin letters in the text is the word's own first
    # run: no letter may come before or after it, and its first run ends at a space, an
    # apostrophe or its end (can't open: can). Most Latin in chat (ok, wifi, app) is no
    # such run, and a set lookup spares the alternation of 300 words tried at each letter.
    heads = frozenset(_LATIN_RUN.match(w).group(0) for w in words)
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])"), words, heads


def in_chinese(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The normalised text with its English danger words in Chinese (被trap在里面 → 被困在
    里面), for the patterns, and each (English, Chinese) pair for the evidence."""
    pattern, words, heads = _english()
    if pattern is None or heads.isdisjoint(_LATIN_RUN.findall(text)):
        return text, []
    glossed: list[tuple[str, str]] = []

    def chinese(match: re.Match) -> str:
        pair = (match.group(0), words[match.group(0)])
        if pair not in glossed:
            glossed.append(pair)
        return pair[1]

    return pattern.sub(chinese, text), glossed


# every English word opens with a letter (tests/nlp/test_urgency_situations.py)
_LATIN_RUN = re.compile("[a-z]+")


def _expand(pattern: str) -> str:
    """A pattern with its word lists ({person}, {body} ...) written out."""
    for name, words in data().get("words", {}).items():
        pattern = pattern.replace("{" + name + "}", f"(?:{words})")
    return pattern


@lru_cache(maxsize=1)
def _compiled():
    """Each pattern on its own (compiled on first use), indexed by the rarest needed
    characters of each of its alternatives, with the other characters that alternative
    needs (see _gate)."""
    d = data()
    segment.ensure_ready()
    freq = jieba.dt.FREQ
    lists = gated.WordLists(d.get("words", {}), freq)
    patterns = []  # (class index, gated.Lazy)
    # character -> (pattern, characters each needed, sets of which one each is needed)
    by_char: dict[str, list[tuple[int, frozenset, tuple]]] = {}
    always: list[int] = []
    for k, spec in enumerate(d["classes"].values()):
        for source in spec["patterns"]:
            pid = len(patterns)
            parsed, held = lists.parse(source)
            patterns.append((k, gated.Lazy(gated.with_first_chars(_expand(source), parsed, held))))
            for sets in gated.alternatives(parsed, freq, held):
                if not sets:
                    always.append(pid)
                    continue
                rest = sets[1:]
                entry = (
                    pid,
                    frozenset().union(*(s for s in rest if len(s) == 1)),
                    tuple(s for s in rest if len(s) > 1),
                )
                for ch in sets[0]:
                    by_char.setdefault(ch, []).append(entry)
    names = list(d["classes"])
    # a class that tells the same danger as another (someone shut in, told by their plight:
    # counts_as trapped) adds nothing beside it, and is calmed as it is
    classes = [
        (name, spec["weight"], spec.get("modifier", False), names.index(spec["counts_as"]) if "counts_as" in spec else None)
        for name, spec in d["classes"].items()
    ]
    alike = {name: spec["counts_as"] for name, spec in d["classes"].items() if "counts_as" in spec}
    calm = [
        (
            spec.get("scope") == "clause",
            frozenset(spec.get("only", ())) | {name for name, same in alike.items() if same in spec.get("only", ())},
            spec["weight"],
            # dozens of cues each, most opening with a word the engine would try everywhere
            gated.Alternation(spec["patterns"], freq),
            # a past cue does not calm a danger back today or still not handled (上次报的
            # 冒烟…今天又开始冒了): taxonomy.md keeps an unhandled danger urgent
            gated.Alternation(spec["unless"], freq) if spec.get("unless") else None,
        )
        for spec in d["calm"].values()
    ]
    negators = tuple(sorted(d["negators"], key=len, reverse=True))
    return classes, patterns, by_char, frozenset(always), calm, negators


def warm_up() -> None:
    """Read the patterns and index them by character now rather than on the first message
    (each is compiled when a message first reaches it: see gated.Lazy)."""
    _compiled()


def literal_words() -> set[str]:
    """The plain Han-character words inside the patterns, for the pinyin index, less the
    few whose sound-alike is common grammar or an everyday phrase (unheard: 脚被 is no 脚背,
    把火关了 no 火光)."""
    words = set()
    for spec in data()["classes"].values():
        for pattern in spec["patterns"]:
            # who is in danger is no keyword to hear (我把 is not 我爸), nor is 差点 before it
            bare = pattern.replace("{person}", "").replace("{body}", "").replace("{near}", "")
            for piece in re.split(r"[^\u4e00-\u9fff]+", _expand(bare)):
                if len(piece) >= 2:
                    words.add(piece)
    return words - set(data().get("unheard", {}).get("words", ()))


# "is it maybe ...?" questions (会不会是煤气漏了, 是不是有人在里面): their 不会 / 不是 deny nothing
_GUESSES = ("会不会", "是不是", "会不会是", "是不是有")


def _negated(text: str, start: int, negators) -> bool:
    head = text[max(0, start - 4) : start]
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(head)]
    if breaks:  # only the negator in this clause counts
        head = head[breaks[-1] :]
    if head.endswith(_GUESSES) or head[:-1].endswith(_GUESSES):
        return False  # 会不会是煤气泄漏: a guess at what is happening, no denial
    return head.endswith(negators) or head[:-1].endswith(negators)


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _CLAUSE_BREAK.search(text, lo, hi)


def _first_match(text: str, pattern, negators):
    # one search settles most texts (no match, or a first match not negated); finditer's
    # iterator costs about as much as the search, and only a negated match needs it
    match = pattern.search(text)
    if match is None or not _negated(text, match.start(), negators):
        return match
    for match in pattern.finditer(text):
        if not _negated(text, match.start(), negators):
            return match
    return None


def _gate(chars: set) -> list[int]:
    """The patterns a text of these characters may match, in order: those with an
    alternative whose needed characters it all holds (six a message, of 600)."""
    _, _, by_char, always, _, _ = _compiled()
    wanted = set(always)
    for ch in by_char.keys() & chars:
        for pid, each, groups in by_char[ch]:
            if pid in wanted or not chars.issuperset(each):
                continue
            for group in groups:
                if chars.isdisjoint(group):
                    break
            else:
                wanted.add(pid)
    return sorted(wanted)


def assess(text: str, chars: set | None = None) -> Situation:
    """chars: set(text), if the caller has it."""
    classes, patterns, _, _, calm, negators = _compiled()
    chars = set(text) if chars is None else chars
    # per class, the earliest trigger not negated (the first pattern's on a tie)
    first: dict[int, re.Match] = {}
    for pid in _gate(chars):
        k, pattern = patterns[pid]
        match = _first_match(text, pattern, negators)
        if match and (k not in first or match.start() < first[k].start()):
            first[k] = match
    if not any(not classes[k][2] for k in first):  # "now", "hurry" only make a danger more pressing
        return NOTHING
    score, found, evidence, cues = 0.0, [], [], []
    dangers: set[str] = set()
    where: list[int] = []  # where each danger was named
    for k in sorted(first):
        name, weight, modifier, same_as = classes[k]
        if same_as in first:
            continue  # 上周我被关在里面 手机没电了: one person shut in, told twice
        score += weight
        if not modifier:
            dangers.add(name)
            where.append(first[k].start())
        found.append((weight, name))
        evidence.append(first[k].group(0))
    for clause_scope, only, weight, pattern, unless in calm:
        if only and not dangers <= only:  # slow seepage does not calm smoke
            continue
        if unless is not None and unless.search(text, chars):
            continue
        for match in pattern.finditer(text, chars):
            if clause_scope and not any(_same_clause(text, match.start(), at) for at in where):
                continue
            score -= weight
            cues.append(match.group(0))
            break
    found.sort(key=lambda pair: -pair[0])
    return Situation(score, tuple(name for _, name in found), tuple(evidence), tuple(cues))


def denied(text: str) -> bool:
    """True when the message names a danger only to say it is absent (没有冒烟, 没夹到人)."""
    classes, patterns, _, _, _, negators = _compiled()
    for pid in _gate(set(text)):
        k, pattern = patterns[pid]
        if classes[k][2]:  # "now", "hurry" are no danger to deny
            continue
        if any(_negated(text, match.start(), negators) for match in pattern.finditer(text)):
            return True
    return False


@lru_cache(maxsize=1)
def _bare_calls():
    return re.compile("|".join(f"(?:{p})" for p in data()["bare_calls"]["patterns"]))


def danger_classes(classes) -> set[str]:
    """The dangers among a situation's classes: "now" and "hurry" only make one pressing."""
    spec = data()["classes"]
    return {name for name in classes if not spec[name].get("modifier")}


def calmed(text: str) -> bool:
    """True when the message carries a calm cue (不急, 上次, 已经好了, an old stain, a locker
    that will not lock). The learned model reads no such cue: its urgency alone then does
    not stand."""
    *_, calm, _ = _compiled()
    dangers = None  # found only when a cue that calms some dangers alone is met
    for _, only, _, pattern, unless in calm:
        if not pattern.search(text) or (unless and unless.search(text)):
            continue
        if only:  # slow seepage does not calm smoke the message names
            if dangers is None:
                dangers = danger_classes(assess(text).classes)
            if not dangers <= only:
                continue
        return True
    return False


def call_for_help(text: str) -> Situation:
    """Hurry words in a message that names no fault ("赶紧过来 二楼") are a call for help,
    unless the message is calm (不急, 有空来)."""
    *_, calm, negators = _compiled()
    match = _first_match(text, _bare_calls(), negators)
    if not match or any(pattern.search(text) for _, only, _, pattern, _ in calm if not only):
        return NOTHING
    return Situation(data()["threshold"], ("help",), (match.group(0),), ())
