"""正往 (water on its way onto the shelves) is no 正旺 (a fire raging), and 往下抛 (thrown down)
no 往下跑 (people running down): voice-typing tolerance must not put right what was said
right (issue 17); water dripping onto goods or server racks now is urgent."""

import pytest


@pytest.mark.parametrize("text", ["水正往货架上滴", "机房漏水了 水正往机柜上滴"])
def test_water_on_its_way_onto_goods_is_damage_now(rules, text):
    result = rules.classify(text)
    assert result.urgent is True, result
    assert not any("≈" in e for e in result.evidence), result


def test_things_thrown_down_are_thrown_not_run(rules):
    result = rules.classify("有人从高层往下抛东西 差点砸到小孩")
    assert result.code == "SEC-SAFE", result
    assert not any("≈" in e for e in result.evidence), result


def test_a_fire_raging_is_still_read(rules):
    assert rules.classify("火正旺").urgent is True
