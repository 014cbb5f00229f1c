"""Regular expressions that run only where they can match, or where re runs them fast.

Python's re scans quickly for a pattern that opens with a literal or a set of literals, and
otherwise tries the whole pattern at every position of the text. A long alternation of word
patterns, some opening with a group, an optional word or a look-behind, is of the second
kind: 10-15 µs on a 50-character message. Alternation runs such an alternation one
alternative at a time, each on the fast scan, and, where the caller has the text's set of
characters, only the alternatives whose needed characters the text holds (nlp.situation
gates its danger patterns the same way).
"""

import re
import re._parser as _p
from collections.abc import Iterable, Iterator
from operator import itemgetter

_COUNT = itemgetter(0)


def needed(items, freq, held: dict | None = None) -> list[frozenset]:
    """Sets of characters each of which every match of a parsed pattern meets (one of its
    characters at least), rarest first by jieba's counts. Most texts miss one of them, and
    a set lookup spares running the regex. held: the word lists a pattern was parsed
    without (WordLists.parse)."""
    return [chars for _, chars in sorted(_needed(items, freq, held or {}), key=_COUNT)]


def _rarest(items, freq, held: dict) -> tuple[int, frozenset] | None:
    """The first of needed(items): the earliest of the rarest (sorted() keeps ties in order)."""
    return min(_needed(items, freq, held), key=_COUNT, default=None)


def _needed(items, freq, held: dict) -> list[tuple[int, frozenset]]:
    """needed() unsorted, each set with its count (the sum of its characters' counts, each
    plus one), counted once where the set is made: an inner group gives only its rarest."""
    found = []
    for op, arg in items.data if isinstance(items, _p.SubPattern) else items:
        pair = None
        if op is _p.LITERAL:
            pair = held[arg][0] if arg in held else (freq.get(chr(arg), 0) + 1, frozenset(chr(arg)))
        elif op is _p.IN and all(o is _p.LITERAL for o, _ in arg):
            # re reads (A|B|C) of one character or word list each as a set: [ABC]
            each = [held[a][0] if a in held else (0, frozenset(chr(a))) for _, a in arg]
            if None not in each:
                pair = _counted(frozenset().union(*(chars for _, chars in each)), freq)
        elif op is _p.SUBPATTERN:
            if not arg[1] & re.IGNORECASE:  # (?i:…) would match more than its literals
                pair = _rarest(arg[3], freq, held)
        elif op is _p.BRANCH:
            branches = [_rarest(alt, freq, held) for alt in arg[1]]
            if None not in branches:
                pair = _counted(frozenset().union(*(chars for _, chars in branches)), freq)
        elif op in (_p.MAX_REPEAT, _p.MIN_REPEAT) and arg[0] >= 1:
            pair = _rarest(arg[2], freq, held)
        if pair is not None:
            found.append(pair)
    return found


def _counted(chars: frozenset, freq) -> tuple[int, frozenset]:
    return sum(freq.get(ch, 0) + 1 for ch in chars), chars


def alternatives(parsed, freq, held: dict | None = None) -> list[list[frozenset]]:
    """needed() of each top-level alternative of a parsed pattern (A|B|C), or of the whole
    pattern: a match meets every set of one alternative, which tells far more than the few
    characters all alternatives share ({person} … 吞 … 电池 or 误 … 喝 … 药: 吞, or 误 and 喝)."""
    if len(parsed.data) == 1 and parsed.data[0][0] is _p.BRANCH:
        return [needed(alternative, freq, held) for alternative in parsed.data[0][1][1]]
    return [needed(parsed, freq, held)]


def first_chars(items, held: dict | None = None) -> frozenset | None:
    """The characters every match of a parsed pattern starts with, when they can be told
    (None otherwise). A pattern opening with a long alternation ({person}) is tried at
    every position; a look-ahead for these characters lets the engine skip most of them."""
    held = held or {}
    for op, arg in items:
        if op in (_p.ASSERT, _p.ASSERT_NOT) or (op is _p.AT and arg is _p.AT_BEGINNING):
            continue  # zero width: the next item gives the first character
        if op is _p.LITERAL:
            return held[arg][1] if arg in held else frozenset(chr(arg))
        if op is _p.IN and all(o is _p.LITERAL for o, _ in arg):
            each = [held[a][1] if a in held else frozenset(chr(a)) for _, a in arg]
            return None if None in each else frozenset().union(*each)
        if op is _p.SUBPATTERN:
            return first_chars(arg[3], held)
        if op is _p.BRANCH:
            branches = [first_chars(alt, held) for alt in arg[1]]
            return None if None in branches else frozenset().union(*branches)
        if op in (_p.MAX_REPEAT, _p.MIN_REPEAT) and arg[0] >= 1:
            return first_chars(arg[2], held)
        return None
    return None


def with_first_chars(source: str, parsed, held: dict | None = None) -> str:
    first = first_chars(parsed, held)
    if not first or len(first) < 4:  # a short literal start the engine already scans for
        return source
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(first)) + "])" + source


_STAND_IN = 0xE000  # the Private Use Area: no pattern writes these characters
_PRIVATE = re.compile("[\ue000-\uf8ff]")


class WordLists:
    """Word lists patterns name as {name} ({person}, {body} ...), each parsed once. A pattern
    is parsed with a private-use character standing in for each list it names, and needed()
    and first_chars() read the list's own sets where they meet that character: the sets the
    pattern written out gives (121 danger patterns name the 400 characters of {person};
    written out, they doubled the text a cold start parses). What is compiled, on first
    use, is the pattern written out."""

    def __init__(self, words: dict[str, str], freq):
        self._sets = {}
        for name, listed in words.items():
            parsed = _p.parse(f"(?:{listed})")
            self._sets["{" + name + "}"] = (_rarest(parsed, freq, {}), first_chars(parsed))

    def parse(self, pattern: str) -> tuple[_p.SubPattern, dict]:
        """The pattern parsed with its lists held out, and held: what each stand-in is, for
        needed(), alternatives() and first_chars()."""
        if _PRIVATE.search(pattern):
            raise ValueError(f"a private-use character in {pattern!r}")
        held = {}
        for key, sets in self._sets.items():
            while key in pattern:
                # one stand-in per mention: re draws a literal that opens every alternative
                # out of (A|B), and would read ({person}了|{person}的) otherwise than written out
                held[_STAND_IN + len(held)] = sets
                pattern = pattern.replace(key, chr(_STAND_IN + len(held) - 1), 1)
        return _p.parse(pattern), held


class Lazy:
    """re.compile(source) on first use, with the compiled pattern's search, finditer and
    pattern: a process compiles only the patterns its messages reach (nlp.situation's 819
    danger patterns cost a quarter of a second to compile, and a message's gate lets about
    six of them through; an Alternation's gate as few of its own)."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, source: str):
        self.pattern = source
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        # two threads may both compile it once: the same pattern either way
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        return self.compiled().search(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match]:
        return self.compiled().finditer(text, pos)


class Gated:
    """A regex searched only in texts holding one of the given characters, which every match
    of it needs: for a pattern the engine tries at every position, a few `in` scans of the
    text cost less (tests/nlp/test_gated.py holds the characters to the pattern)."""

    def __init__(self, source: str, needs: str):
        self.pattern = re.compile(source)
        self.needs = needs

    def search(self, text: str) -> re.Match | None:
        for ch in self.needs:
            if ch in text:
                return self.pattern.search(text)
        return None

    def finditer(self, text: str) -> Iterator[re.Match]:
        for ch in self.needs:
            if ch in text:
                return self.pattern.finditer(text)
        return iter(())


class Alternation:
    """The patterns as one alternation, re.compile("|".join(f"(?:{p})" ...)): the same
    matches (span and group(0); the groups are each pattern's own), found by running each
    pattern on its own; given the text's characters, only those whose needed ones it holds."""

    def __init__(self, sources: Iterable[str], freq: dict | None = None):
        """freq: jieba's counts, to gate on the rarest needed characters (else the fewest)."""
        freq = freq or {}
        self.patterns: list[Lazy] = []  # compiled on first use, as the danger patterns
        # per pattern, the further sets of characters it needs, checked after the index
        self._further: list[tuple[frozenset, ...]] = []
        self._by_char: dict[str, list[int]] = {}  # the rarest needed characters
        self._always: list[int] = []  # patterns that need no character in particular
        may_be_empty = False
        for source in sources:
            parsed = _p.parse(source)
            sets = needed(parsed, freq) if not parsed.state.flags & re.IGNORECASE else []
            k = len(self.patterns)
            self.patterns.append(Lazy(source))
            self._further.append(tuple(sets[1:3]))
            if not sets:
                self._always.append(k)
            for ch in sets[0] if sets else ():
                self._by_char.setdefault(ch, []).append(k)
            may_be_empty = may_be_empty or parsed.getwidth()[0] == 0
        # finditer below steps on from each match's end: after an empty match re steps one
        # character on and then allows no empty match there, which the joined regex does best
        self._joined = re.compile("|".join(f"(?:{p.pattern})" for p in self.patterns)) if may_be_empty else None

    def _candidates(self, chars) -> list[Lazy]:
        if chars is None:  # set() of a long letter costs more than running every pattern
            return self.patterns
        wanted = set(self._always)
        for ch in self._by_char.keys() & chars:
            wanted.update(self._by_char[ch])
        further = self._further
        # map() runs the set tests without a generator's frame: this is called a few times a message
        return [self.patterns[k] for k in sorted(wanted) if not any(map(chars.isdisjoint, further[k]))]

    def search(self, text: str, chars: set | None = None) -> re.Match | None:
        """The joined regex's search; chars: set(text), if the caller has it."""
        return _leftmost(self._candidates(chars), text, 0)

    def finditer(self, text: str, chars: set | None = None) -> Iterator[re.Match]:
        if self._joined is not None:
            yield from self._joined.finditer(text)
            return
        candidates = self._candidates(chars)
        pos = 0
        while candidates and (match := _leftmost(candidates, text, pos)) is not None:
            yield match
            pos = match.end()


def _leftmost(patterns: list[Lazy], text: str, pos: int) -> re.Match | None:
    """The match an alternation of the patterns finds from pos: the earliest start, and on a
    tie the first pattern's (the alternation tries them in order at each position)."""
    best = None
    for pattern in patterns:
        match = pattern.search(text, pos)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best
