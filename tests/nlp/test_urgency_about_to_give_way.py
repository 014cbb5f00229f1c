"""Glass or a wall about to give way (玻璃门吹裂了 随时要碎, 这面墙随时要倒), and a lift whose
hoist rope is broken (货梯的钢丝绳断了一根): dangers now, urgent. A crack or a rope that only
needs looking at is not."""

import pytest

import nlp


@pytest.mark.parametrize("text", ["台风把我们店的玻璃门吹裂了 随时要碎", "这面墙随时要倒", "橱窗玻璃裂开了 眼看就要碎",
                                  "货梯的钢丝绳好像断了一根 发出很大的响声", "电梯钢丝绳断了"])
def test_about_to_give_way_is_urgent(text):
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", ["玻璃门有条裂缝", "电梯的钢丝绳有点锈", "电梯的钢丝绳要保养了吧", "晾衣服的钢丝绳断了"])
def test_what_only_needs_looking_at_is_not(text):
    assert nlp.classify(text).urgent is False, nlp.classify(text)
