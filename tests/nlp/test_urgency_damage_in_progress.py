"""Damage in progress said without the usual words: water that wet goods by the piece, sewage
come back up and lying on the floor, water leaking out of a light fitting; and a shop whose
door anyone can push open or stands broken open as they leave, said a few words apart."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    [
        "办公室顶上一直在滴 已经滴湿了好几本账册",
        "顶上漏水 淋湿了两箱红酒",
        "空调漏水 滴湿了一堆快递盒",
        "地漏反上来 厨房一层黑水",
        "卫生间顶灯在漏水",
        "店后门的插销松了 外面一推就开 晚上没人看店",
        "仓库顶上漏水 大米湿了二十多袋",
        "机房顶上在滴水 正下方就是机柜",
        "墙里的水渗得很快 办公桌上全是水",
        "橱窗被风吹碎了 店门敞着 我得走了",
    ],
)
def test_damage_or_a_unit_out_is_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "洗手池下水有点慢 地上有一摊水 不急",
        "吊灯有点晃 不亮了 麻烦来换一下",
        "下雨把晾在外面的衣服淋湿了 好烦",
        "路灯全黑了 晚上走路看不见",
    ],
)
def test_the_same_words_with_no_damage_are_not_urgent(text):
    assert not nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "我们店总闸跳了 怎么都推不上去",
        "整个营业厅停电了 没法办业务",
        "培训教室跳闸了 整个教室都没电 学员在等",
        "停电 今天的订单做不出来了",
        "会议室顶上在漏水 开会的桌子上全是水",
    ],
)
def test_a_unit_that_cannot_work_for_want_of_power_is_urgent(text):
    assert nlp.classify(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "店里停电了 反正已经打烊了 明天来看看",
        "楼上装修的泥浆冲到我家地漏里了",
        "昨晚下雨 走廊的吊顶板湿透了 还在滴",
        "水已经关了 不喷了 地上的水我们自己拖",
        "阀门已经关了 水不喷了",
        "食堂的桌子上全是水 也没人擦",
    ],
)
def test_a_closed_shop_a_drain_a_soaked_ceiling_or_water_stopped_is_no_emergency(text):
    assert not nlp.classify(text).urgent
