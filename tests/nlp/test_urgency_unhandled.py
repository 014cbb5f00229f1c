"""A danger reported earlier and not handled stays urgent (taxonomy.md: "A fault reported
but not handled is SVC-SLOW and stays urgent when the situation is dangerous"): the past
cue (上次, 昨天, 前天) does not calm a danger that is back today, still there, or still
left with nobody handling it. A past danger told as settled, praised or asked about stays
calm, and 去年 / 那次 are past cues too."""

import pytest

import nlp

STILL_DANGEROUS = [
    "昨天反映的煤气味 今早又闻到了 比昨天还冲",
    "上周报的电梯关人 今天下午又关了一个小孩",
    "前两天说的插座冒火星 刚才又冒了 吓死人",
    "上次报的配电柜有焦味 现在还是一股焦味",
    "前天说的卷帘门锁不上 今晚又没法锁店了",
    "昨晚报的燃气泄漏到现在都没人来处理 楼道里味道很大",
    "上个礼拜电梯往下掉的事 今天又掉了一次 里面有人",
    "之前说的水管爆裂 到现在还没修 水又开始往外喷了",
]

STILL_CALM = [
    "去年楼顶漏水那次你们来得很快 谢谢师傅",
    "前年车库着过火 你们后来装了喷淋 现在放心多了",
    "那次电梯关人的事处理得不错 给你们点赞",
    "昨天说的电梯困人已经修好了 谢谢",
    "上周冒烟的那个配电箱换了新的 现在一切正常",
    "上次漏水留下的印子到现在还没人来刷 不急",
    "上礼拜说的走廊灯不亮 到现在还没人修",
]


@pytest.mark.parametrize("text", STILL_DANGEROUS)
def test_a_past_danger_back_today_or_still_unhandled_is_urgent(rules, text):
    result = rules.classify(text)
    assert result.urgent is True, result
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", STILL_CALM)
def test_a_past_danger_settled_praised_or_harmless_is_not_urgent(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize(("text", "calm"), [
    ("插座有点焦糊味", False),  # 有点 calms slow seepage, not a burning smell
    ("开关面板有点冒烟", False),
    ("窗台下面有点渗水", True),
    ("吊顶有点发黄", True),
    ("上回插座冒烟那件事", True),  # a past cue calms whatever it names
])
def test_the_models_urgency_is_calmed_only_by_cues_that_calm_that_danger(text, calm):
    from nlp import situation
    from nlp.normalize import normalize

    assert situation.calmed(normalize(text)) is calm
