"""What is wrong with a surface itself (issue 17): a floor or a ramp too slippery is the
surface's (ENG-CIVIL) or the cleaners' (ENV-CLEAN), never the car park's or a leak's unless
water is said; flyers stuck on a lift or a hydrant's box are dirt; graffiti is dirt."""

import pytest

import nlp


@pytest.mark.parametrize(
    "text",
    ["车库出口的斜坡太滑 电瓶车都上不去", "停车场地面刷了漆 太滑了 车都打滑", "下雨天大堂门口滑得很 能不能放个防滑垫"],
)
def test_a_slippery_surface_is_the_surface(text):
    assert nlp.classify(text).code == "ENG-CIVIL"


@pytest.mark.parametrize("text", ["走廊新打的蜡太滑了 摔了一跤", "电梯里地面好滑 不知道洒了什么"])
def test_a_surface_made_slippery_by_mopping_or_a_spill_is_cleaning(text):
    assert nlp.classify(text).code == "ENV-CLEAN"


def test_slippery_with_water_coming_in_stays_the_water(rules):
    assert rules.classify("天花板一直在滴水 地上好滑").code == "ENG-LEAK"


def test_other_slides_are_no_slippery_surface(rules):
    assert rules.classify("滑梯坏了 螺丝掉了").code == "ENG-CIVIL"
    assert rules.classify("推拉门的滑轨坏了 推不动").code == "ENG-DOOR"


@pytest.mark.parametrize("text", ["消防栓箱上贴满了小广告", "电梯门上被人贴了小广告", "电梯轿厢里被人乱涂乱画", "楼道墙上被小孩涂鸦"])
def test_flyers_stuck_and_graffiti_are_dirt(text):
    assert nlp.classify(text).code == "ENV-CLEAN"


def test_people_handing_out_flyers_stay_security(rules):
    assert rules.classify("单元门口总有陌生人发小广告").code == "SEC-SAFE"


@pytest.mark.parametrize(
    "text, code",
    [("我们家的抽油烟机声音突然变得很大", "ENG-HVAC"), ("二楼空调机房隔壁的员工厕所洗手盆下面一直在滴水", "ENG-PLUMB")],
)
def test_words_the_keywords_lacked(text, code):
    assert nlp.classify(text).code == code


@pytest.mark.parametrize(
    "text", ["昨天报了走廊灯坏了 今天能来人修吗", "上午报修的空调 下午会派师傅过来吗", "今天能安排人来看下吗 昨天报了马桶堵"]
)
def test_asking_whether_someone_can_come_after_a_report_is_a_desk_question(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_renting_a_venue_is_a_request_for_the_desk(rules):
    result = rules.classify("想租用一下你们的场地")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text", ["一下雨 卧室的墙就潮潮的", "下雨天 墙角发霉"])
def test_a_wall_damp_when_it_rains_is_seepage(rules, text):
    assert rules.classify(text).code == "ENG-LEAK"


@pytest.mark.parametrize(
    "text, code", [("个人建议 楼梯间的灯能换成感应的就好了", "ENG-ELEC"), ("门能不能修一下 关不上", "ENG-DOOR")]
)
def test_a_one_character_object_before_whether_it_can_still_names_its_code(rules, text, code):
    # jieba glues 灯能, 门能 into words that name nothing; 电能, 水能 are words and stay whole
    assert rules.classify(text).code == code
