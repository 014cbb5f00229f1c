"""Matching a tenant's question to the centre's 问答 entries, tolerant of how questions are
typed on a phone: a homophone picked by the pinyin keyboard (快地 for 快递), traditional
characters, a southern accent's merged sounds (zh/z, ch/c, sh/s, n/l, -ng/-n), polite
words around it, and other words for the same question.

A text becomes its syllables (pypinyin, without tones, the merged sounds made one); two
texts are as alike as their syllables and syllable pairs overlap (Dice). A question asked
with more around it ("你好，我想问一下…谢谢") also matches by how much of a phrasing it
covers, when the caller allows it (not for a message that may also report a repair)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from pypinyin import lazy_pinyin

from nlp.pinyin import merge as _merge

THRESHOLD = 0.6  # a confident match; below it a person answers
MARGIN = 0.05  # two entries this close are ambiguous: a person answers
COVER_WEIGHT = 0.9  # covering a phrasing inside a longer question counts a little less than matching it
POLITE = re.compile(r"请问|你们好|你好|您好|麻烦(你|您)?|问一下|想问|我想|请教|谢谢(你|您)?|打扰了|一下|那个")
PARTICLES = re.compile(r"[吗嘛呢啊吧呀哦哈噢了的]")
NOT_WORD = re.compile(r"[^\w]+")
CHINESE = re.compile(r"[\u3400-\u9fff]")
def syllables(text: str) -> tuple[str, ...]:
    """The question's sounds: Chinese characters as merged pinyin, runs of letters and digits
    as they are; polite words and sentence particles left out."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = PARTICLES.sub("", POLITE.sub(" ", text))
    out: list[str] = []
    for chunk in NOT_WORD.split(text):
        if not chunk:
            continue
        if CHINESE.search(chunk):
            out.extend(_merge(s) for s in lazy_pinyin(chunk, errors=lambda rest: [rest]) if s.strip())
        else:
            out.append(chunk)
    return tuple(out)


@dataclass(frozen=True)
class Features:
    units: frozenset[str]
    pairs: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.units


@lru_cache(maxsize=8192)  # phrasings are matched again and again
def features(text: str) -> Features:
    sounds = syllables(text)
    return Features(frozenset(sounds), frozenset(f"{a}_{b}" for a, b in zip(sounds, sounds[1:], strict=False)))


def _dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _cover(question: frozenset, phrasing: frozenset) -> float:
    return len(question & phrasing) / len(phrasing) if phrasing else 0.0


def similarity(question: Features, phrasing: Features, *, covering: bool = False) -> float:
    """0..1: how alike; with `covering`, a question that contains the phrasing scores high too."""
    if question.empty or phrasing.empty:
        return 0.0
    pairs_known = bool(question.pairs and phrasing.pairs)
    alike = (_dice(question.units, phrasing.units) + (_dice(question.pairs, phrasing.pairs) if pairs_known
                                                         else _dice(question.units, phrasing.units))) / 2
    if not covering:
        return alike
    cover = (_cover(question.units, phrasing.units) + (_cover(question.pairs, phrasing.pairs) if pairs_known
                                                          else _cover(question.units, phrasing.units))) / 2
    return max(alike, COVER_WEIGHT * cover)


@dataclass(frozen=True)
class Match:
    entry_id: Optional[int]  # None: no confident match
    score: float  # the best entry's
    best_id: Optional[int] = None  # the best entry even when not confident (for the console)


def best_match(question: str, entries: Iterable[tuple[int, Sequence[str]]], *, covering: bool = False,
               threshold: float = THRESHOLD) -> Match:
    """The entry (id, its phrasings) that answers `question`, if one does confidently and no
    other comes as close."""
    asked = features(question)
    scores = sorted(((max((similarity(asked, features(p), covering=covering) for p in phrasings), default=0.0), id_)
                     for id_, phrasings in entries), reverse=True)
    if not scores:
        return Match(None, 0.0)
    best, best_id = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    confident = best >= threshold and best - runner_up >= MARGIN
    return Match(best_id if confident else None, round(best, 3), best_id)
