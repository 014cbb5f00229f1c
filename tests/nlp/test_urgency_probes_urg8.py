"""Issue 17 (task urg8, the lead's webhook probes): someone inside a stuck lift said in
English with a person's word (my colleague is inside), a child maybe left in a car that
stands running, and a blocked toilet with water everywhere; each beside a calm sibling.
Judged with the rules alone and with the model."""

import pytest

import nlp


def _both(rules, text):
    return rules.classify(text), nlp.classify(text)


URGENT = [
    ("the lift at block C stopped and my coworker is inside", "ENG-LIFT"),
    ("lift stuck on 5F, my husband is inside", "ENG-LIFT"),
    ("my grandma is inside and the door won't open", "ENG-DOOR"),
    ("地库有辆车一直没熄火 车里好像有个宝宝 一个大人都没有", "SEC-SAFE"),
    ("车里有个小朋友在哭 车门锁着 找不到车主", "SEC-SAFE"),
    ("the toilet in unit 8 is clogged and there is water everywhere", "ENG-PLUMB"),
    ("洗手池堵了 现在满地都是水", "ENG-PLUMB"),
]
CALM = [
    "my coworker is inside the office, please send the invoice to him",
    "the lift is slow today, my husband waited ten minutes",
    "车里有个小孩在睡觉 大人就在旁边",
    "the toilet in unit 8 is clogged",
    "二楼厕所好脏 地上都是水",
]


@pytest.mark.parametrize("text,code", URGENT)
def test_probed_emergencies_are_urgent(rules, text, code):
    for result in _both(rules, text):
        assert result.urgent is True, result
        assert result.code == code, result


@pytest.mark.parametrize("text", CALM)
def test_their_calm_siblings_stay_calm(rules, text):
    for result in _both(rules, text):
        assert result.urgent is False, result
