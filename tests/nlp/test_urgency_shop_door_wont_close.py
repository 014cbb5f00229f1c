"""A shop's door that will not close or lock, said after what broke it (我们店的门坏了 关不上了,
我们店的门被车撞坏了 关不上了): the shop cannot be left, urgent. The door patterns knew 店门
and a door in one clause only. Something by the shop's door (店门口的垃圾桶盖, 店门前的井盖)
is not the shop's door."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["我们店的门坏了 关不上了", "我们店的门被车撞坏了 关不上了", "我们档口的门变形了 锁不了",
                                  "店门关不上了", "卷帘门关不上"])
def test_a_shop_door_that_will_not_close_is_urgent(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", ["店门口的垃圾桶盖关不上", "店门前的井盖合不上", "办公室的门关不上了", "卫生间的门关不上了"])
def test_what_is_by_the_door_or_not_a_shop_is_not(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)
