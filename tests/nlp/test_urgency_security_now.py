"""Security trouble happening now, in the words fresh probes used (issue 17): a knife
drawn (抽刀子), bricks thrown down from a floor above (往楼下扔砖头), a gang demanding money
(围着…要钱), a shoplifter who just ran (没付钱就跑了, with 刚才), the vandal still standing
there, a stranger knocking and not answering; and machines and doors: a gate closing on a
rider, a shutter that will not come down to the floor, a restaurant whose gas is off at
service. Calm look-alikes beside them; 要抢 must not be heard as 要钱."""

import pytest

import nlp

URGENT = [
    "有人在一楼大厅抽刀子了",
    "有人往楼下扔砖头 已经砸到一个车了",
    "三个人在电梯口围着一个学生要钱",
    "有人在我们店门口跟店员拉扯 要抢她手机",
    "刚才有人从我们店里拿了东西没付钱就跑了 往三楼去了",
    "我们店的橱窗被人砸了 那人还站在门口",
    "我们公司门口有个人一直敲门 不说话 也不走",
    "停车场的自动门夹住了一辆电动车和骑车的人",
    "卷帘门底下断了一根 落不到底 晚上没法锁",
    "我们整个餐厅的燃气停了 中午没法开火 客人都坐满了",
]

CALM = [
    "扶梯上有人逆行 很不文明",
    "上个月有人没付钱就跑了 监控能查吗",
    "他们还在吵 吵死了",
]


@pytest.mark.parametrize("text", URGENT)
def test_security_trouble_now_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", CALM)
def test_calm_look_alikes_are_not(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)
