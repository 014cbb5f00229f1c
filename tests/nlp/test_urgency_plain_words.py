"""Issue 17: dangers to people told in plain words, and voice-typed gas, urgent with the
rules alone and with the model; their calm look-alikes stay calm."""

import pytest

import nlp

# a child climbing a wall or a railing, or out on the unit beyond it (小男孩, 在爬)
CHILD_CLIMBING = [
    "有个小男孩翻过阳台栏杆 站在空调外机上",
    "一个小孩在爬小区的围墙 墙有两米多高",
    "小女孩攀上了天台的护栏",
    "小孩爬到三楼的栏杆外面去了",
]

# someone who fell down the stairs, said with 滚下来
ROLLED_DOWN = ["有个老奶奶从楼梯上滚下来了 躺着不动", "快来人 有人从楼梯上滚下来了"]

# gas hissing or stinking at the pipe, the words further apart (燃其 for 燃气)
GAS_AT_THE_PIPE = [
    "燃其管道那里嘶嘶响 有股臭味",
    "厨房煤气管接头那边一直呲呲的响",
    "楼道里天然气管子旁边有股很刺鼻的味道",
]

CALM = [
    "小孩在滑梯上玩 摔了一下 没事",
    "老人在楼梯上绊了一下 扶起来了 没什么事",
    "燃气费怎么交",
    "厨房燃气灶点不着火 是不是没气了",
    "燃气公司说下周来检查管道",
    "小孩爬山回来了 在小区门口等我",
    "楼下的孩子总是在墙上乱画",
]


@pytest.mark.parametrize("text", CHILD_CLIMBING + ROLLED_DOWN + GAS_AT_THE_PIPE)
def test_a_danger_in_plain_words_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", CALM)
def test_its_calm_look_alikes_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)
