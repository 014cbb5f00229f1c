"""The learned model hears hurry words (快来人, 十万火急) and marks a message urgent when it is
sure; the rules know what the hurry is about. A hurry cry around a harmless named fault is
impatience, and blend's veto of the model's urgency asks the rules (issue 17); a danger
beside the same cry stays urgent."""

import pytest

import nlp

HURRIED_HARMLESS = [
    "快来人 走廊灯不亮了",
    "快来人 马桶堵了",
    "赶紧来人 厕所灯坏了",
    "十万火急 门禁卡刷不开了",
    "十万火急!!! 卫生间马桶堵了冲不下去 赶紧派人来",
    "救命啊 厕所又堵了 快快快",
]

HURRIED_DANGER = [
    "快来人 电梯里有人晕倒了",
    "快来人 电梯停了 里面有人",
    "快来人 水管爆了 货全泡了",
    "赶紧来人 配电箱冒烟了",
    "快来人啊 三楼",
]


@pytest.mark.parametrize("text", HURRIED_HARMLESS)
def test_the_model_does_not_make_hurry_around_a_harmless_fault_urgent(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)


@pytest.mark.parametrize("text", HURRIED_DANGER)
def test_hurry_around_a_danger_or_alone_stays_urgent(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)
