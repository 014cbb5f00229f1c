"""Danger now in wordings the situation patterns once missed (issue 17), in sentences of
our own: a door that will not turn open, a weapon picked up, a machine biting a shoe, a
driver or a courier hit, a child in the water, a fuel smell. None is in the labelled files."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "卫生间门把手掉了 我女儿在里面拧不开门",
        "储藏室门锁死了 我同事在里头推不开",
        "停车场有人吵架 其中一个抄起了砖头",
        "两个人在店门口吵 一个拎着酒瓶要动手",
        "车库卷帘门往下落的时候砸到了一辆车和司机",
        "自动门把快递员的胳膊夹住了",
        "扶梯的梯级把我儿子的凉鞋咬进去了",
        "一个小孩在小区池塘边 掉水里了",
        "有个老人在喷泉那里滑进水池了",
        "店里跳闸了 推不上去 冰柜全停了",
        "冷库断电了 里面好几万的货",
        "地下室进水了 水已经到脚脖子了",
        "货梯卡住了 送货员在里面",
        "有人在小区里打孩子 孩子一直哭喊",
        "一个男的在店里耍流氓 摸女店员",
    ],
)
def test_danger_now_in_more_words_is_urgent(rules, text):
    result = rules.classify(text)
    assert result.urgent is True, result
    assert result.intent in ("repair", "complaint")


@pytest.mark.parametrize("text", ["地下车库有股很冲的汽油味", "楼道里一股液化气味"])
def test_a_fuel_smell_is_urgent_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize(
    "text",
    [
        "厕所好脏 地上都是水 纸篓满出来了",
        "洗手台边上都是水 垃圾桶满得溢出来",
    ],
)
def test_a_wet_dirty_toilet_is_not_water_damage(rules, text):
    # the water and its overflowing must be said in one clause to be damage in progress
    assert rules.classify(text).urgent is False


@pytest.mark.parametrize(
    "text",
    [
        "台风那晚 物业的师傅们通宵在抢修 辛苦了",
        "保安一直在偷懒 叫了半天才过来",
        "楼道里总有人半夜翻进来拿快递",
    ],
)
def test_rescue_work_slacking_and_habits_are_no_crime_now(rules, text):
    # 抢修 is repair work and 偷懒 is slacking, not a robbery or a theft; 总有 is a habit
    assert rules.classify(text).urgent is False


@pytest.mark.parametrize("text", ["广场喷泉那里有个小孩掉进水池了", "有个老人在小区池塘边滑进水里了"])
def test_a_person_in_the_water_is_security_not_the_pool(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


def test_a_power_strip_on_fire_is_electrical(rules):
    result = rules.classify("收银台下面的插排着火了")
    assert (result.code, result.urgent) == ("ENG-ELEC", True), result


@pytest.mark.parametrize("text", ["店里的微波炉一开就跳闸", "家里冰箱有点不制冷了"])
def test_a_trip_or_a_warm_fridge_alone_is_not_urgent(rules, text):
    assert rules.classify(text).urgent is False
