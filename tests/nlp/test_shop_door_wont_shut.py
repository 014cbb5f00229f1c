"""A shop's or a store room's own door that will not shut (店铺的玻璃门锁坏了 关不上门) keeps
it from being locked: urgent, as the taxonomy says (店铺无法锁门), while a toilet's door
inside it does not (issue 17)."""

import pytest


@pytest.mark.parametrize("text", ["店铺的玻璃门锁坏了 关不上门", "门店的大门坏了 怎么都关不上"])
def test_a_shops_door_that_will_not_shut_is_urgent(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("ENG-DOOR", True), result


def test_a_toilet_door_inside_the_shop_is_a_repair(rules):
    assert rules.classify("店铺里厕所的门关不上").urgent is False
