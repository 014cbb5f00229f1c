"""The shortcuts that keep the situation check cheap (bench/classify.py) change no result."""

import jieba

from nlp import gated, labelled, situation
from nlp.normalize import normalize
from tests.nlp import test_urgency_situations as own

TEXTS = [row["text"] for row in labelled.all_public()] + [
    text for name in dir(own) if isinstance(getattr(own, name), list) for text in getattr(own, name)
]


def test_every_pattern_match_holds_the_characters_its_gate_looks_for():
    _, patterns, by_char, always, _, _ = situation._compiled()
    gate: dict[int, set] = {}
    for ch, pids in by_char.items():
        for pid in pids:
            gate.setdefault(pid, set()).add(ch)
    matched = 0
    for text in TEXTS:
        norm = normalize(text)
        for pid, (_, pattern, further) in enumerate(patterns):
            for match in pattern.finditer(norm):
                matched += 1
                chars = set(match.group(0))
                assert pid in always or chars & gate[pid], pattern.pattern
                assert all(chars & needed for needed in further), pattern.pattern
    assert matched > 500


def test_a_gate_needs_one_of_each_set_of_characters():
    needed = gated.needed(situation._p.parse("(电梯|扶梯).{0,4}(卡|夹)住"), jieba.dt.FREQ)
    assert set(needed) == {frozenset("梯"), frozenset("卡夹"), frozenset("住")}  # each alternative holds 梯
    assert gated.needed(situation._p.parse(".{0,3}(a|.)"), jieba.dt.FREQ) == []


def _plain_first_match(text, pattern, negators):
    for match in pattern.finditer(text):
        if not situation._negated(text, match.start(), negators):
            return match
    return None


def test_the_first_trigger_not_negated_is_the_plain_loops():
    _, patterns, *_, negators = situation._compiled()
    negated_first = 0
    for text in TEXTS + ["没有冒烟 现在冒烟了", "没有人被困 有人被困在电梯里", "不是漏水"]:
        norm = normalize(text)
        for _, pattern, _ in patterns:
            fast, plain = situation._first_match(norm, pattern, negators), _plain_first_match(norm, pattern, negators)
            assert (fast and fast.span()) == (plain and plain.span()), (text, pattern.pattern)
            first = pattern.search(norm)
            negated_first += bool(first and situation._negated(norm, first.start(), negators))
    assert negated_first > 20  # the loop after a negated first match was tried


def _plain_denied(text):
    classes, patterns, by_char, _, _, negators = situation._compiled()
    gated = {pid for pids in by_char.values() for pid in pids}
    return any(
        any(situation._negated(text, match.start(), negators) for match in pattern.finditer(text))
        for pid, (k, pattern, _) in enumerate(patterns)
        if pid in gated and not classes[k][2]
    )


def test_a_denied_danger_is_found_as_by_trying_every_pattern():
    texts = [normalize(text) for text in TEXTS] + ["没有冒烟", "没夹到人 电梯门夹到手了", "不是漏水 是渗水"]
    found = [text for text in texts if situation.denied(text)]
    assert found == [text for text in texts if _plain_denied(text)]
    assert {"没有冒烟", "没夹到人 电梯门夹到手了"} <= set(found)  # not equal only by both finding none
    assert len(found) > 20
