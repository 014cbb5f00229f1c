"""Fresh chat classes (issue 17, codes6): sentences written for this file. Each class has
cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- the company or its service called rubbish: a grievance about the service, not rubbish -----


@pytest.mark.parametrize("text", ["物业真的垃圾", "你们物业就是垃圾", "这物业简直垃圾透了", "什么垃圾客服"])
def test_the_company_called_rubbish_is_a_service_grievance(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.emotion) == ("SVC-ATTI", "complaint", "upset")


def test_a_fault_beside_the_insult_is_the_topic():
    result = nlp.classify("物业真的垃圾 厕所又堵了")
    assert (result.code, result.emotion) == ("ENG-PLUMB", "upset")


@pytest.mark.parametrize("text", ["物业不收垃圾吗 门口堆了三天了", "物业公司垃圾清运太慢了", "服务中心门口的垃圾没人收"])
def test_rubbish_the_company_should_clear_stays_cleaning(text):
    assert nlp.classify(text).code == "ENV-CLEAN"


# -- things left where nobody knows whose they are: security's to check, calm ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "仓库门口有人放了几箱东西 不知道是谁的",
        "电梯厅有个黑色行李箱放了一上午了 没人认领",
        "我们店门口有个包放了好久 一直没人来拿",
        "消防栓旁边放着两个大纸箱 也不知道谁搁的",
    ],
)
def test_things_left_by_nobody_known_are_security(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("SEC-SAFE", "complaint", False)


@pytest.mark.parametrize(
    "text, code",
    [
        ("门口不知道谁丢了一袋垃圾", "ENV-CLEAN"),
        ("我的包落在电梯里了 有人捡到吗", "SVC-INFO"),
        ("车位上停了辆车 不知道是谁的", "SEC-PARK"),
    ],
)
def test_rubbish_a_lost_thing_or_a_car_left_keep_their_codes(text, code):
    assert nlp.classify(text).code == code


# -- someone inside or hiding where nobody should be: an intruder, the guards' now ----------------


@pytest.mark.parametrize(
    "text",
    [
        "仓库里好像有人 门从里面反锁了 可能是贼",
        "店里打烊了 监控里看到试衣间里躲着一个人",
        "机房里好像藏了个人 门被从里面锁上了",
        "库房里有个陌生人 不知道怎么进来的",
        "打烊后店里有动静 好像有人在里面",
    ],
)
def test_an_intruder_inside_is_security_now(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("SEC-SAFE", "complaint", True)


def test_a_door_locked_from_inside_with_nobody_there_is_the_lock():
    result = nlp.classify("卫生间的门从里面反锁了 里面没人 打不开")
    assert (result.code, result.urgent) == ("ENG-DOOR", False)


@pytest.mark.parametrize(
    "text",
    ["小孩躲在试衣间里玩 叫不出来", "有人在门口躲雨 把门堵住了", "下班了 办公室里还有人在加班 空调能不能晚点关"],
)
def test_hiding_at_play_sheltering_or_working_late_is_no_intruder(text):
    assert nlp.classify(text).urgent is False


# -- a service wished on days or hours it does not run now: a suggestion on its topic -------------


@pytest.mark.parametrize("text", ["希望服务中心周日也能开门", "希望物业节假日也能办理", "希望管理处中午也能办公"])
def test_a_service_wished_on_more_days_is_a_suggestion(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "suggestion")


@pytest.mark.parametrize("text", ["服务中心周六上班吗", "周日也开门吗", "前台中午有人值班吗"])
def test_asking_whether_it_runs_stays_a_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


# -- a car's alarm sounding: a nuisance made by others, not the fire alarm 报警 names -------------


@pytest.mark.parametrize(
    "text",
    ["停车场B2那边有个车一直在报警 响了半个小时了 吵死了", "楼下有辆车的防盗器一直响 吵得睡不着", "地库有辆轿车警报响个不停"],
)
def test_a_car_alarm_is_a_noise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.urgent) == ("SEC-NOISE", "complaint", False)


@pytest.mark.parametrize("text", ["烟感报警了 一直在响", "消防报警器一直在响 没着火", "车库的火警报警器一直响"])
def test_a_smoke_or_fire_alarm_stays_the_fire_equipment(text):
    assert nlp.classify(text).code == "ENG-FIRE"


# -- the air conditioner named in English words (air conditioner, air conditioning) -----------------


@pytest.mark.parametrize(
    "text",
    ["the air conditioner is not working, very hot inside", "our air conditioners stopped", "air conditioner making loud noise"],
)
def test_the_air_conditioner_in_english_is_hvac(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("ENG-HVAC", "repair")


# -- what comes out decides a 冒出来: smoke or fire is the guards', water the plumbing's ------------


@pytest.mark.parametrize("text", ["B座地下室好像着火了 有好多黑烟冒出来", "仓库门缝里有烟冒出来", "有好多黑烟冒出来"])
def test_smoke_coming_out_is_a_fire_not_a_drain(text):
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True)


@pytest.mark.parametrize("text", ["水从地漏冒出来", "污水冒出来了 满地都是", "厨房下水道往外冒黑水"])
def test_water_coming_out_stays_the_plumbing(text):
    assert nlp.classify(text).code == "ENG-PLUMB"


# -- water said in English to be leaking onto goods, with words between: damage in progress -------


@pytest.mark.parametrize(
    "text", ["water leaking from ceiling onto our server rack", "water is dripping from the roof all over our stock"]
)
def test_water_leaking_onto_goods_in_english_is_urgent(text):
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("ENG-LEAK", True)


@pytest.mark.parametrize("text", ["small leak stain on the ceiling", "ceiling leaking a little, nothing damaged"])
def test_a_leak_alone_in_english_is_calm(text):
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("ENG-LEAK", False)


# -- a lamp coming down: the model hears fire equipment (罩 of a covered smoke detector, a fallen
# exit sign) where none is named; the rules' lamp stands ------------------------------------------


@pytest.mark.parametrize("text", ["灯罩掉下来了", "走廊的筒灯掉下来了 吊在半空"])
def test_a_lamp_coming_down_is_the_lamp(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("ENG-ELEC", "repair")


@pytest.mark.parametrize("text", ["楼梯间的应急灯掉下来了", "安全出口指示牌松了 快掉了", "烟感的罩子掉下来了"])
def test_fire_equipment_coming_down_stays_fire_equipment(text):
    assert nlp.classify(text).code == "ENG-FIRE"
