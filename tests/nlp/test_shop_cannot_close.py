"""The shop that cannot be closed or locked, said of the shop (晚上关不了店, 锁不了仓库), is
urgent, while a lamp, the air conditioning or a tap in it that will not turn off is its own
repair, not the shop left open (issue 17)."""

import pytest


@pytest.mark.parametrize("text", ["店里的玻璃门碎了 晚上关不了店"])
def test_a_shop_that_cannot_be_closed_is_urgent(rules, text):
    assert rules.classify(text).urgent is True


@pytest.mark.parametrize("text", ["店里的灯关不了", "店里水龙头关不上了"])
def test_a_thing_in_the_shop_that_will_not_turn_off_is_a_repair(rules, text):
    result = rules.classify(text)
    assert (result.intent, result.urgent) == ("repair", False), result
