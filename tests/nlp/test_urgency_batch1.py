"""Classes of misses found by fresh probes (issue 17): a spark with a smoke smell (烟味
calms cigarette smoke, not a socket that sparked), bottled gas smelled (液化气的味道),
someone still hanging about and trying the shop's shutter, and one dead socket that is no
shop without power. Each with calm counter-examples."""

import pytest

import nlp

URGENT = [
    "插座那里啪的一声冒了火星 现在墙上黑了一块还有烟味",
    "电线那边有股烟味 还有点焦",
    "隔壁餐厅飘过来一股液化气的味道 特别冲",
    "楼道里都是液化气的气味",
    "有个人一直在我们店门口转 试了好几次拉我们的卷帘门 现在还没走",
    "有个男的在仓库外面走来走去 人还没走",
    "有人想偷偷拧我们办公室的门锁",
    # a car that hit someone; a cable glowing; glass falling now; a platform on a car with
    # someone inside; a shutter that will not open before trading; a door that will not
    # close with tonight's stock
    "地库里有辆车倒车撞了人",
    "电井里的线烧得通红",
    "外墙玻璃裂了 碎玻璃往下掉",
    "机械车位降下来压到车了 车里还有人",
    "卷帘门升不上去 十点要开门营业",
    "仓库门关不上 今晚里面放着一批货",
    # a door that will not open so no one gets out; hands at a window; a bang at the
    # transformer and a whole estate dark; a revolving door knocking someone down; a back
    # put out
    "楼梯间的门坏了 推不开 出不去了",
    "有个人在扒我们一楼的窗户",
    "整个小区都停电了",
    "配电房那边砰的一声 灯全灭了",
    "旋转门把一个小孩甩倒了",
    "保洁阿姨扭了腰 坐在地上动不了",
    # a whole restaurant without water at service; a car alight; a shop's glass door gone
    # with people passing; a child locked in a car with the keys (the keys inside are no
    # calm cue when a person is locked in too)
    "整个饭店停水了 后厨没法出餐",
    "地库里一辆车着了 火很大",
    "店门口的玻璃门整扇碎了 顾客进进出出的",
    "我家小孩被锁在车里了 钥匙在里面",
]

CALM = [
    "有人在楼梯间抽烟 烟味很大",
    "店里一个插座没电 其他都正常",
    "店里有个插座没电了",
    "上次有人在门口转悠 后来怎么处理的",
    "煤气费在哪里交",
    "撞了人家的车 对方要我赔",
    "想了解一下电梯困人了应该打哪个电话",
    "门口地砖翘起来了 怕有人绊倒",
    "窗子关不拢 夜里风呼呼往里灌",
    "翻垃圾桶的那个人又来了 垃圾撒一地",
    "快递柜打不开 取不出来",
    "麻烦把客人带到二楼会议室",
    "他火气很大 在前台骂人",
    "快递锁在里面了 柜子打不开",
    "大风把招牌吹歪了一点 已经找人弄好了",
    "楼上往下倒水 把我晾的衣服弄湿了",
    "电梯下行的时候抖得厉害",
]


@pytest.mark.parametrize("text", URGENT)
def test_fresh_dangers_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", CALM)
def test_their_calm_look_alikes_are_not(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)
