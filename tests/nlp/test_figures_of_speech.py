"""炸 in a figure of speech (头都要炸了, 气炸了) is no explosion, while 煤气炸了 and a
boiler that 炸了 still are; a shop whose lights all went out cannot trade (整店停电),
while one row of lights is a repair."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["楼下ktv吵到半夜 我脑袋头都要炸了", "又停水了 我都气炸了", "天天加班 头要炸了 空调还坏了"])
def test_a_head_or_a_temper_that_explodes_is_not_urgent(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)


@pytest.mark.parametrize("text", ["后厨煤气炸了", "锅炉房的热水器炸了"])
def test_a_real_explosion_still_is(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)


def test_a_shop_gone_dark_cannot_trade(rules):
    result = rules.classify("我们铺子的灯突然全灭了 旁边两家也黑了")
    assert (result.urgent, result.code) == (True, "ENG-ELEC"), result


def test_one_row_of_lights_is_a_repair():
    assert nlp.classify("走廊那一排灯全灭了").urgent is False
