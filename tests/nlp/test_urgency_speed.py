"""The shortcuts that keep the situation check cheap (bench/classify.py) change no result."""

import jieba

from nlp import gated, labelled, situation
from nlp.normalize import normalize
from tests.nlp import test_urgency_situations as own

TEXTS = [row["text"] for row in labelled.all_public()] + [
    text for name in dir(own) if isinstance(getattr(own, name), list) for text in getattr(own, name)
]


def test_every_pattern_match_holds_the_characters_its_gate_looks_for():
    _, patterns, *_ = situation._compiled()
    matched = 0
    for text in TEXTS:
        norm = normalize(text)
        for pid, (_, pattern) in enumerate(patterns):
            for match in pattern.finditer(norm):
                matched += 1
                # the characters the match itself consumed let the gate through
                assert pid in situation._gate(set(match.group(0))), pattern.pattern
    assert matched > 500


def test_a_pattern_of_alternatives_is_gated_on_each_alternatives_own_characters():
    parsed = gated._p.parse("(误|不小心)(喝|吃)了?.{0,3}药|(我|他).{0,6}吞(了|下)")
    found = gated.alternatives(parsed, jieba.dt.FREQ)
    assert [set(sets) for sets in found] == [
        {frozenset("误心"), frozenset("喝吃"), frozenset("药")},
        {frozenset("我他"), frozenset("吞"), frozenset("了下")},
    ]
    assert gated.alternatives(gated._p.parse("(电梯|扶梯)卡住"), jieba.dt.FREQ) == [
        gated.needed(gated._p.parse("(电梯|扶梯)卡住"), jieba.dt.FREQ)
    ]


def test_a_gate_needs_one_of_each_set_of_characters():
    needed = gated.needed(gated._p.parse("(电梯|扶梯).{0,4}(卡|夹)住"), jieba.dt.FREQ)
    assert set(needed) == {frozenset("梯"), frozenset("卡夹"), frozenset("住")}  # each alternative holds 梯
    assert gated.needed(gated._p.parse(".{0,3}(a|.)"), jieba.dt.FREQ) == []


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
        for _, pattern in patterns:
            fast, plain = situation._first_match(norm, pattern, negators), _plain_first_match(norm, pattern, negators)
            assert (fast and fast.span()) == (plain and plain.span()), (text, pattern.pattern)
            first = pattern.search(norm)
            negated_first += bool(first and situation._negated(norm, first.start(), negators))
    assert negated_first > 20  # the loop after a negated first match was tried


def _plain_denied(text):
    classes, patterns, *_, negators = situation._compiled()
    return any(
        any(situation._negated(text, match.start(), negators) for match in pattern.finditer(text))
        for k, pattern in patterns
        if not classes[k][2]
    )


def test_a_denied_danger_is_found_as_by_trying_every_pattern():
    texts = [normalize(text) for text in TEXTS] + ["没有冒烟", "没夹到人 电梯门夹到手了", "不是漏水 是渗水"]
    found = [text for text in texts if situation.denied(text)]
    assert found == [text for text in texts if _plain_denied(text)]
    assert {"没有冒烟", "没夹到人 电梯门夹到手了"} <= set(found)  # not equal only by both finding none
    assert len(found) > 20
