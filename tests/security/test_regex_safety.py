"""Regex safety as a property of the codebase: every pattern compiled at module level in
bot/, nlp/, workflow/ and admin/ (which is where tenant and staff text is matched) runs in
linear time on adversarial inputs built from its own parts.

For each pattern we take prefixes of what it matches (a minimal sample of its first k
items), then append long runs of each of its literal alternatives, of whitespace and of
digits, followed by tails that make the match fail late: the shapes that make a
backtracking engine go quadratic (adjacent `\\s*\\s*`) or exponential (`(a|aa)+$`). Each
search and fullmatch must finish within a budget ~100x what a linear scan of 64 KB costs.
"""
from __future__ import annotations

import importlib
import pkgutil
import random
import re
import time
from re import _constants as C  # noqa: N812 - the regex parser's opcode names
from re import _parser

import pytest

from tests.budget import run_within

PACKAGES = ("bot", "nlp", "workflow", "admin")
RUN = 20_000  # characters per adversarial run: a quadratic pattern takes seconds on it
BIG = 64 * 1024  # the largest body the webhook accepts
# A linear scan of 64 KB takes a few milliseconds, but the slowest linear patterns take up to
# 50 ms a call quiet and 90 ms on a loaded machine (bot.identity._NAME_BEFORE, 15 tries of a
# Latin name at each of 20,000 letters); the quadratic identity pattern took 19 s on 20,000
# characters, the meta test's 62 s on 64 KB. 2 s is ~20-40x the slowest normal call: a
# blow-up trips it, a busy machine does not (0.5 s tripped twice under load).
PER_CALL_SECONDS = 2.0
PER_PATTERN_SECONDS = 60.0
META_SECONDS = 8.0  # the checks of the check stop early
TAILS = ("!", "吗", "")
RUNS = (" ", "\t", "\u3000", "1", "a", "中", "-")
MIXED_PAIRS = 120


def _walk(value):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)


def module_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        modules = [package] + [importlib.import_module(info.name) for info in
                               pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.")
                               if not info.name.endswith("__main__")]
        for module in modules:
            for name, value in vars(module).items():
                for pattern in _walk(value):
                    found.setdefault(f"{module.__name__}.{name}", pattern)
    unique: dict[tuple, str] = {}
    for label, pattern in sorted(found.items()):
        unique.setdefault((pattern.pattern, pattern.flags), label)
    return {label: found[label] for label in unique.values()}


_CATEGORY_SAMPLE = {C.CATEGORY_DIGIT: "1", C.CATEGORY_SPACE: " ", C.CATEGORY_WORD: "a",
                    C.CATEGORY_NOT_DIGIT: "a", C.CATEGORY_NOT_SPACE: "a", C.CATEGORY_NOT_WORD: " ",
                    C.CATEGORY_LINEBREAK: "\n", C.CATEGORY_NOT_LINEBREAK: "a"}


def _class_chars(items) -> list[str]:
    chars: list[str] = []
    negate = False
    for op, arg in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.append(chr(arg))
        elif op is C.RANGE:
            chars.append(chr(arg[0]))
        elif op is C.CATEGORY:
            chars.append(_CATEGORY_SAMPLE.get(arg, "a"))
    if negate:
        return ["a" if "a" not in chars else "中"]
    return chars[:3] + chars[-1:] if len(chars) > 4 else chars  # a few members of a big class


def _sample(items) -> str:
    """A short string matching `items` (best effort: good enough to reach the hard part)."""
    out = []
    for op, arg in items:
        if op is C.LITERAL:
            out.append(chr(arg))
        elif op is C.NOT_LITERAL:
            out.append("a" if chr(arg) != "a" else "b")
        elif op is C.IN:
            out.append((_class_chars(arg) or ["a"])[0])
        elif op is C.ANY:
            out.append("a")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _high, sub = arg
            out.append(_sample(sub) * low)
        elif op is C.SUBPATTERN:
            out.append(_sample(arg[-1]))
        elif op is C.ATOMIC_GROUP:
            out.append(_sample(arg))
        elif op is C.BRANCH:
            out.append(_sample(arg[1][0]))
        elif op is C.CATEGORY:
            out.append(_CATEGORY_SAMPLE.get(arg, "a"))
    return "".join(out)


def _pieces(items, into: set[str]) -> None:
    """Every literal alternative, class member and repeated unit, as a string."""
    for op, arg in items:
        if op is C.BRANCH:
            for alternative in arg[1]:
                into.add(_sample(alternative))
                _pieces(alternative, into)
        elif op is C.IN:
            into.update(_class_chars(arg))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            into.add(_sample(arg[2]) or "a")
            _pieces(arg[2], into)
        elif op is C.SUBPATTERN:
            _pieces(arg[-1], into)
        elif op is C.ATOMIC_GROUP:
            _pieces(arg, into)
        elif op is C.LITERAL:
            into.add(chr(arg))


def adversarial_inputs(pattern: re.Pattern) -> list[tuple[str, str]]:
    text = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    parsed = _parser.parse(text, pattern.flags & ~re.UNICODE if isinstance(pattern.pattern, bytes) else pattern.flags)
    items = list(parsed)
    sequences = [items] + [alt for op, arg in items if op is C.BRANCH for alt in arg[1]]
    prefixes = {""}
    for sequence in sequences:
        prefixes.update(_sample(sequence[:k]) for k in range(1, len(sequence) + 1))
    pieces: set[str] = set(RUNS)
    _pieces(items, pieces)
    pieces.discard("")
    # every piece after nothing, whitespace and digits after every prefix, and a fixed
    # sample of the other (prefix, piece) pairs: enough to reach each part, in seconds
    pairs = {("", piece) for piece in pieces} | {(prefix, run) for prefix in prefixes for run in RUNS}
    others = sorted({(prefix, piece) for prefix in prefixes for piece in pieces} - pairs)
    pairs |= set(random.Random(text.encode("utf-8", "surrogatepass")).sample(others, min(len(others), MIXED_PAIRS)))
    inputs = []
    for prefix, piece in sorted(pairs):
        run = piece * max(1, RUN // len(piece))
        for tail in TAILS:
            inputs.append((f"{prefix!r} + {piece!r}×{len(run) // len(piece)} + {tail!r}", prefix + run + tail))
        inputs.append((f"({prefix!r} + {piece!r})×N", (prefix + piece) * max(1, RUN // len(prefix + piece))))
    for prefix in sorted(prefixes):
        inputs.append((f"{prefix!r} + 64 KB of ' ' + '!'", prefix + " " * BIG + "!"))
    inputs.append(("64 KB of '水'", "水" * BIG))
    return inputs


def _exercise(pattern: re.Pattern, progress) -> float:
    slowest = 0.0
    as_bytes = isinstance(pattern.pattern, bytes)
    for description, text in adversarial_inputs(pattern):
        subject = text.encode("utf-8") if as_bytes else text
        progress(description)
        for method in (pattern.search, pattern.fullmatch):
            started = time.perf_counter()
            method(subject)
            took = time.perf_counter() - started
            if took > PER_CALL_SECONDS:
                raise AssertionError(f"{method.__name__} took {took:.2f} s on {description}")
            slowest = max(slowest, took)
    return slowest


PATTERNS = module_patterns()


def test_the_collection_sees_the_patterns_that_read_tenant_text():
    names = set(PATTERNS)
    assert {"bot.identity._BLOCK", "bot.identity._UNIT", "bot.dialog.intents.GREETING", "nlp.faq.POLITE",
            "workflow.surveys._LEADING_SCORE", "workflow.surveys._NAMED_SCORE", "bot.protocol._ENCRYPT"} <= names, sorted(names)


@pytest.mark.parametrize("label", sorted(PATTERNS))
def test_pattern_runs_in_linear_time_on_adversarial_input(label):
    pattern = PATTERNS[label]
    run_within(PER_PATTERN_SECONDS, lambda progress: _exercise(pattern, progress))


def test_the_budget_catches_a_catastrophic_pattern():
    """The property can fail: the farewell pattern as it was (`(嗯|嗯嗯)+$`) is caught."""
    catastrophic = re.compile(r"^(谢谢|好|嗯|嗯嗯|收到)+$")
    with pytest.raises(AssertionError, match="(still running|took).*嗯"):
        run_within(META_SECONDS, lambda progress: _exercise(catastrophic, progress))


def test_the_budget_catches_a_quadratic_pattern():
    quadratic = re.compile(r"(\d{1,3})\s*栋\s*(?:单元)?\s*(\d{3,4})")
    with pytest.raises(AssertionError, match=r"(still running|took).*(\\t|' '|\\u3000)"):
        run_within(META_SECONDS, lambda progress: _exercise(quadratic, progress))
