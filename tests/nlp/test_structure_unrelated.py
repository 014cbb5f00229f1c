"""Negation by relevance: the object said to have nothing to do with it is not the subject."""

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("跟空调没关系 是窗户关不上 冷风往里灌", "ENG-DOOR"),
        ("和水管没有关系 是外墙在往里渗水", "ENG-LEAK"),
        ("不关电梯的事 是楼道的灯一直不亮", "ENG-ELEC"),
        ("与空调无关 是窗户关不严", "ENG-DOOR"),
    ],
)
def test_the_object_ruled_out_is_not_the_subject(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("没关系 电梯坏了慢慢修", "ENG-LIFT"),  # 没关系 with nothing ruled out
        ("空调坏了 跟我们没关系吧 是你们的设备", "ENG-HVAC"),
        ("电梯没坏 是灯不亮", "ENG-ELEC"),
    ],
)
def test_calm_words_and_people_rule_out_no_object(rules, text, code):
    assert rules.classify(text).code == code
