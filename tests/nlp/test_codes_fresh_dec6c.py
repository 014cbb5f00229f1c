"""Fresh chat probes (codes and intents), Dec 6, third pass. Sentences written for this file;
each class has cases that must fire beside a sibling sharing its words that must not."""

import pytest

import nlp

# -- getting ready for weather or a holiday coming, asked: a desk question, not the fault feared --


@pytest.mark.parametrize(
    "text",
    ["台风要来了 地库有没有准备沙袋啊", "明天大暴雨 车库会不会淹 物业有准备吗", "寒潮要来了 外面的水管要不要包一下", "过年放烟花物业有啥规定没"],
)
def test_getting_ready_for_weather_or_a_holiday_is_a_desk_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize(
    "text, code", [("台风过后车库的积水一直没排掉", "ENG-PLUMB"), ("寒潮一来外面的水管冻裂了", "ENG-PLUMB")]
)
def test_the_weather_come_and_gone_leaves_the_fault(text, code):
    assert nlp.classify(text).code == code


def test_a_holiday_named_in_a_jibe_is_no_question():
    assert nlp.classify("楼道的垃圾三天没人收了 保洁是放假了吗").code == "ENV-CLEAN"


# -- a musty or stale smell with nothing wet or mechanical named: cleaning -------------------------


@pytest.mark.parametrize("text", ["地下储藏室一股霉味 闷得很", "大堂有股发霉的味道 潮潮的", "楼梯间一股霉臭味"])
def test_a_musty_smell_alone_is_cleaning(text):
    assert nlp.classify(text).code == "ENV-CLEAN"


@pytest.mark.parametrize(
    "text, code", [("空调一开就一股霉味", "ENG-HVAC"), ("卧室墙角渗水发霉了 一股霉味", "ENG-LEAK")]
)
def test_a_musty_smell_from_a_machine_or_a_wet_wall_stays_its_source(text, code):
    assert nlp.classify(text).code == code


# -- a sign, a letter or a decoration coming off a facade: the building's fabric --------------------


@pytest.mark.parametrize(
    "text", ["外墙上的招牌掉了一个字", "单元楼号牌掉下来了", "门口挂的灯笼被风刮下来一个", "外墙装饰条松了"]
)
def test_a_facade_piece_coming_off_is_civil(text):
    assert nlp.classify(text).code == "ENG-CIVIL"


def test_water_through_the_facade_stays_a_leak():
    assert nlp.classify("下雨外墙渗水 墙纸都湿了").code == "ENG-LEAK"


# -- how long footage is kept, nothing lost: a desk question; after a loss: security's ----------


def test_how_long_footage_is_kept_is_a_desk_question():
    result = nlp.classify("小区监控录像能保存多久啊")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_footage_asked_after_a_loss_stays_security():
    assert nlp.classify("电动车电瓶被偷了 能看下监控吗").code == "SEC-SAFE"


# -- a polite request to come and fix a fault is a repair of it, not a question ---------------------


@pytest.mark.parametrize(
    "text, code",
    [("纱窗破了个洞 可以来补一下吗", "ENG-DOOR"), ("空调滤网脏了 能帮忙洗一下吗", "ENG-HVAC"), ("门吸松了 能不能来紧一下", "ENG-DOOR")],
)
def test_a_polite_request_to_fix_a_fault_is_a_repair(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "repair")


@pytest.mark.parametrize("text", ["门口那棵树挡着窗户了 能修剪一下吗", "换个纱窗多少钱"])
def test_a_tree_to_trim_or_a_price_is_no_fix_of_the_named_object(text):
    assert nlp.classify(text).code != "ENG-DOOR"


# -- a proposal of something new (我觉得…可以, 可以在…吗) is a suggestion on its topic -----------


@pytest.mark.parametrize(
    "text, code",
    [("我觉得停车场可以多划几个临时车位", "SEC-PARK"), ("个人觉得健身器材旁边可以放个垃圾桶", "ENV-CLEAN"), ("可以在游乐场周围种几棵树吗", "ENV-GREEN")],
)
def test_a_proposal_of_something_new_is_a_suggestion_on_its_topic(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


def test_a_fault_beside_a_proposal_is_no_suggestion():
    assert nlp.classify("我觉得车库的灯坏了可以换一下").intent == "repair"


# -- a lift named only as the place where something happened: the act decides -------------------


@pytest.mark.parametrize("text", ["电梯口有两个人在吵架", "电梯厅那边有人吵架 吵了半个小时"])
def test_a_quarrel_by_the_lift_is_no_lift_fault(rules, text):
    assert rules.classify(text).code != "ENG-LIFT"


@pytest.mark.parametrize("text", ["电梯运行起来咣咣响 吵死了", "电梯口的按钮按了没反应"])
def test_the_lift_itself_at_fault_stays_the_lift(rules, text):
    assert rules.classify(text).code == "ENG-LIFT"


# -- a renovation said to go on without its paperwork breaks the renovation rules -----------------


@pytest.mark.parametrize("text", ["隔壁切割石材的声音好刺耳 也没见他们报备", "楼上没报备就开始砸墙了"])
def test_a_renovation_without_its_paperwork_is_decoration_management(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SEC-DECOR", "complaint")


def test_a_cutting_machine_on_a_site_stays_noise():
    assert nlp.classify("外面工地切割机一直响 吵死了").code == "SEC-NOISE"


def test_a_proposal_on_a_topic_the_rules_miss_stays_a_suggestion():
    assert nlp.classify("可以在大门口放几个共享雨伞吗").intent == "suggestion"


# -- a scooter charged indoors is a fire risk, security's; a charging pile down is a repair --------


@pytest.mark.parametrize("text", ["电瓶车在楼道里充电 太危险了 也没人管", "有人把电动车推进电梯拿回家充电"])
def test_a_scooter_charged_indoors_is_security(text):
    assert nlp.classify(text).code == "SEC-SAFE"


def test_a_charging_pile_down_stays_electrical():
    assert nlp.classify("楼下充电桩坏了 电动车充不上电").code == "ENG-ELEC"


# -- a neighbour's machine humming is a noise; a dog's mess on a lawn is cleaning ------------------


@pytest.mark.parametrize("text", ["楼上的空调外机嗡嗡响 吵得睡不着", "对门的排风扇半夜还在轰轰响"])
def test_a_neighbours_machine_humming_is_noise(rules, text):
    assert rules.classify(text).code == "SEC-NOISE"


def test_a_neighbours_machine_leaking_stays_its_fault(rules):
    assert rules.classify("楼上空调外机漏水 滴到我家窗台").code == "ENG-HVAC"


@pytest.mark.parametrize("text", ["邻居家的狗在草坪上拉屎没人收拾", "绿化带里全是狗粪"])
def test_a_dogs_mess_on_a_lawn_is_cleaning(rules, text):
    assert rules.classify(text).code == "ENV-CLEAN"


def test_a_lawn_sprinkler_down_is_greenery(rules):
    assert rules.classify("草坪的喷灌头坏了 草都黄了").code == "ENV-GREEN"


# -- staff who do not answer at all: the handling, as one slow to answer --------------------------


@pytest.mark.parametrize("text", ["物业群里那个管家从来不回消息", "发了好几条微信给管家都没人回"])
def test_staff_who_never_answer_is_the_handling(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


def test_a_bad_manner_beside_it_stays_the_manner():
    assert nlp.classify("管家态度差 从来不回消息").code == "SVC-ATTI"


# -- a fire shutter is fire equipment, not a shop's roller door ------------------------------------


@pytest.mark.parametrize("text", ["消防卷帘门自己放下来了", "车库的防火卷帘半天降不下来"])
def test_a_fire_shutter_is_fire_equipment(rules, text):
    assert rules.classify(text).code == "ENG-FIRE"


def test_a_shops_roller_door_stays_a_door(rules):
    assert rules.classify("店里的卷帘门拉不下来了").code == "ENG-DOOR"
