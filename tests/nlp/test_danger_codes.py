"""Which code a danger takes when the words around it name another topic (issue 17), in
sentences of our own. None of these is in the labelled files."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "厨房水池边上一股煤气味 我把门窗都打开了",
        "我们店后门闻到天然气味道 越来越浓",
        "二楼走廊窗户那里燃气味很冲",
        "地下室的管道间闻到煤气 不知道哪里漏的",
    ],
)
def test_a_gas_smell_is_security_wherever_it_is_noticed(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize(
    "text",
    [
        "垃圾房那边着火了 烟很大",
        "楼下的电瓶车烧起来了 火很大",
        "有人在楼梯间烧东西 呛得人受不了",
        "车库角落里不知道什么在冒黑烟",
    ],
)
def test_a_fire_with_no_equipment_named_is_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("空调外机在冒烟 还有焦味", "ENG-HVAC"),
        ("插座冒火花了 一股焦糊味", "ENG-ELEC"),
        ("灭火器喷不出来 厨房锅里着火了", "ENG-FIRE"),
    ],
)
def test_a_fire_at_named_equipment_keeps_the_equipment_code(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.urgent) == (code, True), result


@pytest.mark.parametrize(
    "text",
    [
        "早上报了燃气味 都一个小时了还没人来",
        "楼道冒烟的事报了半天了 到现在还没人来看",
    ],
)
def test_a_danger_reported_and_not_handled_stays_a_grievance(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent, result.urgent) == ("SVC-SLOW", "complaint", True), result


@pytest.mark.parametrize(
    "text",
    [
        "小区后面的铁丝网被人剪断了一截 晚上有人从那里进出",
        "消防通道的门老是被人用椅子撑开 外人随便进出",
        "地库的护栏被人锯开了 外面的人能直接钻进来",
    ],
)
def test_a_way_in_broken_or_held_open_by_people_is_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint"), result


@pytest.mark.parametrize("text", ["单元门的门禁坏了 谁都能进", "后门的锁坏了 关不上 外人随便进"])
def test_a_broken_door_that_lets_anyone_in_is_still_the_door(rules, text):
    assert rules.classify(text).code == "ENG-DOOR"


@pytest.mark.parametrize(
    "text",
    [
        "楼上又有人往下丢酒瓶 摔碎在单元门口",
        "有人从窗户里扔了个花盆下来 砸在电动车上",
    ],
)
def test_things_thrown_down_from_above_are_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint"), result


@pytest.mark.parametrize("text", ["楼上总往下扔瓜子壳和果皮 我家窗台上都是", "有人从阳台往下倒剩饭 楼下一地油"])
def test_litter_thrown_down_is_no_danger(rules, text):
    assert rules.classify(text).code != "SEC-SAFE"


def test_burning_joss_paper_in_the_stairwell_is_security(rules):
    result = rules.classify("有人在消防楼梯里烧纸钱 整层都是烟")
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize("text", ["孩子们在楼梯里玩捉迷藏 有点吵", "保洁阿姨在楼梯里拖地 地上有点滑"])
def test_people_in_the_stairwell_are_not_trapped_in_a_lift(rules, text):
    # 楼梯里 (in the stairwell) is not 梯里 (in the lift car)
    assert rules.classify(text).urgent is False


@pytest.mark.parametrize("text", ["停车场的电瓶车电池不见了 昨晚还在", "车棚里我的车锁被人撬了 车也没了"])
def test_a_vehicle_or_battery_gone_is_a_theft(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint"), result


def test_a_parking_space_taken_is_still_parking(rules):
    assert rules.classify("我的车位又被别的车占了 没地方停").code == "SEC-PARK"
