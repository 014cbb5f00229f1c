"""Dangers the learned model caught on fresh probes while the rules did not (issue 17): the
rules explain themselves and must not lean on the model for these classes. A relative
named in the lift (婆婆, 妈妈), someone lying on the floor in a fit, someone still inside
a lift that will not open, an electrical room hot to the touch, a shop of any kind that
lost its power while trading, a tree across the road on a car, a child out on an air
conditioner unit, a stranger who will not leave."""

import pytest

URGENT = [
    "你们那电梯怎么回事 我婆婆一个人在里头下不来了",
    "一楼大厅有个人躺在地上抽 旁边没人管",
    "电梯里面的灯灭了 门也不开 我现在就在里面",
    "已经四十分钟了 电梯还没人来开 我们还在里面",
    "配电间的门很烫 里面嗡嗡响",
    "我们美甲店突然停电了 客人做到一半 也没法收钱",
    "大风把一棵树刮倒了 砸在路中间 压着一辆车",
    "刚才看到有个小孩从二楼的窗户爬出来 站在空调外机上",
    "有陌生人在我们仓库里面 说是找人 赶不走",
]

CALM = [
    "躺在地上抽烟的那个人是谁",
    "我们店突然跳闸了 一会又好了",
    "小商店停电了吗",
    "我妈说电梯有点慢",
]


@pytest.mark.parametrize("text", URGENT)
def test_the_rules_alone_hear_these_dangers(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)


@pytest.mark.parametrize("text", CALM)
def test_and_not_their_look_alikes(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
