"""Someone in the water or taken ill, and a gas smell, are the guards' emergency (SEC-SAFE)
after the blend too: the learned model reads the pool, the pipe or the lift around them
and would send the plumbers or the lift technicians."""

import pytest

import nlp

GUARDS_ALONE = [
    "游泳池里有个小孩在扑腾 好像溺水了",
    "电梯里一个老爷子晕过去了",
    "观光梯里有人昏倒了",
    "快来人啊 有个老人掉进小区水池里了",
    "厨房燃气管子漏气了 味道很大",
]


@pytest.mark.parametrize("text", GUARDS_ALONE)
def test_people_in_danger_stay_the_guards_after_the_blend(rules, text):
    assert rules.classify(text).code == "SEC-SAFE", rules.classify(text)
    result = nlp.classify(text)
    assert (result.urgent, result.code) == (True, "SEC-SAFE"), result

