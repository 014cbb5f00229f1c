"""Negation has a scope: what the tenant says is not the problem does not decide the code."""

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a negator before the word
        ("不是漏水 是空调滴的冷凝水", "ENG-HVAC"),
        ("没有停电 就是我们店的插座没电", "ENG-ELEC"),
        ("不是楼上吵 是我们家水管在响", "ENG-PLUMB"),
        ("不是噪音的问题 是空调根本不制冷", "ENG-HVAC"),
        # an object said to be fine after it
        ("电梯没坏 是电梯口的灯不亮", "ENG-ELEC"),
        ("电梯是好的 就是电梯厅的空调不制冷", "ENG-HVAC"),
        ("空调没问题 是插座没电", "ENG-ELEC"),
        ("门没坏 是门禁卡刷不开", "ENG-DOOR"),
    ],
)
def test_what_is_said_not_to_be_wrong_does_not_decide(rules, text, code):
    assert rules.classify(text).code == code


def test_an_object_not_said_to_be_fine_still_decides(rules):
    assert rules.classify("电梯坏了 停在三楼不动 门也打不开").code == "ENG-LIFT"
